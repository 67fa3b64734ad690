"""The store's tables: documents, canonical entities and events, and what links them to each report."""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"})

documents = Table(
    "documents", metadata,
    Column("id", String(16), primary_key=True),  # the extraction's document id: a hash of the text
    Column("path", Text), Column("url", Text), Column("title", Text),
    Column("outlet", Text), Column("outlet_key", String(200), nullable=False),
    Column("published", String(10)), Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("extraction", Text, nullable=False),  # the contract JSON, as extracted
    Column("ingested_at", DateTime, nullable=False),
    Index(None, "published"), Index(None, "outlet_key"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False), Column("key", String(300), nullable=False),
    Column("type", String(16), nullable=False), Column("kind", String(32)),
    Column("country", String(2)), Column("generic", Boolean, nullable=False, default=False),
    Column("lat", Float), Column("lon", Float), Column("feature", String(16)), Column("geonameid", Integer),
    Column("documents", Integer, nullable=False, default=0),
    Column("within", Text),  # the town a street or building the gazetteer lacks was placed at
    Index(None, "type", "key"),
)

aliases = Table(
    "aliases", metadata,
    Column("entity_id", ForeignKey("entities.id"), primary_key=True),
    Column("key", String(300), primary_key=True),
    Column("alias", Text, nullable=False),
    Index(None, "key"),
)

roles = Table(
    "roles", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", ForeignKey("entities.id"), nullable=False),
    Column("document_id", ForeignKey("documents.id"), nullable=False),
    Column("title", Text, nullable=False), Column("organization", Text),
    Column("start", String(10)), Column("end", String(10)), Column("status", String(16)),
    Column("reported", String(10)),  # the report's date: orders roles that have no dates of their own
    Index(None, "entity_id"),
)

document_entities = Table(
    "document_entities", metadata,
    Column("document_id", ForeignKey("documents.id"), primary_key=True),
    Column("local_id", String(16), primary_key=True),
    Column("entity_id", ForeignKey("entities.id"), nullable=False),
    Column("mentions", Integer, nullable=False),
    Index(None, "entity_id"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(32), nullable=False), Column("subtype", String(64)),
    Column("start", String(10)), Column("end", String(10)), Column("precision", String(16), nullable=False),
    Column("place_id", ForeignKey("entities.id")),
    Column("lat", Float), Column("lon", Float), Column("feature", String(16)), Column("country", String(2)),
    Column("reports", Integer, nullable=False, default=0),
    Column("outlets", Integer, nullable=False, default=0),
    Column("sources", Integer, nullable=False, default=0),  # independent sources
    Column("contradictions", String(64), nullable=False, default=""),  # "date,place,denied" as found
    Column("negated", Boolean, nullable=False, default=False),  # every report says it did not happen
    Index(None, "start"), Index(None, "lat", "lon"), Index(None, "type", "start"),
)

event_reports = Table(
    "event_reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", ForeignKey("events.id"), nullable=False),
    Column("document_id", ForeignKey("documents.id"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("subtype", String(64)),
    Column("start", String(10)), Column("end", String(10)), Column("precision", String(16), nullable=False),
    Column("when_text", Text),
    Column("place_id", ForeignKey("entities.id")),
    Column("stance", String(16), nullable=False), Column("cue", Text),
    Column("chain", Text, nullable=False),  # JSON list of names, outlet first
    Column("source_key", String(300), nullable=False),  # who vouches for it; one key per independent source
    Column("source_name", Text, nullable=False),
    Column("negated", Boolean, nullable=False, default=False),
    Column("contradiction", String(16)),  # date, place or denied: how it disagrees with the event's first report
    Column("evidence", Text, nullable=False),  # JSON [{start, end, text}]
    Column("quantities", Text, nullable=False),  # JSON as in the contract
    UniqueConstraint("document_id", "local_id"),
    Index(None, "event_id"), Index(None, "source_key"),
)

event_participants = Table(
    "event_participants", metadata,
    Column("event_id", ForeignKey("events.id"), primary_key=True),
    Column("entity_id", ForeignKey("entities.id"), primary_key=True),
    Column("role", String(8), primary_key=True),  # actor or target
    Index(None, "entity_id"),
)


def managed_by_metadata(name, type_, _parent_names) -> bool:
    """False for the full-text search objects, which the migrations create in each backend's own SQL
    (an FTS5 table and its shadow tables; a GIN index): autogenerate must leave them alone."""
    return not (name or "").startswith(("documents_fts", "ix_documents_fts"))
