"""What every `thuc` command shares: the error console, one-line messages, dates, reading inputs."""
from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console

from thucydides.errors import ReportError
from thucydides.ingest import RawReport, read_path, read_stdin

err = Console(stderr=True)
PROGRESS_MIN_INPUTS = 4


def fail(source: str, problem: str) -> None:
    err.print(f"[red]error[/red]: {source}: {problem}", highlight=False, soft_wrap=True)


def warn(source: str, problem: str) -> None:
    err.print(f"[yellow]warning[/yellow]: {source}: {problem}", highlight=False, soft_wrap=True)


def parse_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def read_each(items: list, reader) -> tuple[list[RawReport], int]:
    """Every readable report of the items, in order (`reader(item)` gives an item's reports, or ReportErrors
    among them); each unreadable item is said on one line and counted, and the batch goes on."""
    reports, failures = [], 0
    for item in items:
        try:
            found = [item] if isinstance(item, ReportError) else reader(item)
        except ReportError as error:
            found = [error]
        except Exception as error:  # a reader's own failure must not end the batch or print a traceback
            found = [ReportError(str(item), f"could not be read ({type(error).__name__}: {error})".splitlines()[0])]
        for report in found:
            if isinstance(report, ReportError):
                fail(report.source, report.problem)
                failures += 1
            else:
                reports.append(report)
    return reports, failures


def read_inputs(paths: list[str], stdin_format: str) -> tuple[list[RawReport], int]:
    """Every readable report of files (or '-', standard input), in order; each unreadable input said and counted."""
    return read_each(paths, lambda path: read_stdin("." + stdin_format) if path == "-" else read_path(path))


def dated(reports: list[RawReport], published: str | None) -> list:
    """Documents with their anchor date: the metadata's, else --published, else today (with a warning)."""
    from thucydides.extraction import make_document

    today = dt.date.today().isoformat()
    documents = []
    for report in reports:
        anchor = published
        if not report.published and not published:
            warn(report.path or "<stdin>", f"no publication date; resolving dates against today ({today}); "
                 "give --published YYYY-MM-DD")
            anchor = today
        document = make_document(report, anchor)
        if document.language != "en":
            warn(report.path or "<stdin>", f"the report is in '{document.language}', not English: "
                 "no entities or events extracted")
        documents.append(document)
    return documents
