"""Mention-level entity scores on re3d (Dstl's defence-and-security gold, ../shared/eval/peer/re3d).

    python bench/re3d_entities.py

Strict: a predicted mention is right when a gold Person/Organisation/Location mention has the same
character span and type (re3d often marks a country as both Location and Organisation; either
counts). Names: gold limited to capitalised names (re3d also marks pronouns and "a former student"
as Person, and keeps titles inside names), a match being any overlap with the same type.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from thucydides.nlp.pipeline import get_pipeline

RE3D = Path(__file__).resolve().parents[2] / "shared" / "eval" / "peer" / "re3d"
PRONOUNS = {"I", "He", "She", "They", "We", "It", "You", "His", "Her", "Their", "Our", "Its"}
OURS = {"PERSON": "Person", "ORGANIZATION": "Organisation", "LOCATION": "Location", "FACILITY": "Location"}


def load() -> tuple[dict[str, str], dict[str, set]]:
    texts, gold = {}, {}
    for folder in sorted(p for p in RE3D.iterdir() if p.is_dir()):
        for line in (folder / "documents.json").read_text().splitlines():
            if line.strip():
                d = json.loads(line)
                texts[d["_id"]] = d["text"]
        for line in (folder / "entities.json").read_text().splitlines():
            if line.strip():
                e = json.loads(line)
                if e["type"] in OURS.values():
                    gold.setdefault(e["documentId"], set()).add((e["begin"], e["end"], e["type"]))
    return texts, gold


def main() -> None:
    texts, gold = load()
    nlp = get_pipeline()
    tp, fp, fn = Counter(), Counter(), Counter()
    ntp, nfp, nfn = Counter(), Counter(), Counter()
    words = sum(len(t.split()) for t in texts.values())
    start = time.perf_counter()
    docs = nlp.pipe(texts.values(), batch_size=16)
    for doc_id, doc in zip(texts, docs):
        pred = {(s, e, OURS[x.type]) for x in doc._.thuc_entities if not x.generic for s, e in x.mentions}
        gold_doc = gold.get(doc_id, set())
        for s, e, t in pred:
            if (s, e, t) in gold_doc:
                tp[t] += 1
            else:
                fp[t] += 1
        pred_spans = {(s, e) for s, e, _ in pred}
        for s, e, t in gold_doc:
            if (s, e) not in pred_spans:
                fn[t] += 1
        names = {(s, e, t) for s, e, t in gold_doc if texts[doc_id][s:s + 1].isupper()
                 and texts[doc_id][s:e] not in PRONOUNS}
        overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1] and a[2] == b[2]  # noqa: E731
        for x in pred:
            (ntp if any(overlaps(x, g) for g in gold_doc) else nfp)[x[2]] += 1
        for g in names:
            if not any(overlaps(x, g) for x in pred):
                nfn[g[2]] += 1
    seconds = time.perf_counter() - start
    print(f"re3d: {len(texts)} documents, {words} words, {words / seconds:.0f} words/s")
    for label, (tp_, fp_, fn_) in (("strict", (tp, fp, fn)), ("names", (ntp, nfp, nfn))):
        for t in ("Person", "Organisation", "Location", None):
            a, b, c = (sum(x.values()) for x in (tp_, fp_, fn_)) if t is None else (tp_[t], fp_[t], fn_[t])
            p, r = a / (a + b) if a + b else 0.0, a / (a + c) if a + c else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{label:<7}{t or 'all':<13} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {a}, fp {b}, fn {c})")


if __name__ == "__main__":
    main()
