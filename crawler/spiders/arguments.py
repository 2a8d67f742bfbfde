"""The `-a key=value` arguments of the project's spiders, checked when the spider is made.

Scrapy hands every `-a` to the spider's constructor as a string and sets any it does not
know as an attribute: a typo (`-a max_doc=5`) or a bad value (`-a max_docs=abc`) would run a
crawl other than the one asked for, or stop it with a traceback deep in a middleware.  Here
each is one `SpiderArgumentError` naming the argument and what to give; `scrapy crawl` prints
it as one line and exits 2, as for a usage error (crawler/commands/crawl.py).
"""
from __future__ import annotations

import inspect
from typing import Iterable


class SpiderArgumentError(ValueError):
    """A spider argument that is unknown, missing or malformed; the message says what to give."""


def whole_number(name: str, value: str | int | None, default: int | None = None) -> int | None:
    """`-a NAME=N` as a whole number >= 0 (`default` when not given or empty)."""
    if value in (None, ""):
        return default
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SpiderArgumentError(f"-a {name}={value}: not a whole number; give e.g. -a {name}=50") from None
    if number < 0:
        raise SpiderArgumentError(f"-a {name}={value}: give a number of 0 or more")
    return number


def reject_unknown(spider, given: Iterable[str]) -> None:
    """Fail on an argument `spider` does not take: `given`, the keyword arguments its constructor
    did not name (what it takes is read off that constructor).  Names starting with `_` pass:
    scrapyd adds its own (`_job`, `_version`)."""
    unknown = sorted(name for name in given if not name.startswith("_"))
    if unknown:
        known = [name for name, parameter in inspect.signature(type(spider).__init__).parameters.items()
                 if name != "self" and parameter.kind is parameter.POSITIONAL_OR_KEYWORD]
        takes = ", ".join(f"-a {name}=…" for name in sorted(known))
        raise SpiderArgumentError(f"the {spider.name} spider takes no argument {', '.join(unknown)}; it takes {takes}")
