"""Exports of the store: ACLED-style CSV, GeoJSON, JSON Lines of the contract, a STIX 2.1 bundle."""
from __future__ import annotations

from typing import TextIO

FORMATS = ("acled", "geojson", "jsonl", "stix")


def export(store, format: str, out: TextIO, **filters) -> int:
    """Write the store (the events the filters select) in a format; returns how many items were written."""
    if format == "acled":
        from thucydides.export.acled import write_acled as write
    elif format == "geojson":
        from thucydides.export.geojson import write_geojson as write
    elif format == "jsonl":
        from thucydides.export.jsonl import write_jsonl as write
    elif format == "stix":
        from thucydides.export.stix import write_stix as write
    else:
        raise ValueError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    return write(store, out, **filters)
