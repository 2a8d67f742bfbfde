"""A host's download slot: paused for a back-off, given its own delay back, emptied when the
host is given up.  Shared by the politeness and block-page middlewares."""
from __future__ import annotations

import time

from scrapy.exceptions import IgnoreRequest

from crawler.middlewares import BLOCKED


def _slot(crawler, request):
    engine = crawler.engine
    key = request.meta.get("download_slot")
    return key, (engine.downloader.slots.get(key) if engine and key else None)


def pause_slot(crawler, request, seconds: float) -> None:
    """Make the request's host wait `seconds` before its next request (per-host back-off)."""
    key, slot = _slot(crawler, request)
    if slot is None:
        return
    saved = crawler.__dict__.setdefault("_wenku_paused_slots", {})
    saved.setdefault(key, slot.delay)
    slot.delay = max(slot.delay, seconds)
    slot.lastseen = time.monotonic()


def drop_queued(crawler, request, reason: str) -> int:
    """Fail the requests already waiting in the host's download slot (they passed the
    middlewares before the host was given up); returns how many."""
    key, slot = _slot(crawler, request)
    dropped = 0
    while slot is not None and slot.queue:
        queued, deferred = slot.queue.popleft()
        queued.meta[BLOCKED] = reason
        deferred.errback(IgnoreRequest(reason))
        dropped += 1
    return dropped


def resume_slot(crawler, request) -> None:
    """Give a paused host its own delay back (after a normal response)."""
    key, slot = _slot(crawler, request)
    saved = crawler.__dict__.get("_wenku_paused_slots", {})
    if slot is not None and key in saved:
        slot.delay = saved.pop(key)
