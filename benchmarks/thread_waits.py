"""Where a thread's wall time goes, from the kernel's scheduler statistics (`/proc/.../schedstat`:
time on a core, time runnable but waiting for one): for bench_memory, whose wall figure fell
short of what its CPU per document predicted (stop 17: 1,526 docs/s against 2,221), so that a
run says which of these it was: the store thread's own CPU, waiting for a core (other
processes, the workers, the writer thread), waiting for the workers' chunks, waiting for the
writer thread (`drain`), or the rest of its sleeps (the GIL, which the writer thread holds for
its Python parts).  A section's sleep is its wall time less the time the thread spent on a core
or waiting for one meanwhile.  Linux only; elsewhere every figure reads 0."""
from __future__ import annotations

import time
from contextlib import contextmanager


def sched(path: str = "/proc/thread-self") -> tuple[int, int]:
    """(ns on a core, ns waiting for one) of the task at `path` (a thread, or a process's
    main thread): 0, 0 when the kernel does not say."""
    try:
        with open(f"{path}/schedstat") as fh:
            run, wait, _ = fh.read().split()
        return int(run), int(wait)
    except (OSError, ValueError):
        return 0, 0


class Waits:
    """Sleeps of the calling thread in named sections (`with waits.section(name)`), in ns; a
    section inside another counts its own sleeps, not the outer one's."""

    def __init__(self) -> None:
        self.sleep: dict[str, int] = {}
        self._inner: list[int] = []          # sleeps counted by the sections inside each open one

    @contextmanager
    def section(self, name: str):
        run0, wait0 = sched()
        started = time.perf_counter_ns()
        self._inner.append(0)
        try:
            yield
        finally:
            wall = time.perf_counter_ns() - started
            run1, wait1 = sched()
            slept = max(0, wall - (run1 - run0) - (wait1 - wait0))
            own = max(0, slept - self._inner.pop())
            if self._inner:
                self._inner[-1] += slept
            self.sleep[name] = self.sleep.get(name, 0) + own

    def wrap(self, owner, name: str, label: str) -> None:
        """owner.name (a method) timed as section `label`."""
        plain = getattr(owner, name)

        def timed(*args, **kwargs):
            with self.section(label):
                return plain(*args, **kwargs)

        setattr(owner, name, timed)


def split(wall_ns: int, before: tuple[int, int], after: tuple[int, int], waits: Waits, docs: int) -> dict[str, float]:
    """A thread's wall over `docs` documents, in us a document: `cpu` (on a core), `runqueue`
    (waiting for a core), each section's sleeps, and `other` sleeps (the rest)."""
    run, queued = after[0] - before[0], after[1] - before[1]
    parts = {"cpu": run, "runqueue": queued, **waits.sleep}
    parts["other"] = wall_ns - run - queued - sum(waits.sleep.values())
    return {name: ns / docs / 1e3 for name, ns in parts.items()}
