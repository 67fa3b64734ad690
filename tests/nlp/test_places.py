"""Places resolved in context, on sentences we write: each disambiguation cue, and the bad cases."""
import math

import pytest

from thucydides import extract


def km(geo, lat, lon):
    la1, lo1, la2, lo2 = map(math.radians, (geo.lat, geo.lon, lat, lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places(text: str, published: str = "2024-12-02") -> dict:
    return {e.name: e for e in extract(text, published=published).entities if e.type in ("LOCATION", "FACILITY")}


@pytest.fixture(autouse=True)
def _built(gazetteer):
    return gazetteer


def test_the_report_s_country_decides_between_namesakes():
    syria = places("Government forces shelled Damascus and Homs, Syrian officials said.")
    assert syria["Damascus"].geo.country == "SY" and km(syria["Damascus"].geo, 33.51, 36.29) < 20
    assert syria["Homs"].geo.country == "SY"
    maryland = places("Police in Damascus, Maryland, closed the road after a crash near Germantown in Montgomery County.")
    assert maryland["Damascus"].geo.country == "US" and km(maryland["Damascus"].geo, 39.29, -77.20) < 30
    libya = places("Fighting broke out in Homs, east of Tripoli, between rival Libyan militias.")
    assert libya["Homs"].geo.country == "LY"  # Al Khums, which Libyans also call Homs


def test_facility_cue_finds_the_base_not_the_town():
    found = places("Drones struck the Kuweires airfield east of Aleppo and the Hmeimim air base near Latakia.")
    kuweires = next(e for n, e in found.items() if "Kuweires" in n)
    assert kuweires.geo.feature == "facility" and km(kuweires.geo, 36.187, 37.583) < 5
    hmeimim = next(e for e in found.values() if "Hmeimim air base" in (e.name, *e.aliases))
    assert km(hmeimim.geo, 35.401, 35.949) < 5


def test_region_cue_finds_the_division_not_the_city():
    found = places("Rebels advanced across Idlib governorate while the city of Idlib stayed calm.")
    region = next(e for e in found.values() if "Idlib governorate" in (e.name, *e.aliases))
    assert region.geo.feature == "region" and region.geo.country == "SY"


def test_a_noun_of_divisions_before_a_list_makes_its_names_divisions():
    found = places("Tech firms avoid western states such as California or Washington, because of housing costs.")
    assert found["Washington"].geo.feature == "region" and km(found["Washington"].geo, 47.5, -120.5) < 50
    assert places("Officials of the state of Israel met in Tel Aviv.")["Israel"].geo.feature == "country"


def test_the_outskirts_of_a_city_are_the_city():
    found = places("The Khimik group attacked a base on the southeastern outskirts of Aleppo on Sept. 15.")
    assert found["Aleppo"].geo.feature == "city" and km(found["Aleppo"].geo, 36.20, 37.13) < 10


def test_transliterations_and_diacritics_resolve():
    found = places("Russian jets bombed Khan Sheikhoun and Kamishly in Syria.")
    assert km(found["Khan Sheikhoun"].geo, 35.44, 36.65) < 10
    assert km(found["Kamishly"].geo, 37.05, 41.22) < 20


def test_countries_and_curated_regions_use_their_reference_points():
    found = places("Russia moved troops from Ukraine to the Golan Heights and the Gaza Strip, Syria said.")
    assert (found["Russia"].geo.lat, found["Russia"].geo.lon) == (60.0, 100.0)
    assert found["Golan Heights"].geo.country == "SY" and km(found["Golan Heights"].geo, 33.0, 35.75) < 20
    assert found["Gaza Strip"].geo.feature == "region"


def test_a_name_not_in_the_gazetteer_keeps_no_coordinates():
    found = places("Fighters entered Qaryat Zzzwlyx in Syria on Monday.")
    unknown = [e for n, e in found.items() if "Zzzwlyx" in n]
    assert all(e.geo is None for e in unknown)


def test_a_village_of_another_country_is_not_a_guess():
    found = places("Clashes erupted in Kidal and Gao, Malian officials said.")
    for e in found.values():
        if e.geo is not None and e.kind != "country":
            assert e.geo.country == "ML", e


def test_a_capital_used_as_an_actor_is_not_the_event_s_place():
    x = extract("Moscow replaced the commander of its troops in Syria on Sunday.", published="2024-12-02")
    (event,) = x.events
    names = {e.id: e for e in x.entities}
    assert names[event.actors[0]].name == "Moscow" and names[event.actors[0]].geo.country == "RU"
    assert event.place is None or names[event.place].name != "Moscow"


def test_a_dateline_city_is_a_place():
    found = places("TORONTO (AP) \u2014 Police arrested two men on Monday.")
    (toronto,) = [e for n, e in found.items() if n.lower() == "toronto"]
    assert toronto.geo.country == "CA" and toronto.country == "CA"


def test_demonyms_become_country_mentions_only_when_asked(nlp):
    from thucydides.nlp.places import Geocoder

    doc = nlp("Syrian troops entered Aleppo, and Syria said the road was open.")
    syria = next(e for e in doc._.thuc_entities if e.name == "Syria")
    assert (0, 6) not in syria.mentions
    doc = Geocoder(demonyms=True)(doc)
    syria = next(e for e in doc._.thuc_entities if e.name == "Syria")
    assert (0, 6) in syria.mentions and "Syrian" in syria.aliases


def test_a_look_alike_spelling_in_an_unmentioned_country_is_no_place():
    found = places("Gunmen abducted 287 students from a school in Kuriga on Thursday.", published="2024-03-08")
    assert "Kuriga" in found and found["Kuriga"].geo is None  # not "Caraga" in the Philippines


def test_a_county_lies_in_the_state_the_report_names():
    found = places("Kentucky lawmakers sent $5,900 to McLean County schools and $128,800 to Ohio County schools.")
    assert found["McLean County"].geo.country == "US" and km(found["McLean County"].geo, 37.53, -87.26) < 60
    assert km(found["Ohio County"].geo, 37.48, -86.85) < 60  # not Ohio County, West Virginia


def test_a_county_named_without_its_word_is_the_town_first():
    found = places("Shoppers crowded the malls of Orange on Saturday, California police said.")
    assert found["Orange"].geo.feature == "city" and km(found["Orange"].geo, 33.79, -117.85) < 30


def test_a_famous_town_before_its_namesakes_and_the_capital_before_the_state():
    found = places("Texas officials flew from Houston to London on Monday before returning to Washington.")
    assert found["London"].geo.country == "GB"  # not London, Ohio, in a report about the US
    assert km(found["Washington"].geo, 38.90, -77.04) < 20  # the capital, not the state


def test_a_bare_name_is_the_city_not_the_division_around_it():
    found = places("Protesters marched in New York and in Chicago on Friday.")
    assert found["New York"].geo.feature == "city" and km(found["New York"].geo, 40.71, -74.01) < 20


def test_places_in_a_list_qualify_nothing():
    found = places("After stops in Washington, New York and Boston, the crown prince flew to Seattle.")
    assert km(found["Washington"].geo, 38.90, -77.04) < 20 and km(found["Boston"].geo, 42.36, -71.06) < 20


def test_a_direction_before_a_place_is_in_that_place():
    found = places("Police said the victim was attacked in north west London on Tuesday.")
    (area,) = [e for n, e in found.items() if "London" in n]
    assert area.geo.country == "GB" and km(area.geo, 51.51, -0.13) < 30


def test_a_town_with_its_division_in_one_name_is_in_that_division():
    found = places("The series returns to Thruxton, Hampshire on 5 May.")
    (town,) = [e for n, e in found.items() if n.startswith("Thruxton")]
    assert town.geo.country == "GB" and km(town.geo, 51.21, -1.60) < 30


@pytest.mark.parametrize("text, name, lat, lon", [
    ("In Klamath Falls, Oregon, a brewery heats its tanks with hot water from the ground.", "Klamath Falls", 42.22, -121.78),
    ("The chain sold its stores in Zilina, Nitra, Presov and Kosice to a local rival.", "Presov", 49.0, 21.24),
    ("The men were captured in Chattanooga, according to a news release.", "Chattanooga", 35.05, -85.31),
    ("A man and a woman were found on a path near New Quay, Ceredigion, on Wednesday.", "Ceredigion", 52.26, -4.26),
    ("PLEASANTON, Calif.--DeltaTrak, a maker of cold chain tools, opened an office.", "California", 37.25, -119.75),
])
def test_names_the_model_missed_are_places_by_the_words_around_them(text, name, lat, lon):
    found = places(text)
    assert name in found and found[name].type == "LOCATION" and km(found[name].geo, lat, lon) < 160


def test_a_given_name_gets_no_coordinates_from_a_town_that_bears_it():
    x = extract("Barry Smith, 80, and Beryl, 81, met as teenagers on a coach trip.", published="2018-04-05")
    assert not [e for e in x.entities if e.name == "Beryl" and e.geo is not None]


def test_a_rank_after_a_comma_is_no_country():
    found = places("The commander of the base in Khmeimim, Col. Gen. Alexander Zhuravlyov, was replaced.")
    assert not any(e.geo and e.geo.country == "CO" for e in found.values())


@pytest.mark.parametrize("text, name, country, lat, lon", [
    ("Moscow moved reserves from the Kursk region, Ukrainian intelligence said.", "Kursk", "RU", 51.7, 36.2),
    ("Russian forces shelled villages in the Donetsk region overnight.", "Donetsk", "UA", 48.0, 37.8),
    ("Drones struck a depot in Belgorod Oblast on Sunday, the governor said.", "Belgorod", "RU", 50.6, 37.2),
    ("Russian artillery shelled villages in the Kramatorsk district, Ukrainian officials said.", "Kramatorsk", "UA",
     48.72, 37.56),
])
def test_a_division_named_with_its_word_is_the_division(text, name, country, lat, lon):
    found = places(text)
    (division,) = [e for n, e in found.items() if n.startswith(name)]
    assert division.geo.feature == "region" and division.geo.country == country and km(division.geo, lat, lon) < 160


def test_trimmed_numbers_and_formal_country_names():
    found = places("Voters in 706 Orange County precincts and envoys of the Republic of Armenia met in California.")
    assert any(e.geo and e.geo.country == "AM" and e.geo.feature == "country" for e in found.values())
    county = next(e for n, e in found.items() if "Orange County" in n)
    assert county.geo is not None and km(county.geo, 33.7, -117.8) < 60


def test_a_name_read_as_a_place_once_is_that_place_everywhere():
    x = extract("The UK season opens at Brands Hatch Indy, Kent. Kent will host three rounds this year.",
                published="2018-04-06")  # the model reads the second "Kent" as a person
    kents = [e for e in x.entities if e.name == "Kent"]
    assert len(kents) == 1 and kents[0].type == "LOCATION" and kents[0].geo.country == "GB"


def test_words_run_into_a_division_s_name_fall_away():
    found = places("By Editorial Board Cuyahoga County's health levy does much in Ohio, officials said.")
    county = next(e for n, e in found.items() if n.endswith("Cuyahoga County"))
    assert county.geo.feature == "region" and km(county.geo, 41.45, -81.68) < 60


def test_a_given_name_that_is_a_large_division_is_that_division():
    x = extract("The UK touring car series returns in May. Kent will host three rounds this year.", published="2018-04-06")
    kent = next(e for e in x.entities if e.name == "Kent")
    assert kent.type == "LOCATION" and kent.geo.country == "GB"


def test_a_place_listed_with_states_is_the_state():
    found = places("Tech firms are moving jobs from California to western states such as Utah, Colorado, Idaho and "
                   "Washington, analysts said.")
    assert found["Washington"].geo.feature == "region" and km(found["Washington"].geo, 47.5, -120.5) < 50


def test_the_middle_of_a_report_leans_to_the_places_it_names_most():
    from thucydides.nlp.places import middle_of_cluster

    london, new_york, boston = (51.51, -0.13), (40.71, -74.01), (42.36, -71.06)
    assert middle_of_cluster([(london, 8), (new_york, 1), (boston, 1)]) == london
    assert middle_of_cluster([(london, 1), (new_york, 1), (boston, 1)]) in (new_york, boston)
    assert middle_of_cluster([(london, 1), (new_york, 1)]) is None  # two places an ocean apart have no middle


def test_a_small_town_of_the_country_its_neighbours_lie_in():
    found = places("Firefighters from Dewsbury and Wakefield were called to a blaze. The family later moved to "
                   "Middlestown, police said.")
    assert km(found["Middlestown"].geo, 53.65, -1.60) < 10  # a town of 2,400, read as an organisation


def test_conflict_landmarks_rivers_and_shoals_are_curated():
    found = places("Ukrainian marines landed on the Kinburn Spit. Russian forces shelled Snake Island overnight. "
                   "Israeli troops took the Philadelphi Corridor and struck tents in al-Mawasi. The Chinese coast "
                   "guard fired water cannon near Second Thomas Shoal. The RSF attacked the Zamzam camp near El "
                   "Fasher. Ukrainian troops crossed the Dnipro River near Krynky.")
    for name, lat, lon in (("Kinburn Spit", 46.56, 31.52), ("Snake Island", 45.26, 30.20),
                           ("Philadelphi Corridor", 31.27, 34.25), ("al-Mawasi", 31.37, 34.27),
                           ("Second Thomas Shoal", 9.73, 115.87), ("Zamzam camp", 13.47, 25.31),
                           ("Dnipro River", 46.5, 32.3)):
        assert km(found[name].geo, lat, lon) < 10, name


def test_two_halves_of_a_split_name_are_one_place(nlp):
    from thucydides.model import Attribution, Entity, Event
    from thucydides.nlp.places import Geocoder

    text = "Smugglers crossed from Baja California into San Diego; California police caught them."
    doc = nlp(text)
    baja, california = text.index("Baja"), text.index("California")
    later = text.index("California", california + 1)
    doc._.thuc_entities = [
        Entity(id="E1", name="Baja", type="LOCATION", mentions=((baja, baja + 4),)),
        Entity(id="E2", name="California", type="LOCATION",
               mentions=((california, california + 10), (later, later + 10))),
    ]
    doc._.thuc_events = [Event(id="V1", type="ARREST", attribution=Attribution(chain=(), cue=None, stance="asserted"),
                               evidence=(), place="E1")]
    doc = Geocoder()(doc)
    by_name = {e.name: e for e in doc._.thuc_entities}
    assert "Baja" not in by_name and by_name["Baja California"].geo.country == "MX"
    assert by_name["California"].mentions == ((later, later + 10),) and by_name["California"].geo.country == "US"
    assert [event.place for event in doc._.thuc_events] == [by_name["Baja California"].id]


def test_a_village_of_that_name_far_from_all_the_report_s_places_is_no_guess():
    found = places("Home buyers in Gainesville, Va., say the commute to Fairfax and Vienna is easy. Many residents "
                   "moved here from Centreville and Manassas. Shops at Stonewall offer groceries.")
    assert km(found["Fairfax"].geo, 38.85, -77.31) < 10
    assert found["Stonewall"].geo is None  # the Stonewalls of the gazetteer are in Texas and elsewhere


def test_a_town_after_from_and_to_is_a_place():
    found = places("Drivers in Gloucester face delays: the diversion doubles the distance from the Air Balloon to "
                   "Cirencester.")
    assert km(found["Cirencester"].geo, 51.72, -1.97) < 10


def test_a_town_rockets_are_fired_at_is_a_place():
    found = places("Hezbollah fired rockets at Kiryat Shmona and the Israeli army struck targets in Nabatieh and Tyre.")
    assert km(found["Kiryat Shmona"].geo, 33.21, 35.57) < 5  # the model reads it as a person


def test_a_hyphenated_name_the_model_cut_short_is_whole():
    found = places("Gang members torched homes in Croix-des-Bouquets, east of Port-au-Prince, the UN said.")
    assert "Croix" not in found  # not the town of Croix near Lille
    assert km(found["Croix-des-Bouquets"].geo, 18.58, -72.23) < 10


def test_a_town_no_other_is_named_like_is_still_no_guess_in_a_country_the_report_s_places_are_not_in():
    found = places("Gangs clashed with police in Port-au-Prince and in Croix on Monday, Haitian officials said.")
    assert found["Port-au-Prince"].geo.country == "HT"
    assert found["Croix"].geo is None  # the only Croix of the gazetteer is near Lille


def test_a_place_the_geocoder_found_tells_where_the_next_one_is():
    found = places("Russian shelling of Nikopol and Marhanets across the river from the Zaporizhzhia plant wounded "
                   "three.")
    assert km(found["Marhanets"].geo, 47.63, 34.62) < 5  # both read as organisations; Nikopol makes it Ukraine


def test_a_town_s_name_after_the_is_the_river_of_that_name():
    found = places("Ukrainian forces struck a Russian command post in Oleshky on the left bank of the Dnipro.")
    river = next(e for e in found.values() if "Dnipro" in (e.name, *e.aliases))
    assert river.kind == "region" and km(river.geo, 46.5, 32.3) < 10  # an area, as seas are: it holds no building
    assert places("Russian missiles hit Dnipro overnight.")["Dnipro"].geo.feature == "city"


def test_a_side_does_not_vouch_for_a_village_where_the_report_s_places_lie_elsewhere():
    found = places("Russian forces captured the village of Novomykhailivka in Donetsk Oblast, the Russian defence "
                   "ministry claimed.")
    assert found["Donetsk Oblast"].geo.country == "UA"
    village = found["Novomykhailivka"].geo  # the gazetteer's only one is a village in Altai, Russia: not that one,
    assert village.country == "UA" and village.within == "Donetsk Oblast"  # but the oblast the report puts it in
    assert km(village, 47.83, 37.34) < 161  # the one south-west of Donetsk


def test_a_look_alike_outside_the_division_after_the_comma_is_refused():
    # "Zzyxville" reads like Saxeville, Wisconsin; "Zzangari" like Sîngerei, Moldova: the comma says where they are
    assert places("A tornado hit Zzyxville, Texas, on Monday.")["Zzyxville"].geo is None
    found = places("Gunmen killed 12 villagers in Zzangari, Zamfara State, police said.")
    assert found["Zzangari"].geo.country == "NG"


def test_a_village_the_gazetteer_lacks_is_placed_at_the_small_division_it_is_said_to_lie_in():
    found = places("Gunmen killed 12 villagers in Zzangari, Zamfara State, police said.")
    village, state = found["Zzangari"].geo, found["Zamfara State"].geo
    assert (village.lat, village.lon, village.within, village.feature) == (state.lat, state.lon, "Zamfara State", "city")
    oblast = places("Russian forces captured Zzyzovka, Donetsk Oblast, on Tuesday.")["Zzyzovka"].geo
    assert oblast.within == "Donetsk Oblast" and km(oblast, 48.0, 37.8) < 60  # not Sizovka in Crimea
    inside = places("Clashes broke out in Zzyzovka, in Kherson Oblast, on Monday.")["Zzyzovka"].geo
    assert inside.within == "Kherson Oblast"
    # Texas is too large for its middle to stand for a town in it
    assert places("A tornado hit Zzyxville, Texas, on Monday.")["Zzyxville"].geo is None


def test_an_unknown_place_in_a_town_is_placed_at_the_town():
    found = places("Israeli strikes hit Zeitoun in Gaza City on Monday, the Gaza health ministry said.")
    assert found["Zeitoun"].geo.within == "Gaza City" and km(found["Zeitoun"].geo, 31.50, 34.47) < 5


def test_a_name_the_gazetteer_lacks_before_a_small_division_is_a_place_in_it():
    found = places("The championship visits Knockhill, Fife, in August and Silverstone, Northamptonshire, in September.")
    assert found["Knockhill"].geo.within == "Fife" and km(found["Knockhill"].geo, 56.13, -3.51) < 60
    assert km(found["Silverstone"].geo, 52.09, -1.03) < 5  # a village the gazetteer has, in the county named
    # one the gazetteer knows only elsewhere (Rockingham, Western Australia): the comma still says where it is
    for text in ("The series moves to Rockingham, Northamptonshire, in August.",
                 "11/12 August: Rockingham, Northamptonshire. 25/26 August: Knockhill, Fife."):  # read as a place, or not
        rockingham = places(text)["Rockingham"].geo
        assert rockingham.within == "Northamptonshire" and km(rockingham, 52.51, -0.72) < 60
    # a company, or a name before a division named like a big town, is no place
    assert "Acme Ltd" not in places("Acme Ltd, Delaware, filed for bankruptcy on Monday.")
    assert "Beyond Madinaty" not in places("Beyond Madinaty, Liverpool have other academies in Cairo's suburbs.")


def test_a_side_never_vouches_for_a_village_of_its_country():
    # armies fight abroad: the only Novomykhailivka the gazetteer has is a village in Altai, Russia
    found = places("Russian forces captured Novomykhailivka, the Russian defence ministry said on Tuesday.")
    assert found["Novomykhailivka"].geo is None  # a side's town is another matter: see the Kiryat Shmona test


def test_initials_are_the_country_the_report_names_by_its_people():
    found = places("Millions of South Africans depend on mining. SA holds unparalleled reserves of platinum.")
    assert found["SA"].geo.country == "ZA" and found["SA"].geo.feature == "country"  # not South Australia


def test_initials_are_never_a_village_spelt_the_same():
    found = places("Foreign ministers met at the OAS in Washington on Monday.")
    assert "OAS" not in found or found["OAS"].geo is None or found["OAS"].geo.country == "US"  # not Oas, Philippines
    assert places("Police in D.C. closed the road on Monday.")["D.C."].geo.country == "US"


def test_a_name_before_in_and_a_division_is_a_place_of_that_division():
    found = places("Boko Haram fighters attacked Gwoza in Borno State, killing 18 people.")
    assert found["Gwoza"].geo.country == "NG" and km(found["Gwoza"].geo, 11.08, 13.69) < 30
    # a look-alike elsewhere is refused as after a comma: not Sizovka in Crimea
    oblast = places("Russian forces captured the village of Zzyzovka in Donetsk Oblast.")["Zzyzovka"].geo
    assert oblast.within == "Donetsk Oblast" and km(oblast, 48.0, 37.8) < 60
    # a name the gazetteer knows elsewhere is not made a place by the division after it
    assert "Praia" not in places("Insurgents raided Macomia and Mocimboa da Praia in Cabo Delgado province.")


def test_a_name_a_verb_of_taking_acts_on_before_in_and_a_small_division_is_a_place_there():
    found = places("Russian forces captured Zzyzovka in Donetsk Oblast on Tuesday.")  # the model reads a person
    assert found["Zzyzovka"].geo.within == "Donetsk Oblast"
    assert "John Zzyx" not in places("Police arrested John Zzyx in Fife on Monday.")


def test_a_town_geonames_gives_no_population_is_a_town_not_a_village():
    # GeoNames lists many Syrian, Iraqi, Yemeni and Nigerian towns with population 0 (Al Qayyarah among them)
    found = places("Iraqi forces recaptured Qayyarah from Islamic State, the Iraqi army said.")
    assert found["Qayyarah"].geo.country == "IQ" and km(found["Qayyarah"].geo, 35.80, 43.29) < 10
    found = places("Government forces recaptured Ariha and Saraqib.")
    assert found["Ariha"].geo.country == "SY"  # not Jericho, which Arabic calls Ariha


def test_a_name_before_a_word_for_a_settlement_is_a_place():
    found = places("The Arakan Army captured Maungdaw township after months of fighting.")  # the model reads a person
    assert found["Maungdaw"].type == "LOCATION"
    part = places("Fighting erupted in Zzorbat neighbourhood of Khartoum on Monday.")["Zzorbat"].geo
    assert part.within == "Khartoum" and km(part, 15.55, 32.53) < 5


def test_the_arabic_article_is_no_given_name():
    found = places("Islamic State fighters attacked Al Busayrah and Deir ez-Zor, Syrian Kurdish officials said.")
    assert found["Al Busayrah"].geo.country == "SY" and km(found["Al Busayrah"].geo, 35.16, 40.43) < 10


def test_a_village_of_a_name_several_far_apart_villages_share_stays_unplaced():
    found = places("Barry grew up in Dewsbury and worked in Wakefield before the couple moved to Thornhill.")
    assert found["Thornhill"].geo is None  # villages in Scotland and Wales bear the name; none near Dewsbury
    assert found["Wakefield"].geo.country == "GB"


def test_a_town_bearing_its_own_name_has_no_rival_in_a_city_that_bears_it_as_another_name():
    found = places("A body was found in the basement of a house in the town of Southold, detectives said.")
    assert km(found["Southold"].geo, 41.06, -72.43) < 10  # South Bend's GeoNames names include "Southold"


def test_a_look_alike_far_from_the_report_s_places_is_refused():
    found = places("Soldiers took the village of Zzyzovka near Kharkiv, the ministry said.")
    geo = found["Zzyzovka"].geo
    assert geo is None or km(geo, 49.98, 36.25) < 50  # not Sizovka, 500 km away in Crimea


def test_an_island_is_not_the_airport_named_after_it():
    found = places("Colin Macy-O'Toole captains a ferry to and from Fire Island every summer.")
    geo = found["Fire Island"].geo
    assert geo is None or km(geo, 40.65, -73.15) < 100  # not Fire Island Airport, Alaska


def test_a_direction_of_a_town_without_a_comma_puts_the_place_near_that_town():
    found = places("Pro-Russian separatists shelled Avdiivka north of Donetsk, Kyiv said.")
    assert km(found["Avdiivka"].geo, 48.14, 37.75) < 20  # not the village of that name near Kyiv


def test_a_town_known_only_by_its_airport_is_no_name_known_elsewhere():
    found = places("The Arakan Army captured Paletwa township in Chin State after weeks of fighting, the group said.")
    assert found["Paletwa"].geo is not None and km(found["Paletwa"].geo, 21.3, 92.85) < 40


def test_a_conflict_city_by_its_other_name():
    found = places("Azerbaijani forces launched an offensive in Nagorno-Karabakh, shelling Stepanakert.")
    assert found["Stepanakert"].geo.country == "AZ" and km(found["Stepanakert"].geo, 39.82, 46.75) < 20


def test_press_spellings_of_somali_towns_gazetteer_writes_in_somali_orthography():
    found = places("Somali forces recaptured the town of Harardhere from al-Shabaab, the government said.")
    assert km(found["Harardhere"].geo, 4.65, 47.86) < 10  # GeoNames' Xarardheere


def test_a_military_airport_named_before_its_head_is_the_facility():
    found = places("Israeli jets struck the Mezzeh military airport in Damascus, Syrian state media said.")
    airport = next(e for n, e in found.items() if "Mezzeh" in n)
    assert airport.type == "FACILITY" and km(airport.geo, 33.48, 36.22) < 5


def test_a_name_near_a_town_is_never_a_namesake_far_from_it():
    found = places("Tuareg rebels seized the town of Ber near Timbuktu, the army said.")
    assert found["Ber"].geo is not None and km(found["Ber"].geo, 16.77, -3.01) < 100  # not Berlin, whose code is BER


def test_the_plural_division_noun_after_a_list_makes_its_names_divisions():
    found = places("Ukrainian forces shot down 20 drones over the Mykolaiv and Odesa regions overnight.")
    assert found["Mykolaiv"].geo.feature == "region" and found["Odesa"].geo.feature == "region"


def test_press_names_of_divisions_and_regions_of_conflict_areas():
    found = places("An airstrike hit a wedding party in the village of Al-Raqab in Saada province, Houthi media said.")
    assert found["Saada province"].geo.country == "YE" and km(found["Saada province"].geo, 16.94, 43.76) < 100
    assert km(found["Al-Raqab"].geo, 16.94, 43.76) < 100  # placed in that province, not at a look-alike far south
    found = places("The Israeli army said it struck a Hezbollah weapons depot in the Beqaa Valley town of Brital.")
    assert found["Beqaa Valley"].geo.country == "LB" and km(found["Brital"].geo, 33.93, 36.15) < 10


def test_a_generic_word_is_a_place_only_in_a_country_the_report_names():
    assert places("Russia's relations with the West have collapsed, the minister said in Moscow.")["West"].geo is None
    found = places("Fighting spread across the West region of Cameroon, officials in Bafoussam said.")
    assert found["West region"].geo.country == "CM"


def test_washington_dc_is_its_own_place_beside_the_state():
    found = places("The senator flew from Seattle, Washington to Washington, D.C. on Monday.")
    assert km(found["Washington"].geo, 47.5, -120.5) < 50  # the state after Seattle's comma
    assert km(found["Washington, D.C."].geo, 38.90, -77.04) < 20


def test_a_territory_named_after_its_country_is_not_that_country():
    found = places("Tickets are sold in 44 states and the U.S. Virgin Islands. The storm also hit the British "
                   "Virgin Islands.")
    assert found["U.S. Virgin Islands"].geo.country == "VI" and "United States" not in found
    assert found["British Virgin Islands"].geo.country == "VG"


def test_rivers_lakes_and_mountains_of_conflicts_are_places():
    found = places("Fighters crossed the Khabur River. Floods hit the Nile Delta. M23 rebels advanced along Lake Kivu. "
                   "The PKK holds the Qandil Mountains.")
    for name, lat, lon in (("Khabur River", 35.14, 40.43), ("Nile Delta", 30.85, 31.2), ("Lake Kivu", -2.0, 29.2),
                           ("Qandil Mountains", 36.5, 45.1)):
        assert km(found[name].geo, lat, lon) < 10, name


def test_a_dateline_town_is_one_of_the_division_after_it_and_never_a_village_alone(nlp):
    found = {n.lower(): e for n, e in places("PLEASANTON, Texas (AP) - Police arrested two men on Monday.").items()}
    assert km(found["pleasanton"].geo, 28.97, -98.48) < 20  # not the larger Pleasanton in California
    found = {n.lower(): e for n, e in places("HORRY COUNTY, SC (WMBF) - Police arrested two men on Monday.").items()}
    assert found["horry county"].geo.feature == "region" and km(found["horry county"].geo, 33.82, -78.97) < 50
    geocoder = nlp.get_pipe("thuc_geocoder")
    assert geocoder.dateline_city("Jewell", None) is None  # a caption's "JEWELL:", not a village of 1,200 in Iowa
    assert geocoder.dateline_city("Kupiansk", None).country == "UA"


def test_a_capital_s_bonus_goes_only_to_the_name_of_the_capital():
    found = places("Crowds filled the streets of Philadelphia on Saturday.")
    assert km(found["Philadelphia"].geo, 39.95, -75.16) < 20  # not Amman, once Philadelphia, for being a capital
    assert km(places("Officials in Washington said on Monday.")["Washington"].geo, 38.90, -77.04) < 20


def test_a_town_of_a_country_the_report_never_names_must_be_a_city_of_100000():
    found = places("She left an informal settlement to live in Delft after police in Cape Town and the Eastern Cape "
                   "failed her.")
    assert found["Delft"].geo is None or found["Delft"].geo.country == "ZA"  # not Delft in the Netherlands (95,000)
    assert places("Officials flew from Kyiv to Rotterdam for talks.")["Rotterdam"].geo.country == "NL"


def test_a_county_the_report_names_names_its_state_too():
    found = places("Oakland County deputies found the stolen car in Troy on Sunday.")
    assert km(found["Troy"].geo, 42.61, -83.15) < 20  # Troy, Michigan, not the larger-known Troy, New York


def test_a_city_is_no_better_known_by_another_of_its_names_than_the_name_s_own_towns():
    found = places("He was buried in the town of Southold, police said.")
    assert found["Southold"].geo is None or km(found["Southold"].geo, 41.06, -72.43) < 20  # never South Bend, Indiana


def test_a_landmark_the_news_names_alone_and_the_street_of_its_name_elsewhere():
    assert km(places("He starred on Broadway before the tour.")["Broadway"].geo, 40.76, -73.99) < 5
    found = places("Fans lined Broadway in Nashville on Saturday.")
    assert found["Broadway"].geo.within == "Nashville"  # a landmark over 150 km from the town after "in" is another
    found = places("Drones struck the Olenya air base near Murmansk.")  # a base 90 km from its town stays itself
    assert km(next(e for n, e in found.items() if "Olenya" in n).geo, 68.15, 33.46) < 5


def test_a_town_by_the_first_words_of_its_name():
    found = places("A tribute show comes to Clacton this weekend, Essex council said.")
    assert km(found["Clacton"].geo, 51.79, 1.16) < 5  # Clacton-on-Sea, read as an organisation


def test_the_islamic_republic_is_iran():
    found = places("Data from the Trade Promotion Organization indicates that the Islamic Republic's exports rose.")
    assert found["Islamic Republic"].geo.country == "IR" and found["Islamic Republic"].geo.feature == "country"


def test_a_town_named_with_its_settlement_word_and_towns_cities500_lacks():
    found = places("The Arakan Army captured the military base in Ann township of Rakhine state and took Maungdaw "
                   "on the border with Bangladesh.")
    assert km(found["Ann township"].geo, 19.80, 94.05) < 10
    assert km(found["Maungdaw"].geo, 20.82, 92.37) < 10 and found["Maungdaw"].type == "LOCATION"
    assert km(places("In Congo, M23 rebels attacked Minova.")["Minova"].geo, -1.70, 29.01) < 10


def test_towns_fought_over_that_cities500_lacks_are_curated():
    found = places("Ukrainian troops advanced near Robotyne. M23 rebels took Rubaya and Bunagana. Al-Shabaab fighters "
                   "attacked Barawe. Israeli troops raided the Nur Shams camp. Gunmen attacked a convoy near Parachinar. "
                   "A drone strike hit a compound in Makeen.")
    for name, lat, lon in (("Robotyne", 47.45, 35.84), ("Rubaya", -1.56, 28.88), ("Bunagana", -1.29, 29.60),
                           ("Barawe", 1.11, 44.03), ("Parachinar", 33.90, 70.10), ("Makeen", 32.62, 69.84)):
        assert km(found[name].geo, lat, lon) < 10, name


def test_landmarks_where_leaders_meet_and_crowds_gather_are_curated():
    found = places("Trump met Zelensky in the Oval Office on Friday. Protesters filled Tahrir Square. A drone hit a "
                   "building near Red Square.")
    for name, lat, lon in (("Oval Office", 38.90, -77.04), ("Tahrir Square", 30.04, 31.24), ("Red Square", 55.75, 37.62)):
        assert found[name].type == "LOCATION" and km(found[name].geo, lat, lon) < 2, name


def test_a_township_is_a_town_not_the_capital_of_its_name():
    found = places("The dinner was held at a restaurant in Washington Township, N.J., organisers said.")
    assert "Township" not in found and found["Washington Township"].geo.country == "US"
    assert km(found["Washington Township"].geo, 38.9, -77.04) > 200  # not Washington, D.C.


def test_a_division_after_a_town_word_and_a_comma_is_a_place():
    found = places("Two soldiers were killed in a clash in Barangay Bubong, Maguing town, Lanao del Sur on Sunday.")
    assert found["Lanao del Sur"].type == "LOCATION" and found["Lanao del Sur"].geo.country == "PH"


def test_a_city_named_with_and_without_city_or_its_division_word_is_one_place():
    found = places("Troops entered Marawi City on Monday. Residents of Marawi said the fighting had stopped.")
    assert [n for n in found if "Marawi" in n] == ["Marawi City"] and len(found["Marawi City"].mentions) == 2
    x = extract("Gunmen attacked a convoy in Kurram district on Thursday. Kurram has been gripped by sectarian "
                "violence since November.", published="2024-12-02")
    assert not any(e.name == "Kurram" for e in x.entities)  # the model's "person" is the district


def test_a_bare_state_name_is_the_state_not_the_city_named_longer_after_it():
    found = places("Protesters rallied in Oklahoma City. Teachers across Oklahoma walked out.")
    assert found["Oklahoma"].geo.feature == "region" and found["Oklahoma City"].geo.feature == "city"
    assert places("Police in New York arrested five people.")["New York"].geo.feature == "city"
    found = places("Russian forces shelled the Zaporizhzhia Nuclear Power Plant. Residents of Zaporizhzhia heard "
                   "explosions.")
    assert found["Zaporizhzhia"].geo.feature == "city"  # GeoNames spells the city Zaporizhzhya, the oblast otherwise


def test_names_before_a_plural_division_noun_are_divisions_whatever_the_model_read():
    found = places("Russia's Defense Ministry claimed its air defenses had shot down 21 Ukrainian drones over Saratov "
                   "and Bryansk oblasts.")
    assert found["Saratov"].geo.feature == "region" and found["Bryansk"].geo.feature == "region"


def test_the_agency_of_a_dateline_is_no_place_and_an_area_is_one():
    found = places("PORT SUDAN, Jan 12 (ST) - The army said it had recaptured the town.")
    assert list(found) == ["Port Sudan"]  # "(ST)", Sudan Tribune, is no place
    found = places("Residents said fighters executed 13 civilians in the Kanabi area on Friday.")
    assert found["Kanabi"].type == "LOCATION"  # the model read a person


def test_a_former_region_is_a_place_not_an_organisation():
    found = places("Militants attacked a checkpoint in the Federally Administered Tribal Areas (FATA) on Sunday. The "
                   "army said FATA would be merged with Khyber Pakhtunkhwa.")
    fata = found["Federally Administered Tribal Areas"]
    assert fata.type == "LOCATION" and fata.country == "PK" and len(fata.mentions) == 3
    assert km(fata.geo, 32.9, 70.1) < 100


def test_a_town_alone_in_parentheses_after_a_name_is_a_place():
    found = places("The evening features a fashion show by Fig Leaf Boutique (Maywood), organisers in N.J. said.")
    assert found["Maywood"].type == "LOCATION" and km(found["Maywood"].geo, 40.90, -74.06) < 10  # the one in N.J.
    found = places("(Red Oak) -- The three candidates met voters in Iowa on Monday.")
    assert km(found["Red Oak"].geo, 41.01, -95.23) < 10  # a local station's dateline


def test_a_town_fired_at_across_a_border_is_placed():
    found = places("Hezbollah fired dozens of rockets at Kiryat Shmona.")
    assert found["Kiryat Shmona"].type == "LOCATION" and km(found["Kiryat Shmona"].geo, 33.21, 35.57) < 10


def test_a_village_taken_and_measured_from_a_town_is_placed_at_that_town():
    x = extract("Russian forces advanced near Kurakhove in Donetsk Oblast. The ministry claimed that Russian forces "
                "seized Illinka (southeast of Kurakhove).", published="2024-11-20")
    found = {e.name: e for e in x.entities}
    assert found["Illinka"].type == "LOCATION" and found["Illinka"].geo.within == "Kurakhove"  # not the one in Crimea
    names = {e.id: e.name for e in x.entities}
    taken = next(v for v in x.events if v.subtype == "seize")
    assert taken.type == "OFFENSIVE" and names[taken.place] == "Illinka" and [names[a] for a in taken.actors] == [
        "Russian forces"]


def test_a_place_named_with_and_without_its_division_word_is_one_entity():
    found = places("The ELN attacked FARC dissidents in the Catatumbo region. More than 11,000 people have fled their "
                   "homes in Catatumbo.")
    assert "Catatumbo region" not in found and len(found["Catatumbo"].mentions) == 2
    found = places("Rebels shelled Aleppo and the Aleppo governorate.")
    assert found["Aleppo"].geo.feature == "city" and found["Aleppo Governorate"].geo.feature == "region"
