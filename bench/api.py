"""Latency of /api/events with a bounding box and a date range, over real HTTP, on a 100k-event store.

    python bench/api.py [--events 100000] [--requests 300] [--db PATH]

The store is filled as in bench/store.py (synthetic rows over real conflict zones; kept at --db to
reuse), served by uvicorn on a free port in this process; an httpx client asks for the events within
±1° of a city over a 60-day window (limit 100, the page size of the web page's queries), and prints
p50/p95 and the requests per second of one client.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import CITIES, fill_synthetic, percentile  # noqa: E402

from thucydides.api import create_app  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--db", default="/tmp/thucydides-bench-api.sqlite")
    args = parser.parse_args()
    if not Path(args.db).exists():
        start = time.perf_counter()
        fill_synthetic(args.db, args.events)
        print(f"filled {args.db} with {args.events:,} events in {time.perf_counter() - start:.0f} s")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    rng = random.Random(5)
    times, sizes = [], []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        client.get("/api/events", params={"limit": 1})  # warm
        for _ in range(args.requests):
            name, lat, lon, _ = rng.choice(CITIES)
            since = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1030))
            params = {"bbox": f"{lat - 1},{lon - 1},{lat + 1},{lon + 1}", "since": since.isoformat(),
                      "until": (since + dt.timedelta(days=60)).isoformat(), "limit": 100}
            start = time.perf_counter()
            response = client.get("/api/events", params=params)
            times.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
            sizes.append(len(response.json()["items"]))
    server.should_exit = True
    print(f"/api/events?bbox=±1°&since&until (60 days)&limit=100 on {args.events:,} events, {args.requests} requests: "
          f"p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
          f"{1000 / statistics.mean(times):.0f} requests/s (one client); mean {statistics.mean(sizes):.0f} events returned")


if __name__ == "__main__":
    main()
