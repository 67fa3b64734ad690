"""Streets and buildings the gazetteer does not know ("Altnagelvin Hospital", "Royal Street", "Barclays Center"),
placed at the town that holds them, as ACLED codes an event at a hospital to its town; and villages it does not
know, placed at the town or small province the report says holds them.

The town is, in this order: the owner in the name ("Derry's Altnagelvin Hospital"), the division after a comma in
it ("Donington Park, Leicestershire"), the town right after it ("Percy French Hotel, Ballyjamesduff", "Loyola
University in Los Angeles"), a small province or county right after it ("Oulton Park, Cheshire": its point), a town
the name begins or ends with ("Seoul Central District Court"; a smaller one among the report's places: "Izium Central
Market" in a report on Kharkiv region, "South Ossett Church", also a lake's: "Lake Manassas"), the nearest town of
the same sentence, then of the three sentences before in the paragraph, then the town the report is mostly about
(the only town it names, one it names more than all others together, or the largest of towns that all lie within
50 km of it; in a report that names no town, its one county, else the one city its local organisations are named
after: "the Winnipeg Fire Paramedic Service"). That town also holds a name the gazetteer knows nowhere
("Khayelitsha" in a report on Cape Town, "the Abu Salim district" in one on Tripoli), and an unplaced town names the
place of a building named after it ("Delft" of "the Delft police station"). Schools and universities, often named
after a town they are not in and named as someone's affiliation ("a professor at Columbia University"), stand where
the report says they stand or nowhere: they take only the town in or after their name, never the nearest one; a
court is placed as a building is (it sits where its cases are). Lakes, rivers and mountains take none. Only towns,
districts, facilities and provinces small enough for their point to stand for them hold a site: never a whole
country, a large province, a river or a range. An unknown village ("Qaryat Zzzwlyx") stays without coordinates: it
is no site, unless the report says what holds it: a town ("Gaza City's Zeitoun neighbourhood", "Zeitoun in Gaza
City") or a small province ("Zzangari, Zamfara State"), or the report is about one town.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from thucydides.gazetteer.distance import km
from thucydides.gazetteer.names import fold
from thucydides.gazetteer.query import Place
from thucydides.model import Entity, Geo
from thucydides.nlp.context_types import SITE_WORDS
from thucydides.nlp.place_names import SETTLEMENT_WORDS

NATURAL_KINDS = {"mountain", "water", "island", "coast", "region"}  # no town holds a lake or a mountain
SITE_KINDS = {kind for section in ("facilities", "institutions", "landmarks", "before_name")
              for kind in SITE_WORDS[section].values()} - NATURAL_KINDS
INSTITUTION_KINDS = set(SITE_WORDS["institutions"].values()) - set(SITE_WORDS["facilities"].values())
COURT_KINDS = {"court"}
SCHOOL_KINDS = {"university", "school"}  # often named after a town they are not in ("Liverpool Academy" in Cairo)
POSSESSIVE = re.compile(r"^(.+?)['\u2019]s\s+\S")
AFTER_NAME = re.compile(r"(?:\s*,\s*(?:(?:in|near|outside)\s+)?|\s+(?:in|at|near|outside|on|off)\s+)(?:the\s+)?"
                        r"(?:(?:north|south|east|west|central|downtown|northern|southern|eastern|western|"
                        r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?")  # "in southwest Miami-Dade"
SETTLEMENT_OF = re.compile(rf"\s+(?:{'|'.join(sorted(SETTLEMENT_WORDS))})\s+(?:of|in|near|outside)\s+(?:the\s+)?")
OF_AFTER_SETTLEMENT = re.compile(r"\s+(?:of|in|near|outside)\s+(?:the\s+)?")  # "Ann township of Rakhine state"
DIRECTION_AFTER = re.compile(r"\s*(?:,|\()\s*(?:(?:about|some|roughly)\s+)?(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?"
                             r"(?:north|south|east|west)(?:-?(?:north|south)?(?:east|west))?\s+of\s+")
# "seized Illinka (southeast of Kurakhove)", "Zzyx, 10 km north of Kharkiv": a place measured from a town
QUARTER_WORDS = re.compile(r"\b(?:district|quarter|neighbou?rhood|suburb|township)\b", re.I)  # parts of a town
MAX_NAME_WORDS = 3
MIN_TOWN_IN_NAME = 100_000  # a town named only inside a building's name must be well known
MIN_TOWN_IN_SITE = 10_000  # "Jenin refugee camp", "South Ossett Church", "Lake Manassas": named after their town
MIN_TOWN_BY_OTHER_NAME = 20_000
SENTENCES_BACK = 3
LOCAL_STORY_KM = 50.0  # a report whose towns all lie this near its largest is about that town
OWNER_BEFORE = re.compile(r"['\u2019]s\s+$")


@dataclass(frozen=True)
class Holder:
    """A town or site that holds another, with the name the report gives it."""

    place: Place
    name: str

    def geo(self, feature: str) -> Geo:
        """The coordinates of a site this holder holds."""
        p = self.place
        return Geo(lat=round(p.lat, 5), lon=round(p.lon, 5), country=p.country, feature=feature, within=self.name)


def leading_words(name: str) -> list[str]:
    """The first three, two and one words of a name of more words, longest first ("Seoul Central District Court")."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(min(MAX_NAME_WORDS, len(words) - 1), 0, -1)]


def holds(place: Place) -> bool:
    """Towns, districts and facilities can hold a site; countries and provinces are too large to say where it is."""
    return place.feature in ("city", "facility", "landmark") or place.feature == "region" and place.district


def is_site(entity: Entity) -> bool:
    return entity.type == "FACILITY" or entity.type == "LOCATION" and entity.kind in SITE_KINDS


class SitePlacer:
    """Gives the sites among a report's entities that the gazetteer could not place the coordinates of their town."""

    def __init__(self, resolver):
        self.resolver = resolver

    def place(self, text: str, sentences: list[tuple[int, int]], entities: list[Entity],
              chosen: dict[str, Place], around) -> dict[str, Geo]:
        """Entity id -> Geo for every unplaced site whose town the report gives."""
        named = [(start, end, Holder(chosen[e.id], e.name)) for e in entities if e.id in chosen
                 for start, end in e.mentions]  # every mention of a place the gazetteer placed
        holders = sorted(((start, h) for start, _, h in named if holds(h.place)), key=lambda x: x[0])
        starts = dict(holders)
        ends = {end: h for _, end, h in named if holds(h.place)}
        divisions = {start: h for start, _, h in named if h.place.feature == "region"}
        home = self.home_town(entities, chosen) or self.town_in_names(entities, chosen, around)
        out = {}
        for e in entities:
            if e.id in chosen:
                continue
            if not is_site(e):  # "Gaza City's Zeitoun neighbourhood", "Mogadishu's Hodan district": the town's part
                holder = self.owner_before(text, e, ends) if e.type == "LOCATION" else None
                if holder is not None:
                    out[e.id] = holder.geo("landmark")
                elif e.type == "LOCATION" and e.kind != "country":  # "Zeitoun in Gaza City", "Zzyzivka, Donetsk Oblast"
                    holder = self.qualified(e) or self.named_after(text, e, starts) \
                        or (self.named_in(e, entities, chosen, around, possessive=False) if e.kind in NATURAL_KINDS
                            else None)  # "Lake Manassas" in a report on Prince William County
                    if holder is None:  # a name the report puts in a large province is not in the report's town
                        said_in = self.named_after(text, e, divisions)
                        holder = self.small_enough(said_in) if said_in is not None else self.part_of_home(e, home)
                    if holder is not None:
                        out[e.id] = holder.geo("city" if e.kind in (None, "city") else "landmark")
                continue
            holder = self.named_in(e, entities, chosen, around, possessive=True) or self.qualified(e) \
                or self.named_after(text, e, starts) or self.in_small_division(text, e, divisions) \
                or (self.named_in(e, entities, chosen, around, possessive=False) if e.type == "FACILITY" else None)
            if holder is None and e.kind not in INSTITUTION_KINDS - COURT_KINDS:  # "a professor at Cornell University"
                # says no town; a court sits where its cases are, in the town the report is about
                holder = self.nearest(text, sentences, e, holders) or home
            if holder is not None:
                out[e.id] = holder.geo("facility" if e.type == "FACILITY" else "landmark")
        out.update(self.named_by_their_sites(entities, chosen, out))
        return out

    @staticmethod
    def named_by_their_sites(entities: list[Entity], chosen: dict[str, Place],
                             placed: dict[str, Geo]) -> dict[str, Geo]:
        """An unplaced town or quarter that names a building the report placed is where that building is: "Delft" of
        "the Delft police station" (in Cape Town), "Zzyx" of "the Zzyx health centre in Kidal"."""
        sites = [(e, placed[e.id]) for e in entities if e.id in placed and e.type == "FACILITY"]
        out = {}
        for e in entities:
            if e.id in chosen or e.id in placed or e.type != "LOCATION" or e.kind not in (None, "city"):
                continue
            site = next((g for s, g in sites if s.name.startswith(e.name + " ")), None)
            if site is not None:
                out[e.id] = replace(site, feature="city", geonameid=None)
        return out

    def part_of_home(self, entity: Entity, home: Holder | None) -> Holder | None:
        """The town a local story is about, for a name the gazetteer knows nowhere ("Khayelitsha" in a report on Cape
        Town): a part of it, as ACLED codes an unknown village to the nearest town. Not a lake, river or mountain, nor a
        name made of larger places ("Asia-Pacific")."""
        natural = entity.kind in NATURAL_KINDS and not QUARTER_WORDS.search(entity.name)  # not "Abu Salim district"
        if home is None or natural or any(p.exact for p in self.resolver.candidates(entity)):
            return None
        for name in (entity.name, *entity.aliases):  # "Asia-Pacific", not "River North"
            words = [w for w in re.split(r"[\s\-\u2013/]+", name) if w]
            if len(words) > 1 and all(any(p.exact and p.feature in ("country", "region") and not p.district
                                          for p in self.resolver.gazetteer.lookup(w)) for w in words):
                return None
        return home

    def named_in(self, entity: Entity, entities: list[Entity], chosen: dict[str, Place], around,
                 possessive: bool) -> Holder | None:
        """The town the site's own name holds: its owner ("Derry's Altnagelvin Hospital", "Harare's Third Street"),
        or for a building its first or last words ("Cavan Town Hall", "Seoul Central District Court", "British Embassy
        Tokyo") when they name a town the report mentions or a city of 100,000 of the countries it is about."""
        for name in (entity.name, *entity.aliases):
            owner = POSSESSIVE.match(name) if possessive else None
            if possessive and not owner:
                continue
            words = name.split()
            leading = leading_words(name)
            trailing = [" ".join(words[-n:]) for n in range(min(MAX_NAME_WORDS, len(words) - 1), 0, -1)]
            prefixes = [owner.group(1)] if owner else leading + trailing  # "British Embassy Tokyo"
            for prefix in prefixes:
                known = next((chosen[e.id] for e in entities if e.id in chosen and holds(chosen[e.id])
                              and fold(prefix) in {fold(n) for n in (e.name, *e.aliases)}), None)
                if known is not None:
                    return Holder(known, prefix)
                town = self.resolver.best(Entity(id=entity.id, name=prefix, type="LOCATION", kind="city",
                                                 mentions=entity.mentions), around)
                if town is not None and self.named_after_town(entity, town, around, bool(owner)):
                    return Holder(town, prefix)
        return None

    @staticmethod
    def named_after_town(entity: Entity, town: Place, around, owner: bool) -> bool:
        """Whether the town a site's name begins or ends with holds it: an owner always ("Derry's"); else a city of
        100,000 of the report's countries ("Seoul Central District Court", not "Columbia University"), or, for any
        site but a school, a town of 10,000 among the report's places ("Jenin refugee camp", "Izium Central Market"
        in a report on Kharkiv region, "Lake Manassas"; not Pearl, Mississippi for "Pearl Harbor" in a report on
        Hawaii)."""
        if town.feature != "city" or not town.exact:
            return False
        if owner:
            return town.main
        if town.main and town.population >= MIN_TOWN_IN_NAME and town.country in around.countries \
                and entity.kind not in SCHOOL_KINDS:  # "Columbia University" is in New York
            return True
        among_places = (town.country, town.admin1) in around.named_divisions or around.near_middle(town)
        return entity.kind not in SCHOOL_KINDS and town.population >= MIN_TOWN_IN_SITE \
            and (town.main or town.population >= MIN_TOWN_BY_OTHER_NAME) and among_places

    def qualified(self, entity: Entity) -> Holder | None:
        """ "Donington Park, Leicestershire": the district, town or small province after the comma inside the name."""
        for name in (entity.name, *entity.aliases):
            _, within = self.resolver.split_qualified(name)
            if within is not None and (holds(within) or self.resolver.stands_for_its_places(within)):
                return Holder(within, name.partition(",")[2].strip())
        return None

    def in_small_division(self, text: str, entity: Entity, divisions: dict[int, Holder]) -> Holder | None:
        """A province or county right after a mention ("Knockhill, Fife", "Krynky in Kherson Oblast") whose point
        stands for all of it: the place is there, give or take the division's size, as ACLED codes an event in an
        unknown village to its province."""
        holder = self.named_after(text, entity, divisions)
        return self.small_enough(holder) if holder is not None else None

    def small_enough(self, division: Holder) -> Holder | None:
        """The division, when its point can stand for all of it."""
        return division if self.resolver.stands_for_its_places(division.place) else None

    @staticmethod
    def owner_before(text: str, entity: Entity, ends: dict[int, Holder]) -> Holder | None:
        """A town whose possessive comes right before a mention: "Gaza City's Zeitoun", "Kharkiv's Saltivka"."""
        for start, _ in entity.mentions:
            m = OWNER_BEFORE.search(text, max(0, start - 4), start)
            if m and m.start() in ends:
                return ends[m.start()]
        return None

    @staticmethod
    def named_after(text: str, entity: Entity, starts: dict[int, Holder]) -> Holder | None:
        """A town right after a mention: "Percy French Hotel, Ballyjamesduff", "Terra Kulture in Lagos", "Zzorbat
        neighbourhood of Khartoum"."""
        for start, end in entity.mentions:
            settled = text[start:end].split()[-1].lower() in SETTLEMENT_WORDS  # "Zzyx township of Rakhine state"
            for pattern in (AFTER_NAME, SETTLEMENT_OF, DIRECTION_AFTER) + ((OF_AFTER_SETTLEMENT,) if settled else ()):
                m = pattern.match(text, end)
                if m and m.end() in starts:
                    return starts[m.end()]
        return None

    @staticmethod
    def nearest(text: str, sentences: list[tuple[int, int]], entity: Entity,
                holders: list[tuple[int, Holder]]) -> Holder | None:
        """The nearest town named in the sentence of the site's first mention, else the closest before it in its
        paragraph, at most three sentences back."""
        start = entity.mentions[0][0]
        sentence = next(((a, b) for a, b in sentences if a <= start < b), (start, start))
        inside = [(abs(at - start), h) for at, h in holders if sentence[0] <= at < sentence[1]]
        if inside:
            return min(inside, key=lambda x: x[0])[1]
        k = next((k for k, (a, b) in enumerate(sentences) if a <= start < b), 0)
        window_start = max(text.rfind("\n", 0, start), sentences[max(k - SENTENCES_BACK, 0)][0] if sentences else 0)
        before = [h for at, h in holders if window_start <= at < start]
        return before[-1] if before else None

    def town_in_names(self, entities: list[Entity], chosen: dict[str, Place], around) -> Holder | None:
        """In a report that names no town, the one city of 100,000 of its countries that opens the names of its
        organisations ("the Winnipeg Fire Paramedic Service", "the New Orleans Railways and Light Company"): a local
        story's town. Not newspapers, whose names travel ("the Washington Post")."""
        if any(p.feature == "city" for p in chosen.values()):
            return None
        found: dict[int, Holder] = {}
        for e in entities:
            if e.type != "ORGANIZATION" or e.generic or e.kind == "media":
                continue
            for prefix in leading_words(e.name):
                towns = [p for p in self.resolver.gazetteer.lookup(prefix) if p.exact and p.main
                         and p.feature == "city" and p.population >= MIN_TOWN_IN_NAME
                         and (not around.countries or p.country in around.countries)]
                if towns:
                    town = max(towns, key=lambda p: p.population)
                    found[town.id] = Holder(town, prefix)
                    break
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def home_town(entities: list[Entity], chosen: dict[str, Place]) -> Holder | None:
        """The town the report is about: the only one it names, one named at least twice and more than all its other
        towns together, or the largest of towns that all lie within 50 km of it (a local story: "Chicago", "Park
        Ridge" and "Near North Side"); in a report that names no town, the one county it names ("Cuyahoga County")."""
        towns = Counter({e.id: len(e.mentions) for e in entities if e.id in chosen and chosen[e.id].feature == "city"
                         and e.type == "LOCATION"})  # a facility placed at its town is no town named
        if not towns:
            counties = {chosen[e.id].id: e for e in entities if e.id in chosen and chosen[e.id].feature == "region"
                        and chosen[e.id].district}
            county = next(iter(counties.values())) if len(counties) == 1 else None
            return Holder(chosen[county.id], county.name) if county else None
        (top, count), *rest = towns.most_common()
        if not ((count >= 2 or not rest) and count > sum(n for _, n in rest)):
            largest = max(towns, key=lambda i: chosen[i].population)
            if any(km(chosen[i].lat, chosen[i].lon, chosen[largest].lat, chosen[largest].lon) > LOCAL_STORY_KM
                   for i in towns):
                return None
            top = largest
        entity = next(e for e in entities if e.id == top)
        return Holder(chosen[top], entity.name)
