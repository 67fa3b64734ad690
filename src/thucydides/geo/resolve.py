"""Toponym resolution in context: pick, for each place entity, the gazetteer entry the report means.

Candidates are ranked by how the report names the place (its kind: facility, region, city, country),
the side or country the entity layer already knows, the countries the report is about, population,
and nearness to the report's other places. No candidate, or only one in a country the report does not
mention that is small, leaves the entity without coordinates: better none than a wrong country.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from thucydides.geo.build import facility_stem
from thucydides.geo.gazetteer import Gazetteer, Place
from thucydides.model import Entity, Geo

REGION_WORDS = re.compile(r"\b(region|province|governorate|governate|oblast|state|district|county|prefecture|"
                          r"department|territory|krai|valley|strait|sea|gulf)\b", re.I)
NEAR_KM = 400.0
QUALIFIER = re.compile(r",\s+((?:(?:located|situated|some|about|just)\s+)?(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?"
                       r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                       r"south-east|south-west)(?:ern)?\s+of\s+|in\s+|near\s+))?(?:the\s+)?")
UNKNOWN_COUNTRY_MIN_POPULATION = 50_000


@dataclass
class Scored:
    place: Place
    score: float


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a_lat, a_lon, b_lat, b_lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def candidates(self, entity: Entity) -> list[Place]:
        found: dict[int, Place] = {}
        for name in (entity.name, *entity.aliases):
            for place in self.gazetteer.lookup(name):
                found.setdefault(place.id, place)
        if not found and entity.type == "FACILITY":  # "the Millerovo airfield": the town it is named after
            for name in (entity.name, *entity.aliases):
                stem = facility_stem(name)
                for place in self.gazetteer.lookup(stem) if stem else ():
                    found.setdefault(place.id, place)
        return list(found.values())

    def context(self, entities: list[Entity]) -> Counter:
        """Countries the report is about: places' countries and sides, weighted by mentions."""
        votes = Counter()
        for e in entities:
            if e.country and e.type in ("LOCATION", "FACILITY"):
                votes[e.country] += 2 * len(e.mentions)
            elif e.country and e.type == "ORGANIZATION" and e.kind != "media":
                votes[e.country] += len(e.mentions)
        return votes

    @staticmethod
    def qualified(place: Place, qualifier: Place, directional: bool) -> float:
        """ "X, east of Y" puts X in Y's country; "Damascus, Maryland" and "Homs, Syria" favour the division or
        country named after the comma (a list such as "Hama, Homs" qualifies nothing)."""
        same_country = place.country == qualifier.country
        if directional:
            return 6.0 if same_country else -6.0
        if qualifier.feature == "country":
            return 6.0 if same_country else 0.0
        if qualifier.feature == "region" and same_country:
            return 4.0 + (6.0 if qualifier.admin1 and place.admin1 == qualifier.admin1 else 0.0)
        return 0.0

    def score(self, entity: Entity, place: Place, context: Counter, total: int, center, qualifier: Place | None = None,
              directional: bool = False) -> float:
        s = (2.0 if place.exact else 0.0) + (1.0 if place.main else 0.0)
        if qualifier is not None and qualifier.country and place.feature != "country":
            s += self.qualified(place, qualifier, directional)
        named_region = bool(REGION_WORDS.search(entity.name))
        kind = entity.kind or ""
        if entity.type == "FACILITY":
            s += {"facility": 4.0, "city": 1.0, "landmark": 1.0}.get(place.feature, 0.0)
        elif kind == "country":
            s += 5.0 if place.feature == "country" else -2.0
        elif kind == "region" or named_region:
            s += {"region": 3.0, "landmark": 2.0, "country": -1.0}.get(place.feature, 0.0)
        elif kind == "city":
            s += {"city": 2.0, "region": 0.5}.get(place.feature, -1.0)
        else:
            s += {"country": 2.5, "city": 1.0, "region": 1.0, "landmark": 1.0}.get(place.feature, 0.0)
        if entity.country:
            s += 3.0 if place.country == entity.country else (-3.0 if place.country else 0.0)
        if total and place.country:
            s += 3.0 * context[place.country] / total
        if place.feature == "country":
            s += 3.0
        elif place.population:
            s += 0.6 * math.log10(place.population + 10) + (0.5 if place.feature == "region" else 0.0)
        if place.source == "thucydides":
            s += 2.0  # our curated facilities and regions name what the press means
        if center is not None and place.feature in ("city", "facility", "landmark", "region"):
            if km(center[0], center[1], place.lat, place.lon) <= NEAR_KM:
                s += 1.5
        return s

    def best(self, entity: Entity, context: Counter, center, qualifier: Place | None = None,
             directional: bool = False) -> Place | None:
        candidates = self.candidates(entity)
        if not candidates:
            return None
        total = sum(context.values())
        ranked = sorted((Scored(p, self.score(entity, p, context, total, center, qualifier, directional)) for p in candidates),
                        key=lambda x: -x.score)
        top = ranked[0].place
        known = set(context) | ({entity.country} if entity.country else set()) | ({qualifier.country} if qualifier else set())
        if known and top.country and top.country not in known and top.feature not in ("country", "region") \
                and top.population < UNKNOWN_COUNTRY_MIN_POPULATION and not (entity.type == "FACILITY" and top.feature == "facility"):
            return None  # a village of another country: better no coordinates
        return top

    def resolve(self, entities: list[Entity], qualifiers: dict[str, tuple[str, bool]] | None = None) -> dict[str, Place]:
        """Entity id -> chosen place, for every LOCATION and FACILITY entity that has one. `qualifiers` maps an
        entity to the one that qualifies it and whether by direction ("Damascus, Maryland"; "Kuweires, east of
        Aleppo"), which is resolved first."""
        qualifiers = qualifiers or {}
        places = sorted((e for e in entities if e.type in ("LOCATION", "FACILITY")), key=lambda e: e.id in qualifiers)
        context = self.context(entities)
        chosen: dict[str, Place] = {}
        for e in places:  # first pass: without distances
            qualifier_id, directional = qualifiers.get(e.id, ("", False))
            found = self.best(e, context, None, chosen.get(qualifier_id), directional)
            if found is not None:
                chosen[e.id] = found
        local = [p for p in chosen.values() if p.feature in ("city", "facility", "landmark")]
        if not local:
            return chosen
        center = (sorted(p.lat for p in local)[len(local) // 2], sorted(p.lon for p in local)[len(local) // 2])
        for p in chosen.values():
            if p.country:
                context[p.country] += 1
        for e in places:  # second pass: near the report's other places
            qualifier_id, directional = qualifiers.get(e.id, ("", False))
            found = self.best(e, context, center, chosen.get(qualifier_id), directional)
            if found is not None:
                chosen[e.id] = found
        return chosen


def qualifiers_in(text: str, entities: list[Entity]) -> dict[str, tuple[str, bool]]:
    """ "Damascus, Maryland", "Homs, east of Tripoli": entity id -> (id of the place named after the comma,
    whether a direction or "located in/near" introduces it)."""
    starts = {start: e for e in entities if e.type == "LOCATION" for start, _ in e.mentions}
    out = {}
    for e in entities:
        if e.type not in ("LOCATION", "FACILITY"):
            continue
        for _, end in e.mentions:
            m = QUALIFIER.match(text, end)
            if m and m.end() in starts and starts[m.end()].id != e.id:
                out[e.id] = (starts[m.end()].id, bool(m.group(1)))
    return out


def to_geo(place: Place) -> Geo:
    return Geo(lat=round(place.lat, 5), lon=round(place.lon, 5), country=place.country, feature=place.feature,
               geonameid=place.geonameid)
