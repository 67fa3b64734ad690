"""Resolve one time expression ("late July 2024", "on Monday, Dec. 2", "two days ago") to a When.

The anchor is the report's own date; `tense` ("past", "present", "future") decides which way a
weekday or a year-less date falls. What it cannot read comes back `unknown`, with its text kept.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from thucydides.model import When

MONTHS = {"jan": 1, "january": 1, "feb": 2, "febr": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
          "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
          "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
            "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
           "forty-eight": 48, "twenty-four": 24, "seventy-two": 72}
VAGUE_COUNTS = {"a few": (2, 5), "few": (2, 5), "several": (3, 7), "a couple of": (2, 3), "couple of": (2, 3)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
MONTH_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20),
               "late": (21, 31), "end": (21, 31), "first half": (1, 15), "second half": (16, 31),
               "first week": (1, 7), "last week": (-7, 31), "first days": (1, 5), "last days": (-5, 31),
               "first weeks": (1, 14), "last weeks": (-14, 31)}
YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8),
              "late": (9, 12), "end": (10, 12), "first half": (1, 6), "second half": (7, 12),
              "first months": (1, 3), "last months": (10, 12)}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "hour": 1 / 24}

MONTH_RE = r"(jan(?:uary)?|feb(?:r?uary)?|febr|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
WEEKDAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun)"
COUNT_RE = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|twenty-four|forty-eight|seventy-two|a few|few|several|a couple of|couple of)"
UNIT_RE = r"(hours?|days?|weeks?|months?|years?)"
PART_RE = r"(early|mid|late|(?:the )?(?:beginning|start|end|middle|first half|second half|first weeks?|last weeks?|first days|last days|first months|last months) of)"
LEADING = re.compile(r"^(?:on|in|at|during|by|as of|around|about|circa|some ?time in|as early as|as late as|"
                     r"no later than|no earlier than|starting|beginning|dated|of)\s+")


class Period:
    """A resolved span of days with its precision."""

    def __init__(self, start: dt.date | None, end: dt.date | None, precision: str, year_given: bool = True):
        self.start, self.end, self.precision, self.year_given = start, end, precision, year_given

    def shifted_year(self, years: int) -> Period:
        return Period(shift_year(self.start, years), shift_year(self.end, years), self.precision, self.year_given)


def shift_year(day: dt.date | None, years: int) -> dt.date | None:
    if day is None:
        return None
    last = calendar.monthrange(day.year + years, day.month)[1]
    return day.replace(year=day.year + years, day=min(day.day, last))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def count_of(word: str) -> tuple[int, int] | None:
    word = word.strip()
    if word.isdigit():
        return int(word), int(word)
    if word in VAGUE_COUNTS:
        return VAGUE_COUNTS[word]
    if word in NUMBERS:
        return NUMBERS[word], NUMBERS[word]
    return None


def normalize(expression: str) -> str:
    text = expression.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\b(" + MONTH_RE[1:-1] + r")\.", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()\"'")
    previous = None
    while previous != text:
        previous = text
        text = LEADING.sub("", text)
    return re.sub(r"^the (?=\d)", "", text)


class Resolver:
    """Reads normalised expressions against one anchor date and tense."""

    def __init__(self, anchor: dt.date | None, tense: str | None):
        self.anchor, self.tense = anchor, tense

    # ---- year inference --------------------------------------------------------------------------
    def place_in_year(self, make) -> Period | None:
        """`make(year)` builds the period; without a year given it is the anchor's year, one year back
        when that would lie after the anchor (past) or forward when it would lie before it (future)."""
        if self.anchor is None:
            return None
        period = make(self.anchor.year)
        period.year_given = False
        if self.tense == "future":
            if period.end < self.anchor:
                period = make(self.anchor.year + 1)
        elif period.start > self.anchor:
            period = make(self.anchor.year - 1)
        period.year_given = False
        return period

    # ---- the pieces ------------------------------------------------------------------------------
    def day_of_month(self, month: int, day: int, year: int | None) -> Period | None:
        def make(y: int) -> Period:
            return Period(dt.date(y, month, day), dt.date(y, month, day), "day")
        if day < 1 or day > calendar.monthrange(year or 2024, month)[1]:
            return None
        return make(year) if year else self.place_in_year(make)

    def month(self, month: int, year: int | None) -> Period | None:
        def make(y: int) -> Period:
            return Period(dt.date(y, month, 1), month_end(y, month), "month")
        return make(year) if year else self.place_in_year(make)

    def weekday(self, weekday: int, which: str | None) -> Period | None:
        if self.anchor is None:
            return None
        back = (self.anchor.weekday() - weekday) % 7
        if which == "next" or which is None and self.tense == "future":
            ahead = (weekday - self.anchor.weekday()) % 7 or 7
            day = self.anchor + dt.timedelta(days=ahead)
        elif which in ("last", "past"):
            day = self.anchor - dt.timedelta(days=back or 7)
        else:
            day = self.anchor - dt.timedelta(days=back)
        return Period(day, day, "day")

    def part(self, part: str, base: Period) -> Period | None:
        part = re.sub(r"^(the )?", "", part).removesuffix(" of").strip()
        if base.precision == "month":
            low, high = MONTH_PARTS[part]
            last = base.end.day
            first = last + low + 1 if low < 0 else low
            return Period(base.start.replace(day=first), base.start.replace(day=min(high, last)), "part_of_month",
                          base.year_given)
        if base.precision == "year":
            low, high = YEAR_PARTS.get(part, MONTH_PARTS.get(part) and YEAR_PARTS.get(part.split()[0]) or (None, None))
            if low is None:
                return None
            return Period(dt.date(base.start.year, low, 1), month_end(base.start.year, high), "range", base.year_given)
        return None

    def named_period(self, text: str) -> Period | None:
        """"this year", "last month", "the year": periods named from the anchor."""
        if self.anchor is None:
            return None
        a = self.anchor
        m = re.fullmatch(r"(?:the |this |current )?(year|month)|(last|previous|past|next) (year|month)", text)
        if not m:
            return None
        unit = m.group(1) or m.group(3)
        step = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(m.group(2) or "", 0)
        if unit == "year":
            y = a.year + step
            return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        month_index = a.year * 12 + a.month - 1 + step
        y, mo = divmod(month_index, 12)
        return Period(dt.date(y, mo + 1, 1), month_end(y, mo + 1), "month")

    # ---- one expression --------------------------------------------------------------------------
    def resolve(self, text: str) -> Period | None:
        for reader in (self.explicit_day, self.ranged, self.since_until, self.relative_word, self.ago,
                       self.past_span, self.this_last_next, self.weekday_phrase, self.parted, self.month_phrase,
                       self.season, self.quarter, self.year_phrase, self.decade):
            found = reader(text)
            if found is not None:
                return found
        return None

    def explicit_day(self, text: str) -> Period | None:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if m:
            return self.safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        weekday = None
        m = re.fullmatch(WEEKDAY_RE + r",? (.+)", text)
        if m and m.group(1) in WEEKDAYS:
            weekday, text = WEEKDAYS[m.group(1)], m.group(2)
        m = re.fullmatch(MONTH_RE + r" (\d{1,2})(?:,? (\d{4}))?", text) or None
        if m:
            month, day, year = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        else:
            m = re.fullmatch(r"(\d{1,2}) (?:of )?" + MONTH_RE + r",? ?(\d{4})?", text)
            if not m:
                return None
            month, day, year = MONTHS[m.group(2)], int(m.group(1)), m.group(3)
        if year:
            return self.safe_day(int(year), month, day)
        if weekday is not None and self.anchor is not None:
            for y in sorted((self.anchor.year, self.anchor.year - 1, self.anchor.year + 1),
                            key=lambda y: abs((dt.date(y, month, min(day, 28)) - self.anchor).days)):
                if day <= calendar.monthrange(y, month)[1] and dt.date(y, month, day).weekday() == weekday:
                    return Period(dt.date(y, month, day), dt.date(y, month, day), "day", False)
        return self.day_of_month(month, day, None)

    @staticmethod
    def safe_day(year: int, month: int, day: int) -> Period | None:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return Period(d, d, "day")

    def ranged(self, text: str) -> Period | None:
        """ "from 2017 to 2019", "March 3-5, 2024", "between May 1 and May 4", "from Nov. 27 to Dec. 1"."""
        return self.year_range(text) or self.month_days(text) or self.from_to(text)

    @staticmethod
    def year_range(text: str) -> Period | None:
        m = re.fullmatch(r"(?:from |between )?(\d{4}) ?(?:-|to|and|until|through) ?(\d{4})", text)
        if m and 1900 <= int(m.group(1)) <= int(m.group(2)) <= 2100:
            return Period(dt.date(int(m.group(1)), 1, 1), dt.date(int(m.group(2)), 12, 31), "range")
        return None

    def month_days(self, text: str) -> Period | None:
        m = re.fullmatch(MONTH_RE + r" (\d{1,2}) ?(?:-|to) ?(\d{1,2})(?:,? (\d{4}))?", text)
        if m is None:
            return None
        month, year = MONTHS[m.group(1)], int(m.group(4)) if m.group(4) else None
        left = self.day_of_month(month, int(m.group(2)), year)
        right = self.day_of_month(month, int(m.group(3)), year)
        if left is None or right is None or year is None and right.start < left.start:
            return None
        return Period(left.start, right.start.replace(year=left.start.year), "days")

    def from_to(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:from|between) (.+?) (?:to|until|till|through|and|-) (.+)", text)
        right = self.resolve(m.group(2)) if m else None
        if right is None:
            return None
        left_text = m.group(1)
        left = self.resolve(left_text)
        if re.fullmatch(r"\d{1,2}", left_text) and right.precision == "day":
            left = self.safe_day(right.start.year, right.start.month, int(left_text))  # "from 3 to 5 May"
        elif left is not None and not left.year_given and right.year_given:
            left = self.resolve(f"{left_text} {right.start.year}") or left
            if left.start > right.start:
                left = left.shifted_year(-1)
        if left is None or left.start > right.end:
            return None
        span = (right.end - left.start).days
        return Period(left.start, right.end, "days" if span <= 14 else "range")

    def since_until(self, text: str) -> Period | None:
        m = re.fullmatch(r"(since|until|till|through|up to|before|after|following) (.+)", text)
        if m is None:
            return None
        inner = self.resolve(m.group(2))
        if m.group(1) == "since":
            if inner is None or self.anchor is None or inner.start > self.anchor:
                return None
            return Period(inner.start, self.anchor, "range")
        if m.group(1) in ("after", "following"):
            duration = re.fullmatch(COUNT_RE + " " + UNIT_RE + r"(?: of .*)?", m.group(2))
            if duration:
                return self.span_back(duration.group(1), duration.group(2))
            return None
        if inner is None:
            return None
        if m.group(1) == "before":
            return Period(None, inner.start - dt.timedelta(days=1), "range")
        return Period(None, inner.end, "range")

    def relative_word(self, text: str) -> Period | None:
        offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                   "earlier today": 0, "yesterday": -1, "last night": -1, "yesterday morning": -1,
                   "yesterday afternoon": -1, "yesterday evening": -1, "the day before yesterday": -2,
                   "tomorrow": 1, "the previous day": -1, "the day before": -1, "the next day": 1}
        if self.anchor is None:
            return None
        if text in offsets:
            day = self.anchor + dt.timedelta(days=offsets[text])
            return Period(day, day, "day")
        if text in ("overnight", "last night and this morning"):
            return Period(self.anchor - dt.timedelta(days=1), self.anchor, "days")
        if text in ("recent days", "the recent days"):
            return Period(self.anchor - dt.timedelta(days=7), self.anchor, "days")
        if text in ("recent weeks", "the recent weeks"):
            return Period(self.anchor - dt.timedelta(days=28), self.anchor, "range")
        if text in ("recent months", "the recent months"):
            return Period(self.anchor - dt.timedelta(days=120), self.anchor, "range")
        return None

    def ago(self, text: str) -> Period | None:
        m = re.fullmatch(COUNT_RE + " " + UNIT_RE + " ago", text) or re.fullmatch(r"()(days|weeks|months|years) ago", text)
        if m is None or self.anchor is None:
            return None
        low, high = count_of(m.group(1)) if m.group(1) else (2, 7)
        unit = m.group(2).rstrip("s")
        if unit in ("day", "hour"):
            days = (low, high) if unit == "day" else (0, 1)
            return Period(self.anchor - dt.timedelta(days=days[1]), self.anchor - dt.timedelta(days=days[0]),
                          "day" if days[0] == days[1] else "days")
        if unit == "week":
            return Period(self.anchor - dt.timedelta(days=7 * high + 3), self.anchor - dt.timedelta(days=max(0, 7 * low - 3)), "days")
        if unit == "month":
            earliest, latest = self.months_back(high), self.months_back(low)
            return Period(earliest.replace(day=1), month_end(latest.year, latest.month),
                          "month" if low == high else "range")
        return Period(dt.date(self.anchor.year - high, 1, 1), dt.date(self.anchor.year - low, 12, 31),
                      "year" if low == high else "range")

    def months_back(self, n: int) -> dt.date:
        index = self.anchor.year * 12 + self.anchor.month - 1 - n
        return dt.date(index // 12, index % 12 + 1, 1)

    def span_back(self, count: str, unit: str) -> Period | None:
        if self.anchor is None or count_of(count) is None:
            return None
        days = count_of(count)[1] * UNIT_DAYS[unit.rstrip("s")]
        start = self.anchor - dt.timedelta(days=max(0, round(days)))
        return Period(start, self.anchor, "day" if start == self.anchor else "days" if days <= 7 else "range")

    def past_span(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:for |over |within |throughout )?(?:the )?(?:past|last|previous|preceding) (?:" + COUNT_RE + " )?" + UNIT_RE, text) \
            or re.fullmatch(r"(?:for|over|after) " + COUNT_RE + " " + UNIT_RE + r"(?: of .*)?", text)
        if m is None:
            return None
        count, unit = (m.group(1) or "1"), m.group(2)
        if self.tense == "past" and re.match(r"(?:for|over) ", text) and " the " not in f" {text} ":
            return None  # "occupied the village for several hours": how long, not when
        if not m.group(1) and text.split()[-1] in ("week", "month", "year") and not re.match(r"(for |over |within |throughout )?the ", text):
            return None  # "last week", "last month": calendar periods, read below
        return self.span_back(count, unit)

    def this_last_next(self, text: str) -> Period | None:
        m = re.fullmatch(r"(earlier |later |late |early )?(this|last|next|previous|past|the) (week|weekend|month|year)|(?:over )?the (weekend)", text)
        if m is None or self.anchor is None:
            return None
        a = self.anchor
        if m.group(4):
            which, unit, mod = "this", "weekend", None
        else:
            mod, which, unit = (m.group(1) or "").strip() or None, m.group(2), m.group(3)
        step = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(which, 0)
        if unit in ("week", "weekend"):
            monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=7 * step)
            if unit == "weekend":
                saturday = monday + dt.timedelta(days=5)
                if step == 0 and saturday > a and self.tense != "future":
                    saturday -= dt.timedelta(days=7)
                return Period(saturday, saturday + dt.timedelta(days=1), "days")
            start, end = monday, monday + dt.timedelta(days=6)
        elif unit == "month":
            base = self.named_period(f"{which if which != 'the' else 'this'} month")
            start, end = base.start, base.end
        else:
            y = a.year + step
            start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if mod == "earlier":
            end = min(end, a)
        elif mod == "later":
            start = max(start, a)
        if mod in ("early", "late") and unit in ("month", "year"):
            return self.part(mod, Period(start, end, unit))
        precision = {"week": "days", "weekend": "days", "month": "month", "year": "year"}[unit]
        if mod in ("earlier", "later"):
            precision = {"week": "days", "month": "part_of_month", "year": "range"}[unit]
        return Period(start, end, precision)

    def weekday_phrase(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:(last|this|next|past|early|late) )?" + WEEKDAY_RE + r"(?:'s)?(?: (?:morning|afternoon|evening|night))?", text)
        if m is None or m.group(2) not in WEEKDAYS:
            return None
        which = m.group(1) if m.group(1) in ("last", "this", "next", "past") else None
        return self.weekday(WEEKDAYS[m.group(2)], which)

    def parted(self, text: str) -> Period | None:
        m = re.fullmatch(PART_RE + r"[- ]?(.+)", text)
        if m is None:
            return None
        base = self.month_phrase(m.group(2)) or self.year_phrase(m.group(2)) or self.named_period(m.group(2))
        if base is None:
            return None
        return self.part(m.group(1), base)

    def month_phrase(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:(last|this|next) )?" + MONTH_RE + r"(?:,? (?:of )?(\d{4}))?", text)
        if m is None:
            return None
        month, year = MONTHS[m.group(2)], int(m.group(3)) if m.group(3) else None
        if year or m.group(1) is None:
            return self.month(month, year)
        if self.anchor is None:
            return None
        y = self.anchor.year
        if m.group(1) == "last":
            y = y if month < self.anchor.month else y - 1
        elif m.group(1) == "next":
            y = y if month > self.anchor.month else y + 1
        return self.month(month, y)

    def season(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:the )?(?:(last|this|next|early|late) )?(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?", text)
        if m is None:
            return None
        first, last = SEASONS[m.group(2)]

        def make(y: int) -> Period:
            end_year = y + 1 if last < first else y
            return Period(dt.date(y, first, 1), month_end(end_year, last), "range")
        if m.group(3):
            return make(int(m.group(3)))
        if self.anchor is None:
            return None
        period = self.place_in_year(make)
        if m.group(1) == "last" and period.end >= self.anchor:
            period = make(period.start.year - 1)
        elif m.group(1) == "next" and period.start <= self.anchor:
            period = make(period.start.year + 1)
        return period

    def quarter(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:the )?(?:q([1-4])|(first|second|third|fourth|last|1st|2nd|3rd|4th) quarter)(?:,? (?:of )?(\d{4}|this year|last year))?", text)
        if m is None:
            return None
        n = int(m.group(1)) if m.group(1) else ORDINALS[m.group(2)]

        def make(y: int) -> Period:
            return Period(dt.date(y, 3 * n - 2, 1), month_end(y, 3 * n), "range")
        year_text = m.group(3)
        if year_text and year_text.isdigit():
            return make(int(year_text))
        if year_text and self.anchor:
            return make(self.anchor.year - (year_text == "last year"))
        return self.place_in_year(make) if self.anchor else None

    def year_phrase(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:the year )?(\d{4})", text)
        if m and 1900 <= int(m.group(1)) <= 2100:
            y = int(m.group(1))
            return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        return self.named_period(text)

    def decade(self, text: str) -> Period | None:
        m = re.fullmatch(r"(?:the )?(\d{3})0s", text)
        if m is None:
            return None
        start = int(m.group(1)) * 10
        return Period(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "range")


def to_date(anchor) -> dt.date | None:
    if anchor is None or isinstance(anchor, dt.date):
        return anchor
    try:
        return dt.date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


def resolve(expression: str, anchor: dt.date | str | None = None, tense: str | None = None) -> When:
    """The days an expression may mean, read against `anchor` (the report's date); `unknown`, with the
    text kept, for what it cannot read. Never raises on bad input."""
    text = expression if isinstance(expression, str) else ""
    try:
        period = Resolver(to_date(anchor), tense).resolve(normalize(text)) if text.strip() else None
    except (ValueError, KeyError, OverflowError, TypeError):
        period = None
    if period is None:
        return When(None, None, "unknown", text or None)
    return When(period.start.isoformat() if period.start else None, period.end.isoformat() if period.end else None,
                period.precision, text)
