"""Words per second of Thucydides' extraction against a bare `nlp.pipe` of the same spaCy model.

    python bench/extract_speed.py [--repeat N] [FILES...]

Default texts: the dev corpus in ../shared/corpus/dev (read, never copied). Both runs use the
same model with the same components excluded, on the same texts, in one process; the ratio
is thucydides / bare.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from thucydides.extraction import extract_documents, make_document
from thucydides.ingest import read_path
from thucydides.nlp.pipeline import DISABLED, get_pipeline, model_name

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=10, help="times the texts are repeated (default 10)")
    args = parser.parse_args()
    files = args.files or sorted(p for p in DEV.glob("*.md") if p.name != "README.md")
    reports = [r for f in files for r in read_path(str(f))] * args.repeat
    words = sum(len(r.text.split()) for r in reports)

    bare = spacy.load(model_name(), exclude=list(DISABLED))
    get_pipeline()  # built before timing
    documents = [make_document(r, "2025-01-01") for r in reports]
    bare_pipe = lambda: list(bare.pipe(r.text for r in reports))  # noqa: E731
    ours_pipe = lambda: list(extract_documents(documents))  # noqa: E731
    bare_pipe(), ours_pipe()  # warm up both
    bare_s, ours_s = min(timed(bare_pipe) for _ in range(3)), min(timed(ours_pipe) for _ in range(3))
    print(f"model: {model_name()} {bare.meta['version']} (excluded: {', '.join(DISABLED)})")
    print(f"texts: {len(reports)} reports, {words} words")
    print(f"bare spaCy nlp.pipe:   {words / bare_s:10.0f} words/s")
    print(f"thucydides extraction: {words / ours_s:10.0f} words/s")
    print(f"ratio (thucydides / bare): {bare_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
