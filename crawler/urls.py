"""Canonical URLs and document ids, so that one document is one request.

Sites hand out the same document under many URLs: `m.`/`www.`/`wap.` hosts,
`/p-<id>` and `/paper/<id>`, tracking parameters (`?fr=`, `_wkts_`, `utm_*`).
A document request is always made to the profile's `doc_url_template` filled
with the canonical id; other pages (listings, search) keep their path but lose
tracking parameters and fragments.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from cleaners import profiles
from cleaners.profiles import Profile, fold_host

# Query parameters that only say where a visitor came from.  Not `sid`/`id`/`aid`: on
# ASP/JSP government sites they select the document (`view.jsp?sid=123`).
TRACKING_PARAMS = frozenset({
    "fr", "from", "src", "ref", "refer", "referer", "spm", "share", "share_from",
    "_wkts_", "wkts", "bd_vid", "bdclkid", "gclid", "fbclid", "msclkid", "sessionid",
    "timestamp", "_t", "rnd", "random", "isappinstalled", "scene", "clicktime",
})
TRACKING_PREFIXES = ("utm_", "_wk", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")


def is_tracking_param(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


# URLs remembered by the helpers below: a page's links and its request's URL are looked at
# several times (same_site, doc id, document URL, middlewares), and listings repeat links.
URL_CACHE = 16384


@lru_cache(maxsize=URL_CACHE)
def hostname(url: str) -> str:
    """The URL's host name, lower case ("" if none)."""
    return urlsplit(url).hostname or ""


@lru_cache(maxsize=URL_CACHE)
def strip_tracking(url: str) -> str:
    """The URL without tracking parameters and fragment; remaining parameters sorted."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       urlencode(sorted(query)), ""))


def doc_id_for(profile: Profile, url: str) -> str | None:
    """The canonical id of a document URL of this profile (None: not a document URL).

    A family profile covers several sites (renrendoc, 163wenku, boteman...) whose
    numeric ids overlap, so ids from any host but the profile's first one carry
    the folded host: `511241566` on renrendoc.com, `boteman.cn-90031245` on boteman.
    """
    raw = profile.doc_id(strip_tracking(url))
    if raw is None:
        return None
    host = fold_host(hostname(url))
    primary = profile.hosts[0] if profile.hosts else host
    return raw if host == primary or host.endswith("." + primary) else f"{host}-{raw}"


def doc_url_for(profile: Profile, doc_id: str, seen_url: str) -> str:
    """The URL a document is fetched from: the profile's per-host template, else the tracking-free URL.

    `doc_url_templates = {"renrendoc.com" = "https://www.renrendoc.com/paper/{id}.html"}`
    makes `/p-<id>` and `/paper/<id>` links one request to one URL.
    """
    host = fold_host(hostname(seen_url))
    template = (profile.extra.get("doc_url_templates") or {}).get(host, "")
    raw = profile.doc_id(strip_tracking(seen_url))
    return template.format(id=raw) if template and raw else strip_tracking(seen_url)


def same_site(profile: Profile, url: str) -> bool:
    """Whether a link stays on this profile's hosts (so discovery never wanders off)."""
    return profile.matches_host(hostname(url))


def url_id(url: str) -> str:
    """A stable id for a page without a site profile: hash of its canonical URL."""
    return hashlib.sha1(strip_tracking(url).encode("utf-8")).hexdigest()[:16]


def canonical_key(url: str) -> str:
    """Key for de-duplicating non-document requests: host folded, tracking dropped."""
    parts = urlsplit(strip_tracking(url))
    return urlunsplit(("", fold_host(parts.netloc), parts.path, parts.query, ""))


def absolute(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL for a link, or None for javascript:/mailto:/empty links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    if href.startswith(("http://", "https://")):
        return href     # already absolute (most links on these sites): urljoin would only re-serialise it
    url = urljoin(base, href)
    return url if url.startswith(("http://", "https://")) else None


def profile_for(site: str | None, url: str | None) -> Profile:
    return profiles.resolve(site, url)
