"""The time resolver on real phrasing from news and military reports, against the report's date."""
import pytest

from thucydides.time import resolve

# expression, anchor (the report's date), tense, start, end, precision
CASES = [
    # explicit and partial dates; the year from the anchor
    ("on Monday, Dec. 2", "2024-12-02", None, "2024-12-02", "2024-12-02", "day"),
    ("On Sunday, Dec. 1", "2024-12-02", "past", "2024-12-01", "2024-12-01", "day"),
    ("on Nov. 27", "2024-12-02", "past", "2024-11-27", "2024-11-27", "day"),
    ("Sept. 15", "2024-12-02", "past", "2024-09-15", "2024-09-15", "day"),
    ("Sept 15", "2024-12-02", None, "2024-09-15", "2024-09-15", "day"),
    ("December 2, 2024", "2025-03-01", None, "2024-12-02", "2024-12-02", "day"),
    ("2 December 2024", "2025-03-01", None, "2024-12-02", "2024-12-02", "day"),
    ("the 24th of February", "2025-03-01", "past", "2025-02-24", "2025-02-24", "day"),
    ("Feb. 24, 2022", "2025-03-01", None, "2022-02-24", "2022-02-24", "day"),
    ("2024-10-07", "2025-03-01", None, "2024-10-07", "2024-10-07", "day"),
    ("on March 3rd", "2025-03-11", "past", "2025-03-03", "2025-03-03", "day"),
    ("Aug. 6", "2024-09-01", "past", "2024-08-06", "2024-08-06", "day"),
    # year boundaries: a December date read in January, a January date planned in December
    ("Dec. 2", "2025-01-10", "past", "2024-12-02", "2024-12-02", "day"),
    ("on Dec. 31", "2025-01-02", None, "2024-12-31", "2024-12-31", "day"),
    ("Jan. 5", "2024-12-20", "future", "2025-01-05", "2025-01-05", "day"),
    ("in December", "2025-01-04", "past", "2024-12-01", "2024-12-31", "month"),
    ("last December", "2025-01-04", "past", "2024-12-01", "2024-12-31", "month"),
    ("Monday, Dec. 30", "2025-01-03", None, "2024-12-30", "2024-12-30", "day"),
    ("late December", "2025-01-15", "past", "2024-12-21", "2024-12-31", "part_of_month"),
    ("last year", "2025-01-15", None, "2024-01-01", "2024-12-31", "year"),
    # weekdays
    ("on Sunday", "2024-12-02", "past", "2024-12-01", "2024-12-01", "day"),
    ("Tuesday", "2025-03-11", "past", "2025-03-11", "2025-03-11", "day"),
    ("early Wednesday", "2025-03-12", "past", "2025-03-12", "2025-03-12", "day"),
    ("on Friday", "2024-12-02", "future", "2024-12-06", "2024-12-06", "day"),
    ("last Monday", "2024-12-04", None, "2024-12-02", "2024-12-02", "day"),
    ("next Tuesday", "2024-12-04", None, "2024-12-10", "2024-12-10", "day"),
    ("Saturday night", "2024-12-02", "past", "2024-11-30", "2024-11-30", "day"),
    ("on Thursday", "2025-03-14", "past", "2025-03-13", "2025-03-13", "day"),
    # relative days, weeks, months, years
    ("yesterday", "2024-12-02", None, "2024-12-01", "2024-12-01", "day"),
    ("today", "2024-12-02", None, "2024-12-02", "2024-12-02", "day"),
    ("this morning", "2025-03-11", None, "2025-03-11", "2025-03-11", "day"),
    ("last night", "2024-12-02", None, "2024-12-01", "2024-12-01", "day"),
    ("overnight", "2024-12-02", None, "2024-12-01", "2024-12-02", "days"),
    ("tomorrow", "2024-12-02", "future", "2024-12-03", "2024-12-03", "day"),
    ("two days ago", "2024-12-02", None, "2024-11-30", "2024-11-30", "day"),
    ("three weeks ago", "2024-12-02", None, "2024-11-08", "2024-11-14", "days"),
    ("a month ago", "2024-12-02", None, "2024-11-01", "2024-11-30", "month"),
    ("two years ago", "2024-12-02", None, "2022-01-01", "2022-12-31", "year"),
    ("last week", "2024-12-04", None, "2024-11-25", "2024-12-01", "days"),
    ("this week", "2025-03-12", None, "2025-03-10", "2025-03-16", "days"),
    ("earlier this week", "2025-03-12", None, "2025-03-10", "2025-03-12", "days"),
    ("next week", "2024-12-04", "future", "2024-12-09", "2024-12-15", "days"),
    ("over the weekend", "2024-12-02", None, "2024-11-30", "2024-12-01", "days"),
    ("last month", "2024-12-02", None, "2024-11-01", "2024-11-30", "month"),
    ("earlier this month", "2025-03-14", None, "2025-03-01", "2025-03-14", "part_of_month"),
    ("later this month", "2025-03-14", "future", "2025-03-14", "2025-03-31", "part_of_month"),
    ("this year", "2024-12-02", None, "2024-01-01", "2024-12-31", "year"),
    ("earlier this year", "2024-12-02", None, "2024-01-01", "2024-12-02", "range"),
    ("in the past 24 hours", "2024-12-02", None, "2024-12-01", "2024-12-02", "days"),
    ("over the past three days", "2024-12-02", None, "2024-11-29", "2024-12-02", "days"),
    ("in recent days", "2024-12-02", None, "2024-11-25", "2024-12-02", "days"),
    ("the past two weeks", "2024-12-02", None, "2024-11-18", "2024-12-02", "range"),
    # months, parts of months and years
    ("in July", "2024-12-02", "past", "2024-07-01", "2024-07-31", "month"),
    ("July 2024", "2025-02-01", None, "2024-07-01", "2024-07-31", "month"),
    ("in August 2022", "2025-03-12", None, "2022-08-01", "2022-08-31", "month"),
    ("late July 2024", "2024-12-02", None, "2024-07-21", "2024-07-31", "part_of_month"),
    ("in late July", "2024-12-02", "past", "2024-07-21", "2024-07-31", "part_of_month"),
    ("at the end of July", "2024-12-02", "past", "2024-07-21", "2024-07-31", "part_of_month"),
    ("in early June", "2024-12-02", "past", "2024-06-01", "2024-06-10", "part_of_month"),
    ("early June", "2024-03-01", "past", "2023-06-01", "2023-06-10", "part_of_month"),
    ("mid-October", "2024-12-02", "past", "2024-10-11", "2024-10-20", "part_of_month"),
    ("in mid-March 2022", "2024-12-02", None, "2022-03-11", "2022-03-20", "part_of_month"),
    ("the beginning of November", "2024-12-02", "past", "2024-11-01", "2024-11-10", "part_of_month"),
    ("the first half of September", "2024-12-02", "past", "2024-09-01", "2024-09-15", "part_of_month"),
    ("the second half of February", "2024-12-02", "past", "2024-02-16", "2024-02-29", "part_of_month"),
    ("late February", "2025-03-05", "past", "2025-02-21", "2025-02-28", "part_of_month"),
    ("in 2019", "2024-12-02", None, "2019-01-01", "2019-12-31", "year"),
    ("early 2024", "2024-12-02", None, "2024-01-01", "2024-04-30", "range"),
    ("mid-2023", "2024-12-02", None, "2023-05-01", "2023-08-31", "range"),
    ("late 2022", "2024-12-02", None, "2022-09-01", "2022-12-31", "range"),
    ("the end of the year", "2024-06-02", "future", "2024-10-01", "2024-12-31", "range"),
    # seasons and quarters
    ("last summer", "2024-12-02", None, "2024-06-01", "2024-08-31", "range"),
    ("in the spring", "2024-12-02", "past", "2024-03-01", "2024-05-31", "range"),
    ("summer 2023", "2024-12-02", None, "2023-06-01", "2023-08-31", "range"),
    ("winter", "2025-01-20", "past", "2024-12-01", "2025-02-28", "range"),
    ("the first quarter of 2024", "2024-12-02", None, "2024-01-01", "2024-03-31", "range"),
    ("Q3 2024", "2024-12-02", None, "2024-07-01", "2024-09-30", "range"),
    ("the fourth quarter", "2024-12-02", None, "2024-10-01", "2024-12-31", "range"),
    # ranges, "since", durations
    ("from 2017 to 2019", "2024-12-02", None, "2017-01-01", "2019-12-31", "range"),
    ("2014-2016", "2024-12-02", None, "2014-01-01", "2016-12-31", "range"),
    ("between May 1 and May 4", "2024-12-02", None, "2024-05-01", "2024-05-04", "days"),
    ("from Nov. 27 to Dec. 1", "2024-12-02", None, "2024-11-27", "2024-12-01", "days"),
    ("March 3-5, 2024", "2024-12-02", None, "2024-03-03", "2024-03-05", "days"),
    ("from 3 to 5 May", "2024-12-02", "past", "2024-05-03", "2024-05-05", "days"),
    ("from December to February", "2025-03-10", "past", "2024-12-01", "2025-02-28", "range"),
    ("since the beginning of the year", "2024-12-02", None, "2024-01-01", "2024-12-02", "range"),
    ("since August 2022", "2025-03-12", None, "2022-08-01", "2025-03-12", "range"),
    ("since 2022", "2024-12-02", None, "2022-01-01", "2024-12-02", "range"),
    ("since Monday", "2024-12-04", None, "2024-12-02", "2024-12-04", "range"),
    ("since early October", "2024-12-02", None, "2024-10-01", "2024-12-02", "range"),
    ("after three days of successful offensive actions", "2024-12-02", None, "2024-11-29", "2024-12-02", "days"),
    ("for two weeks", "2024-12-02", None, "2024-11-18", "2024-12-02", "range"),
    ("for several hours", "2024-12-02", "past", None, None, "unknown"),  # "held the town for several hours": how long
    ("for the past three days", "2024-12-02", "past", "2024-11-29", "2024-12-02", "days"),
    ("until 2019", "2024-12-02", None, None, "2019-12-31", "range"),
    ("the 1990s", "2024-12-02", None, "1990-01-01", "1999-12-31", "range"),
]


@pytest.mark.parametrize("expression,anchor,tense,start,end,precision", CASES, ids=[c[0] for c in CASES])
def test_resolves_against_the_report_date(expression, anchor, tense, start, end, precision):
    when = resolve(expression, anchor, tense)
    assert (when.start, when.end, when.precision) == (start, end, precision)
    assert when.text == expression


def test_the_table_covers_every_form_the_issue_names():
    assert len(CASES) >= 80


@pytest.mark.parametrize("expression", ["recently", "the other day", "soon after", "Gen. Smith", "Mayday", "blah 32",
                                        "Feb. 30", "from 2019 to 2017", "since next year", "13/14/2024", "   "])
def test_what_it_cannot_read_is_unknown_with_the_text_kept(expression):
    when = resolve(expression, "2024-12-02", "past")
    assert (when.start, when.end, when.precision) == (None, None, "unknown")
    assert when.text == expression


@pytest.mark.parametrize("bad", [None, 42, "", "\x00\x01"])
def test_bad_input_never_raises(bad):
    assert resolve(bad, "2024-12-02").precision == "unknown"


def test_without_an_anchor_only_absolute_dates_resolve():
    assert resolve("Dec. 2, 2024").start == "2024-12-02"
    assert resolve("yesterday").precision == "unknown"
    assert resolve("Dec. 2", anchor="not a date").precision == "unknown"
