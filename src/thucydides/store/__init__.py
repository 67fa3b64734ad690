"""The store: reports kept for good, entities and events resolved across reports, questions answered."""
from thucydides.store.database import StoreError
from thucydides.store.store import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]
