"""Questions to the store: events by type, place, time, actor, source and corroboration; entities;
people's roles over time; full-text search. One code path for SQLite and PostgreSQL."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import Connection, and_, exists, func, or_, select, text

from thucydides.gazetteer.distance import bounding_box, km
from thucydides.gazetteer.names import fold
from thucydides.store.records import (EventDetail, EventReport, PersonTimeline, SearchHit, StoredDocument,
                                      StoredEntity, StoredEvent, StoredRole)
from thucydides.store.schema import aliases, documents, entities, event_participants, event_reports, events, roles

DEFAULT_WITHIN_KM = 50.0


@dataclass(frozen=True)
class EventFilter:
    """What `thuc events` and the API ask for; every field optional."""

    type: str | None = None
    near: tuple[float, float] | None = None
    within_km: float = DEFAULT_WITHIN_KM
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east (west > east: across 180°)
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    source: str | None = None
    min_sources: int = 0
    text: str | None = None
    limit: int | None = 1000
    offset: int = 0


def matching_entity_ids(connection: Connection, name: str, types: tuple[str, ...] | None = None) -> list[int]:
    """Entities called so (any alias), else whose name contains the words."""
    key = fold(name)
    if not key:
        return []
    query = select(aliases.c.entity_id).join(entities, entities.c.id == aliases.c.entity_id).where(aliases.c.key == key)
    if types:
        query = query.where(entities.c.type.in_(types))
    found = list(dict.fromkeys(connection.execute(query).scalars()))
    if found:
        return found
    query = select(entities.c.id).where(entities.c.key.like(f"%{key}%"))
    if types:
        query = query.where(entities.c.type.in_(types))
    return list(connection.execute(query.limit(500)).scalars())


def event_query(connection: Connection, f: EventFilter):
    c = events.c
    where = []
    if f.type:
        where.append(c.type == f.type.upper())
    if f.since:
        where.append(c.end >= f.since)
    if f.until:
        where.append(c.start <= f.until)
    if f.min_sources:
        where.append(c.sources >= f.min_sources)
    if f.near:
        south, west, north, east = bounding_box(f.near[0], f.near[1], f.within_km)
        where.append(and_(c.lat >= south, c.lat <= north))
        if west >= -180 and east <= 180:
            where.append(and_(c.lon >= west, c.lon <= east))
    if f.bbox:
        south, west, north, east = f.bbox
        where.append(and_(c.lat >= south, c.lat <= north))
        where.append(and_(c.lon >= west, c.lon <= east) if west <= east else or_(c.lon >= west, c.lon <= east))
    if f.actor:
        ids = matching_entity_ids(connection, f.actor)
        p = event_participants.c
        where.append(exists().where(p.event_id == c.id, p.role == "actor", p.entity_id.in_(ids or [-1])))
    if f.source:
        needle = f"%{f.source.lower()}%"
        r = event_reports.c
        where.append(exists().where(r.event_id == c.id, or_(func.lower(r.source_name).like(needle),
                                                            func.lower(r.chain).like(needle))))
    if f.text:
        ids = [hit.document_id for hit in search(connection, f.text, limit=10_000)]
        where.append(exists().where(event_reports.c.event_id == c.id, event_reports.c.document_id.in_(ids or ["-"])))
    query = select(events, entities.c.name.label("place_name")).outerjoin(entities, entities.c.id == c.place_id)
    return query.where(*where).order_by(c.start.desc().nulls_last(), c.id.desc())


def find_events(connection: Connection, f: EventFilter) -> list[StoredEvent]:
    query = event_query(connection, f)
    if f.near is None:
        if f.limit:
            query = query.limit(f.limit)
        rows = connection.execute(query.offset(f.offset or None)).all()
    else:  # the box is a superset: keep what lies within the radius, and stop once the page is full
        lat, lon = f.near
        wanted = f.offset + f.limit if f.limit else None
        rows = []
        for r in connection.execute(query.execution_options(yield_per=256)):
            if r.lat is not None and km(lat, lon, r.lat, r.lon) <= f.within_km:
                rows.append(r)
                if wanted is not None and len(rows) >= wanted:
                    break
        rows = rows[f.offset:]
    return stored_events(connection, rows)


def count_events(connection: Connection, f: EventFilter) -> int:
    if f.near is None:
        return connection.execute(select(func.count()).select_from(event_query(connection, f).subquery())).scalar_one()
    return len(find_events(connection, EventFilter(**{**f.__dict__, "limit": None, "offset": 0})))


def stored_events(connection: Connection, rows) -> list[StoredEvent]:
    """Records for event rows, with participants, sources and the first evidence fetched in two queries."""
    ids = [r.id for r in rows]
    people: dict[int, dict[str, list[str]]] = {i: {"actor": [], "target": []} for i in ids}
    people_ids: dict[int, dict[str, list[int]]] = {i: {"actor": [], "target": []} for i in ids}
    sources: dict[int, list[str]] = {i: [] for i in ids}
    evidence: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        p = event_participants.c
        for event_id, role, entity_id, name in connection.execute(
                select(p.event_id, p.role, p.entity_id, entities.c.name).join(entities, entities.c.id == p.entity_id)
                .where(p.event_id.in_(chunk)).order_by(p.event_id, entities.c.id)):
            people[event_id][role].append(name)
            people_ids[event_id][role].append(entity_id)
        r = event_reports.c
        for event_id, source, proof in connection.execute(
                select(r.event_id, r.source_name, r.evidence).where(r.event_id.in_(chunk)).order_by(r.event_id, r.id)):
            if source not in sources[event_id]:
                sources[event_id].append(source)
            if event_id not in evidence:
                items = json.loads(proof)
                evidence[event_id] = " ".join(e["text"] for e in items[:1])
    return [StoredEvent(
        id=r.id, type=r.type, subtype=r.subtype, start=r.start, end=r.end, precision=r.precision, place=r.place_name,
        lat=r.lat, lon=r.lon, country=r.country, actors=tuple(people[r.id]["actor"]),
        targets=tuple(people[r.id]["target"]), reports=r.reports, outlets=r.outlets, sources=r.sources,
        contradictions=tuple(x for x in r.contradictions.split(",") if x), negated=bool(r.negated),
        according_to=tuple(sources[r.id]), evidence=evidence.get(r.id, ""), place_id=r.place_id,
        actor_ids=tuple(people_ids[r.id]["actor"]), target_ids=tuple(people_ids[r.id]["target"])) for r in rows]


def reports_of_events(connection: Connection, event_ids: list[int]) -> dict[int, list[EventReport]]:
    """Every report of each event, in the order they were stored; fetched 500 events at a time."""
    r, d = event_reports.c, documents.c
    place = entities.alias("report_place")
    out: dict[int, list[EventReport]] = {i: [] for i in event_ids}
    for start in range(0, len(event_ids), 500):
        rows = connection.execute(
            select(r.event_id, r.document_id, r.local_id, d.title, d.outlet, d.url, d.published, r.start, r.end,
                   r.when_text, place.c.name.label("place"), r.stance, r.cue, r.chain, r.source_name, r.negated,
                   r.contradiction, r.evidence, r.quantities)
            .join(documents, d.id == r.document_id).outerjoin(place, place.c.id == r.place_id)
            .where(r.event_id.in_(event_ids[start:start + 500])).order_by(r.event_id, r.id))
        for x in rows:
            out[x.event_id].append(EventReport(
                document_id=x.document_id, local_id=x.local_id, title=x.title, outlet=x.outlet, url=x.url,
                published=x.published, start=x.start, end=x.end, when_text=x.when_text, place=x.place,
                stance=x.stance, cue=x.cue, chain=tuple(json.loads(x.chain)), source=x.source_name,
                negated=bool(x.negated), contradiction=x.contradiction, evidence=tuple(json.loads(x.evidence)),
                quantities=tuple(json.loads(x.quantities))))
    return out


def event_detail(connection: Connection, event_id: int) -> EventDetail | None:
    row = connection.execute(select(events, entities.c.name.label("place_name"))
                             .outerjoin(entities, entities.c.id == events.c.place_id)
                             .where(events.c.id == event_id)).first()
    if row is None:
        return None
    return EventDetail(stored_events(connection, [row])[0], tuple(reports_of_events(connection, [event_id])[event_id]))


def stored_entities(connection: Connection, rows) -> list[StoredEntity]:
    ids = [r.id for r in rows]
    names: dict[int, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        for entity_id, alias in connection.execute(
                select(aliases.c.entity_id, aliases.c.alias).where(aliases.c.entity_id.in_(ids[start:start + 500]))):
            names[entity_id].append(alias)
    return [StoredEntity(id=r.id, name=r.name, type=r.type, kind=r.kind, country=r.country, generic=bool(r.generic),
                         lat=r.lat, lon=r.lon, feature=r.feature, geonameid=r.geonameid, documents=r.documents,
                         within=r.within, aliases=tuple(sorted(a for a in names[r.id] if a != r.name))) for r in rows]


def entity_query(connection: Connection, type: str | None, country: str | None, name: str | None):
    query = select(entities)
    if type:
        query = query.where(entities.c.type == type.upper())
    if country:
        query = query.where(entities.c.country == country.upper())
    if name:
        query = query.where(entities.c.id.in_(matching_entity_ids(connection, name) or [-1]))
    return query


def count_entities(connection: Connection, type: str | None = None, country: str | None = None,
                   name: str | None = None) -> int:
    query = entity_query(connection, type, country, name)
    return connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def find_entities(connection: Connection, type: str | None = None, country: str | None = None,
                  name: str | None = None, limit: int | None = 1000, offset: int = 0) -> list[StoredEntity]:
    query = entity_query(connection, type, country, name)
    query = query.order_by(entities.c.documents.desc(), entities.c.id).offset(offset or None)
    rows = connection.execute(query.limit(limit) if limit else query).all()
    return stored_entities(connection, rows)


def entities_by_id(connection: Connection, ids: list[int]) -> dict[int, StoredEntity]:
    out: dict[int, StoredEntity] = {}
    for start in range(0, len(ids), 500):
        rows = connection.execute(select(entities).where(entities.c.id.in_(ids[start:start + 500]))).all()
        out.update((e.id, e) for e in stored_entities(connection, rows))
    return out


def entity_by_id(connection: Connection, entity_id: int) -> StoredEntity | None:
    row = connection.execute(select(entities).where(entities.c.id == entity_id)).first()
    return stored_entities(connection, [row])[0] if row else None


def roles_of(connection: Connection, entity_id: int) -> tuple[StoredRole, ...]:
    rows = connection.execute(select(roles).where(roles.c.entity_id == entity_id).order_by(roles.c.id)).all()
    seen, out = set(), []
    for r in sorted(rows, key=lambda r: (r.start or r.reported or "", r.reported or "", r.id)):
        key = (fold(r.title), fold(r.organization or ""), r.start, r.end, r.status)
        if key not in seen:  # the same role told by several reports is one line of the timeline
            seen.add(key)
            out.append(StoredRole(title=r.title, organization=r.organization, start=r.start, end=r.end,
                                  status=r.status, reported=r.reported, document_id=r.document_id))
    return tuple(out)


def person_timeline(connection: Connection, name: str) -> list[PersonTimeline]:
    """Every person the name may mean, each with their roles over time."""
    ids = matching_entity_ids(connection, name, types=("PERSON",))
    rows = connection.execute(select(entities).where(entities.c.id.in_(ids or [-1])).order_by(
        entities.c.documents.desc(), entities.c.id)).all()
    return [PersonTimeline(person, roles_of(connection, person.id)) for person in stored_entities(connection, rows)]


def fts5_query(words: str) -> str:
    """User text as an FTS5 query: quoted phrases kept, other words each quoted (so no syntax errors)."""
    phrases = re.findall(r'"([^"]+)"', words)
    rest = re.sub(r'"[^"]*"?', " ", words)
    terms = [p for p in phrases if p.strip()] + re.findall(r"[\w'-]+", rest)
    return " ".join('"' + t.replace('"', "") + '"' for t in terms)


def search(connection: Connection, words: str, limit: int = 20) -> list[SearchHit]:
    """Reports whose title or text hold the words, best first, with a snippet."""
    if not words or not words.strip():
        return []
    d = documents.c
    if connection.dialect.name == "sqlite":
        query = fts5_query(words)
        if not query:
            return []
        rows = connection.execute(text(
            "SELECT f.document_id, snippet(documents_fts, 2, '[', ']', '…', 16) AS snippet, bm25(documents_fts) AS rank "
            "FROM documents_fts f WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": query, "n": limit}).all()
        scores = {r.document_id: (r.snippet, -r.rank) for r in rows}
    else:
        rows = connection.execute(text(
            "SELECT d.id AS document_id, ts_headline('english', d.text, q, 'StartSel=[, StopSel=], MaxWords=24, "
            "MinWords=8') AS snippet, ts_rank(to_tsvector('english', coalesce(d.title, '') || ' ' || d.text), q) AS rank "
            "FROM documents d, websearch_to_tsquery('english', :q) q "
            "WHERE to_tsvector('english', coalesce(d.title, '') || ' ' || d.text) @@ q ORDER BY rank DESC LIMIT :n"),
            {"q": words, "n": limit}).all()
        scores = {r.document_id: (r.snippet, float(r.rank)) for r in rows}
    meta = {r.id: r for r in connection.execute(select(d.id, d.title, d.outlet, d.published)
                                                .where(d.id.in_(list(scores) or ["-"])))}
    return [SearchHit(document_id=i, title=meta[i].title, outlet=meta[i].outlet, published=meta[i].published,
                      snippet=snippet, score=score) for i, (snippet, score) in scores.items() if i in meta]


def find_documents(connection: Connection, limit: int = 100, offset: int = 0) -> list[StoredDocument]:
    """Stored reports, newest first, without their text."""
    d = documents.c
    rows = connection.execute(select(d.id, d.title, d.outlet, d.published, d.url, d.path, d.language)
                              .order_by(d.published.desc().nulls_last(), d.id).limit(limit).offset(offset or None))
    return [StoredDocument(id=r.id, title=r.title, outlet=r.outlet, published=r.published, url=r.url, path=r.path,
                           language=r.language) for r in rows]


def count_documents(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(documents)).scalar_one()


def document_by_id(connection: Connection, document_id: str) -> StoredDocument | None:
    """One report with its text and the spans where its events are stated."""
    d = documents.c
    r = connection.execute(select(documents).where(d.id == document_id)).first()
    if r is None:
        return None
    spans = []
    for event_id, local_id, type_, evidence in connection.execute(
            select(event_reports.c.event_id, event_reports.c.local_id, events.c.type, event_reports.c.evidence)
            .join(events, events.c.id == event_reports.c.event_id)
            .where(event_reports.c.document_id == document_id).order_by(event_reports.c.id)):
        for e in json.loads(evidence):
            spans.append({"event_id": event_id, "local_id": local_id, "type": type_, "start": e["start"],
                          "end": e["end"], "text": e["text"]})
    return StoredDocument(id=r.id, title=r.title, outlet=r.outlet, published=r.published, url=r.url, path=r.path,
                          language=r.language, text=r.text, evidence=tuple(spans))


def events_of_entity(connection: Connection, entity_id: int, limit: int = 200) -> list[StoredEvent]:
    """Events an entity took part in or that happened at it, newest first."""
    p = event_participants.c
    query = select(events, entities.c.name.label("place_name")).outerjoin(entities, entities.c.id == events.c.place_id)
    query = query.where(or_(events.c.place_id == entity_id,
                            events.c.id.in_(select(p.event_id).where(p.entity_id == entity_id))))
    rows = connection.execute(query.order_by(events.c.start.desc().nulls_last(), events.c.id.desc()).limit(limit)).all()
    return stored_events(connection, rows)
