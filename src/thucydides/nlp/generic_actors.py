"""`thuc_generic_actors`: finds actors without a proper name ("Russian troops", "rebels", "HUR units").

Each mention gets a category (military, government_forces, opposition, ...) and, where the words
around it say so, a side: a demonym, country, capital or epithet before it ("Moscow troops",
"the aggressor state's contingent"), "of X" after it, "loyal to X", or the conjunct it shares a
side with ("Russian military personnel and diplomats").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.nlp.lexicon import Lexicon, get_lexicon

MAX_NOUN_TOKENS = 3
MAX_MODIFIERS = 4
MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "NUM"}
SHARE_SIDE = {"military", "diplomats", "officials"}  # "Russian military personnel and diplomats"
PLATFORMS = {"bulldozers", "bulldozer", "jets", "warplanes", "helicopters", "gunships", "tanks", "drones", "aircraft",
             "artillery", "snipers", "patrols", "patrol", "boats", "warships", "units", "convoy", "convoys"}
GOVERNMENT_WORDS = {"government", "regime", "junta", "pro-government", "state", "federal"}
ARMED_EVENT_TYPES = {"ATTACK", "BATTLE", "OFFENSIVE", "VIOLENCE_AGAINST_CIVILIANS"}

if not Doc.has_extension("thuc_generic"):
    Doc.set_extension("thuc_generic", default=None)


@dataclass
class GenericMention:
    """One generic actor mention; `side_org` is the start of an organisation mention that gives its side."""

    start: int
    end: int
    text: str
    category: str
    country: str | None = None
    side_org: int | None = None
    side_person: int | None = None
    pro: bool = False
    head: int = -1


class GenericActorFinder:
    def __init__(self, lexicon: Lexicon):
        from thucydides.nlp.triggers import get_trigger_lexicon

        self.lexicon = lexicon
        self.nouns: dict[tuple[str, ...], str] = {}
        for category, spec in lexicon.generic["categories"].items():
            for noun in spec["nouns"]:
                self.nouns[tuple(noun.lower().replace("-", " - ").split())] = category
        self.armed_nouns = {key[0] for key, trigger in get_trigger_lexicon().nouns.items()
                            if len(key) == 1 and trigger.type in ARMED_EVENT_TYPES}

    def noun_at(self, doc: Doc, i: int) -> tuple[int, str | None]:
        for size in range(MAX_NOUN_TOKENS, 0, -1):
            key = tuple(t.lower_ for t in doc[i:i + size])
            if len(key) == size and key in self.nouns:
                return i + size, self.nouns[key]
        return i, None

    def side_of_tokens(self, tokens: list) -> str | None:
        """The first country that a word ("Russian", "Moscow") or two ("aggressor state") in `tokens` stands for."""
        for k, token in enumerate(tokens):
            if k + 1 < len(tokens):
                pair = f"{token.text} {tokens[k + 1].text}"
                found = self.lexicon.country_of_word(pair) if token.text[:1].isupper() else \
                    self.lexicon.generic.get("country_epithets", {}).get(pair.lower())
                if found:
                    return found
            if token.text[:1].isupper():
                found = self.lexicon.country_of_word(token.text)
                if found:
                    return found
        return None

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[GenericMention] = []
        i = 0
        while i < len(doc):
            end, category = self.noun_at(doc, i)
            if not category or doc[i].ent_type_ in ("ORG", "PERSON", "FAC", "GPE", "LOC"):
                i += 1  # "army" inside "Syrian Arab Army" belongs to that name
                continue
            if end < len(doc) and doc[end].lower_ in PLATFORMS:
                end += 1  # "army bulldozers", "army helicopters": the army acting through them
            elif end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and not self.noun_at(doc, end)[1] \
                    and not (doc[end - 1].dep_ in ("nsubj", "nsubjpass") and doc[end - 1].head.i == end):
                i = end  # "military equipment": the noun only modifies another (not "the army retook", "retook" read
                continue  # as a noun)
            mentions.append(self.mention(doc, i, end, category))
            i = end
        mentions += self.sides_of_armed_nouns(doc, mentions)
        by_head = {m.head: m for m in mentions}
        for m in mentions:
            head = doc[m.head]
            other = by_head.get(head.head.i) if head.dep_ == "conj" else None
            if other is not None and m.country is None and (
                    m.side_org is None and other.category == m.category or {m.category, other.category} <= SHARE_SIDE):
                m.country, m.side_org = other.country, other.side_org
        doc._.thuc_generic = mentions
        return doc

    def sides_of_armed_nouns(self, doc: Doc, mentions: list[GenericMention]) -> list[GenericMention]:
        """ "Russian shelling", "an Israeli airstrike", "Israeli air strikes": the nationality before an armed event noun
        (and the common nouns that name its kind) is that side's forces acting, a mention of its own."""
        taken = {t.i for m in mentions for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
        out = []
        for token in doc:
            head = token.head
            while head.dep_ == "compound" and head.is_lower and head.head.i > head.i:
                head = head.head  # "Russian drone strikes": the strikes, not the drone
            between = doc[token.i + 1:head.i] if head.i > token.i else None  # "Israeli air strikes", "Russian drone attack"
            if token.i in taken or token.dep_ not in ("amod", "compound", "nmod") or between is None or len(between) > 2 \
                    or any(not (t.is_lower and t.dep_ in ("amod", "compound") and token.i < t.head.i <= head.i)
                           for t in between) \
                    or head.lower_ not in self.armed_nouns or not token.text[:1].isupper() \
                    or token.ent_type_ in ("ORG", "PERSON", "FAC", "GPE", "LOC"):
                continue
            country = self.lexicon.country_of_word(token.text)
            if country:
                out.append(GenericMention(token.idx, token.idx + len(token), token.text, "military", country=country,
                                          head=token.i))
        return out

    def mention(self, doc: Doc, i: int, end: int, category: str) -> GenericMention:
        start = i
        while start > 0 and i - start < MAX_MODIFIERS:
            prev = doc[start - 1]
            if prev.text in ("'s", "\u2019s", "-", "pro") or prev.pos_ in MODIFIER_POS or prev.ent_type_ in ("NORP", "GPE", "ORG"):
                if prev.pos_ == "NUM" or prev.lower_ in ("some", "many", "several"):
                    break
                start -= 1
            else:
                break
        while start < i and (doc[start].text in ("'s", "\u2019s", "-") or doc[start].pos_ == "NUM"):
            start += 1
        modifiers = list(doc[start:i])
        if category == "military" and any(t.lower_ in GOVERNMENT_WORDS for t in modifiers):
            category = "government_forces"
        m = GenericMention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), doc[start:end].text, category,
                           head=end - 1)
        m.pro = any(t.lower_ == "pro" for t in modifiers) or doc[start].lower_.startswith("pro-")
        if not m.pro:
            m.country = self.side_of_tokens(modifiers)
        if m.country is None:
            orgs = [t for t in modifiers if t.ent_type_ == "ORG"]
            if orgs:
                m.side_org = next((e.start_char for e in doc.ents if e.start <= orgs[0].i < e.end), None)
        if m.country is None and m.side_org is None:
            self.side_after(doc, end, m)
        return m

    def side_after(self, doc: Doc, end: int, m: GenericMention) -> None:
        """ "units of the aggressor state", "forces loyal to Bashar al-Assad" """
        after = list(doc[end:end + 6])
        words = [t.lower_ for t in after]
        if words[:2] == ["loyal", "to"] or words[:1] == ["of"]:
            rest = after[2:] if words[0] == "loyal" else after[1:]
            rest = [t for t in rest if t.lower_ != "the"][:3]
            m.country = self.side_of_tokens(rest)
            if m.country is None and rest:
                ent = next((e for e in doc.ents if e.start <= rest[0].i < e.end), None)
                if ent is not None and ent.label_ == "PERSON":
                    m.side_person = ent.start_char
                elif ent is not None and ent.label_ == "ORG":
                    m.side_org = ent.start_char


@Language.factory("thuc_generic_actors")
def make_generic_actor_finder(nlp: Language, name: str) -> GenericActorFinder:
    return GenericActorFinder(get_lexicon())
