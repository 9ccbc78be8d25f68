"""Acts in the shapes dev30 showed: competition and labour authorities acting on technology
companies (second requests, boards that order reinstatement, gatekeepers' choice screens,
complaints whose caption splits an agency's name) and the bodies that act on infrastructure."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

MERGER_RELEASE = """Justice Department Requires Divestiture in Quillmark's Acquisition of Ostrand Data

WASHINGTON - The Justice Department's Antitrust Division today filed a civil antitrust lawsuit
challenging Quillmark Software Inc.'s proposed acquisition of Ostrand Data LLC.

The Division issued requests for additional information, known as second requests, to both
companies in October 2024.
"""


def test_a_second_request_is_the_divisions_investigation_of_the_merging_firm(extractor):
    found = of_type(events_of(extractor, MERGER_RELEASE, "2025-06-11"), "investigation")
    assert [e.date for e in found] == ["2024-10"]
    assert names(found[0].agent) == {"DOJ Antitrust Division"}  # "the Division", pointing back
    assert "Quillmark Software" in names(found[0].target)


def test_a_bare_second_request_needs_an_agency_to_send_it(extractor):
    text = "The buyer received a second request from its own lawyers about the schedule in May 2025."
    assert of_type(events_of(extractor, text, "2025-06-11"), "investigation") == []


def test_an_appellate_division_is_no_agency_the_division_points_back_to(extractor):
    text = (
        "The Division of Consumer Affairs sued Fenwold Solar Co. in June 2022. In December 2024 the "
        "appellate division reversed the penalty award against Fenwold Solar Co."
    )
    for event in events_of(extractor, text, "2025-03-01"):
        assert "New Jersey Division of Consumer Affairs" not in names(event.agent) or event.type == "lawsuit"


BOARD_RELEASE = """NATIONAL LABOR RELATIONS BOARD
Office of Public Affairs

Board Orders Tessory Games to Reinstate Testers

The National Labor Relations Board has ordered Tessory Games, Inc. to offer reinstatement and back
pay to nine testers it dismissed after they signed union cards.

In a Decision and Order issued on July 7, 2025, a three-member panel of the Board adopted the findings
of Administrative Law Judge Marit Oyelaran, who ruled in February that the dismissals were unlawful.
The Board also directed the Respondent to post a notice at its studio.
"""


def test_the_board_is_the_labor_board_not_the_headline_read_as_a_name(extractor):
    events = events_of(extractor, BOARD_RELEASE, "2025-07-09")
    orders = of_type(events, "order")
    assert len(orders) == 1  # "also directed the Respondent" is the same order
    assert names(orders[0].agent) == {"National Labor Relations Board"}
    for event in events:
        assert "Board Orders Tessory Games" not in names(event.agent)


def test_an_administrative_law_judge_is_a_title_not_a_law(extractor):
    events = events_of(extractor, BOARD_RELEASE, "2025-07-09")
    assert of_type(events, "rule") == [] and of_type(events, "legislation") == []


CAPTIONED_COMPLAINT = """Case 3:25-cv-07120     Document 1     Filed 08/12/25     Page 1 of 9

 1  MIRABEL T. OSGOOD-KANE, Regional Attorney
 2  U.S. EQUAL EMPLOYMENT OPPORTUNITY COMMISSION
 3  Attorneys for Plaintiff
 4
 5                UNITED STATES DISTRICT COURT
 6              NORTHERN DISTRICT OF CALIFORNIA
 7
 8  U.S. EQUAL EMPLOYMENT OPPORTUNITY       Case No. 3:25-cv-07120
 9  COMMISSION,                             COMPLAINT - AGE
10              Plaintiff,                  DISCRIMINATION
11        v.
12  BRACKENFIELD STAFFING, INC.,
13              Defendant.
14
15                   NATURE OF THE ACTION
16     This is an action under the Age Discrimination in Employment Act of 1967 to
17  correct unlawful practices toward older applicants.
"""


def test_a_complaints_nature_of_the_action_is_the_plaintiffs_suit(extractor):
    found = of_type(events_of(extractor, CAPTIONED_COMPLAINT, "2025-08-13"), "lawsuit")
    assert len(found) == 1
    assert found[0].date == "2025-08-12"  # the clerk's stamp
    # the agency's name broken over two caption lines is still the agency, not "U.S."
    assert names(found[0].agent) == {"Equal Employment Opportunity Commission"}
    assert names(found[0].target) == {"Brackenfield Staffing"}


def test_a_nature_of_action_line_outside_a_caption_is_no_suit(extractor):
    text = "This is an action under the new statute, the minister told reporters on Monday, and it will follow soon."
    assert of_type(events_of(extractor, text, "2025-08-13"), "lawsuit") == []


def test_a_choice_screen_rolled_out_is_a_launch(extractor):
    found = of_type(
        events_of(extractor, "Corvisto rolled out a browser choice screen for EU users in March 2025.", "2025-10-15"),
        "launch",
    )
    assert [e.date for e in found] == ["2025-03"]
    assert names(found[0].agent) == {"Corvisto"}


def test_proceedings_to_assess_whether_a_firm_complies_are_against_that_firm(extractor):
    text = (
        "The European Commission has today opened proceedings to assess whether Corvisto complies with its "
        "obligations under the Digital Markets Act (DMA) in relation to its Orvane mobile operating system."
    )
    found = of_type(events_of(extractor, text, "2025-10-15"), "investigation")
    assert len(found) == 1
    assert "Corvisto" in names(found[0].target)


def test_heard_by_a_bodys_services_at_a_meeting_is_their_meeting_with_the_firm(extractor):
    text = (
        "(5) Corvisto replied to the preliminary findings on 20 March 2026 and was heard by the Commission's "
        "services at a technical meeting held on 24 March 2026."
    )
    found = of_type(events_of(extractor, "The European Commission fined Corvisto.\n\n" + text, "2026-06-24"), "meeting")
    assert [e.date for e in found] == ["2026-03-24"]
    assert names(found[0].agent) == {"European Commission"}
    assert names(found[0].target) == {"Corvisto"}


def test_a_meeting_merely_attended_names_no_host(extractor):
    text = "Corvisto's lawyers spoke at a technical meeting held on 24 March 2026 in Brussels."
    for event in of_type(events_of(extractor, text, "2026-06-24"), "meeting"):
        assert "European Commission" not in names(event.agent)


def test_restricting_as_the_grounds_of_an_action_is_no_suspension(extractor):
    text = (
        "The Japan Fair Trade Commission has taken formal action against a domestic app marketplace for "
        "restricting outside payment options."
    )
    assert of_type(events_of(extractor, text, "2026-01-15"), "suspension") == []


def test_a_currency_code_before_the_amount_leaves_the_fined_firm_the_target(extractor):
    text = (
        "Türkiye's Competition Board fined marketplace operator Kervanik TRY 412 million (about $11 million) "
        "for favouring its own logistics arm."
    )
    found = of_type(events_of(extractor, text, "2026-03-18"), "penalty")
    assert len(found) == 1
    assert "Kervanik" in " ".join(r.text for r in found[0].target)


def test_a_council_passing_a_numbered_bill_passes_legislation(extractor):
    text = (
        "Pittsburgh City Council voted 7-2 on March 10 to pass Bill No. 2026-0187, which requires app-based "
        "delivery companies to pay workers at least $21.50 for each hour of active time."
    )
    found = of_type(events_of(extractor, text, "2026-03-18"), "legislation")
    assert [e.date for e in found] == ["2026-03-10"]
    assert names(found[0].agent) == {"Pittsburgh City Council"}


MINUTES = """GLENMORROW COUNTY BOARD OF SUPERVISORS
MINUTES OF THE REGULAR MEETING
Tuesday, July 8, 2025, 6:00 p.m., Board Room

1. CALL TO ORDER. The Chair called the meeting to order at 6:02 p.m.

2. ORDINANCE 2025-14. On motion of Supervisor Abernathy, seconded by Supervisor Quell, the Board adopted
Ordinance 2025-14, establishing a twelve-month moratorium on the acceptance of data center applications
in the Route 9 corridor, effective August 1, 2025. Vote: 4-1.

Approved by the Board: July 22, 2025
"""


def test_a_moratorium_the_board_adopts_is_its_suspension_on_the_day_of_the_meeting(extractor):
    found = of_type(events_of(extractor, MINUTES, "2025-07-23"), "suspension")
    assert len(found) == 1
    assert found[0].date == "2025-07-08"  # the meeting's day, not the day the minutes were approved
    assert "data center applications" in " ".join(r.text for r in found[0].target)


def test_a_moratorium_only_proposed_is_no_suspension(extractor):
    text = "The Director of Planning said the Board could establish a moratorium on data center applications next year."
    assert of_type(events_of(extractor, text, "2025-07-23"), "suspension") == []


def test_a_regulators_decision_setting_terms_is_a_rule(extractor):
    text = (
        "DUBLIN, 16 May 2025 - The Commission for Regulation of Utilities (CRU) today published its decision "
        "setting the terms on which new data centres may connect to the electricity system."
    )
    found = of_type(events_of(extractor, text, "2025-05-16"), "rule")
    assert len(found) == 1
    assert names(found[0].agent) == {"Commission for Regulation of Utilities"}


def test_a_courts_decision_is_no_rule_however_it_sets_terms(extractor):
    text = "The High Court published its decision setting aside the award on Monday."
    assert of_type(events_of(extractor, text, "2025-05-16"), "rule") == []


SATELLITE_STORY = """NEW DELHI, 13 November 2026 - Nakshatra Orbitals Ltd said today that it began commercial
satellite broadband service on Thursday in 12 states.

A DoT security team inspected the company's Pune gateway in September to check that traffic is routed
through lawful-interception points in India.
"""


def test_beginning_commercial_service_launches_that_service(extractor):
    found = of_type(events_of(extractor, SATELLITE_STORY, "2026-11-13"), "launch")
    assert [e.date for e in found] == ["2026-11-12"]
    assert names(found[0].agent) == {"Nakshatra Orbitals"}
    assert "satellite broadband service" in " ".join(r.text for r in found[0].target)


def test_a_dot_team_inspecting_a_firms_gateway_investigates_the_firm(extractor):
    found = of_type(events_of(extractor, SATELLITE_STORY, "2026-11-13"), "investigation")
    assert [e.date for e in found] == ["2026-09"]
    assert names(found[0].agent) == {"Department of Telecommunications (India)"}
    assert names(found[0].target) == {"Nakshatra Orbitals"}  # the company's, not the town's


def test_a_regulator_rejecting_a_utilitys_tariff_orders_the_utility(extractor):
    text = (
        "The Federal Energy Regulatory Commission on Thursday rejected tariff revisions proposed by Calder Ridge "
        "Transmission Co. that would have set charges for co-located data centers."
    )
    found = of_type(events_of(extractor, text, "2026-08-07"), "order")
    assert [e.date for e in found] == ["2026-08-06"]
    assert names(found[0].target) == {"Calder Ridge Transmission"}


def test_rejecting_an_argument_is_no_order(extractor):
    text = "The Federal Energy Regulatory Commission on Thursday rejected the argument that the rule was arbitrary."
    assert of_type(events_of(extractor, text, "2026-08-07"), "order") == []


def test_a_technical_conference_an_agency_held_is_a_meeting(extractor):
    found = of_type(
        events_of(extractor, "FERC held a technical conference on co-located load in November 2024.", "2026-08-07"),
        "meeting",
    )
    assert [e.date for e in found] == ["2024-11"]
    assert names(found[0].agent) == {"Federal Energy Regulatory Commission"}


def test_a_press_conference_is_no_meeting(extractor):
    text = "FERC's chairman held a press conference on Thursday in Washington."
    assert of_type(events_of(extractor, text, "2026-08-07"), "meeting") == []


def test_a_platform_that_stopped_taking_on_riders_suspended_it(extractor):
    text = (
        "Spain's Labour and Social Security Inspectorate has fined Trazora Delivery S.L., a food delivery "
        "platform, 18.6 million euros. "
        "The company has stopped taking on new self-employed riders in Madrid since September, a spokeswoman said."
    )
    found = of_type(events_of(extractor, text, "2026-10-07"), "suspension")
    assert [e.date for e in found] == ["2026-09"]
    assert names(found[0].agent) == {"Trazora Delivery"}


def test_a_firm_that_kept_directing_riders_gave_no_order(extractor):
    text = "The inspectorate found that Trazora, which operates in 31 Spanish cities, kept directing riders through its app."
    assert of_type(events_of(extractor, text, "2026-10-07"), "order") == []


JURY_STORY = """SAN JOSE, Calif., Nov 18 - A federal jury yesterday found that Halbrook Logistics Software
unlawfully maintained a monopoly over warehouse-robot software and awarded rival Penwarden Robotics
$212 million in damages.

Penwarden sued Halbrook in 2023, accusing it of cutting off access to its fleet-management interfaces
after Penwarden began selling a competing robot controller.
"""


def test_a_jurys_finding_is_a_ruling_against_the_firm_found_liable(extractor):
    events = events_of(extractor, JURY_STORY, "2026-11-18")
    rulings = of_type(events, "ruling")
    assert [e.date for e in rulings] == ["2026-11-17"]
    assert names(rulings[0].target) == {"Halbrook Logistics Software"}  # not the rival it paid


def test_what_a_suit_accuses_a_firm_of_doing_is_no_act(extractor):
    events = events_of(extractor, JURY_STORY, "2026-11-18")
    assert of_type(events, "suspension") == [] and of_type(events, "launch") == []
    assert len(of_type(events, "lawsuit")) == 1


def test_a_jurys_negative_finding_about_the_plaintiff_is_no_second_ruling(extractor):
    text = (
        "On March 6, 2026, the jury returned a unanimous verdict finding Tanvale Corp. liable and awarding "
        "Ostwick Inc. $38.5 million. The jury found that Ostwick had not proved misappropriation of a fifth secret."
    )
    rulings = of_type(events_of(extractor, text, "2026-03-23"), "ruling")
    assert len(rulings) == 1
    assert names(rulings[0].target) == {"Tanvale"}


def test_a_headline_fined_without_was_fines_its_subject(extractor):
    text = "Taiwan's Ministry of Environment fined Hsinlan Wafer Co. in September.\n\n– September: Hsinlan Wafer fined over wastewater discharges."
    for penalty in of_type(events_of(extractor, text, "2026-10-08"), "penalty"):
        assert "Hsinlan Wafer" not in names(penalty.agent)


def test_a_regulator_that_fined_over_forty_firms_is_still_the_agent(extractor):
    found = of_type(
        events_of(extractor, "The Financial Conduct Authority fined over 40 firms in 2025.", "2026-01-08"), "penalty"
    )
    assert len(found) == 1
    assert names(found[0].agent) == {"Financial Conduct Authority"}


def test_a_law_directing_a_commission_to_adopt_rules_is_no_rule_yet(extractor):
    text = (
        "The Governor signed Senate Bill 266 on July 10. The law directs the North Carolina Utilities Commission "
        "to adopt rules carrying out the cost requirements within 180 days."
    )
    assert of_type(events_of(extractor, text, "2026-07-11"), "rule") == []


def test_a_commission_adopting_rules_as_a_law_directed_is_a_rule(extractor):
    text = "On May 4 the North Carolina Utilities Commission adopted rules carrying out the cost requirements."
    assert len(of_type(events_of(extractor, text, "2026-07-11"), "rule")) == 1


def test_a_reference_for_a_phase_2_investigation_opens_one(extractor):
    text = (
        "Completed acquisition by Tamsworth Holdings plc of Ryeland Media Limited.\n\n"
        "7. The CMA therefore decided on 2 September 2026 to refer the Merger for a phase 2 investigation "
        "pursuant to section 22(1) of the Act."
    )
    found = of_type(events_of(extractor, text, "2026-09-09"), "investigation")
    assert [e.date for e in found] == ["2026-09-02"]
    assert names(found[0].agent) == {"Competition and Markets Authority"}
