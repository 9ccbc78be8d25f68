"""Court pages and legislative steps in the shapes dev22 showed: docket tables with the entry's
number first or a middle dot before the entry, a panel's transfer order, a judgment summary in the
judge's own voice, suits 'instituted' in court, a listing dated by the day it took effect, and a
governor who 'signed it' after the bill was told."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

TABLE_DOCKET = """Quorvant Optics Ltd. v. United States Department of Commerce
District Court, District of Columbia
Docket Number: 1:26-cv-00912
Date Filed: Mar 2, 2026

# | Date Filed | Description
1 | Mar 2, 2026 | COMPLAINT against UNITED STATES DEPARTMENT OF COMMERCE filed by QUORVANT OPTICS LTD.. (Entered: 03/03/2026)
6 | Mar 9, 2026 | MOTION for Temporary Restraining Order by QUORVANT OPTICS LTD.. (Entered: 03/09/2026)
  | Mar 20, 2026 | Minute Entry: Motion Hearing held on 3/20/2026. (Entered: 03/20/2026)
11 | Apr 6, 2026 | MEMORANDUM OPINION AND ORDER denying [6] Motion for Temporary Restraining Order. Signed by Judge Ottilie R. Brann on 4/6/2026. (Entered: 04/07/2026)
"""


def test_a_docket_table_with_the_number_first_yields_its_complaint_and_its_ruling(extractor):
    events = events_of(extractor, TABLE_DOCKET, "2026-04-10")
    (suit,) = of_type(events, "lawsuit")
    assert suit.date == "2026-03-02"
    assert any("Quorvant" in n for n in names(suit.agent))
    (ruling,) = of_type(events, "ruling")
    assert ruling.date == "2026-04-06"
    # the caption's court, written "District Court, District of Columbia" by CourtListener
    assert "U.S. District Court for the District of Columbia" in names(ruling.agent)


DOTTED_DOCKET = """sec v. brinmoor signals llc
u.s. district court, southern district of new york · case no. 1:26-cv-02210

key entries

04/01/2026 · complaint against brinmoor signals llc filed by securities and exchange commission, alleging false claims about its trading models.

04/02/2026 · temporary restraining order freezing defendant's assets, signed by judge carys p. holloway.

04/20/2026 · order scheduling status conference for 05/11/2026.
"""


def test_docket_entries_set_off_by_a_middle_dot_are_entries(extractor):
    events = events_of(extractor, DOTTED_DOCKET, "2026-04-22")
    (suit,) = of_type(events, "lawsuit")
    assert suit.date == "2026-04-01"
    assert "U.S. Securities and Exchange Commission" in names(suit.agent)
    rulings = of_type(events, "ruling")
    # the freeze is a ruling; scheduling a conference is not
    assert [r.date for r in rulings] == ["2026-04-02"]


TRANSFER_ORDER = """UNITED STATES JUDICIAL PANEL
on
MULTIDISTRICT LITIGATION

IN RE: HALDERN SMART LOCK DATA BREACH LITIGATION                MDL No. 3207

TRANSFER ORDER

Before the Panel: Plaintiffs in three actions move to centralize this litigation in the District of Minnesota. Defendant Haldern Security, Inc., opposes centralization.

IT IS THEREFORE ORDERED that the actions listed on Schedule A are transferred to the District of Minnesota for coordinated pretrial proceedings.

PANEL ON MULTIDISTRICT LITIGATION
Dated: October 2, 2026
"""


def test_a_panels_transfer_order_is_the_panels_ruling(extractor):
    rulings = of_type(events_of(extractor, TRANSFER_ORDER, "2026-10-05"), "ruling")
    assert [(r.date, names(r.agent)) for r in rulings] == [
        ("2026-10-02", {"Judicial Panel on Multidistrict Litigation"})
    ]


JUDGMENT_SUMMARY = """FEDERAL COURT OF AUSTRALIA

Australian Competition and Consumer Commission v Tallowood Home Energy Pty Ltd [2026] FCA 301

SUMMARY

The ACCC instituted proceedings against Tallowood Home Energy in May 2025.

In a judgment delivered on 2 February 2026, I declared that Tallowood had made false or misleading representations about its solar rebates.
"""


def test_a_judges_first_person_in_a_judgment_summary_is_the_court(extractor):
    events = events_of(extractor, JUDGMENT_SUMMARY, "2026-04-14")
    (suit,) = of_type(events, "lawsuit")
    assert (suit.date, names(suit.agent)) == ("2025-05", {"Australian Competition and Consumer Commission"})
    assert not of_type(events, "order")
    (ruling,) = of_type(events, "ruling")
    assert (ruling.date, names(ruling.agent)) == ("2026-02-02", {"Federal Court of Australia"})


def test_an_administrative_proceeding_is_no_lawsuit(extractor):
    text = "The competition authority said it instituted an administrative proceeding against Vellaro Pagos last week."
    assert not of_type(events_of(extractor, text, "2026-05-08"), "lawsuit")


def test_a_listing_a_complaint_recounts_is_dated_by_the_day_it_took_effect(extractor):
    text = (
        "The complaint challenges the company's addition to the Entity List by the Bureau of Industry and "
        "Security, effective October 21, 2025."
    )
    listings = of_type(events_of(extractor, text, "2026-02-20"), "designation")
    assert [e.date for e in listings] == ["2025-10-21"]


def test_a_governor_who_signed_it_signed_the_bill_just_told(extractor):
    text = "The Nevada Legislature passed Assembly Bill 412 on May 30, 2025. The Governor signed it six days later."
    steps = of_type(events_of(extractor, text, "2025-08-01"), "legislation")
    assert [(e.date, e.attrs.get("stage")) for e in steps] == [("2025-05-30", "passed"), ("2025-06-05", "signed")]


def test_signing_it_after_no_bill_is_no_legislation(extractor):
    text = "The agency published the proclamation's text on May 30, 2025. The President signed it six days later."
    assert not of_type(events_of(extractor, text, "2025-08-01"), "legislation")


# --- a company's filing on a listing (dev22's company-side texts) -------------------------------

LISTING_8K = """FORM 8-K

ORRENBY SYSTEMS, INC.

Item 8.01 Other Events.

On March 3, 2026, the U.S. Department of Commerce's Bureau of Industry and Security ("BIS") published a final rule in the Federal Register that added Tianfu Orrenby Microwave Co., Ltd. ("Tianfu Orrenby"), a wholly owned subsidiary of Orrenby Systems, Inc. (the "Company"), to the Entity List, effective on the date of publication.

On February 24, 2026, the Company's U.S. subsidiary, Orrenby Systems Operating LLC, received a letter from BIS informing it that a license would be required to export certain amplifier modules to Tianfu Orrenby.

On March 5, 2026, the Company suspended all shipments of items subject to the EAR to Tianfu Orrenby and instructed its distributors to do the same. The Company is withdrawing the first-quarter outlook it provided on February 2, 2026.
"""


def test_a_filing_tells_the_listing_not_the_rule_that_carried_it(extractor):
    events = events_of(extractor, LISTING_8K, "2026-03-09")
    (listing,) = of_type(events, "designation")
    assert listing.date == "2026-03-03"
    assert any("Tianfu Orrenby" in n for n in names(listing.target))
    assert not of_type(events, "rule")


def test_a_letter_informing_a_firm_that_a_license_is_required_is_an_order(extractor):
    events = events_of(extractor, LISTING_8K, "2026-03-09")
    (order,) = of_type(events, "order")  # the Company's instructions to its distributors are none
    assert (order.date, names(order.agent)) == ("2026-02-24", {"Bureau of Industry and Security"})
    assert any("Orrenby Systems Operating" in n for n in names(order.target))


def test_halted_shipments_act_on_the_named_buyer_and_a_withdrawn_outlook_is_no_halt(extractor):
    halts = of_type(events_of(extractor, LISTING_8K, "2026-03-09"), "suspension")
    assert [h.date for h in halts] == ["2026-03-05"]
    assert any("Tianfu Orrenby" in n for n in names(halts[0].target))
    assert any("Orrenby Systems" in n for n in names(halts[0].agent))


def test_an_is_informed_letter_is_an_order_but_lawmakers_letters_are_not(extractor):
    received = "Brightkeel Labs said it received an is-informed letter from BIS on Monday."
    assert [e.type for e in events_of(extractor, received, "2026-06-12")] == ["order"]
    lawmakers = (
        "Members of the House Select Committee today sent a letter to the Commerce Secretary urging that "
        "a license be required for sales of the chips."
    )
    assert not of_type(events_of(extractor, lawmakers, "2026-06-12"), "order")


def test_a_rule_adding_goods_to_the_control_list_is_still_a_rule(extractor):
    text = (
        "The bureau also published an interim final rule on Wednesday that adds lithography metrology "
        "equipment to the Commerce Control List."
    )
    assert "rule" in [e.type for e in events_of(extractor, text, "2026-06-12")]


# --- exchange notices and annual reports (dev22's company-side texts) ---------------------------


def test_a_surcharge_an_authority_imposes_is_a_penalty_a_fuel_surcharge_is_not(extractor):
    notice = (
        'Hanamaki Seiko Co., Ltd. (the "Company") hereby announces that today it received a surcharge payment '
        'order of 612 million yen from the Japan Fair Trade Commission (the "JFTC").'
    )
    (fine,) = of_type(events_of(extractor, notice, "2026-05-14"), "penalty")
    assert (fine.date, names(fine.agent)) == ("2026-05-14", {"Japan Fair Trade Commission"})
    background = "In March 2024, the KFTC imposed a surcharge of KRW 1.2 billion on Yeonhwa Parts Co., Ltd."
    assert [e.type for e in events_of(extractor, background, "2026-05-14")] == ["penalty"]
    assert not events_of(extractor, "The carrier imposed a fuel surcharge on all tickets in May.", "2026-05-14")


def test_the_company_that_sued_before_a_court_is_the_filer_not_the_court(extractor):
    text = (
        'Disclosure: Judgment in Litigation\n\nPlaintiff: Yeonhwa Parts Co., Ltd. (the "Company")\n'
        "Court: Seoul High Court\n\nThe Company brought an administrative suit before the Seoul High Court "
        "in June 2024 seeking cancellation of the surcharge."
    )
    (suit,) = of_type(events_of(extractor, text, "2026-05-14"), "lawsuit")
    assert (suit.date, names(suit.agent)) == ("2024-06", {"Yeonhwa Parts"})


def test_an_order_conjoined_to_a_fine_is_no_second_fine(extractor):
    text = (
        'Tessmoor Social, Inc. ("Tessmoor," "we" or "us") runs Gabblewick, our discussion app. Gabblewick had '
        "40 million users in 2025, and Gabblewick's feed is its main draw.\n\n"
        "In June 2025, the DPC levied a fine of EUR 12 million on our Irish subsidiary, Tessmoor Ireland Limited, "
        "finding that Gabblewick's default settings breached the GDPR, and ordered us to bring that processing "
        "into compliance within three months. In December 2025 we paid the fine into an escrow account."
    )
    (fine,) = of_type(events_of(extractor, text, "2026-02-20"), "penalty")  # not one more for the order after it
    assert names(fine.target) == {"Tessmoor Ireland"}


def test_we_in_an_annual_report_is_the_firm_that_defined_it(extractor):
    text = (
        'Tessmoor Social, Inc. ("Tessmoor," "we" or "us") runs discussion apps. Our European business is run by '
        "Brackwater Media Limited, which Brackwater Media Limited's board oversees; Brackwater Media Limited "
        "employs 300 people.\n\nIn June 2025, the Information Commissioner's Office fined us £2 million."
    )
    (fine,) = of_type(events_of(extractor, text, "2026-02-20"), "penalty")
    assert names(fine.target) == {"Tessmoor Social"}


# --- a newsletter's item headings ---------------------------------------------------------------

NEWSLETTER = """Tech Litigation Weekly - November 6, 2026

This week: an appeals court on robocalls, and a verdict in a chip case.

Fifth Circuit sides with carriers on robocall rule

On October 8, the U.S. Court of Appeals for the Fifth Circuit vacated the Federal Communications Commission's rule on prerecorded calls. The Commission adopted the rule in February 2025, and three carriers challenged it within the month. The opinion runs to 41 pages and spends most of them on the statute's text, its history and the Commission's earlier readings of it, none of which the majority found persuasive.

Jury convicts former engineer in lidar trade-secrets case

A federal jury in San Jose on October 21 found former engineer Matthias Q. Dunleavy guilty of stealing lidar designs from his employer.
"""


def test_an_item_heading_deep_in_a_newsletter_is_the_item_it_heads(extractor):
    rulings = of_type(events_of(extractor, NEWSLETTER, "2026-11-06"), "ruling")
    assert sorted(r.date for r in rulings) == ["2026-10-08", "2026-10-21"]
    verdict = next(r for r in rulings if r.date == "2026-10-21")
    assert any("Dunleavy" in n for n in names(verdict.target))


CHANGELOG = """quillmark / CHANGELOG.md

# Changelog

All notable changes to quillmark are documented here.

## [Unreleased]

- planned: a plugin API, later this year.

## [3.2.0] - 2026-05-04

### Added
- offline spell checking.

## [3.1.1] - 2026-04-10

### Fixed
- a crash when opening empty files.
"""


def test_each_dated_release_of_a_changelog_is_the_projects_launch(extractor):
    launches = of_type(events_of(extractor, CHANGELOG, "2026-05-06"), "launch")
    assert [(e.date, names(e.agent), names(e.target)) for e in launches] == [
        ("2026-05-04", {"quillmark"}, {"quillmark 3.2.0"}),
        ("2026-04-10", {"quillmark"}, {"quillmark 3.1.1"}),
    ]


def test_version_headings_outside_a_changelog_are_no_launches(extractor):
    text = "Meeting notes\n\n## [3.2.0] - 2026-05-04\n\nWe discussed the budget for the quarter."
    assert not of_type(events_of(extractor, text, "2026-05-06"), "launch")


CANADIAN_JUDGMENT = """Federal Court                                              Cour fédérale

Date: 20260421
Docket: T-1180-25
Ottawa, Ontario, April 23, 2026

BETWEEN:
PELLWORTH SENSING INC.
Applicant
and
ATTORNEY GENERAL OF CANADA
Respondent

JUDGMENT AND REASONS

[1] The Applicant seeks judicial review of an order requiring Orlanth Capital Limited to divest its shares in the Applicant.

[2] By Order in Council P.C. 2025-0911, made on October 2, 2025, the Governor in Council, on the recommendation of the Minister, ordered Orlanth Capital to divest its interest in Pellworth within 120 days.

JUDGMENT

1. The application for judicial review is dismissed.
"""


def test_a_canadian_judgment_is_the_courts_ruling_on_the_day_its_header_gives(extractor):
    events = events_of(extractor, CANADIAN_JUDGMENT, "2026-04-24")
    rulings = [r for r in of_type(events, "ruling") if "Federal Court of Canada" in names(r.agent)]
    assert [r.date for r in rulings] == ["2026-04-21"]
    assert any("Pellworth" in n for n in names(rulings[0].target))


def test_an_order_in_council_made_on_a_day_is_the_governor_in_councils_order_that_day(extractor):
    orders = of_type(events_of(extractor, CANADIAN_JUDGMENT, "2026-04-24"), "order")
    dated = [o for o in orders if o.date == "2025-10-02"]
    assert dated and names(dated[0].agent) == {"Governor in Council (Canada)"}
    assert any("Orlanth" in n for n in names(dated[0].target))


INDIAN_INTERIM_ORDER = """IN THE HIGH COURT OF DELHI AT NEW DELHI

DATED THIS THE 14TH DAY OF JULY, 2026

WRIT PETITION (CIVIL) NO. 9120 OF 2026

BETWEEN:

VARNIKA AUDIO PRIVATE LIMITED
HAVING ITS REGISTERED OFFICE AT NEW DELHI
...PETITIONER

AND:

1. UNION OF INDIA
MINISTRY OF ELECTRONICS AND INFORMATION TECHNOLOGY

2. THE DESIGNATED OFFICER
...RESPONDENTS

ORDER

1. The petitioner runs Varnika, a podcast app.

2. Accordingly, there shall be an interim order staying the blocking order dated 02.06.2026, till the next date of hearing.
"""


def test_a_bare_order_heading_under_a_named_high_court_is_its_ruling(extractor):
    rulings = of_type(events_of(extractor, INDIAN_INTERIM_ORDER, "2026-07-16"), "ruling")
    assert [(r.date, names(r.agent)) for r in rulings] == [("2026-07-14", {"Delhi High Court"})]
    assert any("Varnika" in n for n in names(rulings[0].target))


def test_a_bare_order_heading_under_no_named_court_is_no_ruling(extractor):
    text = "BEFORE THE STATE BOARD OF PHARMACY\n\nORDER\n\nThe license of Quellby Drug Mart is suspended for 30 days."
    assert not of_type(events_of(extractor, text, "2026-07-16"), "ruling")


def test_a_corrective_order_conjoined_to_a_surcharge_is_an_order_not_a_second_surcharge(extractor):
    text = (
        "In March 2024, the KFTC imposed a surcharge of KRW 1.2 billion on Yeonhwa Parts Co., Ltd. and issued "
        "a corrective order, finding that it had cut payments to its suppliers."
    )
    events = events_of(extractor, text, "2026-05-14")
    assert sorted(e.type for e in events) == ["order", "penalty"]


def test_customs_detaining_a_firms_shipments_halts_them(extractor):
    text = (
        "Since April 2026 U.S. Customs and Border Protection has detained three shipments of solar glass "
        "exported by Hollin Glassworks Co., Ltd., pending proof of the silica's origin."
    )
    (halt,) = of_type(events_of(extractor, text, "2026-06-08"), "suspension")
    assert (halt.date, names(halt.agent)) == ("2026-04", {"U.S. Customs and Border Protection"})
    assert any("Hollin Glassworks" in n for n in names(halt.target))
    assert not events_of(extractor, "Police detained two executives of the company on Monday.", "2026-06-08")


def test_when_and_why_a_shipment_was_detained_are_not_what_was_detained(extractor):
    text = (
        "U.S. Customs and Border Protection detained the shipment at the Port of Long Beach on February 14, "
        "2024, on suspicion that the modules held polysilicon from Xinjiang."
    )
    (halt,) = of_type(events_of(extractor, text, "2024-03-01"), "suspension")
    assert not any("February" in n or "suspicion" in n for n in names(halt.target))
