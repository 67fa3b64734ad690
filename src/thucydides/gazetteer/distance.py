"""Distances on the globe: great-circle kilometres and the box that holds a radius."""
from __future__ import annotations

import math

EARTH_KM = 6371.0


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a_lat, a_lon, b_lat, b_lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a box holding every point within radius_km (longitudes unwrapped near poles)."""
    dlat = math.degrees(radius_km / EARTH_KM)
    cos = math.cos(math.radians(lat))
    dlon = 180.0 if cos < 1e-6 else min(180.0, math.degrees(radius_km / (EARTH_KM * cos)))
    return lat - dlat, lon - dlon, lat + dlat, lon + dlon
