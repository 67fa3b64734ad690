"""Reports from the web through a real HTTP server on loopback: pages, feeds and every way a URL fails."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from werkzeug import Response

from thucydides.errors import ReportError
from thucydides.ingest.feed import url_reports
from thucydides.ingest.url import fetch

ARTICLE = """<!doctype html><html><head><title>Drone strike on Kherson port</title>
<meta property="og:site_name" content="Loopback News">
<meta property="article:published_time" content="2025-03-12T08:00:00Z"></head>
<body><nav>Home | World | Europe</nav><article><h1>Drone strike on Kherson port</h1>
<p>Russian forces launched a drone strike on the port of Kherson on Tuesday, the regional governor said.</p>
<p>The strike damaged two warehouses and a grain terminal, according to the regional military administration.
Emergency crews worked through the night to put out the fires, officials said on Wednesday morning.</p>
<p>Kherson has been shelled almost daily since Ukrainian forces retook the city in November 2022.</p>
</article><footer>Copyright Loopback News</footer></body></html>"""


def rss(server) -> str:
    items = "".join(f"""<item><title>Report {n}</title><link>{server.url_for(f'/article/{n}')}</link>
<description>&lt;p&gt;Russian forces shelled Kherson on Monday, report {n} said.&lt;/p&gt;</description>
<pubDate>Tue, 11 Mar 2025 10:00:00 GMT</pubDate></item>""" for n in (1, 2))
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Feed</title>
<link>{server.url_for('/')}</link><description>test</description>{items}</channel></rss>"""


def slow(_request):
    time.sleep(3)
    return Response(ARTICLE, content_type="text/html")


@pytest.fixture
def httpserver():
    """A threaded server: a slow answer to one request must not hold up the others."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def site(httpserver):
    httpserver.expect_request("/article").respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")
    for n in (1, 2):
        httpserver.expect_request(f"/article/{n}").respond_with_data(ARTICLE.replace("Tuesday", f"Tuesday ({n})"),
                                                                    content_type="text/html")
    httpserver.expect_request("/feed").respond_with_data(rss(httpserver), content_type="application/rss+xml")
    httpserver.expect_request("/report.pdf").respond_with_data(b"%PDF-1.4 ...", content_type="application/pdf")
    huge = Response((b"<html>" for _ in range(1)), content_type="text/html")
    huge.headers["Content-Length"] = str(2 * 1024 ** 3)  # says 2 GB: refused before a byte of it is read
    httpserver.expect_request("/huge").respond_with_response(huge)
    httpserver.expect_request("/endless").respond_with_response(Response(
        (b"<p>" + b"y" * 65536 + b"</p>" for _ in range(200)), content_type="text/html"))
    httpserver.expect_request("/slow").respond_with_handler(slow)
    httpserver.expect_request("/moved").respond_with_response(Response("", status=302,
                                                                        headers={"Location": "/article"}))
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    return httpserver


def test_a_page_becomes_a_report_with_its_metadata(site):
    [report] = url_reports(site.url_for("/article"), allow_private=True)
    assert "drone strike on the port of Kherson" in report.text and "Copyright" not in report.text
    assert report.title == "Drone strike on Kherson port"
    assert report.published == "2025-03-12" and report.url.endswith("/article") and report.from_html


def test_redirects_are_followed(site):
    assert fetch(site.url_for("/moved"), allow_private=True).url.endswith("/article")


def test_a_feed_gives_one_report_per_entry_from_its_page_or_its_summary(site):
    pages = url_reports(site.url_for("/feed"), allow_private=True)
    assert [r.title for r in pages] == ["Drone strike on Kherson port"] * 2
    assert "Tuesday (1)" in pages[0].text and "Tuesday (2)" in pages[1].text
    summaries = url_reports(site.url_for("/feed"), summaries=True, allow_private=True)
    assert [r.text for r in summaries] == [f"Russian forces shelled Kherson on Monday, report {n} said." for n in (1, 2)]
    assert {r.outlet for r in summaries} == {"Loopback Feed"} and {r.published for r in summaries} == {"2025-03-11"}


@pytest.mark.parametrize("path, problem", [
    ("/article", "private or loopback address"),
])
def test_loopback_is_refused_unless_allowed(site, path, problem):
    with pytest.raises(ReportError, match=problem):
        fetch(site.url_for(path))


@pytest.mark.parametrize("path, problem", [
    ("/report.pdf", "not an HTML page or a feed (application/pdf)"),
    ("/huge", "too large (2,147 MB"),
    ("/endless", "too large (more than 10 MB)"),
    ("/gone", "answered 404"),
])
def test_what_is_not_a_report_is_refused_with_the_reason(site, path, problem):
    with pytest.raises(ReportError) as error:
        fetch(site.url_for(path), allow_private=True)
    assert problem in error.value.problem


def test_a_slow_server_times_out(site):
    with pytest.raises(ReportError, match="timed out after 0.5 s"):
        fetch(site.url_for("/slow"), allow_private=True, timeout=0.5)


def test_not_a_web_address_is_refused():
    with pytest.raises(ReportError, match="not an http"):
        fetch("ftp://example.org/report.txt")
    with pytest.raises(ReportError, match="not found"):
        fetch("http://no-such-host.invalid/report")


def test_ingest_goes_on_after_each_bad_url(site, tmp_path):
    db = str(tmp_path / "store.sqlite")
    urls = [site.url_for(p) for p in ("/report.pdf", "/slow", "/article", "/huge")]
    result = subprocess.run([sys.executable, "-m", "thucydides.cli", "ingest", *urls, "--allow-private", "--timeout", "1",
                             "--db", db], capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert result.returncode == 1
    assert "report.pdf: not an HTML page" in result.stderr and "slow: timed out" in result.stderr
    assert "huge: too large" in result.stderr
    assert "1 reports stored" in result.stderr
    refused = subprocess.run([sys.executable, "-m", "thucydides.cli", "ingest", site.url_for("/article"), "--db", db],
                             capture_output=True, text=True, timeout=300)
    assert refused.returncode == 1 and "--allow-private" in refused.stderr
