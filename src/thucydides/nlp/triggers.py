"""The trigger lexicon: which words state which event type (data/event_triggers.yaml).

Verbs are matched by their inflected forms (generated from the base form, plus irregular forms
listed in the data), nouns and phrases by their lower-case tokens.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

VOWELS = "aeiou"
DOUBLING = {"ambush": False, "target": False, "visit": False, "offer": False}


def inflections(base: str) -> set[str]:
    """Regular English forms of a verb: base, -s, -ed, -ing."""
    forms = {base}
    if base.endswith("e") and not base.endswith("ee"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("ee"):
        forms |= {base + "s", base + "d", base + "ing"}
    elif base.endswith("y") and base[-2:-1] not in VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        short = len(base) <= 4 and base[-1] not in "wxy" + VOWELS and base[-2] in VOWELS and base[-3:-2] not in VOWELS
        if short and DOUBLING.get(base, True):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class Trigger:
    type: str
    lemma: str
    pos: str  # "verb", "noun" or "phrase"
    size: int = 1


@dataclass
class TriggerLexicon:
    verbs: dict[str, Trigger] = field(default_factory=dict)
    nouns: dict[tuple[str, ...], Trigger] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], Trigger] = field(default_factory=dict)
    particles: dict[str, set[str]] = field(default_factory=dict)
    subject_is_target: set[str] = field(default_factory=set)
    noun_of_is_actor: set[str] = field(default_factory=set)
    subtypes: dict[str, str] = field(default_factory=dict)
    light_actor: set[str] = field(default_factory=set)
    light_target: set[str] = field(default_factory=set)
    light_occurrence: set[str] = field(default_factory=set)
    light_forms: dict[str, str] = field(default_factory=dict)
    civilian_words: set[str] = field(default_factory=set)
    not_triggers: set[str] = field(default_factory=set)
    background_preps: set[str] = field(default_factory=set)
    irrealis_heads: set[str] = field(default_factory=set)
    labour_words: set[str] = field(default_factory=set)
    aid_objects: set[str] = field(default_factory=set)
    armed_context: set[str] = field(default_factory=set)
    needs_armed_context: set[str] = field(default_factory=set)
    needs_protesters: set[str] = field(default_factory=set)
    protester_words: set[str] = field(default_factory=set)
    mapping: dict[str, dict] = field(default_factory=dict)
    max_noun: int = 1
    max_phrase: int = 1

    def noun_at(self, words: list[str], i: int) -> Trigger | None:
        return longest_at(self.nouns, self.max_noun, words, i, 1)

    def phrase_at(self, words: list[str], i: int) -> Trigger | None:
        return longest_at(self.phrases, self.max_phrase, words, i, 2)

    def light_kind(self, form: str) -> str | None:
        return self.light_forms.get(form)

    def is_statement(self, form: str) -> bool:
        """A verb form of saying something of an event ("condemned", "blamed", "warned")."""
        trigger = self.verbs.get(form)
        return trigger is not None and trigger.type == "STATEMENT"


def longest_at(table: dict[tuple[str, ...], Trigger], longest: int, words: list[str], i: int, shortest: int) -> Trigger | None:
    """The longest entry of `table` that the words starting at `i` spell, of at least `shortest` words."""
    for size in range(min(longest, len(words) - i), shortest - 1, -1):
        found = table.get(tuple(words[i:i + size]))
        if found:
            return found
    return None


def forms_of(entry: str) -> set[str]:
    """Every form of a verb written as in our data files: "go|went|gone", "fire" (its regular forms, and the
    irregular ones after the bars)."""
    base, *irregular = entry.split("|")
    return inflections(base) | set(irregular)


def load_trigger_lexicon(text: str) -> TriggerLexicon:
    data = yaml.safe_load(text)
    lex = TriggerLexicon()
    for type_, spec in data["types"].items():
        lex.mapping[type_] = {"acled": spec.get("acled"), "plover": spec.get("plover")}
        for entry in spec.get("verbs", []):
            for form in forms_of(entry):
                lex.verbs.setdefault(form, Trigger(type_, entry.split("|")[0], "verb"))
        for noun in spec.get("nouns", []):
            words = tuple(noun.lower().replace("-", " - ").split()) if " " in noun else (noun.lower(),)
            lex.nouns.setdefault(words, Trigger(type_, noun.lower(), "noun", len(words)))
        for phrase in spec.get("phrases", []):
            words = tuple(phrase.lower().split())
            lex.phrases[words] = Trigger(type_, phrase.lower(), "phrase", len(words))
        for verb, parts in (spec.get("particles") or {}).items():
            lex.particles[verb] = set(parts)
        lex.subject_is_target |= set(spec.get("subject_is_target", []))
        lex.noun_of_is_actor |= set(spec.get("noun_of_is_actor", []))
        lex.subtypes.update(spec.get("subtypes") or {})
    light = data["light_verbs"]
    lex.light_actor, lex.light_target, lex.light_occurrence = (set(light["actor_subject"]), set(light["target_subject"]),
                                                                set(light["occurrence"]))
    irregular = {"take": {"took", "taken"}, "make": {"made"}, "begin": {"began", "begun"}, "break": {"broke", "broken"},
                 "hold": {"held"}, "lead": {"led"}, "give": {"gave", "given"}, "get": {"got", "gotten"},
                 "undergo": {"underwent", "undergone"}, "step": {"stepped", "stepping"}}
    for kind, verbs in (("occurrence", lex.light_occurrence), ("target", lex.light_target), ("actor", lex.light_actor)):
        for base in verbs:
            for form in inflections(base) | irregular.get(base, set()):
                lex.light_forms[form] = kind
    lex.civilian_words = set(data.get("civilian_words", []))
    lex.not_triggers = set(data.get("not_triggers", []))
    lex.background_preps = set(data.get("background_preps", []))
    lex.irrealis_heads = set(data.get("irrealis_heads", []))
    lex.labour_words = set(data.get("labour_words", []))
    lex.aid_objects = set(data.get("aid_objects", []))
    lex.armed_context = set(data.get("armed_context", []))
    lex.needs_armed_context = set(data.get("needs_armed_context", []))
    lex.needs_protesters = set(data.get("needs_protesters", []))
    lex.protester_words = set(data.get("protester_words", []))
    lex.max_noun = max((len(k) for k in lex.nouns), default=1)
    lex.max_phrase = max((len(k) for k in lex.phrases), default=1)
    return lex


@lru_cache(maxsize=1)
def get_trigger_lexicon() -> TriggerLexicon:
    return load_trigger_lexicon(resources.files("thucydides.data").joinpath("event_triggers.yaml").read_text("utf-8"))
