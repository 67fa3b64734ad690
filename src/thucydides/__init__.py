"""Thucydides: who did what to whom, where and when, and according to whom, from conflict reports."""
from thucydides.extraction import extract
from thucydides.model import Attribution, Document, Entity, Event, Extraction, Geo, Quantity, Role, When

__version__ = "0.1.0"
__all__ = ["extract", "Attribution", "Document", "Entity", "Event", "Extraction", "Geo", "Quantity", "Role", "When"]
