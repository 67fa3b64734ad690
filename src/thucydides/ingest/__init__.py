"""Readers: files, standard input and records become RawReports (text + metadata)."""
from thucydides.ingest.report import RawReport, read_path, read_stdin, reports_from_text

__all__ = ["RawReport", "read_path", "read_stdin", "reports_from_text"]
