"""magic-html side of tools/dev_eval.py; runs under Python >= 3.12 (magic-html's floor).

    /work/venv312/bin/python tools/dev_eval_magic.py IN.jsonl OUT.jsonl

Reads {id, url, html} records, writes {id, title, text, seconds} records: magic-html's
GeneralExtractor on each page (timed per page), its HTML output turned into text with block
elements as line breaks.  Standard library + magic-html (and its lxml) only: the project's
own venv is Python 3.11, so nothing from the project is imported here.
"""
import json
import sys
import time

import lxml.html
from magic_html import GeneralExtractor

BLOCKS = {"p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "blockquote", "pre", "dd", "dt", "ul", "ol"}


def text_of(fragment: str) -> str:
    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


def main(src: str, dest: str) -> None:
    extractor = GeneralExtractor()
    with open(src, encoding="utf-8") as fin, open(dest, "w", encoding="utf-8") as fout:
        for line in fin:
            rec = json.loads(line)
            started = time.perf_counter()
            try:
                found = extractor.extract(rec["html"], base_url=rec["url"])
                title, text = found.get("title") or "", text_of(found.get("html") or "")
            except Exception:  # a page magic-html cannot handle scores as empty, like a crash would
                title, text = "", ""
            seconds = time.perf_counter() - started
            fout.write(json.dumps({"id": rec["id"], "title": title, "text": text, "seconds": seconds},
                                  ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
