"""Keys that place names are indexed and looked up by: a folded form, and a skeleton that survives
transliteration ("Khmeimim"/"Hmeimim", "Khan Shaykhun"/"Khan Sheikhoun", "Kamishly"/"Qamishli")."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|ash|az|ath|ed|es|et)\s+(?=\S)")
ARTICLE_ANYWHERE = re.compile(r"\b(?:al|el|ar|as|ad|an|at|ash|az|ath|ed|es|et)\s+(?=\S)")
SOUNDS = [("kh", "h"), ("gh", "g"), ("q", "k"), ("ck", "k"), ("ph", "f"), ("dh", "d"), ("th", "t"), ("w", "u"),
          ("y", "i"), ("z", "s"), ("c", "k")]


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lower case ASCII without diacritics, apostrophes or punctuation; no leading "the"."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2019'`\u02bf\u02be\u2018\u02bb]", "", text.lower())
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def keys(name: str) -> set[str]:
    """The folded name, and the same without a leading Arabic article ("Al-Tanf" -> "tanf")."""
    folded = fold(name)
    out = {folded} if folded else set()
    bare = ARTICLE.sub("", folded)
    if bare and bare != folded:
        out.add(bare)
    return out


def skeleton(name: str) -> str:
    """A transliteration-tolerant key: articles dropped, similar sounds merged, vowel runs as one vowel."""
    text = ARTICLE_ANYWHERE.sub("", fold(name))
    for old, new in SOUNDS:
        text = text.replace(old, new)
    text = re.sub(r"([a-z])\1+", r"\1", text)
    text = re.sub(r"[aeiou]+", "a", text)
    text = re.sub(r"ah\b", "a", text)
    return re.sub(r"\s+", " ", text).strip()


def is_latin(name: str) -> bool:
    """A name written in Latin letters (possibly with diacritics): the only ones English reports use."""
    folded = unicodedata.normalize("NFKD", name)
    letters = [c for c in folded if c.isalpha()]
    return bool(letters) and all("a" <= c.lower() <= "z" for c in letters)
