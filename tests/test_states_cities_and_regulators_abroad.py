"""Acts in the shapes dev28 showed, of U.S. states and cities (a commission's decision approving a
settlement, a board's approval of an order, a council's vote, a governor's order told through what it
makes agencies do, a state's own list of banned technologies, a permit suspended and a fleet pulled
off the streets, state courts and legislatures, the names state bodies go by) and of regulators and
courts abroad (bulleted timelines, directions challenged in court, "the Hon'ble Court", assessments,
infringement notices, boards' resolutions, upper-case wire copy)."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

SETTLEMENT_DECISION = """ALJ/KQW/mh4                                   Date of Issuance 3/23/2026

Decision 26-03-004  March 19, 2026

BEFORE THE PUBLIC UTILITIES COMMISSION OF THE STATE OF CALIFORNIA

Order Instituting Investigation on the Commission's Own Motion into the Billing Practices of Brantwell Telecom, Inc.

DECISION APPROVING SETTLEMENT AGREEMENT BETWEEN THE CONSUMER PROTECTION AND ENFORCEMENT DIVISION AND BRANTWELL TELECOM, INC.

Summary

This decision approves the settlement agreement between the Commission's Consumer Protection and
Enforcement Division and Brantwell Telecom, Inc. (Brantwell). Under the agreement Brantwell will pay
$1,200,000 to the State of California General Fund.

1. Background

The Commission opened this investigation on June 4, 2025.

ORDER

IT IS ORDERED that:

1. The Settlement Agreement between the Consumer Protection and Enforcement Division and Brantwell
Telecom, Inc., attached as Attachment A, is approved.

2. Brantwell Telecom, Inc. shall pay $1,200,000 to the State of California General Fund within 30 days.

This order is effective today.

Dated March 19, 2026, at San Francisco, California.
"""


def test_a_decision_approving_a_settlement_is_the_commissions_penalty_of_its_own_day(extractor):
    penalties = of_type(events_of(extractor, SETTLEMENT_DECISION, "2026-03-23"), "penalty")
    assert len(penalties) == 1  # the summary's "will pay" is the decision's own act, not a second one
    assert names(penalties[0].agent) == {"California Public Utilities Commission"}
    assert names(penalties[0].target) == {"Brantwell Telecom"}
    assert penalties[0].date == "2026-03-19"
    assert "is approved" in penalties[0].evidence


def test_the_boards_approval_of_the_order_dates_it_and_is_no_second_order(extractor):
    text = (
        "SACRAMENTO — The California Privacy Protection Agency's Board has ordered Quenmore Lists LLC, a "
        "Nevada data broker, to pay a $38,000 administrative fine for failing to register, the Agency "
        "announced today.\n\nThe Board approved the order at a closed session on March 12."
    )
    found = events_of(extractor, text, "2026-03-17")
    assert [e.type for e in found] == ["penalty"]
    assert found[0].date == "2026-03-12"


def test_money_set_aside_for_restitution_is_no_ruling(extractor):
    text = (
        "Tollmere Tickets, Inc. will pay $900,000 under an Assurance of Voluntary Compliance filed in "
        "Commonwealth Court. Of the payment, $700,000 is set aside for restitution."
    )
    assert of_type(events_of(extractor, text, "2026-03-17"), "ruling") == []


def test_the_company_is_not_the_commonwealth_named_before_it(extractor):
    text = (
        "Tollmere Tickets, Inc. will pay $900,000 to the Commonwealth for costs. The company also stopped "
        "selling resale tickets for two Pittsburgh venues in March."
    )
    halts = of_type(events_of(extractor, text, "2026-05-20"), "suspension")
    assert len(halts) == 1
    assert names(halts[0].agent) == {"Tollmere Tickets"}


def test_a_states_public_service_commission_is_not_the_state_department(extractor):
    text = "The New York State Public Service Commission fined Orrinby Fiber Inc. $2 million on Tuesday."
    fines = of_type(events_of(extractor, text, "2026-04-09"), "penalty")
    assert len(fines) == 1
    assert names(fines[0].agent) == {"New York State Public Service Commission"}


def test_a_bureaus_headline_folds_into_the_commissions_telling(extractor):
    text = (
        "FCC ENFORCEMENT BUREAU REACHES $900,000 SETTLEMENT WITH CAMERA MAKER OVER UNAUTHORIZED DEVICES\n\n"
        "WASHINGTON, MAY 4, 2026—THE FEDERAL COMMUNICATIONS COMMISSION'S ENFORCEMENT BUREAU TODAY ANNOUNCED "
        "THAT LOWBRIDGE OPTICS, INC. HAS AGREED TO PAY A $900,000 CIVIL PENALTY TO RESOLVE AN INVESTIGATION "
        "INTO ITS MARKETING OF CAMERAS THAT HAD NOT BEEN AUTHORIZED."
    )
    assert len(of_type(events_of(extractor, text, "2026-05-04"), "penalty")) == 1


def test_a_governors_order_acts_on_what_agencies_must_remove_under_it(extractor):
    text = (
        "AUSTIN, Texas — State agencies must remove the Pellacorn video app from government-issued phones "
        "within 30 days under an executive order the governor signed on Tuesday."
    )
    orders = of_type(events_of(extractor, text, "2026-02-11"), "order")
    assert len(orders) == 1
    assert "Pellacorn" in names(orders[0].target)
    assert orders[0].date == "2026-02-10"


def test_two_departments_add_a_named_company_to_the_states_list_of_prohibited_technologies(extractor):
    text = (
        "The order tells the Department of Information Resources and the Department of Public Safety to "
        "treat the app as they treat other banned apps. The two departments added Pellacorn and its "
        "developer, Yuanshi Interactive Co., to the state's list of prohibited technologies the same day."
    )
    listings = of_type(events_of(extractor, text, "2026-02-11"), "designation")
    assert len(listings) == 1
    assert names(listings[0].target) >= {"Yuanshi Interactive"}
    assert names(listings[0].agent) == {"Department of Information Resources", "Department of Public Safety"}


def test_things_added_to_a_list_of_technologies_are_still_no_listing(extractor):
    text = "Commerce added 14 quantum sensing items to the list of controlled technologies on Friday."
    assert of_type(events_of(extractor, text, "2026-02-11"), "designation") == []


def test_an_operator_that_takes_its_scooters_off_the_streets_suspends_its_service(extractor):
    text = (
        "The city suspended Brookvane Mobility's scooter permit on Monday. Brookvane took its roughly 900 "
        "scooters off Denver streets two days later."
    )
    halts = [e for e in of_type(events_of(extractor, text, "2026-06-18"), "suspension") if e.date == "2026-06-17"]
    assert len(halts) == 1
    assert all("Brookvane" in name for name in names(halts[0].agent))


def test_a_plane_that_takes_off_suspends_nothing(extractor):
    text = "The chartered plane took off from Denver on Monday with the delegation on board."
    assert of_type(events_of(extractor, text, "2026-06-18"), "suspension") == []


def test_a_council_that_votes_to_require_passes_its_ordinance(extractor):
    text = (
        "The Saginaw City Council voted 7-2 on Monday night to require council approval before any city "
        "department buys surveillance technology."
    )
    laws = of_type(events_of(extractor, text, "2026-01-14"), "legislation")
    assert len(laws) == 1
    assert names(laws[0].agent) == {"Saginaw City Council"}
    assert laws[0].date == "2026-01-12"


def test_a_council_that_votes_to_approve_a_contract_passes_no_law(extractor):
    text = "The Saginaw City Council voted 7-2 on Monday to approve a paving contract with a local firm."
    assert of_type(events_of(extractor, text, "2026-01-14"), "legislation") == []


def test_it_in_what_a_department_said_it_did_is_the_department(extractor):
    text = "the police department said it switched off its 22 license-plate readers on tuesday, a day after the vote."
    halts = of_type(events_of(extractor, text, "2026-01-14"), "suspension")
    assert len(halts) == 1
    assert {n.lower() for n in names(halts[0].agent)} == {"the police department"}
    assert names(halts[0].target) == {"22 license-plate readers"}


STATE_SUPREME_COURT_STORY = (
    "CHICAGO — The Illinois Supreme Court on Thursday revived a proposed class action accusing a gym chain "
    "of scanning members' palms without consent.\n\n"
    "In a 5-2 decision, the court affirmed the Appellate Court's judgment and sent the case back to the "
    "Circuit Court of Cook County. Wexmoor Fitness Clubs had argued that the statute did not apply.\n\n"
    "The case began in March 2022, when Talia Brennock, a former member of Wexmoor's Evanston location, sued "
    "the company in the Circuit Court of Cook County. A Cook County judge dismissed the complaint in June 2023. "
    "The Appellate Court reversed that judgment in September 2024, and the Supreme Court agreed to hear "
    "Wexmoor's appeal. The Circuit Court must still rule on class certification.\n\n"
    "The General Assembly responded to an earlier ruling with an amendment that limits recovery to one "
    "violation per person for repeated collection by the same method, which the governor signed in August 2024."
)


def test_a_bare_supreme_court_in_a_state_courts_story_is_that_court(extractor):
    from nlp.pipeline import DocInput

    result = extractor.extract(DocInput("t", STATE_SUPREME_COURT_STORY, "2025-12-19"))
    supreme = {m.canonical for m in result.entities if m.text.endswith("Supreme Court")}
    assert supreme == {"Illinois Supreme Court"}
    circuit = {m.canonical for m in result.entities if "Circuit Court" in m.text}
    assert circuit == {"Circuit Court of Cook County"}


def test_the_us_supreme_court_written_out_stays_the_us_court(extractor):
    from nlp.pipeline import DocInput

    text = (
        "The Illinois Supreme Court ruled against the gym chain on Monday. The U.S. Supreme Court has not "
        "taken such a case, and the Supreme Court's docket shows none pending."
    )
    result = extractor.extract(DocInput("t", text, "2025-12-19"))
    federal = {m.canonical for m in result.entities if m.text in ("U.S. Supreme Court", "Supreme Court")}
    assert federal == {"Supreme Court of the United States"}


def test_a_state_supreme_court_revives_a_suit_against_the_company_it_is_about(extractor):
    rulings = of_type(events_of(extractor, STATE_SUPREME_COURT_STORY, "2025-12-19"), "ruling")
    top = [r for r in rulings if r.date == "2025-12-18"]
    assert len(top) == 1  # "revived" and "affirmed" are the one decision
    assert names(top[0].agent) == {"Illinois Supreme Court"}
    assert names(top[0].target) == {"Wexmoor"}  # not the Appellate Court it affirmed


def test_a_plaintiff_described_as_a_member_of_a_gym_sues_alone(extractor):
    suits = of_type(events_of(extractor, STATE_SUPREME_COURT_STORY, "2025-12-19"), "lawsuit")
    assert len(suits) == 1
    assert names(suits[0].agent) == {"Talia Brennock"}
    assert names(suits[0].target) == {"Wexmoor"}  # "the company", not its "Evanston location"


def test_a_dismissed_complaint_is_a_ruling_against_whoever_brought_it(extractor):
    rulings = of_type(events_of(extractor, STATE_SUPREME_COURT_STORY, "2025-12-19"), "ruling")
    dismissal = next(r for r in rulings if r.date == "2023-06")
    assert names(dismissal.target) == {"Talia Brennock"}


def test_an_amendment_the_governor_signed_after_a_long_relative_clause_is_law(extractor):
    laws = of_type(events_of(extractor, STATE_SUPREME_COURT_STORY, "2025-12-19"), "legislation")
    assert [(law.date, law.attrs.get("stage")) for law in laws] == [("2024-08", "signed")]


def test_a_committee_that_heard_testimony_met(extractor):
    text = "The House Economic Matters Committee heard testimony on Feb. 26 on a bill to create a data broker registry."
    meetings = of_type(events_of(extractor, text, "2026-03-11"), "meeting")
    assert [(m.date, names(m.agent)) for m in meetings] == [("2026-02-26", {"House Economic Matters Committee"})]


def test_staff_that_took_testimony_from_traders_held_no_meeting(extractor):
    text = "Enforcement staff reviewed chat messages and took testimony from the firm's traders in 2025."
    assert of_type(events_of(extractor, text, "2026-03-11"), "meeting") == []


def test_a_newsletters_contents_line_is_no_act_of_its_own(extractor):
    text = (
        "In this issue: a port cuts off crane software, and Texas proposes AI disclosure rules.\n\n"
        "1. TEXAS: The Texas Department of Insurance published proposed rules on Friday that would require "
        "insurers to disclose automated pricing."
    )
    rules = of_type(events_of(extractor, text, "2026-03-11"), "rule")
    assert [(r.date, names(r.agent)) for r in rules] == [("2026-03-06", {"Texas Department of Insurance"})]


def test_a_states_board_of_pharmacy_acts_on_a_pharmacy_its_apposition_names(extractor):
    text = (
        "The State of Ohio Board of Pharmacy on Tuesday summarily suspended the license of Quillmere Rx, a "
        "mail-order pharmacy. The board began looking into the pharmacy earlier this year, after a physician "
        "filed a complaint. Quillmere Rx is owned by Quillmere Health, which launched its weight-loss "
        "subscription in 2024."
    )
    found = events_of(extractor, text, "2026-05-14")
    [halt] = of_type(found, "suspension")
    assert names(halt.agent) == {"State of Ohio Board of Pharmacy"}
    assert [r.type for r in halt.target] == ["ORG"]  # "Quillmere Rx, a mail-order pharmacy": no person
    [launch] = of_type(found, "launch")
    assert names(launch.agent) == {"Quillmere Health"} and launch.date == "2024"


BILL_TIMELINE = """FRANKFORT, Ky. — A trade group sued Kentucky on Monday to block a law on minors' location data.

How the law got here

Feb. 12: The House passed HB 388, 81-14.

March 20: The governor vetoed the bill.

March 26: The General Assembly overrode the veto, 76-19 in the House and 29-7 in the Senate.

August: The attorney general's office filed proposed administrative regulations spelling out how companies should decide whether a user is a minor.
"""


def test_a_legislature_that_overrides_a_veto_enacts_the_bill(extractor):
    laws = of_type(events_of(extractor, BILL_TIMELINE, "2026-10-21"), "legislation")
    override = [law for law in laws if law.date == "2026-03-26"]
    assert len(override) == 1
    assert names(override[0].agent) == {"General Assembly"}
    assert override[0].agent[0].type == "LEGISLATURE"


def test_a_timelines_month_label_dates_the_line_it_heads(extractor):
    rules = of_type(events_of(extractor, BILL_TIMELINE, "2026-10-21"), "rule")
    assert [(r.date, r.attrs.get("stage")) for r in rules] == [("2026-08", "proposed")]


def test_a_month_label_dates_nothing_outside_a_line_start(extractor):
    import datetime as dt

    from nlp import dates

    assert dates.find_dates("The report said: August was hot.", dt.date(2026, 10, 21)) == []


CCI_TIMELINE = """NEW DELHI, Aug 22 — The Competition Commission of India (CCI) has imposed a penalty of ₹90 crore on Rashmira Payments Private Limited, the operator of the Rashmira app, in a final order passed on Wednesday.

How the case unfolded

- 14 September 2023: Finding a prima facie case, the Commission directed its Director General to investigate the matter under Section 26(1) of the Act.
- 2024: Rashmira challenged the Section 26(1) direction in a writ petition before the Karnataka High Court. The Hon'ble Court declined to stay the investigation in July 2024.
"""


def test_a_bulleted_timelines_labels_date_its_lines(extractor):
    found = events_of(extractor, CCI_TIMELINE, "2025-08-22")
    [probe] = of_type(found, "investigation")
    assert probe.date == "2023-09-14"
    [suit] = of_type(found, "lawsuit")
    assert suit.date == "2024"


def test_a_direction_to_investigate_the_matter_is_aimed_at_the_company_and_challenged_as_its_makers(extractor):
    found = events_of(extractor, CCI_TIMELINE, "2025-08-22")
    [probe] = of_type(found, "investigation")
    assert names(probe.target) == {"Rashmira Payments"}
    [suit] = of_type(found, "lawsuit")
    assert names(suit.target) == {"Competition Commission of India"}


def test_the_honble_court_is_the_court_named_before_and_its_refusal_to_stay_is_against_the_petitioner(extractor):
    [ruling] = of_type(events_of(extractor, CCI_TIMELINE, "2025-08-22"), "ruling")
    assert names(ruling.agent) == {"Karnataka High Court"}
    assert names(ruling.target) == {"Rashmira Payments"}


def test_a_description_before_a_name_gives_way_to_the_name(extractor):
    text = "Turkey's Competition Board has fined the online marketplace Kestrelpazar 1.1 billion lira."
    [fine] = of_type(events_of(extractor, text, "2025-10-09"), "penalty")
    assert names(fine.target) == {"Kestrelpazar"}


def test_an_act_in_the_same_meeting_takes_the_meetings_day(extractor):
    text = (
        "The Board took the decision at its meeting of 25 September 2025 and fined Kestrelpazar 1.1 billion lira. "
        "In the same meeting, the Board decided to open an investigation into Yolvaris."
    )
    [probe] = of_type(events_of(extractor, text, "2025-10-09"), "investigation")
    assert probe.date == "2025-09-25"


def test_an_inspection_process_opened_into_an_app_is_an_investigation(extractor):
    text = "The Authority said it opened an inspection process into the Quorava app in August."
    [probe] = of_type(events_of(extractor, text, "2025-12-10"), "investigation")
    assert probe.date == "2025-08"


def test_an_authoritys_preventive_measure_is_no_law(extractor):
    text = (
        "Brazil's National Data Protection Authority has ordered the telehealth app Quorava to stop using "
        "health data for advertising, in a preventive measure signed on Monday."
    )
    assert of_type(events_of(extractor, text, "2025-12-10"), "legislation") == []


REGULATOR_STATEMENT = """MEDIA STATEMENT

18 February 2026

The Information Regulator (the Regulator) has issued an infringement notice to Ndlovu Credit Services (Pty) Ltd (Ndlovu), imposing an administrative fine of R5 million for its failure to comply with an enforcement notice. The infringement notice was issued on Monday, 16 February 2026.

The Regulator commenced an assessment in terms of section 89 of POPIA on 3 March 2025, after receiving complaints from consumers.

On 29 September 2025, the Regulator issued an enforcement notice directing Ndlovu to stop selling consumer credit information.

Ndlovu lodged an application in the Gauteng Division of the High Court, Pretoria, on 19 November 2025, seeking to review and set aside the enforcement notice.
"""


def test_an_infringement_notice_issued_on_a_named_day_dates_its_fine(extractor):
    [fine] = of_type(events_of(extractor, REGULATOR_STATEMENT, "2026-02-18"), "penalty")
    assert fine.date == "2026-02-16"


def test_a_regulator_that_commenced_an_assessment_investigates(extractor):
    [probe] = of_type(events_of(extractor, REGULATOR_STATEMENT, "2026-02-18"), "investigation")
    assert probe.date == "2025-03-03"
    assert names(probe.agent) == {"Information Regulator of South Africa"}


def test_an_application_lodged_in_a_high_court_division_challenges_the_regulator(extractor):
    [suit] = of_type(events_of(extractor, REGULATOR_STATEMENT, "2026-02-18"), "lawsuit")
    assert suit.date == "2025-11-19"
    assert names(suit.target) == {"Information Regulator of South Africa"}  # not "Gauteng Division"


def test_a_name_the_model_ran_into_a_sum_ends_before_it(extractor):
    text = (
        "Mexico's Federal Economic Competition Commission (COFECE) has fined the digital payments company "
        "Pagosur Servicios Financieros 318 million pesos (about $16.7 million) for tying terminals."
    )
    [fine] = of_type(events_of(extractor, text, "2025-06-25"), "penalty")
    assert names(fine.target) == {"Pagosur Servicios Financieros"}


def test_a_boards_approved_resolution_dates_the_fine_and_is_no_law(extractor):
    text = (
        "MEXICO CITY, June 25 — Mexico's Federal Economic Competition Commission (COFECE) has fined Tepalca "
        "Pagos 318 million pesos, the regulator said on Tuesday.\n\nThe commission's board (Pleno) approved "
        "the resolution unanimously on June 12.\n\nTepalca said it had filed an amparo lawsuit against the "
        "resolution on Monday."
    )
    found = events_of(extractor, text, "2025-06-25")
    assert of_type(found, "legislation") == []
    [fine] = of_type(found, "penalty")
    assert fine.date == "2025-06-12"
    [suit] = of_type(found, "lawsuit")
    assert names(suit.target) == {"Federal Economic Competition Commission"}


def test_upper_case_news_keeps_the_day_and_verb_out_of_a_company_name(extractor):
    text = (
        "MUMBAI, JAN 21 — THE RESERVE BANK OF INDIA (RBI) ON TUESDAY DIRECTED SAMRIDH PAYMENTS BANK LIMITED TO "
        "STOP ONBOARDING NEW CUSTOMERS.\n\nTHE RBI HAD IMPOSED A MONETARY PENALTY OF RS 27.5 LAKH ON THE PAYMENTS "
        "BANK IN SEPTEMBER. IN A SEPARATE RELEASE ON MONDAY, THE CENTRAL BANK ADDED NINE ENTITIES TO ITS ALERT "
        "LIST OF UNAUTHORISED FOREX TRADING PLATFORMS."
    )
    found = events_of(extractor, text, "2026-01-21")
    [fine] = of_type(found, "penalty")
    assert names(fine.target) == {"Samridh Payments Bank"}
    [listing] = of_type(found, "designation")
    assert names(listing.agent) == {"Reserve Bank of India"}  # the central bank, not the bank it regulates


TWO_COLUMN_ORDER = """STATE OF CONNECTICUT
DEPARTMENT OF BANKING

IN THE MATTER OF:                     TEMPORARY ORDER TO CEASE AND DESIST

TALLOWAY COIN KIOSKS LLC              NOTICE OF INTENT TO IMPOSE CIVIL PENALTY
("Respondent")

I. PRELIMINARY STATEMENT

The Consumer Credit Division of the Department of Banking conducted an examination of Respondent's kiosks.

IV. TEMPORARY ORDER TO CEASE AND DESIST

Having read the record, the Commissioner ORDERS, pursuant to Section 36a-52(b) of the Connecticut General Statutes, that Talloway Coin Kiosks LLC immediately CEASE AND DESIST from engaging in the business of money transmission in Connecticut.

Dated at Hartford, Connecticut,
this 3rd day of November 2026.                ________/s/_________
                                              Banking Commissioner
"""


def test_a_two_column_temporary_cease_and_desist_order_is_the_departments_order(extractor):
    [order] = of_type(events_of(extractor, TWO_COLUMN_ORDER, "2026-11-05"), "order")
    assert order.date == "2026-11-03"
    assert names(order.agent) == {"Department of Banking"}
    assert names(order.target) == {"Talloway Coin Kiosks"}
    assert "Commissioner ORDERS" in order.evidence


def test_a_council_that_sets_a_proposal_aside_rules_on_nothing(extractor):
    text = (
        "The Tucson City Council spent two hours on Tuesday discussing a gunshot-detection system, then set the "
        "proposal aside without taking a vote."
    )
    assert of_type(events_of(extractor, text, "2026-10-08"), "ruling") == []


def test_a_court_that_sets_a_conviction_aside_rules(extractor):
    text = "The Court of Appeal set aside the conviction of Halvard Presswood on Monday."
    assert len(of_type(events_of(extractor, text, "2026-10-08"), "ruling")) == 1


def test_what_an_order_directs_others_to_disable_is_no_suspension_of_its_own(extractor):
    text = (
        "The Ministry of Electronics and Information Technology ordered the blocking of Quillreel on Thursday. "
        "The order, signed by a joint secretary on Thursday, directs app stores and internet service providers "
        "to disable access within 24 hours."
    )
    found = events_of(extractor, text, "2025-05-17")
    assert [e.type for e in found] == ["order"]
