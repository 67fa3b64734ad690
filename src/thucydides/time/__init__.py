"""Time: find time expressions in a report and resolve them against the report's own date."""
from thucydides.time.resolve import resolve

__all__ = ["resolve"]
