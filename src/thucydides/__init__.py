"""Thucydides: who did what to whom, where and when, and according to whom, from conflict reports."""
from thucydides.extraction import extract
from thucydides.model import Attribution, Document, Entity, Event, Extraction, Geo, Quantity, Role, When

__version__ = "0.1.0"
__all__ = ["extract", "open_store", "Store", "StoreError", "Attribution", "Document", "Entity", "Event", "Extraction",
           "Geo", "Quantity", "Role", "When"]
STORE_NAMES = ("open_store", "Store", "StoreError")


def __getattr__(name: str):
    """The store's names, imported when first used (SQLAlchemy is not needed to extract)."""
    if name in STORE_NAMES:
        from thucydides import store

        return getattr(store, name)
    raise AttributeError(f"module 'thucydides' has no attribute {name!r}")
