"""The API's JSON shapes (pydantic), the OpenAPI schema at /openapi.json is made from."""
from __future__ import annotations

from pydantic import BaseModel, Field


class Error(BaseModel):
    detail: str


class EventOut(BaseModel):
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
    actors: list[str]
    targets: list[str]
    reports: int
    outlets: int
    sources: int = Field(description="independent sources that affirm it")
    contradictions: list[str]
    negated: bool
    according_to: list[str]
    evidence: str
    place_id: int | None
    actor_ids: list[int]
    target_ids: list[int]


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class Span(BaseModel):
    start: int
    end: int
    text: str


class QuantityOut(BaseModel):
    value: float | None
    text: str
    what: str | None


class ReportOut(BaseModel):
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
    chain: list[str]
    source: str
    negated: bool
    contradiction: str | None
    evidence: list[Span]
    quantities: list[QuantityOut]


class EventDetailOut(BaseModel):
    event: EventOut
    reports: list[ReportOut]


class EntityOut(BaseModel):
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
    aliases: list[str]
    within: str | None = None


class EntityPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EntityOut]


class RoleOut(BaseModel):
    title: str
    organization: str | None
    start: str | None
    end: str | None
    status: str | None
    reported: str | None
    document_id: str


class EntityDetailOut(BaseModel):
    entity: EntityOut
    roles: list[RoleOut]
    events: list[EventOut]


class EvidenceSpan(BaseModel):
    event_id: int
    local_id: str
    type: str
    start: int
    end: int
    text: str


class DocumentOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    language: str | None
    text: str | None = None
    evidence: list[EvidenceSpan] = []


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentOut]


class SearchHitOut(BaseModel):
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float


class ReportIn(BaseModel):
    """A report to ingest: its text (with optional metadata), or a URL to fetch."""

    text: str | None = Field(None, max_length=1_000_000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=300)


class IngestedOut(BaseModel):
    document_id: str
    stored: bool
    new_events: int
    merged_events: int


class ConfigOut(BaseModel):
    tile_url: str | None
    tile_attribution: str | None
    writes: bool
