"""The Alembic migrations build exactly the tables of schema.py, on both backends, and go back down."""
from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from thucydides.store.database import make_engine, migrate
from thucydides.store.schema import managed_by_metadata, metadata


def alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("thucydides.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def test_migrated_schema_matches_the_tables_the_code_uses(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": managed_by_metadata})
        diff = compare_metadata(context, metadata)
        tables = set(inspect(connection).get_table_names())
    assert diff == []
    assert {t.name for t in metadata.sorted_tables} <= tables
    migrate(engine)  # a second open is a no-op
    engine.dispose()


def test_downgrade_removes_everything_and_upgrade_restores_it(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    with engine.connect() as connection:
        left = set(inspect(connection).get_table_names()) - {"alembic_version"}
    assert not (left - {"documents_fts_config", "documents_fts_data", "documents_fts_docsize", "documents_fts_idx",
                        "documents_fts_content"}) and "documents" not in left
    migrate(engine)
    with engine.connect() as connection:
        assert "events" in inspect(connection).get_table_names()
    engine.dispose()
