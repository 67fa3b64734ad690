"""Exports of a real store (dev corpus, samples and reports of our own) on both backends: each read back
by the tool its format is for (csv, json, the contract's schema, stix2.parse)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import jsonschema
import pytest

from tests.conftest import SCHEMA
from thucydides import extract
from thucydides.export import export
from thucydides.export.acled import COLUMNS

ACLED_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                     "Strategic developments"}


@pytest.fixture
def filled(store, corpus_extractions):
    for extraction in corpus_extractions:
        store.write(extraction)
    store.write(extract("A Russian drone strike hit a school in Kharkiv on Monday, killing three civilians, the "
                        "regional governor said.", published="2025-03-12", outlet="Kharkiv Today"))
    return store


def exported(store, fmt: str, **filters) -> str:
    out = io.StringIO()
    export(store, fmt, out, **filters)
    return out.getvalue()


def test_acled_csv_has_acleds_columns_and_types(filled):
    rows = list(csv.DictReader(io.StringIO(exported(filled, "acled"))))
    assert rows and list(rows[0]) == COLUMNS
    assert len(rows) == filled.counts()["events"]
    assert {r["event_type"] for r in rows} <= ACLED_EVENT_TYPES
    assert {r["time_precision"] for r in rows} <= {"1", "2", "3"}
    kharkiv = [r for r in rows if r["location"] == "Kharkiv"]
    assert any(r["sub_event_type"] == "Air/drone strike" for r in kharkiv)
    civilians = [r for r in kharkiv if r["event_type"] == "Violence against civilians"]
    assert civilians and civilians[0]["civilian_targeting"] == "Civilian targeting"
    assert civilians[0]["country"] == "Ukraine" and civilians[0]["iso"] == "804" and civilians[0]["region"] == "Europe"
    assert civilians[0]["event_id_cnty"].startswith("UKR")
    for r in rows:
        assert r["notes"] and r["source"]
        if r["latitude"]:
            assert -90 <= float(r["latitude"]) <= 90 and r["geo_precision"] in ("1", "3")


def test_geojson_is_a_feature_collection_of_points(filled):
    data = json.loads(exported(filled, "geojson"))
    assert data["type"] == "FeatureCollection"
    located = [e for e in filled.events(limit=None) if e.lat is not None]
    assert len(data["features"]) == len(located) > 0
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["type"] and "evidence" in feature["properties"]


def test_jsonl_is_the_contract(filled):
    schema = json.loads(SCHEMA.read_text())
    lines = exported(filled, "jsonl").splitlines()
    assert len(lines) == filled.counts()["documents"]
    for line in lines:
        record = json.loads(line)
        jsonschema.validate(record, schema)
        assert record["document"]["text"]


def test_stix_bundle_reads_back_with_stix2(filled):
    import stix2

    text = exported(filled, "stix")
    bundle = stix2.parse(text, allow_custom=True)
    kinds = {o.type for o in bundle.objects}
    assert {"report", "identity", "location", "incident", "relationship", "note", "threat-actor"} <= kinds
    ids = {o.id for o in bundle.objects}
    for o in bundle.objects:
        for ref in (getattr(o, "object_refs", None) or []):
            assert ref in ids
        if o.type == "relationship":
            assert o.source_ref in ids and o.target_ref in ids
    notes = [o for o in bundle.objects if o.type == "note"]
    assert all(n.x_thuc_stance and n.content for n in notes)
    assert exported(filled, "stix") .count('"type":"incident"') == text.count('"type":"incident"')


def test_export_filters_and_cli_file(filled, tmp_path):
    attacks = json.loads(exported(filled, "geojson", type="ATTACK"))
    assert attacks["features"] and {f["properties"]["type"] for f in attacks["features"]} == {"ATTACK"}
    out = tmp_path / "events.csv"
    result = subprocess.run([sys.executable, "-m", "thucydides.cli", "export", "--format", "acled", "--out", str(out),
                             "--db", filled.db, "--since", "2025-01-01"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(r["event_date"] >= "2025-01-01" for r in rows)
    assert not (tmp_path / "events.csv.part").exists()
    bad = subprocess.run([sys.executable, "-m", "thucydides.cli", "export", "--format", "kml", "--db", filled.db],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "kml" in bad.stderr


def test_an_empty_selection_exports_cleanly(store):
    import stix2

    for fmt in ("acled", "geojson", "jsonl", "stix"):
        text = exported(store, fmt, type="PROTEST")
        assert text.strip() or fmt == "jsonl"
    assert stix2.parse(exported(store, "stix"), allow_custom=True).type == "bundle"
