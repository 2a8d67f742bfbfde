"""Hands crawled documents to the cleaners and the store: inline or through a writer process."""
