"""The store's one exception: raised when a store cannot be opened or used as asked."""
from __future__ import annotations


class StoreError(Exception):
    """A store that cannot be opened or used as asked; the message says what to do."""
