"""Acts in the shapes dev35 showed: the bodies that act on facial recognition, biometrics and
surveillance technology, and on housing, rent-setting software and property technology (city
councils and mayors, county boards, attorneys general, regulators at home and abroad)."""

from __future__ import annotations

import pytest

from tests.extraction_support import events_of, names, of_type

MAYORS_SIGNING_STATEMENT = """CITY OF HARTWELL
Office of the Mayor

Statement on Signing Ordinance No. 2026-19, Regulating Tenant Screening Software

March 3, 2026

This morning I signed Ordinance No. 2026-19, which makes Hartwell one of the first cities in the region to prohibit landlords from screening tenants with software that scores applicants.

LEGISLATIVE HISTORY (from the record of the City Clerk)

01/08/2026 – Introduced by Councilmembers Okafor-Reyes, Lindqvist and Baptiste; referred to the Committee on Housing.
02/05/2026 – Committee on Housing: recommended passage (5-0).
02/26/2026 – City Council: passed, as amended, by a vote of 9-3.
03/03/2026 – Approved by the Mayor.
"""


def test_a_mayor_signing_a_numbered_ordinance_legislates_for_the_office_on_the_letterhead(extractor):
    found = of_type(events_of(extractor, MAYORS_SIGNING_STATEMENT, "2026-03-04"), "legislation")
    signed = [e for e in found if e.attrs.get("stage") == "signed"]
    assert len(signed) == 1 and signed[0].date == "2026-03-03"
    assert names(signed[0].agent) & {"Office of the Mayor", "Mayor"}


def test_what_an_ordinance_makes_the_city_do_is_no_order_beside_its_signing(extractor):
    assert not of_type(events_of(extractor, MAYORS_SIGNING_STATEMENT, "2026-03-04"), "order")


def test_a_city_clerks_record_tells_the_introduction_and_the_councils_vote(extractor):
    found = of_type(events_of(extractor, MAYORS_SIGNING_STATEMENT, "2026-03-04"), "legislation")
    told = {(e.date, e.attrs.get("stage"), tuple(sorted(names(e.agent)))) for e in found}
    assert ("2026-01-08", "introduced", ("Okafor-Reyes",)) in told
    assert ("2026-02-26", "passed", ("City Council",)) in told
    # the committee's recommendation passes nothing
    assert not any(e.date == "2026-02-05" for e in found)


HEADLINE_OVER_TWO_STEPS = (
    "Dunmore council passes surveillance technology {noun}\n\n"
    "The Dunmore City Council voted 7-2 on Monday night to require council approval before any city "
    "department buys surveillance technology.\n\n"
    "The mayor signed the measure on Wednesday, her office said."
)


@pytest.mark.parametrize("noun", ["ordinance", "bill"])
def test_the_mayors_signing_is_not_folded_into_the_councils_vote_in_the_headline(extractor, noun):
    text = HEADLINE_OVER_TWO_STEPS.format(noun=noun)
    found = of_type(events_of(extractor, text, "2026-05-08"), "legislation")
    told = {(e.date, e.attrs.get("stage")) for e in found}
    assert ("2026-05-04", "passed") in told and ("2026-05-06", "signed") in told
    signing = next(e for e in found if e.attrs.get("stage") == "signed")
    assert names(signing.agent) == {"The mayor"}


COUNCIL_MINUTES = """CITY OF ASHGROVE
CITY COUNCIL
MINUTES OF THE REGULAR MEETING
Monday, April 13, 2026, 7:00 p.m.

I. CALL TO ORDER
The Mayor called the meeting to order at 7:02 p.m.

II. ITEMS FOR CONSIDERATION

A4. Ordinance 33-O-26, Amending Chapter 5 of the City Code to Prohibit the Use of Biometric Surveillance by City Departments
The Public Safety Committee recommended adoption at its meeting of March 30, 2026. Ald. Moravec moved adoption.

Roll call: Ayes 6, Nays 3. The motion carried 6-3 and the Council adopted Ordinance 33-O-26 as amended.

V. ADJOURNMENT
The Council adjourned at 9:40 p.m.
"""


def test_a_council_adopting_an_ordinance_in_its_minutes_legislates_that_day(extractor):
    found = events_of(extractor, COUNCIL_MINUTES, "2026-04-16")
    adopted = of_type(found, "legislation")
    assert [(e.date, names(e.agent)) for e in adopted] == [("2026-04-13", {"the Council"})]
    # an agenda item's title says what the ordinance would do; it orders nothing
    assert not of_type(found, "order") and not of_type(found, "rule")


BOARD_MORATORIUM = """WESTOVER COUNTY BOARD OF SUPERVISORS
Minutes of the regular meeting of June 9, 2026

On motion of Supervisor Hallam, seconded by Supervisor Quist, the Board adopted Ordinance No. 2026-07, establishing a six-month moratorium on the acceptance of applications for battery storage facilities.
"""


def test_a_boards_ordinance_establishing_a_moratorium_is_one_suspension(extractor):
    found = events_of(extractor, BOARD_MORATORIUM, "2026-06-20")
    assert [(e.type, e.date) for e in found] == [("suspension", "2026-06-09")]
    assert names(found[0].agent) & {"Board", "the Board", "Westover County Board of Supervisors"}


IN_RE_OPINION = """UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF MINNESOTA

Civil Action No. 0:26-cv-00412-KL

IN RE LEASEBRIGHT TENANT SCREENING LITIGATION

OPINION AND ORDER ON DEFENDANTS' MOTION TO DISMISS

Plaintiffs are renters who were turned down for apartments after landlords bought reports from Defendant Leasebright Data, Inc. ("Leasebright"). They allege that Leasebright matched them to eviction records that belonged to other people.

The claim against Hollins Property Group is dismissed without prejudice.

For these reasons, it is ORDERED that Defendants' Motion to Dismiss (ECF No. 41) is GRANTED IN PART and DENIED IN PART.

DATED this 14th day of April, 2026.
"""


def test_an_opinion_and_order_on_a_motion_is_the_courts_ruling_on_the_company_the_caption_names(extractor):
    found = of_type(events_of(extractor, IN_RE_OPINION, "2026-04-16"), "ruling")
    # its own undated "is dismissed" is the same ruling, not a second one
    assert len(found) == 1
    ruling = found[0]
    assert ruling.date == "2026-04-14"
    assert names(ruling.agent) == {"U.S. District Court for the District of Minnesota"}
    # "IN RE LEASEBRIGHT ... LITIGATION": the company the caption's first word names, not "Litigation"
    assert names(ruling.target) == {"Leasebright Data"}


HEARING_TESTIMONY = (
    "WASHINGTON – Members of the House Financial Services Committee questioned executives from a home "
    "buyer and an online lender at a hearing on Wednesday.\n\n"
    "Corwin Abernathy-Lusk, chief executive of Hearthgate Homes, told the committee that the company had "
    "stopped buying homes in Phoenix in August because resale times had doubled.\n\n"
    'Delphine Okoro-Vance, president of Quayline Mortgage, said Quayline launched its "Same-Hour Yes" '
    "mortgage pre-approval earlier this year.\n\n"
    "Rep. Tamsin Holloway-Reyes, a Democrat from Nevada, pressed Okoro-Vance on a bill she introduced in "
    "March that would cap application fees."
)


def test_a_company_that_stopped_buying_homes_suspended_its_purchases(extractor):
    found = of_type(events_of(extractor, HEARING_TESTIMONY, "2026-10-16"), "suspension")
    assert [(e.date, names(e.agent)) for e in found] == [("2026-08", {"Hearthgate Homes"})]


def test_a_launch_of_a_product_named_in_quotes_before_its_noun(extractor):
    found = of_type(events_of(extractor, HEARING_TESTIMONY, "2026-10-16"), "launch")
    assert len(found) == 1 and names(found[0].agent) == {"Quayline Mortgage"}
    assert any("Same-Hour Yes" in r.text for r in found[0].target)


def test_a_bill_a_lawmaker_introduced_is_told_even_when_she_presses_a_witness_on_it(extractor):
    found = of_type(events_of(extractor, HEARING_TESTIMONY, "2026-10-16"), "legislation")
    assert [(e.date, e.attrs.get("stage"), names(e.agent)) for e in found] == [
        ("2026-03", "introduced", {"Tamsin Holloway-Reyes"})
    ]


def test_an_undated_bill_she_introduced_only_describes_the_law_welcomed(extractor):
    text = (
        "WASHINGTON — Congresswoman Maren Ashdown (D-Ore.) today welcomed the enactment of the Rural "
        "Broadband Fairness Act, which she introduced with a Republican colleague from Idaho. The "
        "President signed the bill into law on Friday."
    )
    found = of_type(events_of(extractor, text, "2026-06-08"), "legislation")
    assert [e.attrs.get("stage") for e in found] == ["signed"]
