"""Find time expressions in report text: dates, weekdays, parts of months, ranges, relative phrases.

Month and weekday names must be capitalised ("May", not the modal "may"); the rest is matched in
any case. Overlapping candidates keep the longest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
         r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
COUNT = (r"(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
         r"|twenty-four|forty-eight|seventy-two|a few|several|a couple of)")
UNIT = r"(?i:hours?|days?|weeks?|months?|years?)"
PART = (r"(?i:early|mid|late|(?:the )?(?:beginning|start|end|middle|first half|second half|first weeks?|last weeks?"
        r"|first days|last days|first months|last months) of)")

FULL_DATE = rf"(?:{WEEKDAY},? )?(?:{MONTH} {DAY}(?:,? {YEAR})?|{DAY} (?:of )?{MONTH}(?:,? {YEAR})?)(?![\d])"
MONTH_YEAR = rf"(?:{MONTH}(?:,? (?:of )?{YEAR})?)"
DATEISH = rf"(?:{FULL_DATE}|{WEEKDAY}|{MONTH_YEAR}|{YEAR}(?![\d,])|(?i:the year|this year|last year|the month|this month|last month))"
PATTERNS = [
    rf"(?i:from|between) {DATEISH} (?i:to|until|till|through|and|-) {DATEISH}",
    rf"{YEAR}\s?[-\u2013]\s?{YEAR}",
    rf"{MONTH} {DAY}\s?[-\u2013]\s?{DAY}(?:,? {YEAR})?",
    rf"(?i:since) (?:{PART}[- ]?{DATEISH}|{DATEISH})",
    rf"{PART}[- ]?{DATEISH}",
    rf"(?i:(?:last|this|next|early|late) )?(?i:spring|summer|autumn|winter)(?: (?:of )?{YEAR})?",
    rf"(?i:fall) (?:of )?{YEAR}",
    rf"(?i:the )?(?i:first|second|third|fourth|last) quarter(?: of {YEAR})?|Q[1-4](?: {YEAR})?",
    rf"{FULL_DATE}",
    rf"(?i:(?:last|this|next|past) )?{WEEKDAY}(?:'s)?(?i: (?:morning|afternoon|evening|night))?",
    rf"(?i:(?:last|this|next) )?{MONTH_YEAR}",
    rf"(?i:in|since|by|until) {YEAR}(?!\d|,\d)",
    rf"{COUNT} {UNIT} (?i:ago)",
    r"(?i:the )?(?:19|20)\d0s",
    rf"(?i:(?:for|over|within|throughout|in) )?(?i:the )(?i:past|last|previous|preceding) (?:{COUNT} )?{UNIT}",
    rf"(?i:after|for|over) {COUNT} {UNIT}(?: of [a-z-]+(?: [a-z-]+)?)?",
    r"(?i:(?:earlier|later) )?(?i:this|last|next|past) (?i:week|weekend|month|year)",
    r"(?i:over the weekend|the day before yesterday|yesterday|today|tonight|last night|overnight|this morning"
    r"|this afternoon|this evening|tomorrow|(?:in )?recent (?:days|weeks|months))",
]
FINDER = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
WORD_EDGE = re.compile(r"\w")


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str


def find_time_expressions(text: str) -> list[TimeMention]:
    """Time expressions in `text`, left to right, longest first where they overlap."""
    found: list[TimeMention] = []
    pos = 0
    while True:
        m = FINDER.search(text, pos)
        if m is None:
            break
        start, end = m.span()
        if start > 0 and WORD_EDGE.match(text[start - 1]) or end < len(text) and WORD_EDGE.match(text[end]) \
                and not text[end - 1] == ".":
            pos = start + 1
            continue
        found.append(TimeMention(start, end, m.group(0).rstrip(" ,")))
        pos = end
    return found
