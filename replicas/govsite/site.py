"""What the three government families share: articles, attachments, publishing, conditional GETs.

A family (one CMS shape, gov-sites.md §2) subclasses `GovFamily` and supplies its URL shapes
and page templates.  The column's articles are its base articles plus those published at run
time (`ReplicaServer.publish`), with editors' revisions applied (`ReplicaServer.revise`), so
that tests of incremental crawls can count exactly what a rerun fetched.  Article pages
answer conditional requests (ETag / Last-Modified -> 304) like a real web server.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from email.utils import format_datetime, parsedate_to_datetime

from ..base import Doc, Request, Response, Site, State, html_response
from ..textlib import expected_text
from . import files
from .chrome import not_found_page
from .texts import GovText

REJECTED_KINDS = {"scanned": "no text layer", "corrupt": "unreadable"}
CONTENT_TYPES = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass(frozen=True)
class Attachment:
    name: str                         # file name on the server, extension = format
    label: str                        # link text on the article page
    kind: str                         # pdf | scanned | corrupt | docx | doc | wps | ofd | xlsx | xls | et
    text: GovText | None = None
    rows: tuple | None = None

    @property
    def format(self) -> str:
        return self.name.rsplit(".", 1)[1].lower()

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]

    def data(self) -> bytes:
        if self.kind == "scanned":
            return files.scanned_pdf(self.name)
        if self.kind == "corrupt":
            return files.corrupt_pdf(self.name)
        if self.kind in ("xlsx", "xls", "et"):
            return (files.xlsx if self.kind == "xlsx" else files.et)(self.rows)
        maker = {"pdf": files.pdf, "docx": files.docx, "doc": files.doc, "wps": files.doc, "ofd": files.ofd}[self.kind]
        return maker(self.text)

    def expected(self) -> str | None:
        """The clean text of the attachment document; None for files that cannot be read."""
        if self.kind in REJECTED_KINDS:
            return None
        if self.rows is not None:
            return expected_text(self.rows[0][0], files.sheet_text(self.rows))
        return expected_text(self.text.title, self.text.body)


@dataclass(frozen=True)
class Article:
    n: int
    date: str                         # listed / published: YYYY-MM-DD HH:MM
    text: GovText
    index_no: str
    doc_no: str | None = None
    attachments: tuple[Attachment, ...] = ()
    attachment_only: bool = False     # the body only points to the attachment (详见附件)
    revision: int = 0
    first_date: str | None = None     # the date the article was created with (its URL keeps it)

    @property
    def day(self) -> str:
        return self.date[:10]

    @property
    def url_day(self) -> str:
        """The creation date, which CMSs write into the article's URL (a later edit keeps the URL)."""
        return (self.first_date or self.date)[:10]

    @property
    def modified(self) -> dt.datetime:
        published = dt.datetime.strptime(self.date, "%Y-%m-%d %H:%M").replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
        return published + dt.timedelta(hours=self.revision)

    @property
    def etag(self) -> str:
        digest = hashlib.sha1(f"{self.n}-{self.revision}-{self.date}".encode()).hexdigest()[:12]
        return f'"{digest}"'

    def expected(self) -> str:
        """Title, paragraphs and the page's `附件：<file name>` lines: a notice's list of its
        attachments is its own text (both real dev sets' golds keep it), though each file is
        fetched as a document of its own too."""
        return expected_text(self.text.title, "\n".join([self.text.body, *(f"附件：{a.label}" for a in self.attachments)]))

    def revised(self, revision: int, redated: bool) -> "Article":
        note = f"（本文于发布后作第{revision}次修订，补充了有关工作数据。）"
        date = self.date
        if redated:
            moved = dt.datetime.strptime(self.date, "%Y-%m-%d %H:%M") + dt.timedelta(days=revision)
            date = moved.strftime("%Y-%m-%d %H:%M")
        text = GovText(self.text.title, (*self.text.paragraphs, note))
        return replace(self, text=text, date=date, revision=revision, first_date=self.first_date or self.date)


class GovFamily(Site):
    """A government site with one CMS shape.  Subclasses set the class attributes below and
    implement base_articles, published_article, article_path, attachment_url, article_page."""

    org = ""                          # 发布机构 / 来源
    home_path = "/"
    attachment_type: str | None = "application/octet-stream"   # what gov servers often send; None: per format

    def setup(self) -> None:
        self.base = self.base_articles()

    # ---------------------------------------------------------------- to implement
    def base_articles(self) -> list[Article]:
        raise NotImplementedError

    def published_article(self, k: int) -> Article:
        """The k-th article published at run time (k = 1, 2, ...), newer than every base article."""
        raise NotImplementedError

    def article_path(self, article: Article) -> str:
        raise NotImplementedError

    def attachment_url(self, article: Article, attachment: Attachment) -> str:
        """Where the file is served (the article may link another URL that redirects here)."""
        raise NotImplementedError

    def attachment_link(self, article: Article, attachment: Attachment) -> str:
        return self.attachment_url(article, attachment)

    def article_page(self, article: Article) -> Response:
        raise NotImplementedError

    # ---------------------------------------------------------------- articles
    def url(self, path: str) -> str:
        return f"https://{self.hosts[0]}{path}"

    def articles(self, state: State | None = None) -> list[Article]:
        """Newest first: the base articles, the published ones, each at its latest revision."""
        found = list(self.base)
        if state is not None:
            with state.lock:
                published = state.published[self.name]
                revised = {n: r for (family, n), r in state.revised.items() if family == self.name}
            found += [self.published_article(k) for k in range(1, published + 1)]
            found = [a.revised(*revised[a.n]) if a.n in revised else a for a in found]
        return sorted(found, key=lambda a: (a.date, a.n), reverse=True)

    def article_at(self, state: State, path: str) -> Article | None:
        return next((a for a in self.articles(state) if self.article_path(a) == path), None)

    def publish(self, state: State, count: int) -> list[str]:
        with state.lock:
            first = state.published[self.name] + 1
            state.published[self.name] += count
        return [self.url(self.article_path(self.published_article(k))) for k in range(first, first + count)]

    def revise(self, state: State, url: str, redate: bool) -> None:
        article = next((a for a in self.articles(state) if self.url(self.article_path(a)) == url), None)
        if article is None:
            raise KeyError(f"{url} is no article of {self.name}")
        with state.lock:
            revision = state.revised.get((self.name, article.n), (0, False))[0] + 1
            state.revised[(self.name, article.n)] = (revision, redate)

    # ---------------------------------------------------------------- handlers
    def serve_article(self, req: Request, state: State, m) -> Response:
        article = self.article_at(state, req.path)
        if article is None:
            return self.not_found(req)
        validators = [("ETag", article.etag), ("Last-Modified", format_datetime(article.modified.astimezone(dt.timezone.utc), usegmt=True))]
        if not_modified(req, article):
            return Response(304, b"", validators)
        response = self.article_page(article)
        response.headers += validators
        return response

    def serve_attachment(self, req: Request, state: State, m) -> Response:
        for article in self.articles(state):
            for attachment in article.attachments:
                if self.attachment_url(article, attachment) == self.url(req.path):
                    ctype = self.attachment_type or CONTENT_TYPES.get(attachment.format, "application/octet-stream")
                    return Response(200, attachment.data(), [("Content-Type", ctype)])
        return self.not_found(req)

    def not_found(self, req: Request) -> Response:
        return html_response(not_found_page(self.url(self.home_path)), status=404)

    # ---------------------------------------------------------------- catalog
    def documents(self) -> list[Doc]:
        out = []
        for article in self.articles():
            url = self.url(self.article_path(article))
            kind = "attachment-only" if article.attachment_only else "text"
            out.append(Doc(site=self.name, id=str(article.n), url=url, title=article.text.title, kind=kind,
                           page_count=None, pages_served=None, encoding=self.encoding,
                           expected=[] if article.attachment_only else [f"expected/{self.name}/{article.n}.txt"],
                           notes="body only points to its attachment (详见附件)" if article.attachment_only else ""))
            for attachment in article.attachments:
                link, where = self.attachment_link(article, attachment), self.attachment_url(article, attachment)
                rejected = REJECTED_KINDS.get(attachment.kind)
                out.append(Doc(site=self.name, id=attachment.stem, url=where,
                               title=attachment.rows[0][0] if attachment.rows else (attachment.text.title if attachment.text else attachment.label),
                               kind="rejected" if rejected else "attachment", page_count=None, pages_served=None,
                               encoding="binary", expected=[] if rejected else [f"expected/{self.name}/{attachment.stem}.txt"],
                               other_urls=[link] if link != where else [],
                               notes=f"{attachment.format} attachment of {url}" + (f"; {rejected}" if rejected else "")))
        return out

    def expected_files(self) -> dict[str, str]:
        out = {}
        for article in self.articles():
            if not article.attachment_only:
                out[f"expected/{self.name}/{article.n}.txt"] = article.expected()
            for attachment in article.attachments:
                text = attachment.expected()
                if text is not None:
                    out[f"expected/{self.name}/{attachment.stem}.txt"] = text
        return out

    def expected_metadata(self, article: Article) -> dict:
        """What the manifest should say about the article (the page states all of it)."""
        return {"date": article.day, "source": self.org, "index_no": article.index_no,
                **({"doc_no": article.doc_no} if article.doc_no else {})}

    def catalog_extra(self) -> dict:
        """What the gov tests check beyond the text: metadata per article, attachments per file."""
        metadata, attachments = {}, {}
        for article in self.articles():
            url = self.url(self.article_path(article))
            metadata[url] = self.expected_metadata(article)
            for attachment in article.attachments:
                attachments[self.attachment_url(article, attachment)] = {
                    "attachment_of": url, "format": attachment.format, "link": self.attachment_link(article, attachment),
                    "reject": REJECTED_KINDS.get(attachment.kind), "date": article.day, "source": self.org}
        return {"metadata": metadata, "attachments": attachments}


def not_modified(req: Request, article: Article) -> bool:
    """A conditional GET the article still satisfies (If-None-Match first, as RFC 9110 says)."""
    tag = req.headers.get("if-none-match")
    if tag is not None:
        return article.etag in [t.strip() for t in tag.split(",")] or tag.strip() == "*"
    since = req.headers.get("if-modified-since")
    if since:
        try:
            return article.modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False
