"""`thuc_line_breaks`: a line break ends a sentence, so headlines and paragraphs never run together, and a
wire dateline ("GAZA CITY (AP) — ", "KHARTOUM, June 3 (Reuters) - ") ends before the sentence it opens.

Placed before the parser, which keeps boundaries set in advance.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.nlp.datelines import opening_dateline


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after any whitespace token holding a newline, and after a
    dateline that opens the text or a paragraph (the parser otherwise reads the city as the subject)."""
    starts = [0]
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.idx + len(token.text))
    text = doc.text  # joined from the tokens at every access: once
    for start in starts:
        found = opening_dateline(text, start)
        if found:
            span = doc.char_span(found.end, found.end + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
    return doc


@Language.component("thuc_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
