"""GeoJSON: a FeatureCollection with one Point per event that has a place on the map."""
from __future__ import annotations

import json
from typing import TextIO


def write_geojson(store, out: TextIO, **filters) -> int:
    filters.setdefault("limit", None)
    features = []
    for event in store.events(**filters):
        if event.lat is None:
            continue
        properties = {k: v for k, v in event.to_dict().items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "id": event.id,
                         "geometry": {"type": "Point", "coordinates": [round(event.lon, 6), round(event.lat, 6)]},
                         "properties": properties})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
