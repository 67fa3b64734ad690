"""The store's speed: ingest throughput and the latency of `thuc events --near --since` on 100k events.

    python bench/store.py [--events 100000] [--reports 400] [--pg postgresql://postgres@127.0.0.1/test]

1. Ingest, store only: extractions of the dev corpus and the samples, made into --reports distinct
   reports (shifted dates and document ids, same entities and events), written one transaction each.
2. Ingest, end to end: `thuc ingest`'s path (extraction + store) on the same texts, repeated.
3. Queries: a store of --events synthetic events (rows written in bulk: places over real conflict
   zones, dates over three years, two to four participants, one to three reports each), then 200
   queries "events near a city within 50 km since a date" through Store.events (what `thuc events`
   runs), limit 100; p50 and p95. SQLite always; PostgreSQL with --pg (its own schema, dropped after).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

from sqlalchemy import insert

from thucydides.extraction import extract_documents, make_document
from thucydides.ingest import read_path
from thucydides.ingest.sources import folder_reports
from thucydides.store import open_store
from thucydides.store.schema import documents, entities, event_participants, event_reports, events

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "thucydides" / "samples"
CITIES = [("Kharkiv", 49.98, 36.25, "UA"), ("Kherson", 46.64, 32.61, "UA"), ("Donetsk", 48.0, 37.8, "UA"),
          ("Zaporizhzhia", 47.84, 35.14, "UA"), ("Bakhmut", 48.59, 38.0, "UA"), ("Aleppo", 36.2, 37.16, "SY"),
          ("Idlib", 35.93, 36.63, "SY"), ("Homs", 34.73, 36.71, "SY"), ("Gaza", 31.5, 34.47, "PS"),
          ("Khan Younis", 31.34, 34.31, "PS"), ("Khartoum", 15.5, 32.56, "SD"), ("El Fasher", 13.63, 25.35, "SD"),
          ("Mogadishu", 2.04, 45.34, "SO"), ("Gao", 16.27, -0.04, "ML"), ("Djibo", 14.1, -1.63, "BF"),
          ("Maiduguri", 11.85, 13.16, "NG"), ("Goma", -1.68, 29.22, "CD"), ("Sanaa", 15.35, 44.21, "YE"),
          ("Mosul", 36.34, 43.13, "IQ"), ("Mandalay", 21.97, 96.08, "MM")]
TYPES = ["ATTACK", "BATTLE", "OFFENSIVE", "VIOLENCE_AGAINST_CIVILIANS", "CASUALTIES", "WITHDRAWAL", "PROTEST", "ARREST"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def corpus_extractions() -> list:
    paths = folder_reports(DEV) + folder_reports(SAMPLES)
    return list(extract_documents([make_document(r) for p in paths for r in read_path(p)]))


def variants(base: list, n: int) -> list:
    """n distinct reports from the corpus: each copy a new document id and its dates moved by weeks."""
    out = []
    for i in range(n):
        x = base[i % len(base)]
        shift = dt.timedelta(weeks=i // len(base))

        def moved(day):
            return (dt.date.fromisoformat(day) + shift).isoformat() if day else day

        doc = replace(x.document, id=f"{i:04d}{x.document.id[4:]}", published=moved(x.document.published))
        evs = tuple(replace(e, when=replace(e.when, start=moved(e.when.start), end=moved(e.when.end))) for e in x.events)
        out.append(replace(x, document=doc, events=evs))
    return out


def bench_ingest(db: str, extractions: list) -> float:
    store = open_store(db)
    start = time.perf_counter()
    for x in extractions:
        store.write(x)
    seconds = time.perf_counter() - start
    store.close()
    return len(extractions) / seconds


def fill_synthetic(db: str, n_events: int, seed: int = 7) -> None:
    """Bulk rows: 100 entities per city, n_events events, reports and participants."""
    rng = random.Random(seed)
    store = open_store(db)
    day0 = dt.date(2023, 1, 1)
    with store.engine.begin() as c:
        ents, next_id = [], 1
        city_ids = {}
        for name, lat, lon, country in CITIES:
            city_ids[name] = next_id
            ents.append({"id": next_id, "name": name, "key": name.lower(), "type": "LOCATION", "kind": "city",
                         "country": country, "generic": False, "lat": lat, "lon": lon, "feature": "city",
                         "geonameid": None, "documents": 0})
            next_id += 1
        actor_ids = []
        for i in range(2000):
            actor_ids.append(next_id)
            ents.append({"id": next_id, "name": f"Group {i}", "key": f"group {i}", "type": "ORGANIZATION",
                         "kind": "armed_group", "country": rng.choice(CITIES)[3], "generic": False, "lat": None,
                         "lon": None, "feature": None, "geonameid": None, "documents": 0})
            next_id += 1
        c.execute(insert(entities), ents)
        n_docs = max(1, n_events // 3)
        docs = [{"id": f"{i:016x}", "path": None, "url": None, "title": f"Report {i}", "outlet": f"Outlet {i % 50}",
                 "outlet_key": f"outlet {i % 50}", "published": (day0 + dt.timedelta(days=i * 1095 // n_docs)).isoformat(),
                 "language": "en", "text": f"Synthetic report {i}.", "extraction": "{}",
                 "ingested_at": dt.datetime(2025, 1, 1)} for i in range(n_docs)]
        for start in range(0, len(docs), 5000):
            c.execute(insert(documents), docs[start:start + 5000])
        evs, reps, parts = [], [], []
        for i in range(1, n_events + 1):
            name, lat, lon, country = rng.choice(CITIES)
            day = day0 + dt.timedelta(days=rng.randrange(1095))
            span = rng.choice([0, 0, 0, 2, 10])
            evs.append({"id": i, "type": rng.choice(TYPES), "subtype": None, "start": day.isoformat(),
                        "end": (day + dt.timedelta(days=span)).isoformat(), "precision": "day" if not span else "days",
                        "place_id": city_ids[name], "lat": lat + rng.uniform(-0.4, 0.4),
                        "lon": lon + rng.uniform(-0.4, 0.4), "feature": "city", "country": country,
                        "reports": 1, "outlets": 1, "sources": rng.choice([1, 1, 2, 3]), "contradictions": "",
                        "negated": False})
            for k in range(rng.randint(1, 3)):
                reps.append({"event_id": i, "document_id": docs[rng.randrange(n_docs)]["id"], "local_id": f"V{i}-{k}",
                             "subtype": None, "start": day.isoformat(), "end": day.isoformat(), "precision": "day",
                             "when_text": None, "place_id": city_ids[name], "stance": "reported", "cue": "said",
                             "chain": json.dumps(["Outlet", "Source"]), "source_key": f"entity:{rng.choice(actor_ids)}",
                             "source_name": "Source", "negated": False, "contradiction": None,
                             "evidence": json.dumps([{"start": 0, "end": 20, "text": "Synthetic evidence."}]),
                             "quantities": "[]"})
            for actor in rng.sample(actor_ids, rng.randint(2, 4)):
                parts.append({"event_id": i, "entity_id": actor, "role": rng.choice(["actor", "target"])})
            if len(evs) >= 5000:
                c.execute(insert(events), evs)
                c.execute(insert(event_reports), reps)
                c.execute(insert(event_participants), parts)
                evs, reps, parts = [], [], []
        if evs:
            c.execute(insert(events), evs)
            c.execute(insert(event_reports), reps)
            c.execute(insert(event_participants), parts)
        if c.dialect.name == "postgresql":
            for table in ("events", "entities", "event_reports", "event_participants", "documents"):
                c.exec_driver_sql(f"ANALYZE {table}")
            c.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('entities', 'id'), {next_id})")
        else:
            c.exec_driver_sql("ANALYZE")
    store.close()


def bench_queries(db: str, n: int = 200, seed: int = 11) -> tuple[float, float, float]:
    rng = random.Random(seed)
    store = open_store(db)
    times, sizes = [], []
    for _ in range(n):
        name, lat, lon, _ = rng.choice(CITIES)
        since = (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000))).isoformat()
        start = time.perf_counter()
        found = store.events(near=(lat, lon), within_km=50, since=since, limit=100)
        times.append((time.perf_counter() - start) * 1000)
        sizes.append(len(found))
    store.close()
    return percentile(times, 0.5), percentile(times, 0.95), statistics.mean(sizes)


def pg_schema(base: str) -> tuple[str, str]:
    import psycopg

    schema = f"thuc_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in base else "?"
    return schema, f"{base}{joiner}options=-csearch_path%3D{schema}"


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=400, help="reports for the ingest benchmark")
    parser.add_argument("--pg", help="a PostgreSQL URL to measure as well")
    args = parser.parse_args()
    from thucydides.nlp.pipeline import get_pipeline

    get_pipeline()  # loaded before timing
    start = time.perf_counter()
    base = corpus_extractions()
    extract_seconds = time.perf_counter() - start
    reports = variants(base, args.reports)
    print(f"extraction (spaCy + Thucydides), {len(base)} corpus reports: {len(base) / extract_seconds:.1f} reports/s "
          "(the bound on end-to-end ingest per worker)")
    with tempfile.TemporaryDirectory() as folder:
        backends = [("sqlite", str(Path(folder) / "ingest.sqlite"), None)]
        if args.pg:
            schema, url = pg_schema(args.pg)
            backends.append(("postgresql", url, schema))
        for name, db, schema in backends:
            rate = bench_ingest(db, reports)
            print(f"{name}: store-only ingest of {len(reports)} reports ({sum(len(r.events) for r in reports)} events): "
                  f"{rate:.0f} reports/s")
            if schema:
                drop_schema(args.pg, schema)
        query_backends = [("sqlite", str(Path(folder) / "events.sqlite"), None)]
        if args.pg:
            schema, url = pg_schema(args.pg)
            query_backends.append(("postgresql", url, schema))
        for name, db, schema in query_backends:
            start = time.perf_counter()
            fill_synthetic(db, args.events)
            filled = time.perf_counter() - start
            p50, p95, mean = bench_queries(db)
            print(f"{name}: {args.events:,} synthetic events written in {filled:.0f} s; events --near CITY --within 50 "
                  f"--since DATE --limit 100: p50 {p50:.1f} ms, p95 {p95:.1f} ms (mean {mean:.0f} events returned)")
            if schema:
                drop_schema(args.pg, schema)


if __name__ == "__main__":
    main()
