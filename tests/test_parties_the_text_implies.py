"""Parties a sentence leaves to the rest of the text, in the shapes dev27 showed: a demand issued
"to" someone, the relief a complaint asks for, a unit acting for the body that owns it, a
ministry's officials, a scheduling order that decides nothing, and acts whose sentence names no
party at all, which are aimed at the company the text is about and done by the body it names
most."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_a_demand_issued_to_a_company_is_aimed_at_it(extractor):
    text = "In May 2025, the Federal Trade Commission issued a civil investigative demand to Quillfeather Games Inc."
    inquiries = of_type(events_of(extractor, text, "2026-01-10"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].target) == {"Quillfeather Games"}


def test_the_relief_a_complaint_asks_for_is_not_whom_it_is_against(extractor):
    text = (
        "On August 27, 2026, the United States filed its Complaint for Permanent Injunction, Civil Penalty "
        "Judgment, and Other Relief against Quillfeather Games Inc."
    )
    suits = of_type(events_of(extractor, text, "2026-09-01"), "lawsuit")
    assert len(suits) == 1
    assert not any("Injunction" in n or "Relief" in n for n in names(suits[0].target))


def test_a_unit_the_gazetteer_lacks_acts_for_the_body_that_owns_it(extractor):
    text = (
        "The Federal Trade Commission sued Quillfeather Games Inc. on Monday. Staff of the Commission's Division "
        "of Advertising Practices had issued a civil investigative demand to the company in May 2025."
    )
    inquiries = of_type(events_of(extractor, text, "2026-01-10"), "investigation")
    assert len(inquiries) == 1
    assert "Federal Trade Commission" in names(inquiries[0].agent)


def test_a_ministrys_officials_meet_for_it(extractor):
    text = (
        "The Federal Ministry for Economic Affairs and Energy examined the deal. On 2 April, officials of the "
        "Ministry met representatives of Orland Optics GmbH in Berlin."
    )
    meetings = of_type(events_of(extractor, text, "2025-05-14"), "meeting")
    assert len(meetings) == 1
    assert names(meetings[0].agent) == {"Federal Ministry for Economic Affairs and Energy"}


SCHEDULING_ORDER = """UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF COLUMBIA

HALVERN AERO, INC.,
Plaintiff,

v.                                  Civil Action No. 26-1187 (RMB)

UNITED STATES DEPARTMENT OF COMMERCE, et al.,
Defendants.

SCHEDULING ORDER

Upon consideration of the parties' Joint Proposed Briefing Schedule, it is hereby ORDERED that:

1. Plaintiff shall file its motion for summary judgment on or before September 12, 2026.

2. The Court will hear argument on the cross-motions on December 4, 2026.

SO ORDERED.

Dated: July 21, 2026
"""


def test_a_scheduling_order_decides_nothing(extractor):
    assert of_type(events_of(extractor, SCHEDULING_ORDER, "2026-07-22"), "ruling") == []


def test_an_order_granting_a_motion_is_still_a_ruling(extractor):
    text = SCHEDULING_ORDER.replace("SCHEDULING ORDER", "ORDER").replace(
        "Upon consideration of the parties' Joint Proposed Briefing Schedule, it is hereby ORDERED that:",
        "Upon consideration of Defendants' motion to dismiss, it is hereby ORDERED that the motion is GRANTED.",
    )
    assert len(of_type(events_of(extractor, text, "2026-07-22"), "ruling")) == 1


SUBJECT_COMPANY = """Tarnwell Freight fined over driver checks

The Transport Regulator has fined Tarnwell Freight Ltd £240,000 after finding that the haulier failed to
check its drivers' hours. The regulator opened an investigation in March 2025 after a roadside inspection.

Tarnwell Freight said it had since changed its procedures. Tarnwell Freight operates 300 lorries.
"""


def test_an_inquiry_that_names_no_party_is_aimed_at_the_company_the_text_is_about(extractor):
    inquiries = of_type(events_of(extractor, SUBJECT_COMPANY, "2026-02-02"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].target) == {"Tarnwell Freight"}


def test_no_company_is_guessed_when_none_clearly_leads(extractor):
    text = (
        "The Transport Regulator opened an investigation in March 2025. Tarnwell Freight Ltd and Ossory "
        "Haulage Ltd both said they would cooperate."
    )
    inquiries = of_type(events_of(extractor, text, "2026-02-02"), "investigation")
    assert len(inquiries) == 1
    assert not any(r.id for r in inquiries[0].target)


def test_a_listings_counted_party_takes_the_name_set_beside_it(extractor):
    text = "The Regulations also remove one entity, Severnaya Kabelnaya Kompaniya LLC, from Schedule 1."
    listings = of_type(events_of(extractor, text, "2026-03-11"), "designation")
    assert len(listings) == 1
    assert "Severnaya Kabelnaya Kompaniya" in names(listings[0].target)


def test_a_blocked_takeover_is_an_order_on_the_buyer_however_the_possessive_is_parsed(extractor):
    text = (
        "In July the Competition and Markets Authority blocked Harrowgate Chips' proposed $6.4 billion "
        "takeover of Linford Semiconductor."
    )
    events = events_of(extractor, text, "2025-08-01")
    assert of_type(events, "suspension") == []
    orders = of_type(events, "order")
    assert len(orders) == 1
    assert "Harrowgate Chips" in names(orders[0].target)


def test_the_order_named_as_a_time_before_its_notice_is_not_another_order(extractor):
    text = (
        "The Japan Fair Trade Commission today issued a cease-and-desist order against Kurobane Denki. Before "
        "issuing the order, the JFTC notified Kurobane Denki of the proposed order on September 30, 2025."
    )
    orders = of_type(events_of(extractor, text, "2025-11-27"), "order")
    assert len(orders) == 1
    assert orders[0].date == "2025-11-27"


def test_a_companys_suit_that_names_no_defendant_is_against_the_body_the_text_is_about(extractor):
    text = (
        "The Nigeria Data Protection Commission is examining how digital lenders use their customers' contact "
        "lists, and the Nigeria Data Protection Commission's new guidance takes effect in May. Kudipay Lending "
        "Limited filed suit in the Federal High Court on Monday."
    )
    suits = of_type(events_of(extractor, text, "2026-03-20"), "lawsuit")
    assert len(suits) == 1
    assert names(suits[0].target) == {"Nigeria Data Protection Commission"}


def test_an_inquiry_into_a_thing_the_company_sells_is_aimed_at_the_company(extractor):
    text = (
        "Oakbarrow Air Systems LLC agreed to pay a $2.1 million civil penalty to the Department of Energy. "
        "DOE opened its assessment of the series in February after a competitor complained. Oakbarrow Air "
        "Systems said it had fixed the ratings."
    )
    inquiries = of_type(events_of(extractor, text, "2026-06-10"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].target) == {"Oakbarrow Air Systems"}


def test_an_inquiry_into_imports_stays_on_the_imports(extractor):
    text = (
        "Kestrel Batteries Inc. welcomed the news. The Secretary of Commerce initiated an investigation into "
        "imports of lithium-ion battery cells on March 3. Kestrel Batteries makes such cells."
    )
    inquiries = of_type(events_of(extractor, text, "2026-06-10"), "investigation")
    assert len(inquiries) == 1
    assert "Kestrel Batteries" not in names(inquiries[0].target)
