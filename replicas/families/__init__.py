"""One module per replica family (sites sharing a CMS share a module)."""
