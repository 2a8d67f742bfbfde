"""For tools that run `python setup.py` (scrapyd-deploy builds its egg so); everything is in pyproject.toml."""
from setuptools import setup

setup()
