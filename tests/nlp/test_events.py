"""Events: types, arguments from the parse, one event per place, restatements, negation, quantities.

Sentences are our own, in the style of wire reports from several wars."""
import pytest

from thucydides import extract


def events_of(text: str, published: str = "2025-03-12"):
    """(events, name-of-id) for a report of Test Wire."""
    x = extract(text, published=published, outlet="Test Wire")
    names = {e.id: e.name for e in x.entities}
    return x.events, lambda ids: [names.get(i, i) for i in (ids if isinstance(ids, (list, tuple)) else [ids])]


@pytest.mark.parametrize("text,type_", [
    ("Sudanese army troops clashed with Rapid Support Forces fighters in El Fasher on Tuesday.", "BATTLE"),
    ("M23 rebels captured the town of Rubaya in North Kivu last week.", "OFFENSIVE"),
    ("Russian drones struck an energy facility in Odesa overnight.", "ATTACK"),
    ("Al-Shabaab militants abducted 20 villagers near Baidoa.", "VIOLENCE_AGAINST_CIVILIANS"),
    ("French troops withdrew from Niger in December.", "WITHDRAWAL"),
    ("Five soldiers were killed near Tillaberi.", "CASUALTIES"),
    ("Ukrainian forces seized two T-72 tanks near Kupiansk.", "MATERIEL"),
    ("President Volodymyr Zelensky dismissed Gen. Valerii Zaluzhnyi on Thursday.", "LEADERSHIP"),
    ("The Pentagon deployed 2,000 Marines to Jordan in October.", "DEPLOYMENT"),
    ("Iran has supplied Houthi rebels with drones and missiles.", "SUPPORT"),
    ("Hezbollah accused Israel of violating the truce.", "STATEMENT"),
    ("Thousands of people protested in Tbilisi on Sunday against the government.", "PROTEST"),
    ("Armenia and Azerbaijan signed a peace agreement in Washington in August.", "AGREEMENT"),
    ("Police in Nairobi arrested 30 protesters on Monday.", "ARREST"),
])
def test_each_type_from_its_trigger(text, type_):
    events, _ = events_of(text)
    assert [e.type for e in events][:1] == [type_], events


def test_subject_is_actor_object_is_target_in_is_place():
    events, name = events_of("Sudanese army troops clashed with Rapid Support Forces fighters in El Fasher on Tuesday.")
    (battle,) = events
    assert name(battle.actors) == ["Sudanese forces"]
    assert name(battle.targets) == ["Rapid Support Forces"]
    assert name(battle.place) == ["El Fasher"]


def test_passive_subject_is_target_and_agent_is_actor():
    events, name = events_of("Col. Ivan Petrov was dismissed by the Russian Defense Ministry on Friday.")
    (event,) = events
    assert event.type == "LEADERSHIP" and event.subtype == "dismissal"
    assert name(event.targets) == ["Ivan Petrov"]
    assert "Ministry" in name(event.actors)[0]


def test_light_verb_carries_the_noun_and_its_subject():
    events, name = events_of("Hamas fighters carried out a rocket attack on Ashkelon on Monday.")
    (attack,) = events
    assert attack.type == "ATTACK" and name(attack.actors) == ["Hamas"]
    events, name = events_of("Ukraine's 93rd Mechanized Brigade suffered heavy losses near Bakhmut.")
    (losses,) = events
    assert losses.type == "CASUALTIES" and name(losses.targets) == ["93rd Mechanized Brigade"] and not losses.actors


def test_a_demonym_target_without_a_name_is_that_side_s_forces():
    events, name = events_of("Ukrainian forces attacked a Russian military base near Melitopol. Russian forces withdrew.")
    attack = next(e for e in events if e.type == "ATTACK")
    assert name(attack.targets) == ["Russian forces"]


def test_one_event_per_location():
    events, name = events_of("Fighting raged in Hama, Homs and Aleppo on Friday.")
    assert [e.type for e in events] == ["BATTLE"] * 3
    assert [name(e.place)[0] for e in events] == ["Hama", "Homs", "Aleppo"]
    assert len({e.evidence[0].text for e in events}) == 1


def test_a_restatement_in_the_next_sentence_adds_evidence():
    events, name = events_of("Houthi rebels launched missiles at a cargo ship in the Red Sea on Wednesday. "
                             "The attack caused minor damage.")
    (attack,) = [e for e in events if e.type == "ATTACK"]
    assert len(attack.evidence) == 2
    events, name = events_of("Moscow replaced the commander of its troops in Syria on Sunday. "
                             "The Kremlin dismissed Gen. Sergey Kiselyov, who had led the group.")
    (dismissal,) = events
    assert len(dismissal.evidence) == 2 and name(dismissal.targets) == ["Sergey Kiselyov"]


def test_fighters_linked_to_a_group_act_and_a_chain_of_participles_shares_the_day():
    events, names = events_of("Insurgents linked to the Islamic State raided three villages south of Macomia town in "
                              "Cabo Delgado province on Thursday, burning dozens of homes and beheading at least two "
                              "civilians, residents said.", published="2024-06-03")
    attack = next(e for e in events if e.type == "ATTACK")
    assert names(attack.actors) == ["Insurgents"]  # the parser hangs "raided" under "linked"
    civilians = next(e for e in events if e.type == "VIOLENCE_AGAINST_CIVILIANS")
    assert civilians.when.start == "2024-05-30"  # "beheading" under "burning" under "raided ... on Thursday"


def test_fighting_between_two_sides_and_the_dead_it_leaves():
    events, names = events_of("Fighting between the Sudanese army and the Rapid Support Forces killed 20 people in "
                              "Omdurman on Monday.")
    battle = next(e for e in events if e.type == "BATTLE")
    assert names(battle.actors) == ["Sudanese Armed Forces"] and names(battle.targets) == ["Rapid Support Forces"]
    assert not any(e.type == "VIOLENCE_AGAINST_CIVILIANS" for e in events)  # the battle's dead, as ACLED counts them


def test_a_town_taken_the_parser_made_a_second_subject_is_where_it_happened():
    events, names = events_of("The Sudanese Armed Forces (SAF) said on Saturday it had recaptured Wad Madani, the "
                              "capital of Gezira state, from the paramilitary Rapid Support Forces (RSF).")
    offensive = next(e for e in events if e.type == "OFFENSIVE")
    assert names(offensive.place) == ["Wad Madani"] and names(offensive.actors) == ["Sudanese Armed Forces"]


def test_hundreds_of_people_marching_is_a_protest_and_troops_marching_is_not():
    events, _ = events_of("Hundreds of people also marched in Atbara on Friday.")
    assert [e.type for e in events] == ["PROTEST"]
    events, _ = events_of("Thousands of troops marched into the town on Friday.")
    assert not any(e.type == "PROTEST" for e in events)


def test_a_village_near_a_town_is_one_event_at_the_village():
    events, names = events_of("Russian forces captured the village of Kurakhivka near Pokrovsk, the Russian Defense "
                              "Ministry claimed.")
    offensives = [e for e in events if e.type == "OFFENSIVE"]
    assert len(offensives) == 1 and names(offensives[0].place) == ["Kurakhivka"]  # Pokrovsk only says where it is


def test_an_accented_dateline_city_is_no_actor():
    events, names = events_of("BOGOT\u00c1, Jan 20 (Reuters) - Fighting between National Liberation Army (ELN) "
                              "guerrillas and FARC dissidents has killed at least 80 people in the Catatumbo region.",
                              published="2025-01-20")
    assert all("Bogot" not in n for e in events for n in names(e.actors))


def test_accounts_dated_apart_are_two_occurrences():
    events, names = events_of("Government troops withdrew from Kidal on Monday, officials said. The army's withdrawal "
                              "from Tessalit was completed in January.")
    withdrawals = [e for e in events if e.type == "WITHDRAWAL"]
    assert len(withdrawals) == 2  # "the army's withdrawal" is definite, but January is not this Monday


def test_how_long_a_past_occurrence_lasted_is_not_when():
    events, names = events_of("Rebels captured Kidal on Tuesday, residents said. They held the town for several hours "
                              "before withdrawing.", published="2024-12-02")
    withdrawal = next(e for e in events if e.type == "WITHDRAWAL")
    assert withdrawal.when.start == "2024-11-26"  # Tuesday's, not the report's own day


def test_a_new_occurrence_is_not_a_restatement():
    events, _ = events_of("The Kremlin dismissed Gen. Sergey Kiselyov on Sunday. "
                          "In his place, the Kremlin appointed Gen. Alexander Chayko.")
    assert [e.subtype for e in events] == ["dismissal", "appointment"]


def test_background_nouns_are_not_events():
    events, _ = events_of("Russian forces are facing heavy losses during battles in Syria.")
    assert [e.type for e in events] == ["CASUALTIES"]
    events, _ = events_of("The training team focused on tactics developed during the war in Ukraine.")
    assert events == ()


def test_negation():
    events, _ = events_of("The rebels did not attack the convoy. Officials said no one was killed.")
    assert [e.negated for e in events] == [True, True]
    events, _ = events_of("The strike caused no casualties.")
    assert next(e for e in events if e.type == "CASUALTIES").negated


def test_quantities_exact_and_vague():
    events, _ = events_of("Hundreds of Russian troops are listed as missing in Syria. "
                          "Israeli jets carried out 34 strikes on Sunday.")
    missing = next(e for e in events if e.type == "CASUALTIES")
    assert [(q.text, q.value, q.what) for q in missing.quantities] == [("Hundreds", None, "troops")]
    strikes = next(e for e in events if e.type == "ATTACK")
    assert [(q.value, q.what) for q in strikes.quantities] == [(34.0, "strikes")]


def test_killing_civilians_is_violence_against_civilians():
    events, name = events_of("Israeli aircraft bombed a school in Khan Younis, killing at least 12 civilians.")
    assert [e.type for e in events] == ["ATTACK", "VIOLENCE_AGAINST_CIVILIANS"]
    assert name(events[1].actors) == ["Israeli forces"]


def test_evidence_is_the_sentence_with_its_offsets():
    text = "Calm returned to Goma. M23 rebels captured the town of Rubaya on Tuesday."
    events, _ = events_of(text)
    (evidence,) = events[0].evidence
    assert text[evidence.start:evidence.end] == evidence.text == "M23 rebels captured the town of Rubaya on Tuesday."


def test_names_of_organisations_are_not_triggers():
    events, _ = events_of("The African Union Support and Stabilization Mission in Somalia held a meeting.")
    assert events == ()


@pytest.mark.parametrize("text", [
    "Iran threatened to launch a new military offensive unless Baghdad accepted its conditions.",
    "The army prepared to resume shelling rebel-held territory.",
    "Japan halted aid in line with Western efforts to end the fighting there.",
    "Peru issued an ultimatum to Ecuador to halt attacks across the border.",
    "Rebels would attack the capital if talks failed.",
])
def test_threats_plans_and_efforts_are_not_occurrences(text):
    events, _ = events_of(text)
    assert not [e for e in events if e.type in ("BATTLE", "ATTACK", "OFFENSIVE")], events


def test_a_labour_strike_is_a_protest_and_aid_sent_is_support():
    events, _ = events_of("Teachers began a four-day strike over unpaid wages on Monday.")
    assert [e.type for e in events] == ["PROTEST"]
    events, _ = events_of("Swiss doctors delivered 700 kg of medicine to the Red Crescent in Bam.")
    assert [e.type for e in events] == ["SUPPORT"]


def test_the_person_in_apposition_to_a_role_is_the_target():
    events, name = events_of("President Volodymyr Zelensky dismissed the commander of the Joint Forces, "
                             "Lt. Gen. Yurii Sodol, in late November.")
    (dismissal,) = events
    assert name(dismissal.targets) == ["Yurii Sodol"] and name(dismissal.actors) == ["Volodymyr Zelensky"]


def test_two_conjoined_advances_at_two_places_are_two_events():
    events, name = events_of("Russian troops captured the village of Novotoretske and advanced near Toretsk.")
    assert [(e.type, name(e.place)[0]) for e in events] == [("OFFENSIVE", "Novotoretske"), ("OFFENSIVE", "Toretsk")]


def test_a_country_struck_is_the_place_when_nothing_else_is():
    events, name = events_of("Russian forces launched 120 drones and four ballistic missiles at Ukraine overnight.")
    (attack,) = events
    assert name(attack.targets) == ["Ukraine"] and name(attack.place) == ["Ukraine"]


def test_the_side_that_repels_an_assault_is_its_target():
    events, name = events_of("Ukrainian forces repelled an assault near Pokrovsk on Tuesday.")
    (attack,) = events
    assert name(attack.targets) == ["Ukrainian forces"] and name(attack.actors) == [] and name(attack.place) == ["Pokrovsk"]


@pytest.mark.parametrize("text, actors", [
    ("Russian shelling killed two people in Kherson on Monday.", ["Russian forces"]),
    ("An Israeli airstrike on a school in Gaza City killed 12 people.", ["Israeli forces"]),
])
def test_a_nationality_on_an_attack_noun_is_that_side_acting(text, actors):
    events, name = events_of(text)
    assert events and all(name(e.actors) == actors for e in events), [(e.type, name(e.actors)) for e in events]


def test_the_shelling_of_a_town_happened_there():
    events, name = events_of("Two civilians were killed in Russian shelling of Nikopol, the governor said.")
    assert sorted((e.type, name(e.place)[0]) for e in events) == [("ATTACK", "Nikopol"),
                                                                    ("VIOLENCE_AGAINST_CIVILIANS", "Nikopol")]


@pytest.mark.parametrize("text, place", [
    ("Russian forces shelled Kharkiv on Monday, the regional governor said.", "Kharkiv"),
    ("Al-Shabab fighters attacked Beledweyne overnight.", "Beledweyne"),
    ("The army recaptured Wad Madani from the Rapid Support Forces.", "Wad Madani"),
    ("In North Darfur, the RSF shelled El Fasher on Monday, the army said.", "El Fasher"),  # not the state around it
])
def test_a_town_struck_or_taken_is_where_it_happened(text, place):
    events, name = events_of(text)
    assert events and name(events[0].place) == [place]


@pytest.mark.parametrize("text", [
    "Shares hit a record high on Monday after the central bank cut rates.",
    "The senator vowed to fight corruption and visited Paris on Tuesday.",
    "Five people died in a car crash on the highway.",
    "The judge dismissed the lawsuit on Friday.",
    "She recalled that the meeting in March was tense.",
    "Both leaders agreed that the talks were useful.",
    "Liverpool's attack struggled against a compact defence.",
])
def test_ordinary_news_is_not_a_conflict_event(text):
    events, _ = events_of(text)
    assert not [e for e in events if e.type in ("ATTACK", "BATTLE", "CASUALTIES", "LEADERSHIP", "DEPLOYMENT",
                                               "PROTEST", "AGREEMENT")], events


def test_the_same_words_in_an_armed_context_are_events():
    events, _ = events_of("A drone hit a fuel depot in Bryansk, and two soldiers died in the blast.")
    assert {e.type for e in events} >= {"ATTACK", "CASUALTIES"}
    events, _ = events_of("Col. Ivan Petrov visited the 58th Army's positions near Tokmak.")
    assert [e.type for e in events] == ["DEPLOYMENT"]


def test_an_army_acts_through_its_machines_and_guerillas_are_armed_opposition():
    events, name = events_of("Israeli army bulldozers demolished Palestinian homes in southern Gaza on Sunday.")
    assert name(events[0].actors) == ["Israel Defense Forces"]
    events, name = events_of("Afghan guerillas blew up three power lines leading into Kabul last month.")
    assert [(e.type, name(e.actors)) for e in events] == [("ATTACK", ["Afghan opposition"])]


@pytest.mark.parametrize("text, types", [
    ("Hundreds of protesters gathered in Tbilisi on Thursday night to denounce the government.", ["PROTEST"]),
    ("Thousands of demonstrators took to the streets of Nairobi on Tuesday.", ["PROTEST"]),
    ("World leaders gathered in Geneva on Monday for talks.", []),
    ("Russian troops gathered near the border.", []),
    ("Sudanese army troops retook the city of Wad Madani from the Rapid Support Forces on Saturday.", ["OFFENSIVE"]),
    ("The association demanded support in regaining control over the properties.", []),
])
def test_words_that_are_events_only_with_the_right_subject_or_context(text, types):
    events, _ = events_of(text)
    assert [e.type for e in events if e.type != "STATEMENT"] == types


def test_a_junta_is_the_government_side():
    events, name = events_of("Myanmar's military junta launched airstrikes on villages in Sagaing region, killing at "
                             "least 20 people, residents said.")
    assert events and all(name(e.actors) == ["State Administration Council"] for e in events)
    events, name = events_of("The ruling junta's soldiers shelled the village of Djibo on Monday.")
    assert events and name(events[0].place) == ["Djibo"]


def test_two_sides_in_one_sentence_are_two_events_each_at_its_place():
    events, name = events_of("Hezbollah fired dozens of rockets at northern Israel on Sunday in response to the killing "
                             "of one of its commanders in an Israeli strike near Tyre last week.")
    attacks = sorted((name(e.actors)[0], name(e.place)[0]) for e in events if e.type == "ATTACK")
    assert attacks == [("Hezbollah", "Israel"), ("Israeli forces", "Tyre")]


def test_a_neighbourhood_of_a_city_is_a_place():
    x = extract("Israeli tanks advanced into the western neighborhood of Tel al-Sultan, residents said.",
                published="2024-07-14", outlet="Test Wire")
    assert [e.type for e in x.entities if e.name == "Tel al-Sultan"] == ["LOCATION"]


@pytest.mark.parametrize("text, types", [
    ("M23 rebels backed by Rwanda entered the centre of Goma on Monday.", ["OFFENSIVE"]),
    ("Jihadist fighters entered Djibo on Monday.", ["OFFENSIVE"]),
    ("Eighteen rebels who entered the country illegally were granted asylum.", []),
])
def test_entering_a_town_is_an_advance_entering_a_country_is_not(text, types):
    events, _ = events_of(text)
    assert [e.type for e in events] == types


def test_the_report_s_country_counts_its_towns():
    x = extract("GOMA, Democratic Republic of Congo (Reuters) - M23 rebels entered Goma on Monday. Rwanda denied "
                "involvement; Rwanda's president spoke to Rwanda's parliament.\n\nFighting erupted in Bukavu and "
                "Sake, witnesses said.\n\nA senior officer died of his wounds, the army said.",
                published="2025-01-28", outlet="Test Wire")
    names = {e.id: e.name for e in x.entities}
    assert [e.name for e in x.entities if e.name == "Goma"] == ["Goma"]  # the dateline is a mention of the same town
    casualty = next(v for v in x.events if v.type == "CASUALTIES")
    assert names[casualty.place] == "Democratic Republic of Congo"


def test_killed_and_injured_in_an_attack_share_its_place_actor_and_date():
    events, name = events_of("Two people were killed and five injured in a Russian attack on the village of Bilozerka in "
                             "Kherson Oblast on March 10, regional Governor Oleksandr Prokudin said.")
    assert {(e.type, name(e.place)[0], e.when.start) for e in events} == {
        ("VIOLENCE_AGAINST_CIVILIANS", "Bilozerka", "2025-03-10"), ("CASUALTIES", "Bilozerka", "2025-03-10"),
        ("ATTACK", "Bilozerka", "2025-03-10")}
    assert all(name(e.actors) == ["Russian forces"] for e in events if e.type != "CASUALTIES")


@pytest.mark.parametrize("text, type_", [
    ("Ukraine's air force said it shot down 48 of 67 Russian drones launched overnight.", "MATERIEL"),
    ("Air defense units shot down 74 drones near Kyiv, the Air Force said.", "MATERIEL"),
    ("Russian forces lost 1,200 soldiers over the past day, the General Staff said.", "CASUALTIES"),
])
def test_weapons_shot_down_or_lost_are_materiel_people_lost_are_casualties(text, type_):
    events, _ = events_of(text)
    assert [e.type for e in events] == [type_]


def test_a_subject_the_parser_gave_to_an_affiliation_participle_still_acts():
    events, name = events_of("Jihadists linked to al-Qaeda killed at least 47 Malian soldiers near Tinzaouaten, the army "
                             "said on Monday.")
    assert events and all(name(e.actors) == ["Malian opposition"] for e in events), [(e.type, name(e.actors)) for e in events]


def test_british_and_american_spellings_name_the_same_organisation():
    x = extract("Fighters of the Strategic Framework for the Defence of the People of Azawad attacked Kidal.",
                published="2024-07-30", outlet="Test Wire")
    assert [e.type for e in x.entities if e.name.startswith("Strategic Framework")] == ["ORGANIZATION"]
    assert not [e for e in x.entities if e.name == "Strategic Framework"]


@pytest.mark.parametrize("text, actors, targets", [
    ("Turkish drones struck SDF positions near Kobani, the SDF said.", ["Turkish forces"], ["Syrian Democratic Forces"]),
    ("Israeli jets struck Hezbollah targets in southern Lebanon on Monday.", ["Israeli forces"], ["Hezbollah"]),
    ("A Ukrainian drone hit an oil depot in Russia's Bryansk region, the regional governor said.", ["Ukrainian forces"], []),
])
def test_the_owner_of_positions_struck_is_the_target_and_a_drone_is_its_side(text, actors, targets):
    events, name = events_of(text)
    (attack,) = events
    assert (name(attack.actors), name(attack.targets)) == (actors, targets)


def test_accounts_of_one_attack_at_one_place_on_one_day_are_one_event():
    events, name = events_of("Gunmen stormed a hotel in the Somali city of Beledweyne on Tuesday, witnesses said.\n\n"
                             "\u201cThey attacked the hotel at dawn this morning,\u201d a lawmaker told reporters.\n\n"
                             "Security forces said the assault lasted several hours.\n\n"
                             "Separately, gunmen attacked a checkpoint in Mogadishu on Tuesday.", published="2025-03-11")
    attacks = [(name(e.place)[0], len(e.evidence)) for e in events if e.type == "ATTACK"]
    assert attacks == [("Beledweyne", 3), ("Mogadishu", 1)], attacks


def test_it_in_a_reported_clause_is_the_reporter():
    events, name = events_of("Syrian rebels who took Aleppo last week captured the city of Hama in central Syria on "
                             "Thursday after clashes with Syrian troops, and the army said it had redeployed its troops "
                             "outside the city, towards Homs.", published="2024-12-06")
    deployment = next(e for e in events if e.type == "DEPLOYMENT")
    assert name(deployment.actors) == ["Syrian forces"]


def test_a_relative_clause_s_attack_does_not_borrow_the_main_clause_s_actor():
    events, name = events_of("The U.S. military said it had carried out a strike against Iranian-backed militias in "
                             "eastern Syria that had fired on American troops near the Euphrates River.")
    fired = next(e for e in events if "Euphrates River" in name(e.place))
    assert "American forces" not in name(fired.actors) and name(fired.targets) == ["American forces"]


def test_they_in_a_clause_reported_by_unnamed_officials_is_nobody_named_before():
    events, name = events_of("Islamic State fighters attacked a checkpoint in Anbar on Monday.\n\nThe officials also said "
                             "they arrested seven Islamic State members in Anbar.")
    arrest = next(e for e in events if e.type == "ARREST")
    assert "Islamic State" not in name(arrest.actors)


def test_its_forces_in_a_reported_clause_are_the_reporter_s():
    text = ("Russian forces shelled Kharkiv on Monday.\n\nUkraine's military said its drones hit an oil refinery in "
            "Saratov overnight.\n\nRussia's defence ministry said its forces had captured the village of Bohdanivka in "
            "Donetsk region.")
    events, name = events_of(text)
    assert name(next(e for e in events if e.type == "OFFENSIVE").actors) == ["Russian forces"]
    assert name(next(e for e in events if "Saratov" in name(e.place)).actors) == ["Ukrainian forces"]
    events, name = events_of(text.split("\n\n", 1)[1])  # no Russian forces named: the ministry, not Ukraine's
    assert "Ukrainian forces" not in name(next(e for e in events if e.type == "OFFENSIVE").actors)


def test_a_town_is_never_an_actor():
    events, name = events_of("Russian shelling of the town of Kupiansk wounded three people, the governor said.")
    assert events and all("Kupiansk" not in name(e.actors) for e in events)
    events, name = events_of("Moscow replaced the commander of the Southern Military District on Monday.")
    assert name(events[0].actors) == ["Moscow"]  # a capital acts for its government


def test_the_accused_did_the_deed():
    events, name = events_of("The Kremlin accused Kyiv of shelling Belgorod on Monday.")
    assert name(next(e for e in events if e.type == "ATTACK").actors) == ["Kyiv"]
    events, name = events_of("Residents accused Malian soldiers of executing 12 civilians in Diafarabe.")
    assert name(next(e for e in events if e.type == "VIOLENCE_AGAINST_CIVILIANS").actors) == ["Malian forces"]


def test_an_attack_gerund_parsed_as_an_auxiliary_still_gives_its_side():
    for text in ("Overnight Russian shelling hit Nikopol, the governor said.",
                 "Russian shelling hit Nikopol overnight, the governor said."):  # "shelling" parsed as "aux(pass)"
        events, name = events_of(text)
        attack = next(e for e in events if e.type == "ATTACK")
        assert name(attack.actors) == ["Russian forces"] and name(attack.place) == ["Nikopol"]


def test_a_place_a_direction_is_measured_from_is_not_the_event_s_place():
    from thucydides import extract

    x = extract("M23 rebels captured the town of Sake, 27 km west of Goma, on Thursday, the army said. Russian "
                "forces shelled Kupiansk, east of Kharkiv, on Monday.", published="2024-12-02")
    names = {e.id: e.name for e in x.entities}
    assert sorted(names[e.place] for e in x.events if e.type in ("OFFENSIVE", "ATTACK")) == ["Kupiansk", "Sake"]
    x = extract("Russian troops attacked villages north of Kharkiv on Monday.", published="2024-12-02")
    assert [{e.id: e.name for e in x.entities}[e.place] for e in x.events] == ["Kharkiv"]  # no better place named


def test_the_town_taken_is_the_place_even_beside_the_region_the_sentence_opens_with():
    from thucydides import extract

    x = extract("In Donetsk Oblast, Russian forces captured the village of Zelene Pole, the Russian Defense Ministry "
                "claimed.", published="2024-12-02")
    assert [{e.id: e.name for e in x.entities}[e.place] for e in x.events] == ["Zelene Pole"]


def test_regions_named_before_their_plural_noun_are_one_event_each():
    from thucydides import extract

    x = extract("Russian forces attacked the Kharkiv and Sumy regions overnight.", published="2024-12-02")
    names = {e.id: e.name for e in x.entities}
    assert sorted(names[e.place] for e in x.events if e.type == "ATTACK") == ["Kharkiv", "Sumy"]


def test_a_nationality_before_the_kind_of_an_attack_is_its_side():
    from thucydides import extract

    for text, side in (("Israeli air strikes killed three people in southern Lebanon.", "Israeli forces"),
                       ("Russian drone strikes hit Odesa.", "Russian forces"),
                       ("A Russian ballistic missile strike on the city of Dnipro killed four people.", "Russian forces")):
        x = extract(text, published="2025-04-15")
        names = {e.id: e.name for e in x.entities}
        attack = next(v for v in x.events if v.type == "ATTACK")
        assert [names[a] for a in attack.actors] == [side], text


def test_an_event_takes_no_place_from_another_event_s_clause():
    from thucydides import extract

    x = extract("The attack came days after JNIM fighters killed at least 20 people near Diapaga.", published="2025-05-13")
    names = {e.id: e.name for e in x.entities}
    assert all(names.get(v.place) != "Diapaga" for v in x.events if v.type == "ATTACK")


def test_a_place_after_a_dative_to_is_the_event_s_place():
    from thucydides import extract

    x = extract("The Defence Ministry sent reinforcements to Latakia and Tartus, state news agency SANA reported.",
                published="2025-03-07")
    names = {e.id: e.name for e in x.entities}
    assert sorted(names[v.place] for v in x.events if v.type == "DEPLOYMENT") == ["Latakia", "Tartus"]


def test_the_army_of_a_report_about_one_country_is_that_country_s_forces():
    from thucydides import extract

    x = extract("PORT SUDAN, Sudan (AP) \u2014 RSF drones struck Port Sudan on Tuesday. The attacks came after the army "
                "retook Khartoum in March. The RSF still besieges El Fasher in Sudan.", published="2025-05-06")
    names = {e.id: e.name for e in x.entities}
    retaken = next(v for v in x.events if v.type == "OFFENSIVE")
    assert [names[a] for a in retaken.actors] == ["Sudanese forces"]


def test_a_verb_the_tagger_read_as_a_noun_is_still_a_trigger():
    from thucydides import extract

    x = extract("The army retook Khartoum on Friday, residents of Omdurman in Sudan said.", published="2025-03-22")
    names = {e.id: e.name for e in x.entities}
    assert [(v.type, names.get(v.place)) for v in x.events] == [("OFFENSIVE", "Khartoum")]  # "retook" tagged NN


def test_the_reporter_is_not_the_actor_of_a_participle_after_said():
    from thucydides import extract

    x = extract("Russian drones struck Kyiv overnight. In Kyiv, debris fell on two districts, Mayor Vitali Klitschko "
                "said, injuring two people.", published="2025-07-09")
    names = {e.id: e.name for e in x.entities}
    assert all("Vitali Klitschko" not in [names[a] for a in v.actors] for v in x.events)


def test_what_happened_since_an_invasion_began_is_no_event_of_the_day():
    from thucydides import extract

    x = extract("Russia launched 728 drones and 13 missiles at Ukraine overnight, the largest aerial attack since the "
                "full-scale invasion began.", published="2025-07-09")
    assert [v.type for v in x.events] == ["ATTACK"]


def test_casualties_share_the_place_of_the_attack_that_caused_them():
    from thucydides import extract

    x = extract("Two soldiers were killed late on Tuesday when their vehicle hit a roadside bomb near Kidal, the Malian "
                "army said.", published="2024-11-28")
    names = {e.id: e.name for e in x.entities}
    assert {v.type: names.get(v.place) for v in x.events}.get("CASUALTIES") == "Kidal"


def test_a_restatement_in_another_town_does_not_move_a_strike_on_a_facility():
    from thucydides import extract

    x = extract("Israeli warplanes struck the port of Hodeidah on Monday, the Israeli military said. The government, "
                "based in Aden, condemned the attacks.", published="2025-05-06")
    names = {e.id: e.name for e in x.entities}
    assert names[next(v for v in x.events if v.type == "ATTACK").place] == "Hodeidah port"
