"""U.S. federal texts as the default feeds deliver them: list notices published in the
Federal Register, a CourtListener docket page scraped in capitals, and the way such texts
tell acts done to a party ("its designation by OFAC") or by the notice itself."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

LIST_NOTICE = """Entities Identified as Chinese Military Companies Operating in the United States

AGENCY: Office of the Under Secretary of War for Policy, Department of War.

ACTION: Notice.

SUMMARY: The Department of War is publishing a revised list of Chinese military companies. This notice adds two entities to the list. It also removes one entity.

Additions. The Secretary of War has determined that the following two entities meet the statutory criteria: Tianjin Haoqi Marine Robotics Co., Ltd., a maker of unmanned boats, and Chengdu Lanxing Orbital Co., Ltd., a supplier of satellite buses.

Removal. Ningbo Fenglin Cathode Materials Co., Ltd. was identified on the list published on January 9, 2026. On February 24, 2026, the company filed suit in the U.S. District Court for the District of Columbia challenging its identification. On April 30, 2026, the court remanded the matter to the Department without vacating the identification. After reviewing records the company submitted on remand, the Department has determined that Ningbo Fenglin no longer meets the criteria and is removing it from the list.
"""


def _about(events, word):
    return [e for e in events if word in " ".join(names(e.target))]


def test_the_notice_adds_the_entities_it_names_afterwards(extractor):
    added = _about(of_type(events_of(extractor, LIST_NOTICE, "2026-06-10"), "designation"), "Tianjin Haoqi")
    # "This notice adds two entities": the notice is its issuer's act, on the day it is published
    assert [e.date for e in added] == ["2026-06-10"]
    assert "Department of Defense" in " ".join(names(added[0].agent))


def test_a_listing_is_dated_by_the_edition_of_the_list_that_held_it(extractor):
    listed = _about(of_type(events_of(extractor, LIST_NOTICE, "2026-06-10"), "designation"), "Ningbo Fenglin")
    # "was identified on the list published on January 9": the edition dates the listing
    assert "2026-01-09" in [e.date for e in listed]


def test_a_second_conjunct_with_its_own_auxiliary_escapes_the_first_ones_no(extractor):
    events = events_of(extractor, LIST_NOTICE, "2026-06-10")
    removals = [e for e in _about(of_type(events, "designation"), "Ningbo Fenglin") if e.date == "2026-06-10"]
    # "no longer meets the criteria and is removing it": the Department removes the company,
    # which cannot remove "it", itself
    assert len(removals) == 1
    assert "Department of Defense" in " ".join(names(removals[0].agent))


def test_a_suit_against_a_listing_and_the_courts_remand_are_against_the_lister(extractor):
    events = events_of(extractor, LIST_NOTICE, "2026-06-10")
    (suit,) = of_type(events, "lawsuit")
    (remand,) = of_type(events, "ruling")
    # the listing's agent is known only once the notice's issuer is, and the suit comes after
    assert "Department of Defense" in " ".join(names(suit.target))
    assert "Department of Defense" in " ".join(names(remand.target))


CAPITALS_DOCKET = """MERIDRAKE TANKERS FZE V. UNITED STATES DEPARTMENT OF THE TREASURY (1:26-CV-03318)

DISTRICT COURT, DISTRICT OF COLUMBIA

ASSIGNED TO: JUDGE OTTILIE PEMBERFORD-WADE
DATE FILED: MAY 4, 2026

DOCKET ENTRIES

1   FILED: MAY 4, 2026   COMPLAINT FOR DECLARATORY AND INJUNCTIVE RELIEF AGAINST ALL DEFENDANTS, CHALLENGING PLAINTIFF'S DESIGNATION BY THE OFFICE OF FOREIGN ASSETS CONTROL ON JANUARY 22, 2026 UNDER EXECUTIVE ORDER 14024, FILED BY MERIDRAKE TANKERS FZE. (ENTERED: 05/05/2026)

3   FILED: MAY 6, 2026   MINUTE ORDER SETTING MOTION HEARING ON 2 MOTION FOR TEMPORARY RESTRAINING ORDER FOR 5/12/2026. (ENTERED: 05/06/2026)

6   FILED: MAY 13, 2026   ORDER DENYING 2 PLAINTIFF'S MOTION FOR TEMPORARY RESTRAINING ORDER. SIGNED BY JUDGE OTTILIE PEMBERFORD-WADE ON 5/13/2026. (ENTERED: 05/13/2026)
"""


def test_a_capitals_docket_page_with_filed_labels_yields_its_entries(extractor):
    events = events_of(extractor, CAPITALS_DOCKET, "2026-05-20")
    assert [e.date for e in of_type(events, "lawsuit")] == ["2026-05-04"]
    # "SETTING MOTION HEARING" schedules; only the denial rules
    assert [e.date for e in of_type(events, "ruling")] == ["2026-05-13"]


def test_the_judge_who_signed_a_docket_order_rules_with_the_court(extractor):
    (ruling,) = of_type(events_of(extractor, CAPITALS_DOCKET, "2026-05-20"), "ruling")
    assert "Ottilie Pemberford-Wade" in names(ruling.agent)
    assert "Ottilie Pemberford-Wade" not in names(ruling.target)


def test_an_earlier_designation_told_inside_a_docket_entry_is_kept(extractor):
    (listing,) = of_type(events_of(extractor, CAPITALS_DOCKET, "2026-05-20"), "designation")
    assert listing.date == "2026-01-22"
    assert "Office of Foreign Assets Control" in names(listing.agent)
    # "FZE", a free-zone establishment, is a company form: the plaintiff is no person
    assert "Meridrake Tankers" in " ".join(names(listing.target))


def test_the_possessor_of_an_act_done_by_someone_else_suffers_it(extractor):
    text = "Halverin Freight Ltd. said it had challenged its designation by the Office of Foreign Assets Control on March 3, 2026."
    (listing,) = of_type(events_of(extractor, text, "2026-04-01"), "designation")
    assert "Office of Foreign Assets Control" in names(listing.agent)
    assert "Halverin Freight" in " ".join(names(listing.target))


def test_a_court_that_must_ensure_an_agency_examined_the_data_opens_no_inquiry(extractor):
    text = (
        "The Court may not substitute its own judgment for that of the agency, but it must ensure "
        "that the agency examined the relevant data."
    )
    assert not of_type(events_of(extractor, text, "2026-04-01"), "investigation")


SDN_NOTICE = """Notice of OFAC Sanctions Actions

SUMMARY: The Department of the Treasury's Office of Foreign Assets Control (OFAC) is publishing the names of two persons placed on its Specially Designated Nationals and Blocked Persons List.

SUPPLEMENTARY INFORMATION:

A. On March 3, 2026, OFAC blocked the property and interests in property subject to U.S. jurisdiction of the following persons under the authority cited for each.

Individual

1. VORONTSEV, Pavel Igorevich (a.k.a. "KOVALSKY"), Perm, Russia; DOB 12 Jan 1985; nationality Russia; Gender Male (individual) [CYBER2].
"""


def test_blocking_the_property_of_listed_persons_designates_them(extractor):
    (blocking,) = of_type(events_of(extractor, SDN_NOTICE, "2026-03-10"), "designation")
    assert blocking.date == "2026-03-03"
    assert "VORONTSEV, Pavel Igorevich" in names(blocking.target)
    # the summary and the dated telling are one act; the dated sentence is its evidence
    assert blocking.evidence.startswith("A. On March 3, 2026, OFAC blocked")


def test_a_lower_case_release_names_its_defendant_and_judge(extractor):
    text = (
        "a toledo, ohio, man was sentenced today to 30 months in prison for exporting rifle scopes. "
        "brandt kelloway-fisk, 44, pleaded guilty in june. u.s. district judge marisol quarrendale of "
        "the northern district of ohio imposed the sentence."
    )
    events = events_of(extractor, text, "2026-09-24")
    (sentence,) = [e for e in of_type(events, "ruling") if e.date == "2026-09-24"]
    # "brandt kelloway-fisk, 44,": a name given with an age is a person's, whatever its case
    assert "Brandt Kelloway-Fisk" in names(sentence.target)
    assert "Marisol Quarrendale" in names(sentence.agent)


def test_a_semicolon_parts_a_done_act_from_a_plan(extractor):
    # a feed summary's one line: the model hangs "sued" on "is seeking", and "ruled" on "will be scheduled"
    sued = (
        "The Securities and Exchange Commission on Tuesday sued Corrivane Devices Inc. in Manhattan federal "
        "court, alleging it overstated its bookings; the agency is seeking civil penalties."
    )
    assert [e.date for e in of_type(events_of(extractor, sued, "2026-06-10"), "lawsuit")] == ["2026-06-09"]
    ruled = (
        "A federal judge in Boston ruled on Monday that Corrivane Devices Inc. unlawfully maintained a "
        "monopoly in hospital pagers; a hearing on remedies will be scheduled later."
    )
    assert [e.date for e in of_type(events_of(extractor, ruled, "2026-06-10"), "ruling")] == ["2026-06-08"]


def test_the_original_order_is_the_earlier_act_on_the_same_party(extractor):
    text = (
        "The Bureau of Industry and Security is publishing an order, signed on Monday by the Assistant Secretary "
        "for Export Enforcement, that renews the denial of the export privileges of Kestavin Air Freight LLC. "
        "The original order was issued on March 3, 2025, after BIS found that the carrier had flown aircraft to Russia."
    )
    orders = of_type(events_of(extractor, text, "2026-08-20"), "order")
    earlier = [e for e in orders if e.date == "2025-03-03"]
    assert len(earlier) == 1 and "Kestavin Air Freight" in " ".join(names(earlier[0].target))


def test_settling_agency_charges_is_a_penalty_however_the_charges_are_parsed(extractor):
    text = "Ombreline Sensors, Inc. has agreed to settle Federal Trade Commission charges that it shared data."
    (settled,) = of_type(events_of(extractor, text, "2025-11-20"), "penalty")
    assert "Federal Trade Commission" in names(settled.agent)


def test_an_act_that_has_happened_before_is_no_act(extractor):
    text = "California regulators have suspended a driverless permit before, and federal officials have said so."
    assert not of_type(events_of(extractor, text, "2026-10-22"), "suspension")


def test_a_coined_name_released_in_the_passive_is_a_launch_by_its_maker(extractor):
    text = (
        "Italy's data protection authority ordered Quorrin Labs to stop processing Italian users' data. "
        "Parlivo, the chatbot at issue, was released in Europe last September, and Quorrin Labs said it would comply."
    )
    (launch,) = of_type(events_of(extractor, text, "2026-01-24"), "launch")
    assert names(launch.target) == {"Parlivo"} and launch.date == "2025-09"
    assert "Quorrin Labs" in names(launch.agent)
    # a paper released is no product
    assert not of_type(events_of(extractor, "The audit report was released on Monday.", "2026-01-24"), "launch")


def test_a_line_of_products_introduced_is_a_launch(extractor):
    text = "Ombreline Sensors, Inc., which introduced its Glintwatch line of doorbell cameras in 2022, agreed to pay."
    (launch,) = of_type(events_of(extractor, text, "2025-11-20"), "launch")
    assert "Glintwatch" in names(launch.target) and launch.date == "2022"


def test_a_judges_opinion_is_a_ruling_on_the_party_the_story_is_about(extractor):
    text = (
        "Pellowmere Systems lost its antitrust case on Monday. Judge Imogen Veslingham-Rudd of the Northern "
        "District of California issued her 98-page opinion on Monday, finding that Pellowmere Systems "
        "unlawfully maintained a monopoly. Pellowmere Systems said it would appeal."
    )
    (ruling,) = of_type(events_of(extractor, text, "2025-08-13"), "ruling")
    assert "Imogen Veslingham-Rudd" in names(ruling.agent)
    assert "Pellowmere Systems" in names(ruling.target)


def test_an_update_stamp_is_no_subject_and_a_petition_for_review_is_against_the_orders_maker(extractor):
    text = (
        "The Federal Communications Commission has ordered Yanshu Telecom Americas to shut down its U.S. "
        "operations within 60 days, revoking its authority to provide international services. "
        + "The vote ends a process that began last year with letters and filings. "
        * 12
        + "\n\nUpdate, 3:45 p.m.: Yanshu Telecom Americas filed a petition for review of the order with the "
        "U.S. Court of Appeals for the D.C. Circuit."
    )
    (suit,) = of_type(events_of(extractor, text, "2025-11-21"), "lawsuit")
    assert "Yanshu Telecom" in " ".join(names(suit.agent))
    assert "Federal Communications Commission" in names(suit.target)


def test_the_commission_is_the_body_called_a_commission(extractor):
    text = (
        "The Federal Communications Commission revoked Yanshu Telecom Americas' authority on Thursday. The "
        "review began in May 2024, when the agency's Office of International Affairs sent the company a "
        "letter. The commission issued an order instituting the revocation proceeding last December."
    )
    earlier = [e for e in of_type(events_of(extractor, text, "2025-11-21"), "order") if e.date == "2024-12"]
    assert [names(e.agent) for e in earlier] == [{"Federal Communications Commission"}]
