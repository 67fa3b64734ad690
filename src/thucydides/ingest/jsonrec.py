"""JSON and JSON Lines records with `text`, `title`, `published`, `outlet`, `url`."""
from __future__ import annotations

import json

from thucydides.errors import ReportError
from thucydides.ingest.report import RawReport
from thucydides.ingest.text import iso_date, text_or_none


def record_to_report(record, source: str, path: str | None) -> RawReport:
    if not isinstance(record, dict):
        raise ReportError(source, "a record is not a JSON object")
    text = record.get("text") or record.get("body") or record.get("content")
    if not isinstance(text, str) or not text.strip():
        raise ReportError(source, "record has no 'text'")
    return RawReport(text=text.replace("\r\n", "\n"), path=path, title=text_or_none(record.get("title")),
                     outlet=text_or_none(record.get("outlet") or record.get("source")),
                     url=text_or_none(record.get("url")),
                     published=iso_date(record.get("published") or record.get("date"), source))


def read_json_reports(text: str, source: str, path: str | None, lines: bool) -> list[RawReport | ReportError]:
    """One report per record; a .json file may hold one object or a list of them. A bad record
    becomes a ReportError in its place, so the good records of the same file are not lost."""
    if lines:
        records: list = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((f"{source}:{number}", json.loads(line)))
                except json.JSONDecodeError as err:
                    records.append((f"{source}:{number}", ReportError(f"{source}:{number}",
                                                                      f"invalid JSON ({err.msg}): one object per line")))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ReportError(source, f"invalid JSON ({err.msg} at line {err.lineno})") from None
        items = data if isinstance(data, list) else [data]
        records = [(f"{source}[{i}]" if isinstance(data, list) else source, item) for i, item in enumerate(items)]
    if not records:
        raise ReportError(source, "no records")
    out: list[RawReport | ReportError] = []
    for where, item in records:
        try:
            out.append(item if isinstance(item, ReportError) else record_to_report(item, where, path))
        except ReportError as error:
            out.append(error)
    if len(out) == 1 and isinstance(out[0], ReportError):
        raise out[0]
    return out
