"""Investment-screening orders, sanctions notices and delegated legislation from outside the
United States, in the shapes dev27 showed: the buyer a prohibition acts on, ministries the
gazetteer now knows, call-in notices, challenged decrees, tribunals, procedural time limits, a
cabinet's "measures", Japanese Cabinet Orders, a committee's entries named below its release,
the means of listing, and regulations a Governor in Council "makes"."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_a_prohibited_acquisition_acts_on_the_buyer(extractor):
    text = (
        "The Federal Ministry for Economic Affairs and Energy today prohibited the acquisition of all shares "
        "in Wartburg Feinoptik GmbH, Jena, by Qinglan Europe Holdings S.A., Luxembourg."
    )
    orders = of_type(events_of(extractor, text, "2025-09-03"), "order")
    assert len(orders) == 1
    assert names(orders[0].agent) == {"Federal Ministry for Economic Affairs and Energy"}
    assert "Qinglan Europe Holdings" in names(orders[0].target)


def test_an_order_prohibiting_an_acquisition_names_the_buyer(extractor):
    text = (
        "On Tuesday the President issued an order prohibiting the acquisition of Merrow Point Analytics, Inc. "
        "by Haiyun Ocean Data (HK) Limited."
    )
    orders = of_type(events_of(extractor, text, "2025-12-04"), "order")
    assert len(orders) == 1
    assert "Haiyun Ocean Data (HK)" in names(orders[0].target)


def test_the_ministrys_former_name_and_initials_are_the_same_ministry(extractor):
    text = (
        "The Federal Ministry for Economic Affairs and Climate Action (BMWK) opened an in-depth examination of "
        "the transaction in November 2024."
    )
    inquiries = of_type(events_of(extractor, text, "2025-05-14"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].agent) == {"Federal Ministry for Economic Affairs and Energy"}


def test_a_call_in_notice_opens_an_assessment(extractor):
    text = (
        "The Secretary of State issued a call-in notice for the acquisition of Blakeney Photonics Limited "
        "on 3 March 2025."
    )
    inquiries = of_type(events_of(extractor, text, "2025-07-11"), "investigation")
    assert len(inquiries) == 1
    assert inquiries[0].date == "2025-03-03"


def test_the_act_that_received_royal_assent_in_a_relative_clause_was_enacted(extractor):
    text = (
        "The Act, which received Royal Assent on 29 April 2021, allows the Government to scrutinise "
        "acquisitions that could harm national security."
    )
    laws = of_type(events_of(extractor, text, "2025-07-11"), "legislation")
    assert len(laws) == 1
    assert laws[0].date == "2021-04-29"


def test_a_challenge_to_that_decree_is_against_whoever_issued_it(extractor):
    text = (
        "Whereas, by decree of 9 October 2023, the President of the Council of Ministers imposed on Vellmar "
        "Infrastructure Partners S.p.A. an administrative fine of EUR 120,000;\n\n"
        "Whereas Vellmar Infrastructure Partners challenged that decree before the Regional Administrative "
        "Tribunal for Lazio by an action filed on 7 December 2023;"
    )
    suits = of_type(events_of(extractor, text, "2025-06-01"), "lawsuit")
    assert len(suits) == 1
    assert names(suits[0].target) == {"Presidency of the Council of Ministers"}


def test_a_tribunal_the_gazetteer_lacks_is_a_court_that_rules(extractor):
    text = (
        "On 12 March 2024, the Regional Administrative Tribunal for Lazio dismissed the action brought by "
        "Vellmar Infrastructure Partners SCSp."
    )
    rulings = of_type(events_of(extractor, text, "2025-06-01"), "ruling")
    assert len(rulings) == 1
    assert all(r.type == "COURT" for r in rulings[0].agent)


def test_a_time_limit_that_stayed_suspended_is_no_suspension(extractor):
    text = (
        "The Department asked the notifying party for more information, and the time limit of the procedure "
        "remained suspended until the reply was received on 12 May 2025."
    )
    assert of_type(events_of(extractor, text, "2025-06-01"), "suspension") == []


def test_measures_a_cabinet_approved_are_no_bill(extractor):
    text = (
        "In view of the situation surrounding Ukraine, the Government of Japan approved the following measures "
        "at today's Cabinet meeting under the Foreign Exchange and Foreign Trade Act."
    )
    assert of_type(events_of(extractor, text, "2025-10-10"), "legislation") == []


def test_a_cabinet_order_amending_the_export_trade_control_order_is_a_regulation(extractor):
    text = (
        "The Cabinet Order partially amending the Export Trade Control Order, which the Cabinet approved on "
        "3 October 2025, adds machine-tool software to the items whose export to Russia is prohibited."
    )
    events = events_of(extractor, text, "2025-10-10")
    assert of_type(events, "order") == []
    assert len(of_type(events, "rule")) == 1


COMMITTEE_RELEASE = """On 4 November 2025, the Security Council Committee approved the addition of the entry specified
below to its Sanctions List of individuals and entities subject to the assets freeze.

B. Entities and other groups
QDe.181 Name: HALAB AL-NOUR EXCHANGE
Listed on: 4 Nov. 2025

On the same date, the Committee also approved the removal of the following entry from its Sanctions List:

QDi.377 Name: 1: SAMIR 2: ODEH 3: BARAKAT 4: na
"""


def test_a_committees_entries_below_its_release_are_whom_it_listed_and_delisted(extractor):
    listings = of_type(events_of(extractor, COMMITTEE_RELEASE, "2025-11-05"), "designation")
    added = [e for e in listings if e.attrs.get("action") == "add"]
    removed = [e for e in listings if e.attrs.get("action") == "remove"]
    assert len(added) == 1 and len(removed) == 1
    assert {n.lower() for n in names(added[0].target)} == {"halab al-nour exchange"}
    assert {n.lower() for n in names(removed[0].target)} >= {"samir odeh barakat"}
    assert added[0].date == "2025-11-04"


def test_the_means_of_listing_is_no_listing(extractor):
    text = "Regulations are the only means of listing persons under the Special Economic Measures Act."
    assert of_type(events_of(extractor, text, "2026-03-11"), "designation") == []


def test_regulations_the_governor_in_council_makes_are_a_final_rule(extractor):
    text = (
        "Her Excellency the Governor General in Council, on the recommendation of the Minister of Foreign "
        "Affairs, makes the annexed Regulations Amending the Special Economic Measures (Belarus) Regulations."
    )
    rules = of_type(events_of(extractor, text, "2026-03-11"), "rule")
    assert len(rules) == 1
    assert rules[0].attrs.get("stage") == "final"


def test_regulations_a_government_made_told_in_passing_are_told_once(extractor):
    text = "The amending regulations that the Government made on 30 October close the gap that the company exploited."
    assert len(of_type(events_of(extractor, text, "2025-11-20"), "rule")) <= 1


PLEA = """Case 3:26-cr-00412-MKT    Document 22    Filed 09/14/26    Page 1 of 6

FILED IN OPEN COURT
SEPTEMBER 14, 2026
CLERK, U.S. DISTRICT COURT, DISTRICT OF OREGON

UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF OREGON

UNITED STATES OF AMERICA,
v.
DORIAN VASHCHENKO,
Defendant.

PLEA AGREEMENT

1. Charges. Defendant agrees to plead guilty to Count One of the Information, which charges him with
conspiracy to violate the International Emergency Economic Powers Act.

2. Factual Basis. The Office of Foreign Assets Control designated Kazan Optronika JSC in May 2024. Its
property became blocked, and U.S. persons were barred from dealing with it.

I have read this agreement, reviewed it with my attorney, and voluntarily agree to its terms.
"""


def test_a_plea_agreement_is_the_districts_prosecutors_charge_on_the_day_it_was_filed(extractor):
    penalties = of_type(events_of(extractor, PLEA, "2026-09-18"), "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].agent) == {"U.S. Attorney's Office for the District of Oregon"}
    assert penalties[0].date == "2026-09-14"


def test_what_a_listing_bars_and_a_defendants_reading_are_no_acts(extractor):
    events = events_of(extractor, PLEA, "2026-09-18")
    assert of_type(events, "order") == []
    assert of_type(events, "investigation") == []
    assert len(of_type(events, "designation")) == 1


def test_a_rule_recited_with_its_maker_and_read_in_its_sentence_is_told_once(extractor):
    text = (
        "The Bureau proposed these amendments in a notice of proposed rulemaking published in the Federal "
        "Register on October 22, 2024."
    )
    rules = of_type(events_of(extractor, text, "2025-06-17"), "rule")
    assert len(rules) == 1
    assert rules[0].attrs.get("stage") == "proposed"
