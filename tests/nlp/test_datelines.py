"""Wire datelines, as agencies and local stations write them, and texts that only look like one."""
import pytest

from thucydides.nlp.datelines import find_datelines, opening_dateline

CASES = [
    # text, the cities, the division after them, where the first sentence begins
    ("KHARTOUM, June 3 (Reuters) - The army said", ["KHARTOUM"], None, "The army"),
    ("BEIRUT (AP) \u2014 Israeli jets struck", ["BEIRUT"], None, "Israeli"),
    ("MEXICO CITY (AP) Mexico's Senate has passed", ["MEXICO CITY"], None, "Mexico's"),
    ("PLEASANTON, Calif.--( )--DeltaTrak, a leader", ["PLEASANTON"], "Calif.", "( )"),
    ("HORRY COUNTY, SC (WMBF) - A homeless man", ["HORRY COUNTY"], "SC", "A homeless"),
    ("DURBAN, South Africa (CNN) - South Africa's ex-President", ["DURBAN"], "South Africa", "South Africa's"),
    ("TIJUANA & SAN DIEGO,, MARCH 29, 2018 -- The Mexican", ["TIJUANA", "SAN DIEGO"], None, "The Mexican"),
    ("ST. LOUIS (AP) - Police said", ["ST. LOUIS"], None, "Police"),
    ("OKLAHOMA CITY The Latest on teachers rallying", ["OKLAHOMA CITY"], None, "The Latest"),
    ("CAMP MURRAY, Wash. - Lt. Col. Ricky Thomas", ["CAMP MURRAY"], "Wash.", "Lt."),
    ("BOGOT\u00c1, Jan 20 (Reuters) - Fighting between", ["BOGOT\u00c1"], None, "Fighting"),
    ("S\u00c3O PAULO (AP) \u2014 Police said", ["S\u00c3O PAULO"], None, "Police"),
]


@pytest.mark.parametrize("text, cities, region, first_words", CASES)
def test_a_dateline_is_read_whole(text, cities, region, first_words):
    (found,) = find_datelines(text)
    assert [text[a:b] for a, b in found.cities] == cities
    assert (text[slice(*found.region)] if found.region else None) == region
    assert text[found.end:].startswith(first_words)


@pytest.mark.parametrize("text", [
    "US President Donald Trump said on Monday",  # a short word in capitals before a sentence
    "NATO allies met in Brussels.",
    "The ceasefire held in Gaza.",
    "BREAKING NEWS",
])
def test_capitals_that_open_a_sentence_are_no_dateline(text):
    assert opening_dateline(text) is None
    assert all(d.marked is False or text[slice(*d.cities[0])] != "US" for d in find_datelines(text))


def test_a_dateline_after_a_byline_is_found_by_its_agency():
    text = "By JILL COLVIN and GILLIAN WONG, Associated Press WASHINGTON (AP) \u2014 China vowed on Friday"
    (found,) = [d for d in find_datelines(text) if d.marked]
    assert text[slice(*found.cities[0])] == "WASHINGTON" and text[found.end:].startswith("China")


def test_the_sentence_splitter_and_events_use_only_a_closed_dateline():
    assert opening_dateline("  GAZA CITY (AP) \u2014 Israeli strikes killed").end == 19
    assert opening_dateline("US - China talks resumed") is None
    assert opening_dateline("OKLAHOMA CITY The Latest on teachers") is None  # no agency or dash: left to the geocoder
