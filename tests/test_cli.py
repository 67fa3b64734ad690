"""The `thuc` command as a user runs it: real files, a real subprocess, real scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import DEV_CORPUS, SCHEMA, SHARED, require_shared

THUC = [sys.executable, "-m", "thucydides.cli"]


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(THUC + args, input=stdin, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    require_shared()
    out = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    reports = sorted(str(p) for p in DEV_CORPUS.glob("*.md") if p.name != "README.md")
    result = run(["extract", *reports, "--jsonl"])
    out.write_text(result.stdout)
    return result, out


def test_dev_corpus_output_validates_against_the_contract(dev_run):
    result, out = dev_run
    assert result.returncode == 0, result.stderr
    schema = json.loads(SCHEMA.read_text())
    lines = out.read_text().splitlines()
    assert len(lines) == len([p for p in DEV_CORPUS.glob("*.md") if p.name != "README.md"])
    for line in lines:
        record = json.loads(line)
        jsonschema.validate(record, schema)
        text = Path(record["document"]["path"]).read_text(encoding="utf-8").split("\n---\n", 1)[1].lstrip("\n")
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                assert text[start:end].strip(), (entity["name"], start, end)
        ids = {e["id"] for e in record["entities"]}
        for event in record["events"]:
            for evidence in event["evidence"]:
                assert text[evidence["start"]:evidence["end"]] == evidence["text"]
            assert set(event["actors"]) | set(event["targets"]) <= ids
            assert event["place"] is None or event["place"] in ids


@pytest.fixture(scope="module")
def dev_scores(dev_run) -> dict:
    """The real scorer's summary of the dev-corpus run."""
    _, out = dev_run
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--corpus", str(DEV_CORPUS),
                             "--pred", str(out), "--json"], capture_output=True, text=True, check=True)
    return json.loads(scored.stdout)


def test_dev_corpus_entity_scores_meet_the_bar(dev_scores):
    summary = dev_scores
    assert summary["entities"]["f1"] >= 0.85, summary["entities"]
    assert summary["entity country"]["accuracy"] >= 0.90, summary["entity country"]
    assert summary["person titles"]["accuracy"] >= 0.90, summary["person titles"]


def test_dev_corpus_event_scores_meet_the_bar(dev_scores):
    summary = dev_scores
    assert summary["events"]["f1"] >= 0.75, summary["events"]
    assert summary["event source"]["accuracy"] >= 0.85, summary["event source"]
    assert summary["event stance"]["accuracy"] >= 0.75, summary["event stance"]
    assert summary["event actors"]["accuracy"] >= 0.75, summary["event actors"]
    assert summary["event targets"]["accuracy"] >= 0.6, summary["event targets"]
    assert summary["event when"]["accuracy"] >= 0.90, summary["event when"]


def test_bad_inputs_fail_alone_with_one_line_each(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("---\npublished: 2025-03-01\n---\nRussian forces shelled Kharkiv, Ukrainian officials said.\n")
    bad = {
        "empty.md": b"",
        "binary.txt": b"\x00\x01\x02\x03binary",
        "latin1.md": "Attaque pr\xe8s d'Alep".encode("latin-1"),
        "huge.txt": b"x" * (5 * 1024 * 1024 + 1),
        "frontmatter.md": b"---\ntitle: [broken\n---\nText",
        "report.docx": b"PK\x03\x04",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in bad] + [str(good), str(tmp_path / "missing.md")]
    result = run(["extract", *paths, "--jsonl"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(bad) + 1, result.stderr
    for name in [*bad, "missing.md"]:
        assert sum(name in line for line in errors) == 1, (name, result.stderr)
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["document"]["path"] == str(good)
    assert any(e["name"] == "Kharkiv" for e in record["entities"])


def test_stdin_published_option_and_pretty_output():
    result = run(["extract", "-", "--published", "2025-02-01", "--pretty"],
                 stdin="Houthi forces fired a missile at Eilat, the Israel Defense Forces (IDF) said.\n")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["document"]["published"] == "2025-02-01" and record["document"]["path"] is None
    assert record["document"]["language"] == "en"
    names = {e["name"] for e in record["entities"]}
    assert "Israel Defense Forces" in names and "Eilat" in names


def test_missing_date_falls_back_to_today_with_a_warning(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Rebels entered Aleppo.\n")
    result = run(["extract", str(path), "--jsonl"])
    assert result.returncode == 0
    assert "no publication date" in result.stderr
    assert json.loads(result.stdout)["document"]["published"]


def test_foreign_language_report_is_said_so_and_not_run_through_english(tmp_path):
    path = tmp_path / "fr.md"
    path.write_text("---\npublished: 2025-03-01\n---\nLes forces russes ont bombardé la périphérie de Kharkiv "
                    "pendant la nuit, selon les autorités régionales ukrainiennes.\n")
    result = run(["extract", str(path), "--jsonl"])
    assert "is in 'fr'" in result.stderr
    record = json.loads(result.stdout)
    assert record["document"]["language"] == "fr" and record["entities"] == []


def test_html_input_carries_its_extracted_text(tmp_path):
    from tests.ingest.test_readers import HTML_PAGE

    path = tmp_path / "page.htm"
    path.write_text(HTML_PAGE)
    record = json.loads(run(["extract", str(path), "--jsonl"]).stdout)
    text = record["document"]["text"]
    hama = next(e for e in record["entities"] if e["name"] == "Hama")
    assert all(text[s:e] == "Hama" for s, e in hama["mentions"])


def test_demo_runs_on_the_bundled_samples(tmp_path):
    from thucydides.store import open_store

    out, db = tmp_path / "demo.jsonl", tmp_path / "demo.sqlite"
    result = run(["demo", "--out", str(out), "--db", str(db)])
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 4 and all(r["entities"] for r in records)
    ambush = open_store(str(db)).events(type="ATTACK", near="Djibo", since="2025-05-12", until="2025-05-12")
    assert [(e.reports, e.outlets) for e in ambush] == [(2, 2)]  # two outlets' accounts of one ambush
    assert "after joining reports of the same occurrence" in result.stdout


def test_when_resolves_an_expression_for_people_to_try():
    result = run(["when", "late July 2024", "--anchor", "2024-12-02"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"start": "2024-07-21", "end": "2024-07-31", "precision": "part_of_month",
                                         "text": "late July 2024", "anchor": "2024-12-02"}
    result = run(["when", "on Friday", "--anchor", "2024-12-02", "--tense", "future"])
    assert json.loads(result.stdout)["start"] == "2024-12-06"


def test_when_keeps_what_it_cannot_read_and_rejects_a_bad_anchor():
    result = run(["when", "the other day", "--anchor", "2024-12-02"])
    assert result.returncode == 0 and json.loads(result.stdout)["precision"] == "unknown"
    result = run(["when", "today", "--anchor", "2024-13-45"])
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_geocode_ranks_candidates_in_the_given_context():
    result = run(["geocode", "Homs", "--context", "Libya", "--top", "2"])
    assert result.returncode == 0, result.stderr
    first_row = next(line for line in result.stdout.splitlines() if "LY" in line or "SY" in line)
    assert "LY" in first_row
    result = run(["geocode", "Homs", "--context", "Syria", "--top", "2"])
    first_row = next(line for line in result.stdout.splitlines() if "LY" in line or "SY" in line)
    assert "SY" in first_row


def test_geocode_says_so_when_a_name_is_unknown_or_the_context_is_bad():
    result = run(["geocode", "Zzzqxwlyville"])
    assert result.returncode == 1 and "not in the gazetteer" in result.stdout
    result = run(["geocode", "Homs", "--context", "Atlantis"])
    assert result.returncode == 2 and "Atlantis" in result.stderr and "Traceback" not in result.stderr
