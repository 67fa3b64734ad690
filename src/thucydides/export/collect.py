"""Events with everything an export writes about them: participants as entities, the place, each report."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thucydides.store import queries
from thucydides.store.records import EventReport, StoredEntity, StoredEvent

CHUNK = 2000


@dataclass(frozen=True)
class ExportEvent:
    event: StoredEvent
    actors: tuple[StoredEntity, ...]
    targets: tuple[StoredEntity, ...]
    place: StoredEntity | None
    reports: tuple[EventReport, ...]


def collect(store, **filters) -> Iterator[ExportEvent]:
    """Every event the filters select (all by default), oldest first, with its entities and reports,
    fetched a few thousand events at a time."""
    filters.setdefault("limit", None)
    found = sorted(store.events(**filters), key=lambda e: (e.start or "9999", e.id))
    with store.engine.connect() as connection:
        for start in range(0, len(found), CHUNK):
            chunk = found[start:start + CHUNK]
            reports = queries.reports_of_events(connection, [e.id for e in chunk])
            wanted = sorted({i for e in chunk for i in (*e.actor_ids, *e.target_ids, e.place_id) if i is not None})
            known = queries.entities_by_id(connection, wanted)
            for event in chunk:
                yield ExportEvent(event=event, actors=tuple(known[i] for i in event.actor_ids if i in known),
                                  targets=tuple(known[i] for i in event.target_ids if i in known),
                                  place=known.get(event.place_id), reports=tuple(reports[event.id]))
