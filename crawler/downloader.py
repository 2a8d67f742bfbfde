"""Scrapy's downloader, holding per-host concurrency when there is no download delay.

Scrapy (2.13+) takes a request off a host's slot queue and schedules its download as a
coroutine; the request counts as transferring only once that coroutine starts.  With a
delay the loop takes one request and stops, but with DOWNLOAD_DELAY = 0 (`WENKU_POLITE=False`:
tests, benchmark, `python -m crawler demo` against the local replica) it takes every queued
request at once, so CONCURRENT_REQUESTS_PER_DOMAIN = 1 let three requests to one host go out
together, and a block page came too late to stop the ones after it.

`ConcurrentSlotDownloader` counts a request as transferring from the moment it leaves the
queue (Scrapy's own `_download` adds it again, a no-op on a set, and removes it when done).
On a Scrapy whose downloader lacks the helpers this relies on, it is the plain downloader.
"""
from __future__ import annotations

from time import monotonic

from scrapy.core import downloader as scrapy_downloader
from scrapy.core.downloader import Downloader

_schedule_coro = getattr(scrapy_downloader, "_schedule_coro", None)
_call_later = getattr(scrapy_downloader, "call_later", None)
FIXABLE = _schedule_coro is not None and _call_later is not None and hasattr(Downloader, "_wait_for_download")


class ConcurrentSlotDownloader(Downloader):
    if FIXABLE:
        def _process_queue(self, slot) -> None:
            """Scrapy's `_process_queue` with one line added (marked)."""
            if slot.latercall:
                return
            now = monotonic()
            delay = slot.download_delay()
            if delay:
                penalty = delay - now + slot.lastseen
                if penalty > 0:
                    slot.latercall = _call_later(penalty, self._latercall, slot)
                    return
            while slot.queue and slot.free_transfer_slots() > 0:
                slot.lastseen = now
                request, queue_dfd = slot.queue.popleft()
                slot.transferring.add(request)          # added: counts before its coroutine starts
                _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
                if delay:
                    self._process_queue(slot)
                    break
