"""The `clean` command's documents on their way into the store: held a few at a time and added
together (`Store.add_many`), so their key-file and prefix-anchor look-ups are made in one pass
over each key-file run instead of one pass per document."""
from __future__ import annotations

from cleaners.store import Store
from cleaners.store.host_lines import HostLineTable
from cleaners.store.prepared import Prepared, prepare

ADD_CHUNK = 32      # documents added together: each holds its text and file content meanwhile, and
                    # the workers clean the window's next inputs while the store adds a chunk


class Adding:
    """Documents waiting for `Store.add_many`, in input order; then, for the inputs that had one
    kept (kept or replaced: the outcome is known only then), their lines counted in the host-lines
    table, in the same order as when each document was added on its own.

    `flush` must run before the table commits (a window's end, see `cli._cleaned`): the next
    window's documents are to see the lines of every document stored before it."""

    def __init__(self, store: Store, host_table: HostLineTable | None, chunk: int | None = None) -> None:
        self.store, self.host_table, self.chunk = store, host_table, chunk or ADD_CHUNK
        self._prepared: list[Prepared] = []
        self._inputs: list[tuple[int, object, str]] = []   # (its documents, its first result, where)

    def add(self, where: str, first_result, documents: list[tuple]) -> None:
        """One input's documents to store (CleanResult, fingerprint or None each, `_own_id` done):
        prepared now, in order, as `Store.add` would; added with the others at the next flush."""
        if not documents:
            return
        self._prepared.extend(prepare(result, fingerprint, fingerprinted=self.store.dedup)
                              for result, fingerprint in documents)
        self._inputs.append((len(documents), first_result, where))
        if len(self._prepared) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        """Add the documents held, then count the kept inputs' lines."""
        if not self._prepared:
            return
        prepared, inputs = self._prepared, self._inputs
        self._prepared, self._inputs = [], []
        outcomes = iter(self.store.add_many(prepared))
        for count, first, where in inputs:
            kept = False
            for outcome in [next(outcomes) for _ in range(count)]:
                kept |= outcome.status in ("kept", "replaced")
            if kept and self.host_table is not None and first.line_keys is not None:
                self.host_table.count(first.line_keys, first.url or where)
