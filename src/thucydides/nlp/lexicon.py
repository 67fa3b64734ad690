"""The lexicons in `thucydides/data`: actors, places, ranks and countries, loaded once."""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

ENTRY_KEYS = {"name", "aliases", "country", "kind", "county"}
ORG_FILES = ("armed_groups.yaml", "militaries.yaml", "intelligence.yaml", "governments.yaml", "media.yaml")
APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class LexiconEntry:
    """A known actor or place: its names, contract type, finer kind and side or country."""

    id: str
    name: str
    type: str  # PERSON, ORGANIZATION, LOCATION, FACILITY
    kind: str | None
    country: str | None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None

    @property
    def adjective(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


# British and American spellings of words in names ("Ministry of Defence", "Strategic Framework for the Defense ...").
SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center", "armoured": "armored",
             "programme": "program", "labour": "labor", "mobilisation": "mobilization", "harbour": "harbor"}
SPELLING_WORDS = re.compile(r"\b(" + "|".join(SPELLINGS) + r")\b")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """A comparison key: no accents, curly quotes folded, lower case, no leading 'the', single spaces, American
    spelling."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").lower()
    text = re.sub(r"[^\w' -]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = SPELLING_WORDS.sub(lambda m: SPELLINGS[m.group(1)], text)
    return re.sub(r"^the ", "", text)


def spelling_variants(text: str) -> set[str]:
    """A name in both British and American spelling."""
    out = {text}
    for british, american in SPELLINGS.items():
        for a, b in ((british, american), (american, british)):
            for v in list(out):
                out.add(re.sub(rf"\b{a}\b", b, v))
                out.add(re.sub(rf"\b{a.title()}\b", b.title(), v))
    return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-")


def data_text(name: str) -> str:
    return resources.files("thucydides.data").joinpath(name).read_text(encoding="utf-8")


def load_yaml(name: str) -> dict:
    return yaml.safe_load(data_text(name)) or {}


def load_csv(name: str) -> list[dict[str, str]]:
    """The rows of a CSV data file; lines starting with '#' (its source notes) are skipped."""
    return list(csv.DictReader(line for line in data_text(name).splitlines() if line and not line.startswith("#")))


class Lexicon:
    """Every list the engine knows, indexed for the components that use them."""

    def __init__(self) -> None:
        self.entries: dict[str, LexiconEntry] = {}
        self.countries: dict[str, Country] = {}
        self.country_by_name: dict[str, str] = {}
        self.country_by_demonym: dict[str, str] = {}
        self.country_by_capital: dict[str, str] = {}
        self._load_countries()
        for file in ORG_FILES:
            self._load_entries(file, "ORGANIZATION", "org")
        self._load_entries("persons.yaml", "PERSON", "person")
        self._load_entries("places.yaml", "LOCATION", "place")
        self._load_entries("facilities.yaml", "FACILITY", "facility")
        ranks = load_yaml("ranks.yaml")
        self.military_ranks: tuple[str, ...] = tuple(ranks.get("military", []))
        self.civil_titles: tuple[str, ...] = tuple(ranks.get("civil", []))
        self.generic = load_yaml("generic_actors.yaml")
        self.given_names = frozenset(line for line in data_text("given_names.txt").splitlines()
                                     if line and not line.startswith("#"))

    def _load_countries(self) -> None:
        for row in load_csv("countries.csv"):
            split = lambda v: tuple(x.strip() for x in (v or "").split(";") if x.strip())  # noqa: E731
            country = Country(row["code"], row["name"], split(row["aliases"]), split(row["demonyms"]),
                              row["capital"] or None)
            self.countries[country.code] = country
            for name in (country.name, *country.aliases):
                self.country_by_name.setdefault(normalize(name), country.code)
            for demonym in country.demonyms:
                self.country_by_demonym.setdefault(normalize(demonym), country.code)
            if country.capital:
                self.country_by_capital.setdefault(normalize(country.capital), country.code)
            entry = LexiconEntry(f"country:{country.code}", country.name, "LOCATION", "country", country.code,
                                 country.aliases)
            self.entries[entry.id] = entry

    def _load_entries(self, file: str, type_: str, prefix: str) -> None:
        data = load_yaml(file)
        default_kind = data.get("kind")
        for item in data.get("entries", []):
            unknown = set(item) - ENTRY_KEYS
            if unknown:  # an unquoted comma ({name: Washington, D.C.}) makes a key of the rest of the name
                raise ValueError(f"{file}: entry {item.get('name')!r} has unknown keys {sorted(unknown)}")
            entry = LexiconEntry(
                id=f"{prefix}:{slug(item['name'])}", name=item["name"], type=type_,
                kind=item.get("kind", default_kind), country=item.get("country"),
                aliases=tuple(a for a in item.get("aliases") or [] if a),
            )
            self.entries.setdefault(entry.id, entry)

    def country_of_word(self, word: str) -> str | None:
        """The country a demonym, country name, capital or epithet stands for ("Russian", "Kyiv")."""
        key = normalize(word)
        key = re.sub(r"'s$", "", key)
        return (self.country_by_demonym.get(key) or self.country_by_name.get(key)
                or self.country_by_capital.get(key) or self.generic.get("country_epithets", {}).get(key))

    def country_name(self, code: str | None) -> str | None:
        return self.countries[code].name if code in self.countries else None


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    return Lexicon()


def apostrophe_variants(text: str) -> set[str]:
    """The same name in British and American spelling, with straight and curly apostrophes, and with a capital or
    small 'al-' article."""
    variants = spelling_variants(text)
    for a in APOSTROPHES:
        for b in APOSTROPHES:
            variants |= {v.replace(a, b) for v in list(variants)}
    for v in list(variants):
        if v[:3] in ("al-", "Al-", "al ", "Al "):
            variants.add(v[0].swapcase() + v[1:])
    return variants
