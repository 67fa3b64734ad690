"""`thuc_events`: the events a parsed report states, with their arguments, place, time and attribution.

Triggers come from the lexicon (nouns, verbs, phrases); arguments from the dependency parse:
subjects and passive agents are actors, objects and "on/against X" targets, "in/at/near X" the
place. One event per place ("battles in Hama, Homs and Suwayda" is three); a restatement in a
following sentence ("This hasty retreat", "The Kremlin dismissed Kiselyov") adds its evidence to
the event it restates.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from thucydides.model import Attribution, Event, Evidence, Quantity, When
from thucydides.nlp.attribution import ASSERTED, Claim, attribution_words
from thucydides.nlp.event_time import EventClock, governing_verb
from thucydides.nlp.datelines import opening_dateline
from thucydides.nlp.generic_actors import PLATFORMS
from thucydides.nlp.layout import layout_of
from thucydides.nlp.lexicon import get_lexicon, normalize
from thucydides.nlp.reference import Antecedents, wanted
from thucydides.nlp.triggers import Trigger, TriggerLexicon, forms_of, get_trigger_lexicon

if not Doc.has_extension("thuc_events"):
    Doc.set_extension("thuc_events", default=None)
if not Doc.has_extension("thuc_published"):
    Doc.set_extension("thuc_published", default=None)

PLACE_PREPS = {"in", "at", "near", "outside", "into", "from", "inside", "around", "across", "on", "to", "towards",
               "toward", "within", "throughout", "off", "along", "over", "of", "between", "through"}
TARGET_PREPS = {"on", "against", "at", "upon"}
STRIKING_TYPES = {"ATTACK", "BATTLE", "OFFENSIVE", "VIOLENCE_AGAINST_CIVILIANS", "DEPLOYMENT"}
TAKING_LEMMAS = {"capture", "seize", "take", "occupy", "retake", "recapture", "overrun", "liberate"}
CROWD_COUNTS = {"hundreds", "thousands", "tens", "dozens"}  # "Hundreds of people marched": a protest
SEQUENCE_WORDS = {"after", "before", "since", "following", "until"}
BACKGROUND_MARKS = {"since", "before", "until"}  # "the largest attack since the invasion began": the invasion is background
DIRECTION_HEADS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
                   "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western"}
SUBCLAUSE_DEPS = {"relcl", "ccomp", "advcl", "parataxis", "csubj"}
ROLE_HEADS = {"commander", "head", "chief", "leader", "director", "minister", "spokesman", "general", "colonel",
              "officer", "governor", "president", "admiral", "deputy"}
PLACE_NOUNS = {"city", "cities", "town", "towns", "village", "villages", "outskirts", "region", "province",
               "district", "area", "areas", "suburbs", "suburb", "vicinity", "centre", "center", "port", "governorate",
               "oblast", "state", "part", "parts", "north", "south", "east", "west", "border", "capital",
               "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "municipality", "county",
               "settlement", "hamlet", "commune", "regions", "provinces", "oblasts", "governorates", "districts",
               "states", "counties", "municipalities", "communes", "settlements"}
SITE_NOUNS = {"base", "airbase", "airfield", "airport", "port", "harbor", "harbour", "camp", "prison", "hospital",
              "school", "hotel", "checkpoint", "crossing", "bridge", "headquarters", "compound", "facility", "plant",
              "refinery", "station", "depot", "market", "mosque", "church", "embassy", "consulate", "governate",
              "front", "frontline", "sector", "axis", "direction"}
VAGUE_AMOUNTS = {"hundreds": None, "dozens": None, "thousands": None, "scores": None, "tens": None, "numerous": None,
                 "several": None, "many": None, "millions": None}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                "hundred": 100, "dozen": 12, "a dozen": 12}
WEAPON_WORDS = {"missile", "missiles", "drone", "drones", "rocket", "rockets", "shells", "bombs", "mortar", "mortars",
                "artillery", "munitions", "grenades"}
EQUIPMENT_WORDS = {"equipment", "weapons", "tanks", "vehicles", "drones", "aircraft", "helicopters", "helicopter",
                   "ammunition", "munitions", "arms", "devices", "systems", "stockpile", "guns", "jets", "ships"}
REPORTING_HEADS = {"said", "says", "say", "claimed", "claims", "announced", "reported", "stated", "added", "confirmed",
                   "admitted", "acknowledged", "denied", "insisted", "told"}
SAME_DAY_REACH = 14  # sentences within which same-type events at one place on one day are one account

HELD_NOUNS = {"positions", "position", "posts", "post", "outposts", "bases", "base", "headquarters", "convoy",
              "convoys", "checkpoint", "checkpoints", "fighters", "targets", "tunnels", "depot", "depots", "camps",
              "camp", "vehicles", "vehicle", "boats", "command", "infrastructure", "facilities", "strongholds"}
AFFILIATION_PARTICIPLES = {"linked", "affiliated", "allied", "aligned", "backed", "loyal", "tied", "associated",
                           "supported", "armed", "led"}
MATERIEL_NOUNS = WEAPON_WORDS | EQUIPMENT_WORDS | {"warplane", "warplanes", "jet", "plane", "planes", "tank",
                                                   "vehicle", "armored", "armoured"}


def armed(e) -> bool:
    """Who commits violence: armed groups, militaries, units, people."""
    return e.kind in ("armed_group", "military", "unit") or e.type == "PERSON"
LOSABLE = {"soldiers", "troops", "men", "personnel", "lives", "fighters", "servicemen", "control", "ground", "positions",
           "territory", "equipment", "tanks", "vehicles", "aircraft", "jets", "helicopters", "ships", "people", "members"}
MODALS = {"would", "could", "may", "might", "must", "should", "will", "'ll", "shall", "wo"}
NEGATIVE_SUBJECTS = {"no one", "nobody", "none", "no-one"}
AGREEMENT_VERBS = {"reached", "reach", "declared", "declare", "announced", "announce", "brokered", "took", "takes",
                   "collapsed", "holds", "held", "agreed", "signed", "struck", "extended", "violated"}
TERRITORY_WORDS = {"territory", "control", "positions", "position", "hill", "hills", "heights", "villages", "towns",
                   "settlement", "settlements", "stronghold", "strongholds", "ground", "areas", "district", "districts",
                   "neighborhood", "neighbourhood", "neighborhoods", "outpost", "outposts", "trenches", "bases",
                   "airport", "island", "islands", "road", "highway", "town", "village", "city", "capital", "region"}
OFFICE_NOUNS = {"commander", "commanders", "chief", "head", "minister", "ministers", "director", "general", "generals",
                "ambassador", "ambassadors", "envoy", "envoys", "governor", "official", "officials", "officer",
                "officers", "spokesman", "spokeswoman", "deputy", "president", "premier", "leader", "leaders",
                "secretary", "admiral", "colonel", "prosecutor", "mayor", "cabinet", "staff", "coach", "judge",
                "chairman", "chairwoman", "ceo", "diplomat", "diplomats", "attaché", "successor", "predecessor"}
ARMED_KINDS = {"military", "armed_group", "unit", "police", "intelligence"}
GROUP_MEMBERS = {"fighters", "forces", "troops", "units", "unit", "men", "militants", "soldiers", "members", "gunmen",
                 "brigade", "battalion", "regiment", "division", "company", "platoon", "squad", "contingent"}
ACCUSING_VERBS = {form for verb in ("accuse", "suspect", "blame", "charge", "convict") for form in forms_of(verb)}
BLAME_VERBS = {"blamed", "blames", "blame", "accused", "accuses", "accuse"}
HYPOTHETICAL_DETERMINERS = {"any", "possible", "future", "potential", "further", "new"}
REPELLING_VERBS = {"repelled", "repulsed", "thwarted", "foiled", "repel", "repulse", "thwart", "foil", "repelling",
                   "stopped", "halted", "countered", "fended", "beat", "blunted"}
RESPONSIBILITY_WORDS = {"credited", "blamed", "responsible", "accused", "responsibility", "behind"}
SPECIFICITY = {"FACILITY": 4, "city": 3, "LOCATION": 2, "region": 1, "country": 0}


@dataclass
class Candidate:
    """An event being assembled from one trigger."""

    type: str
    trigger: Token
    clause: Token  # the verb whose clause states it (the trigger itself, or its light verb)
    sent: Span
    lemma: str
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    own_place: bool = False  # the place comes from the event's own clause, not from its context
    struck_places: list[str] = field(default_factory=list)  # "shelled Kharkiv": the town hit is where it happened
    subtype: str | None = None
    negated: bool = False
    definite: bool = False  # "the attack", "this retreat": may restate an earlier event
    background: bool = False  # "amid the withdrawal": context for the sentence, not news
    evidence: list[Span] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    when: When | None = None
    claim: Claim = ASSERTED


class EventFinder:
    def __init__(self):
        self.lex: TriggerLexicon = get_trigger_lexicon()
        self.lexicon = get_lexicon()
        self.reporting = attribution_words()["reporting_verbs"]

    # ---- entry point ---------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        entities = {e.id: e for e in doc._.thuc_entities or ()}
        self.entity_of_token = token_entities(doc, entities)
        self.entities = entities
        self.antecedents = Antecedents(list(entities.values()))
        claims = doc._.thuc_claims or []
        layout = layout_of(doc)
        sents = layout.sents
        self.trigger_tokens = self.trigger_positions(doc)
        self.dateline_end = dateline_end(doc.text)
        if self.dateline_end:  # "KHARTOUM, June 3 (Reuters) -": the city is where the report was filed
            self.entity_of_token = {i: e for i, e in self.entity_of_token.items() if doc[i].idx >= self.dateline_end}
        clock = EventClock(doc, doc._.thuc_published, self.reporting, layout)
        candidates: list[Candidate] = []
        for k, sent in enumerate(sents):
            found = self.candidates_in(doc, sent)
            self.share_within_sentence(sent, found)
            for c in found:
                c.claim = claims[k] if k < len(claims) else ASSERTED
                if self.outside_claim(doc, c, sent):
                    c.claim = ASSERTED  # "Rebels captured Hama, and the army said it had redeployed": the outlet's
                c.evidence = [sent]
            candidates += found
        for c in candidates:
            c.when = clock.when_of(c.trigger, c.clause, c.sent)
        paragraphs = layout.paragraphs
        events = self.merge(doc, candidates, paragraphs, sents)
        self.place_from_context(events, paragraphs, {s.start: k for k, s in enumerate(sents)})
        doc._.thuc_events = [self.to_event(doc, n, c) for n, c in enumerate(events, 1)]
        doc._.thuc_entities = roles_after_leadership_changes(list(entities.values()), doc._.thuc_events)
        return doc

    # ---- triggers -----------------------------------------------------------------------------------
    def inside_name(self, token: Token) -> bool:
        """A word of a proper name ("African Union Support Mission") states no event."""
        eid = self.entity_of_token.get(token.i)
        return eid is not None and not self.entities[eid].generic

    def trigger_positions(self, doc: Doc) -> set[int]:
        """Tokens that could state an event: argument search does not walk into another event's words."""
        out = set()
        for t in doc:
            if t.lower_ in self.lex.verbs and t.tag_.startswith("VB") or t.pos_ == "NOUN" and \
                    self.lex.nouns.get((t.lower_,)) and t.lower_ not in self.lex.not_triggers:
                out.add(t.i)
        return out

    @staticmethod
    def outside_claim(doc: Doc, c: Candidate, sent: Span) -> bool:
        """The sentence's reporting verb is a clause coordinated with the event's, not one that reports it."""
        verb = c.claim.verb
        if verb is None or not sent.start <= verb < sent.end or c.clause is None:
            return False
        reporting = doc[verb]
        joined = any(t.dep_ == "cc" and t.head.i == c.clause.i and t.i < reporting.i for t in sent)  # "..., and"
        return reporting.dep_ == "conj" and reporting.head.i == c.clause.i and c.clause.i != verb and joined
        # without "and" the parser's conjunct is a trailing source: "Gunmen killed five soldiers, a source told AFP"

    def share_within_sentence(self, sent: Span, found: list[Candidate]) -> None:
        """An event inside another's clause ("advancing ..., with battles in X") takes its actors, and
        its place when it names none; the outer one does not take the inner one's place."""
        for c in found:
            for o in found:
                conjoined = o.clause.dep_ == "conj" and o.clause.head.i == c.trigger.i  # "killed and injured in X"
                if o is c or c.trigger not in o.clause.subtree and c.trigger not in o.trigger.subtree and not conjoined:
                    continue
                if not c.actors and o.actors and c.type in ("BATTLE", "OFFENSIVE", "ATTACK", "VIOLENCE_AGAINST_CIVILIANS") \
                        and not set(o.actors) & set(c.targets) and c.trigger.dep_ != "relcl" and o.type != "STATEMENT":
                    c.actors = list(o.actors)  # "an Israeli airstrike ... killed 12 people": the strike's actor killed;
                    # not "Aoun condemned the strikes": who speaks of an attack did not make it
                struck = any(self.entities[t].type in ("LOCATION", "FACILITY") for t in c.targets)
                if not c.places and o.places and not struck and self.compatible(c, o, False):
                    c.places = list(o.places[:1])
        for c in found:
            struck = any(self.entities[t].type in ("LOCATION", "FACILITY") for t in c.targets)
            if not c.places and not struck:  # "fired rockets at northern Israel": where it struck, later
                others = [o.trigger for o in found if o is not c and (o.trigger.pos_ == "NOUN" or c.trigger not in
                                                                       o.trigger.subtree and self.sequenced(o.trigger))]
                c.places = self.sentence_places(sent, c, others)

    @staticmethod
    def sequenced(verb: Token) -> bool:
        """A clause told as before or after another occurrence ("days after JNIM fighters killed 20 near Diapaga"), not
        the same one ("were killed when their vehicle hit a bomb near Kidal"): its place is its own."""
        return any(c.dep_ in ("mark", "prep") and c.lower_ in SEQUENCE_WORDS for c in verb.children) \
            or verb.dep_ == "pcomp" and verb.head.lower_ in SEQUENCE_WORDS

    def sentence_places(self, sent: Span, c: Candidate, others: list[Token] = ()) -> list[str]:
        """The first place the sentence gives with "in/at/near", when the event's own clause gives none; not
        one inside another event's noun phrase ("... after an Israeli strike near Tyre")."""
        for t in sent:
            if any(t in o.subtree for o in others):
                continue
            if t.dep_ == "prep" and t.lower_ in ("in", "at", "near", "outside", "inside"):
                for o in t.children:
                    if o.dep_ == "pobj":
                        for p in self.places_in_phrase(o):
                            eid = self.entity_of_token[p.i]
                            if eid not in c.actors and eid not in c.targets:
                                return [eid]
        return []

    def place_from_context(self, events: list[Candidate], paragraphs: list[int], sent_index: dict[int, int]) -> None:
        """Still no place: the previous event's of the same paragraph, else the report's main country."""
        home = self.main_country()
        previous: Candidate | None = None
        for e in events:
            if not e.places:
                same_paragraph = previous is not None and paragraphs[sent_index[previous.sent.start]] == \
                    paragraphs[sent_index[e.sent.start]]
                struck = [t for t in e.targets if self.entities[t].type in ("LOCATION", "FACILITY")] \
                    if e.type in STRIKING_TYPES else []
                if struck:  # "launched drones at Ukraine": where it struck (not "accused Rwanda")
                    e.places = struck[:1]
                elif same_paragraph and previous.places:
                    e.places = list(previous.places)
                elif home:
                    e.places = [home]
            previous = e

    def main_country(self) -> str | None:
        """The country entity mentioned most, when it has at least three mentions."""
        countries = [e for e in self.entities.values() if e.type == "LOCATION" and e.kind == "country"]
        if not countries:
            return None
        inside = Counter(e.country for e in self.entities.values()  # its towns count: "Goma", "Sake", "Bukavu"
                         if e.type in ("LOCATION", "FACILITY") and e.kind != "country" and e.country)

        def weight(country) -> int:
            return len(country.mentions) + inside[country.country]

        best = max(countries, key=weight)
        return best.id if weight(best) >= 3 else None

    def candidates_in(self, doc: Doc, sent: Span) -> list[Candidate]:
        words = [t.lower_ for t in sent]
        out: list[Candidate] = []
        taken: set[int] = set()
        k = 0
        while k < len(words):
            token = sent[k]
            if self.inside_name(token):
                k += 1
                continue
            phrase = self.lex.phrase_at(words, k)
            if phrase:
                head = max(sent[k:k + phrase.size], key=lambda t: t.pos_ in ("VERB", "AUX"))
                if head.pos_ not in ("VERB", "AUX"):
                    head = sent[k:k + phrase.size].root
                out.append(self.candidate(doc, sent, Trigger(phrase.type, phrase.lemma, "phrase"), head, verbal=True))
                taken |= set(range(token.i, token.i + phrase.size))
                k += phrase.size
                continue
            noun = self.lex.noun_at(words, k) if (token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or token.tag_ == "VBG") \
                and (token.is_lower or token.is_sent_start or token.is_upper and len(token) > 3) \
                and token.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL", "MONEY", "EVENT", "WORK_OF_ART") else None
            if noun and token.i not in taken:
                head = sent[k:k + noun.size].root if noun.size > 1 else token
                if head.pos_ in ("NOUN", "PROPN") or head.tag_ in ("NN", "NNS") or (head.pos_ == "ADJ" and head.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass")):
                    c = self.noun_candidate(doc, sent, noun, head)
                    if c is not None:
                        out.append(c)
                    taken |= set(range(token.i, token.i + noun.size))
                    k += noun.size
                    continue
            verb = self.lex.verbs.get(token.lower_)
            if verb and token.i not in taken and (token.tag_.startswith("VB") or self.misread_verb(token)) \
                    and token.dep_ not in ("amod", "compound"):
                c = self.verb_candidate(doc, sent, verb, token)
                if c is not None:
                    out.append(c)
            k += 1
        armed = self.armed_sentence(sent) or sent.start > 0 and self.armed_sentence(doc[sent.start - 1].sent)
        out = [c for c in out if c is not None and not self.irrealis(c)]
        for c in out:
            self.refine_type(c, sent)
        return [c for c in out if (armed or c.type == "PROTEST" or not self.needs_context(c)) and not self.protest_without_protesters(c) and not self.entry_without_town(c)]

    @staticmethod
    def misread_verb(token: Token) -> bool:
        """A verb the tagger read as a noun that the parser still gives a subject and an object ("The army retook
        Khartoum", "retook" tagged NN)."""
        deps = {c.dep_ for c in token.children}
        return token.pos_ in ("NOUN", "ADJ") and "nsubj" in deps and "dobj" in deps

    def entry_without_town(self, c: Candidate) -> bool:
        """ "Rebels entered Goma / the city centre" is an advance; "entered the country illegally" is not."""
        if c.lemma != "enter" or c.trigger.pos_ != "VERB":
            return False
        for obj in (ch for ch in c.trigger.children if ch.dep_ == "dobj"):
            if any(self.entities[e].type == "LOCATION" and self.entities[e].kind != "country" for e in self.entities_of(obj)):
                return False
            if obj.lower_ in PLACE_NOUNS | {"centre", "center", "outskirts"} and obj.lower_ not in ("country",):
                return False
        return True

    def protest_without_protesters(self, c: Candidate) -> bool:
        """ "Troops gathered near the border" is no protest; "hundreds of demonstrators gathered" is, and so is a
        crowd counted in hundreds or thousands of people that marches ("Hundreds of people marched in Atbara")."""
        if c.type != "PROTEST" or c.lemma not in self.lex.needs_protesters:
            return False
        subjects = [ch for ch in c.clause.children if ch.dep_ in ("nsubj", "nsubjpass")] if c.clause is not None else []
        words = {t.lower_ for s in subjects for t in s.subtree}
        crowd = c.lemma == "march" and "people" in words and bool(words & CROWD_COUNTS)
        return not (words & self.lex.protester_words or crowd)

    def armed_sentence(self, sent: Span) -> bool:
        """The sentence speaks of arms or armed actors (a word of the list, or an armed entity in it); the
        sentence before counts too ("... launched missiles. The attack caused minor damage.")."""
        if any(t.lower_ in self.lex.armed_context for t in sent):
            return True
        return any(self.entities[e].kind in ARMED_KINDS for t in sent if (e := self.entity_of_token.get(t.i)))

    def needs_context(self, c: Candidate) -> bool:
        """Words ordinary in other news ("hit a record", "fight corruption", "visited Paris") need an armed context,
        unless an armed entity takes part."""
        if c.lemma not in self.lex.needs_armed_context:
            return False
        return not any(self.entities[e].kind in ARMED_KINDS or self.entities[e].type == "PERSON" and self.entities[e].titles
                       and c.type == "DEPLOYMENT" for e in c.actors + c.targets)

    def irrealis(self, c: Candidate) -> bool:
        """Not (yet) an occurrence: under a modal ("would attack"), or the complement of a threat, plan,
        attempt or demand ("threatened to launch an offensive", "efforts to end the fighting")."""
        verb = c.clause if c.clause is not None else c.trigger
        heads = self.lex.irrealis_heads
        argument = c.trigger.pos_ in ("VERB", "AUX") or c.trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
        if argument and any(ch.dep_ == "aux" and ch.lower_ in MODALS for ch in verb.children):
            return True
        if c.trigger.i != verb.i and verb.lower_ in heads and c.trigger.dep_ in ("dobj", "nsubjpass", "pobj"):
            return True  # "halt attacks", "prevent clashes"
        t = verb
        for _ in range(4):
            if t.dep_ in ("xcomp", "acl", "advcl", "ccomp") and t.head.i != t.i and (
                    t.dep_ != "ccomp" and t.head.lower_ in heads or t.head.lower_ in ("threatened", "vowed", "warned")
                    and any(ch.lower_ == "would" for ch in t.children)):
                return True
            if t.dep_ not in ("xcomp", "conj"):
                break
            t = t.head
        return False

    def refine_type(self, c: Candidate, sent: Span) -> None:
        """A labour strike is a protest; aid sent or delivered is support; drones shot down or lost are materiel."""
        if c.trigger.pos_ in ("VERB", "AUX") and c.type in ("ATTACK", "CASUALTIES") and c.lemma in ("shoot", "down", "lose"):
            objects = [ch for ch in c.trigger.children if ch.dep_ in ("dobj", "nsubjpass")]
            what = {o.lower_ for o in objects} | {w.lower_ for o in objects for p in o.children if p.lower_ == "of"
                                                  for w in p.children}  # "48 of 67 Russian drones"
            if what & MATERIEL_NOUNS:
                c.type, c.subtype = "MATERIEL", "lost" if c.lemma == "lose" else "shot_down"
                return
        if c.type == "ATTACK" and c.lemma in ("strike", "strikes") and any(t.lower_ in self.lex.labour_words for t in sent):
            c.type = "PROTEST"
        if c.trigger.pos_ in ("VERB", "AUX") and c.lemma in ("deliver", "send", "supply", "donate", "provide"):
            obj = next((ch for ch in c.trigger.children if ch.dep_ == "dobj"), None)
            what = {obj.lower_} | {o.lower_ for p in obj.children if p.lower_ == "of" for o in p.children} if obj is not None else set()
            if what & self.lex.aid_objects or what & (EQUIPMENT_WORDS | WEAPON_WORDS) and c.lemma != "deliver":
                c.type = "SUPPORT"  # "delivered 700 kg of medicine", "sent arms"

    def candidate(self, doc, sent, trigger: Trigger, head: Token, verbal: bool) -> Candidate:
        clause = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
        c = Candidate(trigger.type, head, clause, sent, trigger.lemma)
        self.arguments_of_verb(c, head, trigger)
        self.finish(doc, c)
        return c

    def verb_candidate(self, doc: Doc, sent: Span, trigger: Trigger, verb: Token) -> Candidate | None:
        lemma = trigger.lemma
        if lemma in self.lex.particles:
            if not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in self.lex.particles[lemma] for c in verb.children):
                return None
        if any(c.dep_ in ("dobj", "nsubjpass") and self.lex.noun_at([c.lower_], 0) for c in verb.children) \
                and self.lex.light_kind(verb.lower_):
            return None  # "carried out a strike": the noun is the trigger
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        type_ = trigger.type
        if lemma == "lose" and obj is not None and obj.lower_ not in LOSABLE:
            return None  # "lost contact", "lost patience"
        if lemma == "lose" and obj is not None and obj.lower_ in EQUIPMENT_WORDS:
            type_ = "MATERIEL"
        elif lemma in ("take", "gain", "lose"):
            has_place = self.place_tokens(verb) or obj is not None and obj.lower_ == "control" and any(
                p.lower_ in ("of", "over") and any(o.pos_ == "PROPN" for o in p.children) for p in obj.children)
            if obj is not None and obj.lower_ in ("control", "ground", "hold") or lemma == "take" and obj is not None \
                    and self.is_place(obj):
                if not has_place and not (obj is not None and self.is_place(obj)):
                    return None
                type_ = "OFFENSIVE"
            elif lemma != "lose":
                return None
        if lemma == "launch" and not (obj is not None and obj.lower_ in WEAPON_WORDS):
            return None
        if lemma == "fire":
            if obj is not None and self.entity_type(obj) == "PERSON":
                type_ = "LEADERSHIP"
            elif not (obj is not None and obj.lower_ in WEAPON_WORDS or any(
                    c.dep_ == "prep" and c.lower_ in ("at", "on") for c in verb.children)):
                return None
        if lemma in ("appear", "arrive", "visit") and not self.place_tokens(verb) and not (obj is not None and self.is_place(obj)):
            return None
        if lemma == "push" and not any(c.dep_ == "prep" and c.lower_ in ("into", "toward", "towards", "through") for c in verb.children):
            return None
        if lemma in ("down",) and verb.tag_ not in ("VBD", "VBN"):
            return None
        if lemma in ("surround", "encircle") and obj is not None:
            return None  # "forces surrounded the hotel": a siege, not losses
        if lemma in TAKING_LEMMAS and obj is not None \
                and type_ == "OFFENSIVE":
            if obj.lower_ in EQUIPMENT_WORDS or obj.lower_ in WEAPON_WORDS:
                type_ = "MATERIEL"
            elif self.entity_type(obj) == "PERSON" or obj.lower_ in ("soldiers", "troops", "servicemen", "fighters", "prisoners"):
                type_ = "CASUALTIES"
            elif not (self.is_place(obj) or obj.lower_ in PLACE_NOUNS or obj.lower_ in SITE_NOUNS
                      or obj.lower_ in TERRITORY_WORDS):
                return None  # "seized critical data"
        if lemma == "destroy" and obj is not None and obj.lower_ in EQUIPMENT_WORDS:
            type_ = "MATERIEL"
        if lemma == "target" and verb.dep_ == "amod":
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and lemma in ("arm", "base", "station"):
            return None
        if type_ == "LEADERSHIP" and lemma not in ("resign", "step") and not self.holds_office(verb, obj):
            return None  # "the judge dismissed the case", "she recalled that ..."
        if lemma == "agree" and any(ch.dep_ == "ccomp" for ch in verb.children):
            return None  # "agreed that ...": an opinion, not an agreement
        c = Candidate(type_, verb, verb, sent, lemma)
        self.arguments_of_verb(c, verb, trigger)
        if type_ == "CASUALTIES" and lemma == "kill" and self.civilian(c, verb):
            c.type = "VIOLENCE_AGAINST_CIVILIANS"
        self.finish(doc, c)
        return c

    def noun_candidate(self, doc: Doc, sent: Span, trigger: Trigger, noun: Token) -> Candidate | None:
        if noun.lower_ in self.lex.not_triggers or noun.dep_ in ("compound", "amod") and noun.head.pos_ in ("NOUN", "PROPN") \
                and noun.head.i != noun.i:
            if not (noun.dep_ == "amod" and noun.head.lower_ in ("thrust", "actions", "operation", "operations", "push")):
                return None
        if noun.dep_ == "amod":
            noun = noun.head  # "the offensive thrust", "offensive actions"
        head = noun.head
        light = self.lex.light_kind(head.lower_) if head.i != noun.i else None
        clause = governing_verb(noun)
        c = Candidate(trigger.type, noun, clause, sent, trigger.lemma)
        c.definite = any(ch.dep_ in ("det", "poss") and ch.lower_ in ("the", "this", "that", "these", "those", "such", "its", "their", "his")
                         for ch in noun.children)
        c.background = self.is_background(noun)
        c.negated = any(ch.dep_ == "det" and ch.lower_ == "no" for ch in noun.children)
        if any(ch.dep_ in ("det", "amod") and ch.lower_ in HYPOTHETICAL_DETERMINERS - {"new"} for ch in noun.children):
            return None  # "would respond to any attack"
        repelled = head.lower_ in REPELLING_VERBS and noun.dep_ == "dobj"
        if repelled:
            c.targets += self.subjects(head)  # "Ukrainian forces repelled a Russian assault": they were attacked
            c.actors += self.side_of_noun(noun)
            light = None
        if trigger.type == "AGREEMENT" and not self.agreement_reached(noun):
            return None
        if light and noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
            self.arguments_of_light_verb(c, head, light, noun)
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lower_ in RESPONSIBILITY_WORDS:
            verb = head.head if head.head.pos_ in ("VERB", "AUX") else governing_verb(head.head)
            accused = [ch for ch in verb.children if ch.dep_ == "dobj"] if verb.lower_ in BLAME_VERBS else []
            if accused:
                c.actors += self.entities_of_all(accused)  # "X blamed Israel for the strike": Israel struck
            else:
                c.actors += self.subjects(verb)  # "credited with the attack", "claimed responsibility for the attack"
        if trigger.type == "LEADERSHIP":
            c.subtype = self.lex.subtypes.get(trigger.lemma)
        if not c.actors and trigger.type not in ("CASUALTIES", "LEADERSHIP", "ARREST"):
            c.actors += self.side_of_noun(noun)  # "a Russian assault", "Israeli strikes"
        if not c.actors and trigger.type not in ("CASUALTIES", "LEADERSHIP", "ARREST"):
            owner = [ch for ch in noun.children if ch.dep_ == "poss"]
            c.actors += self.entities_of_all(owner)  # "Russia's withdrawal", "their offensive"
            if not c.actors and noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and not light and not repelled \
                    and not self.lex.is_statement(head.lower_):
                c.actors += self.subjects(head)  # "X completed / speeded up the withdrawal"; not "X condemned the strikes"
        for child in noun.children:
            if child.dep_ == "prep":
                objs = [o for o in child.children if o.dep_ == "pobj"]
                if child.lower_ == "by":
                    c.actors += self.entities_of_all(objs)
                elif child.lower_ in TARGET_PREPS and trigger.type in ("ATTACK", "BATTLE", "VIOLENCE_AGAINST_CIVILIANS"):
                    c.targets += self.targets_of_all(objs)
                elif child.lower_ == "between":
                    self.take_sides(c, objs)
                elif child.lower_ == "of":
                    found = self.entities_of_all(objs)
                    if trigger.type in ("ATTACK", "BATTLE") and trigger.lemma not in self.lex.noun_of_is_actor:
                        places = [e for e in found if self.entities[e].type == "LOCATION"
                                  and self.entities[e].kind != "country"]
                        c.struck_places += places  # "the shelling of Nikopol": where it happened
                        c.targets += [e for e in found if e not in places]
                    elif trigger.type in ("WITHDRAWAL", "DEPLOYMENT", "PROTEST", "OFFENSIVE", "SUPPORT") or \
                            trigger.lemma in self.lex.noun_of_is_actor:
                        c.actors += found
                    elif trigger.type in ("LEADERSHIP", "ARREST", "CASUALTIES", "VIOLENCE_AGAINST_CIVILIANS"):
                        c.targets += found
                elif child.lower_ in ("from", "with") and trigger.type in ("SUPPORT",):
                    c.actors += self.entities_of_all(objs)
        if trigger.type == "SUPPORT" and noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("NOUN", "PROPN"):
            c.targets += self.entities_of(head.head)  # "insurgents with the support of X"
        if noun.dep_ in ("nsubj",) and noun.head.pos_ in ("VERB", "AUX") and not c.actors:
            self.sides_between(c, noun.head)  # "clashes erupted between X and Y"
        self.finish(doc, c)
        return c

    def take_sides(self, c: Candidate, objects: list[Token]) -> None:
        """ "between X and Y": X acts, Y (and any after it) is its target."""
        sides = self.entities_of_all(objects, conj=True)
        c.actors += sides[:1]
        c.targets += sides[1:]

    def sides_between(self, c: Candidate, token: Token) -> None:
        """The sides of every "between X and Y" that hangs on a token."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                self.take_sides(c, [o for o in prep.children if o.dep_ == "pobj"])

    def holds_office(self, verb: Token, obj: Token | None) -> bool:
        """The one appointed, dismissed or summoned is a person or an office ("the commander", "its envoy")."""
        people = [obj] if obj is not None else []
        people += [ch for ch in verb.children if ch.dep_ in ("nsubjpass", "oprd")]
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            people.append(verb.head)
        for t in people:
            eid = self.entity_of_token.get(t.i)
            if eid and self.entities[eid].type == "PERSON" or t.lower_ in OFFICE_NOUNS or t.pos_ == "PRON" and t.lower_ in (
                    "him", "her", "he", "she"):
                return True
            if any(self.entity_of_token.get(a.i) and self.entities[self.entity_of_token[a.i]].type == "PERSON"
                   for a in t.children if a.dep_ in ("appos", "compound")):
                return True
        return False

    def agreement_reached(self, noun: Token) -> bool:
        """A ceasefire or deal is news when it is signed, reached, agreed or takes effect, not when mentioned."""
        verb = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and verb.pos_ in ("VERB", "AUX"):
            return verb.lower_ in self.lex.verbs and self.lex.verbs[verb.lower_].type == "AGREEMENT" or \
                self.lex.light_kind(verb.lower_) is not None or verb.lower_ in AGREEMENT_VERBS
        return False

    def side_of_noun(self, noun: Token) -> list[str]:
        """The forces of the nationality that modifies an event noun ("a Russian assault", "Russian drone strikes")."""
        kinds = [c for c in noun.children if c.dep_ == "compound" and c.is_lower]  # "drone" in "drone strikes"
        for child in [*noun.children, *(g for k in kinds for g in k.children)]:
            named = self.entity_of_token.get(child.i) if child.dep_ in ("amod", "compound", "nmod") else None
            if named and child.is_lower and self.entities[named].generic and self.entities[named].kind == "military":
                return [named]  # "Russian drone strikes": the forces "Russian drone" names
            if child.dep_ in ("amod", "compound", "nmod") and child.text[:1].isupper():
                if named and self.entities[named].type in ("ORGANIZATION", "PERSON"):
                    return [named]
                country = self.lexicon.country_of_word(child.text)
                if country:
                    forces = self.forces_of(country)
                    return [forces] if forces else []
        return []

    def is_background(self, noun: Token) -> bool:
        """ "amid the withdrawal", "during battles in Syria", "after weeks of fighting": a noun under a
        background preposition; or the subject of a clause opened by "since" or "before" ("the largest attack since
        the full-scale invasion began")."""
        if noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                                       for c in noun.head.children):
            return True
        t = noun
        for _ in range(3):
            if t.dep_ != "pobj" or t.head.dep_ != "prep":
                return False
            if t.head.lower_ in self.lex.background_preps:
                return True
            if t.head.lower_ != "of":
                return False
            t = t.head.head
        return False

    # ---- arguments ----------------------------------------------------------------------------------
    def arguments_of_verb(self, c: Candidate, verb: Token, trigger: Trigger) -> None:
        objects_present = any(ch.dep_ in ("dobj", "oprd") for ch in verb.children)
        passive = any(ch.dep_ in ("nsubjpass", "auxpass") and not is_misparsed_gerund(ch, verb) for ch in verb.children) or (
            verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("pcomp", "acl", "amod") and not objects_present)
        subjects = self.accused_of(verb) or self.subjects(verb) or self.misparsed_subject(verb)
        objects = [ch for ch in verb.children if ch.dep_ in ("dobj", "attr", "oprd")]
        if any(ch.dep_ == "nsubj" and ch.i < verb.i for ch in verb.children):  # "it had recaptured Wad Madani, the
            late = [ch for ch in verb.children if ch.dep_ == "nsubj" and ch.i > verb.i]  # capital ...": a 2nd subject
            objects += late
            subjects = [e for e in subjects if e not in self.entities_of_all(late)]
        agents = [o for ch in verb.children if ch.dep_ == "agent" for o in ch.children if o.dep_ == "pobj"]
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            subjects = self.entities_of(verb.head)  # "forces attacking checkpoints"
        if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN") or (verb.tag_ == "VBN" and trigger.pos == "phrase"):
            c.targets += subjects
            c.actors += self.entities_of_all(agents)
        elif c.lemma in self.lex.subject_is_target:
            c.targets += subjects
        else:
            c.actors += subjects
            c.targets += self.targets_of_all(objects) if c.type not in ("WITHDRAWAL", "DEPLOYMENT") else []
            if c.type in ("ATTACK", "BATTLE", "OFFENSIVE", "VIOLENCE_AGAINST_CIVILIANS"):
                named = self.entities_of_all(objects) + [self.entity_of_token[t.i] for o in objects
                                                         for t in self.places_in_phrase(o)]  # "the Sumy region"
                c.struck_places += [e for e in unique(named)
                                    if self.entities[e].type == "LOCATION" and self.entities[e].kind != "country"]
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if prep.lower_ in TARGET_PREPS and c.type in ("ATTACK", "BATTLE"):
                c.targets += self.targets_of_all(objs)
            elif prep.lower_ in ("with", "against") and c.type == "BATTLE":
                c.targets += self.entities_of_all(objs)
            elif prep.lower_ == "from" and c.type == "SUPPORT":
                c.actors += self.entities_of_all(objs)
            elif prep.lower_ == "with" and objs and objs[0].lower_ == "support":
                c.actors += [e for o in objs for p in o.children if p.lower_ == "of" for e in self.entities_of_all(list(p.children))]
        for subject in (ch for ch in verb.children if ch.dep_ == "nsubj"):
            for prep in subject.children:  # "insurgents with the support of Ukrainian fighters"
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for o in prep.children:
                        if o.lower_ == "support":
                            c.actors += [e for p in o.children if p.lower_ == "of" for e in self.entities_of_all(list(p.children))]
        if c.type == "LEADERSHIP":
            c.subtype = self.lex.subtypes.get(c.lemma)
        c.negated = any(ch.dep_ == "neg" for ch in verb.children) or any(
            ch.dep_ in ("nsubj", "nsubjpass") and (ch.lower_ in ("nobody", "none") or ch.lower_ == "one" and any(
                d.lower_ == "no" for d in ch.children)) for ch in verb.children)

    def arguments_of_light_verb(self, c: Candidate, verb: Token, kind: str, noun: Token) -> None:
        passive = any(ch.dep_ in ("nsubjpass", "auxpass") for ch in verb.children)
        subjects = self.subjects(verb) if noun.dep_ in ("dobj", "attr") else []
        agents = [o for ch in verb.children if ch.dep_ == "agent" for o in ch.children if o.dep_ == "pobj"]
        if passive:
            c.actors += self.entities_of_all(agents)
        elif kind == "actor":
            c.actors += subjects
        elif kind == "target":
            c.targets += subjects
            for prep in verb.children:  # "received training from X"
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                    c.actors += self.entities_of_all([o for o in prep.children if o.dep_ == "pobj"])
        c.negated = c.negated or any(ch.dep_ == "neg" for ch in verb.children)

    def misparsed_subject(self, verb: Token) -> list[str]:
        """ "Russian shelling hit Nikopol", parsed with "shelling" as an auxiliary: the side of that gerund."""
        for child in verb.children:
            if is_misparsed_gerund(child, verb):
                return self.side_of_noun(child)
        return []

    def accused_of(self, verb: Token) -> list[str]:
        """ "Malian soldiers were accused by residents of executing 12 civilians", "residents accused Malian soldiers
        of executing ...": who is accused does the deed (the claim's stance is the attribution layer's)."""
        if verb.dep_ != "pcomp" or verb.head.lower_ != "of":
            return []
        accusing = verb.head.head
        for _ in range(3):  # "of" may hang on the accuser ("accused by residents of executing")
            if accusing.lower_ in ACCUSING_VERBS:
                break
            accusing = accusing.head
        else:
            return []
        passive = any(ch.dep_ == "auxpass" for ch in accusing.children)
        accused = [ch for ch in accusing.children if ch.dep_ == ("nsubjpass" if passive else "dobj")]
        return self.entities_of_all(accused) or self.targets_of_all(accused)  # else their nationality's forces

    def subjects(self, verb: Token) -> list[str]:
        """Entity ids of a verb's subject, following conjunctions and "prompting X to replace"."""
        seen = verb
        for _ in range(4):
            subject = [ch for ch in seen.children if ch.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                if subject[0].tag_ in ("WDT", "WP") and seen.dep_ == "relcl":
                    return self.entities_of(seen.head)
                return self.entities_of_all(subject, conj=True)
            if seen.dep_ == "conj" or seen.dep_ == "advcl" and seen.tag_ == "VBG":
                if seen.head.lower_ in REPORTING_HEADS:  # "debris fell, Mayor X said, injuring two": not the mayor
                    break
                seen = seen.head  # "bombed a school, killing 12 civilians": the bomber kills
                continue
            if seen.dep_ in ("advcl", "dep") and seen.head.lower_ in AFFILIATION_PARTICIPLES:
                seen = seen.head  # "Jihadists linked to al-Qaeda killed ...", parsed with "linked" as the verb
                continue
            if seen.dep_ == "xcomp":
                obj = [ch for ch in seen.head.children if ch.dep_ == "dobj"]
                if obj:
                    return self.entities_of_all(obj)
                seen = seen.head
                continue
            break
        return []

    def entities_of_all(self, tokens: list[Token], conj: bool = True) -> list[str]:
        out: list[str] = []
        for t in tokens:
            for e in self.entities_of(t, conj=conj):
                if e not in out:
                    out.append(e)
        return out

    def reporter_of(self, pronoun: Token) -> str | None:
        """ "X said it had ...": a subject pronoun of a reported clause is the reporter; "" when the reporter is
        nobody named, None when the pronoun is not in a reported clause."""
        if pronoun.pos_ != "PRON" or pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in (
                "it", "they", "he", "she", "we"):
            return None
        subject = reporting_subject(pronoun.head)
        if subject is None:
            return None
        named = self.entities_of(subject, conj=False, depth=2)
        if not named and subject.lower_ in ("army", "military"):  # "the army said it had ...": the report's country's
            home = self.main_country()
            return (self.forces_of(self.entities[home].country) if home else None) or ""
        return named[0] if named else ""  # "officials said they arrested ...": not whoever was named before

    def forces_of_reporter(self, owner: Token) -> str | None:
        """ "Russia's defence ministry said its forces had captured ...": "its" in a reported clause is the
        reporter's: an armed reporter itself, else the forces of the reporter's country the report names, else the
        reporter."""
        clause = owner.head
        while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        subject = reporting_subject(clause)
        named = self.entities_of(subject, conj=False, depth=2) if subject is not None else []
        reporter = self.entities[named[0]] if named else None
        if reporter is None or reporter.type != "ORGANIZATION":
            return None
        if armed(reporter):
            return reporter.id
        return (self.forces_of(reporter.country) if reporter.country else None) or reporter.id  # else the ministry

    def entities_of(self, token: Token, conj: bool = True, depth: int = 0) -> list[str]:
        """The entities a noun phrase names: itself, its apposition ("the commander ..., Gen. X"),
        the group it names ("a coalition of X", "members of X"), its conjuncts."""
        out: list[str] = []
        own = self.entity_of_token.get(token.i)
        if own is None and token.dep_ in ("nsubj", "nsubjpass", "pobj", "poss") and (token.pos_ == "PRON" or token.lower_ in (
                "group", "militants", "movement") and any(c.lower_ in ("the", "this") for c in token.children)) \
                and wanted(token.lower_) and (token.dep_ != "pobj" or token.head.dep_ == "agent"):
            own = self.reporter_of(token)  # "the army said it had redeployed": the army
            if own is None:
                found = self.antecedents.before(token.idx, token.lower_, prefer=armed)  # "they", "the group"
                own = found.id if found is not None else None
            own = own or None  # "" : the reporter has no entity ("officials said they arrested"): nobody named
        appos = [ch for ch in token.children if ch.dep_ in ("appos", "npadvmod") and self.entity_of_token.get(ch.i)]
        if own is None and (token.lower_ in GROUP_MEMBERS or token.lower_ in PLATFORMS):  # "its drones" too
            owner = next((ch for ch in token.children if ch.dep_ == "poss" and ch.pos_ == "PRON"), None)
            if owner is not None and owner.lower_ in ("his", "her"):  # "his unit": the forces of his side
                person = self.antecedents.before(owner.idx, "he")
                own = self.forces_of(person.country) if person is not None and person.country else None
            elif owner is not None:  # "its fighters", "their troops": the reporter's, else the group named before
                own = self.forces_of_reporter(owner)
                if own is None:
                    found = self.antecedents.before(owner.idx, "they", prefer=armed)
                    own = found.id if found is not None else None
        if own:
            out.append(own)
        elif appos:
            out += [self.entity_of_token[a.i] for a in appos]
        elif depth < 2:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of" and token.lower_ not in ROLE_HEADS:
                    out += [e for o in child.children if o.dep_ == "pobj" for e in self.entities_of(o, True, depth + 1)]
                elif child.dep_ in ("compound", "nmod", "poss") and self.entity_of_token.get(child.i) and \
                        self.entities[self.entity_of_token[child.i]].type in ("ORGANIZATION", "PERSON") and token.pos_ == "NOUN" \
                        and (token.lower_ in ("units", "unit", "group", "forces", "troops", "team", "fighters", "members")
                             or token.lower_ in PLATFORMS):  # "army bulldozers": the army
                    out.append(self.entity_of_token[child.i])
        if not out and token.lower_ in ROLE_HEADS:  # "the commander of X, Lt. Gen. Name": the apposition hangs on X
            for t in token.subtree:
                found = self.entity_of_token.get(t.i) if t.dep_ == "appos" else None
                if found and self.entities[found].type == "PERSON":
                    out.append(found)
                    break
        if not out and token.lower_ in ROLE_HEADS:  # "the commander of X, Lt. Gen. Name" parsed apart
            end = token.right_edge.i + 1
            if end + 1 < len(token.doc) and token.doc[end].text == ",":
                for k in range(end + 1, min(len(token.doc), end + 6)):
                    follower = self.entity_of_token.get(k)
                    if follower and self.entities[follower].type == "PERSON":
                        out.append(follower)
                        break
        if conj:
            for child in token.children:
                if child.dep_ == "conj":
                    out += [e for e in self.entities_of(child, True, depth) if e not in out]
        return out

    def targets_of_all(self, tokens: list[Token]) -> list[str]:
        """Targets: named entities, the owner of positions ("SDF positions", "Hamas's tunnels"), else the forces of
        the country an unnamed target belongs to ("a Russian military base" -> Russian forces)."""
        out = self.entities_of_all(tokens)
        if not out:
            out = [e for t in tokens if t.lower_ in HELD_NOUNS for ch in t.children if ch.dep_ in ("compound", "poss")
                   for e in self.entities_of(ch, conj=False) if self.entities[e].type == "ORGANIZATION"]
        if out:
            return [e for e in out if self.entities[e].type != "LOCATION" or self.entities[e].kind == "country"]
        for t in tokens:
            for word in [t, *t.children]:
                country = self.lexicon.country_of_word(word.text) if word.text[:1].isupper() else None
                if country:
                    forces = self.forces_of(country)
                    if forces:
                        out.append(forces)
                        break
        return out

    def forces_of(self, country: str) -> str | None:
        for e in self.entities.values():
            if e.generic and e.country == country and e.kind == "military":
                return e.id
        return None

    def entity_type(self, token: Token) -> str | None:
        eid = self.entity_of_token.get(token.i)
        return self.entities[eid].type if eid else None

    def is_place(self, token: Token) -> bool:
        return self.entity_type(token) in ("LOCATION", "FACILITY")

    def civilian(self, c: Candidate, verb: Token) -> bool:
        """Whether a killing is of civilians: not where fighting kills ("Fighting has killed 80 people": the battle's
        dead, as ACLED counts them)."""
        subjects = [ch for ch in verb.children if ch.dep_ == "nsubj"]
        if any((t := self.lex.nouns.get((s.lower_,))) is not None and t.type == "BATTLE" for s in subjects):
            return False
        words = [t.lower_ for t in verb.subtree if t.i < verb.i + 12]
        return any(w in self.lex.civilian_words for w in words)

    # ---- places ---------------------------------------------------------------------------------------
    def place_tokens(self, head: Token, own: tuple[Token, ...] = (), references: list | None = None) -> list[Token]:
        """Place entities in the "in/at/near X" phrases of a clause, outside its nested clauses and
        the phrases of other events. A place a direction is measured from ("Sake, 27 km west of Goma") goes to
        `references` when given: it says where the event's place lies, not where the event is."""
        out = []
        stack = [ch for ch in head.children if ch.dep_ not in SUBCLAUSE_DEPS and ch.dep_ not in ("nsubj", "nsubjpass", "csubj")
                 or ch in own]
        while stack:
            t = stack.pop(0)
            if t.dep_ in SUBCLAUSE_DEPS or t.dep_ == "appos" or t.i in getattr(self, "trigger_tokens", ()) and t not in own:
                continue
            if t.dep_ in ("prep", "dative") and t.lower_ in PLACE_PREPS:  # "sent reinforcements to Latakia"
                measured_from = t.lower_ == "of" and t.head.lower_ in DIRECTION_HEADS \
                    or t.lower_ == "near" and self.is_place(t.head)  # "the village of Kurakhivka near Pokrovsk"
                for o in t.children:
                    if o.dep_ == "pobj":
                        found = self.places_in_phrase(o)
                        (references if measured_from and references is not None else out).extend(found)
            stack += [ch for ch in t.children]
        return out

    def places_in_phrase(self, token: Token) -> list[Token]:
        """ "the cities of Hama, Homs and Suwayda" -> the three; "the southeastern outskirts of Aleppo" -> Aleppo."""
        if self.is_place(token):
            return [token] + [t for t in token.children if t.dep_ == "conj" and self.is_place(t)] + [
                t for c in token.children if c.dep_ == "conj" for t in c.children if t.dep_ == "conj" and self.is_place(t)]
        if token.lower_ in PLACE_NOUNS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for o in child.children:
                        if o.dep_ == "pobj":
                            return self.places_in_phrase(o)
            named = [t for child in token.children if child.dep_ in ("compound", "amod", "poss", "nmod")
                     and self.is_place(child) for t in (child, *child.children)
                     if t is child or t.dep_ == "conj" and self.is_place(t)]
            if named:  # "the Kharkiv and Sumy regions"
                return sorted(named, key=lambda t: t.i)
        if token.lower_ not in PLACE_NOUNS and token.lower_ not in SITE_NOUNS:
            return []  # "U.S. officials" name no place
        for child in token.children:  # "Syria's Aleppo governate", "the Khmeimim Air Base"
            if child.dep_ in ("compound", "poss", "amod", "nmod") and self.is_place(child):
                eid = self.entity_of_token[child.i]
                if self.entity_of_token.get(token.i) in (None, eid):
                    return [child]
        return []

    def finish(self, doc: Doc, c: Candidate) -> None:
        """Place, quantities and deduplicated arguments of a candidate."""
        heads = [c.trigger] + ([c.clause] if c.clause is not None and c.clause.i != c.trigger.i else [])
        places: list[str] = []
        references: list[Token] = []
        for head in heads:
            for t in self.place_tokens(head, tuple(heads), references):
                eid = self.entity_of_token[t.i]
                if eid not in places and eid not in c.actors and eid not in c.targets:
                    places.append(eid)
        struck = [p for p in c.struck_places if p not in c.actors]
        if not places and not struck:  # "attacked villages north of Kharkiv": near Kharkiv, for want of better
            places = unique([e for t in references if (e := self.entity_of_token[t.i]) not in c.actors
                             and e not in c.targets])
        if places and struck and all(self.entities[p].kind in ("country", "region") for p in places if p not in struck):
            places = unique(struck + places)  # "In North Darfur, the RSF shelled El Fasher": El Fasher
        places = places or struck
        if c.trigger.dep_ in ("nsubj", "nsubjpass") or c.trigger.pos_ == "VERB":
            places = places or self.capital_place(doc, c)
        c.places = self.most_specific_first(places)
        c.own_place = bool(c.places)
        if not c.actors and c.trigger.pos_ == "VERB":  # "Fighting between X and Y killed ...", a gerund
            self.sides_between(c, c.trigger)
        c.actors = [a for a in unique(c.actors) if self.could_act(a)]
        c.targets = [t for t in unique(c.targets) if t not in c.actors]
        c.quantities = self.quantities(c)

    def could_act(self, entity_id: str) -> bool:
        """Towns do not act; countries and capitals do, for their governments ("Turkey shelled", "Moscow replaced the
        commander"): "Russian shelling of the town of Kupiansk" has no actor Kupiansk."""
        e = self.entities[entity_id]
        if e.type not in ("LOCATION", "FACILITY"):
            return True
        return e.kind == "country" or normalize(e.name) in self.lexicon.country_by_capital

    def capital_place(self, doc: Doc, c: Candidate) -> list[str]:
        """ "evacuating the capital": the capital named earlier in the report."""
        for t in c.trigger.subtree:
            if t.lower_ == "capital" and t.dep_ in ("dobj", "pobj"):
                best = None
                for e in self.entities.values():
                    if e.type == "LOCATION" and normalize(e.name) in self.lexicon.country_by_capital \
                            and e.mentions[0][0] < t.idx:
                        best = e.id
                return [best] if best else []
        return []

    def most_specific_first(self, places: list[str]) -> list[str]:
        """Keep the text's order, but drop a country when a place inside it is named too."""
        if len(places) <= 1:
            return places
        specific = [p for p in places if self.entities[p].kind != "country"]
        return specific or places

    def quantities(self, c: Candidate) -> list[Quantity]:
        out = []
        scope = list(c.trigger.subtree) + ([t for t in c.clause.subtree] if c.clause is not None else [])
        seen = set()
        for t in scope:
            if t.i in seen or not c.sent.start <= t.i < c.sent.end:
                continue
            seen.add(t.i)
            if t.dep_ == "nummod" and (t.like_num or t.lower_ in NUMBER_WORDS) and t.head.pos_ in ("NOUN", "PROPN"):
                if t.head.lower_ in ("times",) or t.ent_type_ == "DATE":
                    continue
                out.append(Quantity(text=f"{t.text} {t.head.text}", value=number_value(t.text), what=t.head.lower_))
            elif t.lower_ in VAGUE_AMOUNTS and t.pos_ in ("NOUN", "ADJ", "NUM"):
                of = next((p for p in t.children if p.lower_ == "of"), None)
                what = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else t.head
                out.append(Quantity(text=t.text, value=None, what=what.lower_ if what is not None else None))
        unique_q = []
        for q in out:
            if q.text not in {x.text for x in unique_q}:
                unique_q.append(q)
        return unique_q

    # ---- one event per place, restatements merged --------------------------------------------------
    def merge(self, doc: Doc, candidates: list[Candidate], paragraphs: list[int], sents: list[Span]) -> list[Candidate]:
        sent_index = {s.start: k for k, s in enumerate(sents)}
        events: list[Candidate] = []
        for c in candidates:
            k = sent_index[c.sent.start]
            same = [e for e in events if e.type == c.type and sent_index[e.sent.start] == k and self.compatible(e, c, True)]
            if same:
                self.absorb(same[-1], c, add_evidence=False)
                continue
            if c.background and self.context_of_other(c, candidates):
                continue
            earlier = [e for e in events if e.type == c.type and self.compatible(e, c, False) and (
                (0 < k - sent_index[e.sent.start] <= 1 and paragraphs[sent_index[e.sent.start]] == paragraphs[k]
                 and self.continues(e, c))
                or (c.definite or c.background) and 0 < k - sent_index[e.sent.start] <= 4
                or self.same_place_and_day(e, c) and 0 < k - sent_index[e.sent.start] <= SAME_DAY_REACH)]
            if earlier:
                self.absorb(earlier[-1], c, add_evidence=True)
                continue
            events.append(c)
        out = []
        for e in events:
            if len(e.places) > 1 and all(self.entities[p].type in ("LOCATION",) for p in e.places) and \
                    len({self.entities[p].kind for p in e.places}) == 1:
                out += [replace(e, places=[p]) for p in e.places]  # one event per location
            else:
                out.append(e)
        return out

    @staticmethod
    def same_place_and_day(first: Candidate, second: Candidate) -> bool:
        """Two accounts in one report of an event of one type at the same place on the same day (as ACLED counts
        events): "Gunmen stormed a hotel in Beledweyne on Tuesday ... 'They attacked the hotel at dawn'"."""
        if first.when is None or second.when is None or first.when.precision != "day" or \
                (first.when.start, first.when.end) != (second.when.start, second.when.end):
            return False
        if first.places and second.places:
            return first.places[:1] == second.places[:1]
        return not second.places and (bool(set(first.actors) & set(second.actors))  # "They attacked the hotel"
                                      or not second.actors and not second.targets)  # "the assault lasted hours"

    def continues(self, first: Candidate, second: Candidate) -> bool:
        """A next sentence about the same occurrence: a definite or bare restatement, or the same
        participants (at least one shared), same subtype and no new place."""
        if second.definite or not (second.actors or second.targets) and not second.places:
            return True
        if first.subtype and second.subtype and first.subtype != second.subtype:
            return False
        shared = set(first.actors + first.targets) & set(second.actors + second.targets)
        countries = {self.entities[x].country for x in first.actors + first.targets if self.entities[x].country} & \
            {self.entities[x].country for x in second.actors + second.targets if self.entities[x].country}
        return bool(shared or countries) and not (second.places and first.places and second.places[0] not in first.places
                                                   and self.entities[second.places[0]].kind != "country")

    def compatible(self, a: Candidate, b: Candidate, same_sentence: bool) -> bool:
        if a.negated != b.negated or apart_in_time(a.when, b.when):
            return False
        if a.subtype and b.subtype and a.subtype != b.subtype:
            return False
        if a.places and b.places and a.own_place and b.own_place and not set(a.places) & set(b.places):
            if same_sentence:
                conjoined = b.trigger.dep_ == "conj" and b.trigger.head.i == a.trigger.i or \
                    a.trigger.dep_ == "conj" and a.trigger.head.i == b.trigger.i
                movement = a.type in ("WITHDRAWAL", "DEPLOYMENT")
                if not (conjoined and movement) or a.lemma == b.lemma:  # "fled from Hama and evacuated to Khmeimim" is one move
                    return False
            elif not (self.entities[b.places[0]].kind == "country" or self.entities[a.places[0]].kind == "country"):
                return False
        sides_a = {self.entities[e].country for e in a.actors} - {None}
        sides_b = {self.entities[e].country for e in b.actors} - {None}
        if sides_a and sides_b and not sides_a & sides_b:
            return False  # "Hezbollah fired rockets ... after an Israeli strike": two sides, two events
        for x, y in ((a.actors, b.actors), (a.targets, b.targets)):
            x = [e for e in x if not self.entities[e].generic]  # "militants" may be the group named later
            y = [e for e in y if not self.entities[e].generic]
            if x and y and not set(x) & set(y):
                cx = {self.entities[e].country for e in x}
                cy = {self.entities[e].country for e in y}
                if not cx & cy:
                    return False
        return True

    def context_of_other(self, c: Candidate, candidates: list[Candidate]) -> bool:
        """A background noun ("during battles in Syria") attached to another event of its sentence."""
        clause = governing_verb(c.trigger)
        measure = any(ch.dep_ == "mark" and ch.lower_ in BACKGROUND_MARKS for ch in clause.children)
        return any(o is not c and o.sent.start == c.sent.start and not o.background
                   and (measure or clause.i in (o.trigger.i, o.clause.i)) for o in candidates)  # "since the invasion began"

    def absorb(self, into: Candidate, other: Candidate, add_evidence: bool) -> None:
        into.actors = unique(into.actors + other.actors)
        into.targets = [t for t in unique(into.targets + other.targets) if t not in into.actors]
        if add_evidence or not into.places:  # a restatement may name the place more precisely
            struck = [t for t in into.targets if self.entities[t].type in ("LOCATION", "FACILITY")] \
                if into.type in STRIKING_TYPES and not into.places else []  # "struck the port of Hodeidah": there
            places = unique(into.places + struck + other.places)
            into.places = sorted(places, key=lambda p: -self.specificity(p))[:1] if places else []
        into.quantities += [q for q in other.quantities if q.text not in {x.text for x in into.quantities}]
        if add_evidence and other.sent.start not in {s.start for s in into.evidence}:
            into.evidence.append(other.sent)
        if (into.when is None or into.when.precision == "unknown") and other.when is not None:
            into.when = other.when
        if into.claim.source is None and other.claim.source is not None:
            into.claim = other.claim

    def specificity(self, eid: str) -> int:
        e = self.entities[eid]
        if e.type == "FACILITY":
            return 4
        return {"city": 3, "region": 1, "country": 0}.get(e.kind or "", 2)

    # ---- records -------------------------------------------------------------------------------------
    def to_event(self, doc: Doc, n: int, c: Candidate) -> Event:
        outlet = doc._.thuc_outlet
        chain = []
        if outlet:
            outlet_id = next((e.id for e in self.entities.values() if normalize(e.name) == normalize(outlet)), None)
            chain.append(outlet_id or outlet)
        if c.claim.source and c.claim.source not in chain:
            chain.append(c.claim.source)
        stance = c.claim.stance
        if stance == "reported" and c.claim.source and c.claim.source == (chain[0] if chain else None):
            stance = "asserted"
        evidence = tuple(Evidence(s.start_char, s.start_char + len(s.text.rstrip()), s.text.rstrip()) for s in c.evidence)
        return Event(id=f"V{n}", type=c.type, attribution=Attribution(tuple(chain), stance, c.claim.cue),
                     evidence=evidence, when=c.when or When(None, None), actors=tuple(c.actors),
                     targets=tuple(c.targets), place=c.places[0] if c.places else None,
                     subtype=c.subtype or c.lemma.replace(" ", "_"), quantities=tuple(c.quantities), negated=c.negated)


ROLE_CHANGE = {"dismissal": ("targets", "dismissed"), "resignation": ("actors", "resigned"),
               "appointment": ("targets", "appointed")}


def roles_after_leadership_changes(entities: list, events: list[Event]) -> list:
    """A person dismissed or resigning ends their current roles on that day; one appointed gets the status
    on the role the report gives them."""
    by_id = {e.id: e for e in entities}
    for event in events:
        change = ROLE_CHANGE.get(event.subtype or "")
        if event.type != "LEADERSHIP" or change is None or event.negated or \
                event.attribution.stance in ("rumored", "denied"):
            continue
        role_of_event, status = change
        for pid in getattr(event, role_of_event):
            person = by_id.get(pid)
            if person is None or person.type != "PERSON" or not person.roles:
                continue
            roles = []
            for role in person.roles:
                if role.status == "current" and status != "appointed":
                    role = replace(role, status=status, end=event.when.end if event.when.precision != "unknown" else None)
                elif role.status == "current" and status == "appointed":
                    role = replace(role, status=status, start=role.start or event.when.start)
                roles.append(role)
            by_id[pid] = replace(person, roles=tuple(roles))
    return [by_id[e.id] for e in entities]


def dateline_end(text: str) -> int:
    """Where a wire dateline ("KHARTOUM, June 3 (Reuters) - ", "BEIRUT (AP) — ") ends, or 0."""
    found = opening_dateline(text)
    return found.end if found else 0


def reporting_subject(clause: Token) -> Token | None:
    """The named subject of the reporting verb a clause is reported by ("the army" of "the army said [it had ...]");
    None when the clause is not reported or its reporter is a pronoun."""
    if clause.dep_ != "ccomp" or clause.head.lower_ not in REPORTING_HEADS:
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.pos_ == "PRON" else subject


def is_misparsed_gerund(child: Token, verb: Token) -> bool:
    """An event gerund the parser made an auxiliary of the verb after it ("Russian shelling hit Nikopol")."""
    return child.dep_ in ("aux", "auxpass") and child.i < verb.i and child.lower_.endswith("ing") \
        and child.lower_ not in ("being", "having", "going")


def unique(items: list[str]) -> list[str]:
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def number_value(text: str) -> float | None:
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return NUMBER_WORDS.get(text.lower())


def token_entities(doc: Doc, entities: dict) -> dict[int, str]:
    """Token index -> entity id for every token inside an entity mention."""
    out = {}
    for e in entities.values():
        for start, end in e.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    out.setdefault(t.i, e.id)
    return out


@Language.factory("thuc_events")
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    return EventFinder()


def struck_towns_are_places(events: list[Event], towns: set[str], kinds: dict[str, str | None]) -> list[Event]:
    """Targets that the geocoder found to be towns (the model had typed "Nikopol" a person) are where an
    attack happened, when the event has no place or only a country."""
    out = []
    for event in events:
        struck = [t for t in event.targets if t in towns]
        if struck and event.type == "CASUALTIES" and event.subtype in TAKING_LEMMAS:
            event = replace(event, type="OFFENSIVE", place=struck[0],  # "seized Illinka", read as a person: a town
                            targets=tuple(t for t in event.targets if t != struck[0]))
        if struck and event.type in ("ATTACK", "BATTLE", "OFFENSIVE", "VIOLENCE_AGAINST_CIVILIANS") and (
                event.place is None or kinds.get(event.place) == "country"):
            event = replace(event, place=struck[0], targets=tuple(t for t in event.targets if t != struck[0]))
        out.append(event)
    placed = {(e.evidence[0].start, e.evidence[0].end): e.place for e in out if e.evidence and e.place in towns}
    return [replace(e, place=placed[(e.evidence[0].start, e.evidence[0].end)])  # the same sentence's other events
            if e.place is None and e.evidence and (e.evidence[0].start, e.evidence[0].end) in placed else e for e in out]


def apart_in_time(a: When | None, b: When | None) -> bool:
    """Two dated accounts whose days cannot overlap ("occupied Chai on Thursday" and "completed its withdrawal in
    July") are two occurrences; an account with a start and no end goes on. Only dates the report gives in words
    count: not the report's own date given to an undated account, nor the last date of the narrative before it."""
    def given(w: When | None) -> bool:
        return w is not None and bool(w.start) and w.text is not None

    if not (given(a) and given(b)):
        return False
    return (a.end or "9999-12-31") < b.start or (b.end or "9999-12-31") < a.start
