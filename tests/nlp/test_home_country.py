"""`thuc_home_country`: institutions named without a nationality take the country of the report's places."""
from thucydides import extract


def countries(text: str) -> dict:
    return {e.name: e.country for e in extract(text, published="2024-07-14", outlet="Test Wire").entities}


def test_an_institution_belongs_to_the_country_the_report_is_in():
    found = countries("Israeli airstrikes killed 40 people in Nuseirat and Rafah on Saturday, the Health Ministry said. "
                      "Tanks advanced in Khan Younis and Rafah, residents of Gaza City said.")
    assert found["Health Ministry"] == "PS"


def test_no_country_when_the_places_are_split_between_two():
    found = countries("Ukrainian drones hit a refinery in Rostov and a depot in Bryansk, the Air Force said. Russian "
                      "missiles struck Odesa and Kharkiv.")
    assert "Air Force" in found and found["Air Force"] is None


def test_a_side_the_text_gives_is_kept():
    found = countries("Russia's Defense Ministry said its forces captured two villages near Pokrovsk and Kurakhove and "
                      "struck Kramatorsk.")
    assert found["Defense Ministry"] == "RU"  # "Russia's", though the places are Ukrainian
