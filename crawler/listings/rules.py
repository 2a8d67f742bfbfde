"""The `_gov.toml` sections the listing readers use, read once."""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners import profiles


@lru_cache(maxsize=None)
def section(name: str):
    return profiles.get("_gov").extra.get(name, {})


@lru_cache(maxsize=None)
def patterns(name: str, key: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.S) for p in section(name).get(key, []))


@lru_cache(maxsize=None)
def pattern(name: str, key: str) -> re.Pattern | None:
    value = section(name).get(key)
    return re.compile(value, re.S) if value else None


@lru_cache(maxsize=None)
def compiled(value: str) -> re.Pattern:
    return re.compile(value, re.S)
