"""Wire datelines: "KHARTOUM, June 3 (Reuters) - ", "BEIRUT (AP) — ", "PLEASANTON, Calif.--", "HORRY COUNTY, SC
(WMBF) -", "OKLAHOMA CITY The Latest on ...": where a report was filed from, and where the dateline ends.

One pattern serves the sentence splitter (a dateline ends before the sentence it opens), the event layer
(the dateline city is no argument) and the geocoder (the city is a place, the division after it too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UPPER = "A-Z\u00C0-\u00D6\u00D8-\u00DE"  # with the accented capitals: "BOGOTÁ", "ASUNCIÓN", "SÃO PAULO"
CAPS_WORD = rf"[{UPPER}][{UPPER}'\u2019.\-]*[{UPPER}.](?![a-z\u00DF-\u00FF])"
CITY = rf"{CAPS_WORD}(?: {CAPS_WORD}){{0,3}}"
MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]{0,6}\.?"
REGION_WORD = r"[A-Z][A-Za-z.']{0,20}(?:-[A-Z][A-Za-z.']+)?"
DATELINE = re.compile(
    rf"(?P<city>{CITY})(?: (?:&|AND) (?P<city2>{CITY}))?"
    rf"(?:,{{1,2}} ?(?!{MONTH} \d)(?P<region>{REGION_WORD}(?: {REGION_WORD}){{0,2}}))?"  # ", Calif." ", South Africa"
    rf"(?:,{{1,2}} ?{MONTH} \d{{1,2}}(?:, \d{{4}})?)?"  # ", June 3", ", MARCH 29, 2018"
    r"(?P<agency> ?\([^()\n]{0,40}\))?"  # "(Reuters)", "(AP)", "(WMBF)"
    r"(?P<dash> ?(?:-{1,2}|[\u2013\u2014\ufffd]|:)(?=\W))?")
LINE_START = re.compile(r"(?:^|\n)[ \t]*|(?<=[.!?] )|(?<=Associated Press )|(?<=Reuters )")
UNMARKED_FOLLOWER = re.compile(r" [A-Z][a-z]+ [A-Za-z]")  # "OKLAHOMA CITY The Latest on": a sentence after the city


@dataclass(frozen=True)
class Dateline:
    cities: tuple[tuple[int, int], ...]  # "TIJUANA & SAN DIEGO": both
    region: tuple[int, int] | None  # ", Calif.", ", South Africa"
    end: int  # where the report's first sentence begins
    marked: bool  # an agency or a dash closes it, not only the capitals
    agency: tuple[int, int] | None = None  # "(Reuters)", "(ST)": who filed it, never a place


def dateline_at(text: str, start: int) -> Dateline | None:
    """The dateline that begins at `start`, or None. Without an agency or a dash, only a city of two words or five
    letters at least, followed by a sentence, counts ("OKLAHOMA CITY The Latest on ..."; never "US President")."""
    m = DATELINE.match(text, start)
    if m is None:
        return None
    marked = bool(m.group("agency") or m.group("dash"))
    if not marked:
        city = m.group("city")
        if m.group("city2") or m.group("region") or (" " not in city and len(city) < 5) \
                or not UNMARKED_FOLLOWER.match(text, m.end()):
            return None
    cities = tuple(m.span(g) for g in ("city", "city2") if m.group(g))
    region = m.span("region") if m.group("region") else None
    end = m.end()
    while end < len(text) and text[end] == " ":
        end += 1
    agency = m.span("agency") if m.group("agency") else None
    return Dateline(cities, region, end, marked, agency)


def find_datelines(text: str) -> list[Dateline]:
    """Datelines that open the text, a line or a sentence, and any "CITY (AGENCY)" wherever it stands (scraped pages
    put bylines before it: "By JILL COLVIN, Associated Press WASHINGTON (AP) —")."""
    out: list[Dateline] = []
    for m in LINE_START.finditer(text):
        found = dateline_at(text, m.end())
        if found is not None and not any(d.cities[0][0] <= m.end() < d.end for d in out):
            out.append(found)
    for m in re.finditer(rf"(?<![A-Za-z])(?={CITY} ?\([A-Za-z .&]{{2,30}}\))", text):
        found = dateline_at(text, m.start())
        if found is not None and found.marked and not any(d.cities[0][0] <= m.start() < d.end for d in out):
            out.append(found)
    return sorted(out, key=lambda d: d.cities[0][0])


def opening_dateline(text: str, start: int = 0) -> Dateline | None:
    """A dateline closed by an agency or a dash right at `start` (leading spaces skipped): the one the sentence
    splitter and the event layer act on."""
    while start < len(text) and text[start] in " \t\n":
        start += 1
    found = dateline_at(text, start)
    if found is None or not found.marked or found.cities[0][1] - found.cities[0][0] < 3:
        return None  # "US - China talks": no dateline
    return found
