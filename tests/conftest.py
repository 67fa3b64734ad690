"""Shared fixtures: paths into ../shared and one spaCy pipeline for the whole run."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
SCHEMA = SHARED / "spec" / "extraction.schema.json"


@pytest.fixture(scope="session")
def nlp():
    from thucydides.nlp.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def entities_of(nlp):
    """Entities of a sentence, by name."""

    def run(text: str) -> dict:
        return {e.name: e for e in nlp(text)._.thuc_entities}

    return run


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer `thuc` uses, built once (about half a minute) where it keeps it."""
    from thucydides.gazetteer.query import get_gazetteer

    return get_gazetteer()


def require_shared() -> None:
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
