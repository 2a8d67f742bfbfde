import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project root (cleaners, crawler, replicas) and the shared test helpers (tests/support).
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"

from redis_server import redis_server, redis_url  # noqa: E402,F401  - fixtures: a real redis-server
from processes import processes  # noqa: E402,F401  - fixture: the test's subprocesses, killed at its end
