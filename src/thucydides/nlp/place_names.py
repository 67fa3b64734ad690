"""Place names the statistical model missed or took for something else, found by the gazetteer and the words
around them: "in Klamath Falls, Oregon" (a town and the state after it), "Žilina, Nitra, Prešov and Košice" (a list
of places), "captured in Chattanooga" (a town after "in").

How sure the words around a name make it a place decides how small a place the gazetteer may offer for it: any
town of the state named after the comma, a town of a thousand people in a list of places, a town of five thousand
after "in" or "near". Names the lexicon knows as people or organisations, months and weekdays never become places.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from thucydides.gazetteer.names import fold
from thucydides.gazetteer.query import Gazetteer, Place, contains
from thucydides.nlp.triggers import forms_of

PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "towards", "toward", "via"}
DIRECTION_WORDS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                   "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
                   "south-east", "south-west", "north-eastern", "north-western", "south-eastern", "south-western"}
PERSON_PREPOSITIONS = {"in", "near", "outside", "inside", "around", "across", "into"}  # "at X" may be a company
LISTED_TOWN = 1_000
LOCATIVE_TOWN = 5_000
KNOWN_COUNTRY_TOWN = 2_000  # "at Coggeshall" in a report about England
OTHER_NAME_TOWN = 20_000  # a town by another of its names ("Clacton" for Clacton-on-Sea)
UNKNOWN_COUNTRY_TOWN = 50_000
UNKNOWN_POPULATION = 5_000  # GeoNames lists many Syrian, Iraqi, Yemeni, Nigerian towns with none ("Tall 'Afar")
NOT_PLACES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "god", "allah", "christmas", "easter", "ramadan", "eid", "internet", "web", "state", "republic", "north",
              "south", "east", "west", "central", "city", "county", "province", "district", "region", "capital"}
MOTION_VERBS = {form for verb in ("go|went|gone", "come|came", "drive|drove|driven", "travel", "fly|flew|flown", "move",
                                   "return", "head", "flee|fled", "march", "walk", "sail", "ride|rode|ridden",
                                   "relocate", "evacuate", "deport", "transfer", "redeploy", "withdraw|withdrew|withdrawn",
                                   "retreat", "advance", "arrive", "commute", "migrate", "escape", "send|sent",
                                   "bring|brought", "take|took|taken", "ship")
                for form in forms_of(verb)}
FIRING_VERBS = {form for verb in ("fire", "shoot|shot", "launch", "lob", "aim", "hurl") for form in forms_of(verb)}
SEIZING_VERBS = {form for verb in ("capture", "seize", "recapture", "liberate", "retake|retook|retaken",
                                   "overrun|overran", "encircle", "besiege", "shell", "bomb", "storm", "occupy")
                 for form in forms_of(verb)}  # what they act on is a place: "captured Sudzha", "shelled Kherson"
SETTLEMENT_WORDS = {"village", "town", "township", "hamlet", "neighbourhood", "neighborhood", "suburb", "settlement"}
SETTLED_WORDS = SETTLEMENT_WORDS | {"area"}  # "in the Kanabi area": a place, even one the gazetteer lacks
TOWN_WORDS = SETTLEMENT_WORDS | {"city", "municipality"}  # "Maguing town, Lanao del Sur": the division after them
NAME_PARTICLES = {"del", "de", "la", "da", "do", "dos", "das", "di", "and", "al", "el"}  # "Lanao del Sur"
FROM_TO_WORDS = 8  # "from" at most this many words before "to"
UNTYPED_LABELS = {"", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


@dataclass(frozen=True)
class Cue:
    """Why the words around a name make it a place, and the division or country named after it, if any."""

    strength: str  # "qualified" ("X, Oregon"), "listed", "locative", "inside" ("X in Borno State"), "settlement"
    # ("X village"), "capital"
    qualifier: Place | None = None  # the division after the comma, or after "in" (with any strength but "qualified")
    words: Span | None = None  # the qualifier's words
    seized: bool = False  # the name is what a verb of taking or bombarding acts on ("captured Sudzha")
    settled: bool = False  # a word for a settlement follows the name ("Maungdaw township", "Zzangari village")
    fired: bool = False  # the name is what something is fired at ("fired rockets at Kiryat Shmona")


class PlaceNameFinder:
    """Decides whether a name in its context is a place the gazetteer knows, and which."""

    def __init__(self, gazetteer: Gazetteer, excluded: set[str], capitals: dict[str, str]):
        self.gazetteer = gazetteer
        self.excluded = excluded  # folded names of the lexicon's people and organisations, and demonyms
        self.capitals = capitals  # folded capital -> country code

    def cue(self, doc: Doc, span: Span, places: set[tuple[int, int]], person: bool = False) -> Cue | None:
        """The strongest reason the words around `span` give for it to be a place."""
        qualifier = self.qualifier_after(doc, span.end)
        if qualifier is not None:
            return Cue("qualified", *qualifier)
        j = span.start - 1
        while j >= 0 and doc[j].lower_ in ("the",):
            j -= 1
        seized = j >= 0 and doc[j].lower_ in SEIZING_VERBS and doc[j].pos_ == "VERB"
        settled = self.settlement_after(doc, span.end)
        division, words = self.division_after_in(doc, span.end) or (None, None)  # kept with every cue below
        if self.in_list_of_places(doc, span, places) or self.in_parentheses_after_name(doc, span):
            return Cue("listed", division, words, seized, settled)
        prepositions = PERSON_PREPOSITIONS if person else PLACE_PREPOSITIONS
        fired = j >= 0 and self.fired_at(doc[j])
        if j >= 0 and (doc[j].lower_ in prepositions or self.motion_to(doc[j]) or fired
                       or self.from_before_to(doc, j)) or seized or self.holds_place_before(doc, span, places):
            return Cue("locative", division, words, seized, settled, fired)
        if division is not None:
            return Cue("inside", division, words, seized, settled)
        if settled:
            return Cue("settlement", seized=seized, settled=True)
        if not person and fold(span.text) in self.capitals:
            return Cue("capital")  # "Tunis is increasingly reliant on Algeria", read as a nationality
        return None

    @staticmethod
    def in_parentheses_after_name(doc: Doc, span: Span) -> bool:
        """ "a fashion show by Fig Leaf Boutique (Maywood)": a name alone in parentheses after a proper name says where
        that is; so does one opening a report before a dash, a local station's dateline ("(Red Oak) -- The ...")."""
        if span.start < 1 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return False
        if span.start == 1:
            return span.end + 1 < len(doc) and doc[span.end + 1].text in ("--", "-", "\u2014", "\u2013")
        before = doc[span.start - 2]
        return before.pos_ == "PROPN" and before.is_title

    @staticmethod
    def holds_place_before(doc: Doc, span: Span, places: set[tuple[int, int]]) -> bool:
        """ "in Barangay Poblacion, Marawi, the army said": a name alone between a place's comma and the clause's
        end says what holds that place, as "in" would."""
        comma_before = span.start >= 2 and doc[span.start - 1].text == ","
        clause_ends = span.end == len(doc) or doc[span.end].text in (",", ".", ";", ")")
        return comma_before and clause_ends and any(end == span.start - 1 for _, end in places)

    @staticmethod
    def settlement_after(doc: Doc, end: int) -> bool:
        """ "Maungdaw township", "Zzorbat neighbourhood of Khartoum", "Zzyxton town council", "the Kanabi area": a
        lower-case word for a settlement right after the name ("Manchester City" is a club)."""
        return end < len(doc) and doc[end].text in SETTLED_WORDS

    @staticmethod
    def motion_to(token) -> bool:
        """ "driving to Castlegar", "fled from Bakhmut": "to" or "from" after a verb of going."""
        return token.lower_ in ("to", "from") and token.head.pos_ == "VERB" and token.head.lower_ in MOTION_VERBS

    @staticmethod
    def fired_at(token) -> bool:
        """ "fired rockets at Kiryat Shmona", "launched drones at Kharkiv": "at" after a verb of firing."""
        return token.lower_ == "at" and token.head.pos_ == "VERB" and token.head.lower_ in FIRING_VERBS

    @staticmethod
    def from_before_to(doc: Doc, j: int) -> bool:
        """ "the distance from the Air Balloon to Cirencester", "flights from Kyiv to Lviv": "to" after a "from" of the
        same clause."""
        if doc[j].lower_ != "to":
            return False
        for k in range(j - 1, max(j - FROM_TO_WORDS, 0) - 1, -1):
            if doc[k].lower_ == "from":
                return True
            if doc[k].is_punct and doc[k].text not in ("-", "'"):
                return False
        return False

    def qualifier_after(self, doc: Doc, end: int) -> tuple[Place, Span] | None:
        """ "Klamath Falls, Oregon", "Estey's Bridge, N.B.", "New Quay, Ceredigion", "Maguing town, Lanao del Sur": the
        division or country after the comma, and its words."""
        if end < len(doc) and doc[end].lower_ in TOWN_WORDS:
            end += 1
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        return self.division_at(doc, end + 1)

    def division_after_in(self, doc: Doc, end: int) -> tuple[Place, Span] | None:
        """ "Gwoza in Borno State", "Djugu in Ituri province", "Moura, in central Mali": a first-level division or
        country after "in" (and "the" or a direction), and its words."""
        k = end + (end < len(doc) and doc[end].text == ",")
        if k >= len(doc) or doc[k].lower_ != "in":
            return None
        k += 1
        while k < len(doc) and (doc[k].lower_ == "the" or doc[k].lower_ in DIRECTION_WORDS):
            k += 1
        return self.division_at(doc, k)

    def division_at(self, doc: Doc, start: int) -> tuple[Place, Span] | None:
        """The division or country whose name (up to three capitalised words, and the particles between them: "Lanao
        del Sur", "Bosnia and Herzegovina") begins at token `start`."""
        end = start - 1
        stop = end + 1
        while stop < len(doc) and stop < end + 6 and (doc[stop].is_title or doc[stop].text.endswith(".")
                                                         and doc[stop].text[0].isupper()
                                                         or stop > start and doc[stop].lower_ in NAME_PARTICLES
                                                         and stop + 1 < len(doc) and doc[stop + 1].is_title):
            stop += 1
        for last in range(stop, end + 1, -1):
            words = doc[end + 1:last]
            if last < len(doc) and doc[last].is_title or fold(words.text) in self.excluded:
                continue  # "Khmeimim, Col. Gen. Alexander Zhuravlyov": a name goes on, no division
            found = [p for p in self.gazetteer.lookup(words.text) if p.exact and p.feature in ("region", "country")]
            if found:
                return found[0], words
        return None

    @staticmethod
    def in_list_of_places(doc: Doc, span: Span, places: set[tuple[int, int]]) -> bool:
        """ "Žilina, Nitra, Prešov and Košice": a name with places on both sides, or joined to one by "and"/"or"
        ("Coggeshall and Marks Tey"); one place after a comma alone qualifies the name, it makes no list."""
        link_before = doc[span.start - 1].lower_ if span.start >= 1 else ""
        link_after = doc[span.end].lower_ if span.end < len(doc) else ""
        place_before = link_before in (",", "and", "or") and any(end == span.start - 1 for _, end in places)
        place_after = link_after in (",", "and", "or") and any(start == span.end + 1 for start, _ in places)
        return place_before and place_after or place_before and link_before in ("and", "or") \
            or place_after and link_after in ("and", "or")

    def place_for(self, name: str, cue: Cue, countries: dict[str, int]) -> Place | None:
        """The gazetteer place `name` names given the cue, or None where the cue is too weak for what it offers."""
        key = fold(name)
        if not key or key in NOT_PLACES or key in self.excluded or len(key) < 3:
            return None
        found = [p for p in self.gazetteer.lookup(name) if p.exact and p.feature in ("city", "region", "country")]
        if cue.strength in ("qualified", "inside"):
            q = cue.qualifier
            return next((p for p in found if p.feature != "country" and contains(q, p)), None)
        if cue.strength == "settlement":
            cue = Cue("listed")  # as sure as a list of places: a town of 1,000 of a country the report names
        if cue.strength == "capital":
            return next((p for p in found if p.feature == "city" and self.capitals.get(fold(p.name)) == p.country), None)
        for p in found:
            known = countries.get(p.country or "", 0) > 0
            floor = LISTED_TOWN if cue.strength == "listed" else KNOWN_COUNTRY_TOWN if known else LOCATIVE_TOWN
            by_its_name = p.main or known and p.population >= OTHER_NAME_TOWN \
                or re.match(rf"{re.escape(key)}[\s-]", fold(p.name)) is not None  # "Clacton" for Clacton-on-Sea
            if p.feature == "country" or by_its_name and (p.population or UNKNOWN_POPULATION) >= floor \
                    and (known or cue.strength == "locative" and p.population >= UNKNOWN_COUNTRY_TOWN):
                return p
            if cue.fired and p.feature == "city" and p.population >= OTHER_NAME_TOWN:
                return p  # "Hezbollah fired rockets at Kiryat Shmona": a town of 20,000 across the border
        return None

    def unlabelled_names(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Span]:
        """Runs of capitalised proper nouns that no entity covers ("Colchester", "Chattanooga" read as a product,
        "Tunis" read as a nationality)."""
        out = []
        i = 0
        while i < len(doc):
            t = doc[i]
            if not (t.pos_ == "PROPN" and t.is_title and t.ent_type_ in UNTYPED_LABELS):
                i += 1
                continue
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].ent_type_ in UNTYPED_LABELS:
                j += 1
            span = doc[i:j]
            if not any(a < span.end_char and span.start_char < b for a, b in covered) and not re.search(r"\d", span.text):
                out.append(span)
            i = j
        return out
