"""`thuc_home_country`: institutions named without a nationality ("the Air Force", "the Health Ministry",
"police") belong to the country the report's places lie in, when one country clearly dominates them.

Runs after the geocoder, which knows the country of every place; an institution the lexicon or the text
gives a side keeps it."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.nlp.lexicon import normalize

INSTITUTIONS = re.compile(
    r"(?:^|\s)(?:air force|navy|army|military|armed forces|general staff|ministry(?: of [a-z ]+)?|[a-z]+ ministry|"
    r"police|national guard|border guards?|civil defen[sc]e|emergency services?|state emergency service|"
    r"prosecutor(?:'s office| general)?|parliament|presidency|president's office|cabinet|government|"
    r"security service|health authorities|authorities|coast guard|air defen[sc]e forces?)$")
MIN_PLACE_MENTIONS = 3
MIN_LEAD = 1.5  # the country's place mentions outnumber the next country's by half again


def dominant_country(entities) -> str | None:
    """The country the report's place mentions lie in most, when it clearly leads."""
    votes: Counter = Counter()
    for e in entities:
        if e.type in ("LOCATION", "FACILITY") and (e.geo is not None and e.geo.country or e.country):
            votes[e.geo.country if e.geo is not None and e.geo.country else e.country] += len(e.mentions)
    return leading_country(votes)


def leading_country(votes: Counter) -> str | None:
    """The country with the most place mentions, when it has three and half again the next one's."""
    if not votes:
        return None
    ranked = votes.most_common(2)
    country, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return country if n >= MIN_PLACE_MENTIONS and n >= MIN_LEAD * runner_up else None


class HomeCountry:
    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc._.thuc_entities or ())
        home = dominant_country(entities)
        if home is None:
            return doc
        doc._.thuc_entities = [replace(e, country=home) if e.type == "ORGANIZATION" and e.country is None
                               and INSTITUTIONS.search(normalize(e.name)) else e for e in entities]
        return doc


@Language.factory("thuc_home_country")
def make_home_country(nlp: Language, name: str) -> HomeCountry:
    return HomeCountry()
