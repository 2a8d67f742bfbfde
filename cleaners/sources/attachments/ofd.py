"""OFD (GB/T 33190, China's fixed-layout format) -> text from the package's XML.

An OFD file is a zip: OFD.xml names each document's root (Document.xml), which lists its
pages; each page's Content.xml holds TextObjects whose TextCode elements are the text, in
reading order.  No maintained Python reader is needed for that much.
"""
from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from cleaners.sources.attachments.errors import AttachmentError, ReadText
from cleaners.sources.attachments.layout import paragraphs, without_running_lines


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read(data: bytes) -> ReadText:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        root = etree.fromstring(package.read("OFD.xml"))
        page_lines: list[list[tuple[str]]] = []
        for doc_root in (el.text.strip().lstrip("/") for el in root.iter() if local(el.tag) == "DocRoot" and el.text):
            document = etree.fromstring(package.read(doc_root))
            folder = posixpath.dirname(doc_root)
            for page in (el for el in document.iter() if local(el.tag) == "Page" and el.get("BaseLoc")):
                content = etree.fromstring(package.read(posixpath.join(folder, page.get("BaseLoc").lstrip("/"))))
                page_lines.append([("".join(code.text or "" for code in text_object.iter() if local(code.tag) == "TextCode"),)
                                   for text_object in content.iter() if local(text_object.tag) == "TextObject"])
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as exc:
        raise AttachmentError("unreadable", f"OFD: {type(exc).__name__}: {exc}") from exc
    pages = len(page_lines)
    lines = [line for page in without_running_lines(page_lines) for (line,) in page]
    if not any(line.strip() for line in lines):
        raise AttachmentError("no text layer", f"OFD with {pages} page(s) and no text objects: a scan")
    return ReadText(paragraphs(lines), "ofd-xml", pages or None)
