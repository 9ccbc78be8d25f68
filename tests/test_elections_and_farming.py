"""Acts in the shapes dev32 showed: the bodies that act on technology in elections and the
media (election commissions, secretaries of state, broadcasting regulators) and in farming,
food and biotechnology (agriculture departments, food-safety agencies, state legislatures
and their enrolled bills)."""

from __future__ import annotations

from tests.extraction_support import entities_of, events_of, names, of_type

ENROLLED_BILL = """ENROLLED HOUSE
BILL NO. 3310

An Act relating to farm drones; defining terms; requiring certain registration; directing the
State Board of Agriculture to promulgate rules; providing penalties; and providing an effective date.

SECTION 1. The Department may issue an order stopping the use of any drone that is not registered.

Passed the House of Representatives the 4th day of March, 2026.

Presiding Officer of the House of Representatives

Passed the Senate the 15th day of April, 2026.

Approved by the Governor of the State of Nebraska this 2nd day of May, 2026, at 10:15 o'clock a.m.
"""


def test_an_enrolled_bills_endorsements_are_each_chambers_passage_and_the_governors_signature(extractor):
    found = of_type(events_of(extractor, ENROLLED_BILL, "2026-05-20"), "legislation")
    by_date = {e.date: e for e in found}
    assert set(by_date) == {"2026-03-04", "2026-04-15", "2026-05-02"}
    assert "House of Representatives" in " ".join(names(by_date["2026-03-04"].agent))
    assert "Senate" in " ".join(names(by_date["2026-04-15"].agent))
    assert by_date["2026-05-02"].attrs.get("stage") == "signed"
    assert "Nebraska" in " ".join(names(by_date["2026-05-02"].agent))


def test_what_a_bills_long_title_and_its_sections_say_is_done_by_nobody(extractor):
    found = events_of(extractor, ENROLLED_BILL, "2026-05-20")
    assert {e.type for e in found} == {"legislation"}


def test_a_subjectless_approval_by_a_board_is_no_signature(extractor):
    text = "Minutes of the March meeting.\nApproved by the Board on March 12, 2026.\n"
    assert of_type(events_of(extractor, text, "2026-03-20"), "legislation") == []


def test_a_passage_line_needs_a_legislature(extractor):
    text = "Quarterly inspection report.\nPassed the final inspection the 4th day of March, 2026.\n"
    assert of_type(events_of(extractor, text, "2026-03-20"), "legislation") == []


STATE_PUBLIC_ACT = """Substitute House Bill No. 5120

Public Act No. 26-88

AN ACT CONCERNING AGRICULTURAL DRONE REGISTRATION.

Be it enacted by the Senate and House of Representatives in General Assembly convened:

Section 1. Each operator of an agricultural drone shall register it with the department.

Approved May 28, 2026
"""


def test_a_state_public_acts_approval_is_its_governors_not_the_presidents(extractor):
    text = STATE_PUBLIC_ACT + "\nOFFICE OF THE GOVERNOR\nSTATE OF VERMONT\n"
    signed = of_type(events_of(extractor, text, "2026-06-01"), "legislation")
    assert [e.date for e in signed] == ["2026-05-28"]
    assert names(signed[0].agent) == {"Governor of Vermont"}


def test_a_statement_under_its_own_dated_heading_dates_its_yesterday_from_that_day(extractor):
    text = (
        ENROLLED_BILL
        + "".join(f"SECTION {n}. The Board shall keep a register of operators.\n\n" for n in range(2, 12))
        + "\n* * *\n\nSTATEMENT OF THE GOVERNOR ON HOUSE BILL 3310\n\nMay 6, 2026\n\n"
        + "Yesterday I signed House Bill 3310, which requires farm drones to be registered.\n\n"
        # (a statement long enough that its date is neither the document's head nor its foot)
        + "Growers asked for a register that is simple to use, and this law gives them one. " * 25
    )
    signed = [e for e in of_type(events_of(extractor, text, "2026-05-20"), "legislation") if "I" in names(e.agent)]
    assert [e.date for e in signed] in ([], ["2026-05-05"])
    assert "2026-05-19" not in {e.date for e in of_type(events_of(extractor, text, "2026-05-20"), "legislation")}


def test_a_parliament_approving_a_text_passes_it(extractor):
    text = "The European Parliament had approved the same text on Dec. 16 by 412 votes to 201."
    passed = of_type(events_of(extractor, text, "2026-01-21"), "legislation")
    assert [e.date for e in passed] == ["2025-12-16"]
    assert names(passed[0].agent) == {"European Parliament"}


def test_the_council_of_the_eu_adopting_a_regulation_legislates(extractor):
    text = "On Tuesday the Council of the EU adopted the regulation on new genomic techniques."
    found = events_of(extractor, text, "2026-01-21")
    assert [e.type for e in found] == ["legislation"]
    assert names(found[0].agent) == {"Council of the European Union"}


def test_an_agency_adopting_a_regulation_still_makes_a_rule(extractor):
    text = "On Tuesday the Food Standards Agency adopted the regulation on precision-bred food."
    assert [e.type for e in events_of(extractor, text, "2026-01-21")] == ["rule"]


def test_a_legislature_approving_a_companys_proposal_is_no_legislation(extractor):
    text = "Shareholders of Varrowby Foods approved the proposal on May 3."
    assert of_type(events_of(extractor, text, "2026-05-21"), "legislation") == []


def test_a_states_chambers_are_its_own_not_congresss(extractor):
    found = entities_of(
        extractor,
        "The California Senate passed the bill. The Maryland House of Delegates approved it. "
        "The Oklahoma House of Representatives passed it.",
    )
    assert found["California Senate"] == ("LEGISLATURE", "California Senate")
    assert found["Maryland House of Delegates"][0] == "LEGISLATURE"
    assert found["Oklahoma House of Representatives"][1] == "Oklahoma House of Representatives"
    assert "U.S. Senate" not in {canonical for _, canonical in found.values()}


def test_the_bare_senate_after_a_state_senate_is_that_senate(extractor):
    text = "The Maryland Senate passed the bill 31-4 on April 2. The Senate had debated it for weeks."
    found = entities_of(extractor, text)
    assert found["Senate"] == ("LEGISLATURE", "Maryland Senate")


def test_the_bare_senate_stays_congresss_where_the_us_senate_is_written_out(extractor):
    text = (
        "The Maryland Senate passed its bill on April 2. The U.S. Senate passed a federal bill. The Senate adjourned."
    )
    found = entities_of(extractor, text)
    assert found["Senate"][1] == "U.S. Senate"


def test_a_house_of_delegates_approving_it_passes_the_bill_just_told(extractor):
    text = "House Bill 1187 cleared the State Senate 38-9 on April 6. The House of Delegates had approved it in March."
    passed = of_type(events_of(extractor, text, "2026-04-29"), "legislation")
    assert sorted(e.date for e in passed) == ["2026-03", "2026-04-06"]
    assert {n for e in passed for n in names(e.agent)} >= {"House of Delegates"}


def test_a_countrys_parliament_is_the_legislature_not_the_country(extractor):
    text = "Italy's parliament gave final approval to the ban in November 2023."
    passed = of_type(events_of(extractor, text, "2026-11-05"), "legislation")
    assert [e.date for e in passed] == ["2023-11"]
    assert names(passed[0].agent) == {"Italy's parliament"}


def test_a_repository_the_company_launched_is_a_launch(extractor):
    text = "Vidrane expanded its ad repository, which the company launched on 2 May 2025."
    launches = of_type(events_of(extractor, text, "2026-06-01"), "launch")
    assert [e.date for e in launches] == ["2025-05-02"]
    assert "ad repository" in names(launches[0].target)


def test_an_app_we_launched_names_the_app_in_apposition(extractor):
    text = "Sorrelby Media said KZQN Now, the free streaming app we launched in 2023, has two million users."
    launches = of_type(events_of(extractor, text, "2026-06-01"), "launch")
    assert [e.date for e in launches] == ["2023"]


def test_apps_people_use_every_day_are_no_launch(extractor):
    text = "Regulators said the apps children use every day collect too much data."
    assert of_type(events_of(extractor, text, "2026-06-01"), "launch") == []


def test_a_finding_of_reason_to_believe_opens_an_investigation(extractor):
    text = (
        "On February 21, 2025, the Federal Election Commission found reason to believe that Orlan PAC violated the Act."
    )
    found = of_type(events_of(extractor, text, "2025-06-01"), "investigation")
    assert [e.date for e in found] == ["2025-02-21"]
    assert names(found[0].target) == {"Orlan PAC"}


def test_no_reason_to_believe_opens_nothing(extractor):
    text = "The Federal Election Commission found no reason to believe that Orlan PAC violated the Act."
    assert of_type(events_of(extractor, text, "2025-06-01"), "investigation") == []


def test_a_states_department_is_its_own_not_the_federal_one(extractor):
    found = entities_of(
        extractor,
        "An inspector of the Kansas Department of Agriculture visited the warehouse. The Iowa Department "
        "of Agriculture and Land Stewardship suspended the licence. The U.S. Department of Agriculture said so.",
    )
    assert found["Kansas Department of Agriculture"] == ("AGENCY", "Kansas Department of Agriculture")
    assert found["Iowa Department of Agriculture and Land Stewardship"][0] == "AGENCY"
    assert found["U.S. Department of Agriculture"][1] == "U.S. Department of Agriculture"


def test_an_inspector_of_a_state_department_inspects_for_it(extractor):
    text = "On July 15, 2025, an inspector of the Kansas Department of Agriculture inspected the Salina warehouse of Windmere Aerial."
    found = of_type(events_of(extractor, text, "2025-09-01"), "investigation")
    assert [e.date for e in found] == ["2025-07-15"]
    assert names(found[0].agent) == {"Kansas Department of Agriculture"}


def test_officers_of_the_carabinieri_inspect_for_it(extractor):
    text = "Officers of the Carabinieri's health protection unit inspected the Trattoria Belmonte on Oct. 9."
    found = of_type(events_of(extractor, text, "2026-11-05"), "investigation")
    assert [e.date for e in found] == ["2026-10-09"]
    assert "Carabinieri" in names(found[0].agent)


def test_a_restraining_order_granted_on_a_states_request_rules_against_the_party_it_bars(extractor):
    text = (
        "A Lancaster County District Court judge on Tuesday granted the state's request for a temporary "
        "restraining order barring Pellworth Agronomics from selling farm data."
    )
    rulings = of_type(events_of(extractor, text, "2026-08-12"), "ruling")
    assert [e.date for e in rulings] == ["2026-08-11"]
    assert names(rulings[0].target) == {"Pellworth Agronomics"}


def test_a_judge_who_declined_to_dismiss_a_suit_rules_against_its_defendant(extractor):
    text = "The judge declined to dismiss the FTC's lawsuit against Kestmoor Machinery on Tuesday."
    rulings = of_type(events_of(extractor, text, "2026-08-12"), "ruling")
    assert [e.date for e in rulings] == ["2026-08-11"]
    assert names(rulings[0].target) == {"Kestmoor Machinery"}


def test_a_judge_asked_to_dismiss_who_has_not_ruled_has_not_ruled(extractor):
    text = "Kestmoor asked the judge to dismiss the case last week, but the judge has not ruled."
    assert of_type(events_of(extractor, text, "2026-08-12"), "ruling") == []


def test_a_sued_company_the_model_missed_is_named_not_its_description(extractor):
    text = (
        "The Nebraska Attorney General's office on Monday sued Tarrow Agronomics, the Kansas City "
        "company behind the Croplume precision-agriculture app, accusing it of selling data."
    )
    suits = of_type(events_of(extractor, text, "2026-08-12"), "lawsuit")
    assert len(suits) == 1
    assert names(suits[0].target) == {"Tarrow Agronomics"}


def test_a_committee_that_questioned_a_witness_held_a_hearing(extractor):
    text = "The Senate Rules and Administration Committee on Tuesday questioned Sharlene Ramsby, Vidrane's head of election integrity."
    hearings = of_type(events_of(extractor, text, "2026-05-20"), "meeting")
    assert [e.date for e in hearings] == ["2026-05-19"]
    assert "Sharlene Ramsby" in names(hearings[0].target)


def test_a_committee_that_will_question_executives_has_held_nothing(extractor):
    text = (
        "The Senate Rules and Administration Committee will question the chief executives of three platforms next week."
    )
    assert of_type(events_of(extractor, text, "2026-05-20"), "meeting") == []


def test_a_department_of_law_is_a_body_not_a_statute(extractor):
    found = entities_of(
        extractor,
        "The Colorado Department of Law filed a lawsuit against Basketly, Inc. The Department of Law Act 1990 applies.",
    )
    assert found["Colorado Department of Law"][0] == "AGENCY"
    assert all(label != "AGENCY" for text, (label, _) in found.items() if text.endswith("Act"))


DECERTIFICATION = """STATE OF NEVADA
DEPARTMENT OF STATE

Election Order No. 2026-E-4

IN THE MATTER OF THE CERTIFICATION OF QUELLTON BALLOT SYSTEMS TALLYPRO 3

ORDER OF DECERTIFICATION

The Nevada Secretary of State ("the Secretary") makes the following findings and issues the following order.

1. Staff examined 120 devices in two counties. The Secretary may seek to enforce this order in district court.

IT IS THEREFORE ORDERED that the Quellton Ballot Systems TallyPro 3 voting system is DECERTIFIED for use in elections in the State of Nevada.

Dated this 5th day of March, 2026.
"""


def test_an_order_of_decertification_under_a_state_letterhead_is_the_departments_order(extractor):
    found = events_of(extractor, DECERTIFICATION, "2026-03-09")
    assert "ruling" not in {e.type for e in found}  # a department's order, though it names a court
    orders = of_type(found, "order")
    assert [e.date for e in orders] == ["2026-03-05"]
    assert [a.canonical for a in orders[0].agent] == ["Nevada Department Of State"]


def test_it_in_a_clause_of_time_takes_up_the_name_just_before(extractor):
    text = (
        "A Gila County Superior Court judge on Monday blocked the county Board of Supervisors from hand "
        "counting ballots, siding with the Arizona Attorney General's Office days after it sued."
    )
    suits = of_type(events_of(extractor, text, "2026-03-17"), "lawsuit")
    assert suits and all("Board of Supervisors" not in names(e.agent) for e in suits)
