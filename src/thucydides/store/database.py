"""Opening a store: a SQLite file (WAL, one writer) or a PostgreSQL URL, migrated to the current schema."""
from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

ENV_DB = "THUC_DB"
ENV_BUSY_TIMEOUT = "THUC_DB_BUSY_TIMEOUT"
BUSY_TIMEOUT_S = 10.0


def busy_timeout() -> float:
    """Seconds a SQLite writer waits for another writer before giving up: $THUC_DB_BUSY_TIMEOUT, else 10."""
    try:
        return float(os.environ.get(ENV_BUSY_TIMEOUT, BUSY_TIMEOUT_S))
    except ValueError:
        return BUSY_TIMEOUT_S


class StoreError(Exception):
    """A store that cannot be opened or written; the message says what to do."""


def default_db() -> str:
    """$THUC_DB, else store.sqlite in the user's data directory."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("thucydides")) / "store.sqlite")


def database_url(db: str) -> str:
    """A SQLAlchemy URL for a --db value: a URL as given, a path as a SQLite file."""
    if "://" in db:
        if db.startswith("postgresql://") or db.startswith("postgres://"):
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def check_sqlite_path(path: Path) -> None:
    """Refuse, with the reason, a SQLite path that cannot be written (before anything is half-done)."""
    folder = path.parent
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder: give a file name for the store, e.g. {path / 'store.sqlite'}")
        if not os.access(path, os.W_OK):
            raise StoreError(f"{path} is read-only: make it writable, or use another --db")
    elif not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        raise StoreError(f"{folder} is read-only (SQLite writes its journal beside the file): use another --db")


def sqlite_settings(dbapi_connection, _record) -> None:
    """WAL (readers never wait for the writer), foreign keys on, and a bounded wait for a busy writer."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout() * 1000)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    deadline = time.monotonic() + busy_timeout()
    while cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:  # switching a new file to WAL needs it to itself: another process may be creating it too
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cursor.close()


WRITER_LOCK = 0x7468_7563  # "thuc": PostgreSQL advisory lock held by the one writing transaction


def serialize_writers(connection) -> None:
    """Take the store's write lock at the start of a writing transaction, so that two ingests into one
    store take turns instead of both creating the same entity (SQLite: BEGIN IMMEDIATE does it)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def immediate_transactions(engine: Engine) -> Engine:
    """SQLite: writing transactions take the write lock when they begin (waiting up to the busy timeout),
    instead of failing half way when another writer got there between their reads and their writes."""
    @event.listens_for(engine, "connect")
    def no_implicit_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def begin_immediate(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_write_engine(db: str, engine: Engine) -> Engine:
    """The engine writes go through: for SQLite a second one whose transactions begin IMMEDIATE."""
    if engine.dialect.name != "sqlite":
        return engine
    return immediate_transactions(make_engine(db))


def make_engine(db: str) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite:///file:"):  # a SQLite URI, e.g. read-only: sqlite:///file:/path?mode=ro&uri=true
        engine = create_engine(url, connect_args={"timeout": busy_timeout()})
        event.listen(engine, "connect", sqlite_settings)
        return engine
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        check_sqlite_path(path)
        engine = create_engine(url, connect_args={"timeout": busy_timeout()})
        event.listen(engine, "connect", sqlite_settings)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as error:
        raise StoreError(f"cannot use database {db!r}: {error}") from None


def schema_version(connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (creating it in an empty database); pass the
    write engine, so that two processes opening a new store at once migrate it once."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(resources.files("thucydides.store") / "migrations"))
    head = ScriptDirectory.from_config(config).get_current_head()
    with translated_errors(engine):
        with engine.connect() as connection:
            if schema_version(connection) == head:
                return
        with engine.begin() as connection:
            serialize_writers(connection)
            if schema_version(connection) != head:  # another process may have done it meanwhile
                config.attributes["connection"] = connection
                command.upgrade(config, "head")


def describe(engine: Engine) -> str:
    """The store as a person would name it: the file, or the server URL without a password."""
    if engine.dialect.name == "sqlite":
        return str(engine.url.database)
    return engine.url.render_as_string(hide_password=True)


@contextmanager
def translated_errors(engine: Engine):
    """Database errors become StoreErrors that say what happened and what to do."""
    try:
        yield
    except OperationalError as error:
        text = str(error.orig).lower()
        where = describe(engine)
        if "locked" in text or "busy" in text:
            raise StoreError(f"{where} is locked by another program (another thuc ingest?): wait for it to "
                             "finish, or use another --db; nothing of this report was written") from None
        if "readonly" in text or "read-only" in text:
            raise StoreError(f"{where} is read-only: make it writable, or use another --db") from None
        if "unable to open" in text:
            raise StoreError(f"{where} cannot be opened: check the path and its folder's permissions") from None
        raise StoreError(f"{where}: {str(error.orig).strip().splitlines()[0]}") from None
    except DBAPIError as error:
        raise StoreError(f"{describe(engine)}: {str(error.orig).strip().splitlines()[0]}") from None
