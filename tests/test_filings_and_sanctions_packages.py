"""Sanctions packages, company filings and court papers in the shapes dev24 showed: a council
that "listed" and "delisted" people with no list named, a press office's stamped date line, a
regulation recited with the day it was adopted, a forfeiture order that directs payment, a
class action known by its caption, an Information that charges, a delegation that meets, a
review of a deal, a heading's executive order kept apart from the older one it recites."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

COUNCIL_PACKAGE = """Press release
4 March 2026 16:05

Belarus: Council adopts further restrictive measures

Individual listings

The Council listed an additional 12 individuals and 4 entities, among them Orshavia Machine Works OJSC, which builds gun mounts for armoured vehicles. The Council also delisted one individual after reviewing the evidence.

Background

The listings are made under Regulation (EC) No 765/2006, which the Council adopted on 18 May 2006.
"""


def test_a_council_that_listed_and_delisted_people_made_designations_without_naming_a_list(extractor):
    events = of_type(events_of(extractor, COUNCIL_PACKAGE, "2026-03-05"), "designation")
    actions = sorted(e.attrs.get("action") for e in events)
    assert actions == ["add", "remove"]
    added = next(e for e in events if e.attrs.get("action") == "add")
    assert "Orshavia Machine Works OJSC" in names(added.target)
    removed = next(e for e in events if e.attrs.get("action") == "remove")
    assert names(removed.target) == {"one individual"}


def test_a_press_office_stamp_with_its_hour_dates_the_release_and_its_undated_acts(extractor):
    events = of_type(events_of(extractor, COUNCIL_PACKAGE, "2026-03-05"), "designation")
    # published a day later; "also" tells more of the day's news, not background
    assert {e.date for e in events} == {"2026-03-04"}


def test_a_regulation_recited_with_the_day_its_maker_adopted_it_is_a_rule_of_that_day(extractor):
    rules = of_type(events_of(extractor, COUNCIL_PACKAGE, "2026-03-05"), "rule")
    recited = [e for e in rules if e.date == "2006-05-18"]
    assert len(recited) == 1
    assert "Council" in " ".join(names(recited[0].agent))


FORFEITURE = """Ferncastle Radio LLC sells marine transceivers.

On May 2, 2025, the Commission adopted a Forfeiture Order against Ferncastle Radio LLC. After reviewing its reply, the Commission adopted a Forfeiture Order on September 9, 2025, assessing $310,000 and directing Ferncastle to pay within thirty days.
"""


def test_a_forfeiture_order_that_directs_payment_is_a_penalty_not_a_ruling(extractor):
    events = events_of(extractor, FORFEITURE, "2025-09-20")
    assert not of_type(events, "ruling")
    penalties = of_type(events, "penalty")
    assert "2025-09-09" in {e.date for e in penalties}
    assert all("Ferncastle Radio" in names(e.target) for e in penalties)


SETTLEMENT_8K = """Item 1.01 Entry into a Material Definitive Agreement.

On February 11, 2026, Quillmont Sensors Inc. (the "Company") entered into a Settlement Agreement with the Office of Foreign Assets Control of the U.S. Department of the Treasury ("OFAC"), under which the Company agreed to remit $880,000 to settle its potential civil liability for apparent violations of the Iranian Transactions and Sanctions Regulations.
"""


def test_the_word_control_in_an_agencys_name_opens_no_inquiry(extractor):
    events = events_of(extractor, SETTLEMENT_8K, "2026-02-13")
    assert not of_type(events, "investigation")
    assert of_type(events, "penalty")


MANAGEMENT_MEETING = """Tavistrel Optics, Inc. (the "Company") makes infrared lenses.

On Monday, members of the Company's senior management met with officials of BIS's Office of Exporter Services to discuss the basis for the listing.
"""


def test_members_of_a_companys_management_meet_for_the_company(extractor):
    meetings = of_type(events_of(extractor, MANAGEMENT_MEETING, "2025-11-05"), "meeting")
    assert len(meetings) == 1
    assert "Tavistrel Optics" in names(meetings[0].agent)
    assert meetings[0].date == "2025-11-03"


DEAL_REVIEW = """Pelorus Marine Data Limited bought Estuary Sonar Inc. in 2024 without notifying the Committee.

In May, CFIUS opened a review of the transaction on its own initiative.
"""


def test_an_agency_that_opened_a_review_of_a_deal_began_an_investigation(extractor):
    probes = of_type(events_of(extractor, DEAL_REVIEW, "2025-09-01"), "investigation")
    assert len(probes) == 1
    assert names(probes[0].agent) == {"Committee on Foreign Investment in the United States"}
    assert probes[0].date == "2025-05"


BOOKINGS = """Harrowgate Freight Ltd is a forwarder in Leeds.

Harrowgate stopped taking bookings for Caucasus destinations in March 2026 and has since retrained its staff.
"""


def test_a_firm_that_stopped_taking_bookings_suspended_a_service(extractor):
    halts = of_type(events_of(extractor, BOOKINGS, "2026-06-01"), "suspension")
    assert len(halts) == 1
    assert names(halts[0].agent) == {"Harrowgate Freight"}
    assert halts[0].date == "2026-03"


CLASS_ACTION = """Legal Proceedings

On April 14, 2026, a putative class action captioned Oyelowo v. Brackenridge Analytics, Inc. was filed in the U.S. District Court for the District of Oregon, alleging that the Company misled investors about its export licences.

In the putative securities class action captioned In re Sallowfield Networks, Inc. Securities Litigation, pending in the U.S. District Court for the Southern District of New York, discovery continues.
"""


def test_a_class_action_known_by_its_caption_is_a_suit_by_the_first_named_against_the_second(extractor):
    suits = of_type(events_of(extractor, CLASS_ACTION, "2026-05-10"), "lawsuit")
    assert len(suits) == 1  # "In re ..., pending": no new filing and no party suing another
    assert names(suits[0].agent) == {"Oyelowo"}
    assert "Brackenridge Analytics" in names(suits[0].target)
    assert suits[0].date == "2026-04-14"


INFORMATION = """On July 21, 2026, the United States filed a one-count Information charging Corvane Aerospace, Inc. with exporting navigation modules without a license."""


def test_whoever_filed_an_information_charges_the_company_it_names(extractor):
    penalties = of_type(events_of(extractor, INFORMATION, "2026-07-24"), "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].agent) == {"United States"}
    assert "Corvane Aerospace" in names(penalties[0].target)


EXECUTIVE_ORDER = """Presidential Documents

Executive Order 14502 of March 2, 2026

Addressing the Threat Posed by Marine Radars Made by Qingdao Haiwei Electronics Co., Ltd.

By the authority vested in me as President by the Constitution and the laws of the United States of America, including the International Emergency Economic Powers Act, it is hereby ordered as follows:

Section 1. Background. In Executive Order 13873 of May 15, 2019, I found that foreign adversaries were exploiting vulnerabilities in information and communications technology, and I declared a national emergency.

Sec. 2. Prohibition. Beginning 30 days after the date of this order, any acquisition or use of any marine radar made by Qingdao Haiwei Electronics Co., Ltd. is prohibited.

THE WHITE HOUSE,
March 2, 2026.
"""


def test_an_executive_orders_own_heading_is_not_folded_into_the_older_order_it_recites(extractor):
    orders = of_type(events_of(extractor, EXECUTIVE_ORDER, "2026-03-05"), "order")
    by_date = {e.date: e for e in orders}
    assert {"2026-03-02", "2019-05-15"} <= set(by_date)
    assert "Qingdao Haiwei Electronics" in names(by_date["2026-03-02"].target)
    assert not by_date["2019-05-15"].target


RECENT_ACTIONS = """RECENT ACTIONS

02/24/2026

COUNTER NARCOTICS DESIGNATIONS; RUSSIA-RELATED DESIGNATION REMOVAL; REVOCATION OF GENERAL LICENSE 88

THE FOLLOWING ENTRY HAS BEEN DELETED FROM THE SDN LIST:

NORDKAPP BULK CARRIERS LTD, VALLETTA, MALTA; [RUSSIA-EO14024]

OFAC HAS REVOKED RUSSIA-RELATED GENERAL LICENSE 88, WHICH HAD AUTHORIZED TRANSACTIONS WITH TALNAKH MARINE FUELS JSC.
"""


def test_a_recent_actions_item_is_dated_by_its_numeric_date_line_and_names_the_deleted_entry(extractor):
    events = events_of(extractor, RECENT_ACTIONS, "2026-02-25")
    removed = [e for e in of_type(events, "designation") if e.attrs.get("action") == "remove"]
    assert len(removed) == 1
    assert names(removed[0].target) == {"NORDKAPP BULK CARRIERS LTD"}
    assert removed[0].date == "2026-02-24"


def test_a_country_made_into_a_modifier_is_not_whom_a_revoked_licence_concerned(extractor):
    orders = of_type(events_of(extractor, RECENT_ACTIONS, "2026-02-25"), "order")
    assert len(orders) == 1
    targets = names(orders[0].target)
    assert "Russia" not in targets
    assert any("Talnakh Marine Fuels" in t for t in targets)


MINISTRY_NEWS_ITEM = """News item | 14-09-2026 | Ministry of Foreign Affairs

Minister withdraws export licence for Veldhoven Optronics lithography parts

The Minister for Foreign Trade and Development Aid has revoked an export licence that allowed Veldhoven Optronics B.V. to ship alignment modules to a buyer in China.
"""


def test_a_label_line_and_a_headline_are_not_the_lede_that_dates_an_undated_act(extractor):
    orders = of_type(events_of(extractor, MINISTRY_NEWS_ITEM, "2026-09-14"), "order")
    assert len(orders) == 1
    assert orders[0].date == "2026-09-14"


SETTLEMENT_ORDER = """Brightwater Gauges Corp. (the "Company") makes pressure sensors.

On the same day, the Assistant Secretary for Export Enforcement of the U.S. Department of Commerce signed an order approving a separate settlement between the Company and the Bureau of Industry and Security ("BIS"). The order imposes a civil penalty of $640,000.
"""


def test_an_order_approving_a_settlement_is_a_penalty_on_the_party_that_settled(extractor):
    events = events_of(extractor, SETTLEMENT_ORDER, "2026-04-02")
    assert not of_type(events, "order")
    penalties = of_type(events, "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].target) == {"Brightwater Gauges"}


REMOVAL_REQUEST = """Re: Request for removal of Sarykol Devices LLP from the Entity List

Dear Chair:

On May 4, 2025, the Bureau of Industry and Security added Sarykol Devices LLP to the Entity List. We have dismissed the employee, ended our contract with the reseller and appointed a new manager.

In light of these measures, we ask that the ERC:

1. remove Sarykol Devices LLP from the Entity List; or, in the alternative,
2. modify its entry to apply a case-by-case review policy.
"""


def test_the_items_of_a_list_of_demands_have_not_happened(extractor):
    events = events_of(extractor, REMOVAL_REQUEST, "2025-09-30")
    designations = of_type(events, "designation")
    assert [e.attrs.get("action") for e in designations] == ["add"]
    assert designations[0].date == "2025-05-04"


def test_a_company_that_dismissed_an_employee_handed_down_no_ruling(extractor):
    assert not of_type(events_of(extractor, REMOVAL_REQUEST, "2025-09-30"), "ruling")


BANKRUPTCY_ORDER = """In re Halloway Exchange LLC, Order Approving Settlement (Bankr. D. Del.)
UNITED STATES BANKRUPTCY COURT
FOR THE DISTRICT OF DELAWARE

In re: HALLOWAY EXCHANGE LLC, et al., Debtors.

Case No. 26-10455 (KBO)

ORDER APPROVING SETTLEMENT

The Motion is GRANTED and the Settlement is approved.

Dated: June 2, 2026
"""


def test_a_court_orders_operative_words_are_its_one_ruling_even_when_read_in_the_lede(extractor):
    rulings = of_type(events_of(extractor, BANKRUPTCY_ORDER, "2026-06-03"), "ruling")
    assert len(rulings) == 1


def test_a_party_that_moved_to_dismiss_made_a_motion_not_a_ruling(extractor):
    text = (
        'Pellworth Robotics, Inc. (the "Company") was sued in March. We moved to dismiss the complaint in '
        "June; the motion has been fully briefed."
    )
    assert not of_type(events_of(extractor, text, "2026-08-01"), "ruling")


def test_what_a_company_halted_is_said_by_its_words_not_by_the_place_named_in_them(extractor):
    text = "After engagement with the DPC, Marrowlight Apps Ltd. paused the use of EU users' public posts to train its model in June 2025."
    halts = of_type(events_of(extractor, text, "2025-09-01"), "suspension")
    assert len(halts) == 1
    targets = names(halts[0].target)
    assert "European Union" not in targets
    assert any("public posts" in t for t in targets)


def test_an_agencys_officers_named_by_its_acronym_meet_for_it(extractor):
    text = (
        "The Infocomm Media Development Authority (IMDA) opened an inquiry into Tiffinlane Pte. Ltd. in August. "
        "IMDA officers met the company's trust and safety team on 26 September to explain the findings."
    )
    meetings = of_type(events_of(extractor, text, "2026-10-01"), "meeting")
    assert len(meetings) == 1
    assert names(meetings[0].agent) == {"IMDA officers"}
    assert "Tiffinlane" in " ".join(names(meetings[0].target))


def test_who_testified_at_a_hearing_is_whom_the_committee_met(extractor):
    text = (
        "The Senate Committee on Commerce, Science, and Transportation held a hearing on November 5 at which "
        "Imogen Starkweather, the chief executive of Brellin Robotics, testified."
    )
    meetings = of_type(events_of(extractor, text, "2025-11-10"), "meeting")
    assert len(meetings) == 1
    assert "Imogen Starkweather" in names(meetings[0].target)
