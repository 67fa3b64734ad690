"""When events happened: the clause's own time, the report's date, the narrative, tense."""
from thucydides import extract


def whens(text: str, published: str):
    return [(v.type, v.when.start, v.when.end, v.when.precision) for v in extract(text, published=published).events]


def test_a_reported_date_is_the_event_date_of_a_present_perfect_claim():
    assert whens("Russian diplomats have begun evacuating the capital, Ukraine's HUR reported on Monday, Dec. 2.",
                 "2024-12-03") == [("WITHDRAWAL", "2024-12-02", "2024-12-02", "day")]


def test_the_report_date_of_an_earlier_report():
    assert whens("On Sunday, Dec. 1, Kyiv Post reported that Russian forces are facing heavy losses in Syria.",
                 "2024-12-02") == [("CASUALTIES", "2024-12-01", "2024-12-01", "day")]


def test_the_clause_s_own_expression_wins():
    assert whens("The Khimik group carried out a strike on Russian forces in Syria in late July 2024.",
                 "2024-12-02") == [("ATTACK", "2024-07-21", "2024-07-31", "part_of_month")]


def test_an_undated_present_perfect_is_the_report_s_day_and_an_undated_past_is_unknown():
    assert whens("Armed clashes have erupted in Damascus.", "2024-12-02") == [("BATTLE", "2024-12-02", "2024-12-02", "day")]
    assert whens("Rebels once captured the town of Maaloula.", "2024-12-02") == [("OFFENSIVE", None, None, "unknown")]


def test_a_date_in_a_relative_clause_belongs_to_the_clause_not_the_event():
    events = whens("On Sunday, Dec. 1, the Kremlin dismissed its commander in Syria.\n\n"
                   "In his place, the Kremlin appointed Gen. Alexander Chayko, who had commanded forces there "
                   "from 2017 to 2019.", "2024-12-02")
    assert events == [("LEADERSHIP", "2024-12-01", "2024-12-01", "day")] * 2


def test_an_offensive_that_began_on_a_day_runs_to_the_report():
    assert whens("The offensive that began on Nov. 27 is being carried out by Hayat Tahrir al-Sham.",
                 "2024-12-02") == [("OFFENSIVE", "2024-11-27", "2024-12-02", "range")]


def test_a_weekday_falls_before_a_past_report_and_a_future_plan_is_no_event():
    assert whens("Rebels attacked the base on Friday.", "2024-12-02")[0][1] == "2024-11-29"
    assert whens("Rebels will attack the base on Friday.", "2024-12-02") == []  # weekdays ahead: see the resolver table


def test_a_december_date_read_in_january():
    assert whens("Rebels attacked the base on Dec. 30.", "2025-01-03")[0][1:3] == ("2024-12-30", "2024-12-30")


def test_roles_get_their_period_and_the_change_of_leadership():
    x = extract("Gen. Ivan Popov, the commander of the 58th Army since 2022, was dismissed on Monday. "
                "The Kremlin appointed Gen. Alexander Chayko, who had commanded Russian forces in Syria from 2017 to 2019.",
                published="2024-12-04")
    people = {e.name: e for e in x.entities if e.type == "PERSON"}
    (popov,) = people["Ivan Popov"].roles
    assert (popov.title, popov.start, popov.end, popov.status) == ("commander of the 58th Army", "2022-01-01",
                                                                   "2024-12-02", "dismissed")
    (chayko,) = people["Alexander Chayko"].roles
    assert (chayko.start, chayko.end, chayko.status) == ("2017-01-01", "2019-12-31", "former")


def test_a_present_perfect_is_the_report_s_day_even_after_a_dated_paragraph():
    events = whens("Ukraine's General Staff said on Feb. 9 that its forces had struck a refinery.\n\n"
                   "Russian troops have captured the village of Novotoretske, according to DeepState.", "2025-02-10")
    assert events[-1] == ("OFFENSIVE", "2025-02-10", "2025-02-10", "day")


def test_a_dateline_does_not_take_the_sentence_s_date_away():
    found = whens("GAZA CITY (AP) \u2014 Israeli airstrikes killed at least 40 Palestinians across the Gaza Strip on "
                  "Saturday, the Health Ministry said.", "2024-07-14")
    assert found and all(start == "2024-07-13" for _, start, _, _ in found), found


def test_an_event_nested_in_another_s_phrase_keeps_its_own_time():
    found = whens("Hezbollah fired dozens of rockets at northern Israel on Sunday in response to the killing of one of "
                  "its commanders in an Israeli strike near Tyre last week.", "2024-07-14")
    assert found == [("ATTACK", "2024-07-14", "2024-07-14", "day"), ("ATTACK", "2024-07-01", "2024-07-07", "days")]


def test_killed_when_a_bomb_exploded_on_friday():
    assert {start for _, start, _, _ in whens("At least 12 people were killed when a car bomb exploded in a market in "
                                               "Mogadishu on Friday, police said.", "2024-10-19")} == {"2024-10-18"}
