"""Shared fixtures: paths into ../shared, one spaCy pipeline for the whole run, and stores on both backends:
a SQLite file, and a PostgreSQL schema of its own when THUC_TEST_PG is set."""
from __future__ import annotations

import os
import uuid
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

PG = os.environ.get("THUC_TEST_PG")


def postgres_schema_url(base: str, schema: str) -> str:
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db_url(request, tmp_path):
    """Makes fresh, empty store locations on one backend (PostgreSQL: schemas dropped afterwards)."""
    if request.param == "postgresql" and not PG:
        pytest.skip("THUC_TEST_PG is not set (e.g. postgresql://postgres@127.0.0.1/test)")
    schemas: list[str] = []

    def make() -> str:
        if request.param == "sqlite":
            return str(tmp_path / f"store-{uuid.uuid4().hex[:8]}.sqlite")
        import psycopg

        schema = f"thuc_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        return postgres_schema_url(PG, schema)

    yield make
    if schemas:
        import psycopg

        with psycopg.connect(PG, autocommit=True) as connection:
            for schema in schemas:
                connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def db_url(new_db_url):
    """A fresh, empty store location on each backend."""
    return new_db_url()


@pytest.fixture
def store(db_url):
    from thucydides.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_extractions():
    """The dev corpus and the bundled samples, extracted once for the session."""
    from thucydides.extraction import extract_documents, make_document
    from thucydides.ingest import read_path
    from thucydides.ingest.sources import folder_reports
    from thucydides.cli import sample_paths

    require_shared()
    paths = folder_reports(DEV_CORPUS) + [str(p) for p in sample_paths()]
    documents = [make_document(r) for p in paths for r in read_path(p)]
    return list(extract_documents(documents))
