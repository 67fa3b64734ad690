"""When an event happened: the time expression of its clause, else of its sentence, else the date of
the report that carries it, else the last date the narrative gave, else the report's own date for
present and present-perfect statements, else unknown.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from thucydides.model import When
from thucydides.nlp.layout import Layout
from thucydides.time.detect import TimeMention, find_time_expressions
from thucydides.time.resolve import resolve, to_date

NARRATIVE_PARAGRAPHS = 2  # how many paragraphs back the last date still anchors an undated event
RESULT_VERBS = {"killed", "killing", "wounded", "wounding", "injured", "injuring", "destroyed", "damaged",
                "hit", "left", "leaving", "claimed"}
ONGOING_VERBS = {"began", "begun", "started", "erupted", "broke"}


def tense_of(verb: Token) -> str:
    """past, present (present and present perfect), future, or past (past perfect)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & {"will", "shall", "'ll"} or "going" in words:
        return "future"
    if words & {"had"}:
        return "past"
    if words & {"have", "has", "'ve", "is", "are", "am", "'s", "'re"}:
        return "present"
    if words & {"was", "were", "did"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBG", "VBN", "VB") and verb.head.i != verb.i and verb.dep_ in ("xcomp", "conj", "advcl", "acl"):
        return tense_of(verb.head)
    return "past"


class EventClock:
    """Resolves the time of the events of one report."""

    def __init__(self, doc: Doc, published: str | None, reporting_verbs: set[str], layout: Layout):
        self.doc = doc
        self.layout = layout
        self.anchor = to_date(published)
        self.reporting = reporting_verbs
        self.mentions: list[tuple[TimeMention, Token, Token, When]] = []  # mention, root token, governing verb, when
        for m in find_time_expressions(doc.text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            verb = governing_verb(root)
            self.mentions.append((m, root, verb, resolve(m.text, self.anchor, tense_of(verb) if verb.pos_ in ("VERB", "AUX") else None)))
        self.narrative: list[tuple[int, When]] = [  # dates that anchor what follows: report and event dates
            (layout.sentence_of(root), when) for m, root, verb, when in self.mentions
            if when.precision in ("day", "days") and not in_relative_clause(root)]

    def when_of(self, trigger: Token, clause: Token, sent: Span) -> When:
        k = self.layout.sentence_of(sent[0])
        in_sentence = [x for x in self.mentions if self.layout.sentence_of(x[1]) == k and x[3].precision != "unknown"]
        clauses = {clause.i, trigger.i}
        walk = clause
        for _ in range(3):  # "ambushed a convoy on Monday, killing 12 soldiers", "..., burning homes and beheading two"
            if walk.dep_ not in ("advcl", "xcomp", "conj") or walk.tag_ not in ("VBG", "VB", "VBN"):
                break
            walk = walk.head
            clauses.add(walk.i)
        clauses |= {ch.i for ch in clause.children if ch.dep_ == "conj" and ch.pos_ == "VERB" and not any(
            x[2].i == clause.i for x in in_sentence)}  # "were killed and five injured ... on March 10"
        clauses |= {ch.i for ch in clause.children if ch.dep_ == "advcl" and any(
            m.lower_ in ("when", "as") for m in ch.children if m.dep_ in ("mark", "advmod")) and not any(
            x[2].i == clause.i for x in in_sentence)}  # "were killed when a car bomb exploded ... on Friday"
        if trigger.pos_ == "NOUN":  # "the killing ... in an Israeli strike near Tyre last week": the nearest phrase's
            for phrase in [trigger, *trigger.ancestors]:
                if phrase.i == clause.i or phrase.pos_ in ("VERB", "AUX"):
                    break
                near = [x for x in in_sentence if self.attached_to_noun(x, phrase) and not in_relative_clause(x[1])
                        or phrase.i == trigger.i and self.attached_to_noun(x, trigger)]
                if near:
                    return self.ongoing(near[0])
        own = [x for x in in_sentence if x[2].i in clauses or self.attached_to_noun(x, trigger)]
        own.sort(key=lambda x: in_subject(x[1], x[2]))  # "X, commander since 2022, was dismissed on Monday"
        if own:
            return self.ongoing(own[0])
        reported = [x for x in in_sentence if x[2].lower_ in self.reporting]
        if reported:
            return reported[0][3]
        free = [x for x in in_sentence if not in_relative_clause(x[1]) and x[2].i != clause.i
                and x[2].pos_ in ("VERB", "AUX") and clause not in x[2].subtree and x[2] not in clause.subtree
                or x[2].i == sent.root.i and clause.i != sent.root.i and x[2] in clause.ancestors]
        if free:
            return free[0][3]
        if self.anchor is not None and tense_of(clause if clause.pos_ in ("VERB", "AUX") else trigger) == "present":
            return When(self.anchor.isoformat(), self.anchor.isoformat(), "day", None)  # "have captured": news of the day
        paragraphs = self.layout.paragraphs
        earlier = [w for j, w in self.narrative if j < k and paragraphs[k] - paragraphs[j] <= NARRATIVE_PARAGRAPHS]
        if earlier:
            last = earlier[-1]
            return When(last.start, last.end, last.precision, None)
        return When(None, None, "unknown", None)

    @staticmethod
    def attached_to_noun(mention, trigger: Token) -> bool:
        """ "the attack ... on Sept. 15", "the offensive ... that began on Nov. 27": a time inside the
        trigger noun's phrase, not inside a clause of its own (save one that says when it began)."""
        m, root, verb, when = mention
        if trigger.pos_ in ("VERB", "AUX") or root not in trigger.subtree or root.i == trigger.i:
            return False
        if verb.dep_ in ("acl", "relcl") and verb.head.i == trigger.i and verb.lower_ in RESULT_VERBS:
            return True  # "airstrikes killed 40 people on Saturday" (read as a reduced relative): the strikes' day
        return verb not in trigger.subtree or verb.lower_ in ONGOING_VERBS

    def ongoing(self, mention) -> When:
        """ "the offensive that began on Nov. 27": from that day on, up to the report's date."""
        m, root, verb, when = mention
        if verb.lower_ in ONGOING_VERBS and when.start and self.anchor and when.precision == "day":
            end = max(self.anchor, dt.date.fromisoformat(when.start)).isoformat()
            return When(when.start, end, "range", when.text)
        return when

def governing_verb(token: Token) -> Token:
    """The nearest verb above a token (the token itself when it is one), or the sentence root."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def in_subject(token: Token, verb: Token) -> bool:
    """Whether a token lies inside the subject of a verb (a time there describes the subject, not the event)."""
    t = token
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i:
            return True
        t = t.head
    return False


def in_relative_clause(token: Token) -> bool:
    return any(a.dep_ in ("relcl",) for a in token.ancestors)
