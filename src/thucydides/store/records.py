"""What the store answers with: frozen records, one per event, report, entity, role or search hit."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def as_json(record) -> dict[str, Any]:
    """A record's fields as JSON values (tuples as lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(record).items()}


@dataclass(frozen=True)
class StoredEvent:
    """One occurrence as all reports together tell it."""

    id: int
    type: str
    subtype: str | None
    start: str | None
    end: str | None
    precision: str
    place: str | None
    lat: float | None
    lon: float | None
    country: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    reports: int
    outlets: int
    sources: int  # independent sources that affirm it
    contradictions: tuple[str, ...]  # date, place, denied
    negated: bool
    according_to: tuple[str, ...]  # the sources, by name
    evidence: str  # the first report's sentence
    place_id: int | None = None
    actor_ids: tuple[int, ...] = ()
    target_ids: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True)
class EventReport:
    """One report's telling of an event: its evidence and who it says vouches for it."""

    document_id: str
    local_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    start: str | None
    end: str | None
    when_text: str | None
    place: str | None
    stance: str
    cue: str | None
    chain: tuple[str, ...]
    source: str
    negated: bool
    contradiction: str | None
    evidence: tuple[dict, ...]
    quantities: tuple[dict, ...]

    def to_dict(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True)
class EventDetail:
    event: StoredEvent
    reports: tuple[EventReport, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "reports_detail": [r.to_dict() for r in self.reports]}


@dataclass(frozen=True)
class StoredEntity:
    """One canonical person, organisation, place or facility, with every name it went by."""

    id: int
    name: str
    type: str
    kind: str | None
    country: str | None
    generic: bool
    lat: float | None
    lon: float | None
    feature: str | None
    geonameid: int | None
    documents: int
    aliases: tuple[str, ...] = field(default=())
    within: str | None = None  # the town a street or building the gazetteer lacks was placed at

    def to_dict(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True)
class StoredRole:
    title: str
    organization: str | None
    start: str | None
    end: str | None
    status: str | None
    reported: str | None  # the date of the report that says so
    document_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PersonTimeline:
    """A person and the roles reports gave them, oldest first."""

    person: StoredEntity
    roles: tuple[StoredRole, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.person.to_dict(), "roles": [r.to_dict() for r in self.roles]}


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredDocument:
    """A stored report; `text` and `evidence` (where its events are stated) only when asked for one."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    language: str | None
    text: str | None = None
    evidence: tuple[dict, ...] = ()  # {event_id, type, start, end, text}

    def to_dict(self) -> dict[str, Any]:
        return as_json(self)
