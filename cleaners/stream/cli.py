"""`python -m cleaners ingest --redis URL --out DIR [--idle-exit SECONDS]`: the stream's writer."""
from __future__ import annotations

import sys
from pathlib import Path

from cleaners import pipeline
from cleaners.store import StoreError
from cleaners.stream import ingest, outage, records



class Say:
    """The outage's notes as the writer's other lines: one line each on stderr."""

    @staticmethod
    def warning(message: str, *args) -> None:
        print("ingest: " + message % args, file=sys.stderr, flush=True)


def register_cli(sub) -> None:
    i = sub.add_parser("ingest", help="store the documents of a Redis stream (the writer of a distributed crawl)",
                       description="Read cleaned results or raw documents from a Redis stream through a consumer "
                                   "group, deduplicate them against the store's index, write the store, and "
                                   "acknowledge each entry once its document is committed (exactly once across "
                                   "restarts).  One writer per output folder.")
    i.add_argument("--redis", required=True, metavar="URL", help="redis://HOST:PORT/DB")
    i.add_argument("--out", required=True, metavar="DIR", help="output folder (the store)")
    i.add_argument("--idle-exit", type=float, default=None, metavar="SECONDS",
                   help="stop when no entry came for this long and no crawl worker pushing to the stream is "
                        "still alive (default: run until stopped)")
    i.add_argument("--redis-lost-after", type=float, default=outage.LOST_AFTER, metavar="SECONDS",
                   help="stop with exit 1 once Redis has not answered for this long mid-run (a short outage is "
                        f"ridden out; default {outage.LOST_AFTER:g}); a Redis that does not answer at the start "
                        "fails at once")
    i.add_argument("--stream", default=records.STREAM, help=f"stream key (default {records.STREAM})")
    i.add_argument("--group", default=records.GROUP, help=f"consumer group (default {records.GROUP})")
    i.add_argument("--consumer", default="writer", help="consumer name in the group (default writer)")
    i.add_argument("--batch", type=int, default=500, metavar="N", help="entries read and committed at a time")
    i.add_argument("--no-dedup", action="store_true", help="write every document, duplicates too")
    i.add_argument("--script", choices=pipeline.SCRIPTS, default="simplified",
                   help="script of raw documents' cleaned text (default: simplified)")
    i.set_defaults(func=run_ingest)


def run_ingest(args) -> int:
    # Imported here, not at the top: `redis` costs ~0.25 s of CPU at start-up (measured), paid by
    # every `python -m cleaners` command otherwise; only `ingest` talks to Redis.
    import redis
    # (the client's timeouts: a Redis that hangs fails a call instead of blocking it for ever, so
    # the outage's deadline holds; XREADGROUP blocks ingest.BLOCK_MS only)
    try:
        client = outage.client(args.redis)
    except ValueError as exc:
        print(f"error: --redis {exc}", file=sys.stderr)
        return 2
    try:
        counts = ingest.ingest(client, Path(args.out), stream=args.stream, group=args.group, consumer=args.consumer,
                               idle_exit=args.idle_exit, batch=args.batch, dedup=not args.no_dedup,
                               options=pipeline.Options(script=args.script), stopping=ingest.Stopping(),
                               outage=outage.RedisOutage(args.redis, args.redis_lost_after, log=Say()))
    except outage.RedisLost as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except outage.outage_errors() as exc:       # at the start: fail at once
        print("error: " + outage.unreachable_message(args.redis, exc), file=sys.stderr)
        return 1
    except redis.RedisError as exc:
        print(f"error: Redis at {args.redis}: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("ingest done: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    return 0
