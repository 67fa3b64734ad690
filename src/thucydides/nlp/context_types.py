"""`thuc_context_types`: types names by the words around them, correcting the statistical NER.

"X Air Base" is a facility, "the cities of X, Y and Z" are places, "X governorate" is a region and
"the X group" is a unit, whatever the model thought X was.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from thucydides.nlp.lexicon import Lexicon, get_lexicon, load_yaml, normalize

SITE_WORDS = load_yaml("site_words.yaml")


def heads(section: str) -> dict[tuple[str, ...], str]:
    """A section of data/site_words.yaml as {("air", "base"): "base", ...}."""
    return {tuple(head.split()): kind for head, kind in SITE_WORDS[section].items()}


FACILITY_HEADS = heads("facilities")
INSTITUTION_HEADS = heads("institutions")
LANDMARK_HEADS = heads("landmarks")
HEADS_BEFORE_NAME = heads("before_name")
LOCATIVE_WORDS = {"at", "in", "near", "outside", "inside", "into", "behind", "opposite", "before"}
REGION_HEADS = {(word,): "region" for word in ("province", "governorate", "governate", "region", "oblast", "district",
                                                "state", "county", "prefecture", "valley", "desert")}
TOWN_HEADS = {("township",): "city"}  # "Washington Township": a town, not Washington, D.C.
UNIT_HEADS = {(word,): "unit" for word in ("group", "unit", "battalion", "brigade", "regiment", "division", "legion",
                                           "detachment", "squadron", "militia", "cell")}
PLACE_NOUNS = {"city", "cities", "town", "towns", "village", "villages", "capital", "province", "provinces",
               "region", "regions", "district", "districts", "governorate", "governorates", "port", "outskirts",
               "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "suburb", "suburbs", "camp",
               "hamlet", "settlement", "municipality", "county", "commune", "area", "island", "islands"}
KIND_OF_PLACE_NOUN = {**{n: "city" for n in ("city", "cities", "town", "towns", "village", "villages")},
                      **{n: "region" for n in ("state", "states", "province", "provinces", "governorate", "governorates",
                                               "oblast", "oblasts", "region", "regions", "county", "counties",
                                               "district", "districts")}}
PLURAL_DIVISION_NOUNS = {"states", "provinces", "governorates", "oblasts", "regions", "counties", "districts"}
HEAD_WORDS = {key[0] for table in (FACILITY_HEADS, REGION_HEADS, TOWN_HEADS, UNIT_HEADS, LANDMARK_HEADS,
                                   INSTITUTION_HEADS)
              for key in table}  # the first words of every head: a token that is none of them starts no head
MEDIA_NOUNS = {"platform", "app", "channel", "account", "website", "site", "page", "feed", "network"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
ROAD_NUMBER = re.compile(r"\b(?:[AMNRH]|RN|RR|I|US|SR)-?\d{1,4}\b")  # "the A417", "the M-03", "the RN16", "I-95"
ROAD_AFTER = re.compile(r"\s+(?:(?:north|south|east|west)bound|road|highway|motorway|route|expressway|freeway|"
                        r"carriageway|trunk road|ring road|bypass|heading|running|linking|connecting)\b",
                        re.I)  # "the M-03 highway", "the A417 southbound", "the N1 linking Kidal and Gao"
ROAD_BEFORE = re.compile(r"\b(?:on|along|off|onto|via|near|at|across|from|to|towards|toward|closed|blocked|cut|"
                         r"and|or)\s+the\s+$|(?:the\s+)?(?:road|highway|motorway|route)\s+$", re.I)  # "along the N1"
ROAD_LIST = re.compile(r"(?:\s*,\s*|,?\s+(?:and|or)\s+)$")  # "via the A436, A40 and A429"
WEAPON_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:howitzers?|tanks?|rifles?|launchers?|systems?|guns?|missiles?|rockets?|"
                          r"carriers?|vehicles?|helicopters?|jets?|abrams|bradleys?|himars|mlrs|shells?|rounds?)\b",
                          re.I)  # "fired from the M777 howitzer", "the M1 Abrams tank"
MAX_HEAD = 3
ELIDED_NAME = re.compile(r"^[dlDL]['\u2019][A-Z\u00C0-\u00DD]")
PLACE_KINDS_BEFORE_NAME = {"mountain", "water", "street", "square", "district"}  # "Mount Chaambi", "Rue de la Paix"

if not Doc.has_extension("thuc_kinds"):
    Doc.set_extension("thuc_kinds", default=None)


def is_name_word(word: str) -> bool:
    """A capitalised word, also after an elided article ("Paix", "d'Enghein", "l'Indépendance")."""
    return word.istitle() or ELIDED_NAME.match(word) is not None


class ContextTyper:
    """Retypes and extends entity spans from their head nouns and the phrases around them."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def is_side_word(self, token) -> bool:
        """A demonym or country word ("Russian", "Syria"): a side, not part of a facility's name. A capital is a town
        that names its sites ("Washington Square", "Kabul airport")."""
        key = normalize(token.text)
        return self.lexicon.country_of_word(token.text) is not None and token.text not in ("Georgia",) \
            and key not in self.lexicon.country_by_capital

    def name_before(self, doc: Doc, end: int, ents_by_end: dict[int, Span]) -> int:
        """Start of the proper name that ends just before `end`, or `end` when there is none."""
        ent = ents_by_end.get(end)
        if ent is not None and ent.label_ in NAME_LABELS and not all(self.is_side_word(t) for t in ent):
            return ent.start
        start = end
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and not self.is_side_word(doc[start - 1]):
            start -= 1
        return start

    def name_before_descriptor(self, doc: Doc, i: int, ents_by_end: dict[int, Span]) -> int:
        """ "Okhmatdyt children's hospital", "Nasser medical complex": a name, up to two common nouns, then the head."""
        j = i
        while j > 0 and i - j < 3 and (doc[j - 1].pos_ == "NOUN" and doc[j - 1].is_lower or doc[j - 1].tag_ == "POS"):
            j -= 1
        if j == i or doc[j].tag_ == "POS":
            return i
        start = self.name_before(doc, j, ents_by_end)
        return start if start < j else i

    @staticmethod
    def head_at(words: list[str], i: int, heads: dict[tuple[str, ...], str]) -> tuple[int, str | None]:
        """The longest head phrase starting at word i (`words`: the doc's tokens in lower case): (its end, its kind)."""
        for size in range(MAX_HEAD, 0, -1):
            key = tuple(words[i:i + size])
            if len(key) == size and key in heads:
                return i + size, heads[key]
        return i, None

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        ents_by_end = {e.end: e for e in ents}
        kinds: dict[int, str] = {}
        new: list[Span] = []
        divisions: list[Span] = []  # "Dnipropetrovsk Oblast": a division, not the city the lexicon knows by its first word
        in_lexicon_name = {t for e in ents if e.ent_id_ for t in range(e.start, e.end)}
        words = [t.lower_ for t in doc]
        for i in range(1, len(doc)):
            if words[i] not in HEAD_WORDS:
                continue
            if i in in_lexicon_name or i in ents_by_end and ents_by_end[i].ent_id_ and ents_by_end[i].label_ in ("FAC", "ORG"):
                continue  # a lexicon name keeps its own boundaries
            for table, label, named in ((FACILITY_HEADS, "FAC", False), (REGION_HEADS, "LOC", False),
                                        (TOWN_HEADS, "GPE", True),
                                        (UNIT_HEADS, "ORG", False), (LANDMARK_HEADS, "LOC", True),
                                        (INSTITUTION_HEADS, "FAC", True)):
                end, kind = self.head_at(words, i, table)
                if not kind or named and not doc[i].is_title:
                    continue  # "Royal Street", "Cornell University": capitalised as part of the name
                if doc[end - 1].pos_ not in ("NOUN", "PROPN"):
                    break  # "the Russians drive ...": no head
                start = self.name_before(doc, i, ents_by_end)
                if start == i and table is FACILITY_HEADS:  # "the Okhmatdyt children's hospital"
                    start = self.name_before_descriptor(doc, i, ents_by_end)
                longer = next((e for e in ents if e.start <= min(start, i) and end < e.end and not e.ent_id_
                               and doc[end].lower_ == "of" and doc[e.end - 1].is_title), None)
                if longer is not None:  # "the Guildhall School of Music": the model's name goes on after "of"
                    end = longer.end
                whole = ents_by_end.get(end)  # "Third Presbyterian Church", "Belfast Magistrate's Court"
                if whole is not None and whole.start < min(start, i) and not whole.ent_id_:
                    start = whole.start
                if start < i and (table is not INSTITUTION_HEADS or self.is_locative(doc, start)):
                    span = Span(doc, start, end, label=label)
                    kinds[span.start_char] = kind
                    new.append(span)
                    if table is REGION_HEADS:
                        divisions.append(span)
                break
        new.extend(self.named_after_their_head(doc, ents, kinds))
        new.extend(self.places_after_place_nouns(doc, ents))
        new.extend(self.names_before_acronyms(doc, ents))
        for span in self.road_numbers(doc):
            kinds[span.start_char] = "road"
            new.append(span)
        kept = [e for e in ents if not any(n.start <= e.start and e.end <= n.end for n in new)]
        kept = [Span(doc, e.start, e.end, label="ORG", span_id=e.id_) if e.label_ == "FAC" and e.end < len(doc)
                and doc[e.end].lower_ in MEDIA_NOUNS else e for e in kept]  # "his Truth Social platform": no building
        doc.ents = filter_spans(new + self.without_sites(doc, kept, [n for n in new if n.label_ in ("FAC", "LOC")]))
        for span in divisions:
            for token in span:
                token.ent_id_ = ""
        for ent in doc.ents:
            kind = self.kind_from_place_noun(doc, ent) if ent.start_char not in kinds else None
            if kind:
                kinds[ent.start_char] = kind
        doc._.thuc_kinds = kinds
        return doc

    @staticmethod
    def road_numbers(doc: Doc) -> list[Span]:
        """Numbered roads the words around them say are roads: "on the A120", "along the M-03 highway", "the RN16
        road", "via the A436, A40 and A429" (a rifle or a tank of such a name has none of those words around it)."""
        out: list[Span] = []
        text, last_end = doc.text, -1
        for m in ROAD_NUMBER.finditer(text):
            window = text[max(0, m.start() - 40):m.start()]
            listed = last_end >= 0 and ROAD_LIST.fullmatch(text, last_end, m.start()) is not None
            if WEAPON_AFTER.match(text, m.end()):
                continue
            if listed or ROAD_AFTER.match(text, m.end()) or ROAD_BEFORE.search(window):
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    out.append(Span(doc, span.start, span.end, label="LOC"))
                    last_end = m.end()
        return out

    @staticmethod
    def without_sites(doc: Doc, ents: list[Span], sites: list[Span]) -> list[Span]:
        """The model's names, less those that swallowed a site found by its head word: "Cornell University in Ithaca"
        gives up "Cornell University" and keeps "Ithaca" as a place."""
        out = []
        for ent in ents:
            site = next((n for n in sites if n.start <= ent.start < n.end < ent.end and not ent.ent_id_), None)
            if site is None:
                out.append(ent)
            elif doc[site.end].lower_ in ("in", "at") and site.end + 1 < ent.end and doc[site.end + 1].is_title:
                out.append(Span(doc, site.end + 1, ent.end, label="GPE"))
        return out

    @staticmethod
    def is_locative(doc: Doc, start: int) -> bool:
        """Something is at, in or near the name that starts at token `start` ("a professor at Cornell University")."""
        j = start - 1
        while j >= 0 and doc[j].lower_ in ("the", "a", "an"):
            j -= 1
        return j >= 0 and doc[j].lower_ in LOCATIVE_WORDS

    def named_after_their_head(self, doc: Doc, ents: list[Span], kinds: dict[int, str]) -> list[Span]:
        """Names written after their head word ("University of Perpetual Help", "Church of the Nativity", "Mount
        Chaambi", "Camp Murray"): facilities and landmarks, whatever the model thought."""
        out = []
        for ent in ents:
            if ent.ent_id_ or ent.label_ in ("FAC",):
                continue
            for size in (2, 1):
                key = tuple(t.lower_ for t in ent[:size])
                kind = HEADS_BEFORE_NAME.get(key)
                if kind and len(ent) > size and ent[0].is_title and any(is_name_word(t.text) for t in ent[size:]):
                    if kind == "university" and not self.is_locative(doc, ent.start):
                        break  # "Rue de la Paix": a name may open with a particle
                    label = "LOC" if kind in PLACE_KINDS_BEFORE_NAME else "FAC"
                    out.append(Span(doc, ent.start, ent.end, label=label))
                    kinds[ent.start_char] = kind
                    break
        return out

    def names_before_acronyms(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "the Sudan Revolutionary Alliance (SRA)": a capitalised name whose initials spell the acronym
        after it is an organisation, whatever the model made of its words."""
        out = []
        for i in range(2, len(doc) - 1):
            acronym = doc[i].text
            if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not (acronym.isupper() and 2 <= len(acronym) <= 7):
                continue
            start, initials = i - 1, ""
            while start > 0 and len(initials) < len(acronym) and (doc[start - 1].is_title or
                                                                  doc[start - 1].lower_ in ("of", "for", "and", "the", "al")):
                start -= 1
                if doc[start].is_title:
                    initials = doc[start].text[0] + initials
            while start < i - 1 and not doc[start].is_title:
                start += 1
            letters = acronym.replace("-", "")
            if initials == letters and i - 1 - start >= 2:
                span = Span(doc, start, i - 1, label="ORG")
                if not any(e.start <= span.start and span.end <= e.end and e.ent_id_ for e in ents):
                    out.append(span)
        return out

    def places_after_place_nouns(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Names governed by "the city of", "the cities of X, Y and Z", "the capital of" become places."""
        out = self.listed_places(doc)
        for ent in ents:
            if ent.label_ in ("GPE", "LOC", "FAC") or ent.ent_id_ and ent.label_ != "NORP":
                continue
            j = ent.start - 1
            while j > 0 and (doc[j].text in (",", "and", "or") or doc[j].ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "NORP")):
                j -= 1
            if j > 0 and doc[j].lower_ == "of" and doc[j - 1].lower_ in PLACE_NOUNS:
                out.append(Span(doc, ent.start, ent.end, label="GPE"))
                continue
            k = ent.end  # "over Saratov and Bryansk oblasts", the model's organisation Saratov
            while k < len(doc) - 1 and (doc[k].text in (",", "and", "or")
                                        or doc[k].ent_type_ in ("GPE", "LOC", "ORG", "PERSON")):
                k += 1
            if k > ent.end and doc[k].lower_ in PLURAL_DIVISION_NOUNS:
                out.append(Span(doc, ent.start, ent.end, label="GPE"))
        return out

    def kind_from_place_noun(self, doc: Doc, ent: Span) -> str | None:
        """ "the city of Homs" (a town), "states such as California or Washington", "the provinces of Idlib and Hama",
        "the Mykolaiv and Odesa regions" (divisions): the kind the noun before or after a place name, or the list it
        is in, gives it. Never a country's ("the state of Israel")."""
        if ent.label_ not in ("GPE", "LOC") or normalize(ent.text) in self.lexicon.country_by_name:
            return None
        k = past_place_list(doc, ent.end, +1)  # "the Mykolaiv and Odesa regions", "Khost and Paktika provinces"
        if k < len(doc) and doc[k].lower_ in PLURAL_DIVISION_NOUNS:
            return "region"
        j = past_place_list(doc, ent.start - 1, -1)
        if j > 1 and doc[j].lower_ == "as" and doc[j - 1].lower_ == "such":
            j -= 1
        elif not (j > 0 and doc[j].lower_ in ("of", "like", "including")):
            return None
        return KIND_OF_PLACE_NOUN.get(doc[j - 1].lower_)

    def listed_places(self, doc: Doc) -> list[Span]:
        """Capitalised names the model missed in "the cities of X, Y and Z"."""
        out = []
        for i in range(1, len(doc) - 1):
            if doc[i].lower_ != "of" or doc[i - 1].lower_ not in PLACE_NOUNS:
                continue
            j = i + 1
            while j < len(doc):
                if doc[j].text in (",", "and", "or"):
                    j += 1
                    continue
                end = j
                while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                    end += 1
                if end == j:
                    break
                if not doc[j].ent_type_:
                    out.append(Span(doc, j, end, label="GPE"))
                j = end
        return out


def past_place_list(doc: Doc, k: int, step: int) -> int:
    """From token k, stepping by `step` (+1 or -1), the first token that is neither a place name nor a list's
    comma, "and" or "or" (stopping at the doc's first or last token)."""
    while 0 < k < len(doc) - 1 and (doc[k].text in (",", "and", "or") or doc[k].ent_type_ in ("GPE", "LOC")):
        k += step
    return k


@Language.factory("thuc_context_types")
def make_context_typer(nlp: Language, name: str) -> ContextTyper:
    return ContextTyper(get_lexicon())
