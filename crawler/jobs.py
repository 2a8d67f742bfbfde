"""Job files: the crawls of a scheduled run, checked before anything is fetched.

    [job]
    name = "county-edu"              # runs of one job are compared with each other
    out = "output"                   # relative to this file's folder, or absolute
    replica = false                  # true (or a table of server options): crawl the bundled replicas
    settings = { LOG_LEVEL = "INFO" }    # for every crawl (optional)

    [[crawl]]                        # one or more, run one after another
    spider = "generic"
    args = { start = "http://jyj.example.gov.cn/col/gzzj/index.html", follow = 2 }
    settings = { CLOSESPIDER_TIMEOUT = 3600 }

Relative paths anywhere in the file (out, a `urls` file, JOBDIR...) are relative to
the file's folder.  Everything wrong with a job file is a JobError naming the file
and what to fix; `python -m crawler run` (crawler/jobrun.py) reports it in one line.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

JOB_KEYS = {"name", "out", "replica", "settings"}
CRAWL_KEYS = {"spider", "args", "settings"}
# Settings the job decides for all its crawls; a crawl may not set them.
JOB_OWNED = {"WENKU_OUT": "set `out` in [job]", "WENKU_JOB": "set `name` in [job]"}
JOB_NAME = re.compile(r"^[\w.-]+$")


class JobError(ValueError):
    """A job file that cannot be run as written (the message says where and what to fix)."""


@dataclass(frozen=True)
class Crawl:
    spider: str
    args: dict[str, str] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    path: Path
    name: str
    out: Path
    crawls: tuple[Crawl, ...]
    settings: dict = field(default_factory=dict)
    replica: dict | None = None         # replica server options, None: crawl the real sites

    @property
    def folder(self) -> Path:
        return self.path.parent


def table(value, where: str, path: Path) -> dict:
    if not isinstance(value, dict):
        raise JobError(f"{path}: {where} must be a table, like {{ KEY = value }}")
    return value


def unknown_keys(data: dict, known: set[str], where: str, path: Path) -> None:
    extra = sorted(set(data) - known)
    if extra:
        raise JobError(f"{path}: unknown key {extra[0]!r} in {where} (known: {', '.join(sorted(known))})")


def arg_text(value, name: str, where: str, path: Path) -> str:
    """A spider argument as Scrapy passes it (`-a name=text`); a list becomes comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ",".join(str(v) for v in value)
    raise JobError(f"{path}: {where} argument {name!r} must be text, a number or a list of them")


def parse_job(data: dict, path: Path) -> Job:
    """The Job a parsed TOML document describes (shape and types only; see `check_job`)."""
    unknown_keys(data, {"job", "crawl"}, "the file (use [job] and [[crawl]])", path)
    head = table(data.get("job"), "[job]", path) if "job" in data else None
    if head is None:
        raise JobError(f"{path}: no [job] table; start the file with [job] and name = \"...\"")
    unknown_keys(head, JOB_KEYS, "[job]", path)
    name = head.get("name")
    if not isinstance(name, str) or not JOB_NAME.match(name):
        raise JobError(f"{path}: [job] needs name = \"...\" (letters, digits, '-', '_', '.')")
    out = head.get("out", "output")
    if not isinstance(out, str) or not out:
        raise JobError(f"{path}: [job] out must be a folder path")
    replica = head.get("replica", False)
    if isinstance(replica, bool):
        replica = {} if replica else None
    elif not isinstance(replica, dict):
        raise JobError(f"{path}: [job] replica must be true, false or a table of replica server options")
    crawls_data = data.get("crawl")
    if not isinstance(crawls_data, list) or not crawls_data:
        raise JobError(f"{path}: no [[crawl]]; add at least one, with spider = \"...\"")
    crawls = []
    for number, entry in enumerate(crawls_data, 1):
        where = f"[[crawl]] {number}"
        entry = table(entry, where, path)
        unknown_keys(entry, CRAWL_KEYS, where, path)
        spider = entry.get("spider")
        if not isinstance(spider, str) or not spider:
            raise JobError(f"{path}: {where} needs spider = \"...\" (`scrapy list` shows the names)")
        args = {key: arg_text(value, key, where, path)
                for key, value in table(entry.get("args", {}), f"{where} args", path).items()}
        crawls.append(Crawl(spider, args, dict(table(entry.get("settings", {}), f"{where} settings", path))))
    return Job(path=path, name=name, out=(path.parent / out).resolve(), crawls=tuple(crawls),
               settings=dict(table(head.get("settings", {}), "[job] settings", path)), replica=replica)


def load_job(path: str | Path) -> Job:
    """Read and parse a job file; JobError when it is missing, not TOML, or not a job."""
    path = Path(path).resolve()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise JobError(f"{path}: no such job file") from None
    except IsADirectoryError:
        raise JobError(f"{path}: a folder, not a job file") from None
    except OSError as exc:
        raise JobError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise JobError(f"{path}: not valid TOML ({exc}); fix that line") from None
    return parse_job(data, path)


def value_fits(value, default) -> bool:
    """Whether a setting's value has the kind of the setting's default (None: anything)."""
    if default is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, (dict, list, tuple)):
        return isinstance(value, (dict, list))
    return True


def kind_of(default) -> str:
    return {bool: "true or false", int: "a number", float: "a number", str: "text", dict: "a table",
            list: "a list", tuple: "a list"}.get(type(default), type(default).__name__)


def check_settings(values: dict, known: dict, where: str, path: Path) -> None:
    """Every name a Scrapy or project setting, every value of its kind."""
    for name, value in values.items():
        if name in JOB_OWNED:
            raise JobError(f"{path}: {where} sets {name}: {JOB_OWNED[name]} instead")
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f" (did you mean {close[0]}?)" if close else " (not a Scrapy or wenku setting)"
            raise JobError(f"{path}: {where}: unknown setting {name!r}{hint}")
        if not value_fits(value, known[name]):
            raise JobError(f"{path}: {where}: setting {name} wants {kind_of(known[name])}, got {value!r}")


def check_job(job: Job, spiders: dict[str, type], known_settings: dict) -> None:
    """Everything a run needs that can be checked before it starts: spiders exist, settings are
    known and of the right kind, each spider accepts its arguments.  Call with the job's folder
    as the working directory (relative argument paths are read from there)."""
    check_settings(job.settings, known_settings, "[job] settings", job.path)
    for number, crawl in enumerate(job.crawls, 1):
        where = f"[[crawl]] {number}"
        if crawl.spider not in spiders:
            close = difflib.get_close_matches(crawl.spider, list(spiders), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise JobError(f"{job.path}: {where}: no spider named {crawl.spider!r} ({hint}known: "
                           f"{', '.join(sorted(spiders))})")
        check_settings(crawl.settings, known_settings, f"{where} settings", job.path)
        try:
            spiders[crawl.spider](**crawl.args)
        except Exception as exc:  # noqa: BLE001 - whatever the spider says about its arguments
            raise JobError(f"{job.path}: {where} ({crawl.spider}): {exc}") from None
