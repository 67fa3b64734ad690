"""`thuc_lexicon_ruler`: an EntityRuler, placed before `ner`, that marks every lexicon name it finds."""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler

from thucydides.nlp.lexicon import Lexicon, apostrophe_variants, get_lexicon

SPACY_LABEL = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "FACILITY": "FAC"}
MIN_SINGLE_NAME = 5  # a one-word person alias shorter than this ("Xi") is too ambiguous to match alone


def spacy_label(entry_type: str, kind: str | None) -> str:
    if entry_type == "LOCATION":
        return "LOC" if kind in ("region", "landmark") else "GPE"
    return SPACY_LABEL[entry_type]


def lexicon_patterns(lexicon: Lexicon) -> list[dict]:
    """Phrase patterns for every name and alias, each tagged with its entry id."""
    patterns = []
    for entry in lexicon.entries.values():
        label = spacy_label(entry.type, entry.kind)
        for name in entry.names:
            if entry.type == "PERSON" and " " not in name and len(name) < MIN_SINGLE_NAME:
                continue
            name = name[4:] if name[:4] in ("The ", "the ") else name
            for variant in apostrophe_variants(name):
                patterns.append({"label": label, "pattern": variant, "id": entry.id})
    return patterns


@Language.factory("thuc_lexicon_ruler", default_config={"overwrite_ents": False})
def make_lexicon_ruler(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """Build the ruler with the packaged lexicons; put it before `ner` so the model works around it."""
    ruler = EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents, phrase_matcher_attr="ORTH")
    ruler.add_patterns(lexicon_patterns(get_lexicon()))
    return ruler
