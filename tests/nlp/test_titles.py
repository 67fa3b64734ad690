"""Ranks and titles parsed off names, on sentences we write."""
import pytest


@pytest.mark.parametrize("sentence, name, titles", [
    ("Col. Gen. Mikhail Teplinsky inspected the troops near Kherson.", "Mikhail Teplinsky", ("Col. Gen.",)),
    ("The ceremony was led by Lt. Gen. Kyrylo Budanov in Kyiv.", "Kyrylo Budanov", ("Lt. Gen.",)),
    ("Rear Adm. Brad Cooper said the ship was hit.", "Brad Cooper", ("Rear Adm.",)),
    ("Brig. Gen. Yahya Saree said the missile hit its target.", "Yahya Saree", ("Brig. Gen.",)),
    ("Defense Minister Yasar Guler met his counterpart in Ankara.", "Yasar Guler", ("Defense Minister",)),
    ("Sgt. Oleh Petrenko was wounded near Bakhmut on Friday.", "Oleh Petrenko", ("Sgt.",)),
    ("President Volodymyr Zelensky visited the front.", "Volodymyr Zelensky", ("President",)),
])
def test_titles_are_parsed_off_the_name(entities_of, sentence, name, titles):
    found = entities_of(sentence)
    assert name in found, found.keys()
    assert found[name].type == "PERSON"
    assert found[name].titles == titles


def test_a_title_alone_is_not_an_entity(entities_of):
    found = entities_of("An army spokesman, Lt. Col. Nadav Shoshani, said the strike was precise.")
    assert "Nadav Shoshani" in found
    assert not any(name.rstrip(".") in ("Lt", "Col", "Lt. Col") for name in found)


def test_titled_name_the_model_missed_becomes_a_person(entities_of):
    found = entities_of("Units under Gen. Kiselyov withdrew from the town.")
    assert found["Kiselyov"].type == "PERSON" and found["Kiselyov"].titles == ("Gen.",)


def test_the_model_s_slips_at_span_edges_are_mended(entities_of):
    found = entities_of("Two people were killed in a Russian attack on the village of Bilozerka in Kherson Oblast on "
                        "March 10, regional Governor Oleksandr Prokudin said.")
    assert "Bilozerka" in found and "Bilozerka in" not in found
    assert found["Oleksandr Prokudin"].type == "PERSON" and "Oleksandr" not in found


def test_peoples_are_not_people(entities_of):
    found = entities_of("Tuareg separatists and Fulani herders clashed near Tinzaouaten, Kurdish officials said.")
    assert not {"Tuareg", "Fulani", "Kurdish"} & set(found)


def test_a_capital_that_opens_a_sentence_is_no_name(entities_of):
    found = entities_of("\u201cCoordinated airstrikes by the Somali army killed 50 militants,\u201d the statement said.")
    assert "Coordinated" not in found


def test_a_generic_actor_that_opens_a_sentence_is_no_place(entities_of):
    found = entities_of("Gunmen abducted 287 students from a school in Kuriga, Kaduna state, on Thursday.")
    assert "Gunmen" not in found or (found["Gunmen"].generic and found["Gunmen"].type == "ORGANIZATION")


def test_a_minister_s_portfolio_is_part_of_the_title_not_an_organisation(entities_of):
    found = entities_of("Congo's Communication Minister Patrick Muyaya said on Friday that Interior Minister Mohamed "
                        "Ali had resigned.")
    assert found["Patrick Muyaya"].titles == ("Communication Minister",)
    assert found["Mohamed Ali"].titles == ("Interior Minister",)
    assert "Communication" not in found and "Interior" not in found


def test_a_name_set_off_by_commas_after_a_role_noun_is_a_person(entities_of):
    found = entities_of("A Rwandan government spokesperson, Yolande Makolo, said Kigali was concerned.")
    assert found["Yolande Makolo"].type == "PERSON"


def test_a_name_right_after_a_lower_case_role_noun_is_a_person(entities_of):
    found = entities_of("Russian drones struck an energy facility in Odesa region, the regional governor Oleh Kiper "
                        "wrote on Telegram.")
    assert found["Oleh Kiper"].type == "PERSON"
