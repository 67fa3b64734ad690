"""`thuc ingest`, `events`, `event`, `entities`, `person`, `search` and `export`: the store's commands."""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from thucydides.cli_common import dated, err, fail, parse_date, read_each
from thucydides.ingest import read_path, read_stdin

DB_HELP = "The store: a SQLite file or a postgresql:// URL; default $THUC_DB, else the user data directory."
FORMATS = ("table", "json", "csv")
COMMANDS: list = []  # (name, function): cli.py registers them on the app


def command(name: str | None = None):
    def register(function):
        COMMANDS.append((name, function))
        return function

    return register


def open_or_exit(db: Optional[str]):
    from thucydides.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as error:
        err.print(f"[red]error[/red]: {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


def check_format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"{value!r}: use table, json or csv", param_hint="--format")
    return value


def read_sources(items: list[str], stdin_format: str, allow_private: bool, summaries: bool, timeout: float):
    """Reports from files, folders, globs, URLs and feeds, in order; each failed input printed and counted."""
    from thucydides.ingest.feed import url_reports
    from thucydides.ingest.sources import expand_inputs
    from thucydides.ingest.url import is_url

    expanded = expand_inputs(items)
    urls = sum(1 for x in expanded if isinstance(x, str) and is_url(x))
    with Progress(SpinnerColumn(), TextColumn("[bold]fetching[/bold] {task.description}"), MofNCompleteColumn(),
                  console=err, transient=True, disable=urls == 0 or not err.is_terminal) as progress:
        task = progress.add_task("", total=urls)

        def read(item: str) -> list:
            if not is_url(item):
                return read_stdin("." + stdin_format) if item == "-" else read_path(item)
            progress.update(task, description=item)
            try:
                return url_reports(item, summaries=summaries, allow_private=allow_private, timeout=timeout)
            finally:
                progress.advance(task)

        reports, failures = read_each(expanded, read)
    return reports, failures


@command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs ('reports/**/*.md'), page or feed URLs; "
                                       "'-' reads standard input."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for extraction (each loads the pipeline)."),
    published: Optional[str] = typer.Option(None, "--published", help="Report date YYYY-MM-DD where the metadata "
                                            "has none."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow URLs on private or loopback addresses."),
    summaries: bool = typer.Option(False, "--summaries", help="For feeds: use each entry's summary instead of "
                                   "fetching its page."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for a web page."),
    stdin_format: str = typer.Option("md", "--stdin-format", help="Format of standard input: md, txt, html, json, jsonl."),
) -> None:
    """Extract reports and keep them in the store: entities and events joined across reports.

    Each report is stored in its own transaction; a report already stored is skipped, so a run that was
    stopped can simply be run again. Exit 1 if some input failed, 2 if the store cannot be written."""
    from thucydides.extraction import extract_in_processes
    from thucydides.store import StoreError

    anchor = parse_date(published)
    store = open_or_exit(db)
    reports, failures = read_sources(inputs, stdin_format, allow_private, summaries, timeout)
    documents = dated(reports, anchor)
    first: dict[str, object] = {}
    for document in documents:  # a report given twice is one report, as first given
        first.setdefault(document.id, document)
    unique = list(first.values())
    known = store.stored_ids(d.id for d in unique)
    todo = [d for d in unique if d.id not in known]
    failed: list = []

    def on_error(document, error: Exception) -> None:
        fail(document.path or document.url or "<stdin>", str(error).splitlines()[0])
        failed.append(document)

    stored = new_events = merged = 0
    started = time.monotonic()
    with Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} reports/s · {task.fields[events]} events"), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal or not todo) as progress:
        task = progress.add_task("ingest", total=len(todo), rate="-", events=0)
        try:
            for extraction in extract_in_processes(todo, workers, on_error):
                written = store.write(extraction)
                stored += written.stored
                new_events += written.new_events
                merged += written.merged_events
                progress.update(task, advance=1, events=new_events + merged,
                                rate=f"{stored / max(time.monotonic() - started, 1e-9):.1f}")
        except StoreError as error:
            err.print(f"[red]error[/red]: {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(2)
    seconds = time.monotonic() - started
    counts = store.counts()
    err.print(f"{stored} reports stored in {seconds:.1f} s ({len(known) + len(documents) - len(unique)} already in the "
              f"store), {new_events} new events, {merged} joined to events already stored; "
              f"{failures + len(failed)} failed. The store now holds {counts['documents']} reports, "
              f"{counts['entities']} entities, {counts['events']} events.", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if failures or failed else 0)


def event_filters(type_: Optional[str], near: Optional[str], within: float, since: Optional[str], until: Optional[str],
                  actor: Optional[str], source: Optional[str], min_sources: int, text: Optional[str]) -> dict:
    from thucydides.model import EVENT_TYPES

    if type_ and type_.upper() not in EVENT_TYPES:
        raise typer.BadParameter(f"{type_!r}: use one of {', '.join(EVENT_TYPES)}", param_hint="--type")
    return {"type": type_, "near": near, "within_km": within, "since": parse_date(since), "until": parse_date(until),
            "actor": actor, "source": source, "min_sources": min_sources, "text": text}


def out_console() -> Console:
    """The console for results: as wide as the terminal, or 200 columns when piped into a file."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def write_records(records: list[dict], fmt: str, table: Table | None) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        if records:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]))
            writer.writeheader()
            for r in records:
                writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in r.items()})
    else:
        out_console().print(table)


def when_text(start: Optional[str], end: Optional[str]) -> str:
    if not start:
        return "?"
    return start if not end or end == start else f"{start}..{end}"


@command()
def events(
    type_: Optional[str] = typer.Option(None, "--type", help="One event type, e.g. ATTACK."),
    near: Optional[str] = typer.Option(None, "--near", help="A place name or 'lat,lon'."),
    within: float = typer.Option(50.0, "--within", min=0.0, help="Kilometres around --near."),
    since: Optional[str] = typer.Option(None, "--since", help="Events that may have happened on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events that may have happened on or before YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, "--actor", help="An actor's name or alias."),
    source: Optional[str] = typer.Option(None, "--source", help="A source or outlet named in the attribution."),
    min_sources: int = typer.Option(0, "--min-sources", min=0, help="At least this many independent sources."),
    text: Optional[str] = typer.Option(None, "--text", help="Only events of reports that contain these words."),
    limit: int = typer.Option(100, "--limit", min=0, help="At most this many (0: all)."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Events in the store, newest first, with how many reports and independent sources back each."""
    check_format(fmt)
    store = open_or_exit(db)
    try:
        found = store.events(**event_filters(type_, near, within, since, until, actor, source, min_sources, text),
                             limit=limit or None)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--near") from None
    write_records([e.to_dict() for e in found], fmt, stored_events_table(found))


def stored_events_table(found: list, title: str | None = None) -> Table:
    """Stored events as rows: what, when, where, who, and how well sourced."""
    table = Table(title=title or f"{len(found)} events", title_justify="left")
    for column in ("id", "type", "when", "place", "actors", "targets", "reports", "sources", "according to", "flags"):
        table.add_column(column)
    for e in found:
        table.add_row(str(e.id), e.type + (" (not)" if e.negated else ""), when_text(e.start, e.end), e.place or "",
                      ", ".join(e.actors), ", ".join(e.targets), str(e.reports), str(e.sources),
                      "; ".join(e.according_to), ", ".join(e.contradictions))
    return table


@command()
def event(event_id: int = typer.Argument(..., help="The event's id (from thuc events)."),
          fmt: str = typer.Option("table", "--format", help="table or json."),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """One event with every report of it: evidence, attribution chain and stance."""
    store = open_or_exit(db)
    detail = store.event(event_id)
    if detail is None:
        fail(str(event_id), "no such event in the store")
        raise typer.Exit(1)
    if fmt == "json":
        sys.stdout.write(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    e = detail.event
    console = out_console()
    console.print(f"[bold]{e.type}[/bold] {when_text(e.start, e.end)} {e.place or ''} — actors: "
                  f"{', '.join(e.actors) or '?'}; targets: {', '.join(e.targets) or '?'}; {e.reports} reports, "
                  f"{e.outlets} outlets, {e.sources} independent sources"
                  + (f"; contradictions: {', '.join(e.contradictions)}" if e.contradictions else ""), highlight=False)
    for r in detail.reports:
        console.print(f"\n[bold]{r.outlet or r.document_id}[/bold] {r.published or ''} ({r.stance}; "
                      f"{' → '.join(r.chain)})" + (f" [red]{r.contradiction}[/red]" if r.contradiction else ""),
                      highlight=False)
        for x in r.evidence:
            console.print(f"  “{x['text']}”", highlight=False)


@command()
def entities(
    type_: Optional[str] = typer.Option(None, "--type", help="PERSON, ORGANIZATION, LOCATION or FACILITY."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code of the side or country."),
    name: Optional[str] = typer.Option(None, "--name", help="A name or alias."),
    limit: int = typer.Option(100, "--limit", min=0, help="At most this many (0: all)."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Canonical entities, the most reported first, with their aliases across reports."""
    check_format(fmt)
    store = open_or_exit(db)
    found = store.entities(type=type_, country=country, name=name, limit=limit or None)
    table = Table(title=f"{len(found)} entities", title_justify="left")
    for column in ("id", "type", "name", "kind", "country", "reports", "aliases"):
        table.add_column(column)
    for e in found:
        table.add_row(str(e.id), e.type, e.name, e.kind or "", e.country or "", str(e.documents), ", ".join(e.aliases[:6]))
    write_records([e.to_dict() for e in found], fmt, table)


@command()
def person(name: str = typer.Argument(..., help="A person's name or surname."),
           fmt: str = typer.Option("table", "--format", help="table or json."),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """A person's roles over time, as the stored reports give them."""
    store = open_or_exit(db)
    found = store.person(name)
    if not found:
        fail(name, "no such person in the store")
        raise typer.Exit(1)
    if fmt == "json":
        sys.stdout.write(json.dumps([p.to_dict() for p in found], ensure_ascii=False, indent=2) + "\n")
        return
    for timeline in found:
        p = timeline.person
        table = Table(title=f"{p.name} ({p.country or '?'}; {p.documents} reports; also {', '.join(p.aliases) or '-'})",
                      title_justify="left")
        for column in ("from", "to", "role", "organization", "status", "reported"):
            table.add_column(column)
        for r in timeline.roles:
            table.add_row(r.start or "", r.end or "", r.title, r.organization or "", r.status or "", r.reported or "")
        out_console().print(table)


@command()
def search(words: str = typer.Argument(..., help='Words to find; "quoted phrases" are kept together.'),
           limit: int = typer.Option(20, "--limit", min=1),
           fmt: str = typer.Option("table", "--format", help="table, json or csv."),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Full-text search over the stored reports."""
    check_format(fmt)
    store = open_or_exit(db)
    hits = store.search(words, limit)
    table = Table(title=f"{len(hits)} reports", title_justify="left")
    for column in ("document", "published", "outlet", "title", "snippet"):
        table.add_column(column)
    for h in hits:
        table.add_row(h.document_id, h.published or "", h.outlet or "", h.title or "", h.snippet)
    write_records([h.to_dict() for h in hits], fmt, table)


@command("export")
def export_command(
    format_: str = typer.Option(..., "--format", help="acled (CSV), geojson, jsonl (the contract) or stix (2.1)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of standard output."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only this event type."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before YYYY-MM-DD."),
    min_sources: int = typer.Option(0, "--min-sources", min=0, help="Only events with this many independent sources."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export the store's events (jsonl: every stored report's extraction)."""
    from thucydides.export import FORMATS, export

    if format_ not in FORMATS:
        raise typer.BadParameter(f"{format_!r}: use one of {', '.join(FORMATS)}", param_hint="--format")
    store = open_or_exit(db)
    filters = {"type": type_, "since": parse_date(since), "until": parse_date(until), "min_sources": min_sources}
    if out is None:
        n = export(store, format_, sys.stdout, **filters)
    else:
        tmp = out.with_name(out.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            n = export(store, format_, handle, **filters)
        tmp.replace(out)  # never a half-written export under the real name
    err.print(f"exported {n} {'reports' if format_ == 'jsonl' else 'events'} as {format_}"
              + (f" to {out}" if out else ""), highlight=False)


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; this machine only by default."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: Optional[str] = typer.Option(None, "--token", envvar="THUC_TOKEN",
                                        help="Bearer token for writes (POST /api/reports), and for reads when "
                                             "--host is not this machine. Default: $THUC_TOKEN."),
    tiles: Optional[str] = typer.Option(None, "--tiles", help="An online tile URL for the base map, e.g. "
                                        "https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: the bundled "
                                        "country outlines, offline)."),
    tile_attribution: Optional[str] = typer.Option(None, "--tile-attribution", help="Credit line for --tiles."),
    cors_origin: list[str] = typer.Option([], "--cors-origin", help="Allow this origin to call the API from a "
                                          "browser (repeat for several); CORS is off by default."),
) -> None:
    """Serve the store as a web application: the map, the timeline and the evidence at /, the API at /api, its
    documentation at /docs."""
    import uvicorn

    from thucydides.api import create_app

    local = is_loopback(host)
    if not local and not token:
        fail(host, "a server that other machines can reach needs --token (or $THUC_TOKEN): reads and writes "
                   "then need it")
        raise typer.Exit(2)
    store = open_or_exit(db)
    app = create_app(store=store, token=token, open_reads=local, tile_url=tiles, tile_attribution=tile_attribution,
                     cors_origins=tuple(cors_origin))
    err.print(f"serving {store!r} at http://{host}:{port}/ (API documentation at /docs)", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
