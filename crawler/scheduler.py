"""Scrapy's scheduler, made safe for a JOBDIR whose crawl was killed (`kill -9`, power cut).

Scrapy keeps a JOBDIR's request queue in per-priority `q00000` files plus positions that it
writes only on a clean close (`active.json` and each queue's `info.json`).  After a kill the
positions are missing or stale, and the queue reopened over the old files pops records from
the killed run in place of new ones, so requests are silently lost (the crawl-crash test
lost 2 of 300 documents this way).

`CrashSafeScheduler` notices a queue folder that was not closed cleanly (files but no
`active.json`), sets it aside, opens a fresh queue and re-enqueues every request found in
the old files, torn last record excepted.  Requests the killed run already handled come back
too: the dupefilter drops repeats, and `KnownDocumentMiddleware` drops documents the output
already holds without fetching them.  `active.json` is removed as soon as the queue is open,
so that a kill later in this run is noticed by the next one.
"""
from __future__ import annotations

import logging
import marshal
import pickle
import re
import shutil
import struct
from pathlib import Path

from scrapy.core.scheduler import Scheduler
from scrapy.utils.request import request_from_dict

logger = logging.getLogger(__name__)

CLEAN_CLOSE_MARKER = "active.json"
CHUNK_NAME = re.compile(r"q(\d{5})$")
RECORD_HEADER = struct.Struct(">L")         # queuelib's FifoDiskQueue record: size, then data


def unclosed_queue(dqdir: Path) -> bool:
    """Whether the queue folder holds requests but no sign of a clean close."""
    return (dqdir.is_dir() and not (dqdir / CLEAN_CLOSE_MARKER).exists()
            and any(p.is_file() and CHUNK_NAME.match(p.name) for p in dqdir.rglob("q*")))


def queued_records(folder: Path) -> list[bytes]:
    """Every whole record in the queue files below `folder`, chunk files in order."""
    chunks = sorted((p for p in folder.rglob("q*") if p.is_file() and CHUNK_NAME.match(p.name)),
                    key=lambda p: (str(p.parent), p.name))
    records = []
    for chunk in chunks:
        data = chunk.read_bytes()
        at = 0
        while at + RECORD_HEADER.size <= len(data):
            (size,) = RECORD_HEADER.unpack_from(data, at)
            if at + RECORD_HEADER.size + size > len(data):
                break                       # the record the kill cut short
            records.append(data[at + RECORD_HEADER.size:at + RECORD_HEADER.size + size])
            at += RECORD_HEADER.size + size
    return records


def _request_dict(record: bytes) -> dict | None:
    for loads in (pickle.loads, marshal.loads):     # Scrapy's pickle and marshal disk queues
        try:
            value = loads(record)
        except Exception:
            continue
        if isinstance(value, dict):
            return value
    return None


class CrashSafeScheduler(Scheduler):
    """`Scheduler` that recovers the requests of a JOBDIR queue left open by a killed crawl."""

    def open(self, spider):
        stale = self._set_aside_unclosed_queue()
        result = super().open(spider)
        if self.dqdir:
            (Path(self.dqdir) / CLEAN_CLOSE_MARKER).unlink(missing_ok=True)
        if stale is not None:
            self._requeue(stale, spider)
        return result

    def _set_aside_unclosed_queue(self) -> Path | None:
        if not self.dqdir or not unclosed_queue(Path(self.dqdir)):
            return None
        dqdir = Path(self.dqdir)
        stale = dqdir.with_name(dqdir.name + ".unclosed")
        shutil.rmtree(stale, ignore_errors=True)
        dqdir.rename(stale)
        dqdir.mkdir()
        return stale

    def _requeue(self, stale: Path, spider) -> None:
        records = queued_records(stale)
        requeued = unreadable = 0
        for record in records:
            as_dict = _request_dict(record)
            try:
                request = request_from_dict(as_dict, spider=spider) if as_dict is not None else None
            except Exception:
                request = None
            if request is None:
                unreadable += 1
                continue
            requeued += self.enqueue_request(request)
        logger.warning("JOBDIR queue %s was not closed cleanly (the crawl was killed?): re-enqueued %d of its "
                       "%d requests (the rest were repeats)%s", self.dqdir, requeued, len(records),
                       f"; {unreadable} unreadable records skipped" if unreadable else "")
        shutil.rmtree(stale, ignore_errors=True)
