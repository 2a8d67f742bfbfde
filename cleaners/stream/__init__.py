"""Documents through a Redis stream: many producers (crawl workers, or anyone who can XADD),
one writer (`python -m cleaners ingest`) that owns the output store.

Modules, each importing only those listed before it:
    records   the JSON of a stream entry: a cleaned result, or a raw document to clean
    producers who is still pushing to a stream (the writer's idle exit waits for them)
    outage    how long Redis has not answered, and when to give it up (the writer's and the workers')
    ingest    the writer loop: consumer group, store, XACK after the commit
    cli       the `ingest` command of `python -m cleaners`
"""
