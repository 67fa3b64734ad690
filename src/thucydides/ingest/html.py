"""HTML pages: main text, title, date and site name through trafilatura."""
from __future__ import annotations

from thucydides.errors import ReportError
from thucydides.ingest.report import RawReport
from thucydides.ingest.text import iso_date, text_or_none


def read_html_report(html: str, source: str, path: str | None, url: str | None = None) -> RawReport:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = (doc.text if doc is not None else None) or ""
    if not text.strip():
        raise ReportError(source, "no article text found in the HTML page")
    try:
        published = iso_date(doc.date, source)
    except ReportError:
        published = None
    return RawReport(text=text, path=path, title=text_or_none(doc.title), outlet=text_or_none(doc.sitename),
                     url=text_or_none(doc.url) or url, published=published, from_html=True)
