"""信息公开 directories of columns (gkmlpt `/<sub>/gkmlpt/index`): each column's JSON listing.

The directory page is a JS app: the site id (`SID`) and the column tree (`TREE`: a JSON array
of {id, name, children}) are in its inline script.  Each column is listed by the API
`{root}api/all/<column>?page=N&sid=<SID>` (`_gov.toml` [directory]).  A start URL with a
fragment (`…/gkmlpt/index#257`) means that column alone.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from crawler.listings import rules
from crawler.listings.shapes import ListingPage, PageRequest

KIND = "directory"


def read(url: str, text: str, only: str | None = None) -> ListingPage | None:
    section = rules.section(KIND)
    path = urlsplit(url).path
    if not section or not path.endswith(section.get("path", "/gkmlpt/index")):
        return None
    sid = rules.pattern(KIND, "site_id").search(text)
    tree_at = rules.pattern(KIND, "tree").search(text)
    if sid is None or tree_at is None:
        return None
    try:
        tree, _ = json.JSONDecoder().raw_decode(text, tree_at.end())
    except ValueError:
        return None
    columns = column_ids(tree, section.get("columns", "leaves") == "leaves")
    if only:
        columns = [c for c in columns if c == only] or [only]
    root = url.split("#", 1)[0][: url.index("gkmlpt/") + len("gkmlpt/")] if "gkmlpt/" in url else url.rsplit("/", 1)[0] + "/"
    api = section.get("api", "{root}api/all/{column}?page={page}&sid={sid}")
    return ListingPage([], None, [PageRequest(api.format(root=root, column=c, page=1, sid=sid.group("sid")),
                                              state={"kind": "json"}) for c in columns])


def column_ids(tree, leaves_only: bool) -> list[str]:
    found: list[str] = []

    def walk(nodes):
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict):
                continue
            children = node.get("children") or []
            if "id" in node and (children == [] or not leaves_only):
                found.append(str(node["id"]))
            walk(children)

    walk(tree)
    return list(dict.fromkeys(found))
