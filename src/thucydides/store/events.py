"""Cross-report events: a report's event joins the stored event of the same occurrence, or starts one.

Same occurrence: same type, dates that overlap, places within reach of each other and participants
that agree (a shared entity, or at least the same sides). Where a report shares a named participant
and agrees on the place but not the day (or on the day but not the place), it joins the event as a
contradiction; a report that denies it joins it too. Per event the store counts reports, outlets and
independent sources: the innermost named source of each report's attribution chain, so two outlets
both citing HUR are one source."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, insert, or_, select, update

from thucydides.gazetteer.distance import km
from thucydides.store.schema import documents, entities, event_participants, event_reports, events

PLACE_RADIUS_KM = 25.0  # a village and the town reports name instead lie this close
REGION_RADIUS_KM = 300.0
DATE_TOLERANCE_DAYS = 1  # reports a day apart (overnight, time zones) tell the same day
CONTRADICTION_DAYS = 7  # a report a week off on the date is the same occurrence told wrongly; further off, another
UNDATED_WINDOW_DAYS = 14  # an undated report looks this far back from its report date
RECENT_BY_PARTICIPANT = 200


@dataclass
class Claim:
    """One report's event, in canonical terms: what the matcher compares."""

    type: str
    start: str | None
    end: str | None
    published: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    country: str | None
    participants: set[int] = field(default_factory=set)
    named: set[int] = field(default_factory=set)  # participants with a proper name (not "Russian forces")
    sides: set[str] = field(default_factory=set)  # countries of the participants
    denies: bool = False


@dataclass
class Match:
    event: object  # the stored event's row
    contradiction: str | None  # date or place: what this report says differently
    score: float

    @property
    def event_id(self) -> int:
        return self.event.id


def overlap(a_start, a_end, b_start, b_end) -> bool:
    return a_start <= b_end and b_start <= a_end


def days_apart(a_start: str, a_end: str, b_start: str, b_end: str) -> int:
    if overlap(a_start, a_end, b_start, b_end):
        return 0
    d = dt.date.fromisoformat
    return min(abs((d(a_start) - d(b_end)).days), abs((d(b_start) - d(a_end)).days))


def place_relation(claim: Claim, row) -> str:
    """same, differs or unknown: whether two places can be where one occurrence happened."""
    if claim.lat is None or row.lat is None:
        return "unknown"
    features = {claim.feature, row.feature}
    if "country" in features:
        return "same" if claim.country and claim.country == row.country else "differs"
    reach = REGION_RADIUS_KM if "region" in features else PLACE_RADIUS_KM
    return "same" if km(claim.lat, claim.lon, row.lat, row.lon) <= reach else "differs"


def participant_relation(claim: Claim, shared: set[int], sides: set[str], others: set[int]) -> str:
    if shared:
        return "same"
    if not claim.participants or not others:
        return "unknown"
    return "unknown" if claim.sides & sides else "differs"


class EventMatcher:
    """Finds the stored event a claim belongs to, on one connection."""

    def __init__(self, connection: Connection):
        self.connection = connection

    def candidates(self, claim: Claim) -> list:
        c = events.c
        conditions = []
        if claim.start:
            lo = (dt.date.fromisoformat(claim.start) - dt.timedelta(days=CONTRADICTION_DAYS)).isoformat()
            hi = (dt.date.fromisoformat(claim.end) + dt.timedelta(days=CONTRADICTION_DAYS)).isoformat()
            conditions.append(and_(c.start <= hi, c.end >= lo))
        elif claim.published:
            lo = (dt.date.fromisoformat(claim.published) - dt.timedelta(days=UNDATED_WINDOW_DAYS)).isoformat()
            conditions.append(and_(c.start <= claim.published, c.end >= lo))
        if claim.named:
            shared = select(event_participants.c.event_id).where(
                event_participants.c.entity_id.in_(sorted(claim.named))
            ).order_by(event_participants.c.event_id.desc()).limit(RECENT_BY_PARTICIPANT)
            conditions.append(c.id.in_(select(shared.subquery().c.event_id)))
        if not conditions:
            return []
        return self.connection.execute(select(events).where(c.type == claim.type, or_(*conditions))).all()

    def participants(self, event_ids: list[int]) -> dict[int, tuple[set[int], set[str]]]:
        out: dict[int, tuple[set[int], set[str]]] = {i: (set(), set()) for i in event_ids}
        if not event_ids:
            return out
        rows = self.connection.execute(
            select(event_participants.c.event_id, event_participants.c.entity_id, entities.c.country)
            .join(entities, entities.c.id == event_participants.c.entity_id)
            .where(event_participants.c.event_id.in_(event_ids)))
        for event_id, entity_id, country in rows:
            out[event_id][0].add(entity_id)
            if country:
                out[event_id][1].add(country)
        return out

    def match(self, claim: Claim, exclude_document: str) -> Match | None:
        """The best stored event for the claim, or None for a new occurrence."""
        rows = self.candidates(claim)
        if not rows:
            return None
        own = set(self.connection.execute(select(event_reports.c.event_id).where(
            event_reports.c.document_id == exclude_document)).scalars())  # a report's own events stay apart
        people = self.participants([r.id for r in rows if r.id not in own])
        best: Match | None = None
        for row in rows:
            if row.id in own:
                continue
            others, sides = people[row.id]
            shared = claim.participants & others
            part = participant_relation(claim, shared, sides, others)
            place = place_relation(claim, row)
            if claim.start and row.start:
                gap = days_apart(claim.start, claim.end, row.start, row.end)
                date = "same" if gap <= DATE_TOLERANCE_DAYS else "differs"
            else:
                gap, date = UNDATED_WINDOW_DAYS, "unknown"
            found = self.judge(claim, date, place, part, bool(claim.named & shared))
            if found is None:
                continue
            score = [date, place, part].count("same") * 10 - gap + (5 if claim.named & shared else 0)
            if best is None or score > best.score:
                best = Match(row, found, score)
        return best

    @staticmethod
    def judge(claim: Claim, date: str, place: str, part: str, named_shared: bool) -> str | None:
        """'' for the same occurrence, 'date'/'place' for the same one told differently, None for another."""
        placed = place == "same" or (part == "same" and named_shared)  # a generic "Russian forces" alone is no anchor
        if claim.denies:
            return "" if date != "differs" and "differs" not in (place, part) and placed else None
        if date == "same" and place != "differs" and part != "differs" and placed:
            return ""
        if date == "unknown" and place == "same" and part == "same" and named_shared:
            return ""
        if named_shared and part == "same":
            if date == "differs" and place == "same":
                return "date"
            if date == "same" and place == "differs":
                return "place"
        return None


def refine(connection: Connection, event_row, claim: Claim, place_id: int | None, precision: str,
           subtype: str | None) -> None:
    """Let a report fill what the event lacks: a date, a narrower date inside it, a place, a finer place."""
    changes: dict = {}
    if claim.start and (event_row.start is None or (event_row.start <= claim.start and claim.end <= event_row.end
                                                    and (claim.start, claim.end) != (event_row.start, event_row.end))):
        changes.update(start=claim.start, end=claim.end, precision=precision)
    if claim.lat is not None and (event_row.lat is None or (
            event_row.feature in ("country", "region") and claim.feature not in ("country", "region")
            and (claim.country == event_row.country or event_row.country is None))):
        changes.update(place_id=place_id, lat=claim.lat, lon=claim.lon, feature=claim.feature, country=claim.country)
    if subtype and not event_row.subtype:
        changes["subtype"] = subtype
    if changes:
        connection.execute(update(events).where(events.c.id == event_row.id).values(**changes))


def recount(connection: Connection, event_id: int) -> None:
    """Reports, outlets, independent sources (of the reports that affirm it) and contradictions of an event."""
    r = event_reports.c
    rows = connection.execute(
        select(r.document_id, documents.c.outlet_key, r.source_key, r.negated, r.stance, r.contradiction)
        .join(documents, documents.c.id == r.document_id).where(r.event_id == event_id)).all()
    affirming = [x for x in rows if not x.negated and x.stance != "denied"]
    flags = {x.contradiction for x in rows if x.contradiction}
    if affirming and len(affirming) < len(rows):
        flags.add("denied")
    connection.execute(update(events).where(events.c.id == event_id).values(
        reports=len({x.document_id for x in rows}), outlets=len({x.outlet_key for x in rows}),
        sources=len({x.source_key for x in affirming}), contradictions=",".join(sorted(flags)),
        negated=not affirming))


def add_participants(connection: Connection, event_id: int, roles: list[tuple[int, str]]) -> None:
    known = {tuple(row) for row in connection.execute(select(event_participants.c.entity_id, event_participants.c.role)
                                                      .where(event_participants.c.event_id == event_id))}
    new = sorted({(e, role) for e, role in roles} - known)
    if new:
        connection.execute(insert(event_participants), [{"event_id": event_id, "entity_id": e, "role": role}
                                                         for e, role in new])

