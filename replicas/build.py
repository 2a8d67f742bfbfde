"""Write catalog.json and expected/ from the family definitions.

    python -m replicas.build          # rewrite catalog.json + expected/*
    python -m replicas.build --check  # exit 1 if the files on disk are stale

The catalog and the expected texts are generated (from content/ + the DocDefs),
never edited by hand; tests/test_sites.py fails when they are out of date.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .registry import all_sites

HERE = Path(__file__).parent
CATALOG = HERE / "catalog.json"


def catalog() -> dict:
    """The machine-readable contract: per family hosts, robots, start URLs, documents."""
    families = {}
    for site in all_sites():
        families[site.name] = {
            "hosts": list(site.hosts),
            "robots_disallow": [line.split(":", 1)[1].strip() for line in site.robots.splitlines()
                                if line.lower().startswith("disallow:") and line.split(":", 1)[1].strip()],
            "start_urls": site.start_urls(),
            "documents": [d.as_json() for d in site.documents()],
            **getattr(site, "catalog_extra", lambda: {})(),
        }
    return {"version": 1, "families": families}


def expected_files() -> dict[str, str]:
    out: dict[str, str] = {}
    for site in all_sites():
        out.update(getattr(site, "expected_files", lambda: {})())
    return out


def render_catalog() -> str:
    return json.dumps(catalog(), ensure_ascii=False, indent=1) + "\n"


def stale_files() -> list[str]:
    """Generated files whose content on disk differs from what the definitions give."""
    stale = []
    if not CATALOG.exists() or CATALOG.read_text(encoding="utf-8") != render_catalog():
        stale.append(str(CATALOG))
    for rel, text in expected_files().items():
        path = HERE / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path))
    return stale


def write_all() -> None:
    CATALOG.write_text(render_catalog(), encoding="utf-8")
    wanted = expected_files()
    for rel, text in wanted.items():
        path = HERE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path in (HERE / "expected").rglob("*.txt"):  # drop files of removed documents
        if str(path.relative_to(HERE)) not in wanted:
            path.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path} (run python -m replicas.build)")
        return 1 if stale else 0
    write_all()
    print(f"wrote {CATALOG} and {len(expected_files())} expected texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
