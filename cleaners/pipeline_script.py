"""The script stage of the pipeline.  Every rule, label and marker is written in Simplified: for a
Simplified output (the default) the text is converted right after the repairs, before the first
step that reads one (`第2页`, `索引号`, `当前位置`); for a kept or Traditional output the steps
that drop lines read a Simplified form of the text, line for line, and their drops apply to
the text as written.
"""
from __future__ import annotations

from collections.abc import Callable

from cleaners.chars.particle_zhe import particle_zhe
from cleaners.document import Change, Edit
from cleaners.steps import normalize


def lines_dropped_in_simplified(step: Callable[[str], Edit], text: str, converted: str | None) -> Edit:
    """A step that only drops lines, run on the text's Simplified form when the text was not
    converted to it (`converted`, the script it was converted from: None for a kept-script or
    Traditional output), its drops applied to the text as written: its labels are Simplified
    (`索引号`, not `索引號`).  A step that changed a line it kept is run on the text itself."""
    if converted is not None:
        return step(text)
    probe = normalize.to_simplified(text)
    if probe == text:
        return step(text)
    out, changes = step(probe)
    if not changes:
        return text, changes
    kept = [line.strip() for line in out.split("\n")]
    lines = text.split("\n")
    result, j = [], 0
    for line, simplified in zip(lines, probe.split("\n")):
        if j < len(kept) and kept[j] == simplified.strip():
            result.append(line)
            j += 1
    if j != len(kept):
        return step(text)
    return "\n".join(result), changes


def simplified_form(text: str, title: str) -> tuple[str, str]:
    """(the text in Simplified, the script it was written in)."""
    simplified = normalize.to_simplified(text)
    original_script = normalize.detect_script(text, simplified=simplified) if text else normalize.detect_script(title)
    if original_script == "traditional":      # t2s leaves the particle 著 (本著, 想著) as it is
        simplified = particle_zhe(simplified)
    return simplified, original_script


def in_simplified(text: str, title: str) -> tuple[str, str, str, list[Change]]:
    """(text, title, the script the text was written in, changes): text and title in Simplified."""
    simplified, original_script = simplified_form(text, title)
    changes = [Change("script", "converted", original_script, "simplified")] if simplified != text else []
    title = normalize.to_simplified(title)
    if original_script == "traditional":
        title = particle_zhe(title)
    return simplified, title, original_script, changes
