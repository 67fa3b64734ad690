"""STIX 2.1 bundle (built with the stix2 library): reports for documents, identities for outlets and
sources, locations for places, threat actors for armed groups and forces, incidents for events, with
relationships between them and notes that carry each report's evidence and stance."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TextIO

from thucydides.export.collect import collect

NAMESPACE = uuid.UUID("5a4e0f5c-7a51-4c8e-9a3e-2d1c6f0b7e11")  # Thucydides' namespace for deterministic ids
ARMED_KINDS = {"military", "armed_group", "unit", "opposition", "government_forces", "militia", "police"}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def published_time(day: str | None) -> dt.datetime:
    day = dt.date.fromisoformat(day) if day else dt.date.today()
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


class BundleBuilder:
    """Writes a bundle's STIX objects as they are made, each once (by deterministic id), so that a store of
    any size exports in little memory; the reports, which refer to everything of their document, come last."""

    def __init__(self, out: TextIO):
        import stix2

        self.stix2 = stix2
        self.out = out
        self.seen: set[str] = set()
        self.report_refs: dict[str, list[str]] = {}
        self.report_meta: dict[str, tuple] = {}
        out.write('{"type": "bundle", "id": "bundle--%s", "objects": [' % uuid.uuid4())
        self.add(stix2.Identity(id=stix_id("identity", "producer:thucydides"), name="Thucydides", identity_class="system",
                                description="The engine that extracted these events from the reports."))

    def add(self, obj) -> str:
        if obj.id not in self.seen:
            self.out.write(("\n" if not self.seen else ",\n") + obj.serialize())
            self.seen.add(obj.id)
        return obj.id

    def once(self, kind: str, key: str, make) -> str:
        """The id of the object of that kind and key, made by `make(id)` and written the first time only."""
        object_id = stix_id(kind, key)
        if object_id not in self.seen:
            self.add(make(object_id))
        return object_id

    def party(self, entity) -> str:
        """An entity as a threat actor (armed groups, forces) or an identity (people, governments, media)."""
        s = self.stix2
        if entity.kind in ARMED_KINDS or (entity.type == "ORGANIZATION" and entity.generic):
            return self.once("threat-actor", str(entity.id), lambda i: s.ThreatActor(
                id=i, name=entity.name, aliases=list(entity.aliases) or None, allow_custom=True,
                x_thuc_country=entity.country, x_thuc_kind=entity.kind))
        identity_class = "individual" if entity.type == "PERSON" else "organization"
        return self.once("identity", f"entity:{entity.id}", lambda i: s.Identity(
            id=i, name=entity.name, identity_class=identity_class, allow_custom=True, x_thuc_country=entity.country))

    def place(self, entity) -> str | None:
        if entity is None or entity.lat is None:
            return None
        return self.once("location", str(entity.id), lambda i: self.stix2.Location(
            id=i, name=entity.name, latitude=round(entity.lat, 6), longitude=round(entity.lon, 6),
            country=entity.country, allow_custom=True, x_thuc_feature=entity.feature))

    def source(self, name: str) -> str:
        return self.once("identity", f"source:{name}", lambda i: self.stix2.Identity(
            id=i, name=name, identity_class="unknown"))

    def relate(self, source: str, kind: str, target: str) -> None:
        self.once("relationship", f"{source}|{kind}|{target}", lambda i: self.stix2.Relationship(
            id=i, source_ref=source, relationship_type=kind, target_ref=target))

    def event(self, item) -> None:
        s, e = self.stix2, item.event
        where = f" at {e.place}" if e.place else ""
        when = f" on {e.start}" + (f"..{e.end}" if e.end and e.end != e.start else "") if e.start else ""
        incident = self.add(s.Incident(
            id=stix_id("incident", str(e.id)), name=f"{e.type.lower().replace('_', ' ')}{where}{when}",
            description=e.evidence, allow_custom=True, x_thuc_type=e.type, x_thuc_subtype=e.subtype,
            x_thuc_start=e.start, x_thuc_end=e.end, x_thuc_precision=e.precision, x_thuc_reports=e.reports,
            x_thuc_independent_sources=e.sources, x_thuc_contradictions=list(e.contradictions) or None,
            x_thuc_negated=e.negated))
        for actor in item.actors:
            self.relate(incident, "attributed-to", self.party(actor))
        for target in item.targets:
            self.relate(incident, "targets", self.party(target))
        location = self.place(item.place)
        if location:
            self.relate(incident, "located-at", location)
        for report in item.reports:
            source = self.source(report.source)
            evidence = " ".join(x["text"] for x in report.evidence)
            note = self.add(s.Note(
                id=stix_id("note", f"{e.id}:{report.document_id}:{report.local_id}"),
                abstract=f"{report.stance}: {' > '.join(report.chain)}", content=evidence,
                authors=[report.source], object_refs=[incident, source], allow_custom=True,
                x_thuc_stance=report.stance, x_thuc_cue=report.cue, x_thuc_chain=list(report.chain),
                x_thuc_document=report.document_id))
            refs = self.report_refs.setdefault(report.document_id, [])
            refs.extend(x for x in (incident, note, source, location) if x and x not in refs)
            self.report_meta[report.document_id] = (report.title, report.outlet, report.url, report.published)

    def finish(self) -> None:
        s = self.stix2
        for document_id, refs in self.report_refs.items():
            title, outlet, url, published = self.report_meta[document_id]
            creator = self.source(outlet) if outlet else None
            external = [{"source_name": outlet or "report", "url": url}] if url else None
            self.add(s.Report(id=stix_id("report", document_id), name=title or f"report {document_id}",
                              published=published_time(published), object_refs=refs,
                              report_types=["threat-report"], created_by_ref=creator, external_references=external,
                              allow_custom=True, x_thuc_document=document_id))
        self.out.write("\n]}\n")


def write_stix(store, out: TextIO, **filters) -> int:
    """The bundle, written as it is made; returns the number of incidents (events)."""
    builder = BundleBuilder(out)
    n = 0
    for item in collect(store, **filters):
        builder.event(item)
        n += 1
    builder.finish()
    return n
