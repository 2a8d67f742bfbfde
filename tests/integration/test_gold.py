"""The seeds users actually get, cleaned by the real CLI, scored by the shared gold scorer."""
import re
import subprocess
import sys

from conftest import DATA, ROOT, SHARED

SCORER = SHARED / "tools" / "score_gold.py"


def test_cli_cleans_every_seed_to_gold(tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "cleaners", "clean", str(DATA / "seeds"), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    scorer = SCORER if SCORER.exists() else None
    assert scorer, "../shared/tools/score_gold.py is missing"
    score = subprocess.run([sys.executable, str(scorer), str(out), str(DATA / "gold")],
                           capture_output=True, text=True, timeout=300).stdout
    assert re.search(r"^clean_docs 5/5$", score, re.M), score
