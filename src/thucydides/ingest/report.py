"""Dispatch an input to the reader of its format, after the checks every input gets."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from thucydides.errors import ReportError

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass(frozen=True)
class RawReport:
    """A report as read: its text and whatever metadata came with it."""

    text: str
    path: str | None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    from_html: bool = False


def too_large(source: str, size: int) -> ReportError:
    return ReportError(source, f"too large ({size / 1e6:.1f} MB; the limit is 5 MB): split it into reports")


def unknown_type(source: str, suffix: str) -> ReportError:
    return ReportError(source, f"unknown file type '{suffix}': use .md, .txt, .html, .htm, .json or .jsonl")


def decode(data: bytes, source: str) -> str:
    """Bytes to text, refusing empty, binary, oversized and non-UTF-8 input with a clear reason."""
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data))
    if not data.strip():
        raise ReportError(source, "empty report: nothing to extract")
    if b"\x00" in data[:8192]:
        raise ReportError(source, "binary file, not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReportError(source, f"not valid UTF-8 (byte {err.start}): convert it to UTF-8 first") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_web(data: bytes, source: str) -> str:
    """A fetched page's bytes as text: UTF-8 where it is, else the bytes' best guess (pages declare their own)."""
    if not data.strip():
        raise ReportError(source, "empty page: nothing to extract")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def reports_from_text(text: str, source: str, suffix: str, path: str | None) -> list[RawReport | ReportError]:
    """Parse decoded text by its format (the file's suffix)."""
    from thucydides.ingest import html, jsonrec, text as plain

    if suffix in TEXT_SUFFIXES:
        return [plain.read_text_report(text, source, path)]
    if suffix in HTML_SUFFIXES:
        return [html.read_html_report(text, source, path)]
    if suffix in JSON_SUFFIXES:
        return jsonrec.read_json_reports(text, source, path, lines=suffix != ".json")
    raise unknown_type(source, suffix)


def read_path(path: str) -> list[RawReport | ReportError]:
    """Read one file into its reports (one for text and HTML, one per record for JSON).

    A file that cannot be read raises ReportError; a bad record in a file of records stands in the
    list as a ReportError, beside the good ones."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES:
        raise unknown_type(path, suffix)  # before reading: a large PDF is refused unread
    if file.is_dir():
        raise ReportError(path, "is a folder: name the files (e.g. DIR/*.md)")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise too_large(path, size)
        data = file.read_bytes()
    except FileNotFoundError:
        raise ReportError(path, "no such file") from None
    except PermissionError:
        raise ReportError(path, "permission denied") from None
    except OSError as err:
        raise ReportError(path, f"cannot be read ({err.strerror})") from None
    return reports_from_text(decode(data, path), path, suffix, path)


def read_stdin(suffix: str = ".md") -> list[RawReport | ReportError]:
    """Read standard input as one report (front matter allowed), or as records with suffix .jsonl."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    return reports_from_text(decode(data, "<stdin>"), "<stdin>", suffix, None)
