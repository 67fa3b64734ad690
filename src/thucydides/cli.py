"""The `thuc` command line: a thin layer over the library that parses options and prints."""
from __future__ import annotations

import datetime as dt
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thucydides.cli_common import PROGRESS_MIN_INPUTS, dated, err, fail, parse_date, read_inputs
from thucydides.cli_store import COMMANDS as STORE_COMMANDS

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Thucydides: who did what to whom, where, when, and according to whom.")
def progress_bar(total: int) -> Progress:
    return Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]} reports/s"), TimeElapsedColumn(), console=err, transient=True,
                    disable=total < PROGRESS_MIN_INPUTS or not err.is_terminal)


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Reports (.md, .txt, .html, .json, .jsonl); '-' reads standard input."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One compact JSON object per line (JSON Lines)."),
    pretty: bool = typer.Option(False, "--pretty", help="Indented JSON."),
    published: Optional[str] = typer.Option(None, "--published", help="Report date YYYY-MM-DD where the metadata has none."),
    stdin_format: str = typer.Option("md", "--stdin-format", help="Format of standard input: md, txt, html, json or jsonl."),
) -> None:
    """Print each report's extraction (the JSON of the extraction contract); exit 1 if any input failed."""
    from thucydides.extraction import extract_documents

    anchor = parse_date(published)
    reports, failures = read_inputs(files, stdin_format)
    documents = dated(reports, anchor)
    out = sys.stdout
    results = []
    with progress_bar(len(documents)) as progress:
        task = progress.add_task("extract", total=len(documents), rate="-")
        start = dt.datetime.now()
        failed: list = []

        def on_error(document, error: Exception) -> None:
            from thucydides.extraction import ReportTooLong

            what = f"too long: {error}" if isinstance(error, ReportTooLong) else \
                f"extraction failed ({type(error).__name__}: {error})"
            fail(document.path or "<stdin>", what.splitlines()[0])
            failed.append(document)

        for n, extraction in enumerate(extract_documents(documents, on_error), 1):
            record = extraction.to_dict()
            if jsonl:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
            else:
                results.append(record)
            seconds = (dt.datetime.now() - start).total_seconds() or 1e-9
            progress.update(task, advance=1, rate=f"{n / seconds:.1f}")
    if not jsonl:
        data = results[0] if len(results) == 1 and len(files) == 1 else results
        out.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")
    raise typer.Exit(1 if failures or failed else 0)


def sample_paths() -> list[Path]:
    folder = resources.files("thucydides.samples")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".md"))


def events_table(extraction) -> Table:
    """Who did what to whom, where, when, according to whom: one row per event."""
    names = {e.id: e.name for e in extraction.entities}
    table = Table(title="events", title_justify="left")
    for column in ("id", "type", "actors", "targets", "place", "when", "according to", "stance"):
        table.add_column(column)
    for v in extraction.events:
        when = v.when.start or "?"
        if v.when.end and v.when.end != v.when.start:
            when += f"..{v.when.end}"
        table.add_row(v.id, v.type + (" (not)" if v.negated else ""), ", ".join(names.get(a, a) for a in v.actors),
                      ", ".join(names.get(t, t) for t in v.targets), names.get(v.place, v.place or ""), when,
                      names.get(v.attribution.chain[-1], v.attribution.chain[-1]) if v.attribution.chain else "",
                      v.attribution.stance)
    return table


@app.command()
def when(expression: str = typer.Argument(..., help='A time expression, e.g. "late July 2024" or "on Monday, Dec. 2".'),
         anchor: Optional[str] = typer.Option(None, "--anchor", help="The report's date (YYYY-MM-DD); default today."),
         tense: Optional[str] = typer.Option(None, "--tense", help="past, present or future: which way a weekday or "
                                             "a date without a year falls.")) -> None:
    """Resolve a time expression against a report's date and print it as JSON."""
    from thucydides.time import resolve

    if tense is not None and tense not in ("past", "present", "future"):
        raise typer.BadParameter(f"{tense!r}: use past, present or future", param_hint="--tense")
    day = parse_date(anchor) or dt.date.today().isoformat()
    print(json.dumps({**resolve(expression, day, tense).to_dict(), "anchor": day}, ensure_ascii=False))


gazetteer_app = typer.Typer(help="The offline place gazetteer (GeoNames, divisions, airports, curated facilities).")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(path: Optional[Path] = typer.Option(None, "--path", help="Where to write it; default: the user "
                                                        "data directory, or $THUC_GAZETTEER.")) -> None:
    """Build (or rebuild) the gazetteer from the installed data packages; about half a minute."""
    from thucydides.gazetteer.build import build_gazetteer
    from thucydides.gazetteer.query import Gazetteer, default_path

    target = path or default_path()
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("reading GeoNames places", total=None)

        def report(stage: str, done: int, total: int) -> None:
            progress.update(task, description=f"reading {stage}", completed=done, total=total)

        built = build_gazetteer(target, progress=report)
    meta = Gazetteer(built).size()
    Console().print(f"{built}: {int(meta['places']):,} places, {int(meta['names']):,} names, "
                    f"{built.stat().st_size / 1e6:.0f} MB, built in {meta['built_seconds']} s")


@app.command()
def geocode(name: str = typer.Argument(..., help='A place name, e.g. "Homs" or "Khmeimim Air Base".'),
            context: list[str] = typer.Option([], "--context", help="A country the report is about (name or ISO code); "
                                              "repeat for several."),
            kind: Optional[str] = typer.Option(None, "--kind", help="How the report names it: city, region, country, "
                                               "facility."),
            top: int = typer.Option(5, "--top", min=1, help="How many candidates to show.")) -> None:
    """Show the gazetteer's candidates for a name, ranked as in a report about the --context countries."""
    from collections import Counter

    from thucydides.gazetteer.query import get_gazetteer
    from thucydides.nlp.places import PlaceResolver, Surroundings
    from thucydides.model import Entity
    from thucydides.nlp.lexicon import get_lexicon

    lexicon = get_lexicon()
    codes = []
    for c in context:
        code = c.upper() if c.upper() in lexicon.countries else lexicon.country_of_word(c)
        if code is None:
            raise typer.BadParameter(f"{c!r} is not a country I know", param_hint="--context")
        codes.append(code)
    resolver = PlaceResolver(get_gazetteer())
    entity = Entity(id="E1", name=name, type="FACILITY" if kind == "facility" else "LOCATION",
                    kind=None if kind == "facility" else kind, mentions=((0, len(name)),))
    ranked = resolver.ranked(entity, Surroundings(Counter({code: 1 for code in codes})))
    if not ranked:
        Console().print(f"{name!r}: not in the gazetteer")
        raise typer.Exit(1)
    table = Table(title=f"{name!r}" + (f" in a report about {', '.join(codes)}" if codes else ""), title_justify="left")
    for column in ("score", "name", "country", "feature", "population", "lat", "lon", "geonameid", "source"):
        table.add_column(column)
    for scored in ranked[:top]:
        p = scored.place
        table.add_row(f"{scored.score:.1f}", p.name, p.country or "",
                      p.feature, f"{p.population:,}", f"{p.lat:.4f}", f"{p.lon:.4f}", str(p.geonameid or ""), p.source)
    Console().print(table)


@app.command()
def demo(out: Optional[Path] = typer.Option(None, "--out", help="Also write the extractions as JSON Lines here."),
         db: Optional[str] = typer.Option(None, "--db", help="Keep the samples in this store (default: a temporary "
                                          "one, deleted afterwards).")) -> None:
    """Run the whole job on the sample reports shipped with Thucydides: extract, store, and show what it found."""
    import tempfile

    from thucydides.cli_store import open_or_exit, stored_events_table
    from thucydides.extraction import extract_documents

    console = Console()
    paths = [str(p) for p in sample_paths()]
    reports, failures = read_inputs(paths, "md")
    documents = dated(reports, None)
    extractions = []
    with Progress(TextColumn("[bold]extracting samples"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("demo", total=len(documents))
        for extraction in extract_documents(documents):
            extractions.append(extraction)
            progress.advance(task)
    for extraction in extractions:
        doc = extraction.document
        table = Table(title=f"{doc.title or doc.path} ({doc.outlet}, {doc.published})", title_justify="left")
        for column in ("id", "type", "name", "side", "titles / kind", "aliases"):
            table.add_column(column)
        for e in extraction.entities:
            table.add_row(e.id, e.type, e.name, e.country or "", ", ".join(e.titles) or (e.kind or ""),
                          ", ".join(e.aliases[:4]))
        console.print(table)
        if extraction.events:
            console.print(events_table(extraction))
    if out:
        out.write_text("".join(json.dumps(x.to_dict(), ensure_ascii=False) + "\n" for x in extractions), encoding="utf-8")
        console.print(f"wrote {len(extractions)} extractions to {out}")
    with tempfile.TemporaryDirectory() as folder:
        store = open_or_exit(db or str(Path(folder) / "demo.sqlite"))
        for extraction in extractions:
            store.write(extraction)
        stored = store.events(limit=None)
        console.print(stored_events_table(stored, f"the store: {len(stored)} events across the {len(extractions)} "
                                                  "reports, with their reports and independent sources"))
        store.close()
    console.print(f"[green]{len(extractions)} sample reports, {sum(len(x.entities) for x in extractions)} entities, "
                  f"{sum(len(x.events) for x in extractions)} events extracted, {len(stored)} after joining "
                  f"reports of the same occurrence[/green]", soft_wrap=True)
    raise typer.Exit(1 if failures else 0)


for name, command in STORE_COMMANDS:
    app.command(name)(command)

if __name__ == "__main__":
    app()
