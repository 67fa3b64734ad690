"""Plain-text and Markdown reports with optional YAML front matter."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from thucydides.errors import ReportError
from thucydides.ingest.report import RawReport

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


def split_front_matter(text: str, source: str) -> tuple[dict, str]:
    """Metadata from a leading `---` block and the body after it, leading blank lines removed."""
    if not text.startswith("---"):
        return {}, text
    match = FRONT_MATTER.match(text)
    if not match:
        raise ReportError(source, "malformed front matter: a leading '---' block has no closing '---' line")
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise ReportError(source, f"malformed front matter{line}: fix the YAML between the '---' lines") from None
    if not isinstance(meta, dict):
        raise ReportError(source, "malformed front matter: expected 'key: value' lines between the '---' lines")
    return meta, text[match.end():].lstrip("\n")


def iso_date(value, source: str, field: str = "published") -> str | None:
    """A metadata date as YYYY-MM-DD, accepting dates, datetimes and ISO strings."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ReportError(source, f"'{field}' is not a date ({text!r}): write it as YYYY-MM-DD") from None


def text_or_none(value) -> str | None:
    return None if value is None else (str(value).strip() or None)


def read_text_report(text: str, source: str, path: str | None) -> RawReport:
    meta, body = split_front_matter(text, source)
    if not body.strip():
        raise ReportError(source, "empty report: the front matter has no text after it")
    return RawReport(text=body, path=path, title=text_or_none(meta.get("title")),
                     outlet=text_or_none(meta.get("outlet") or meta.get("source")),
                     url=text_or_none(meta.get("url")),
                     published=iso_date(meta.get("published") or meta.get("date"), source))
