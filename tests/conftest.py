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


DESK_REPORTS = [  # written for the tests: (outlet, published, text)
    ("Kyiv Independent", "2025-03-12", "Russian forces struck an ammunition depot near Kramatorsk on Tuesday, according "
                                       "to Ukraine's military intelligence agency, the HUR."),
    ("Ukrainska Pravda", "2025-03-12", "Russian troops hit an ammunition depot on the outskirts of Kramatorsk on March 11, "
                                       "Ukrainian military intelligence (HUR) said on Wednesday."),
    ("Sudan Tribune", "2025-02-20", "The Rapid Support Forces shelled El Fasher on Monday, killing 14 civilians, local "
                                    "activists said."),
    ("Times of Israel", "2025-01-06", "Houthi forces fired a ballistic missile at Eilat on Sunday, the Israeli military said."),
    ("Enab Baladi", "2024-12-01", "Hayat Tahrir al-Sham fighters captured the city of Aleppo on Nov. 30, the Syrian "
                                  "Observatory for Human Rights said."),
    ("Injected <b>Outlet</b>", "2025-03-04", "Russian forces shelled Kherson on Monday, the regional governor said.\n\n"
                                             "<script>alert(1)</script> <img src=x onerror=alert(2)>"),
    ("Moscow Times", "2024-12-07", "The Kremlin dismissed Col. Gen. Alexander Chaiko, the commander of Russian forces in "
                                   "Syria, on Friday."),
]


@pytest.fixture(scope="session")
def desk_db(tmp_path_factory) -> str:
    """A SQLite store of the reports above: what the API and the web page are tested on."""
    from thucydides.extraction import extract
    from thucydides.store import open_store

    path = str(tmp_path_factory.mktemp("desk") / "desk.sqlite")
    with open_store(path) as store:
        for outlet, published, text in DESK_REPORTS:
            store.write(extract(text, published=published, outlet=outlet))
    return path
