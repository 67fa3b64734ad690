"""Event typing and actors on the PLOVER gold-standard sentences (../shared/eval/peer/plover).

    python bench/plover_events.py [--show]

322 one-sentence reports (edited examples of the CAMEO manual, c. 2000). Measured:
- recall of violence: FIGHT/ASSAULT sentences where we find a BATTLE, ATTACK, VIOLENCE_AGAINST_CIVILIANS,
  CASUALTIES or OFFENSIVE event;
- false alarms: non-violent categories (AGREE, CONSULT, DEMAND, REJECT, THREATEN, DISAPPROVE, CONCEDE,
  INVESTIGATE, SANCTION, SUPPORT, AID, COOPERATE) where we find one of those violent events;
- per mapped category, the share of sentences where one of our events has a type PLOVER's category maps to;
- source actor: of the typed matches whose gold names a source, the share where one of our actors shares
  a content word with it.
The labels are noisy (some records carry a neighbour's category); read the numbers as a trend.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from thucydides import extract

PLOVER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "peer" / "plover" / "PLOVER_GSR_CAMEO.json"
VIOLENT = {"BATTLE", "ATTACK", "VIOLENCE_AGAINST_CIVILIANS", "CASUALTIES", "OFFENSIVE"}
OURS = {"FIGHT": VIOLENT, "ASSAULT": VIOLENT, "RETREAT": {"WITHDRAWAL", "AGREEMENT", "LEADERSHIP"},
        "MOBILIZE": {"DEPLOYMENT", "OFFENSIVE"}, "COERCE": {"ARREST", "ATTACK", "MATERIEL"},
        "AGREE": {"AGREEMENT"}, "PROTEST": {"PROTEST"}, "THREATEN": {"STATEMENT"}, "DEMAND": {"STATEMENT"},
        "AID": {"SUPPORT"}, "SUPPORT": {"SUPPORT", "STATEMENT"}, "COOPERATE": {"SUPPORT", "AGREEMENT"}}
CALM = {"AGREE", "CONSULT", "DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "CONCEDE", "INVESTIGATE", "SANCTION",
        "SUPPORT", "AID", "COOPERATE"}
STOP = {"the", "of", "in", "and", "a", "an", "'s", "s", "forces", "troops", "government"}


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the sentences we get wrong")
    args = parser.parse_args()
    records = [r for r in json.loads(PLOVER.read_text(encoding="utf-8"))[1:] if r.get("text")]
    hits, totals, alarms, calm, actor_hits, actor_total = {}, {}, 0, 0, 0, 0
    started = time.perf_counter()
    for r in records:
        x = extract(r["text"], published="2000-01-01")
        types = {e.type for e in x.events}
        category = r["event"]
        if category in OURS:
            totals[category] = totals.get(category, 0) + 1
            matched = [e for e in x.events if e.type in OURS[category]]
            hits[category] = hits.get(category, 0) + bool(matched)
            if args.show and not matched:
                print(f"MISS {category}: {r['text'][:140]} -> {sorted(types)}")
            gold_sources = [s["actorText"] for s in r.get("source") or [] if s.get("actorText")]
            if matched and gold_sources:
                entities = {e.id: e for e in x.entities}
                ours = set()
                for e in matched:
                    for a in e.actors:
                        ours |= words(" ".join([entities[a].name, *entities[a].aliases])) if a in entities else words(a)
                actor_total += 1
                actor_hits += bool(ours & words(" ".join(gold_sources)))
        if category in CALM:
            calm += 1
            if types & VIOLENT:
                alarms += 1
                if args.show:
                    print(f"ALARM {category}: {r['text'][:140]} -> {sorted(types)}")
    seconds = time.perf_counter() - started
    for category in sorted(totals):
        print(f"{category:<10} {hits[category] / totals[category]:.2f}  (n={totals[category]})")
    violent = sum(hits.get(c, 0) for c in ("FIGHT", "ASSAULT")) / max(1, sum(totals.get(c, 0) for c in ("FIGHT", "ASSAULT")))
    print(f"violence recall (FIGHT+ASSAULT): {violent:.2f}")
    print(f"false violent events on calm categories: {alarms}/{calm} = {alarms / max(1, calm):.2f}")
    print(f"source actor named among our actors: {actor_hits}/{actor_total} = {actor_hits / max(1, actor_total):.2f}")
    print(f"{len(records)} sentences in {seconds:.1f} s")


if __name__ == "__main__":
    main()
