"""What `thuc ingest` is given, spelled out: files, every report file in a folder, a glob's matches, URLs."""
from __future__ import annotations

import glob
from pathlib import Path

from thucydides.errors import ReportError
from thucydides.ingest.report import HTML_SUFFIXES, JSON_SUFFIXES, TEXT_SUFFIXES
from thucydides.ingest.url import is_url

REPORT_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES) - {""}
GLOB_CHARS = set("*?[")


def folder_reports(folder: Path) -> list[str]:
    """Report files under a folder, recursively, in name order; README files and gold annotations
    (`*.gold.json`, as in annotated corpora) are not reports."""
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                  and not p.name.startswith(".") and p.stem.upper() != "README" and ".gold." not in p.name)


def expand_inputs(inputs: list[str]) -> list[str | ReportError]:
    """Each input as the files or URLs it stands for, in order; an input that stands for nothing is an error."""
    out: list[str | ReportError] = []
    for item in inputs:
        if item == "-" or is_url(item):
            out.append(item)
        elif Path(item).is_dir():
            found = folder_reports(Path(item))
            out.extend(found or [ReportError(item, "no report files (.md, .txt, .html, .json, .jsonl) in this folder")])
        elif GLOB_CHARS & set(item) and not Path(item).exists():
            found = sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
            out.extend(found or [ReportError(item, "no files match this pattern")])
        else:
            out.append(item)
    return out
