"""The REST API through httpx against the ASGI app, on a store of reports written for the tests."""
from __future__ import annotations

import json

import pytest

from thucydides.api import create_app
from thucydides.store import open_store


@pytest.fixture(scope="module")
def api(desk_db):
    from fastapi.testclient import TestClient

    with TestClient(create_app(desk_db)) as client:
        yield client


def test_events_list_pages_and_filters(api, desk_db):
    everything = api.get("/api/events").json()
    assert everything["total"] == open_store(desk_db).counts()["events"] == len(everything["items"])
    first, second = api.get("/api/events?limit=2").json(), api.get("/api/events?limit=2&offset=2").json()
    assert first["total"] == second["total"] == everything["total"]
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    box = api.get("/api/events", params={"bbox": "48.5,37.3,49.0,37.8"}).json()["items"]
    assert {e["place"] for e in box} == {"Kramatorsk"}
    dated = api.get("/api/events", params={"since": "2025-02-01", "until": "2025-02-28"}).json()["items"]
    assert dated and {e["place"] for e in dated} == {"El Fasher"}
    assert {e["type"] for e in api.get("/api/events?type=OFFENSIVE").json()["items"]} == {"OFFENSIVE"}
    near = api.get("/api/events", params={"near": "Aleppo", "within_km": 30}).json()["items"]
    assert [e["place"] for e in near] == ["Aleppo"]
    assert api.get("/api/events", params={"actor": "Houthi"}).json()["items"][0]["place"] == "Eilat"


def test_two_outlets_citing_hur_are_one_event_with_one_independent_source(api):
    [attack] = api.get("/api/events", params={"near": "Kramatorsk", "within_km": 10}).json()["items"]
    assert (attack["reports"], attack["outlets"], attack["sources"]) == (2, 2, 1)
    detail = api.get(f"/api/events/{attack['id']}").json()
    assert {r["outlet"] for r in detail["reports"]} == {"Kyiv Independent", "Ukrainska Pravda"}
    for report in detail["reports"]:
        assert report["stance"] == "reported" and report["chain"][-1] == "Defense Intelligence Directorate"
        document = api.get(f"/api/documents/{report['document_id']}").json()
        for span in report["evidence"]:
            assert document["text"][span["start"]:span["end"]] == span["text"]
        assert {e["event_id"] for e in document["evidence"]} == {attack["id"]}


def test_bad_requests_say_what_is_wrong(api):
    assert api.get("/api/events/999999").status_code == 404
    assert api.get("/api/events/999999").json() == {"detail": "no event 999999"}
    assert api.get("/api/events", params={"bbox": "north"}).status_code == 400
    assert api.get("/api/events", params={"bbox": "50,10,40,20"}).status_code == 400
    assert api.get("/api/events", params={"near": "Nowhereville-on-Nothing"}).status_code == 400
    assert api.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert api.get("/api/events", params={"type": "PICNIC"}).status_code == 422
    assert api.get("/api/entities/999999").status_code == 404
    assert api.get("/api/documents/nope").status_code == 404


def test_entities_and_a_persons_roles(api):
    people = api.get("/api/entities", params={"type": "PERSON"}).json()["items"]
    chaiko = next(p for p in people if p["name"] == "Alexander Chaiko")
    detail = api.get(f"/api/entities/{chaiko['id']}").json()
    assert [(r["title"], r["status"]) for r in detail["roles"]] == [("commander of Russian forces in Syria", "dismissed")]
    assert [e["type"] for e in detail["events"]] == ["LEADERSHIP"]
    places = api.get("/api/entities", params={"type": "LOCATION", "country": "SD"}).json()["items"]
    assert "El Fasher" in {p["name"] for p in places}


def test_documents_search_and_exports(api):
    docs = api.get("/api/documents").json()
    assert docs["total"] == 7 and all(d["text"] is None for d in docs["items"])
    hits = api.get("/api/search", params={"q": "ammunition depot"}).json()
    assert {h["outlet"] for h in hits} == {"Kyiv Independent", "Ukrainska Pravda"}
    for fmt, media in [("acled", "text/csv"), ("geojson", "application/geo+json"), ("jsonl", "application/x-ndjson"),
                       ("stix", "application/stix+json")]:
        response = api.get("/api/export", params={"format": fmt})
        assert response.status_code == 200 and response.headers["content-type"].startswith(media)
        assert "attachment" in response.headers["content-disposition"]
    geo = json.loads(api.get("/api/export", params={"format": "geojson", "type": "ATTACK"}).text)
    assert {f["properties"]["type"] for f in geo["features"]} == {"ATTACK"}


def test_report_text_stays_data(api):
    [doc] = [d for d in api.get("/api/documents").json()["items"] if d["outlet"] == "Injected <b>Outlet</b>"]
    text = api.get(f"/api/documents/{doc['id']}").json()["text"]
    assert "<script>alert(1)</script>" in text  # stored as written; the page inserts it as text


def test_security_headers_and_offline_docs(api):
    page = api.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert api.get("/api/events").headers["x-content-type-options"] == "nosniff"
    docs = api.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text
    assert api.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert api.get("/openapi.json").json()["info"]["title"] == "Thucydides"
    assert "access-control-allow-origin" not in api.get("/api/events", headers={"Origin": "http://evil.example"}).headers


def test_writes_need_the_token_and_reads_need_it_off_localhost(tmp_path):
    from fastapi.testclient import TestClient

    db = str(tmp_path / "store.sqlite")
    report = {"text": "Houthi forces fired a drone at Eilat on Sunday, the Israeli military said.",
              "published": "2025-01-06", "outlet": "Times of Israel"}
    with TestClient(create_app(db)) as no_token:
        assert no_token.post("/api/reports", json=report).status_code == 403
    with TestClient(create_app(db, token="s3cret")) as client:
        assert client.post("/api/reports", json=report).status_code == 401
        assert client.post("/api/reports", json=report, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = client.post("/api/reports", json=report, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201 and ok.json()["stored"] and ok.json()["new_events"] >= 1
        again = client.post("/api/reports", json=report, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["stored"] is False
        both = client.post("/api/reports", json={"text": "x", "url": "https://example.org"},
                           headers={"Authorization": "Bearer s3cret"})
        assert both.status_code == 400
        private = client.post("/api/reports", json={"url": "http://127.0.0.1:9/report"},
                              headers={"Authorization": "Bearer s3cret"})
        assert private.status_code == 400 and "private or loopback" in private.json()["detail"]
        assert client.get("/api/events").status_code == 200  # open on localhost
    with TestClient(create_app(db, token="s3cret", open_reads=False)) as remote:
        assert remote.get("/api/events").status_code == 401
        assert remote.get("/api/events", headers={"Authorization": "Bearer s3cret"}).json()["total"] >= 1


def test_serve_refuses_to_open_to_the_network_without_a_token(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "thucydides.cli", "serve", "--host", "0.0.0.0",
                             "--db", str(tmp_path / "s.sqlite")], capture_output=True, text=True, timeout=120,
                            env={k: v for k, v in __import__("os").environ.items() if k != "THUC_TOKEN"})
    assert result.returncode == 2 and "needs --token" in result.stderr
