"""The Store: a library-first front to one database, used by the CLI, the API and Python callers alike."""
from __future__ import annotations

import re
from contextlib import contextmanager
import time
from collections.abc import Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from thucydides.model import Extraction
from thucydides.store import queries
from thucydides.store.database import (default_db, describe, make_engine, make_write_engine, migrate,
                                        serialize_writers, translated_errors)
from thucydides.store.queries import EventFilter
from thucydides.store.records import (EventDetail, PersonTimeline, SearchHit, StoredDocument, StoredEntity,
                                      StoredEvent)
from thucydides.store.schema import documents, entities, event_reports, events
from thucydides.store.writer import ReportWriter, Written

WRITE_ATTEMPTS = 3
LAT_LON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


class Store:
    """Reports, canonical entities and events in SQLite or PostgreSQL; open with open_store()."""

    def __init__(self, db: str | None = None):
        self.db = db or default_db()
        self.engine = make_engine(self.db)
        self.write_engine = make_write_engine(self.db, self.engine)
        migrate(self.write_engine)

    def __repr__(self) -> str:
        return f"Store({describe(self.engine)!r})"

    def close(self) -> None:
        self.engine.dispose()
        self.write_engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # writing

    def write(self, extraction: Extraction) -> Written:
        """Store one report in one transaction: all of it or, on any error, none of it."""
        with translated_errors(self.engine):
            for attempt in range(WRITE_ATTEMPTS):
                try:
                    with self.write_engine.begin() as connection:
                        serialize_writers(connection)
                        return ReportWriter(connection).write(extraction)
                except OperationalError as error:  # rolled back whole; a busy store is tried again
                    if attempt + 1 == WRITE_ATTEMPTS or "locked" not in str(error.orig).lower():
                        raise
                    time.sleep(0.2 * (attempt + 1))

    def stored_ids(self, document_ids: Iterable[str]) -> set[str]:
        """Which of these documents the store already holds (a re-run skips them unread)."""
        ids = list(document_ids)
        found: set[str] = set()
        with self.reading() as connection:
            for start in range(0, len(ids), 500):
                found |= set(connection.execute(select(documents.c.id).where(
                    documents.c.id.in_(ids[start:start + 500]))).scalars())
        return found

    def ingest(self, texts: Iterable[str | Extraction], published: str | None = None) -> list[Written]:
        """Extract and store reports given as text (or already extracted); returns what each changed."""
        from thucydides.extraction import extract

        out = []
        for item in texts:
            extraction = item if isinstance(item, Extraction) else extract(item, published=published)
            out.append(self.write(extraction))
        return out

    # reading

    @contextmanager
    def reading(self):
        """A connection for reading, database errors said in our words."""
        with translated_errors(self.engine), self.engine.connect() as connection:
            yield connection

    def counts(self) -> dict[str, int]:
        with self.reading() as connection:
            def n(table):
                return connection.execute(select(func.count()).select_from(table)).scalar_one()

            return {"documents": n(documents), "entities": n(entities), "events": n(events),
                    "event_reports": n(event_reports)}

    def place_point(self, place: str) -> tuple[float, float]:
        """A place to search near: "lat,lon", a place the store knows, or a gazetteer name."""
        match = LAT_LON.match(place)
        if match:
            lat, lon = float(match.group(1)), float(match.group(2))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"{place!r}: latitude must be within ±90 and longitude within ±180")
            return lat, lon
        with self.reading() as connection:
            ids = queries.matching_entity_ids(connection, place, types=("LOCATION", "FACILITY"))
            rows = connection.execute(select(entities.c.lat, entities.c.lon).where(
                entities.c.id.in_(ids or [-1]), entities.c.lat.is_not(None)).order_by(entities.c.documents.desc())).all()
        if rows:
            return rows[0].lat, rows[0].lon
        from thucydides.gazetteer.query import get_gazetteer

        found = get_gazetteer().lookup(place)
        if not found:
            raise ValueError(f"{place!r}: no such place in the store or the gazetteer; give 'lat,lon' instead")
        best = max(found, key=lambda p: (p.exact, p.main, p.population))
        return best.lat, best.lon

    def filter(self, near: str | tuple[float, float] | None = None, **options) -> EventFilter:
        point = self.place_point(near) if isinstance(near, str) else near
        return EventFilter(near=point, **options)

    def events(self, near: str | tuple[float, float] | None = None, **options) -> list[StoredEvent]:
        """Events matching the filters of `thuc events` (type, near, within_km, since, until, actor, source,
        min_sources, text, limit, offset), newest first."""
        f = self.filter(near, **options)
        with self.reading() as connection:
            return queries.find_events(connection, f)

    def count_events(self, near: str | tuple[float, float] | None = None, **options) -> int:
        f = self.filter(near, **options)
        with self.reading() as connection:
            return queries.count_events(connection, f)

    def events_frame(self, near: str | tuple[float, float] | None = None, **options):
        """The same as events(), as a pandas DataFrame (one row per event)."""
        import pandas as pd

        columns = list(StoredEvent.__dataclass_fields__)
        return pd.DataFrame([e.to_dict() for e in self.events(near, **options)], columns=columns)

    def event(self, event_id: int) -> EventDetail | None:
        with self.reading() as connection:
            return queries.event_detail(connection, event_id)

    def entities(self, type: str | None = None, country: str | None = None, name: str | None = None,
                 limit: int | None = 1000, offset: int = 0) -> list[StoredEntity]:
        with self.reading() as connection:
            return queries.find_entities(connection, type, country, name, limit, offset)

    def count_entities(self, type: str | None = None, country: str | None = None, name: str | None = None) -> int:
        with self.reading() as connection:
            return queries.count_entities(connection, type, country, name)

    def entities_frame(self, **options):
        import pandas as pd

        return pd.DataFrame([e.to_dict() for e in self.entities(**options)], columns=list(StoredEntity.__dataclass_fields__))

    def entity(self, entity_id: int) -> StoredEntity | None:
        with self.reading() as connection:
            return queries.entity_by_id(connection, entity_id)

    def person(self, name: str) -> list[PersonTimeline]:
        """The people a name may mean, each with their roles over time."""
        with self.reading() as connection:
            return queries.person_timeline(connection, name)

    def documents(self, limit: int = 100, offset: int = 0) -> list[StoredDocument]:
        with self.reading() as connection:
            return queries.find_documents(connection, limit, offset)

    def count_documents(self) -> int:
        with self.reading() as connection:
            return queries.count_documents(connection)

    def document(self, document_id: str) -> StoredDocument | None:
        """One report with its text and where each of its events is stated."""
        with self.reading() as connection:
            return queries.document_by_id(connection, document_id)

    def entity_events(self, entity_id: int, limit: int = 200) -> list[StoredEvent]:
        with self.reading() as connection:
            return queries.events_of_entity(connection, entity_id, limit)

    def roles(self, entity_id: int) -> tuple:
        with self.reading() as connection:
            return queries.roles_of(connection, entity_id)

    def search(self, words: str, limit: int = 20) -> list[SearchHit]:
        with self.reading() as connection:
            return queries.search(connection, words, limit)

    def extractions(self) -> Iterator[dict]:
        """Every stored report's extraction (the contract JSON), oldest ingested first."""
        import json

        with self.reading() as connection:
            for (record,) in connection.execute(select(documents.c.extraction).order_by(
                    documents.c.ingested_at, documents.c.id)).yield_per(200):
                yield json.loads(record)


def open_store(db: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at a SQLite path or a PostgreSQL URL;
    default: $THUC_DB, else store.sqlite in the user's data directory."""
    return Store(db)


