"""wenku-corpus cleaners: raw scraped Chinese documents in, clean UTF-8 text out.

    from cleaners import clean, Document
    result = clean(Document(text=raw, url="https://..."))
"""
from cleaners.document import Change, CleanResult, Document

__all__ = ["Change", "CleanResult", "Document", "Options", "clean", "clean_all"]


def __getattr__(name: str):
    """The cleaning pipeline, imported on first use: a crawler process needs `cleaners.profiles`
    and `cleaners.steps.decode` only, not the pipeline's tables (~0.2 s of its start-up)."""
    if name in ("Options", "clean", "clean_all"):
        from cleaners import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
