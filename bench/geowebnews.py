"""Geoparsing on GeoWebNews (200 news articles, 1,638 gold toponyms) through the peer's scorer.

    python bench/geowebnews.py [--verbose]

Writes the articles as reports with ../shared/eval/geo_score.py make, extracts them in one process,
scores with geo_score.py score, counts the errors by kind (missed, found but not placed, placed over
161 km off), and prints toponyms resolved per second (place entities with coordinates / seconds of
extraction).
"""
from __future__ import annotations

import argparse
import os
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from thucydides.extraction import extract_documents, make_document
from thucydides.ingest import read_path
from thucydides.nlp.pipeline import get_pipeline

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geo_score.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and every misplaced toponym")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "gwn"
        subprocess.run([sys.executable, str(SCORER), "make", "--out", str(folder)], check=True)
        reports = [r for p in sorted(folder.glob("*.md")) for r in read_path(str(p))]
        documents = [make_document(r) for r in reports]
        get_pipeline()
        from thucydides.gazetteer.query import get_gazetteer

        get_gazetteer()  # built once, outside the timing
        started = time.perf_counter()
        extractions = list(extract_documents(documents))
        seconds = time.perf_counter() - started
        pred = Path(os.environ.get("THUC_BENCH_KEEP", Path(tmp) / "pred.jsonl"))
        pred.write_text("".join(json.dumps(x.to_dict()) + "\n" for x in extractions), encoding="utf-8")
        placed = sum(1 for x in extractions for e in x.entities if e.geo is not None)
        command = [sys.executable, str(SCORER), "score", "--pred", str(pred), "--verbose"]
        lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()
        print("\n".join(lines if args.verbose else lines[-1:]))
        errors = Counter("missed" if " missed " in line else "found, not placed" if line.endswith("not placed")
                         else "placed over 161 km off" for line in lines[:-1] if line.startswith("gwn-"))
        print("errors: " + ", ".join(f"{kind} {n}" for kind, n in errors.most_common()))
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} articles, {words} words in {seconds:.1f} s: {words / seconds:.0f} words/s (whole pipeline)")
    print(f"resolution alone: {resolution_speed(extractions):.0f} toponyms resolved per second "
          f"({placed} place entities placed)")


def resolution_speed(extractions) -> float:
    """Place entities resolved per second by the resolver alone (fresh lookup cache), best of 3."""
    from dataclasses import replace

    from thucydides.gazetteer.query import Gazetteer, default_path
    from thucydides.nlp.places import PlaceResolver

    inputs = [[replace(e, geo=None) for e in x.entities] for x in extractions]
    toponyms = sum(1 for entities in inputs for e in entities if e.type in ("LOCATION", "FACILITY"))
    best = float("inf")
    for _ in range(3):
        resolver = PlaceResolver(Gazetteer(default_path()))
        started = time.perf_counter()
        for entities in inputs:
            resolver.resolve(entities)
        best = min(best, time.perf_counter() - started)
    return toponyms / best


if __name__ == "__main__":
    main()
