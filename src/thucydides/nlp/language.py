"""Language identification, so that a French report is said to be French, not read as English."""
from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 3000
MIN_CONFIDENCE = 0.5
ENGLISH_CREOLES = {"pcm"}  # Nigerian Pidgin: what a short English report about Nigeria can look like to the model
ENGLISH_ENOUGH = 0.3  # English this likely is read as English (a tool that reads only English errs towards it)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text; 'en' when unsure (short or mixed text)."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < 40:
        return "en"
    ranked = _identifier().rank(sample)
    code, confidence = ranked[0]
    english = next((p for c, p in ranked if c == "en"), 0.0)
    if code in ENGLISH_CREOLES or english >= ENGLISH_ENOUGH:
        return "en"
    return code if confidence >= MIN_CONFIDENCE else "en"
