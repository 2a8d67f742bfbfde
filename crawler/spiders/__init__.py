"""Spiders: one per site profile (profiled.py) and the generic one (generic.py)."""
