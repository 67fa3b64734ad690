"""Events with everything an export writes about them: participants as entities, the place, each report."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thucydides.store.records import EventReport, StoredEntity, StoredEvent


@dataclass(frozen=True)
class ExportEvent:
    event: StoredEvent
    actors: tuple[StoredEntity, ...]
    targets: tuple[StoredEntity, ...]
    place: StoredEntity | None
    reports: tuple[EventReport, ...]


def collect(store, **filters) -> Iterator[ExportEvent]:
    """Every event the filters select (all by default), oldest first, with its entities and reports."""
    filters.setdefault("limit", None)
    found = sorted(store.events(**filters), key=lambda e: (e.start or "9999", e.id))
    entity_cache: dict[int, StoredEntity | None] = {}

    def entity(entity_id: int | None) -> StoredEntity | None:
        if entity_id is None:
            return None
        if entity_id not in entity_cache:
            entity_cache[entity_id] = store.entity(entity_id)
        return entity_cache[entity_id]

    for event in found:
        detail = store.event(event.id)
        yield ExportEvent(event=event, actors=tuple(e for i in event.actor_ids if (e := entity(i))),
                          targets=tuple(e for i in event.target_ids if (e := entity(i))),
                          place=entity(event.place_id), reports=detail.reports if detail else ())
