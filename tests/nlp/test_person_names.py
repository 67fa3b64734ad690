"""People whose given name or surname is a place the lexicon knows, on sentences we write."""


def test_a_person_named_like_a_country_is_a_person(entities_of):
    found = entities_of("Jordan Bardella said France would send aid. Chad Smith, a US official, said Chad had closed "
                        "its border.")
    assert found["Jordan Bardella"].type == "PERSON" and "Jordan" not in found
    assert found["Chad Smith"].type == "PERSON" and found["Chad"].type == "LOCATION"


def test_a_country_before_an_organisation_word_or_a_verb_stays_a_country(entities_of):
    found = entities_of("Georgia Tech researchers said Jordan closed its airspace. Will Israel strike Iran?")
    assert found["Jordan"].type == "LOCATION" and found["Israel"].type == "LOCATION"
    assert "Georgia Tech" not in found or found["Georgia Tech"].type != "PERSON"
