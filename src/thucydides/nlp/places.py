"""`thuc_geocoder`: places on the map, from the offline gazetteer.

For each place and facility entity, the candidates its names have in the gazetteer are ranked by how
the report names the place (its kind: facility, region, city, country), the side or country the
entity layer already knows, the countries the report is about, population, nearness to the report's
other places and a qualifier ("Damascus, Maryland"). No candidate, or only a small place in a country
the report does not mention, leaves the entity without coordinates: better none than a wrong country.
The component also turns into places the well-known places the statistical model typed as people or
organisations ("Tamil Nadu", "Harare") and the cities of wire datelines; with `demonyms=True` in its
config, "British" or "Syrian" become mentions of a country the report names.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.gazetteer.build import facility_stem
from thucydides.gazetteer.distance import km
from thucydides.gazetteer.names import fold
from thucydides.gazetteer.query import Gazetteer, Place
from thucydides.model import Entity, Geo
from thucydides.nlp.lexicon import get_lexicon

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
        if not top.exact and top.country and top.country not in known and top.feature != "country":
            return None  # only a look-alike spelling ("Kuriga" ~ "Caraga"), in a country the report never names
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


# ---- the component ------------------------------------------------------------------------------
LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across"}
DATELINE_CITY = re.compile(r"(?:^|(?<=\n)|(?<=\. )|(?<=[a-z]\. ))([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})"
                           r"(?=(?:,[ A-Za-z.]{2,30}(?:,? ?\d{1,2}(?:, \d{4})?)?)?,? ?(?:\([^()\n]{1,40}\))? ?(?:[-\u2013\u2014\ufffd\"]|:))")
WELL_KNOWN_CITY = 500_000
LOCAL_TOWN = 5_000
LONE_NAME_TOWN = 20_000
CONTINENTS = {"africa", "europe", "asia", "south america", "north america", "oceania", "antarctica"}
CONTINENT_OF_DEMONYM = {"African": "africa", "European": "europe", "Asian": "asia", "South American": "south america",
                        "North American": "north america"}
FEATURE_KIND = {"country": "country", "region": "region", "city": "city", "facility": "base", "landmark": "landmark"}


class Geocoder:
    """Fills `geo` (and a missing `country`) of the entities in `doc._.thuc_entities`."""

    def __init__(self, gazetteer_path: str | None = None, demonyms: bool = False):
        self.gazetteer_path = gazetteer_path or None
        self.demonyms = demonyms  # count "Syrian" as a mention of Syria (GeoWebNews does; re3d and our gold do not)
        self.resolver: PlaceResolver | None = None
        self.lexicon = get_lexicon()
        self.known_names = {fold(n) for e in self.lexicon.entries.values() if e.type in ("PERSON", "ORGANIZATION")
                            for n in e.names}  # people and organisations the lexicon knows stay what they are

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc._.thuc_entities or ())
        if not entities:
            return doc
        if self.resolver is None:  # the gazetteer is opened (and built, the first time) on first use
            from thucydides.gazetteer.query import get_gazetteer

            self.resolver = PlaceResolver(get_gazetteer(self.gazetteer_path))
        context = self.resolver.context(entities)
        before = {e.id: e.type for e in entities}
        entities = [self.retyped(e, context, self.locative(doc, e)) for e in entities]
        now_places = {e.id for e in entities if e.type == "LOCATION" and before[e.id] != "LOCATION" and e.kind != "country"}
        if now_places and doc._.thuc_events:
            from thucydides.nlp.events import struck_towns_are_places

            kinds = {e.id: e.kind for e in entities}
            doc._.thuc_events = struck_towns_are_places(doc._.thuc_events, now_places, kinds)
        entities = self.with_dateline_places(doc, entities)
        if self.demonyms:
            entities = self.with_demonyms(doc, entities)
        chosen = self.resolver.resolve(entities, qualifiers_in(doc.text, entities))
        doc._.thuc_entities = [replace(e, geo=to_geo(chosen[e.id]), country=chosen[e.id].country or e.country)
                               if e.id in chosen else e for e in entities]
        return doc

    @staticmethod
    def locative(doc: Doc, entity: Entity) -> bool:
        """Some mention of the entity is the object of "in", "at", "near", "outside" ("in Cirencester")."""
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE:
                return True
        return False

    def retyped(self, entity: Entity, context, locative: bool = False) -> Entity:
        """A person or organisation the model found, whose name is a country or a first-level division, a
        city of half a million (of 100,000 for an organisation), or a town of the report's countries (for an
        organisation), with nothing that makes it a person or an organisation: a place."""
        if entity.type not in ("PERSON", "ORGANIZATION") or entity.kind or entity.generic or entity.titles or entity.roles:
            return entity
        if fold(entity.name) in self.known_names:
            return entity
        city_floor = WELL_KNOWN_CITY if entity.type == "PERSON" else WELL_KNOWN_CITY // 5
        for p in self.resolver.gazetteer.lookup(entity.name):
            if not p.exact:
                continue
            big = p.feature == "country" or p.feature == "region" and p.population >= WELL_KNOWN_CITY \
                or p.feature == "city" and p.main and p.population >= city_floor
            local = (entity.type == "ORGANIZATION" or locative) and p.feature in ("city", "region") and p.main \
                and p.population >= LOCAL_TOWN and (context.get(p.country, 0) >= 2 or locative and p.population >= 50_000)
            # a one-word "person" never introduced by a full name, or a name that is a town of the report's country
            lone = entity.type == "PERSON" and p.feature in ("city", "region") and p.main and (
                " " not in entity.name and p.population >= LONE_NAME_TOWN
                or context.get(p.country, 0) >= 2 and p.population >= LOCAL_TOWN * 2)
            if big or local or lone:
                return replace(entity, type="LOCATION", kind=FEATURE_KIND.get(p.feature), roles=(), titles=())
        return entity

    def with_dateline_places(self, doc: Doc, entities: list[Entity]) -> list[Entity]:
        """ "TORONTO (AP) —", "WASHINGTON, April 5 (Reuters) -": the cities wire stories were filed from, at the
        start of the text or of a line or sentence: a mention of the place the report names so, else a new place."""
        covered = [(a, b) for e in entities for a, b in e.mentions]
        number = max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
        out = list(entities)
        for m in DATELINE_CITY.finditer(doc.text):
            start, end = m.span(1)
            if any(a < end and start < b for a, b in covered):
                continue
            city = m.group(1)
            if not any(p.exact and p.feature in ("city", "region", "country") for p in self.resolver.gazetteer.lookup(city)):
                continue  # "NATO -": no dateline
            covered.append((start, end))
            same = next((k for k, e in enumerate(out) if e.type == "LOCATION" and fold(e.name) == fold(city)), None)
            if same is not None:  # "GOMA, Democratic Republic of Congo (Reuters) - ... the centre of Goma"
                e = out[same]
                out[same] = replace(e, mentions=tuple(sorted(e.mentions + ((start, end),))),
                                    aliases=e.aliases + ((city,) if city != e.name and city not in e.aliases else ()))
                continue
            number += 1
            out.append(Entity(id=f"E{number}", name=city.title(), type="LOCATION", kind="city",
                              aliases=(city,) if city != city.title() else (), mentions=((start, end),)))
        return out

    def with_demonyms(self, doc: Doc, entities: list[Entity]) -> list[Entity]:
        """ "British", "Syrian": mentions of the country entity the report has for them."""
        countries = {e.country: k for k, e in enumerate(entities) if e.type == "LOCATION" and e.kind == "country" and e.country}
        added: dict[int, list[tuple[int, int]]] = {}
        continents = {fold(e.name): k for k, e in enumerate(entities) if e.type == "LOCATION" and fold(e.name) in CONTINENTS}
        for ent in doc.ents:
            if ent.label_ != "NORP":
                continue
            continent = CONTINENT_OF_DEMONYM.get(ent.text)
            if continent in continents:
                added.setdefault(continents[continent], []).append((ent.start_char, ent.end_char))
                continue
            code = self.lexicon.country_of_word(ent.text)
            if code in countries:
                added.setdefault(countries[code], []).append((ent.start_char, ent.end_char))
        out = list(entities)
        text = doc.text
        for k, spans in added.items():
            e = out[k]
            mentions = tuple(sorted(set(e.mentions) | set(spans)))
            forms = {text[a:b] for a, b in spans} - {e.name, *e.aliases}
            out[k] = replace(e, mentions=mentions, aliases=e.aliases + tuple(sorted(forms)))
        return out


@Language.factory("thuc_geocoder", default_config={"gazetteer_path": "", "demonyms": False})
def make_geocoder(nlp: Language, name: str, gazetteer_path: str, demonyms: bool) -> Geocoder:
    return Geocoder(gazetteer_path, demonyms)
