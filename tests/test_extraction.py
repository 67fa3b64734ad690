"""The library's batch extraction: order kept, one failing document costs only itself."""
from __future__ import annotations

import pytest

from thucydides.extraction import extract_documents, make_document
from thucydides.ingest import RawReport
from thucydides.nlp.pipeline import get_pipeline


def documents(*texts: str):
    return [make_document(RawReport(text=t, path=f"r{i}.md", published="2025-01-01")) for i, t in enumerate(texts)]


@pytest.fixture
def failing_on_poison(monkeypatch):
    """Make the entity builder fail on one document, as an unforeseen bug would."""
    builder = get_pipeline().get_pipe("thuc_entities")
    original = type(builder).__call__

    def call(self, doc):
        if "POISON" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(type(builder), "__call__", call)


def test_order_is_kept_across_languages():
    docs = documents("Rebels entered Aleppo on Friday, residents said.",
                     "Les forces russes ont bombardé la périphérie de Kharkiv pendant la nuit, selon les autorités.",
                     "Drones struck Odesa overnight, Ukrainian officials said.")
    assert [x.document.path for x in extract_documents(docs)] == ["r0.md", "r1.md", "r2.md"]


def test_a_failing_document_is_reported_and_the_others_extracted(failing_on_poison):
    docs = documents("Rebels entered Aleppo.", "POISON text about Hama.", "Drones struck Odesa.")
    errors = []
    out = list(extract_documents(docs, on_error=lambda d, e: errors.append((d.path, str(e)))))
    assert [x.document.path for x in out] == ["r0.md", "r2.md"]
    assert errors == [("r1.md", "boom")]
    assert any(e.name == "Odesa" for e in out[1].entities)


def test_without_a_handler_the_failure_propagates(failing_on_poison):
    with pytest.raises(RuntimeError, match="boom"):
        list(extract_documents(documents("POISON")))


def test_a_report_longer_than_the_parser_takes_is_reported_alone_and_the_rest_goes_on():
    from thucydides.extraction import ReportTooLong, extract_documents, make_document
    from thucydides.ingest import RawReport

    long_text = "Rebels shelled the town. " * 45_000  # 1,125,000 characters
    documents = [make_document(RawReport(text=long_text, path="long.md", published="2025-03-01")),
                 make_document(RawReport(text="Russian forces shelled Kharkiv on Monday.", path="short.md",
                                         published="2025-03-04"))]
    failures = []
    out = list(extract_documents(documents, on_error=lambda d, e: failures.append((d.path, e))))
    assert [x.document.path for x in out] == ["short.md"] and out[0].events
    assert [(path, type(e)) for path, e in failures] == [("long.md", ReportTooLong)]
    assert "split the report" in str(failures[0][1])
