"""`thuc ingest` as a user runs it: a real subprocess on real reports, killed with SIGKILL and resumed,
a locked or read-only store, and the question commands on what it stored."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DEV_CORPUS, require_shared
from thucydides.cli import sample_paths
from thucydides.store import open_store

THUC = [sys.executable, "-m", "thucydides.cli"]
TOWNS = ["Kharkiv", "Kherson", "Sumy", "Zaporizhzhia", "Nikopol", "Pokrovsk", "Kupiansk", "Izium", "Mykolaiv",
         "Odesa", "Dnipro", "Kramatorsk", "Sloviansk", "Chernihiv", "Lyman", "Toretsk", "Kostiantynivka", "Vovchansk"]


def thuc(args: list[str], env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(THUC + args, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})})


def write_reports(folder: Path) -> list[str]:
    """Short reports of our own, one town each, so that a batch outlasts the pipeline's first batch."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, town in enumerate(TOWNS):
        day = 10 + n % 9
        path = folder / f"{n:02d}-{town.lower()}.md"
        path.write_text(f"---\ntitle: Shelling in {town}\noutlet: Test Wire {n % 3}\npublished: 2025-03-{day:02d}\n---\n"
                        f"Russian forces shelled {town} on Monday, killing {n + 2} civilians, the regional governor "
                        f"said.\n\nUkrainian forces repelled an assault near {town}, the General Staff said.\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def all_inputs(tmp_path: Path) -> list[str]:
    require_shared()
    return [str(DEV_CORPUS), *map(str, sample_paths()), *write_reports(tmp_path / "ours")]


def dump(db: str) -> dict:
    """The store's content without its numeric ids (a sequence may skip numbers after a rollback)."""
    store = open_store(db)
    try:
        events = []
        for e in store.events(limit=None):
            detail = store.event(e.id)
            events.append((e.type, e.start, e.end, e.place, e.reports, e.outlets, e.sources, e.contradictions,
                           tuple(sorted(e.actors)), tuple(sorted(e.targets)),
                           tuple(sorted((r.document_id, r.local_id, r.stance) for r in detail.reports))))
        entities = sorted((e.type, e.name, e.country or "", e.documents, tuple(sorted(e.aliases)))
                          for e in store.entities(limit=None))
        people = sorted((p.person.name, tuple((r.title, r.status, r.document_id) for r in p.roles))
                        for e in store.entities(type="PERSON", limit=None) for p in store.person(e.name))
        return {"counts": store.counts(), "events": sorted(events, key=repr), "entities": entities, "people": people}
    finally:
        store.close()


def test_ingest_killed_mid_batch_then_resumed_equals_a_clean_run(new_db_url, tmp_path):
    inputs = all_inputs(tmp_path)
    clean, killed = new_db_url(), new_db_url()
    result = thuc(["ingest", *inputs, "--db", clean])
    assert result.returncode == 0, result.stderr
    total = open_store(clean).counts()["documents"]
    assert total > 16  # more than one extraction batch

    watcher = open_store(killed)  # creates the schema before the run starts
    process = subprocess.Popen(THUC + ["ingest", *inputs, "--db", killed], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        stored = watcher.counts()["documents"]
        if stored >= 1:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    at_kill = watcher.counts()["documents"]
    assert 0 < at_kill < total, f"killed with {at_kill} of {total} reports stored: not mid-batch"
    watcher.close()

    resumed = thuc(["ingest", *inputs, "--db", killed])
    assert resumed.returncode == 0, resumed.stderr
    assert f"({at_kill} already in the store)" in resumed.stderr
    assert dump(killed) == dump(clean)

    again = thuc(["ingest", *inputs, "--db", killed])
    assert "0 reports stored" in again.stderr
    assert dump(killed) == dump(clean)


def test_questions_on_an_ingested_store(new_db_url, tmp_path):
    db = new_db_url()
    paths = write_reports(tmp_path / "ours")
    assert thuc(["ingest", *paths, "--db", db]).returncode == 0
    listed = json.loads(thuc(["events", "--db", db, "--near", "Kharkiv", "--within", "20", "--format", "json"]).stdout)
    assert listed and all(abs(e["lat"] - 49.99) < 0.3 for e in listed)
    assert {e["place"] for e in listed} == {"Kharkiv"}
    since = json.loads(thuc(["events", "--db", db, "--since", "2025-03-17", "--format", "json"]).stdout)
    assert since and all(e["end"] >= "2025-03-17" for e in since)
    csv_out = thuc(["events", "--db", db, "--type", "ATTACK", "--format", "csv", "--limit", "0"]).stdout.splitlines()
    assert csv_out[0].startswith("id,type,") and len(csv_out) > 1
    table = thuc(["events", "--db", db, "--type", "VIOLENCE_AGAINST_CIVILIANS"])
    assert table.returncode == 0 and "VIOLENCE" in table.stdout
    found = json.loads(thuc(["search", "Vovchansk", "--db", db, "--format", "json"]).stdout)
    assert [h["title"] for h in found] == ["Shelling in Vovchansk"]
    ents = json.loads(thuc(["entities", "--db", db, "--type", "LOCATION", "--country", "UA", "--format", "json"]).stdout)
    assert {"Kharkiv", "Vovchansk"} <= {e["name"] for e in ents}
    one = json.loads(thuc(["event", str(listed[0]["id"]), "--db", db, "--format", "json"]).stdout)
    assert one["reports_detail"][0]["evidence"][0]["text"].startswith(("Russian forces", "Ukrainian forces"))
    bad = thuc(["events", "--db", db, "--type", "PICNIC"])
    assert bad.returncode == 2 and "PICNIC" in bad.stderr
    assert thuc(["person", "Nobody Atall", "--db", db]).returncode == 1


def test_a_duplicate_under_another_name_and_a_bad_file_do_not_stop_the_batch(tmp_path):
    db = str(tmp_path / "store.sqlite")
    [first, *_] = write_reports(tmp_path / "ours")
    copy = tmp_path / "copy.md"
    copy.write_text(Path(first).read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not a report")
    result = thuc(["ingest", first, str(broken), str(copy), "--db", db])
    assert result.returncode == 1
    assert "broken.pdf" in result.stderr and "1 reports stored" in result.stderr
    assert open_store(db).counts()["documents"] == 1


def test_a_locked_store_is_a_clear_error_and_nothing_is_half_written(tmp_path):
    db = tmp_path / "store.sqlite"
    open_store(str(db)).close()
    [report, *_] = write_reports(tmp_path / "ours")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = thuc(["ingest", report, "--db", str(db)], env={"THUC_DB_BUSY_TIMEOUT": "0.5"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert "locked by another program" in result.stderr and "Traceback" not in result.stderr
    assert open_store(str(db)).counts() == {"documents": 0, "entities": 0, "events": 0, "event_reports": 0}


def test_a_read_only_store_is_a_clear_error(tmp_path):
    db = tmp_path / "store.sqlite"
    open_store(str(db)).close()
    [report, *_] = write_reports(tmp_path / "ours")
    result = thuc(["ingest", report, "--db", f"sqlite:///file:{db}?mode=ro&uri=true"])
    assert result.returncode == 2 and "read-only" in result.stderr and "Traceback" not in result.stderr
    assert open_store(str(db)).counts()["documents"] == 0
    folder = thuc(["ingest", report, "--db", str(tmp_path)])
    assert folder.returncode == 2 and "is a folder" in folder.stderr


@pytest.mark.parametrize("workers", [2])
def test_workers_give_the_same_store_as_one_process(tmp_path, workers):
    paths = write_reports(tmp_path / "ours")
    one, many = str(tmp_path / "one.sqlite"), str(tmp_path / "many.sqlite")
    assert thuc(["ingest", *paths, "--db", one]).returncode == 0
    result = thuc(["ingest", *paths, "--db", many, "--workers", str(workers)])
    assert result.returncode == 0, result.stderr
    assert dump(one) == dump(many)


def test_two_ingests_into_one_store_at_once_take_turns(new_db_url, tmp_path):
    """Two processes writing the same reports at once: each report stored once, no error, no duplicate entity."""
    paths = write_reports(tmp_path / "ours")
    db, clean = new_db_url(), new_db_url()
    assert thuc(["ingest", *paths, "--db", clean]).returncode == 0
    runs = [subprocess.Popen(THUC + ["ingest", *order, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for order in (paths, paths[::-1])]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
    mixed, alone = dump(db), dump(clean)
    assert mixed["counts"] == alone["counts"]
    assert [e[:2] for e in mixed["entities"]] == [e[:2] for e in alone["entities"]]
