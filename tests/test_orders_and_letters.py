"""Enforcement letters, agencies' settled orders and the ways their sentences hide who acts on whom."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp import dates
from nlp.acts import written_date
from nlp.casing import repair_ocr
from nlp.pipeline import build_light_nlp
from tests.extraction_support import events_of, names, of_type


def test_a_sum_proposed_in_penalties_falls_on_the_party_cited(extractor):
    text = (
        "On July 9, OSHA cited Brimhall Castings LLC for two willful and six serious violations "
        "and proposed $386,410 in penalties."
    )
    [penalty] = of_type(events_of(extractor, text, "2025-07-16"), "penalty")
    assert names(penalty.agent) == {"Occupational Safety and Health Administration"}
    assert names(penalty.target) == {"Brimhall Castings"}
    assert penalty.date == "2025-07-09"


def test_an_acronym_opening_a_sentence_is_still_its_subject(extractor):
    # the small model reads the unknown "FMCSA" as an auxiliary of "published"
    [rule] = of_type(events_of(extractor, "FMCSA published a final rule in December 2016.", "2025-08-22"), "rule")
    assert names(rule.agent) == {"Federal Motor Carrier Safety Administration"}
    assert rule.date == "2016-12"


def test_a_rule_an_agency_acted_by_is_that_agencys(extractor):
    text = "FMCSA established the Clearinghouse by a final rule published in December 2016."
    [rule] = of_type(events_of(extractor, text, "2025-08-22"), "rule")
    assert names(rule.agent) == {"Federal Motor Carrier Safety Administration"}


def test_an_order_served_by_unnamed_investigators_is_the_order_already_told(extractor):
    text = (
        "The Federal Motor Carrier Safety Administration has ordered Redhaw Freight Lines LLC to cease "
        "all interstate operations.\n\nFederal investigators served the out-of-service order on the carrier yesterday."
    )
    orders = of_type(events_of(extractor, text, "2025-08-22"), "order")
    assert len(orders) == 1
    assert names(orders[0].target) == {"Redhaw Freight Lines"}


def test_a_company_named_by_its_first_word_is_the_antecedent_of_the_company(extractor):
    text = (
        "FMCSA opened an investigation of Redhaw Freight Lines LLC in July. Investigators found that the carrier "
        "never queried the Drug and Alcohol Clearinghouse.\n\nRedhaw's safety problems were not new. In March 2024, "
        "the agency assessed a civil penalty of $18,250 against the company."
    )
    [penalty] = of_type(events_of(extractor, text, "2025-08-22"), "penalty")
    assert names(penalty.target) == {"Redhaw Freight Lines"}


def test_a_first_word_shared_by_two_companies_names_neither():
    nlp = build_light_nlp()
    doc = nlp("Redhaw Freight Lines LLC and Redhaw Leasing LLC are affiliates. Redhaw said nothing.")
    assert [e.text for e in doc.ents if e.text == "Redhaw"] == []


def test_a_payment_under_an_approved_agreement_is_dated_by_the_approval(extractor):
    text = (
        "The Federal Maritime Commission on Thursday approved a compromise agreement under which Skerrystone "
        "Container Line A/S, a Copenhagen-based ocean carrier, will pay a $1,100,000 civil penalty."
    )
    [penalty] = of_type(events_of(extractor, text, "2025-09-30"), "penalty")
    # the Thursday before publication, not the one after: the payment's "will" is not the act's tense
    assert penalty.date == "2025-09-25"
    # where the carrier is based is not a party
    assert names(penalty.target) == {"Skerrystone Container Line"}


def test_a_statute_is_named_by_its_shape_and_a_bill_has_no_target(extractor):
    nlp = build_light_nlp()
    doc = nlp("Holcomb introduced the Companion Chatbot Safeguards for Minors Act, S. 4127, last month.")
    # the bill's number names it too
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Companion Chatbot Safeguards for Minors Act", "LAW"),
        ("S. 4127", "LAW"),
    ]
    events = events_of(extractor, "Last month Holcomb introduced the Companion Chatbot Safeguards for Minors Act.")
    # a bill introduced is legislation, not a product launched, and it is aimed at nobody
    assert [e.type for e in events] == ["legislation"]
    assert events[0].target == []


def test_a_law_signed_long_ago_is_legislation_without_parties(extractor):
    text = "The Ocean Shipping Reform Act of 2022, signed into law in June 2022, gave the Commission new tools."
    [law] = events_of(extractor, text, "2025-09-30")
    assert (law.type, law.date, law.attrs.get("law")) == ("legislation", "2022-06", "Ocean Shipping Reform Act of 2022")


@pytest.mark.parametrize(
    "text",
    [
        "Further violations may result in escalated enforcement, including civil penalties or an order "
        "modifying, suspending or revoking your license.",
        "Failing to comply with an imminent hazard order can result in civil penalties for each violation.",
        # a statute empowering an agency is not the agency acting
        "Congress authorized the agency to impose civil penalties on carriers.",
    ],
)
def test_consequences_a_letter_warns_of_are_not_acts(extractor, text):
    assert events_of(extractor, text, "2025-10-24") == []


NRC_LETTER = """UNITED STATES
NUCLEAR REGULATORY COMMISSION
REGION III

October 2l, 2025

Mr. Warren Teague, President
Cheyrock Industrial Radiography, Inc.
Evansville, IN 47711

Dear Mr. Teague:

This letter refers to the NRC inspection conducted March ll–13, 2025, at your Evansville facility and to \
the investigation that the NRC Office of Investigations initiated on April 2, 2025.

Therefore, I have been authorized, after consultation with the Director, Office of Enforcement, to issue \
the enclosed Notice of Violation and Proposed Imposition of Civil Penalty in the amount of $l9,500.

Sincerely,
Graciela Montfort
Regional Administrator
"""


def test_an_enforcement_letter_is_dated_above_its_salutation(extractor):
    events = events_of(extractor, NRC_LETTER, "2025-10-24")
    [penalty] = of_type(events, "penalty")
    # the signer "authorized to issue" issues it herewith, for the body heading the letter, on the letter's date
    assert names(penalty.agent) == {"Nuclear Regulatory Commission"}
    assert names(penalty.target) == {"Cheyrock Industrial Radiography"}
    assert penalty.date == "2025-10-21"


def test_two_probes_told_in_one_sentence_with_their_own_dates_stay_two(extractor):
    probes = of_type(events_of(extractor, NRC_LETTER, "2025-10-24"), "investigation")
    assert sorted(p.date for p in probes) == ["2025-03-11", "2025-04-02"]
    # the site is where the inspectors went; its owner, "your" company, was inspected
    assert all(names(p.target) == {"Cheyrock Industrial Radiography"} for p in probes)


def test_written_date_reads_letters_and_release_lines_but_never_after_publication():
    published = dt.date(2026, 2, 10)
    assert written_date("AGENCY\n\nJanuary 5, 2026\n\nDear Ms. Ode:\n\nText.", published) == dt.date(2026, 1, 5)
    assert written_date("Release No. 6914 / February 9, 2026\n\nText.", published) == dt.date(2026, 2, 9)
    # a date after the day the document appeared is a misprint
    assert written_date("March 1, 2026\n\nDear Sir:\n", published) is None
    # a date line heading a page (a digest's, a release's) or over its signature is its day;
    # one in the middle of the text is not
    assert written_date("January 5, 2026\n\nThe agency said.", published) == dt.date(2026, 1, 5)
    assert written_date("It said so. " * 30 + "\nRecife, 5 January 2026.\n\nM. LOBO\n", published) == dt.date(
        2026, 1, 5
    )
    middle = "The agency said so. " * 20 + "\nJanuary 5, 2026\n" + "It then said more. " * 40
    assert written_date(middle, published) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("inspection conducted March 11–13, 2025, at the plant", "2025-03-11"),
        ("from September 8 to 19, 2025", "2025-09-08"),
        ("between March 3 and 5, 2025", "2025-03-03"),
    ],
)
def test_a_span_of_days_is_dated_by_its_first_in_the_year_written_after_it(text, day):
    # published over a year later: without the year the span would be read as 2026
    [found] = dates.find_dates(text, dt.date(2026, 10, 24), tense="past")
    assert found.value.value == day


def test_ocr_repairs_a_day_range_written_with_letters():
    assert repair_ocr("conducted March ll–13, 2025, at") == "conducted March 11–13, 2025, at"
    assert repair_ocr("until March ll, 2025") == "until March 11, 2025"


def test_an_inspection_warrant_executed_by_unnamed_investigators(extractor):
    text = (
        "The Drug Enforcement Administration on Monday served an order on Sandcrest Apothecary LLC.\n\n"
        "Diversion investigators executed an administrative inspection warrant at the pharmacy last month."
    )
    [probe] = of_type(events_of(extractor, text, "2025-11-13"), "investigation")
    assert names(probe.agent) == {"Drug Enforcement Administration"}
    assert names(probe.target) == {"Sandcrest Apothecary"}
    assert probe.date == "2025-10"


def test_a_search_warrant_at_a_companys_offices(extractor):
    text = "FBI agents executed a search warrant at the Houston offices of Velkor Systems Inc. on Tuesday."
    [probe] = events_of(extractor, text, "2025-11-13")
    assert (probe.type, names(probe.agent), names(probe.target)) == (
        "investigation",
        {"Federal Bureau of Investigation"},
        {"Velkor Systems"},
    )


AWC = """FINANCIAL INDUSTRY REGULATORY AUTHORITY
LETTER OF ACCEPTANCE, WAIVER, AND CONSENT
NO. 2023078l5490l

TO: Department of Enforcement
Financial Industry Regulatory Authority (FINRA)

RE: Wexmoor Securities, LLC (Respondent)
Member Firm

Respondent Wexmoor Securities, LLC submits this Letter of Acceptance, Waiver, and Consent for the purpose \
of proposing a settlement of the alleged rule violations described below.

B. Respondent also consents to the imposition of the following sanctions:

a censure and a $425,000 fine.

December l8, 2025            Wexmoor Securities, LLC

Accepted by FINRA:

January l2, 2026             Signed on behalf of the Director of ODA
"""


def test_a_self_regulators_settlement_letter_is_its_penalty_on_the_respondent(extractor):
    [penalty] = of_type(events_of(extractor, AWC, "2026-01-15"), "penalty")
    assert names(penalty.agent) == {"Financial Industry Regulatory Authority"}
    assert names(penalty.target) == {"Wexmoor Securities"}
    # accepted by the regulator, not signed by the firm a month before
    assert penalty.date == "2026-01-12"
    assert "imposition of the following sanctions" in penalty.evidence


SEC_ORDER = """UNITED STATES OF AMERICA
Before the
SECURITIES AND EXCHANGE COMMISSION

Release No. 6914 / February 9, 2026

In the Matter of

OSPREY HOLLOW ADVISERS LLC
and NATHANIEL R. BRISBOIS,

Respondents.

Accordingly, it is hereby ORDERED that:

C. Respondent Brisbois be, and hereby is, suspended from association with any investment adviser for a \
period of twelve months.

D. Respondent Osprey Hollow shall, within 14 days of the entry of this Order, pay a civil money penalty in \
the amount of $1,350,000 to the Securities and Exchange Commission.
"""


def test_an_agencys_order_does_what_it_says_hereby_and_binds_by_shall(extractor):
    events = events_of(extractor, SEC_ORDER, "2026-02-10")
    [suspension] = of_type(events, "suspension")
    assert names(suspension.agent) == {"U.S. Securities and Exchange Commission"}
    # the lettered paragraph's "C." and the party's role are not its name
    assert any("Brisbois" in name and "Respondent" not in name for name in names(suspension.target))
    penalties = of_type(events, "penalty")
    assert any("Osprey Hollow" in name for p in penalties for name in names(p.target))
    # dated by the order's release line, not the day the page was posted
    assert {e.date for e in [suspension, *penalties]} == {"2026-02-09"}


def test_shall_still_foretells_when_no_party_is_bound(extractor):
    text = "The Commission shall impose a penalty of $10,000 on any carrier that fails to file."
    assert of_type(events_of(extractor, text, "2026-02-10"), "penalty") == []


FINAL_NOTICE = """FINAL NOTICE

To: Thornleigh Brierley Securities Limited

Date: l7 June 2025

1.1 For the reasons given in this Final Notice, the Au- thority hereby imposes on Thornleigh Brierley \
Securities Limited (the Firm) a financial penalty of £4,8l2,200 pursuant to section 206 of the Act.

Financial Conduct Authority          Final Notice          Page 3 of l4
"""


def test_a_notice_naming_its_author_only_in_a_page_header(extractor):
    [penalty] = of_type(events_of(extractor, FINAL_NOTICE, "2025-06-19"), "penalty")
    # "the Authority" is a defined term for the one authority the notice names, wherever it names it
    assert names(penalty.agent) == {"Financial Conduct Authority"}
    # the party placed between the verb and its object is still the one fined
    assert names(penalty.target) == {"Thornleigh Brierley Securities"}
    # dated by the notice's own "Date:" line (OCR "l7"), not the day it was posted
    assert penalty.date == "2025-06-17"


def test_an_upper_case_judgment_against_a_defendant(extractor):
    from nlp.casing import truecase

    line = "JUDGMENT IS HEREBY ENTERED IN FAVOR OF PLAINTIFF LANTERNWAY LOGISTICS SOFTWARE, INC. AND AGAINST DEFENDANT"
    # a company's "Inc." does not end the sentence, and a party's role is not part of its name
    assert truecase(line) == (
        "Judgment is hereby entered in favor of plaintiff Lanternway Logistics Software, Inc. and against defendant"
    )
    text = (
        "IN THE UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS\n\n"
        + line
        + " CRESTFALL ROUTING SYSTEMS LLC IN THE AMOUNT OF $4,860,000."
    )
    [ruling] = of_type(events_of(extractor, text, "2026-05-29"), "ruling")
    assert names(ruling.agent) == {"U.S. District Court for the Northern District of Illinois"}
    assert names(ruling.target) == {"Crestfall Routing Systems"}


def test_a_penalty_faced_only_if_convicted_is_not_one(extractor):
    text = "If convicted, each faces a maximum penalty of 20 years in prison on each count and on the money laundering charge."
    assert of_type(events_of(extractor, text, "2025-05-14"), "penalty") == []


def test_a_company_that_stopped_using_data_suspended_it(extractor):
    text = "Fennick Ireland Unlimited Company stopped using EEA users' public posts to train Fennick Muse in November 2025."
    [stop] = of_type(events_of(extractor, text, "2026-05-21"), "suspension")
    assert names(stop.agent) == {"Fennick Ireland Unlimited"}
    assert stop.date == "2025-11"


def test_the_individual_listed_below_is_named_by_the_list(extractor):
    text = (
        "On April 10, 2026, OFAC removed from the SDN List the individual listed below.\n\n"
        "1. MERESCU, Anatol (a.k.a. MERESCU, Anatolie), Chisinau, Moldova; DOB 11 Sep 1969 [RUSSIA-EO14024].\n"
    )
    [removal] = of_type(events_of(extractor, text, "2026-04-14"), "designation")
    assert names(removal.target) == {"MERESCU, Anatol"}
    assert removal.attrs.get("action") == "remove"
