"""RSS and Atom feeds: each entry becomes a report, from its page or, when asked, its summary."""
from __future__ import annotations

import html
import re

from thucydides.errors import ReportError
from thucydides.ingest.report import RawReport
from thucydides.ingest.url import Fetched, fetch, page_report

TAG = re.compile(r"<[^>]+>")


def entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def summary_text(entry) -> str:
    raw = entry.get("summary") or ""
    if entry.get("content"):
        raw = max((c.get("value", "") for c in entry["content"]), key=len) or raw
    text = html.unescape(TAG.sub(" ", re.sub(r"(?i)<\s*(br|/p|/div|/li)\s*/?>", "\n", raw)))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def feed_reports(fetched: Fetched, source: str, summaries: bool = False, allow_private: bool = False,
                 timeout: float = 20.0) -> list[RawReport | ReportError]:
    """Every entry's report; an entry that fails stands in the list as its ReportError."""
    import feedparser

    feed = feedparser.parse(fetched.body)
    if feed.bozo and not feed.entries:
        raise ReportError(source, "not a readable RSS or Atom feed")
    outlet = feed.feed.get("title") or None
    out: list[RawReport | ReportError] = []
    for entry in feed.entries:
        link = entry.get("link")
        where = link or f"{source} entry {len(out) + 1}"
        try:
            if summaries or not link:
                text = summary_text(entry)
                if not text:
                    raise ReportError(where, "the feed entry has no summary text")
                report = RawReport(text=text, path=None, title=entry.get("title"), outlet=outlet, url=link)
            else:
                page = fetch(link, allow_private=allow_private, timeout=timeout)
                report = page_report(page, link)
                report = RawReport(text=report.text, path=None, title=report.title or entry.get("title"),
                                   outlet=report.outlet or outlet, url=report.url or link,
                                   published=report.published, from_html=True)
            if report.published is None and entry_date(entry):
                report = RawReport(**{**report.__dict__, "published": entry_date(entry)})
            out.append(report)
        except ReportError as error:
            out.append(error)
    return out


def url_reports(url: str, summaries: bool = False, allow_private: bool = False,
                timeout: float = 20.0) -> list[RawReport | ReportError]:
    """A URL's reports: one for a page, one per entry for a feed."""
    fetched = fetch(url, allow_private=allow_private, timeout=timeout)
    if fetched.is_feed:
        return feed_reports(fetched, url, summaries, allow_private, timeout)
    return [page_report(fetched, url)]
