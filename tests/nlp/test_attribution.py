"""Attribution: who says so and how firmly, on sentences we write in the forms wire reports use."""
from thucydides import extract


def claims_of(text: str, outlet: str = "Test Wire", published: str = "2025-03-12"):
    """[(type, chain as names, stance, cue)] of every event."""
    x = extract(text, published=published, outlet=outlet)
    names = {e.id: e.name for e in x.entities}
    return [(v.type, [names.get(c, c) for c in v.attribution.chain], v.attribution.stance, v.attribution.cue)
            for v in x.events]


def test_the_outlet_s_own_voice_is_asserted():
    assert claims_of("M23 rebels captured the town of Rubaya on Tuesday.") == [
        ("OFFENSIVE", ["Test Wire"], "asserted", None)]


def test_a_named_source_by_reporting_verb():
    (claim,) = claims_of("Russian drones struck an energy facility in Odesa overnight, Ukraine's Air Force said.")
    assert claim[1] == ["Test Wire", "Air Force"] and claim[2:] == ("reported", "said")


def test_according_to_a_named_and_an_unnamed_source():
    (named,) = claims_of("According to the Syrian Observatory for Human Rights, government forces shelled Idlib.")
    assert named[1][-1] == "Syrian Observatory for Human Rights" and named[2] == "reported"
    (unnamed,) = claims_of("Government forces shelled Idlib, according to local sources.")
    assert unnamed[1][-1] == "local sources" and unnamed[2:] == ("alleged", "according to")


def test_told_an_outlet():
    (claim,) = claims_of("Al-Shabaab militants abducted 20 villagers near Baidoa, a local elder told VOA.")
    assert claim[1][-1] == "local elder" and claim[2:] == ("alleged", "told")


def test_a_quotation_takes_the_source_that_closes_it():
    claims = claims_of("Ukraine's Defense Intelligence Directorate (HUR) reported on Monday that the situation worsened.\n\n"
                       "\u201cThe contingent has fled from Hama. Its commander was dismissed,\u201d the report states.")
    assert [c[1][-1] for c in claims] == ["Defense Intelligence Directorate"] * 2
    assert {c[2] for c in claims} == {"reported"}


def test_a_source_carries_over_its_paragraph_but_not_the_next():
    claims = claims_of("Ukrainian intelligence said Russian forces abandoned a base in Khan Shaykhun. "
                       "They also withdrew from Hama.\n\nRebels captured Aleppo on Friday.")
    assert [c[1][-1] for c in claims] == ["Defense Intelligence Directorate", "Defense Intelligence Directorate",
                                         "Test Wire"]
    assert [c[2] for c in claims] == ["reported", "reported", "asserted"]


def test_a_trailing_source_covers_its_paragraph():
    claims = claims_of("Col. Vadim Baykulov has been summoned to Moscow. "
                       "He must explain why his unit suffered losses, intelligence reports reveal.")
    assert claims[0][1][-1] == "intelligence reports" and claims[0][2] == "alleged"


def test_hedges_make_a_claim_alleged():
    (claim,) = claims_of("Russian forces reportedly advanced near Pokrovsk.")
    assert claim[2] == "alleged"
    (claim,) = claims_of("The commander is said to have resigned.")
    assert claim[2] == "alleged"


def test_talk_is_rumored():
    (claim,) = claims_of("Social media channels are abuzz with discussions about the resignation of Gen. Sergey Kiselyov.")
    assert claim[0] == "LEADERSHIP" and claim[1][-1] == "Social media channels" and claim[2] == "rumored"


def test_denied_and_acknowledged():
    (denied,) = claims_of("The Sudanese army denied that its soldiers had shelled the village of Tawila.")
    assert denied[2:] == ("denied", "denied")
    (acknowledged,) = claims_of("The Russian Defense Ministry acknowledged that its troops had withdrawn from Kherson.")
    assert acknowledged[2] == "acknowledged" and "Ministry" in acknowledged[1][-1]


def test_a_pronoun_source_is_the_person_named_before():
    claims = claims_of("Gen. Oleksandr Syrskyi visited troops in Kupiansk on Monday. "
                       "He said Russian forces had suffered heavy losses near the city.")
    assert claims[-1][1][-1] == "Oleksandr Syrskyi" and claims[-1][2] == "reported"


def test_a_verb_that_only_sometimes_reports():
    claims = claims_of("The Kremlin dismissed Gen. Sergey Kiselyov on Sunday.")
    assert claims == [("LEADERSHIP", ["Test Wire"], "asserted", None)]


def test_a_person_named_with_a_title_is_the_source():
    cases = [
        ("Russian forces struck a depot near Kramatorsk on Tuesday, the governor of Donetsk Oblast, Vadym Filashkin, said.",
         "Vadym Filashkin"),
        ("Two civilians were killed in Russian shelling of Nikopol, regional governor Serhiy Lysak said on Telegram.",
         "Serhiy Lysak"),
        ("A spokesman for the Sudanese army, Nabil Abdallah, said the RSF had attacked El Obeid.", "Nabil Abdallah"),
        ("The RSF attacked El Obeid on Monday, army spokesman Nabil Abdallah said.", "Nabil Abdallah"),
    ]
    for text, source in cases:
        claims = claims_of(text)
        assert claims and {(c[1][-1], c[2]) for c in claims} == {(source, "reported")}, (text, claims)


def test_the_general_staff_is_an_organisation_not_a_general():
    x = extract("Ukrainian forces repelled an assault near Pokrovsk on Tuesday, the General Staff said.",
                published="2025-03-12", outlet="Test Wire")
    staff = [e for e in x.entities if "Staff" in e.name]
    assert [(e.name, e.type) for e in staff] == [("General Staff", "ORGANIZATION")]
    assert x.events[0].attribution.chain[-1] == staff[0].id


def test_a_denial_is_its_own_sentence_s_stance_only():
    claims = claims_of("Congo's government accused Rwanda of backing the rebels. Rwanda denied that its troops were "
                       "fighting alongside the rebels.")
    stances = {c[0]: c[2] for c in claims}
    assert stances.get("STATEMENT") != "denied" and stances.get("BATTLE") == "denied", claims


def test_an_organisation_or_a_titled_person_at_the_end_of_a_source_phrase():
    (claim,) = claims_of("The U.N. peacekeeping mission MONUSCO said it had evacuated staff from Goma.")
    assert claim[1][-1] == "MONUSCO" and claim[2] == "reported"
    claims = claims_of("A senior officer died of wounds sustained on the front line last week, the army spokesman, "
                       "Gen. Sylvain Ekenge, said on Friday.")
    assert claims and claims[0][1][-1] == "Sylvain Ekenge"


def test_congo_alone_is_the_democratic_republic():
    x = extract("Congo cut diplomatic ties with Rwanda on Sunday.", published="2025-01-28", outlet="Test Wire")
    assert {e.name: e.country for e in x.entities}.get("Congo") == "CD"


def test_members_of_a_named_group_speak_for_it_and_confirming_an_event_reports_it():
    claims = claims_of("Tuareg separatists of the Strategic Framework for the Defence of the People of Azawad said they "
                       "had fought alongside the jihadists near Tinzaouaten.")
    assert claims and claims[0][1][-1] == "Strategic Framework for the Defence of the People of Azawad", claims
    claims = claims_of("Wagner confirmed heavy losses near Tinzaouaten on its Telegram channel.")
    assert claims and claims[0][1][-1] in ("Wagner", "Wagner Group") and claims[0][2] == "reported", claims


def test_a_source_the_parser_left_without_a_subject_or_put_in_apposition():
    claims = claims_of("Russian and Syrian warplanes struck rebel positions near the town of Saraqeb overnight, killing "
                       "at least 12 fighters, the Syrian Observatory for Human Rights said.\n\nThe army said it withdrew.")
    assert {c[1][-1] for c in claims if c[0] in ("ATTACK", "CASUALTIES")} == {"Syrian Observatory for Human Rights"}


def test_a_reporting_clause_coordinated_with_an_event_does_not_report_it():
    claims = claims_of("Syrian rebels captured the central city of Hama on Thursday, and the army said it had "
                       "redeployed its troops outside the city.")
    stances = {c[0]: (c[1][-1], c[2]) for c in claims}
    assert stances["OFFENSIVE"] == ("Test Wire", "asserted") and stances["DEPLOYMENT"] == ("army", "alleged"), claims


def test_an_accusation_of_a_deed_is_the_accuser_s_allegation():
    claims = claims_of("Rights groups accused the RSF of killing hundreds of civilians in El Geneina.")
    deed = next(c for c in claims if c[0] == "VIOLENCE_AGAINST_CIVILIANS")
    assert deed[1][-1] == "Rights groups" and deed[2:] == ("alleged", "accused")
    claims = claims_of("Malian soldiers were accused by residents of executing 12 civilians in the village of Diafarabe.")
    deed = next(c for c in claims if c[0] == "VIOLENCE_AGAINST_CIVILIANS")
    assert deed[1][-1] == "residents" and deed[2] == "alleged"  # the accusers, not the accused


def sentence_sources(nlp, text: str) -> list:
    """The source entity's name (or the phrase) of each sentence's claim."""
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.thuc_entities}
    return [names.get(c.source, c.source) for c in doc._.thuc_claims]


def test_the_ministry_is_the_ministry_named_before_not_the_last_organisation(nlp):
    sources = sentence_sources(nlp, "Israeli strikes killed three people on Tuesday, Lebanon's health ministry said, "
                                    "after a truce with Hezbollah. One strike hit a car in Aitaroun, the ministry said.")
    assert sources == ["health ministry", "health ministry"]


def test_a_person_s_own_statement_carries_no_claim_from_the_sentence_before(nlp):
    sources = sentence_sources(nlp, "The Israeli military said it had killed a commander. Lebanese President Joseph "
                                    "Aoun condemned the strikes.")
    assert sources[0] == "Israel Defense Forces" and sources[1] is None


def test_who_condemns_an_attack_did_not_make_it():
    x = extract("Lebanese President Joseph Aoun condemned the strikes on Nabatieh.", published="2025-04-15")
    names = {e.id: e.name for e in x.entities}
    assert all("Joseph Aoun" not in [names[a] for a in v.actors] for v in x.events if v.type == "ATTACK")


def test_an_organisation_named_before_a_word_for_a_body_is_the_source(nlp):
    sources = sentence_sources(nlp, "Israeli strikes across the Gaza Strip killed at least 64 people overnight, the "
                                    "Civil Defence agency said on Sunday.")
    assert sources == ["Civil Defence"]


def test_a_trailing_source_the_parser_coordinates_still_reports_the_event():
    claims = claims_of("Gunmen killed five soldiers over the weekend in an ambush near Mopti, a military source told "
                       "AFP.")
    assert claims and all(c[1][-1] == "military source" and c[2] == "alleged" for c in claims)
