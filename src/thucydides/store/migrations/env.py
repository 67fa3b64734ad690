"""Alembic environment: migrations run on the connection the store opened (see store/database.py)."""
from alembic import context

from thucydides.store.schema import managed_by_metadata, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through thucydides.store.database.migrate(), which passes a connection")
context.configure(connection=connection, target_metadata=metadata, include_name=managed_by_metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
