"""`thuc_entities`: turns the entity spans of a parsed report into merged entities.

All mentions of one referent become one entity: lexicon names by their entry, acronyms introduced
in parentheses, a surname alone, "Ukraine's X" and "X", "Khmeimim" and "Khmeimim Air Base". Each
entity gets its side (`country`) from the lexicon or the words around it, titles, and roles.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from thucydides.model import Entity, Role
from thucydides.nlp.generic_actors import GenericMention
from thucydides.nlp.home_country import leading_country
from thucydides.nlp.lexicon import Lexicon, LexiconEntry, get_lexicon, normalize
from thucydides.time.detect import find_time_expressions
from thucydides.time.resolve import resolve

TYPE_OF_LABEL = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "FACILITY"}
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
ROLE_VERBS = {"commanded": "commander", "commands": "commander", "commanding": "commander", "led": "leader",
              "leads": "leader", "leading": "leader", "headed": "head", "heads": "head", "heading": "head",
              "ran": "head", "runs": "head", "running": "head", "directed": "director", "directs": "director",
              "chaired": "chair", "chairs": "chair", "oversaw": "head", "oversees": "head"}
ROLE_NOUNS = {"commander", "head", "chief", "leader", "director", "minister", "spokesman", "spokesperson",
              "spokeswoman", "deputy", "chairman", "chair", "president", "governor", "secretary", "envoy",
              "ambassador", "officer", "founder", "emir", "general", "colonel", "adviser", "advisor", "member",
              "coordinator", "mayor", "lawmaker", "official"}
TIME_ZONES = {"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "HST", "AT", "AST",
              "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "AEST", "AEDT", "JST", "KST", "WIB"}
CLOCK_TIME = re.compile(r"(?:\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)?|\d{4}|[ap]\.?m\.?|noon|midnight)", re.I)
KIN_WORDS = {"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "girlfriend", "boyfriend",
             "fiancee", "fiancée", "fiance", "fiancé", "partner", "widow", "widower", "uncle", "aunt", "cousin", "nephew",
             "niece", "grandson", "granddaughter", "grandmother", "grandfather", "stepson", "stepdaughter", "mum", "mom",
             "dad"}  # "his girlfriend Olivia", "her daughter Florence": a person, whatever town bears the name
MAX_AGE = 120
HONORIFICS = {"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Sir", "Lord", "Lady", "Dame", "Prof."}
BODY_NOUNS = {"operator", "company", "firm", "agency", "corporation", "utility", "organisation", "organization",
              "group", "charity", "watchdog", "monitor", "broadcaster", "newspaper", "network", "party", "movement",
              "militia", "coalition", "alliance", "authority", "provider", "manufacturer", "producer", "airline",
              "bank", "ministry", "institute", "ngo", "union", "council", "committee", "service", "body"}
ACRONYM = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,4}")  # "HUR", "MoD", "SDF", "DoD"
OWN_FORCES = {"army", "military", "armed forces"}
TOWN_INSTALLATIONS = {"base", "airfield", "port"}  # named after the town that names them: "Tartus", "Khmeimim"
NICKNAME_CUE = re.compile(r"(?:known as|nicknamed|dubbed|alias|a\.k\.a\.|aka)\s+[\"'\u201c\u2018]?$")
GENERIC_NAMES = {"military": "{adj} forces", "diplomats": "{adj} diplomats", "officials": "{adj} officials",
                 "government_forces": "{adj} government forces", "opposition": "{adj} opposition",
                 "people": "{plural}", "civilians": "{adj} civilians", "protesters": "{adj} protesters",
                 "police": "{adj} police", "gangs": "{adj} gangs"}

if not Doc.has_extension("thuc_published"):
    Doc.set_extension("thuc_published", default=None)  # the report's date (YYYY-MM-DD), set before the pipeline runs
if not Doc.has_extension("thuc_entities"):
    Doc.set_extension("thuc_entities", default=None)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    span: Span | None = None
    entry: LexiconEntry | None = None
    kind: str | None = None
    country: str | None = None
    titles: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()  # fuller surface forms ("Ukraine's Defense Intelligence Directorate")


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    entry: LexiconEntry | None = None
    generic_key: tuple[str, str | None] | None = None
    countries: Counter = field(default_factory=Counter)
    roles: list[tuple] = field(default_factory=list)  # title, org mention start, status, start, end
    id: str = ""
    _type_of: tuple[int, str] | None = None

    @property
    def type(self) -> str:
        if self.entry:
            return self.entry.type
        if self._type_of is not None and self._type_of[0] == len(self.mentions):
            return self._type_of[1]  # mentions are only ever appended, their types set before
        votes = Counter(m.type for m in self.mentions)
        found = "PERSON" if any(m.titles for m in self.mentions) else votes.most_common(1)[0][0]
        self._type_of = (len(self.mentions), found)
        return found

    @property
    def country(self) -> str | None:
        if self.entry and self.entry.country:
            return self.entry.country
        return self.countries.most_common(1)[0][0] if self.countries else None


class EntityBuilder:
    """Builds `doc._.thuc_entities` (model.Entity records) from the spans the earlier components left."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.civil_titles = set(lexicon.civil_titles) - HONORIFICS - set(lexicon.military_ranks)
        self.entry_by_name: dict[str, LexiconEntry] = {}
        for entry in lexicon.entries.values():
            for name in entry.names:
                self.entry_by_name.setdefault(normalize(name), entry)

    # ---- mentions -------------------------------------------------------------------------------
    def mentions_of(self, doc: Doc) -> list[Mention]:
        titles = doc._.thuc_titles or {}
        kinds = doc._.thuc_kinds or {}
        out = []
        for ent in doc.ents:
            type_ = TYPE_OF_LABEL.get(ent.label_)
            if ent.label_ == "NORP" and ent.ent_id_:
                type_ = "ORGANIZATION"
            if type_ is None or type_ == "LOCATION" and self.is_demonym(ent.text) or is_time_zone(doc, ent):
                continue
            if type_ == "LOCATION" and (ent.start > 0 and doc[ent.start - 1].lower_ in KIN_WORDS or aged(doc, ent.end)):
                type_ = "PERSON"
            out.extend(self.split_mention(doc, ent, type_, titles.get(ent.start_char, ()), kinds.get(ent.start_char)))
        return out

    def is_demonym(self, text: str) -> bool:
        key = normalize(text)
        return key in self.lexicon.country_by_demonym and key not in self.lexicon.country_by_name

    def split_mention(self, doc: Doc, ent: Span, type_: str, titles, kind) -> list[Mention]:
        """Trim articles and possessives; "Ukraine's X" gives a mention of Ukraine and one of X."""
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_digit and type_ == "LOCATION"):
            start += 1  # "the Kremlin", "706 Orange County"
        while end > start and doc[end - 1].text in POSSESSIVE:
            end -= 1
        if start >= end or type_ in ("LOCATION", "PERSON") and not any(c.isupper() for c in doc[start:end].text):
            return []  # "100 km" less its number: no place; "trails through the bush": no person, nor a place
        out = []
        forms = ()
        entry = self.lexicon.entries.get(ent.ent_id_) if ent.ent_id_ else None
        for k in range(start + 1, end - 1):
            if doc[k].text in POSSESSIVE[:2] and type_ != "PERSON" and not (entry and entry.type == "PERSON"):
                owner = doc[start:k]
                owner_country = self.lexicon.country_of_word(owner.text)
                owner_entry = self.entry_by_name.get(normalize(owner.text))
                if owner_country or owner_entry:
                    if owner_country and normalize(owner.text) in self.lexicon.country_by_name:
                        out.append(Mention(owner.start_char, owner.end_char, owner.text, "LOCATION", owner,
                                           self.lexicon.entries[f"country:{owner_country}"], "country", owner_country))
                    forms = (doc[start:end].text,)
                    start = k + 1
                    break
        span = doc[start:end]
        if entry is None or forms:
            entry = self.entry_by_name.get(normalize(span.text)) or entry
        mention = Mention(span.start_char, span.end_char, span.text, entry.type if entry else type_, span, entry,
                          kind or (entry.kind if entry else None), entry.country if entry else None, tuple(titles), forms)
        if mention.type == "PERSON" and mention.text.split()[0] in HONORIFICS:
            mention.text = mention.text.split(" ", 1)[-1]
        out.append(mention)
        return out

    # ---- merging -------------------------------------------------------------------------------
    def cluster(self, doc: Doc, mentions: list[Mention]) -> list[Cluster]:
        clusters: list[Cluster] = []
        by_key: dict[str, Cluster] = {}
        acronyms = self.acronyms(doc, mentions)
        for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
            key = self.key_of(m, acronyms)
            cluster = by_key.get(key) or self.person_by_surname(m, clusters) or self.facility_by_name(m, clusters)
            if cluster is None:
                cluster = Cluster(entry=m.entry)
                clusters.append(cluster)
            cluster.mentions.append(m)
            cluster.entry = cluster.entry or m.entry
            by_key.setdefault(key, cluster)
            if m.entry and m.type != "PERSON":  # "Ukraine's Air Force" ... "the Air Force said": one entity
                by_key.setdefault(f"{m.type}:{normalize(m.text)}", cluster)
        for cluster in clusters:
            cluster.mentions.sort(key=lambda m: m.start)
        return clusters

    def organisations_by_apposition(self, doc: Doc, clusters: list[Cluster]) -> None:
        """ "Ukrenergo, the state grid operator, said": a name the model read as a person's, set off by commas
        before a phrase headed by a word for a body ("operator", "company", "agency"), is an organisation."""
        for c in clusters:
            if c.type != "PERSON" or c.entry or any(m.titles for m in c.mentions):
                continue
            if any(normalize(m.text.split()[0]) in self.lexicon.given_names for m in c.mentions):
                continue
            for m in c.mentions:
                if m.span is None or m.span.end + 2 >= len(doc) or doc[m.span.end].text != "," \
                        or doc[m.span.end + 1].lower_ not in ("the", "a", "an"):
                    continue
                phrase = []
                for t in doc[m.span.end + 1:min(len(doc), m.span.end + 10)]:
                    if t.text in (",", ";", ".", ")"):
                        break
                    phrase.append(t)
                if phrase and phrase[-1].lower_ in BODY_NOUNS:
                    for x in c.mentions:
                        x.type = "ORGANIZATION"
                    c._type_of = None
                    break

    @staticmethod
    def with_nicknames_joined(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
        """ "Jimmy Chérizier, a former police officer known as Barbecue": a name after "known as", "nicknamed" or
        "alias" is another name of the person named before it in the sentence."""
        people = sorted(((m.start, c) for c in clusters if c.type == "PERSON" for m in c.mentions), key=lambda x: x[0])
        out = []
        for c in clusters:
            m = c.mentions[0]
            before = doc.text[max(0, m.start - 14):m.start].lower()
            sentence = doc.char_span(m.start, m.end, alignment_mode="expand")
            if len(c.mentions) == 1 and c.type != "PERSON" and not c.entry and sentence is not None \
                    and NICKNAME_CUE.search(before):
                start = sentence.sent.start_char
                person = next((p for at, p in reversed(people) if start <= at < m.start), None)
                if person is not None:
                    m.type = "PERSON"
                    person.mentions.append(m)
                    person.mentions.sort(key=lambda x: x.start)
                    continue
            out.append(c)
        return out

    def key_of(self, m: Mention, acronyms: dict[str, str]) -> str:
        name = normalize(m.text)
        if name in acronyms and " " not in name:  # the report's own "(MoD)" before the lexicon's British MoD
            return acronyms[name]
        if m.entry:
            return f"entry:{m.entry.id}"
        return f"{m.type}:{name}"

    def acronyms(self, doc: Doc, mentions: list[Mention]) -> dict[str, str]:
        """ "Defense Intelligence Directorate (HUR)": HUR joins the name before the parenthesis."""
        out = {}
        by_end = {m.span.end: m for m in mentions if m.span is not None}
        for token in doc[2:-1]:
            if doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")" and ACRONYM.fullmatch(token.text) \
                    and token.i - 1 in by_end:  # "HUR", "MoD"
                long = by_end[token.i - 1]
                out[normalize(token.text)] = f"entry:{long.entry.id}" if long.entry else f"{long.type}:{normalize(long.text)}"
        return out

    def person_by_surname(self, m: Mention, clusters: list[Cluster]) -> Cluster | None:
        """A one-word name joins the one person whose name ends with it."""
        if " " in m.text or m.type not in ("PERSON", "ORGANIZATION", "LOCATION") or (m.entry and m.type != "PERSON"):
            return None
        name = normalize(m.text)
        found = [c for c in clusters if c.type == "PERSON" and any(
            normalize(x.text.split()[-1]) == name or normalize(x.text.split()[0]) == name and x.titles
            for x in c.mentions)]
        if m.type == "LOCATION":  # a place joins only a person named in full by proper nouns ("Serhii Lysak"), not a
            # place the model took for one ("Beyond Madinaty, Liverpool have ...")
            found = [c for c in found if any(x.titles or x.span is not None and len(x.span) > 1
                                             and all(t.pos_ == "PROPN" for t in x.span) for x in c.mentions)]
        if len(found) == 1:
            m.type = "PERSON"
            return found[0]
        return None

    def facility_by_name(self, m: Mention, clusters: list[Cluster]) -> Cluster | None:
        """ "Khmeimim" joins "Khmeimim Air Base" when the report names the facility; a place joins only a base,
        airfield or port named after it ("Tartus" and "the Tartus naval base" are one place, "Pokrovsk" and "the
        Pokrovsk Central Market" two, "Merawi" and "Merawi Health Center" two)."""
        if m.type not in ("LOCATION", "ORGANIZATION"):
            return None
        town = m.type == "LOCATION" or m.entry is not None and m.entry.kind in ("city", "region", "country")
        names = {normalize(x) for x in [m.text, *(m.entry.names if m.entry else ())]}
        for c in clusters:
            if c.type == "FACILITY" and (not town or any(x.kind in TOWN_INSTALLATIONS for x in c.mentions)):
                for x in c.mentions:
                    if any(normalize(x.text).startswith(n + " ") for n in names):
                        return c
        return None

    # ---- sides, roles ---------------------------------------------------------------------------
    def side_from_context(self, doc: Doc, m: Mention, org_country) -> str | None:
        """The side a name's own words give it: "Russian" before it, "of Ukraine" or "'s" owner around it."""
        if m.span is None:
            return None
        before = [t for t in doc[max(0, m.span.start - 3):m.span.start]]
        while before and (before[0].is_punct or before[0].pos_ in ("VERB", "ADP", "DET", "CCONJ")):
            before = before[1:]
        cut = [i for i, t in enumerate(before) if t.is_punct or t.pos_ in ("VERB", "ADP", "DET", "CCONJ")]
        if cut:
            before = before[cut[-1] + 1:]
        for t in before:
            if t.text[:1].isupper():
                found = self.lexicon.country_of_word(t.text)
                if found:
                    return found
            if t.ent_type_ == "ORG":
                found = org_country(t.idx)
                if found:
                    return found
        after = [t for t in doc[m.span.end:m.span.end + 4] if t.lower_ != "the"]
        if len(after) >= 2 and after[0].lower_ in ("of", "from"):
            owner = after[1]  # "the Khimik group of the HUR", "forces of Ukraine"
            found = self.lexicon.country_of_word(owner.text) if owner.text[:1].isupper() else None
            return found or org_country(owner.idx)
        return None

    def descriptor(self, doc: Doc, span: Span) -> tuple[list, list, list]:
        """Words that describe a person: (the words right before the name, its appositions, its relative clauses).

        Appositions are read from the parse and, since the parser often attaches them elsewhere,
        from the punctuation too: "the commander of X, Gen. Name" and "Name, the head of X,".
        """
        root = span.root
        inside = {t.i for t in root.subtree} | set(range(span.start, span.end))
        appositions, clauses = [], []
        if root.dep_ == "appos":
            appositions += [t for t in root.head.subtree if t.i not in inside]
        for child in root.children:
            if child.dep_ == "appos" and child.i not in range(span.start, span.end):
                appositions += list(child.subtree)
            elif child.dep_ in ("relcl", "acl"):
                clauses += list(child.subtree)
        start = span.start
        before = []
        while start > 0 and span.start - start < 4 and (doc[start - 1].is_title or doc[start - 1].text == "."):
            start -= 1
            before.insert(0, doc[start])
        while start > 0 and (doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN") or doc[start - 1].ent_type_ == "NORP"):
            start -= 1
            before.insert(0, doc[start])
        appositions += self.apposition_before(doc, start) + self.apposition_after(doc, span.end)
        return before, sorted(set(appositions), key=lambda t: t.i), clauses

    def apposition_before(self, doc: Doc, start: int) -> list:
        """ "the commander of the Russian contingent, Gen. Name": the phrase from a role noun to the comma."""
        if start < 2 or doc[start - 1].text != ",":
            return []
        for j in range(start - 2, max(doc[start].sent.start, start - 14) - 1, -1):
            if doc[j].text in (",", ";", "(", "\u201c", '"') or doc[j].pos_ == "AUX":
                return []
            if doc[j].lower_ in ROLE_NOUNS and doc[j].is_lower:
                return list(doc[j:start - 1])
        return []

    def apposition_after(self, doc: Doc, end: int) -> list:
        """ "Name, the head of X,": the phrase after the comma when it starts with an article or role noun."""
        if end + 2 >= len(doc) or doc[end].text != ",":
            return []
        first = doc[end + 1]
        if not (first.lower_ in ("the", "a", "an", "former", "then") or first.lower_ in ROLE_NOUNS):
            return []
        out = []
        for t in doc[end + 1:min(len(doc), end + 15)]:
            if t.text in (",", ";", ".", ")") or t.pos_ in ("VERB", "AUX", "PRON") and t.tag_ != "VBN" \
                    or t.tag_ in ("WDT", "WP"):
                break
            out.append(t)
        return out if any(t.lower_ in ROLE_NOUNS for t in out) else []

    def person_side(self, descriptor: tuple[list, list, list], org_country) -> str | None:
        """The side from the words before the name (any country word), then from appositions and
        relative clauses (demonyms, possessive countries and organisations; not mere places)."""
        before, appositions, clauses = descriptor
        for t in before:
            found = self.lexicon.country_of_word(t.text) if t.text[:1].isupper() else None
            if found:
                return found
        for tokens in (appositions, clauses):
            for t in tokens:
                if t.ent_type_ in ("ORG", "FAC") and t.ent_iob_ == "B":
                    found = org_country(t.idx)
                    if found:
                        return found
                possessive = t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in POSSESSIVE[:2]
                if t.text[:1].isupper() and (t.ent_type_ == "NORP" or possessive or t.pos_ == "ADJ"):
                    found = self.lexicon.country_of_word(t.text)
                    if found:
                        return found
        return None

    def roles_of(self, doc: Doc, span: Span, descriptor: tuple[list, list, list]) -> list[tuple[str, int | None, str | None]]:
        """(title, start of an organisation mention in it, status) from the words before the name
        ("Kremlin spokesman"), appositions and relative clauses."""
        before, appositions, _ = descriptor
        roles = []
        if any(t.lower_ in ROLE_NOUNS and t.is_lower for t in before):
            org = next((t.idx for t in before if t.ent_type_ == "ORG" and t.ent_iob_ == "B"), None)
            former = before[0].lower_ in ("former", "ex")
            words = before[1:] if former else before
            roles.append((doc[words[0].i:words[-1].i + 1].text, org, "former" if former else "current", None, None))
        head = next((t for t in appositions if t.lower_ in ROLE_NOUNS and t.is_lower), None)
        if head is not None:
            phrase = [head]
            for t in appositions[appositions.index(head) + 1:]:
                if t.i != phrase[-1].i + 1 or t.is_punct or t.pos_ in ("VERB", "AUX", "PRON") or t.tag_ in ("WDT", "WP") \
                        or t.dep_ in ("acl", "relcl") or t.lower_ in ("since", "from", "until", "till", "between"):
                    break
                phrase.append(t)
            while phrase[0].i > 0 and (doc[phrase[0].i - 1].pos_ in ("ADJ", "PROPN", "NOUN") or doc[phrase[0].i - 1].text == "-") \
                    and doc[phrase[0].i - 1] in appositions and doc[phrase[0].i - 1].lower_ not in ("former", "then", "ex"):
                phrase.insert(0, doc[phrase[0].i - 1])
            while phrase[-1].pos_ in ("ADP", "DET", "CCONJ"):
                phrase.pop()
            former = any(t.lower_ in ("former", "ex", "then") for t in doc[max(0, head.i - 2):head.i])
            org = next((t.idx for t in phrase if t.ent_type_ == "ORG" and t.ent_iob_ == "B"), None)
            start, end = role_period(doc, appositions)
            roles.append((doc[phrase[0].i:phrase[-1].i + 1].text, org, "former" if former else "current", start, end))
        for clause in (c for c in span.root.children if c.dep_ == "relcl"):
            verb = next((t for t in clause.subtree if t.lower_ in ROLE_VERBS), clause)
            noun = ROLE_VERBS.get(verb.lower_)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if noun and obj is not None:
                words = [t for t in obj.subtree if t.i <= obj.i]
                text = doc[words[0].i:obj.i + 1].text
                past = verb.tag_ in ("VBD", "VBN") or any(a.lower_ in ("had", "was") for a in verb.children)
                org = next((t.idx for t in obj.subtree if t.ent_type_ == "ORG" and t.ent_iob_ == "B"), None)
                start, end = role_period(doc, list(clause.subtree))
                if end and doc._.thuc_published and end < doc._.thuc_published:
                    past = True
                roles.append((f"{noun} of {text}", org, "former" if past else "current", start, end))
        return roles

    # ---- generic actors -----------------------------------------------------------------------
    def generic_clusters(self, doc: Doc, generics: list[GenericMention], clusters: list[Cluster],
                         org_country, person_country, home: str | None) -> list[Cluster]:
        out: dict[tuple, Cluster] = {}
        needs_side = set(self.lexicon.generic.get("needs_side", []))
        own_army = leading_country(self.place_votes(clusters))  # "the army retook Khartoum" in a report on Sudan
        org_cluster = {m.start: c for c in clusters for m in c.mentions if c.type == "ORGANIZATION"}
        for g in generics:
            country = g.country
            if country is None and g.side_org is not None:
                owner = org_cluster.get(g.side_org)
                if owner is not None and owner.entry and owner.entry.kind == "armed_group":
                    owner.mentions.append(Mention(g.start, g.end, g.text, "ORGANIZATION"))
                    continue
                country = org_country(g.side_org)
            if country is None and g.side_person is not None:
                country = person_country(g.side_person)
            category = g.category
            if g.pro:
                category, country = "opposition", home
            if country is None:
                if category in needs_side and not (own_army and self.the_army(doc, g)):
                    continue
                country = own_army if category in needs_side else home
            key = (category, country)
            cluster = out.setdefault(key, Cluster(generic_key=key))
            cluster.mentions.append(Mention(g.start, g.end, g.text, "ORGANIZATION"))
            if country:
                cluster.countries[country] += 1
        return list(out.values())

    def people_clusters(self, doc: Doc) -> list[Cluster]:
        """Plural demonyms used as nouns ("Russians in Syria")."""
        out: dict[str, Cluster] = {}
        for ent in doc.ents:
            if ent.label_ == "NORP" and not ent.ent_id_ and ent.root.tag_ in ("NNPS", "NNS"):
                country = self.lexicon.country_of_word(ent.text)
                if country:
                    cluster = out.setdefault(country, Cluster(generic_key=("people", country)))
                    cluster.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, "ORGANIZATION", ent))
                    cluster.countries[country] += 1
        return list(out.values())

    # ---- assembly -----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        mentions = self.mentions_of(doc)
        clusters = self.with_nicknames_joined(doc, self.cluster(doc, mentions))
        self.organisations_by_apposition(doc, clusters)
        cluster_at = {m.start: c for c in clusters for m in c.mentions}

        def country_at(char: int, people: bool = False) -> str | None:
            """The side of the entity mentioned at `char` (of a person only with `people`)."""
            c = cluster_at.get(char)
            return c.country if c is not None and (people or c.type != "PERSON") else None

        org_country = country_at

        for c in clusters:  # organisations and places first: people's sides lean on them
            if c.type != "PERSON" and not c.country:
                for m in c.mentions:
                    found = m.country or self.side_from_context(doc, m, lambda i: None)
                    if found:
                        c.countries[found] += 1
        for c in clusters:
            if c.type == "ORGANIZATION" and not c.country:
                first_word = c.mentions[0].text.split()[0]
                if first_word[:1].isupper() and self.lexicon.country_of_word(first_word):
                    c.countries[self.lexicon.country_of_word(first_word)] += 1  # "Somali Military Command"
                for m in c.mentions:
                    found = self.side_from_context(doc, m, org_country)
                    if found:
                        c.countries[found] += 1
        for c in clusters:
            if c.type == "PERSON":
                for m in c.mentions:
                    if m.span is None:
                        continue
                    descriptor = self.descriptor(doc, m.span)
                    found = m.country or self.person_side(descriptor, org_country)
                    if found:
                        c.countries[found] += 1
                    c.roles.extend(self.roles_of(doc, m.span, descriptor))

        home = self.home_country(clusters)
        clusters += self.generic_clusters(doc, doc._.thuc_generic or [], clusters, org_country,
                                          lambda char: country_at(char, people=True), home)
        clusters += self.people_clusters(doc)
        clusters.sort(key=lambda c: min(m.start for m in c.mentions))
        for n, c in enumerate(clusters, 1):
            c.id = f"E{n}"
        id_at = {m.start: c.id for c in clusters for m in c.mentions}
        doc._.thuc_entities = [self.to_entity(c, id_at) for c in clusters]
        return doc

    @staticmethod
    def the_army(doc: Doc, g: GenericMention) -> bool:
        """ "the army", "the military", "the armed forces": a country's own forces, named without its name."""
        return g.text.lower() in OWN_FORCES and doc.text[max(0, g.start - 4):g.start].lower() == "the "

    @staticmethod
    def place_votes(clusters: list[Cluster]) -> Counter:
        """The mentions of the report's places, by the country they lie in."""
        votes = Counter()
        for c in clusters:
            if c.type in ("LOCATION", "FACILITY") and c.country:
                votes[c.country] += len(c.mentions)
        return votes

    def home_country(self, clusters: list[Cluster]) -> str | None:
        """The country the report is mostly about: the most mentioned country among its places."""
        votes = self.place_votes(clusters)
        return votes.most_common(1)[0][0] if votes else None

    def to_entity(self, c: Cluster, id_at: dict[int, str]) -> Entity:
        forms = []
        for m in c.mentions:
            forms += [m.text, *m.forms]
        if c.generic_key:
            name = self.generic_name(c)
        else:
            name = self.canonical_name(c)
        aliases = []
        for form in forms + ([c.entry.name] if c.entry else []):
            form = re.sub(r"^(the|The) ", "", form)
            if normalize(form) != normalize(name) and normalize(form) not in {normalize(a) for a in aliases}:
                aliases.append(form)
        titles = []
        for m in c.mentions:
            titles += [t for t in m.titles if t not in titles and t not in HONORIFICS]
        kind = next((m.kind for m in c.mentions if m.kind), None) or (c.entry.kind if c.entry else None)
        if c.generic_key:
            kind = {"diplomats": "government", "officials": "government", "opposition": "armed_group",
                    "people": "people", "civilians": "civilians", "protesters": "protesters",
                    "police": "police", "gangs": "militia"}.get(c.generic_key[0], "military")
        roles = []
        seen = set()
        civil = [(t, None, "former" if t.lower().startswith("former") else "current", None, None) for t in titles
                 if t in self.civil_titles]
        for title, org_char, status, start, end in c.roles + civil:
            if title.lower() in seen:
                continue
            seen.add(title.lower())
            roles.append(Role(title=title, organization=id_at.get(org_char) if org_char is not None else None,
                              start=start, end=end,
                              status=status))
        return Entity(id=c.id, name=name, type=c.type, kind=kind, aliases=tuple(aliases), country=c.country,
                      titles=tuple(titles) if c.type == "PERSON" else (), roles=tuple(roles) if c.type == "PERSON" else (),
                      mentions=tuple(sorted({(m.start, m.end) for m in c.mentions})), generic=bool(c.generic_key))

    def canonical_name(self, c: Cluster) -> str:
        """The fullest proper form used in the text; the lexicon's name when the text only has an acronym."""
        texts = [m.text for m in c.mentions]
        proper = [t for t in texts if not t.isupper() and all(w[:1].isupper() for w in re.findall(r"[^\W\d_]{4,}", t))]
        if not proper and c.entry:
            return c.entry.name
        name = max(proper or texts, key=lambda t: (len(t.split()), len(t)))
        if not proper and c.type in ("LOCATION", "FACILITY") and name.isupper() and len(name) > 3:
            return name.title()  # "KANO, Nigeria (Reuters)": Kano; "DRC" and "UAE" stay
        return name

    def generic_name(self, c: Cluster) -> str:
        category, country = c.generic_key
        template = GENERIC_NAMES.get(category, "{adj} forces")
        if country and country in self.lexicon.countries:
            adj = self.lexicon.countries[country].adjective
            return template.format(adj=adj, plural=c.mentions[0].text)
        name = template.format(adj="", plural=c.mentions[0].text).strip()
        if not name or name.islower() and "{adj}" in template:  # no side: the words the report used ("Militants")
            name = c.mentions[0].text
        return name[:1].upper() + name[1:]


def aged(doc: Doc, end: int) -> bool:
    """ "Beryl, 81, met ...": an age in commas after a name makes it a person's."""
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].text.isdigit() \
        and 0 < int(doc[end + 1].text) <= MAX_AGE and doc[end + 2].text == ","


def is_time_zone(doc: Doc, ent: Span) -> bool:
    """ "11:59 p.m. CT", "at 0900 GMT": the zone of a clock time, not Connecticut or a company."""
    return ent.text in TIME_ZONES and ent.start > 0 and bool(CLOCK_TIME.fullmatch(doc[ent.start - 1].text))


def role_period(doc: Doc, tokens: list) -> tuple[str | None, str | None]:
    """Start and end of a role from a time expression among its words ("from 2017 to 2019", "since 2022")."""
    if not tokens:
        return None, None
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    for mention in find_time_expressions(doc[first:last + 1].text):
        when = resolve(mention.text, doc._.thuc_published, "past")
        if when.precision != "unknown":
            if mention.text.lower().startswith("since"):
                return when.start, None
            return when.start, when.end
    return None, None


@Language.factory("thuc_entities")
def make_entity_builder(nlp: Language, name: str) -> EntityBuilder:
    return EntityBuilder(get_lexicon())
