"""`thuc_geocoder`: coordinates for every place and facility entity, from the offline gazetteer.

Runs last, on the finished entities and events. Before resolving, it also gives places their due:
a well-known place the statistical model typed as a person or organisation ("Tamil Nadu", "Harare")
becomes a location, and a wire dateline's city a place. With `demonyms=True` in its config, demonyms
("British", "Syrian") also become mentions of a country the report names.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.geo.names import fold
from thucydides.geo.resolve import PlaceResolver, qualifiers_in, to_geo
from thucydides.model import Entity
from thucydides.nlp.lexicon import get_lexicon

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

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc._.thuc_entities or ())
        if not entities:
            return doc
        if self.resolver is None:  # the gazetteer is opened (and built, the first time) on first use
            from thucydides.geo.gazetteer import get_gazetteer

            self.resolver = PlaceResolver(get_gazetteer(self.gazetteer_path))
        context = self.resolver.context(entities)
        entities = [self.retyped(e, context, self.locative(doc, e)) for e in entities]
        entities += self.dateline_places(doc, entities)
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
        if fold(entity.name) in self.lexicon_names():
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

    def dateline_places(self, doc: Doc, entities: list[Entity]) -> list[Entity]:
        """ "TORONTO (AP) —", "WASHINGTON, April 5 (Reuters) -": the cities wire stories were filed from, at the
        start of the text or of a line or sentence, when no entity covers them yet."""
        covered = [(a, b) for e in entities for a, b in e.mentions]
        number = max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
        out: list[Entity] = []
        for m in DATELINE_CITY.finditer(doc.text):
            start, end = m.span(1)
            if any(a < end and start < b for a, b in covered):
                continue
            city = m.group(1)
            if not any(p.exact and p.feature in ("city", "region", "country") for p in self.resolver.gazetteer.lookup(city)):
                continue  # "NATO -": no dateline
            number += 1
            covered.append((start, end))
            out.append(Entity(id=f"E{number}", name=city.title(), type="LOCATION", kind="city",
                              aliases=(city,) if city != city.title() else (), mentions=((start, end),)))
        return out

    def lexicon_names(self) -> set[str]:
        if not hasattr(self, "_lexicon_names"):
            self._lexicon_names = {fold(n) for e in self.lexicon.entries.values() if e.type in ("PERSON", "ORGANIZATION")
                                   for n in e.names}
        return self._lexicon_names

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
