"""What a link or a line names as a document file: one list of extensions for the extractor
(an attachment's link, `extract_read` and `extract_boxes`) and the line model's spared lines
(an attachment's name under 附件, `line_blocks`), so that they agree on what an attachment is.
The crawler's own list of what it fetches is the `_gov.toml` profile's `[attachments]`."""
from __future__ import annotations

import re

EXTENSIONS = ("doc", "docx", "xls", "xlsx", "pdf", "wps", "et", "ofd", "ppt", "pptx", "zip", "rar", "7z", "txt", "csv")
_ANY = "|".join(EXTENSIONS)
# a link's address or text ending in one (a query or fragment may follow an address)
ATTACHMENT = re.compile(rf"\.(?:{_ANY})(?:[?#].*)?$", re.IGNORECASE)
# a line ending in a file's name (`1.开学工作安全检查表.docx`)
FILE_NAME = re.compile(rf"\S\.(?:{_ANY})\s*$", re.IGNORECASE)
