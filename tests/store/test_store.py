"""The store on both backends: idempotent ingest, entities and events joined across reports,
independent sources counted, contradictions flagged, questions answered."""
from __future__ import annotations

import pytest

from thucydides import extract
from thucydides.model import Attribution, Document, Entity, Event, Evidence, Extraction, Geo, Role, When

KRAMATORSK = Geo(48.73106, 37.56779, "UA", "city", 704147)
SLOVIANSK = Geo(48.85, 37.6167, "UA", "city", 700051)  # 14 km from Kramatorsk
ODESA = Geo(46.4775, 30.7326, "UA", "city", 698740)
DAMASCUS_SY = Geo(33.5102, 36.2913, "SY", "city", 170654)
DAMASCUS_MD = Geo(39.2884, -77.2036, "US", "city", 4354265)


def report(doc_id: str, outlet: str, published: str, entities: list[Entity], events: list[Event]) -> Extraction:
    text = f"Report {doc_id} by {outlet}."
    return Extraction(Document(id=doc_id, text=text, published=published, language="en", outlet=outlet),
                      tuple(entities), tuple(events))


def strike(local_id: str = "V1", day: str = "2025-03-11", place: str | None = "E2", actors=("E1",),
           chain=("Outlet", "E3"), stance: str = "reported", negated: bool = False, type_: str = "ATTACK") -> Event:
    return Event(id=local_id, type=type_, attribution=Attribution(chain, stance, "said"),
                 evidence=(Evidence(0, 10, f"A sentence about {type_.lower()}."),),
                 when=When(day, day, "day" if day else "unknown", None) if day else When(None, None),
                 actors=tuple(actors), place=place, negated=negated)


def russians() -> Entity:
    return Entity("E1", "Russian forces", "ORGANIZATION", kind="military", country="RU", generic=True,
                  mentions=((0, 5),))


def place(name: str, geo: Geo, local_id: str = "E2") -> Entity:
    return Entity(local_id, name, "LOCATION", kind="city", country=geo.country, geo=geo, mentions=((0, 5),))


def hur() -> Entity:
    return Entity("E3", "Defense Intelligence Directorate", "ORGANIZATION", kind="intelligence", country="UA",
                  aliases=("HUR",), mentions=((0, 3),))


def agency(name: str) -> Entity:
    return Entity("E3", name, "ORGANIZATION", kind="government", country="UA", mentions=((0, 3),))


def test_two_outlets_citing_the_same_agency_make_one_event_with_one_independent_source(store):
    store.write(report("a" * 16, "Kyiv Independent", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK), hur()],
                       [strike(chain=("Kyiv Independent", "E3"))]))
    written = store.write(report("b" * 16, "Ukrainska Pravda", "2025-03-12",
                                 [russians(), place("Kramatorsk", KRAMATORSK), hur()], [strike(chain=("Ukrainska Pravda", "E3"))]))
    assert written.merged_events == 1 and written.new_events == 0
    [event] = store.events()
    assert (event.reports, event.outlets, event.sources) == (2, 2, 1)
    assert event.according_to == ("Defense Intelligence Directorate",)
    assert event.contradictions == ()


def test_a_second_agency_and_an_outlets_own_voice_are_independent_sources(store):
    store.write(report("a" * 16, "Kyiv Independent", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK), hur()],
                       [strike()]))
    store.write(report("b" * 16, "Reuters", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK),
                                                            agency("Donetsk regional administration")], [strike()]))
    store.write(report("c" * 16, "BBC", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)],
                       [strike(chain=("BBC",), stance="asserted")]))
    [event] = store.events()
    assert (event.reports, event.outlets, event.sources) == (3, 3, 3)


def test_one_outlet_citing_unnamed_sources_twice_is_one_source(store):
    for doc_id in ("a" * 16, "b" * 16):
        store.write(report(doc_id, "Kyiv Independent", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)],
                           [strike(chain=("Kyiv Independent", "unnamed officials"), stance="alleged")]))
    [event] = store.events()
    assert (event.reports, event.outlets, event.sources) == (2, 1, 1)


def test_nearby_place_joins_and_a_distant_one_with_other_actors_does_not(store):
    store.write(report("a" * 16, "A", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)], [strike()]))
    store.write(report("b" * 16, "B", "2025-03-12", [russians(), place("Sloviansk", SLOVIANSK)], [strike()]))
    ukrainians = Entity("E1", "Ukrainian forces", "ORGANIZATION", kind="military", country="UA", generic=True)
    store.write(report("c" * 16, "C", "2025-03-12", [ukrainians, place("Odesa", ODESA)], [strike()]))
    found = store.events()
    assert sorted(e.reports for e in found) == [1, 2]


def test_another_day_or_type_is_another_event(store):
    store.write(report("a" * 16, "A", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)], [strike()]))
    store.write(report("b" * 16, "B", "2025-03-20", [russians(), place("Kramatorsk", KRAMATORSK)],
                       [strike(day="2025-03-19")]))
    store.write(report("c" * 16, "C", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)],
                       [strike(type_="WITHDRAWAL")]))
    assert len(store.events()) == 3


def test_a_report_that_places_it_elsewhere_or_on_another_day_is_flagged(store):
    wagner = Entity("E1", "Wagner Group", "ORGANIZATION", kind="armed_group", country="RU", mentions=((0, 6),))
    store.write(report("a" * 16, "A", "2025-03-12", [wagner, place("Kramatorsk", KRAMATORSK)], [strike()]))
    store.write(report("b" * 16, "B", "2025-03-12", [wagner, place("Odesa", ODESA)], [strike()]))
    store.write(report("c" * 16, "C", "2025-03-20", [wagner, place("Kramatorsk", KRAMATORSK)],
                       [strike(day="2025-03-15")]))
    [event] = store.events()
    assert event.reports == 3
    assert event.contradictions == ("date", "place")
    assert (event.start, event.place) == ("2025-03-11", "Kramatorsk")  # the first account stands


def test_a_denial_joins_the_event_and_does_not_count_as_a_source(store):
    store.write(report("a" * 16, "A", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK), hur()], [strike()]))
    kremlin = Entity("E3", "Kremlin", "ORGANIZATION", kind="government", country="RU")
    store.write(report("b" * 16, "TASS", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK), kremlin],
                       [strike(chain=("TASS", "E3"), stance="denied")]))
    [event] = store.events()
    assert (event.reports, event.sources) == (2, 1)
    assert event.contradictions == ("denied",)
    stances = {r.outlet: r.stance for r in store.event(event.id).reports}
    assert stances == {"A": "reported", "TASS": "denied"}


def test_two_events_of_one_report_stay_two(store):
    store.write(report("a" * 16, "A", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)],
                       [strike("V1"), strike("V2")]))
    assert len(store.events()) == 2


def test_same_name_in_two_countries_stays_two_places(store):
    store.write(report("a" * 16, "A", "2025-03-12", [place("Damascus", DAMASCUS_SY)], []))
    store.write(report("b" * 16, "B", "2025-03-12", [place("Damascus", DAMASCUS_MD)], []))
    store.write(report("c" * 16, "C", "2025-03-12", [place("Damascus", DAMASCUS_SY)], []))
    found = store.entities(type="LOCATION")
    assert sorted((e.country, e.documents) for e in found) == [("SY", 2), ("US", 1)]


def test_a_site_keeps_the_town_it_was_placed_at(store):
    hospital = Entity("E2", "Okhmatdyt Children's Hospital", "FACILITY", kind="hospital", country="UA",
                      geo=Geo(50.45466, 30.5238, "UA", "facility", None, within="Kyiv"), mentions=((0, 5),))
    store.write(report("d" * 16, "A", "2024-07-08", [hospital], []))
    (found,) = store.entities(type="FACILITY")
    assert found.within == "Kyiv" and found.feature == "facility" and found.geonameid is None


def test_surname_alone_joins_only_an_unambiguous_person(store):
    def person(name: str, country: str | None = "RU") -> Entity:
        return Entity("E1", name, "PERSON", country=country, mentions=((0, 3),))

    store.write(report("a" * 16, "A", "2025-03-12", [person("Alexander Zhuravlyov")], []))
    store.write(report("b" * 16, "B", "2025-03-13", [person("Zhuravlyov", None)], []))
    [zhuravlyov] = store.entities(name="Zhuravlyov")
    assert (zhuravlyov.name, zhuravlyov.documents) == ("Alexander Zhuravlyov", 2)
    store.write(report("c" * 16, "C", "2025-03-14", [person("Ivan Petrov")], []))
    store.write(report("d" * 16, "D", "2025-03-14", [person("Sergei Petrov")], []))
    store.write(report("e" * 16, "E", "2025-03-15", [person("Petrov", None)], []))
    petrovs = store.entities(type="PERSON", name="Petrov")
    assert sorted(p.name for p in petrovs) == ["Ivan Petrov", "Petrov", "Sergei Petrov"]
    assert all(p.documents == 1 for p in petrovs)


def test_roles_accumulate_into_a_timeline(store):
    def general(doc_role: Role) -> Entity:
        return Entity("E1", "Alexander Chaiko", "PERSON", country="RU", titles=("Col. Gen.",), roles=(doc_role,),
                      mentions=((0, 3),))

    store.write(report("a" * 16, "A", "2024-01-10", [general(Role("commander", "Russian forces in Syria", "2019-02-01",
                                                                   None, "current"))], []))
    store.write(report("b" * 16, "B", "2024-12-02", [general(Role("commander", "Russian forces in Syria", None,
                                                                   "2024-12-02", "dismissed"))], []))
    store.write(report("c" * 16, "C", "2024-12-03", [general(Role("commander", "Russian forces in Syria", None,
                                                                   "2024-12-02", "dismissed"))], []))
    [timeline] = store.person("Chaiko")
    assert [(r.start, r.status) for r in timeline.roles] == [("2019-02-01", "current"), (None, "dismissed")]


def test_writing_the_same_report_again_changes_nothing(store):
    extraction = report("a" * 16, "A", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK)], [strike()])
    assert store.write(extraction).stored
    before = store.counts()
    again = store.write(extraction)
    assert not again.stored and store.counts() == before


def test_events_answer_the_filters_of_thuc_events(store):
    store.write(report("a" * 16, "A", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK), hur()], [strike()]))
    store.write(report("b" * 16, "B", "2025-03-12", [russians(), place("Kramatorsk", KRAMATORSK), hur()], [strike()]))
    store.write(report("c" * 16, "C", "2025-01-05", [russians(), place("Odesa", ODESA)],
                       [strike(day="2025-01-04", chain=("C",), stance="asserted", type_="BATTLE")]))
    assert {e.type for e in store.events(type="battle")} == {"BATTLE"}
    assert [e.place for e in store.events(near="Kramatorsk", within_km=30)] == ["Kramatorsk"]
    assert [e.place for e in store.events(near=(46.48, 30.73), within_km=5)] == ["Odesa"]
    assert [e.place for e in store.events(since="2025-03-01")] == ["Kramatorsk"]
    assert [e.place for e in store.events(until="2025-02-01")] == ["Odesa"]
    assert [e.place for e in store.events(min_sources=1, source="intelligence")] == ["Kramatorsk"]
    assert [e.place for e in store.events(actor="Russian forces", near="Odesa")] == ["Odesa"]
    assert store.events(actor="Hamas") == []
    assert store.count_events(since="2025-01-01") == 2
    assert [e.place for e in store.events(limit=1, offset=1)] == ["Odesa"]
    frame = store.events_frame(type="ATTACK")
    assert list(frame["place"]) == ["Kramatorsk"] and int(frame["reports"].iloc[0]) == 2
    with pytest.raises(ValueError):
        store.events(near="Nowhereville-on-Nothing")


def test_search_finds_report_text(store):
    a = extract("Russian forces shelled the port of Kherson on Monday, the regional governor said.",
                published="2025-03-12", outlet="Kyiv Independent")
    b = extract("Protesters gathered in Tbilisi for a third night, police said.", published="2025-03-12", outlet="Civil")
    store.write(a)
    store.write(b)
    hits = store.search("Kherson port")
    assert [h.document_id for h in hits] == [a.document.id]
    assert "Kherson" in hits[0].snippet
    assert store.search('"third night"')[0].document_id == b.document.id
    assert store.search('AND OR "') == []  # query syntax in user text is no error
    assert [e.type for e in store.events(text="Kherson")] == ["ATTACK"]


def test_dev_corpus_ingested_twice_gives_identical_counts(store, corpus_extractions):
    for extraction in corpus_extractions:
        store.write(extraction)
    first = store.counts()
    for extraction in corpus_extractions:
        assert not store.write(extraction).stored
    assert store.counts() == first
    assert first["documents"] == len({x.document.id for x in corpus_extractions})
    assert first["event_reports"] == sum(len(x.events) for x in corpus_extractions)


def test_duplicated_report_under_another_file_name_adds_nothing(store, corpus_extractions):
    from dataclasses import replace

    original = corpus_extractions[0]
    store.write(original)
    before = store.counts()
    copy = replace(original, document=replace(original.document, path="elsewhere/copy-of-report.md"))
    assert not store.write(copy).stored
    assert store.counts() == before


def test_one_story_told_by_two_outlets_from_text_is_one_event(store):
    a = extract("Russian forces struck an ammunition depot near Kramatorsk on Tuesday, according to Ukraine's "
                "military intelligence agency, the HUR.", published="2025-03-12", outlet="Kyiv Independent")
    b = extract("Russian troops hit an ammunition depot on the outskirts of Kramatorsk on March 11, Ukrainian "
                "military intelligence (HUR) said on Wednesday.", published="2025-03-12", outlet="Ukrainska Pravda")
    store.write(a)
    store.write(b)
    attacks = store.events(type="ATTACK")
    assert len(attacks) == 1
    assert (attacks[0].reports, attacks[0].outlets, attacks[0].sources) == (2, 2, 1)
    assert attacks[0].place == "Kramatorsk"


def test_python_api_ingests_text_and_answers_as_records_and_frames(db_url):
    import thucydides

    with thucydides.open_store(db_url) as store:
        written = store.ingest(["Houthi forces fired a ballistic missile at Eilat on Sunday, the Israeli military "
                                "said.", "Houthi forces fired a ballistic missile at Eilat on Sunday, the Israeli "
                                "military said."], published="2025-03-10")
        assert [w.stored for w in written] == [True, False]
        [event] = store.events(type="ATTACK")
        assert event.place == "Eilat" and event.start == "2025-03-09"
        frame = store.entities_frame(type="LOCATION")
        assert "Eilat" in set(frame["name"])
        assert store.entity(event.place_id).name == "Eilat"


def test_entity_counts_follow_the_same_filters_as_the_list(store):
    store.write(report("a" * 16, "A", "2025-03-12", [place("Damascus", DAMASCUS_SY)], []))
    store.write(report("b" * 16, "B", "2025-03-12", [place("Damascus", DAMASCUS_MD), russians()], []))
    assert store.count_entities() == len(store.entities(limit=None)) == 3
    assert store.count_entities(type="LOCATION", country="US") == len(store.entities(type="LOCATION", country="US")) == 1
    assert store.count_entities(name="Damascus") == 2
