"""Sentences and paragraphs of a parsed report, computed once and shared by the components."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token


class Layout:
    """The report's sentences, the sentence of every token, and the paragraph of every sentence
    (paragraphs end at line breaks)."""

    def __init__(self, doc: Doc):
        self.sents: list[Span] = list(doc.sents)
        self.sentence_of_token: list[int] = [0] * len(doc)
        self.paragraphs: list[int] = []
        number, previous_end = 0, 0
        text = doc.text  # computed by spaCy on every access: once
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of_token[i] = k
            if "\n" in text[previous_end:sent.start_char]:
                number += 1
            body = sent.text.rstrip()
            number += body.count("\n")
            self.paragraphs.append(number)
            previous_end = sent.start_char + len(body)

    def sentence_of(self, token: Token) -> int:
        return self.sentence_of_token[token.i]

    def paragraph_of(self, token: Token) -> int:
        return self.paragraphs[self.sentence_of_token[token.i]]


def layout_of(doc: Doc) -> Layout:
    found = doc.user_data.get("thuc_layout")
    if found is None or len(found.sentence_of_token) != len(doc):
        found = Layout(doc)
        doc.user_data["thuc_layout"] = found
    return found
