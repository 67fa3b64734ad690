"""`thuc_person_names`: people whose given name or surname is a place the lexicon knows ("Jordan Bardella", "Chad
Smith", "Denzel Washington"), which the lexicon ruler had marked as that place before the model could read the name.

A lexicon place that is itself a given name, followed by a capitalised proper noun that no name covers, is a person;
so is a one-word lexicon place right after a capitalised given name that no name covers. Longer lexicon names
("Jordan River", "Israel Defense Forces") are matched whole by the ruler and never reach this.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from thucydides.nlp.context_types import HEAD_WORDS
from thucydides.nlp.lexicon import get_lexicon, normalize
from thucydides.nlp.titles import NOT_A_NAME

PLACE_LABELS = ("GPE", "LOC")
NOT_A_SURNAME = NOT_A_NAME | {"tech", "state", "times", "today", "airways", "airlines", "post", "news", "national",
                              "international", "gate", "city", "republic", "kingdom", "government", "police",
                              "embassy", "hayom", "daily", "herald", "tribune", "telegraph"}  # "Georgia Tech"
# Lexicon places that are also given names (our given-name list leaves place names out: "Beryl" yes, "Jordan" no)
PLACES_THAT_ARE_GIVEN_NAMES = frozenset({"jordan", "chad", "israel", "georgia", "india", "cuba", "kenya", "paris",
                                         "florence", "victoria", "sydney", "austin", "lincoln", "dallas", "houston"})


class PersonNameFinder:
    """Turns a lexicon place and the name beside it into one PERSON span."""

    def __init__(self, given_names: frozenset[str]):
        self.given_names = given_names

    def __call__(self, doc: Doc) -> Doc:
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        person_at = {e.start: e for e in doc.ents if e.label_ == "PERSON" and not e.ent_id_}
        people = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or not ent.ent_id_ or len(ent) != 1:
                continue
            given = normalize(ent.text) in PLACES_THAT_ARE_GIVEN_NAMES
            if given and ent.end in person_at:  # "Chad" + the model's "Smith"
                people.append(Span(doc, ent.start, person_at[ent.end].end, label="PERSON"))
            elif given and self.surname_at(doc, ent.end, covered):
                people.append(Span(doc, ent.start, ent.end + 1, label="PERSON"))  # "Jordan Bardella"
            elif ent.start > 0 and self.given_name_at(doc, ent.start - 1, covered):
                people.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))  # "Denzel Washington"
        if people:
            taken = {i for p in people for i in range(p.start, p.end)}
            doc.ents = filter_spans(people + [e for e in doc.ents if not taken & set(range(e.start, e.end))])
            for i in taken:
                doc[i].ent_id_ = ""  # the person is no longer the lexicon's place
        return doc

    @staticmethod
    def surname_at(doc: Doc, i: int, covered: set[int]) -> bool:
        """A capitalised proper noun at token i that no name covers and that heads nothing ("Smith", not "River" or
        "Tech")."""
        return i < len(doc) and i not in covered and doc[i].pos_ == "PROPN" and doc[i].is_title \
            and doc[i].lower_ not in HEAD_WORDS | NOT_A_SURNAME and (i + 1 >= len(doc) or not doc[i + 1].is_title)

    def given_name_at(self, doc: Doc, i: int, covered: set[int]) -> bool:
        """A capitalised given name at token i that no name covers and no other capitalised word precedes."""
        return i not in covered and doc[i].pos_ == "PROPN" and doc[i].is_title \
            and normalize(doc[i].text) in self.given_names and (i == 0 or not doc[i - 1].is_title)


@Language.factory("thuc_person_names")
def make_person_name_finder(nlp: Language, name: str) -> PersonNameFinder:
    return PersonNameFinder(get_lexicon().given_names)
