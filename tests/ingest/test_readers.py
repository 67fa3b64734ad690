"""Readers: front matter, HTML, JSON records, and the refusals every input gets."""
from __future__ import annotations

import json

import pytest

from thucydides.errors import ReportError
from thucydides.ingest import read_path

HTML_PAGE = """<!DOCTYPE html><html><head><title>Clashes reported near Hama | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2024-12-03">
</head><body><nav>Home | World</nav><article><h1>Clashes reported near Hama</h1>
<p>Rebels and government forces clashed on the outskirts of Hama on Tuesday, residents said.</p>
<p>The fighting forced hundreds of families to flee toward Homs, according to local officials.</p>
</article><footer>Copyright</footer></body></html>"""


def test_markdown_front_matter_is_metadata_and_body_is_text(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: A report\noutlet: Kyiv Post\npublished: 2024-12-02\nurl: https://x.test/a\n---\n\n\nBody text.\n")
    [report] = read_path(str(path))
    assert (report.title, report.outlet, report.published, report.url) == ("A report", "Kyiv Post", "2024-12-02", "https://x.test/a")
    assert report.text == "Body text.\n"
    assert report.path == str(path)


def test_text_without_front_matter_is_all_body(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Rebels advanced on Hama.\n")
    [report] = read_path(str(path))
    assert report.text == "Rebels advanced on Hama.\n" and report.published is None


def test_html_through_trafilatura_gives_text_title_date_and_site(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE)
    [report] = read_path(str(path))
    assert "clashed on the outskirts of Hama" in report.text
    assert "Home | World" not in report.text and "Copyright" not in report.text
    assert report.title.startswith("Clashes reported near Hama")
    assert report.outlet == "Example News"
    assert report.published == "2024-12-03"
    assert report.from_html


def test_json_and_jsonl_records(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Shelling hit Kherson.", "title": "T", "published": "2025-01-02", "outlet": "O", "url": "u"}))
    many = tmp_path / "many.jsonl"
    many.write_text("\n".join(json.dumps({"text": f"Report {i}.", "published": f"2025-01-0{i}"}) for i in (1, 2, 3)) + "\n")
    [report] = read_path(str(one))
    assert (report.text, report.title, report.published, report.outlet, report.url) == ("Shelling hit Kherson.", "T", "2025-01-02", "O", "u")
    assert [r.published for r in read_path(str(many))] == ["2025-01-01", "2025-01-02", "2025-01-03"]


@pytest.mark.parametrize("name, content, problem", [
    ("empty.md", b"", "empty report"),
    ("blank.md", b"  \n\n ", "empty report"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin1.txt", "Rebels entered Alep\xe9".encode("latin-1"), "not valid UTF-8"),
    ("open.md", b"---\ntitle: no end\n\nBody", "malformed front matter"),
    ("yaml.md", b"---\ntitle: [unclosed\n---\nBody", "malformed front matter"),
    ("notdict.md", b"---\n- a\n- b\n---\nBody", "malformed front matter"),
    ("baddate.md", b"---\npublished: last Tuesday\n---\nBody", "not a date"),
    ("report.pdf", b"%PDF-1.4", "unknown file type '.pdf'"),
    ("bad.jsonl", b'{broken\n', "invalid JSON"),
    ("notext.json", b'{"title": "no text"}', "no 'text'"),
])
def test_bad_input_is_refused_with_a_reason(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportError) as caught:
        read_path(str(path))
    assert problem in caught.value.problem
    assert str(caught.value).startswith(str(path))


def test_oversized_report_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Rebels advanced. " * (5 * 1024 * 1024 // 17 + 10))
    with pytest.raises(ReportError, match="too large"):
        read_path(str(path))


def test_bad_record_stands_beside_the_good_ones(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Shelling hit Kherson.", "published": "2025-01-02"}\n{broken\n{"title": "no text"}\n'
                    '{"text": "Drones hit Odesa.", "published": "2025-01-03"}\n')
    items = read_path(str(path))
    assert [type(i).__name__ for i in items] == ["RawReport", "ReportError", "ReportError", "RawReport"]
    assert items[1].source.endswith("mixed.jsonl:2") and "invalid JSON" in items[1].problem
    assert items[2].source.endswith("mixed.jsonl:3") and "no 'text'" in items[2].problem


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_path(str(tmp_path / "absent.md"))
