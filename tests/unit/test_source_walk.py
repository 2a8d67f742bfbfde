"""sources.expand walks a folder in sorted order and does not go into a folder it is told to skip
(an output store of this tool inside the input folder: millions of files, none of them inputs)."""
from pathlib import Path

from cleaners import sources


def _tree(root: Path) -> None:
    for rel in ("b.txt", "a/1.html", "a/2.txt", "a/notes.pdf", "out/site/d1.txt", "out/site/deep/d2.txt", "z/manifest.jsonl"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("文本", encoding="utf-8")


def test_a_folder_is_walked_in_sorted_order_with_unsupported_files_and_manifests_left_out(tmp_path):
    _tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in sources.expand([str(tmp_path)])]
    assert found == ["a/1.html", "a/2.txt", "b.txt", "out/site/d1.txt", "out/site/deep/d2.txt"]


def test_the_walk_does_not_go_into_a_skipped_folder(tmp_path):
    _tree(tmp_path)
    asked = []

    def skip(folder: Path) -> bool:
        asked.append(folder.relative_to(tmp_path).as_posix())
        return folder.name == "out"

    found = [p.relative_to(tmp_path).as_posix() for p in sources.expand([str(tmp_path)], skip)]
    assert found == ["a/1.html", "a/2.txt", "b.txt"]
    assert sorted(asked) == ["a", "out", "z"]                 # nothing below out/ is asked about
