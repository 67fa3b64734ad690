"""`thuc_titles`: parses ranks and titles off people's names ("Col. Gen. Alexander Zhuravlyov")."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from thucydides.nlp.entities import ROLE_NOUNS
from thucydides.nlp.lexicon import get_lexicon, normalize

MAX_TITLE_TOKENS = 5
MAX_NAME_TOKENS = 4
# Words that make "Justice Ministry" or "General Staff" an organisation, not a titled person.
NOT_A_NAME = {"ministry", "department", "staff", "council", "command", "forces", "army", "office", "court",
              "committee", "assembly", "service", "directorate", "headquarters", "corps", "of", "and", "the"}

PORTFOLIO_TITLES = {"minister", "secretary"}  # "Communication Minister", "Home Secretary"

if not Doc.has_extension("thuc_titles"):
    Doc.set_extension("thuc_titles", default=None)


class TitleParser:
    """Moves titles out of PERSON spans, collects those standing before them, and types titled names as people."""

    def __init__(self, titles: tuple[str, ...], tokenizer):
        self.vocab_titles: dict[tuple[str, ...], str] = {}
        for title in titles:
            self.vocab_titles.setdefault(tuple(t.text for t in tokenizer(title)), title)

    def title_ending_at(self, doc: Doc, end: int) -> tuple[int, str] | None:
        """The longest title whose last token is doc[end - 1]: (its start, the title)."""
        for size in range(min(MAX_TITLE_TOKENS, end), 0, -1):
            key = tuple(t.text for t in doc[end - size:end])
            if key in self.vocab_titles:
                return end - size, self.vocab_titles[key]
        return None

    def title_starting_at(self, doc: Doc, start: int, limit: int) -> tuple[int, str] | None:
        for size in range(min(MAX_TITLE_TOKENS, limit - start), 0, -1):
            key = tuple(t.text for t in doc[start:start + size])
            if key in self.vocab_titles:
                return start + size, self.vocab_titles[key]
        return None

    def title_covers(self, doc: Doc, start: int, end: int) -> bool:
        while start < end:
            found = self.title_starting_at(doc, start, end)
            if not found:
                return False
            start = found[0]
        return True

    def titles_before(self, doc: Doc, start: int) -> tuple[int, list[str]]:
        titles = []
        while start > 0:
            found = self.title_ending_at(doc, start)
            if not found:
                break
            start, title = found
            titles.insert(0, title)
        return start, titles

    def name_after(self, doc: Doc, start: int) -> int:
        """End of the run of capitalised name tokens starting at `start` (== start when there is none)."""
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS:
            token = doc[end]
            if token.is_title and token.is_alpha and token.lower_ not in NOT_A_NAME and token.pos_ == "PROPN":
                end += 1
            elif token.text in ("al", "-", "bin", "ibn", "de", "van", "von") and end > start and end + 1 < len(doc) \
                    and doc[end + 1].is_title:
                end += 1
            else:
                break
        while end > start and not doc[end - 1].is_title:
            end -= 1
        return end

    def __call__(self, doc: Doc) -> Doc:
        titles: dict[int, tuple[str, ...]] = {}
        spans = []
        for ent in doc.ents:
            start, end, label = ent.start, ent.end, ent.label_
            if not ent.ent_id_ and self.title_covers(doc, start, end):
                continue  # "Lt." alone is a title, not a name
            while label in ("PERSON", "ORG", "GPE", "NORP") and not ent.ent_id_:
                found = self.title_starting_at(doc, start, end - 1)
                if not found or label != "PERSON" and not self.is_name(doc, found[0], end):
                    break  # "General Staff", "General Command": an organisation, not a titled person
                start, label = found[0], "PERSON"
            _, outer = self.titles_before(doc, start)
            if outer and label in ("ORG", "GPE", "NORP") and not ent.ent_id_ and self.is_name(doc, start, end):
                label = "PERSON"
            if label in ("ORG", "GPE", "NORP") and not ent.ent_id_ and self.named_after_role(doc, start, end):
                label = "PERSON"  # "A Rwandan government spokesperson, Yolande Makolo, said"
            if label == "PERSON" and outer:
                titles[doc[start].idx] = tuple(outer)  # titles stripped from inside the span are in `outer` too
            spans.append(Span(doc, start, end, label=label, span_id=ent.ent_id_) if (start, label) != (ent.start, ent.label_)
                         else ent)
        taken = {i for s in spans for i in range(s.start, s.end)}
        for i, token in enumerate(doc):
            if i in taken or not token.is_title:
                continue
            found = self.title_ending_at(doc, i)
            if not found or found[0] in taken:
                continue
            end = self.name_after(doc, i)
            if end > i and not any(j in taken for j in range(i, end)):
                _, outer = self.titles_before(doc, i)
                spans.append(Span(doc, i, end, label="PERSON"))
                titles[token.idx] = tuple(outer)
                taken.update(range(i, end))
        spans = self.with_portfolios_in_titles(doc, spans, titles)
        doc.ents = tidy(doc, filter_spans(spans))
        doc._.thuc_titles = titles
        return doc

    def with_portfolios_in_titles(self, doc: Doc, spans: list[Span], titles: dict[int, tuple[str, ...]]) -> list[Span]:
        """ "Communication Minister Patrick Muyaya", "Interior Minister X": the portfolio the model read as an
        organisation ("Communication", "Interior") is part of the minister's title, not an entity of its own."""
        drop: set[tuple[int, int]] = set()
        for span in spans:
            outer = titles.get(doc[span.start].idx) if span.label_ == "PERSON" else None
            if not outer or outer[0].split()[-1].lower() not in PORTFOLIO_TITLES:
                continue
            title_start, _ = self.titles_before(doc, span.start)
            for other in spans:
                if other.label_ not in ("ORG", "GPE", "NORP") or other.id_:
                    continue
                if title_start <= other.start and other.end <= span.start:
                    drop.add((other.start, other.end))  # "Interior" inside "Interior Minister"
                elif other.end == title_start and len(other) <= 3 and all(t.is_title for t in other) \
                        and other.label_ == "ORG":
                    drop.add((other.start, other.end))
                    titles[doc[span.start].idx] = (f"{other.text} {outer[0]}", *outer[1:])
        return [s for s in spans if (s.start, s.end) not in drop]

    def named_after_role(self, doc: Doc, start: int, end: int) -> bool:
        """A name of two or three capitalised words right after a role noun ("the regional governor Oleh Kiper"), or
        set off by commas after one and opening with a given name ("the army's spokesman, Nabil Abdallah,"): a
        person whatever the model read."""
        if not (2 <= end - start <= 3 and start >= 2 and self.is_name(doc, start, end)):
            return False
        if doc[start - 1].lower_ in ROLE_NOUNS and doc[start - 1].is_lower:
            return get_lexicon().country_of_word(doc[start].text) is None  # not "the minister Israel ..."
        return doc[start - 1].text == "," and doc[start - 2].lower_ in ROLE_NOUNS \
            and normalize(doc[start].text) in get_lexicon().given_names

    def is_name(self, doc: Doc, start: int, end: int) -> bool:
        return all(t.is_title and t.lower_ not in NOT_A_NAME for t in doc[start:end] if t.is_alpha)


def sentence_opening(doc: Doc, i: int) -> bool:
    """The token starts its sentence, or follows only an opening quotation mark or bracket there."""
    k = i
    while k > 0 and doc[k - 1].is_punct and doc[k - 1].text in ("“", '"', "'", "‘", "(", "[", "—", "-"):
        k -= 1
    return k == 0 or doc[k].is_sent_start or doc[k - 1].is_space and "\n" in doc[k - 1].text


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    """One-word nouns of generic actors ("gunmen", "rebels", "troops")."""
    categories = get_lexicon().generic["categories"].values()
    return frozenset(n.lower() for spec in categories for n in spec["nouns"] if " " not in n)


@lru_cache(maxsize=1)
def ethnic_groups() -> frozenset[str]:
    return frozenset(w.lower() for w in get_lexicon().generic.get("ethnic_groups", ()))


def tidy(doc: Doc, spans: list[Span]) -> list[Span]:
    """The model's span slips mended: a lower-case word at either edge dropped ("Bilozerka in"), a name the
    model cut in two made whole again ("Oleksandr" + "Prokudin"), and peoples ("Tuareg") not taken for names."""
    out: list[Span] = []
    peoples = ethnic_groups()
    for span in sorted(spans, key=lambda s: s.start):
        if span.label_ in ("PERSON", "ORG", "GPE") and not span.id_ and span.text.lower() in peoples:
            span = Span(doc, span.start, span.end, label="NORP")
        if len(span) == 1 and not span.id_ and span.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP") \
                and doc[span.start].lower_ in generic_nouns():
            continue  # "Gunmen abducted ...": a generic actor, not a place or a name
        if len(span) == 1 and span.label_ in ("PERSON", "ORG", "GPE") and not span.id_ and sentence_opening(doc, span.start) \
                and doc[span.start].pos_ in ("ADJ", "VERB", "ADV") and doc[span.start].tag_ != "NNP":
            continue  # "“Coordinated airstrikes by ...": a capital for the sentence, not a name
        start, end = span.start, span.end
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and doc[end - 1].is_stop:
            end -= 1
        while end - start > 1 and doc[start].is_lower and doc[start].is_alpha and doc[start].is_stop \
                and span.label_ not in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"):
            start += 1
        if (start, end) != (span.start, span.end):
            span = Span(doc, start, end, label=span.label_, span_id=span.id_)
        previous = out[-1] if out else None
        if previous is not None and previous.label_ == span.label_ == "PERSON" and previous.end == span.start \
                and not doc[previous.end - 1].whitespace_ == "" and all(t.is_title for t in span):
            out[-1] = Span(doc, previous.start, span.end, label="PERSON", span_id=previous.id_)
            continue
        out.append(span)
    return out


@Language.factory("thuc_titles")
def make_title_parser(nlp: Language, name: str) -> TitleParser:
    """Ranks and titles from the packaged list (`data/ranks.yaml`)."""
    lexicon = get_lexicon()
    return TitleParser(lexicon.military_ranks + lexicon.civil_titles, nlp.tokenizer)
