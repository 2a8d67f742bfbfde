"""Per-site profiles: everything the project knows about one site family.

Profiles are TOML files in `cleaners/profiles/` (one per family, `_generic.toml`
for rules that apply everywhere), so a user can read and fix them when a site
changes its markup, without touching code.  Extra folders can be added with the
WENKU_PROFILES environment variable (os.pathsep-separated); a file there with the
same `name` replaces the bundled one.

Both halves use them: the crawler for hosts, URL patterns, search, pagination,
block pages and politeness; the cleaners for text/title locators, truncation
markers, boilerplate phrases and metadata patterns; both for what a page says
about its document (title, page count, format: `cleaners.page_facts`).

The cleaning rules and the page-fact locators (title, page count, format) are
the site's own followed by `_generic.toml`'s: a profile that leaves one of those
fields out gets the generic entries.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

# The bundled profiles as a resource folder: a real folder, or one inside a zipped egg (scrapyd).
BUNDLED = resources.files(__name__)
GENERIC = "_generic"


@dataclass(frozen=True)
class Profile:
    name: str
    label: str = ""
    hosts: tuple[str, ...] = ()
    tier: str = "A"                       # A: text in HTML, B: metadata only, C: images only
    enabled: bool = True
    doc_url: tuple[str, ...] = ()         # regexes with a named group `id`
    page_url: tuple[str, ...] = ()        # regexes for further pages of one document (group `id`, `page`)
    search_url: str = ""                  # template with {query} (and optionally {page})
    listing_links: tuple[str, ...] = ()   # CSS selectors for document links on listing/search pages
    next_page: tuple[str, ...] = ()       # CSS selectors for the next listing page
    doc_next_page: tuple[str, ...] = ()   # CSS selectors for a document's next preview page
    related_links: tuple[str, ...] = ()   # CSS selectors for related-document links
    text_selectors: tuple[str, ...] = ()  # CSS selectors of the text block, first hit wins
    title_selectors: tuple[str, ...] = () # CSS selectors (may end in ::attr(x)) for the title
    page_count_selectors: tuple[str, ...] = ()  # CSS/XPath; a bare element means its value, content or text
    page_count_patterns: tuple[str, ...] = ()  # regexes with group `n` over the page text
    format_selectors: tuple[str, ...] = ()     # CSS selectors for the document's file format (doc, pdf...)
    format_patterns: tuple[str, ...] = ()      # regexes with group `format` over the page text
    drop_selectors: tuple[str, ...] = ()  # elements removed before extraction
    truncation_markers: tuple[str, ...] = ()   # regexes; a hit means the text is a preview
    block_markers: tuple[str, ...] = ()   # regexes; a hit means a block/captcha page
    block_statuses: tuple[int, ...] = ()  # HTTP statuses that are a WAF challenge whatever the body
    block_cookies: tuple[str, ...] = ()   # regexes on Set-Cookie names that mark a WAF challenge
    boilerplate_lines: tuple[str, ...] = ()    # regexes, a matching line is dropped
    boilerplate_tails: tuple[str, ...] = ()    # regexes, a matching line and all after it are dropped
    boilerplate_spans: tuple[str, ...] = ()    # regexes, the matched span is dropped from within a line
    metadata_patterns: tuple[str, ...] = ()    # regexes with named groups -> metadata
    title_cleanup: tuple[str, ...] = ()   # regexes removed from titles ("【Word文档】", ".docx", "VIP")
    caption_patterns: tuple[str, ...] = ()     # regexes with group `title`, over a dropped line (image captions)
    compilation_markers: tuple[str, ...] = ()  # regexes for a part's heading (【篇一】); first group: its number
    split_compilations: bool = False      # split 【篇一】【篇二】 compilations into separate documents
    download_delay: float = 2.0
    concurrency: int = 1
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __hash__(self) -> int:
        """The hash of the compared fields, computed once per object: a profile keys the rule
        caches of the cleaning steps (several lookups per document, ~5 us each to hash every rule)."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self) if (f.compare if f.hash is None else f.hash)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict:
        """Pickled without the cached hash (string hashes differ from one process to the next)."""
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    def matches_host(self, host: str) -> bool:
        host = fold_host(host)
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def doc_id(self, url: str) -> str | None:
        """Canonical document id for a URL of this site, or None when it is not a document URL."""
        for pattern in self.doc_url:
            m = re.search(pattern, url)
            if m:
                return m.group("id")
        return None


def fold_host(host: str) -> str:
    """`m.` / `www.` / `wap.` and ports do not make a different site."""
    host = (host or "").lower().split(":")[0]
    for prefix in ("www.", "m.", "wap."):
        if host.startswith(prefix):
            return host[len(prefix):]
    return host


def _as_profile(data: dict, source: Path) -> Profile:
    known = set(Profile.__dataclass_fields__) - {"extra"}
    kwargs, extra = {}, {}
    for key, value in data.items():
        if key in known:
            kwargs[key] = tuple(value) if isinstance(value, list) else value
        else:
            extra[key] = value
    if "name" not in kwargs:
        raise ValueError(f"{source}: a profile needs a `name`")
    for key in ("doc_url", "page_url", "truncation_markers", "block_markers", "block_cookies", "boilerplate_lines",
                "boilerplate_tails", "boilerplate_spans", "metadata_patterns", "title_cleanup",
                "page_count_patterns", "format_patterns", "caption_patterns", "compilation_markers"):
        for pattern in kwargs.get(key, ()):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{source}: bad regex in `{key}`: {pattern!r} ({exc})") from exc
    return Profile(**kwargs, extra=extra)


def profile_dirs() -> list:
    """The profile folders, bundled first: Paths, or resource folders (`importlib.resources`)."""
    extra = [Path(p) for p in os.environ.get("WENKU_PROFILES", "").split(os.pathsep) if p]
    return [BUNDLED, *extra]


@lru_cache(maxsize=None)
def _load(dirs: tuple[Path, ...]) -> dict[str, Profile]:
    found: dict[str, Profile] = {}
    for folder in dirs:
        for path in sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name):
            with path.open("rb") as fh:
                try:
                    data = tomllib.load(fh)
                except tomllib.TOMLDecodeError as exc:
                    raise ValueError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
            profile = _as_profile(data, path)
            found[profile.name] = profile
    return found


def all_profiles() -> dict[str, Profile]:
    """name -> Profile, the generic one included."""
    return _profiles_for(os.environ.get("WENKU_PROFILES", ""))


@lru_cache(maxsize=None)
def _profiles_for(profiles_env: str) -> dict[str, Profile]:
    """`all_profiles` by the WENKU_PROFILES value it was read under (building the folder list
    costs ~6 us, and every cleaning step asks for the generic profile)."""
    return _load(tuple(profile_dirs()))


def generic() -> Profile:
    return all_profiles().get(GENERIC) or Profile(name=GENERIC)


NEVER = re.compile(r"(?!)")


@lru_cache(maxsize=None)
def generic_vocabulary(section: str, key: str) -> re.Pattern:
    """`[section] key` of `_generic.toml` (regex fragments: `[qa_site] labels`, `[forum_post]
    markers`) as one alternation, compiled once; a pattern matching nothing when there is none."""
    fragments = (generic().extra.get(section) or {}).get(key) or ()
    return re.compile("|".join(f"(?:{f})" for f in fragments)) if fragments else NEVER


def with_generic(profile: Profile, field_name: str) -> list:
    """The profile's entries of one field, then `_generic.toml`'s, each once."""
    base = generic()
    both = (profile, base) if profile.name != base.name else (base,)
    return list(dict.fromkeys(entry for p in both for entry in getattr(p, field_name)))


def get(name: str) -> Profile:
    try:
        return all_profiles()[name]
    except KeyError:
        raise KeyError(f"no site profile named {name!r}; known: {', '.join(sorted(all_profiles()))}") from None


def url_host(url: str | None) -> str:
    """The URL's host name; "" when it has none or does not parse (`http://[::1`, from a
    user's JSONL record, must not stop the cleaning)."""
    try:
        return urlsplit(url or "").hostname or ""
    except ValueError:
        return ""


def for_url(url: str | None) -> Profile:
    """The profile whose hosts cover this URL's host, else the generic one."""
    if url:
        return _for_host(url_host(url), os.environ.get("WENKU_PROFILES", ""))
    return generic()


@lru_cache(maxsize=4096)
def _for_host(host: str, profiles_env: str) -> Profile:
    """`for_url` by host, remembered (matching a host against every profile costs ~40 us, and a
    crawl asks about the same few hosts for every page); `profiles_env` keys the cache on the
    profile folders in use."""
    for profile in all_profiles().values():
        if profile.name != GENERIC and profile.matches_host(host):
            return profile
    return generic()


def resolve(site: str | None = None, url: str | None = None) -> Profile:
    if site and site in all_profiles():
        return all_profiles()[site]
    return for_url(url)
