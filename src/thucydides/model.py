"""The records of one extraction (Document, Entity, Event, ...) and their contract JSON."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "extraction/1"
ENTITY_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY")
EVENT_TYPES = (
    "BATTLE", "OFFENSIVE", "ATTACK", "VIOLENCE_AGAINST_CIVILIANS", "WITHDRAWAL", "CASUALTIES", "MATERIEL",
    "LEADERSHIP", "DEPLOYMENT", "SUPPORT", "STATEMENT", "PROTEST", "AGREEMENT", "ARREST",
)
ROLE_STATUSES = ("current", "former", "appointed", "dismissed", "resigned")
STANCES = ("asserted", "reported", "alleged", "rumored", "denied", "acknowledged")

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One report: its text, metadata and the date its relative times are resolved against."""

    id: str
    text: str
    published: str | None
    language: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    carries_text: bool = False  # HTML input: the extracted text goes into the JSON too

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "path": self.path, "title": self.title, "outlet": self.outlet, "url": self.url,
               "published": self.published, "language": self.language}
        if self.carries_text:
            out["text"] = self.text
        return out


@dataclass(frozen=True)
class Geo:
    """Where a place is. `within` names the town a street or building not in the gazetteer was placed at."""

    lat: float
    lon: float
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    within: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"lat": self.lat, "lon": self.lon, "country": self.country, "feature": self.feature,
               "geonameid": self.geonameid}
        if self.within:
            out["within"] = self.within
        return out


@dataclass(frozen=True)
class Role:
    """A position a person holds or held, e.g. "commander" of the Russian Navy."""

    title: str
    organization: str | None = None
    start: str | None = None
    end: str | None = None
    status: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization, "start": self.start, "end": self.end,
                "status": self.status}


@dataclass(frozen=True)
class Entity:
    """One referent of the report with every mention of it."""

    id: str
    name: str
    type: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    titles: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    geo: Geo | None = None
    mentions: tuple[Span, ...] = ()
    generic: bool = False  # "Russian forces", "rebels": actors without a proper name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type, "kind": self.kind,
                               "aliases": list(self.aliases), "country": self.country, "mentions": [list(m) for m in self.mentions]}
        if self.type == "PERSON":
            out["titles"] = list(self.titles)
            out["roles"] = [r.to_dict() for r in self.roles]
        if self.type in ("LOCATION", "FACILITY"):
            out["geo"] = self.geo.to_dict() if self.geo else None
        if self.generic:
            out["generic"] = True
        return out


@dataclass(frozen=True)
class When:
    start: str | None
    end: str | None
    precision: str = "unknown"
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision, "text": self.text}


@dataclass(frozen=True)
class Attribution:
    chain: tuple[str, ...]
    stance: str = "asserted"
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"chain": list(self.chain), "cue": self.cue, "stance": self.stance}


@dataclass(frozen=True)
class Quantity:
    text: str
    value: float | None = None
    what: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "what": self.what}


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    attribution: Attribution
    evidence: tuple[Evidence, ...]
    when: When = field(default_factory=lambda: When(None, None))
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: str | None = None
    subtype: str | None = None
    quantities: tuple[Quantity, ...] = ()
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "subtype": self.subtype, "actors": list(self.actors),
                "targets": list(self.targets), "place": self.place, "when": self.when.to_dict(),
                "attribution": self.attribution.to_dict(), "quantities": [q.to_dict() for q in self.quantities],
                "negated": self.negated, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class Extraction:
    """What the engine says about one report: the contract's top-level object."""

    document: Document
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "document": self.document.to_dict(),
                "entities": [e.to_dict() for e in self.entities], "events": [e.to_dict() for e in self.events]}

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
