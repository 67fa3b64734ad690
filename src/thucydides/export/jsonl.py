"""JSON Lines of the contract: each stored report's extraction, one object per line, as extracted."""
from __future__ import annotations

import json
from typing import TextIO


def write_jsonl(store, out: TextIO, **_filters) -> int:
    n = 0
    for record in store.extractions():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
