"""`thuc_line_breaks`: a line break ends a sentence, so headlines and paragraphs never run together.

Placed before the parser, which keeps boundaries set in advance.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after any whitespace token holding a newline."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("thuc_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
