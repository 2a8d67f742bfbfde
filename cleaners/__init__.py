"""wenku-corpus cleaners: raw scraped Chinese documents in, clean UTF-8 text out.

    from cleaners import clean, Document
    result = clean(Document(text=raw, url="https://..."))
"""
from .document import Change, CleanResult, Document
from .pipeline import Options, clean, clean_all

__all__ = ["Change", "CleanResult", "Document", "Options", "clean", "clean_all"]
