"""The gazetteer file: where it lives, building it at first use, and looking names up in it."""
from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thucydides.gazetteer.build import MAIN_NAME, SCHEMA_VERSION, SHORT_FORM, build_gazetteer, fingerprint
from thucydides.gazetteer.distance import km
from thucydides.gazetteer.names import keys, skeleton

ENV_PATH = "THUC_GAZETTEER"
MAX_CANDIDATES = 60
DISTRICT_KM = 60.0  # a county's towns lie within this of its middle


@dataclass(frozen=True)
class Place:
    """One gazetteer entry that a name may refer to."""

    id: int
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    feature: str  # country, region, city, facility, landmark
    population: int
    geonameid: int | None
    source: str
    exact: bool  # found by its spelling, not only by its transliteration skeleton
    main: bool  # the name looked up is the place's own name, not an alternate
    short: bool = False  # only a short form names it ("Orange" for "Orange County")
    district: bool = False  # a second-level division (county, district, raion)
    fame: int = 0  # how many names (all languages) GeoNames has for it


def contains(division: Place, place: Place) -> bool:
    """A place lies in a country, a first-level division, or near the middle of a second-level one."""
    if place.country != division.country or place.id == division.id:
        return False
    if division.feature == "country":
        return True
    if division.district or not division.admin1:  # a county, or a curated region: by distance
        return km(place.lat, place.lon, division.lat, division.lon) <= DISTRICT_KM
    return place.admin1 == division.admin1


def default_path() -> Path:
    """$THUC_GAZETTEER, else the user's data directory."""
    if os.environ.get(ENV_PATH):
        return Path(os.environ[ENV_PATH])
    from platformdirs import user_data_dir

    return Path(user_data_dir("thucydides")) / f"gazetteer-{SCHEMA_VERSION}.sqlite"


class Gazetteer:
    """Read-only lookups in the SQLite gazetteer; nothing is loaded in memory but the connection."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.cache: dict[str, list[Place]] = {}

    def lookup(self, name: str) -> list[Place]:
        """Places a name may refer to: by spelling, else by transliteration skeleton; most populous first."""
        if name in self.cache:
            return self.cache[name]
        exact_keys = sorted(keys(name))
        found = self.query("key", exact_keys, exact=True) if exact_keys else []
        if not found:
            skeletons = sorted({skeleton(k) for k in exact_keys if len(skeleton(k).replace(" ", "")) >= 4})
            found = self.query("skeleton", skeletons, exact=False) if skeletons else []
        self.cache[name] = found
        return found

    def query(self, column: str, values: list[str], exact: bool) -> list[Place]:
        marks = ",".join("?" * len(values))
        rows = self.db.execute(
            f"SELECT p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.feature, p.population, p.geonameid, p.source,"
            f" MAX(n.main), p.district, p.fame FROM names n JOIN places p ON p.id = n.place WHERE n.{column} IN ({marks})"
            f" GROUP BY p.id ORDER BY p.population DESC LIMIT {MAX_CANDIDATES}", values).fetchall()
        return [Place(*row[:10], exact=exact, main=row[10] == MAIN_NAME, short=row[10] == SHORT_FORM, district=bool(row[11]),
                      fame=row[12])
                for row in rows]

    def towns_of_division(self, country: str, admin1: str) -> list[tuple[float, float]]:
        """Where the populated places of a first-level division lie."""
        return self.db.execute("SELECT lat, lon FROM places WHERE feature = 'city' AND country = ? AND admin1 = ?",
                               (country, admin1)).fetchall()

    def size(self) -> dict[str, str]:
        """What the file's meta table says: schema, fingerprint, places, names, build seconds."""
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())


def built_from(path: Path) -> str | None:
    """The fingerprint a gazetteer file was built from, or None for a missing or unreadable file."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def ensure_built(path: Path | None = None, quiet: bool = False) -> Path:
    """The gazetteer's path, building it first when it is missing or was built from other data (about
    half a minute, once)."""
    path = Path(path) if path else default_path()
    if not path.exists() or built_from(path) != fingerprint():
        if not quiet:
            what = "rebuilding the place gazetteer (its data changed)" if path.exists() else "building the place gazetteer once"
            print(f"{what}, into {path} (about 30 s)...", file=sys.stderr)
        build_gazetteer(path)
    return path


@lru_cache(maxsize=4)
def get_gazetteer(path: str | None = None) -> Gazetteer:
    return Gazetteer(ensure_built(Path(path) if path else None))
