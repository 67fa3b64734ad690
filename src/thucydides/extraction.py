"""From report text to an Extraction: language check, the spaCy pipeline, records."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator

from thucydides.ingest import RawReport
from thucydides.model import Document, Extraction
from thucydides.nlp.language import detect_language

BATCH_SIZE = 16


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the text, Unicode- and whitespace-normalised."""
    flat = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:16]


def make_document(report: RawReport, published: str | None = None) -> Document:
    return Document(id=document_id(report.text), text=report.text, published=report.published or published,
                    language=detect_language(report.text), path=report.path, title=report.title,
                    outlet=report.outlet, url=report.url, carries_text=report.from_html)


class ReportTooLong(ValueError):
    """A report longer than the parser takes at once."""


def prepared(nlp, document: Document):
    """The tokenised text with what the components need to know about the report: its date and outlet."""
    doc = nlp.make_doc(document.text)
    doc._.thuc_published = document.published
    doc._.thuc_outlet = document.outlet
    return doc


def parsed_in_batches(nlp, documents: list[Document], on_error) -> Iterator[tuple[Document, object]]:
    """(document, spaCy doc) pairs in input order; a batch that fails is redone one by one, so one bad
    document costs only itself: it is passed to `on_error` (or raised when there is none) and
    paired with None. A report longer than the parser takes is such a document, said in our words."""
    for first in range(0, len(documents), BATCH_SIZE):
        batch = documents[first:first + BATCH_SIZE]
        fits = [d for d in batch if len(d.text) <= nlp.max_length]
        try:
            parsed = dict(zip(map(id, fits), nlp.pipe(prepared(nlp, d) for d in fits)))
        except Exception:
            parsed = None
        for document in batch:
            if len(document.text) > nlp.max_length:
                problem = ReportTooLong(f"{len(document.text):,} characters, more than the {nlp.max_length:,} "
                                        f"the parser takes at once: split the report")
                if on_error is None:
                    raise problem
                on_error(document, problem)
                yield document, None
            elif parsed is not None:
                yield document, parsed[id(document)]
            else:
                try:
                    yield document, nlp(prepared(nlp, document))
                except Exception as error:
                    if on_error is None:
                        raise
                    on_error(document, error)
                    yield document, None


def needed_entities(entities, events) -> tuple:
    """Named entities all; generic actors ("Russian forces", "rebels") only where an event or a claim needs them."""
    used = {x for e in events for x in (*e.actors, *e.targets, e.place, *e.attribution.chain) if x}
    return tuple(e for e in entities if not e.generic or e.id in used)


def extract_documents(documents: Iterable[Document], on_error=None) -> Iterator[Extraction]:
    """Extractions in input order; English documents go through the pipeline in batches.

    A document the pipeline fails on is passed to `on_error(document, exception)` and skipped;
    without `on_error` the exception propagates."""
    from thucydides.nlp.pipeline import get_pipeline

    documents = list(documents)
    english = [d for d in documents if d.language == "en"]
    parsed = parsed_in_batches(get_pipeline(), english, on_error) if english else iter(())
    for document in documents:
        if document.language != "en":
            yield Extraction(document)
            continue
        _, doc = next(parsed)
        if doc is not None:
            events = tuple(doc._.thuc_events or ())
            yield Extraction(document, entities=needed_entities(doc._.thuc_entities or (), events), events=events)


def extract_chunk(documents: list[Document]) -> list[Extraction | tuple[Document, str]]:
    """A worker's share: extractions, or (document, error message) for those that failed."""
    out: list = []
    failures: dict[str, str] = {}

    def on_error(document, error):
        from thucydides.extraction import ReportTooLong

        failures[document.id] = (f"too long: {error}" if isinstance(error, ReportTooLong)
                                 else f"extraction failed ({type(error).__name__}: {error})").splitlines()[0]

    done = {x.document.id: x for x in extract_documents(documents, on_error)}
    for document in documents:
        out.append(done[document.id] if document.id in done else (document, failures.get(document.id, "failed")))
    return out


def warm_worker() -> None:
    """Load the pipeline once per worker process, before its first report."""
    from thucydides.nlp.pipeline import get_pipeline

    get_pipeline()


def extract_in_processes(documents: list[Document], workers: int, on_error) -> Iterator[Extraction]:
    """Extractions in input order, computed by `workers` processes (1: in this process)."""
    if workers <= 1 or len(documents) <= BATCH_SIZE:
        yield from extract_documents(documents, on_error)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [documents[i:i + BATCH_SIZE] for i in range(0, len(documents), BATCH_SIZE)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=warm_worker) as pool:
        for results in pool.map(extract_chunk, chunks):
            for item in results:
                if isinstance(item, Extraction):
                    yield item
                else:
                    on_error(item[0], RuntimeError(item[1]))


def extract(text: str, published: str | dt.date | None = None, title: str | None = None,
            outlet: str | None = None, url: str | None = None, path: str | None = None) -> Extraction:
    """Extract one report's entities and events; `published` anchors its relative dates.

    Raises ValueError for empty text."""
    if isinstance(published, dt.date):
        published = published.isoformat()
    if not text or not text.strip():
        raise ValueError("empty report: nothing to extract")
    report = RawReport(text=text, path=path, title=title, outlet=outlet, url=url, published=published)
    return next(extract_documents([make_document(report)]))
