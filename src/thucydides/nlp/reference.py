"""Pronouns and definite descriptions that point back to an entity named earlier ("he", "the group")."""
from __future__ import annotations

from bisect import bisect_right

from thucydides.model import Entity

PERSON_WORDS = {"he", "she", "him", "her", "his", "spokesman", "spokeswoman", "spokesperson", "official", "commander",
                "minister", "president", "general"}
GROUP_WORDS = {"group", "militants", "movement", "organization", "organisation", "militia", "faction", "rebels",
               "insurgents", "jihadists", "fighters"}
MILITARY_WORDS = {"army", "military", "command", "forces"}
INSTITUTION_WORDS = {"it", "its", "ministry", "agency", "directorate", "service",
                     "government", "administration", "authorities", "department", "office", "kremlin", "pentagon"}
PLURAL_WORDS = {"they", "them", "their"}
PRONOUNS = {"he", "she", "him", "her", "his", "it", "its"} | PLURAL_WORDS


def wanted(word: str):
    """What an anaphor can refer to, as a test on entities; None when the word is no anaphor."""
    word = word.lower()
    if word in PERSON_WORDS:
        return lambda e: e.type == "PERSON"
    if word in GROUP_WORDS:
        return lambda e: e.type == "ORGANIZATION" and e.kind == "armed_group"
    if word in MILITARY_WORDS:
        return lambda e: e.type == "ORGANIZATION" and e.kind in ("military", "unit")
    if word in ("it", "its"):
        return lambda e: e.type == "ORGANIZATION" and e.kind != "media" and (not e.generic or e.kind == "military")
    if word in INSTITUTION_WORDS:
        return lambda e: e.type == "ORGANIZATION" and not e.generic and e.kind != "media"
    if word in PLURAL_WORDS:
        return lambda e: e.type == "ORGANIZATION" and e.kind != "media"
    return None


class Antecedents:
    """Finds the last entity mentioned before a position that an anaphor can refer to."""

    def __init__(self, entities: list[Entity]):
        mentions = sorted((start, end, e) for e in entities for start, end in e.mentions)
        self.ends = [m[1] for m in mentions]
        self.mentions = mentions
        order = sorted(range(len(mentions)), key=lambda k: mentions[k][1])
        self.by_end = [mentions[k] for k in order]
        self.end_keys = [mentions[k][1] for k in order]

    def before(self, position: int, word: str, window: int = 1500, prefer=None) -> Entity | None:
        """The nearest fitting entity before `position`; with `prefer`, the nearest that also passes it
        when there is one in the window."""
        test = wanted(word)
        if test is None:
            return None
        if prefer is None and word.lower() not in PRONOUNS:  # "the ministry said": the health ministry before Hezbollah
            prefer = lambda e: any(word.lower() in n.lower().split() for n in (e.name, *e.aliases))  # noqa: E731
        k = bisect_right(self.end_keys, position)
        fallback = None
        for start, end, entity in reversed(self.by_end[:k]):
            if position - end > window:
                break
            if test(entity):
                if prefer is None or prefer(entity):
                    return entity
                fallback = fallback or entity
        return fallback
