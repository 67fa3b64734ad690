"""`thuc_attribution`: who says what each sentence states, and how firmly.

Per sentence a `Claim`: the nearest named source (an entity id or a phrase such as "intelligence
reports"), the cue that signals it and the stance. Sources come from "according to X", reporting
verbs ("X said", "the report states"), quotations closed or opened by an attribution, talk
("channels are abuzz with discussions about") and hedges ("reportedly"). A sentence without its
own source takes the one of its paragraph's previous sentence, or failing that the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from thucydides.nlp.layout import layout_of
from thucydides.nlp.lexicon import normalize
from thucydides.nlp.reference import Antecedents, wanted

if not Doc.has_extension("thuc_claims"):
    Doc.set_extension("thuc_claims", default=None)
if not Doc.has_extension("thuc_outlet"):
    Doc.set_extension("thuc_outlet", default=None)

DETERMINERS = {"a", "an", "the", "some", "several", "many", "one", "two", "other", "various", "certain", "multiple"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
FLAT_TEXT_CARRY = 2


@dataclass(frozen=True)
class Claim:
    """Who says a sentence's content: `source` is an entity id, a phrase, or None (the outlet's own voice)."""

    source: str | None
    cue: str | None
    stance: str
    verb: int | None = None  # token index of the reporting verb, where there is one
    named: bool = False


ASSERTED = Claim(None, None, "asserted")


@lru_cache(maxsize=1)
def attribution_words() -> dict[str, set[str]]:
    data = yaml.safe_load(resources.files("thucydides.data").joinpath("attribution.yaml").read_text("utf-8"))
    return {key: set(value) for key, value in data.items()}


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character spans between opening and closing quotation marks (curly or straight); a quotation
    left open at the end of its paragraph (as multi-paragraph quotes are) ends there."""
    regions = []
    for m in re.finditer(r"\u201c[^\u201d\n]{20,}(?:\u201d|(?=\n)|$)|(?<![\w])\"[^\"\n]{20,}?\"", text):
        regions.append(m.span())
    return regions


BODY_HEADS = {"agency", "service", "group", "ministry", "office", "department", "authority", "movement", "militia",
              "organisation", "organization", "company", "monitor", "watchdog"}


class AttributionFinder:
    def __init__(self):
        from thucydides.nlp.triggers import get_trigger_lexicon

        self.words = attribution_words()
        self.event_nouns = set(get_trigger_lexicon().nouns)
        self.triggers = get_trigger_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        entity_at = entity_index(doc)
        self.names = {e.id: e.name for e in doc._.thuc_entities or ()}
        self.types = {e.id: e.type for e in doc._.thuc_entities or ()}
        self.mention_spans = [(s, t, e.id) for e in doc._.thuc_entities or () for s, t in e.mentions]
        self.antecedents = Antecedents(list(doc._.thuc_entities or ()))
        self.quotes = quoted_regions(doc.text)
        layout = layout_of(doc)
        sents = layout.sents
        own = [self.claim_of(doc, s, entity_at) for s in sents]
        named_history: list[str] = []
        for k, claim in enumerate(own):  # "the report states", "he said": the last named source
            if claim is not None and claim.source and claim.source.startswith("<anaphor>"):
                phrase = claim.source.removeprefix("<anaphor>") or None
                own[k] = Claim(named_history[-1] if named_history else phrase, claim.cue,
                               claim.stance if named_history or claim.stance != "reported" else "alleged", claim.verb,
                               bool(named_history))
            if own[k] is not None and own[k].named and own[k].source:
                named_history.append(own[k].source)
        own = self.spread_over_quotes(doc, sents, own)
        paragraphs = layout.paragraphs
        claims = list(own)
        # Text without line breaks (flattened articles) has no paragraphs to bound a carry-over: two sentences.
        reach = len(sents) if len(set(paragraphs)) > 1 or len(sents) <= 4 else FLAT_TEXT_CARRY
        carried = [0] * len(sents)
        own_voice = [self.person_speaks(s) for s in sents]  # "Lebanese President Joseph Aoun condemned ..."
        for k in range(len(sents)):
            if claims[k] is None and k > 0 and not own_voice[k] and paragraphs[k - 1] == paragraphs[k] and claims[k - 1] is not None \
                    and carried[k - 1] < reach and claims[k - 1].stance != "denied":
                claims[k], carried[k] = claims[k - 1], carried[k - 1] + 1
        for k in range(len(sents) - 1, -1, -1):
            if claims[k] is None and k + 1 < len(sents) and not own_voice[k] and paragraphs[k + 1] == paragraphs[k] \
                    and claims[k + 1] is not None \
                    and claims[k + 1].stance != "denied" \
                    and carried[k + 1] < min(reach, FLAT_TEXT_CARRY - 1 if reach == FLAT_TEXT_CARRY else reach):
                claims[k], carried[k] = claims[k + 1], carried[k + 1] + 1
        hedged = [self.hedge_of(s) for s in sents]
        doc._.thuc_claims = [self.with_hedge(c or ASSERTED, h) for c, h in zip(claims, hedged)]
        return doc

    # ---- one sentence --------------------------------------------------------------------------------
    def person_speaks(self, sent: Span) -> bool:
        """The sentence's main verb is a statement (condemn, warn, demand, vow) by a person the report names: it is
        told in the report's own voice, not carried over from the claim around it ("Lebanese President Joseph Aoun
        condemned the strikes"; not "Col. X has been summoned to Moscow", which the next sentence's source tells)."""
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or not self.triggers.is_statement(sent.root.lower_):
            return False
        return any(self.types.get(e) == "PERSON" for s, t, e in self.mention_spans if s <= subject.idx < t)

    def claim_of(self, doc: Doc, sent: Span, entity_at) -> Claim | None:
        found = [c for c in (self.according_to(doc, sent, entity_at), *self.reporting(doc, sent, entity_at),
                             self.rumor(doc, sent, entity_at)) if c is not None]
        if not found:
            return None
        outlet = normalize(doc._.thuc_outlet or "")
        outside = [c for c in found if c.verb is None or not any(a <= doc[c.verb].idx < b for a, b in self.quotes)]
        found = outside or found
        inner = [c for c in found if c.source and normalize(self.names.get(c.source, c.source)) != outlet]
        rumored = [c for c in found if c.stance == "rumored"]
        return (rumored or inner or found)[0]

    def according_to(self, doc: Doc, sent: Span, entity_at) -> Claim | None:
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
                obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                return self.claim_from_phrase(doc, obj, "according to", t.i, entity_at)
        return None

    def reporting(self, doc: Doc, sent: Span, entity_at) -> list[Claim]:
        out = []
        for t in sent:
            if t.lower_ not in self.words["reporting_verbs"] or not t.tag_.startswith("VB"):
                continue
            if t.lower_ not in self.words["plain_reporting_verbs"] and not self.introduces_claim(doc, t):
                continue  # "The Kremlin dismissed Kiselyov": not a denial
            subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
            before = [c for c in subjects if c.i < t.i]
            subject = before[-1] if before else (subjects[0] if subjects else None)  # the nearest: "..., state media reported"
            if subject is None:
                named = self.entity_ending_before(doc, t, sent)
                if named is not None:  # ", the Syrian Observatory for Human Rights said" parsed without a subject
                    out.append(self.with_verb_stance(Claim(named, t.lower_, "reported", t.i, True), t))
                    continue
                subject = self.subject_before(doc, t, sent)
            if subject is None or subject.dep_ == "nsubjpass" and t.lower_ in ("said", "reported", "believed"):
                continue  # "is said to", "was reported": hedges, read elsewhere
            if subject.dep_ == "nsubjpass":  # "soldiers were accused by residents of ...": the residents say so
                subject = next((o for a in t.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
                if subject is None:
                    continue
            claim = self.claim_from_phrase(doc, subject, t.lower_, t.i, entity_at)
            if claim is None:
                continue
            out.append(self.with_verb_stance(claim, t))
        return out

    def with_verb_stance(self, claim: Claim, verb: Token) -> Claim:
        if verb.lower_ in self.words["accusation_verbs"]:
            return Claim(claim.source, verb.lower_, "alleged", verb.i, claim.named)  # an accusation is an allegation
        if verb.lower_ in self.words["denial_verbs"]:
            return Claim(claim.source, verb.lower_, "denied", verb.i, claim.named)
        if verb.lower_ in self.words["acknowledgement_verbs"]:
            return Claim(claim.source, verb.lower_, "acknowledged", verb.i, claim.named)
        return claim

    def entity_ending_before(self, doc: Doc, verb: Token, sent: Span) -> str | None:
        """The named entity whose mention ends right before a subjectless reporting verb."""
        k = verb.i - 1
        if k < sent.start or doc[k].is_punct:
            return None
        end = doc[k].idx + len(doc[k])
        found = [(s, e) for s, t, e in self.mention_spans if t == end and s >= sent.start_char]
        return min(found)[1] if found else None

    def introduces_claim(self, doc: Doc, verb: Token) -> bool:
        """A verb that can also mean something else reports only with a clause, a claim noun or a closing position."""
        if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return True
        if verb.lower_ in self.words["accusation_verbs"] and any(
                t.lower_ == "of" and any(c.dep_ == "pcomp" for c in t.children) for t in verb.subtree):
            return True  # "accused the RSF of killing civilians": the killing is their claim
        if any(c.dep_ == "dobj" and (c.lower_ in self.words["carrier_nouns"] or c.lower_ in self.words["claim_nouns"]
                                     or (c.lower_,) in self.event_nouns) for c in verb.children):
            return True  # "confirmed the report", "confirmed heavy losses"
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        return verb.i > 1 and doc[verb.i - 2].text == "," and (after is None or after.is_punct)

    @staticmethod
    def subject_before(doc: Doc, verb: Token, sent: Span) -> Token | None:
        """ ", Ukraine's HUR reported on Monday": a name right before the verb when the parse lost the subject."""
        k = verb.i - 1
        if k - 1 >= sent.start and doc[k].text == "," and doc[k - 1].pos_ == "PROPN":
            k -= 1  # "..., the governor of Donetsk Oblast, Vadym Filashkin, said": the name before the comma
        if k >= sent.start and (doc[k].ent_type_ or doc[k].pos_ in ("PROPN", "NOUN")) and doc[k].text != ")":
            return doc[k]
        if k >= sent.start and doc[k].text == ")" and k - 1 >= sent.start:
            return doc[k - 1]
        return None

    def rumor(self, doc: Doc, sent: Span, entity_at) -> Claim | None:
        for t in sent:
            if t.lower_ in self.words["rumor_words"]:
                head = t if t.pos_ in ("VERB", "AUX") else t.head
                while head.dep_ in ("acomp", "prep", "pobj", "dobj", "attr") and head.head.i != head.i:
                    head = head.head
                subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None and subject.pos_ != "PRON":
                    claim = self.claim_from_phrase(doc, subject, t.lower_, head.i, entity_at)
                    if claim is not None:
                        return Claim(claim.source, t.lower_, "rumored", head.i, claim.named)
                return Claim("social media" if "media" in sent.text.lower() else None, t.lower_, "rumored", t.i)
        return None

    def claim_from_phrase(self, doc: Doc, head: Token, cue: str, verb: int, entity_at) -> Claim | None:
        """A source named by the phrase headed by `head`: an entity, a phrase, or an anaphor to resolve."""
        words = self.words
        if head.lower_ in words["carrier_nouns"]:
            inner = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "from", "by", "in")), None)
            obj = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner is not None else None
            if obj is not None and not any(t.ent_type_ for t in head.subtree if t.i < head.i):
                head = obj
        cut_deps = ("relcl", "acl", "appos", "pcomp")  # "residents of executing civilians": the deed is no source's
        tokens = [t for t in head.subtree if (t.i == head.i or t.dep_ not in cut_deps) and not any(
            a.dep_ in cut_deps and a.i != head.i and a in head.subtree for a in t.ancestors if a.i != head.i)]
        while len(tokens) > 1 and tokens[-1].lower_ in ("of", "for"):
            tokens.pop()
        tokens = [t for t in tokens if t.i >= head.left_edge.i]
        cut = next((k for k, t in enumerate(tokens) if t.text in (",", "(") and k > 0), None)
        tokens = tokens[:cut] if cut is not None else tokens  # "JNIM, the al-Qaeda affiliate, ...": the name
        while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if not tokens:
            return None
        if head.lower_ in words["outlet_staff"]:
            return Claim(None, cue, "asserted", verb)  # "the reporter said": the outlet's own voice
        named = self.named_in_phrase(doc, head, tokens, entity_at)
        if named is not None:  # "regional governor Serhiy Lysak", "a spokesman for the army, Nabil Abdallah"
            return Claim(named, cue, "reported", verb, named=True)
        if head.pos_ == "PRON" or (head.lower_ in words["anaphors"] and len(tokens) == 1) or (
                head.lower_ in words["anaphors"] and tokens[0].i == head.i and head.pos_ == "NOUN"):
            if wanted(head.lower_) is not None and head.lower_ not in ("it", "they"):
                found = self.antecedents.before(head.idx, head.lower_)
                if found is not None:
                    return Claim(found.id, cue, "reported", verb, named=not found.generic)
            if head.lower_ in ("it", "they") and cue in ("reported", "said"):
                return None
            phrase = "" if head.pos_ == "PRON" else doc[tokens[0].i:tokens[-1].i + 1].text
            return Claim("<anaphor>" + phrase, cue, "reported", verb)
        entity = entity_at(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if entity is None and appos is not None:  # "the head of X, Col. Gen. Name"
            entity = entity_at(appos.left_edge.idx, appos.idx + len(appos))
        if entity is not None:
            return Claim(entity, cue, "reported", verb, named=True)
        text = doc[tokens[0].i:tokens[-1].i + 1].text
        unnamed = head.lower_ in words["unnamed_sources"] or not any(
            t.pos_ == "PROPN" or t.text.isupper() and len(t.text) > 1 for t in tokens)
        return Claim(text, cue, "alleged" if unnamed else "reported", verb, named=not unnamed)

    def named_in_phrase(self, doc: Doc, head: Token, tokens: list[Token], entity_at) -> str | None:
        """The entity a source phrase ends with, its head included ("army spokesman Nabil Abdallah", "the U.N.
        mission MONUSCO"), or the person in apposition to a title ("the army spokesman, Gen. Sylvain Ekenge")."""
        end = tokens[-1].idx + len(tokens[-1])
        for token in tokens:
            if token.i > head.i:
                break
            found = entity_at(token.idx, end)
            if found is not None:
                return found
        if head.i > tokens[0].i and head.lower_ in BODY_HEADS:  # "the Civil Defence agency": the Civil Defence
            before = doc[head.i - 1]
            for token in tokens:
                if token.i >= head.i:
                    break
                found = entity_at(token.idx, before.idx + len(before))
                if found is not None and self.types.get(found) == "ORGANIZATION":
                    return found
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from") and head.pos_ == "NOUN"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):  # "Tuareg separatists of the CSP-DPA"
                found = next((e for s, t, e in self.mention_spans if s <= obj.idx < t), None)
                if found is not None and self.types.get(found) == "ORGANIZATION":
                    return found
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if appos is not None:  # "the army spokesman, Gen. Sylvain Ekenge", "..., the Syrian Observatory for Human Rights"
            found = next((e for s, t, e in self.mention_spans if s <= appos.idx < t), None)
            if found is not None and self.types.get(found) in ("PERSON", "ORGANIZATION"):
                return found
        return None

    # ---- quotations, hedges ----------------------------------------------------------------------------
    def spread_over_quotes(self, doc: Doc, sents: list[Span], own: list[Claim | None]) -> list[Claim | None]:
        """Every sentence of a quotation takes the source that opens or closes it."""
        out = list(own)
        for start, end in self.quotes:
            inside = [k for k, s in enumerate(sents) if s.start_char < end and s.end_char > start]
            sources = [own[k] for k in inside if own[k] is not None and own[k].verb is not None
                       and not start <= doc[own[k].verb].idx < end]
            if not sources:
                continue
            claim = sources[-1]
            for k in inside:
                if out[k] is None or out[k].stance == "acknowledged":
                    out[k] = claim
        return out

    def hedge_of(self, sent: Span) -> str | None:
        lower = sent.text.lower()
        for word in self.words["hedges"]:
            if re.search(rf"\b{word}\b", lower):
                return word
        for phrase in self.words["hedge_phrases"]:
            if phrase in lower:
                return phrase
        return None

    @staticmethod
    def with_hedge(claim: Claim, hedge: str | None) -> Claim:
        if hedge is None or claim.stance in ("rumored", "denied"):
            return claim
        if claim.source is None or claim.stance == "reported" and not claim.named:
            return Claim(claim.source, claim.cue or hedge, "alleged", claim.verb, claim.named)
        return claim


def entity_index(doc: Doc):
    """A lookup (start_char, end_char) -> entity id for spans that are one entity mention (the whole
    span, or all but a leading owner: "Ukraine's HUR")."""
    spans = {}
    for entity in doc._.thuc_entities or ():
        for start, end in entity.mentions:
            spans[(start, end)] = entity.id
    by_end = {}
    text = doc.text
    for (start, end), eid in spans.items():
        by_end.setdefault(end, []).append((start, eid))

    def lookup(start: int, end: int) -> str | None:
        if (start, end) in spans:
            return spans[(start, end)]
        for mention_start, eid in by_end.get(end, []):
            if mention_start >= start and (mention_start - start) < 30:
                gap = text[start:mention_start]
                if re.fullmatch(r"(?:[\w.\- ]+(?:'s|\u2019s)\s*)?|(?:the\s+)", gap, flags=re.I):
                    return eid
        return None
    return lookup


@Language.factory("thuc_attribution")
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder()
