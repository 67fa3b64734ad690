"""Finding time expressions in report text."""
import pytest

from thucydides.time.detect import find_time_expressions


@pytest.mark.parametrize("text,found", [
    ("HUR reported on Monday, Dec. 2 that forces left.", ["Monday, Dec. 2"]),
    ("The offensive that began on Nov. 27 continues.", ["Nov. 27"]),
    ("He commanded forces in Syria from 2017 to 2019.", ["from 2017 to 2019"]),
    ("A strike in late July 2024 hit the airfield.", ["late July 2024"]),
    ("At the end of July, videos arrived.", ["the end of July"]),
    ("Since the beginning of the year, they have struck.", ["Since the beginning of the year"]),
    ("The single biggest attack, in 2009, killed at least 25 people.", ["in 2009"]),
    ("Casualties rose in 2,009 villages.", []),
    ("After three days of fighting, troops fell back.", ["After three days of fighting"]),
    ("Two days ago and last week and earlier this month.", ["Two days ago", "last week", "earlier this month"]),
    ("Fighting erupted early Wednesday and again this morning.", ["early Wednesday", "this morning"]),
    ("The ceasefire of March 3-5, 2024 held.", ["March 3-5, 2024"]),
])
def test_finds_the_expressions_reports_use(text, found):
    assert [m.text for m in find_time_expressions(text)] == found


def test_the_modal_may_and_plain_numbers_are_not_dates():
    assert find_time_expressions("Officials may march on 2,000 troops and 2024 vehicles.") == []


def test_offsets_point_into_the_text():
    text = "On Sunday, Dec. 1, Kyiv Post reported losses."
    (m,) = find_time_expressions(text)
    assert text[m.start:m.end] == m.text == "Sunday, Dec. 1"
