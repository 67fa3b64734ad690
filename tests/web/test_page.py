"""The web page end to end in headless Chromium (Debian's, driven by Playwright): the real app served by
uvicorn on a free port, over a store of reports written for the tests."""
from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from thucydides.store import open_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def server(desk_db):
    import uvicorn

    from thucydides.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(desk_db), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield chrome
        chrome.close()


def markers_on_map(page) -> int:
    """Single markers plus the events inside each cluster."""
    singles = page.locator("path.thuc-marker").count()
    clustered = sum(int(t) for t in page.locator(".marker-cluster span").all_inner_texts() if t.strip().isdigit())
    return singles + clustered


def test_map_timeline_evidence_and_no_script(server, browser, desk_db, tmp_path):
    located = [e for e in open_store(desk_db).events(limit=None) if e.lat is not None]
    dialogs: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    page.wait_for_selector("#map[data-markers]")
    page.wait_for_function("document.querySelectorAll('path.thuc-marker, .marker-cluster').length > 0")

    assert int(page.get_attribute("#map", "data-markers")) == len(located) >= 5
    assert markers_on_map(page) == len(located)

    attack = next(e for e in located if e.place == "Kramatorsk")
    marker = page.locator(f'path[data-event-id="{attack.id}"]')
    if marker.count() == 0:  # inside a cluster at this zoom: come closer
        page.evaluate(f"window.thucydides.map.setView([{attack.lat}, {attack.lon}], 9)")
        marker.wait_for()
    marker.click()
    page.wait_for_selector("#panel blockquote.evidence")
    panel = page.inner_text("#panel")
    assert "ammunition depot" in panel and "Kyiv Independent" in panel and "Ukrainska Pravda" in panel
    assert page.get_attribute("#panel [data-independent-sources]", "data-independent-sources") == "1"
    screenshot = Path(os.environ.get("THUC_SCREENSHOT") or tmp_path / "thucydides.png")
    page.wait_for_timeout(400)
    page.screenshot(path=str(screenshot))
    assert screenshot.stat().st_size > 10_000

    page.evaluate("window.location.hash = ''")
    page.dblclick("#timeline-svg")
    before = int(page.get_attribute("#map", "data-markers"))
    box = page.locator("#timeline-svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + 20, steps=5)
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + 20, steps=5)
    page.mouse.up()
    after = int(page.get_attribute("#map", "data-markers"))
    assert 0 < after < before
    assert re.search(r"showing \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d", page.inner_text("#timeline-label"))
    assert markers_on_map(page) == after

    kherson = next(e for e in located if e.place == "Kherson")
    page.evaluate(f"window.location.hash = '#/event/{kherson.id}'")
    page.wait_for_selector("#panel blockquote.evidence")
    page.click("#panel a:text('show it in the report')")
    page.wait_for_selector("#panel .document-text mark")
    shown = page.inner_text("#panel")
    assert "<script>alert(1)</script>" in shown and "<img src=x onerror=alert(2)>" in shown
    assert "Injected <b>Outlet</b>" in shown
    assert page.locator("#panel script, #panel img").count() == 0
    assert page.locator("#panel b", has_text="<b>Outlet</b>").count() == 1  # the outlet name, tags as text
    page.wait_for_timeout(300)
    assert dialogs == [] and errors == []


def test_entity_page_shows_roles_over_time(server, browser, desk_db):
    [chaiko] = open_store(desk_db).entities(type="PERSON", name="Chaiko")
    page = browser.new_page()
    page.goto(f"{server}/#/entity/{chaiko.id}")
    page.wait_for_selector("#panel table.roles")
    text = page.inner_text("#panel")
    assert "Alexander Chaiko" in text and "commander of Russian forces in Syria" in text and "dismissed" in text
    page.click("#panel a:text('leadership')")
    page.wait_for_selector("#panel blockquote.evidence")
    assert "Kremlin dismissed" in page.inner_text("#panel")
