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
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.gazetteer.build import facility_stem
from thucydides.gazetteer.distance import km
from thucydides.gazetteer.names import ARTICLE, fold
from thucydides.gazetteer.query import Gazetteer, Place, contains
from thucydides.model import Entity, Event, Geo
from thucydides.nlp.datelines import find_datelines
from thucydides.nlp.lexicon import get_lexicon
from thucydides.nlp.place_names import NOT_PLACES, PlaceNameFinder
from thucydides.nlp.sites import DIRECTION_AFTER, NATURAL_KINDS, SitePlacer, is_site

REGION_WORDS = re.compile(r"\b(region|province|governorate|governate|oblast|state|district|county|prefecture|"
                          r"department|territory|krai|valley|strait|sea|gulf)\b", re.I)
NEAR_KM = 400.0
# group 1: ", east of", ", near" (a place around it); group 2: ", in", group 3: " in" (inside it, as a bare
# comma says); group 4: " north of", " near" without a comma (around it); group 6: " (southeast of" (around it)
DIRECTION_OF = (r"(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?"
                r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                r"south-east|south-west)(?:ern)?\s+of\s+")
QUALIFIER = re.compile(rf"(?:,\s+(?:((?:(?:located|situated|some|about|just)\s+)?(?:{DIRECTION_OF}|near\s+))"
                       r"|((?:located\s+|situated\s+)?in\s+))?"
                       rf"|\s+(in)\s+|\s+({DIRECTION_OF}|near\s+)|\s*\(\s*((?:about|some)\s+)?({DIRECTION_OF}))(?:the\s+)?")
UNKNOWN_COUNTRY_MIN_POPULATION = 100_000
SOLE_TOWN = 20_000  # a town no other place is named like is that town, when the report's places say no other country
FAR_VILLAGE = 10_000  # a place this small, far from the report's other places, is likely another one of its name
SHORT_FORM_PENALTY = 3.0
DIVISION_SUFFIX = re.compile(r"\s+(?:region|province|oblast|governorate|governate|state|district|county|prefecture|"
                             r"raion|rayon|krai|kray)$", re.I)
DIRECTION = re.compile(r"^(?:the\s+)?(?:(?:far|upper|lower|central|greater|north|south|east|west|northern|southern|eastern|"
                       r"western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)[\s-]+)+",
                       re.I)
CAPITAL_BONUS = 1.5
BIG_CITY = 100_000
MAIN_NAME_BONUS = 1.0
CONTEXT_WEIGHT = 3.0
POPULATION_WEIGHT = 0.6  # per tenfold population
NEAR_BONUS = 1.5
FAME_WEIGHT = 0.5  # per doubling of the names a place is known by
NAMED_DIVISION_BONUS = 2.5
QUALIFYING_DIVISION_BONUS = 3.0
LISTED_KIND_BONUS = 3.0
REFINING_PASSES = 2  # a town read wrong in the first pass ("San Diego" of Mexico) is set right by the next
ALL_NAMES_BONUS = 2.0
UNNAMED_COUNTRY_PENALTY = 1.0
QUALIFIER_CITY_KM = 50.0
POINT_FEATURES = ("city", "facility", "landmark")  # places a point stands for (not divisions or countries)
NEAR_QUALIFIER_KM = 150.0  # "X, east of Y": X lies this near the town Y
DIVISION_POINT_KM = 150.0  # a province whose towns lie this near its point can stand for a village in it
SPREAD_SHARE = 0.9  # ... nine in ten of them
VILLAGE_TIE = 0.5  # villages of one name scoring this close are a coin toss ...
TIE_APART_KM = 161.0  # ... when they lie this far apart
LOOK_ALIKE_KM = 161.0  # a town spelt only like the name must lie this near the report's places
GENERIC_PLACE_WORDS = {"west", "east", "north", "south", "centre", "center", "central", "valley", "coast", "littoral",
                       "highlands", "lowlands", "plateau", "islands", "mountains", "lakes", "delta", "mesa", "midlands",
                       "interior", "frontier", "border", "borders", "capital"}  # a place by these only in a named country
ABBREVIATION = re.compile(r"(?:[A-Z]\.?){2,3}")
ABBREVIATED_CITY = 1_000_000  # "LA", "KL": cities called by their initials are big
CITY_SUFFIX = re.compile(r"\s+city$", re.I)  # "Marawi City" is Marawi where both are found to be one place
SETTLEMENT_SUFFIXES = {"city", "town", "township", "village"}  # "Ann township": the town of Ann
DATELINE_TOWN = 10_000  # a dateline without a division after it names a town at least this large
STREET_KINDS = {"street", "square", "park", "estate", "road"}  # no town is named for what these words call


@dataclass
class Scored:
    place: Place
    score: float


@dataclass
class Surroundings:
    """What the report says around a place: the countries it is about, the middle of its local places, and the
    first-level divisions it names."""

    countries: Counter
    center: tuple[float, float] | None = None
    named_divisions: frozenset[tuple[str, str]] = frozenset()  # first-level divisions the report names ("Kentucky")
    qualifying: frozenset[str] = frozenset()  # entities named after a comma to say where another place is
    listed_with: Counter = field(default_factory=Counter)  # the kinds of place it is listed with: (feature, district)
    where: frozenset[str] = frozenset()  # the countries of the report's places (not of its sides)

    def km_from_middle(self, place: Place) -> float | None:
        """How far a place lies from the middle of the report's places; None where they have no middle."""
        return None if self.center is None else km(self.center[0], self.center[1], place.lat, place.lon)

    def near_middle(self, place: Place) -> bool:
        distance = self.km_from_middle(place)
        return distance is not None and distance <= NEAR_KM


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.capitals = {fold(c.capital): c.code for c in get_lexicon().countries.values() if c.capital}
        self.spreads: dict[tuple, float] = {}  # how far most of a division's towns lie from its point

    def candidates(self, entity: Entity) -> list[Place]:
        """The places the entity's names may refer to. A name nothing is spelt like gets those its readings give:
        without a direction ("north west London"), as a division ("Kharkiv region"), without words run into a
        division's name ("Editorial Board Cuyahoga County"), as a town in the division after its comma ("Thruxton,
        Hampshire"), and for a facility, as the town it is named after ("the Millerovo airfield")."""
        found: dict[int, Place] = {}
        names = (entity.name, *entity.aliases)
        for reading in (self.gazetteer.lookup, self.without_direction, self.as_division, self.tail_places,
                        self.in_division_after_comma):
            if any(p.exact for p in found.values()):
                break
            for name in names:
                for place in reading(name):
                    found.setdefault(place.id, place)
        if not found and entity.type == "FACILITY":
            for name in names:
                stem = facility_stem(name)
                for place in self.gazetteer.lookup(stem) if stem else ():
                    found.setdefault(place.id, place)
        if ABBREVIATION.fullmatch(entity.name):  # "SA", "OAS", "N.Y.": a code, not the village of Siá or Oas
            found = {k: p for k, p in found.items() if p.feature != "city" or p.population >= ABBREVIATED_CITY
                     or self.capitals.get(fold(p.name)) == p.country}  # "D.C."
        if entity.kind in NATURAL_KINDS:  # "Fire Island" the island, not Fire Island Airport in Alaska
            found = {k: p for k, p in found.items() if p.source != "airportsdata"}
        exact = [p for p in found.values() if p.exact]
        return exact or list(found.values())  # a look-alike spelling only where nothing is spelt so

    def without_direction(self, name: str) -> list[Place]:
        """ "north west London", "eastern Ukraine": the place the direction is in."""
        bare = DIRECTION.sub("", name)
        return self.gazetteer.lookup(bare) if bare and bare != name else []

    def as_division(self, name: str) -> list[Place]:
        """ "Kharkiv region", "Kursk province": the division of that name."""
        stem = DIVISION_SUFFIX.sub("", name)
        return [p for p in self.gazetteer.lookup(stem) if p.feature == "region"] if stem and stem != name else []

    def in_division_after_comma(self, name: str) -> list[Place]:
        """ "Thruxton, Hampshire" read as one name: the town, in the division after the comma."""
        head, within = self.split_qualified(name)
        return [p for p in self.gazetteer.lookup(head) if contains(within, p)] if within else []

    def tail_places(self, name: str) -> list[Place]:
        """Words the model ran into a division's name ("Republican Orange County"): the last words that name a
        division by its word; a name ending in "City" or a word for a settlement that names nothing: the town
        ("Birmingham City", "Ann township")."""
        words = name.split()
        if words and words[-1].lower() in SETTLEMENT_SUFFIXES and len(words) > 1:
            return [p for p in self.gazetteer.lookup(" ".join(words[:-1])) if p.exact and p.feature == "city"]
        if not DIVISION_SUFFIX.search(name):
            return []
        for start in range(1, len(words) - 1):
            found = [p for p in self.gazetteer.lookup(" ".join(words[start:])) if p.exact and p.feature == "region"]
            if found:
                return found
        return []

    def split_qualified(self, name: str) -> tuple[str, Place | None]:
        """ "Thruxton, Hampshire" -> ("Thruxton", Hampshire); a name without a division after a comma -> (name, None)."""
        head, _, tail = name.partition(",")
        if not tail.strip():
            return name, None
        within = next((p for p in self.gazetteer.lookup(tail.strip()) if p.exact and p.feature in ("region", "country")), None)
        return head.strip(), within

    def stands_for_its_places(self, division: Place) -> bool:
        """Whether a division's point is near enough to all of it to place what it holds that the gazetteer does not
        know: a county always; a province when nine in ten of its towns lie within 150 km of its point (Donetsk
        Oblast, Idlib, Zamfara; not Texas, Borno or England). A curated region is measured as the division it names."""
        if division.feature != "region":
            return False
        if division.district:
            return True
        names = {division.name, DIVISION_SUFFIX.sub("", division.name)}  # "Idlib region": GeoNames' Idlib
        twin = division if division.admin1 else next(
            (p for name in sorted(names) for p in self.gazetteer.lookup(name) if p.exact and p.feature == "region"
             and p.country == division.country and (p.admin1 or p.district)), None)
        if twin is None or twin.district:
            return twin is not None
        key = (twin.country, twin.admin1, division.lat, division.lon)
        if key not in self.spreads:
            distances = sorted(km(division.lat, division.lon, lat, lon)
                               for lat, lon in self.gazetteer.towns_of_division(twin.country, twin.admin1))
            self.spreads[key] = distances[int(SPREAD_SHARE * (len(distances) - 1))] if distances else math.inf
        return self.spreads[key] <= DIVISION_POINT_KM

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
        """ "X, east of Y" puts X near the town Y, or in the division or country Y; "Damascus, Maryland" and "Homs,
        Syria" favour the division or country named after the comma (a list such as "Hama, Homs" qualifies nothing)."""
        same_country = place.country == qualifier.country
        if directional and qualifier.feature in POINT_FEATURES:  # "Avdiivka, north of Donetsk"
            return 6.0 if km(place.lat, place.lon, qualifier.lat, qualifier.lon) <= NEAR_QUALIFIER_KM \
                else 0.0 if same_country else -6.0
        if directional:
            return 6.0 if same_country else -6.0
        if qualifier.feature == "country":
            return 6.0 if same_country else 0.0
        if qualifier.feature == "region" and same_country:
            return 4.0 + (6.0 if contains(qualifier, place) else 0.0)
        if qualifier.feature == "city" and km(place.lat, place.lon, qualifier.lat, qualifier.lon) <= QUALIFIER_CITY_KM:
            return 6.0  # "Washington, D.C.": the city the qualifier also names
        return 0.0

    def score(self, entity: Entity, place: Place, around: Surroundings, qualifier: Place | None = None,
              directional: bool = False) -> float:
        s = (2.0 if place.exact else 0.0) + (MAIN_NAME_BONUS if place.main else 0.0) - (SHORT_FORM_PENALTY if place.short else 0.0)
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
        elif not place.district:  # a bare "Orange" is the town before the county
            s += {"country": 2.5, "city": 1.0, "region": 1.0, "landmark": 1.0}.get(place.feature, 0.0)
        if entity.country:
            s += 3.0 if place.country == entity.country else (-3.0 if place.country else 0.0)
        total = sum(around.countries.values())
        if total and place.country:
            s += CONTEXT_WEIGHT * around.countries[place.country] / total
            if place.country not in around.countries and place.feature != "country":
                s -= UNNAMED_COUNTRY_PENALTY  # "Salisbury" in a report about Britain is not Harare's old name
        if place.feature == "country":
            s += 3.0
        elif place.population:
            s += POPULATION_WEIGHT * math.log10(place.population + 10) + (0.5 if place.feature == "region" and not place.district else 0.0)
        if place.source == "thucydides":
            s += 2.0  # our curated facilities and regions name what the press means
        if place.feature in ("city", "facility", "landmark", "region") and around.near_middle(place):
            s += NEAR_BONUS
        if (place.country, place.admin1) in around.named_divisions and (place.district or place.feature != "region"):
            s += NAMED_DIVISION_BONUS  # "McLean County" in a report that names Kentucky
        if entity.id in around.qualifying and place.feature in ("region", "country"):
            s += QUALIFYING_DIVISION_BONUS  # "Tacoma, Washington": the state
        if around.listed_with:
            (kind, n), total = around.listed_with.most_common(1)[0], sum(around.listed_with.values())
            if 2 * n > total and (place.feature, place.district) == kind:
                s += LISTED_KIND_BONUS  # "Utah, Colorado, Idaho and Washington": the state
        if place.feature == "city" and self.capitals.get(fold(place.name)) == place.country \
                and any(self.capitals.get(fold(n)) == place.country for n in (entity.name, *entity.aliases)):
            s += CAPITAL_BONUS  # a bare "Washington" is the capital before the state; "Philadelphia" is not Amman
        return s

    def ranked(self, entity: Entity, around: Surroundings, qualifier: Place | None = None,
               directional: bool = False) -> list[Scored]:
        """The entity's candidates, best first. Among towns of one name the one known by more names ranks higher
        (London, England before London, Ohio), measured against the best known of them."""
        candidates, named_by_all = self.candidates_named_by_all(entity)
        famous = max((p.fame for p in candidates if p.feature == "city"), default=0)
        # a town known by this name only as another of its names is no better known by it than the towns of its
        # country that bear it as their own: "Southold" is the town on Long Island, not South Bend, whose GeoNames
        # names include it (across borders another name is mostly a spelling: "Jenin" for Janīn)
        bearers: dict[str, int] = {}
        for p in candidates:
            if p.feature == "city" and p.main and p.country:
                bearers[p.country] = max(bearers.get(p.country, 0), p.fame)
        a_division = any(p.feature in ("region", "country") and not p.district and p.exact and p.main for p in candidates)
        scored = []
        for p in candidates:
            s = self.score(entity, p, around, qualifier, directional)
            if p.feature == "city":
                fame = p.fame if p.main or p.country not in bearers else min(p.fame, bearers[p.country])
                s -= FAME_WEIGHT * (math.log2(1 + famous) - math.log2(1 + fame))
                if a_division and (p.country, p.admin1) in around.named_divisions:
                    s -= NAMED_DIVISION_BONUS  # "England and Wales": Wales the nation, not the town of Wales in England
            if p.id in named_by_all:
                s += ALL_NAMES_BONUS  # "Washington" and "Wash." in one report: the state
            scored.append(Scored(p, s))
        return sorted(scored, key=lambda x: -x.score)

    def candidates_named_by_all(self, entity: Entity) -> tuple[list[Place], set[int]]:
        """The entity's candidates, and those every one of its (two or more) spellings names."""
        candidates = self.candidates(entity)
        names = {fold(n) for n in (entity.name, *entity.aliases)} - {""}
        if len(names) < 2 or len(candidates) < 2:
            return candidates, set()
        ids = {p.id for p in candidates}
        for name in names:
            ids &= {p.id for p in self.gazetteer.lookup(name) if p.exact}
        return candidates, ids

    def best(self, entity: Entity, around: Surroundings, qualifier: Place | None = None,
             directional: bool = False) -> Place | None:
        ranked = self.ranked(entity, around, qualifier, directional)
        if not ranked:
            return None
        top = self.city_before_its_division(entity, [x.place for x in ranked])
        if entity.kind in STREET_KINDS and top.feature == "city":
            return None  # "an adjacent park (Washington Square)": not the hamlet of Washington Square, New York
        if qualifier is not None and not directional and says_where(qualifier) and not contains(qualifier, top) \
                and top.feature not in ("country", "region"):
            inside = next((x.place for x in ranked if x.place.feature not in ("country", "region")
                           and contains(qualifier, x.place)), None)
            if inside is None and (top.population < FAR_VILLAGE or not top.exact):
                return None  # "Sizovka, Donetsk Oblast": the one the gazetteer knows lies elsewhere (in Crimea)
            top = inside or top
        own = own_countries(entity, qualifier)
        known = set(around.countries) | own
        if fold(DIRECTION.sub("", entity.name) or entity.name) in GENERIC_PLACE_WORDS and top.country \
                and top.country not in known:
            return None  # "the West", "the Valley": not Cameroon's West region nor The Valley, Anguilla
        if qualifier is not None and directional and qualifier.feature in POINT_FEATURES \
                and km(top.lat, top.lon, qualifier.lat, qualifier.lon) > (NEAR_QUALIFIER_KM if 0 < top.population
                                                                          < FAR_VILLAGE else NEAR_KM):
            return None  # "Ber near Timbuktu": not Berlin; "Illinka (southeast of Kurakhove)": not the one in Crimea
        if qualifier is not None and not directional and qualifier.feature in POINT_FEATURES \
                and top.feature in ("landmark", "facility") \
                and km(top.lat, top.lon, qualifier.lat, qualifier.lon) > NEAR_QUALIFIER_KM:
            return None  # "Broadway in Nashville": a street of Nashville, not New York's Broadway
        # a side vouches for its country's towns ("Hezbollah fired at Kiryat Shmona"), never for its villages: only the
        # report's places do ("Russian troops took Novomykhailivka": not the one in Altai, Russia)
        village = 0 < top.population < FAR_VILLAGE  # GeoNames gives many Syrian, Iraqi, Yemeni towns no population
        vouching = around.where | own if village else known
        sole_town = top.exact and top.population >= SOLE_TOWN \
            and sum(x.place.exact and x.place.source != "airportsdata" for x in ranked) == 1 \
            and not around.where - {top.country}  # the report names no place of another country
        if known and top.country and top.country not in vouching and top.feature not in ("country", "region") \
                and top.population < UNKNOWN_COUNTRY_MIN_POPULATION and not sole_town \
                and not (entity.type == "FACILITY" and top.feature == "facility"):
            return None  # a village of another country: better no coordinates ("Russian drones hit Izium": a town)
        if qualifier is None and top.feature == "city" and top.population < FAR_VILLAGE \
                and (top.country, top.admin1) not in around.named_divisions \
                and (around.km_from_middle(top) or 0.0) > 2 * NEAR_KM:
            return None  # a village of that name far from all the report's places: better no coordinates
        if qualifier is None and self.one_of_many_villages(ranked, top, around):
            return None  # "moved to Thornhill": three villages of that name, none near the report's places
        if not top.exact and top.country and top.country not in known and top.feature != "country":
            return None  # only a look-alike spelling ("Kuriga" ~ "Caraga"), in a country the report never names
        if not top.exact and top.feature == "city" and (around.km_from_middle(top) or 0.0) > LOOK_ALIKE_KM:
            return None  # "Zzyzovka near Kharkiv": not Sizovka, a look-alike 500 km away in Crimea
        return top

    @staticmethod
    def one_of_many_villages(ranked: list[Scored], top: Place, around: Surroundings) -> bool:
        """Whether the chosen village is one of several of its name that score alike and lie far apart, with nothing
        in the report (its division, nearness to its places) to tell them apart. A town that bears the name as its own
        has no rival in one that bears it only as another name."""
        distance = around.km_from_middle(top)
        if top.feature != "city" or not (0 < top.population < FAR_VILLAGE or not top.main) \
                or distance is not None and distance <= TIE_APART_KM or (top.country, top.admin1) in around.named_divisions:
            return False
        best = next(x.score for x in ranked if x.place.id == top.id)
        return any(x.place.id != top.id and x.place.feature == "city" and x.place.exact
                   and (x.place.main or not top.main)  # "Southold": no rival in South Bend, which it once named
                   and x.score >= best - VILLAGE_TIE and km(x.place.lat, x.place.lon, top.lat, top.lon) > TIE_APART_KM
                   for x in ranked)

    @staticmethod
    def around_others(entity: Entity, first: dict[str, Place], around: Surroundings,
                      mentions: dict[str, int], siblings: set[str]) -> Surroundings:
        """The surroundings of one place from the pass before's choices for the other names (never its own, so a
        wrong first guess cannot confirm itself), with the kinds of the places listed with it."""
        others = {entity_id: p for entity_id, p in first.items() if entity_id != entity.id}
        listed_with = Counter((first[i].feature, first[i].district) for i in siblings if i in first)
        return replace(PlaceResolver.surroundings(others, around, mentions), listed_with=listed_with)

    @staticmethod
    def surroundings(chosen: dict[str, Place], around: Surroundings, mentions: dict[str, int]) -> Surroundings:
        """What chosen places say about a report: their countries, the middle of the local ones (weighted by their
        mentions), the first-level divisions."""
        countries = around.countries + Counter(p.country for p in chosen.values() if p.country)
        local = [((p.lat, p.lon), mentions.get(entity_id, 1)) for entity_id, p in chosen.items()
                 if p.feature in POINT_FEATURES]
        divisions = frozenset((p.country, p.admin1) for p in chosen.values()  # a county names its state too
                              if p.feature == "region" and p.admin1 and p.country)
        where = around.where | {p.country for p in chosen.values() if p.country}
        return Surroundings(countries, middle_of_cluster(local), divisions, around.qualifying, where=where)

    @staticmethod
    def city_before_its_division(entity: Entity, ranked: list[Place]) -> Place:
        """A bare "New York" or "Aleppo" is the city, not the division of the same name around it, unless the report
        says it is the region ("Aleppo governorate", "New York state"); a bare "Oklahoma" is the state, not Oklahoma
        City (a city of another name is meant only where the name is known as a city's: "New York", "Zaporizhzhia")."""
        top = ranked[0]
        if top.feature != "region" or top.district or entity.kind == "region" or REGION_WORDS.search(entity.name):
            return top
        key = fold(top.name)
        return next((p for p in ranked[1:] if p.feature == "city" and p.exact and p.country == top.country
                     and p.admin1 == top.admin1 and p.population >= BIG_CITY
                     and (fold(p.name) == key or entity.kind == "city")), top)  # "Zaporizhzhia": Zaporizhzhya

    def resolve(self, entities: list[Entity], qualifiers: dict[str, tuple[str, str]] | None = None,
                siblings: dict[str, set[str]] | None = None) -> dict[str, Place]:
        """Entity id -> chosen place, for every LOCATION and FACILITY entity that has one. `qualifiers` maps an
        entity to the one that qualifies it and how (see `qualifiers_in`: "Damascus, Maryland"; "Kuweires, east of
        Aleppo"; "Gwoza in Borno State"), which is resolved first; `siblings` to the places listed with it."""
        qualifiers, siblings = qualifiers or {}, siblings or {}
        places = sorted((e for e in entities if e.type in ("LOCATION", "FACILITY")), key=lambda e: e.id in qualifiers)
        towns = {e.id for e in places if e.type == "LOCATION" and not is_site(e)}
        around = Surroundings(self.context(entities), qualifying=frozenset(  # "Tacoma, Washington"; not "Ramor Theatre, Virginia"
            q for e, (q, link) in qualifiers.items() if e in towns and link == "comma"),
            where=frozenset(e.country for e in places if e.country))
        chosen: dict[str, Place] = {}
        for e in places:  # first pass: without distances
            qualifier_id, link = qualifiers.get(e.id, ("", ""))
            found = self.best(e, around, chosen.get(qualifier_id), link == "around")
            if found is not None:
                chosen[e.id] = found
        mentions = {e.id: len(e.mentions) for e in places}
        for _ in range(REFINING_PASSES):  # then among the places the pass before found for the report's other names
            before = dict(chosen)
            for e in places:
                qualifier_id, link = qualifiers.get(e.id, ("", ""))
                surroundings = self.around_others(e, before, around, mentions, siblings.get(e.id, set()))
                found = self.best(e, surroundings, chosen.get(qualifier_id), link == "around")
                if found is not None:
                    chosen[e.id] = found
                else:  # what the report's other places make of it overrules the guess before
                    chosen.pop(e.id, None)
            if chosen == before:
                break
        return chosen


def own_countries(entity: Entity, qualifier: Place | None) -> set[str]:
    """The countries a place's own side and qualifier give it."""
    return ({entity.country} if entity.country else set()) \
        | ({qualifier.country} if qualifier and qualifier.country else set())


def says_where(qualifier: Place) -> bool:
    """Whether a place named after a comma bounds the one before it: a country, a first-level division or a county
    (a curated region such as "Donbas" has no borders here)."""
    return qualifier.feature == "country" or qualifier.feature == "region" and bool(qualifier.admin1 or qualifier.district)


def middle_of_cluster(points: list[tuple[tuple[float, float], int]]) -> tuple[float, float] | None:
    """The point closest to all the others, each counted as often as the report names it (never the sea between
    them), when the places cluster around it: a report that names Washington, London and Moscow alike has no middle
    to be near; one that names London eight times and New York once is about London."""
    if not points:
        return None
    middle = min((p for p, _ in points), key=lambda p: sum(n * km(p[0], p[1], q[0], q[1]) for q, n in points))
    distances = sorted((km(middle[0], middle[1], q[0], q[1]), n) for q, n in points)
    half, seen = sum(n for _, n in distances) / 2, 0
    for distance, n in distances:  # the weighted median distance
        seen += n
        if seen > half:
            return middle if distance <= 2 * NEAR_KM else None
    return None


def qualifiers_in(text: str, entities: list[Entity]) -> dict[str, tuple[str, str]]:
    """Entity id -> (id of the place that says where it is, how): "comma" ("Damascus, Maryland"), "around" ("Homs,
    east of Tripoli", "X, near Y") or "in" ("X, in Y", "Gwoza in Borno State": inside it, as a bare comma says,
    but no sign that Y is a division rather than a town). Places in a list ("in Washington, New York and Boston")
    qualify nothing."""
    starts = {start: e for e in entities if e.type == "LOCATION" for start, _ in e.mentions}
    listed = listed_mentions(text, entities)
    out = {}
    for e in entities:
        if e.type not in ("LOCATION", "FACILITY"):
            continue
        for start, end in e.mentions:
            m = QUALIFIER.match(text, end)
            linked = m and (m.group(1) or m.group(2) or m.group(3) or m.group(4) or m.group(6))
            if m and m.end() in starts and starts[m.end()].id != e.id and (linked or start not in listed):
                around = m.group(1) or m.group(4) or m.group(6)  # "X (southeast of Y)" too
                out[e.id] = (starts[m.end()].id, "around" if around else "in" if linked else "comma")
    return out


LIST_LINK = re.compile(r",\s*|,?\s+(?:and|or|&)\s+")


def listed_mentions(text: str, entities: list[Entity]) -> set[int]:
    """Starts of the place mentions that stand in a list of three or more closed by "and" or "or" ("Texas, Arizona,
    and New Mexico")."""
    return {start for run in place_lists(text, entities) for start, _ in run}


def place_lists(text: str, entities: list[Entity]) -> list[list[tuple[int, str]]]:
    """The lists of three or more place mentions closed by "and" or "or", each as (start, entity id) in order."""
    spans = sorted((a, b, e.id) for e in entities if e.type in ("LOCATION", "FACILITY") for a, b in e.mentions)
    out: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    closed = False
    for k, (start, end, entity_id) in enumerate(spans):
        run.append((start, entity_id))
        link = LIST_LINK.fullmatch(text, end, spans[k + 1][0]) if k + 1 < len(spans) else None
        if link is not None:
            closed = closed or bool(link.group(0).strip(", \t\n"))  # "and", "or", "&" join the last one
            continue
        if closed and len(run) > 2:
            out.append(run)
        run, closed = [], False
    return out


def list_siblings(text: str, entities: list[Entity]) -> dict[str, set[str]]:
    """Entity id -> the other entities listed with it ("Utah, Colorado, Idaho and Washington")."""
    out: dict[str, set[str]] = {}
    for run in place_lists(text, entities):
        ids = {entity_id for _, entity_id in run}
        for entity_id in ids:
            out.setdefault(entity_id, set()).update(ids - {entity_id})
    return out


def initials(name: str) -> str:
    """ "South Africa" -> "SA", "Democratic Republic of the Congo" -> "DRC"."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def to_geo(place: Place) -> Geo:
    return Geo(lat=round(place.lat, 5), lon=round(place.lon, 5), country=place.country, feature=place.feature,
               geonameid=place.geonameid)


# ---- the component ------------------------------------------------------------------------------
LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across"}
WELL_KNOWN_CITY = 500_000
LOCAL_TOWN = 5_000
LONE_NAME_TOWN = 20_000
CONTINENTS = {"africa", "europe", "asia", "south america", "north america", "oceania", "antarctica"}
CONTINENT_OF_DEMONYM = {"African": "africa", "European": "europe", "Asian": "asia", "South American": "south america",
                        "North American": "north america"}
SPLIT_NAME_GAP = re.compile(r" | of (?:the )?")
HYPHENATED_TAIL = re.compile(r"(?:-[^\W\d_][\w'\u2019]*)+")
JOINED_NAME_TOWN = 10_000
MAX_UNKNOWN_PLACE_WORDS = 3
NOT_PLACE_WORDS = {"inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "group", "bank", "university",
                   "college", "school", "club", "council", "party", "association", "foundation", "institute", "society",
                   "union", "agency", "department", "ministry", "police", "news", "times", "post", "press", "media",
                   "beyond", "in", "at", "near", "from", "outside", "inside", "after", "before", "like", "unlike"}
FEATURE_KIND = {"country": "country", "region": "region", "city": "city", "facility": "base", "landmark": "landmark"}


def with_entities_merged(entities: list[Entity], merged: dict[str, str], keep_names: bool = False) -> list[Entity]:
    """The entities less those `merged` maps to another, whose mentions (and with `keep_names` whose names, as
    aliases) that other one takes."""
    if not merged:
        return entities
    absorbed: dict[str, list[Entity]] = {}
    for e in entities:
        if e.id in merged:
            absorbed.setdefault(merged[e.id], []).append(e)
    out = []
    for e in entities:
        if e.id in merged:
            continue
        others = absorbed.get(e.id, [])
        if others:
            e = replace(e, mentions=tuple(sorted(set(e.mentions).union(*(o.mentions for o in others)))))
            if keep_names:
                e = replace(e, aliases=tuple(dict.fromkeys((*e.aliases, *(n for o in others
                                                                          for n in (o.name, *o.aliases))))))
        out.append(e)
    return out


def with_entities_renamed(event: Event, renamed: dict[str, str]) -> Event:
    """The event with entity ids replaced as `renamed` says (entities merged into others)."""
    def new(ids):
        return tuple(dict.fromkeys(renamed.get(i, i) for i in ids))

    return replace(event, actors=new(event.actors), targets=new(event.targets),
                   place=renamed.get(event.place, event.place) if event.place else None,
                   attribution=replace(event.attribution, chain=new(event.attribution.chain)))


def kind_of(place: Place) -> str | None:
    """The kind a name the model mistyped gets from the gazetteer place it matched: a country is a country, but which
    of a town and a division of that name it means is left to the resolver ("Nelson": a town in British Columbia or
    the region of New Zealand)."""
    return "country" if place.feature == "country" else None


class Geocoder:
    """Fills `geo` (and a missing `country`) of the entities in `doc._.thuc_entities`."""

    def __init__(self, gazetteer_path: str | None = None, demonyms: bool = False):
        self.gazetteer_path = gazetteer_path or None
        self.demonyms = demonyms  # count "Syrian" as a mention of Syria (GeoWebNews does; re3d and our gold do not)
        self.resolver: PlaceResolver | None = None
        self.lexicon = get_lexicon()
        self.known_names = {fold(n) for e in self.lexicon.entries.values() if e.type in ("PERSON", "ORGANIZATION")
                            for n in e.names}  # people and organisations the lexicon knows stay what they are
        self.excluded = self.known_names | {fold(d) for c in self.lexicon.countries.values() for d in c.demonyms} \
            | {fold(t) for t in self.lexicon.military_ranks + self.lexicon.civil_titles}  # "Col." is no Colombia

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc._.thuc_entities or ())
        if self.resolver is None:  # the gazetteer is opened (and built, the first time) on first use
            from thucydides.gazetteer.query import get_gazetteer

            self.resolver = PlaceResolver(get_gazetteer(self.gazetteer_path))
        context = self.report_countries(entities)
        before = {e.id: e.type for e in entities}
        entities = [self.retyped(e, context, self.locative(doc, e)) for e in entities]
        if any(e.type != before[e.id] for e in entities):
            context = self.report_countries(entities)  # "Nikopol", now a place, says the report is about Ukraine
        entities = self.with_names_in_place_context(doc, entities, context)
        entities, merged = self.joined_to_their_places(entities)
        if merged and doc._.thuc_events:
            doc._.thuc_events = [with_entities_renamed(event, merged) for event in doc._.thuc_events]
        now_places = {e.id for e in entities if e.type == "LOCATION" and before.get(e.id, "LOCATION") != "LOCATION"
                      and e.kind != "country"}
        if now_places and doc._.thuc_events:
            from thucydides.nlp.events import struck_towns_are_places

            kinds = {e.id: e.kind for e in entities}
            doc._.thuc_events = struck_towns_are_places(doc._.thuc_events, now_places, kinds)
        entities = self.with_dateline_places(doc, entities)
        text = doc.text  # joined from the tokens at every call: read once
        entities = [self.as_river(text, e) for e in entities]
        entities, joined = self.with_split_names_joined(text, entities)
        if joined and doc._.thuc_events:
            doc._.thuc_events = [with_entities_renamed(event, joined) for event in doc._.thuc_events]
        if self.demonyms:
            entities = self.with_demonyms(doc, entities)
        chosen = self.resolver.resolve(entities, qualifiers_in(text, entities), list_siblings(text, entities))
        chosen.update(self.countries_by_initials(text, entities))
        entities, joined = self.with_division_words_joined(entities, chosen)
        if joined and doc._.thuc_events:
            doc._.thuc_events = [with_entities_renamed(event, joined) for event in doc._.thuc_events]
        geos = {entity_id: to_geo(place) for entity_id, place in chosen.items()}
        around = self.resolver.surroundings(chosen, Surroundings(self.resolver.context(entities)),
                                            {e.id: len(e.mentions) for e in entities})
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        geos.update(SitePlacer(self.resolver).place(text, sentences, entities, chosen, around))
        doc._.thuc_entities = [replace(e, geo=geos[e.id], country=geos[e.id].country or e.country)
                               if e.id in geos else e for e in entities]
        return doc

    def report_countries(self, entities: list[Entity]) -> Counter:
        """The countries the report is about before anything is retyped: those of its sides and places, and those a
        first reading puts its places in ("Dewsbury" and "Wakefield" make a report about Britain)."""
        votes = self.resolver.context(entities)
        around = Surroundings(Counter(votes))
        for e in entities:
            if e.type in ("LOCATION", "FACILITY") and not e.country:
                place = self.resolver.best(e, around)
                if place is not None and place.country:
                    votes[place.country] += len(e.mentions)
        return votes

    def countries_by_initials(self, text: str, entities: list[Entity]) -> dict[str, Place]:
        """Initials of the one country the report names or whose people it names ("SA" in a report on "South
        Africans", not South Australia; "NZ" beside "New Zealand"): that country."""
        out = {}
        for e in entities:
            if e.type != "LOCATION" or not ABBREVIATION.fullmatch(e.name):  # the same codes `candidates` sets apart
                continue
            letters = e.name.replace(".", "")
            named = [c for c in self.lexicon.countries.values() if initials(c.name) == letters
                     and any(re.search(rf"\b{re.escape(n)}\b", text) for n in (c.name, *c.demonyms))]
            place = next((p for p in self.resolver.gazetteer.lookup(named[0].name) if p.feature == "country"),
                         None) if len(named) == 1 else None
            if place is not None:
                out[e.id] = place
        return out

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
        given_name = entity.type == "PERSON" and not locative and self.begins_with_given_name(entity.name)
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
            if big or (local or lone) and not given_name:  # "Beryl, 81": a woman, whatever small town bears her name
                return replace(entity, type="LOCATION", kind=kind_of(p), roles=(), titles=())
        return entity

    def joined_to_their_places(self, entities: list[Entity]) -> tuple[list[Entity], dict[str, str]]:
        """A lone name the model read as a person or organisation in one sentence and as a place in another ("Brands
        Hatch Indy, Kent" and "Kent"), or two places of one name that retyping left apart: mentions of one place.
        Returns the entities and old id -> place id."""
        places: dict[str, str] = {}
        divisions: dict[str, str] = {}  # "Kurram district" -> a "person" called Kurram ("Kurram has been gripped")
        for e in entities:
            if e.type == "LOCATION":
                for n in (e.name, *e.aliases):
                    places.setdefault(fold(n), e.id)
                    stem = CITY_SUFFIX.sub("", DIVISION_SUFFIX.sub("", n))  # "Kurram district", "Marawi City"
                    if stem != n:
                        divisions.setdefault(fold(stem), e.id)
        names = {e.id: e.name for e in entities}

        def place_of(e: Entity) -> str | None:
            return places.get(fold(e.name)) or (divisions.get(fold(e.name)) if e.type == "PERSON" else None)

        def twin(e: Entity) -> bool:
            place = place_of(e)
            if place is None or place == e.id:
                return False
            if e.type == "LOCATION":
                return e.name == names[place]
            return e.type in ("PERSON", "ORGANIZATION") and not (e.kind or e.generic or e.titles or e.roles) \
                and fold(e.name) not in self.known_names

        merged = {e.id: place_of(e) for e in entities if twin(e)}
        return with_entities_merged(entities, merged), merged

    def with_names_in_place_context(self, doc: Doc, entities: list[Entity], context: Counter) -> list[Entity]:
        """People, organisations and unlabelled names that the words around them make places: ones the gazetteer
        knows ("in Klamath Falls, Oregon", "Žilina, Nitra, Prešov and Košice", "captured in Chattanooga"), and ones
        it lacks where the words say what holds them or what they are ("Knockhill, Fife", "Maungdaw township")."""
        finder = PlaceNameFinder(self.resolver.gazetteer, self.excluded, self.resolver.capitals)
        spans = {e.id: [s for a, b in e.mentions if (s := doc.char_span(a, b, alignment_mode="expand")) is not None]
                 for e in entities}
        places = {(s.start, s.end) for e in entities if e.type in ("LOCATION", "FACILITY") for s in spans[e.id]}
        out = []
        for e in entities:
            if e.type in ("PERSON", "ORGANIZATION") and not (e.kind or e.generic or e.titles or e.roles):
                cue = next((c for s in spans[e.id] if (c := finder.cue(doc, s, places, e.type == "PERSON"))), None)
                if cue and cue.strength != "qualified" and e.type == "PERSON" and self.begins_with_given_name(e.name):
                    cue = None  # "Barry Smith, 80, and Beryl, 81"
                place = finder.place_for(e.name, cue, context) if cue else None
                if place is not None:
                    e = replace(e, type="LOCATION", kind=kind_of(place), roles=(), titles=())
                    places.update((s.start, s.end) for s in spans[e.id])
                    if place.country:  # the places found so far tell where the next ones are
                        context = context + Counter({place.country: 2 * len(e.mentions)})
                elif cue and (self.unknown_place_in(e.name, cue, e.type == "PERSON")
                              or cue.settled and self.may_name_a_place(e.name, e.type == "PERSON")
                              or cue.seized and self.measured_from_a_place(doc, spans[e.id], places)
                              and self.may_name_a_place(e.name, e.type == "PERSON", elsewhere=True)):
                    e = replace(e, type="LOCATION", kind=None, roles=(), titles=())  # "Knockhill, Fife"
                    places.update((s.start, s.end) for s in spans[e.id])
            out.append(e)
        for e in list(out):  # "near New Quay, Ceredigion": the division after a place is a place too
            for s in spans[e.id] if e.type in ("LOCATION", "FACILITY") else ():
                qualifier = finder.qualifier_after(doc, s.end)
                if qualifier is not None:
                    place, words = qualifier
                    out = self.with_place_mention(out, words.start_char, words.end_char, words.text, place)
                    places.add((words.start, words.end))
        covered = [(a, b) for e in out for a, b in e.mentions]
        for span in finder.unlabelled_names(doc, covered):
            cue = finder.cue(doc, span, places)
            place = finder.place_for(span.text, cue, context) if cue else None
            if place is not None or cue and (self.unknown_place_in(span.text, cue, unlabelled=True)
                                              or cue.settled and self.may_name_a_place(span.text)):
                out = self.with_place_mention(out, span.start_char, span.end_char, span.text, place)
                places.add((span.start, span.end))
                if place is None and cue.words is not None:  # "Estey's Bridge, N.B.": and the division that holds it
                    words = cue.words
                    out = self.with_place_mention(out, words.start_char, words.end_char, words.text, cue.qualifier)
        return out

    @staticmethod
    def measured_from_a_place(doc: Doc, spans, places: set[tuple[int, int]]) -> bool:
        """ "seized Illinka (southeast of Kurakhove)": a direction from a place the report names follows the name."""
        starts = {doc[start].idx for start, _ in places}
        for span in spans:
            m = DIRECTION_AFTER.match(doc.text, span.end_char)
            if m and m.end() in starts:
                return True
        return False

    def unknown_place_in(self, name: str, cue, person: bool = False, unlabelled: bool = False) -> bool:
        """Whether a name the gazetteer lacks is a place by the small division after its comma ("Knockhill, Fife",
        "Zzyzivka, Donetsk Oblast"), or after "in" for a name the model gave no label or that a verb of taking acts
        on ("captured Zzyzivka in Donetsk Oblast"), where that division's point can stand for it."""
        said_where = cue.strength == "qualified" or cue.qualifier is not None and (unlabelled or cue.seized)
        if not said_where or not self.may_name_a_place(name, person, elsewhere=cue.strength == "qualified"):
            return False  # "Rockingham, Northamptonshire": the comma says where, whatever Rockingham lies elsewhere
        division = cue.qualifier
        town_of_its_name = any(p.exact and p.feature == "city" and p.country == division.country
                               and p.population >= FAR_VILLAGE for p in self.resolver.gazetteer.lookup(division.name))
        return not town_of_its_name and self.resolver.stands_for_its_places(division)  # "Beyond Madinaty, Liverpool"

    def begins_with_given_name(self, name: str) -> bool:
        """ "Beryl Smith", "Al Gore"; not "Al Busayrah", whose "Al" is the Arabic article of a place name."""
        words = name.split()
        return bool(words) and fold(words[0]) in self.lexicon.given_names and not (
            len(words) > 1 and ARTICLE.match(fold(name)))

    def may_name_a_place(self, name: str, person: bool = False, elsewhere: bool = False) -> bool:
        """Whether a name the gazetteer lacks could be a place: never a company, a club or a person with a given name
        ("Acme Ltd, Delaware", "John Smith, Fife"), nor, unless `elsewhere`, a name the gazetteer knows elsewhere
        ("Mocimboa da Praia in Cabo Delgado" is not Praia, Cape Verde); an airport named after it does not count."""
        words = name.split()
        if not 0 < len(words) <= MAX_UNKNOWN_PLACE_WORDS or not all(w[0].isupper() for w in words) \
                or fold(name) in self.excluded or fold(name) in NOT_PLACES \
                or any(fold(w) in NOT_PLACE_WORDS for w in words) \
                or person and self.begins_with_given_name(name):
            return False
        return elsewhere or not any(p.exact and p.source != "airportsdata" for p in self.resolver.gazetteer.lookup(name))

    def with_dateline_places(self, doc: Doc, entities: list[Entity]) -> list[Entity]:
        """ "TORONTO (AP) —", "WASHINGTON, April 5 (Reuters) -", "PLEASANTON, Calif.--": the cities wire stories were
        filed from, and the division or country after them: a mention of the place the report names so, else a new
        place. A name the model made of the dateline and the words after it ("SAN ANTONIO Turner Sports") loses
        that mention; a place the model found in the agency's parentheses ("PORT SUDAN, Jan 12 (ST) -") is none."""
        out = list(entities)
        text = doc.text
        for dateline in find_datelines(text):
            if dateline.agency:
                out = self.without_agency(doc, out, *dateline.agency)
            region = None
            if dateline.region:
                start, end = dateline.region
                region = next((p for p in self.resolver.gazetteer.lookup(text[start:end])
                               if p.exact and p.feature in ("region", "country")), None)
                if region is not None:  # "PLEASANTON, Calif.--": the division, whatever the town
                    out = self.with_place_mention(out, start, end, text[start:end], region)
            for start, end in dateline.cities:
                place = self.dateline_city(text[start:end], region)
                if place is None:
                    break  # "NATO -": no dateline; "TIJUANA & X": the rest unread
                out = self.with_place_mention(out, start, end, text[start:end], place)
        return out

    @staticmethod
    def without_agency(doc: Doc, entities: list[Entity], start: int, end: int) -> list[Entity]:
        """The entities less the place mentions inside a dateline's agency, "(ST)" (and places left with none, unless
        an event names them)."""
        used = {x for event in doc._.thuc_events or () for x in (*event.actors, *event.targets, event.place)}
        out = []
        for e in entities:
            kept = tuple(m for m in e.mentions if not (start <= m[0] and m[1] <= end)) if e.type == "LOCATION" \
                else e.mentions
            if kept or e.id in used:
                out.append(replace(e, mentions=kept or e.mentions))
        return out

    def dateline_city(self, name: str, region: Place | None) -> Place | None:
        """The place a dateline's city names: a town or county of the division or country after it ("PLEASANTON,
        Calif."), none if it has none; else a town of 10,000 (a caption's "JEWELL:" is not a village in Iowa), the
        largest first; else a division or country of that name ("GAZA STRIP -")."""
        found = [p for p in self.resolver.gazetteer.lookup(name) if p.exact]
        towns = sorted((p for p in found if p.feature == "city"), key=lambda p: -p.population)
        divisions = [p for f in ("region", "country") for p in found if p.feature == f]
        if region is not None:  # "HORRY COUNTY, SC": a county of it
            return next((p for p in towns + divisions if contains(region, p)), None)
        return next((p for p in towns if p.population >= DATELINE_TOWN), None) \
            or next((p for p in divisions if not p.short), None)  # not Jewell County, Kansas for "JEWELL:"

    def as_river(self, text: str, entity: Entity) -> Entity:
        """ "the left bank of the Dnipro", "across the Litani": a town's name always written after "the" is the river
        of that name where our curated list has one."""
        if entity.type != "LOCATION" or not all(text[max(0, a - 4):a].lower() == "the " for a, _ in entity.mentions):
            return entity
        river = next((p for p in self.resolver.gazetteer.lookup(f"{entity.name} River")
                      if p.exact and p.feature in ("region", "landmark") and p.source == "thucydides"), None)
        if river is None:
            return entity
        return replace(entity, name=river.name, aliases=tuple(dict.fromkeys((entity.name, *entity.aliases))),
                       kind=FEATURE_KIND[river.feature], country=entity.country or river.country)

    def with_split_names_joined(self, text: str, entities: list[Entity]) -> tuple[list[Entity], dict[str, str]]:
        """ "Baja" and "California", "Republic" and "of Armenia", "Croix" and "-des-Bouquets": two place mentions side
        by side, or one and the hyphenated words after it, that together name a division, country or town the
        gazetteer knows, made one mention. Returns the entities and old id -> new id for names left with no
        mention."""
        spans = sorted((a, b) for e in entities if e.type == "LOCATION" for a, b in e.mentions)
        pairs = [(a1, b2) for (a1, b1), (a2, b2) in zip(spans, spans[1:]) if SPLIT_NAME_GAP.fullmatch(text, b1, a2)]
        pairs += [(a, m.end()) for a, b in spans if (m := HYPHENATED_TAIL.match(text, b))]  # "Croix" + "-des-Bouquets"
        renamed: dict[str, str] = {}
        for a1, b2 in pairs:
            name = text[a1:b2]
            found = [p for p in self.resolver.gazetteer.lookup(name) if p.exact
                     and p.feature in ("country", "region", "city") and p.population >= JOINED_NAME_TOWN]
            place = min(found, key=lambda p: p.feature != "city", default=None)  # the town before its district
            if place is None:
                continue
            before = {e.id for e in entities}
            entities = self.with_place_mention(entities, a1, b2, name, place)
            now = next((e.id for e in entities if (a1, b2) in e.mentions), None)
            if now is not None:  # else a place already held those words
                renamed.update({old: now for old in before - {e.id for e in entities}})
        for old, now in renamed.items():  # a name joined twice ("A" + "B", then "AB" + "C") ends at the last
            while now in renamed and renamed[now] != now:
                now = renamed[now]
            renamed[old] = now
        return entities, renamed

    def with_division_words_joined(self, entities: list[Entity], chosen: dict[str, Place]) -> tuple[list[Entity], dict]:
        """ "Catatumbo" and "the Catatumbo region", found to be one place: one entity, named without the division
        word; "Marawi" and "Marawi City", where the gazetteer knows the place as "Marawi City": one, named so. Returns
        the entities and old id -> kept id."""
        by_place: dict[int, list[Entity]] = {}
        for e in entities:
            if e.id in chosen and e.type == "LOCATION":
                by_place.setdefault(chosen[e.id].id, []).append(e)
        merged: dict[str, str] = {}
        for place_id, group in by_place.items():
            if len(group) < 2:
                continue
            if len({fold(DIVISION_SUFFIX.sub("", e.name)) for e in group}) == 1:
                keep = min(group, key=lambda e: (len(e.name), e.id))
            else:
                keep = next((e for e in group if CITY_SUFFIX.search(e.name) and self.known_as(e.name, place_id)), None)
                stems = {fold(CITY_SUFFIX.sub("", e.name)) for e in group}
                if keep is None or stems != {fold(CITY_SUFFIX.sub("", keep.name))}:
                    continue
            merged.update({e.id: keep.id for e in group if e.id != keep.id})
        return with_entities_merged(entities, merged, keep_names=True), merged

    def known_as(self, name: str, place_id: int) -> bool:
        """Whether the gazetteer knows the place by exactly this name."""
        return any(p.id == place_id and p.exact for p in self.resolver.gazetteer.lookup(name))

    @staticmethod
    def with_place_mention(entities: list[Entity], start: int, end: int, text: str, place: Place | None) -> list[Entity]:
        """The entities with one more mention of a place at [start, end) (None: one the gazetteer lacks): of the place
        entity of that name when there is one, else of a new one; other names over those characters give them up."""
        out = []
        for e in entities:
            overlapping = [(a, b) for a, b in e.mentions if a < end and start < b]
            if any(a <= start and end <= b for a, b in overlapping) and e.type in ("LOCATION", "FACILITY"):
                return entities  # already a place
            if overlapping:
                kept = tuple(m for m in e.mentions if m not in overlapping)
                if not kept:
                    continue
                e = replace(e, mentions=kept)
            out.append(e)
        names = {fold(text)} | ({fold(place.name)} if place else set())
        same = next((k for k, e in enumerate(out) if e.type == "LOCATION"
                     and names & {fold(n) for n in (e.name, *e.aliases)}), None)
        if same is not None:  # "GOMA, Democratic Republic of Congo (Reuters) - ... the centre of Goma"
            e = out[same]
            out[same] = replace(e, mentions=tuple(sorted(e.mentions + ((start, end),))),
                                aliases=e.aliases + ((text,) if text != e.name and text not in e.aliases else ()))
            return out
        number = max((int(e.id[1:]) for e in out if e.id[1:].isdigit()), default=0) + 1
        abbreviated = text.endswith(".") or len(text) <= 3  # "Calif.", "SC": the place's own name
        name = place.name if abbreviated and place else text.title() if text.isupper() else text
        kind = FEATURE_KIND.get(place.feature) if place else None
        out.append(Entity(id=f"E{number}", name=name, type="LOCATION", kind=kind,
                          aliases=(text,) if text != name else (), mentions=((start, end),)))
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
