"""`BadInput`: an input, or a part of one, that gives no document, and why."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BadInput:
    where: str              # file, file:line or archive@offset
    reason: str             # what is wrong and what to do
    damaged: bool = False   # the input itself is broken (a truncated archive): the run failed
