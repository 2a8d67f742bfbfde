"""The store never touches a file outside its folder, whatever its own files say."""
from __future__ import annotations

import os
import sqlite3

from cleaners.document import CleanResult
from cleaners.store import Store
from cleaners.store.layout import JOURNAL_NAME, atomic_write, inside

BODY = "县教育局二〇二四年工作总结。" + "全面推进义务教育优质均衡发展，深化课堂教学改革，加强教师队伍建设。" * 8


def result(doc_id: str) -> CleanResult:
    return CleanResult(id=doc_id, url=f"https://example.com/{doc_id}", site="local", title="工作总结",
                       text=BODY + doc_id, flags={"partial": False, "unrecovered_chars": 0, "script": "simplified"})


def test_a_crafted_journal_entry_cannot_delete_a_file_outside_the_store(tmp_path):
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    with Store(out) as store:
        store.add(result("a"))
    (out / JOURNAL_NAME).write_text(f"../victim.txt\n{victim}\n../victim.txt.new\n", encoding="utf-8")
    with Store(out):
        pass
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_crafted_trash_entry_cannot_delete_a_file_outside_the_store(tmp_path):
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    with Store(out) as store:
        store.add(result("a"))
    db = sqlite3.connect(out / ".index.sqlite")
    db.executemany("INSERT INTO trash (path) VALUES (?)", [("../victim.txt",), (str(victim),)])
    db.commit()
    db.close()
    with Store(out):
        pass
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_planted_tmp_symlink_is_replaced_not_written_through(tmp_path):
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("keep me", encoding="utf-8")
    os.symlink(victim, out / "doc.txt.tmp")
    atomic_write(out / "doc.txt", b"new content")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (out / "doc.txt").read_bytes() == b"new content"


def test_paths_through_symlinks_or_upward_are_not_inside(tmp_path):
    (tmp_path / "site").mkdir()
    os.symlink(tmp_path.parent, tmp_path / "link")
    assert inside(tmp_path, "site/a.txt") == tmp_path / "site" / "a.txt"
    for bad in ("../a.txt", "/etc/passwd", "link/a.txt", "site/../../a.txt", ""):
        assert inside(tmp_path, bad) is None, bad
