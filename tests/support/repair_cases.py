"""What the repair-step tests share: sample texts, the steps in pipeline order, a checked call."""
from __future__ import annotations

from pathlib import Path

from cleaners.steps import repair

DATA = Path(__file__).parent.parent / "data"
SEED_000 = next((DATA / "seeds").glob("000_*.txt"))

STEPS = [repair.strip_html_residue, repair.strip_control_chars, repair.fix_whole_text_mojibake,
         repair.fix_misaligned_gbk, repair.fix_mojibake_runs, repair.strip_pinyin, repair.drop_irrecoverable]

SIMPLIFIED = "县教育局2024年工作总结：全县教育系统坚持立德树人，推进优质均衡发展，办好人民满意的教育。"
TRADITIONAL = "縣教育局2024年工作總結：全縣教育系統堅持立德樹人，推進優質均衡發展，辦好人民滿意的教育。"


def run(step, text):
    """The step's result, checked for the shape every step returns."""
    new, changes = step(text)
    assert isinstance(new, str) and all(c.step and c.action for c in changes)
    return new, changes


def as_windows_1252(raw: bytes) -> str:
    """Bytes as a browser's windows-1252 decoder gives them: the five undefined bytes as C1 controls
    (Python's cp1252 refuses them)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in raw)
