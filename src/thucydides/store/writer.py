"""Writing one extraction into the store, in one transaction: the document, its entities joined to the
canonical ones, its events joined to the stored occurrences, and the counts that follow."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import Connection, insert, select

from thucydides.gazetteer.names import fold
from thucydides.model import Event, Extraction
from thucydides.store.entities import EntityResolver
from thucydides.store.events import Claim, EventMatcher, add_participants, recount, refine
from thucydides.store.schema import document_entities, documents, event_reports, events, roles


@dataclass(frozen=True)
class Written:
    """What one report changed: nothing (already stored), or its new and merged events."""

    document_id: str
    stored: bool
    new_events: int = 0
    merged_events: int = 0


def outlet_key(extraction: Extraction) -> str:
    """Who published it: the outlet's folded name, else the URL's host, else the document itself."""
    doc = extraction.document
    if doc.outlet and fold(doc.outlet):
        return fold(doc.outlet)
    host = urlsplit(doc.url).hostname if doc.url else None
    if host:
        return host.removeprefix("www.")
    return f"document:{doc.id}"


def document_exists(connection: Connection, document_id: str) -> bool:
    return connection.execute(select(documents.c.id).where(documents.c.id == document_id)).first() is not None


class ReportWriter:
    """Writes extractions through one connection; the caller owns the transaction."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.resolver = EntityResolver(connection)
        self.matcher = EventMatcher(connection)

    def write(self, extraction: Extraction) -> Written:
        doc = extraction.document
        if document_exists(self.connection, doc.id):
            return Written(doc.id, stored=False)
        outlet = outlet_key(extraction)
        record = extraction.to_dict()
        record["document"]["text"] = doc.text
        self.connection.execute(insert(documents).values(
            id=doc.id, path=doc.path, url=doc.url, title=doc.title, outlet=doc.outlet, outlet_key=outlet,
            published=doc.published, language=doc.language, text=doc.text,
            extraction=json.dumps(record, ensure_ascii=False), ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
        if self.connection.dialect.name == "sqlite":
            self.connection.exec_driver_sql("INSERT INTO documents_fts (document_id, title, text) VALUES (?, ?, ?)",
                                            (doc.id, doc.title or "", doc.text))
        canonical = self.write_entities(extraction)
        new = merged = 0
        for event in extraction.events:
            if self.write_event(extraction, event, canonical, outlet):
                merged += 1
            else:
                new += 1
        return Written(doc.id, stored=True, new_events=new, merged_events=merged)

    def write_entities(self, extraction: Extraction) -> dict[str, int]:
        canonical: dict[str, int] = {}
        for entity in extraction.entities:
            canonical[entity.id] = self.resolver.resolve(entity)
        if canonical:
            self.connection.execute(insert(document_entities), [
                {"document_id": extraction.document.id, "local_id": e.id, "entity_id": canonical[e.id],
                 "mentions": len(e.mentions)} for e in extraction.entities])
        names = {e.id: e.name for e in extraction.entities}
        role_rows = [{"entity_id": canonical[e.id], "document_id": extraction.document.id, "title": r.title,
                      "organization": names.get(r.organization, r.organization), "start": r.start, "end": r.end,
                      "status": r.status, "reported": extraction.document.published}
                     for e in extraction.entities for r in e.roles]
        if role_rows:
            self.connection.execute(insert(roles), role_rows)
        return canonical

    def source_of(self, extraction: Extraction, event: Event, canonical: dict[str, int], outlet: str) -> tuple[str, str]:
        """(key, name) of the source that vouches for the event: the innermost named entity of the chain;
        the outlet itself where it speaks in its own voice or cites someone unnamed."""
        chain = event.attribution.chain
        outlet_name = extraction.document.outlet or outlet
        if len(chain) < 2:
            return f"outlet:{outlet}", outlet_name
        inner = chain[-1]
        if inner in canonical:
            entity = extraction.entity(inner)
            return f"entity:{canonical[inner]}", entity.name if entity else inner
        return f"outlet:{outlet}:{fold(inner)}", f"{inner} (via {outlet_name})"

    def claim_of(self, extraction: Extraction, event: Event, canonical: dict[str, int]) -> Claim:
        place = extraction.entity(event.place) if event.place else None
        geo = place.geo if place else None
        ids = [canonical[x] for x in (*event.actors, *event.targets) if x in canonical]
        generic = {canonical[e.id] for e in extraction.entities if e.generic and e.id in canonical}
        sides = {e.country for x in (*event.actors, *event.targets) if (e := extraction.entity(x)) and e.country}
        return Claim(type=event.type, start=event.when.start, end=event.when.end or event.when.start,
                     published=extraction.document.published, lat=geo.lat if geo else None,
                     lon=geo.lon if geo else None, feature=geo.feature if geo else None,
                     country=(geo.country if geo else None) or (place.country if place else None),
                     participants=set(ids), named=set(ids) - generic, sides=sides,
                     denies=event.negated or event.attribution.stance == "denied")

    def write_event(self, extraction: Extraction, event: Event, canonical: dict[str, int], outlet: str) -> bool:
        """Store one event; True where it joined an occurrence already stored."""
        claim = self.claim_of(extraction, event, canonical)
        place_id = canonical.get(event.place) if event.place else None
        match = self.matcher.match(claim, extraction.document.id)
        if match is None:
            event_id = self.connection.execute(insert(events).values(
                type=event.type, subtype=event.subtype, start=claim.start, end=claim.end,
                precision=event.when.precision, place_id=place_id, lat=claim.lat, lon=claim.lon,
                feature=claim.feature, country=claim.country, reports=0, outlets=0, sources=0, contradictions="",
                negated=claim.denies)).inserted_primary_key[0]
        else:
            event_id = match.event_id
            if not match.contradiction and not claim.denies:
                refine(self.connection, match.event, claim, place_id, event.when.precision, event.subtype)
        key, name = self.source_of(extraction, event, canonical, outlet)
        names = {e.id: e.name for e in extraction.entities}
        self.connection.execute(insert(event_reports).values(
            event_id=event_id, document_id=extraction.document.id, local_id=event.id, subtype=event.subtype,
            start=event.when.start, end=event.when.end, precision=event.when.precision, when_text=event.when.text,
            place_id=place_id, stance=event.attribution.stance, cue=event.attribution.cue,
            chain=json.dumps([names.get(x, x) for x in event.attribution.chain], ensure_ascii=False),
            source_key=key, source_name=name, negated=event.negated,
            contradiction=match.contradiction or None if match else None,
            evidence=json.dumps([e.to_dict() for e in event.evidence], ensure_ascii=False),
            quantities=json.dumps([q.to_dict() for q in event.quantities], ensure_ascii=False)))
        add_participants(self.connection, event_id,
                         [(canonical[x], "actor") for x in event.actors if x in canonical]
                         + [(canonical[x], "target") for x in event.targets if x in canonical])
        recount(self.connection, event_id)
        return match is not None

