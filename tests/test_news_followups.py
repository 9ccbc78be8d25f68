"""How news reports and official papers tell an act again: "the same day", "It filed", "The decision
was issued on", a lede's summary spelled out, a proclamation's signing line, a newsletter's headings."""

from __future__ import annotations

import datetime as dt

import spacy

from nlp.acts import written_date
from nlp.pipeline import end_sentences_at_headings
from tests.extraction_support import events_of, names, of_type


def test_the_same_day_is_the_day_last_told(extractor):
    text = (
        "The agency sent Marrowfield Chips a so-called is-informed letter on Tuesday, requiring a license for "
        "exports of its Tessel X4 accelerator.\n\nMarrowfield said it had halted all Tessel X4 shipments to "
        "Chinese customers the same day."
    )
    [halt] = of_type(events_of(extractor, text, "2025-06-12"), "suspension")
    assert halt.date == "2025-06-10"


def test_days_later_count_from_the_date_just_told(extractor):
    text = (
        "The breach was detected on Oct. 12. Quillhaven froze customer withdrawals two days later, "
        "after its engineers failed to trace the transfers."
    )
    [freeze] = of_type(events_of(extractor, text, "2025-12-04"), "suspension")
    assert freeze.date == "2025-10-14"


def test_a_pronoun_opening_a_sentence_carries_on_the_last_subject(extractor):
    text = (
        "The Federal Trade Commission began investigating Brackenridge Lending in 2023 after receiving "
        "complaints from merchants. It filed this action in the Southern District of Florida on "
        "February 10, 2025."
    )
    [suit] = of_type(events_of(extractor, text, "2026-01-15"), "lawsuit")
    assert names(suit.agent) == {"Federal Trade Commission"}
    assert suit.date == "2025-02-10"


def test_a_model_that_became_generally_available_was_launched_by_its_owner(extractor):
    text = (
        "Orveli Labs moved quickly on the product side: its Pellucid-2 model became generally available to "
        "developers on Thursday."
    )
    [launch] = of_type(events_of(extractor, text, "2025-08-04"), "launch")
    assert names(launch.target) == {"Pellucid 2"}
    assert names(launch.agent) == {"Orveli Labs"}
    assert launch.date == "2025-07-31"


def test_a_ledes_summary_and_the_designation_it_sums_up_are_one_act_of_its_date(extractor):
    text = (
        "WASHINGTON - The United States on Tuesday imposed sanctions on seven companies and two people in "
        "Hong Kong that it accuses of supplying drone engines to Iran.\n\n"
        "The Treasury Department's Office of Foreign Assets Control designated Hong Kong-based Verdigris "
        "Harbor Trading Ltd and six affiliated firms under an executive order aimed at proliferators."
    )
    designations = of_type(events_of(extractor, text, "2025-07-17"), "designation")
    assert len(designations) == 1
    assert names(designations[0].agent) >= {"Office of Foreign Assets Control"}
    assert designations[0].date == "2025-07-15"


def test_two_agencies_of_one_government_acting_the_same_day_stay_two_acts(extractor):
    text = (
        "The Securities and Exchange Commission today charged Tamsin Okonkwo-Reyes with defrauding investors "
        "in Lumenvale Robotics. In a parallel action, the U.S. Attorney's Office for the Southern District of "
        "New York today announced criminal charges against Okonkwo-Reyes."
    )
    assert len(of_type(events_of(extractor, text, "2025-10-28"), "penalty")) == 2


def test_blocking_a_takeover_is_an_order_blocking_sales_a_suspension(extractor):
    merger = "The Competition and Markets Authority has blocked Halloran Systems' takeover of Brindle Payroll."
    [order] = of_type(events_of(extractor, merger, "2025-09-03"), "order")
    assert names(order.agent) == {"Competition and Markets Authority"}
    assert names(order.target) >= {"Halloran Systems"}
    halted = "Ostrava Mobile blocked sales of the Kestel 3 phone in Germany on Monday."
    assert of_type(events_of(extractor, halted, "2025-09-03"), "suspension")
    assert not of_type(events_of(extractor, halted, "2025-09-03"), "order")


def test_what_a_regulator_has_rarely_done_is_no_act(extractor):
    text = "The central bank has rarely penalised payment aggregators for storage breaches."
    assert events_of(extractor, text, "2026-03-05") == []


def test_a_proclamations_i_is_the_president_and_its_signing_line_its_date(extractor):
    text = (
        "ADJUSTING IMPORTS OF MARINE WINCHES INTO THE UNITED STATES\n\n"
        "BY THE PRESIDENT OF THE UNITED STATES OF AMERICA\n\nA PROCLAMATION\n\n"
        "1. On March 4, 2025, the Secretary of Commerce initiated an investigation under section 232.\n\n"
        "2. I have decided to adjust the imports of marine winches by imposing a 25 percent ad valorem "
        "tariff on those imports.\n\n"
        "IN WITNESS WHEREOF, I have hereunto set my hand this eighteenth day of September, in the year of "
        "our Lord two thousand twenty-five, and of the Independence of the United States of America the two "
        "hundred fiftieth."
    )
    assert written_date(text, dt.date(2025, 9, 19)) == dt.date(2025, 9, 18)
    [order] = of_type(events_of(extractor, text, "2025-09-19"), "order")
    assert names(order.agent) == {"President of the United States"}
    assert order.date == "2025-09-18"


def test_a_court_page_headers_filing_date_is_the_opinions_date():
    text = "USCA11 Case: 25-11736    Document: 48-1    Date Filed: 01/13/2026    Page: 2 of 21\n\nWe affirm."
    assert written_date(text, dt.date(2026, 1, 15)) == dt.date(2026, 1, 13)
    # a header dated after publication is a typo, not the date
    assert written_date(text, dt.date(2026, 1, 10)) is None


def test_the_decision_issued_on_a_date_dates_the_fine_just_reported(extractor):
    text = (
        "The President of the Personal Data Protection Office (UODO) has imposed an administrative fine of "
        "PLN 900,000 on Wydmy Telekom sp. z o.o. for infringing Article 32 of the GDPR. The decision "
        "(ref. DKN.5112.9.2025) was issued on 28 April 2026."
    )
    [fine] = of_type(events_of(extractor, text, "2026-05-06"), "penalty")
    assert fine.date == "2026-04-28"
    assert names(fine.agent) == {"Personal Data Protection Office (Poland)"}


def test_the_president_of_another_body_is_not_the_us_president(extractor):
    text = "In September 2025 the President of UODO initiated administrative proceedings against Wydmy Telekom."
    [probe] = of_type(events_of(extractor, text, "2026-05-06"), "investigation")
    assert "President of the United States" not in names(probe.agent)


def test_a_newsletter_heading_ends_before_the_paragraph_under_it():
    nlp = spacy.blank("en")
    heading = "3. KENYA: Lorimer Rides found in breach\n"
    paragraph = (
        "Kenya's Office of the Data Protection Commissioner found ride-hailing company Lorimer Rides in breach "
        "of the Data Protection Act last month and fined it KSh 4.5 million."
    )
    doc = end_sentences_at_headings(nlp.make_doc(heading + paragraph))
    assert doc[len(nlp.make_doc(heading))].is_sent_start
    # lines of a column wrapped short, under a blank line, are one sentence still
    wrapped = "This final rule has been\ndesignated a significant regulatory\naction under Executive Order 12866."
    doc = end_sentences_at_headings(nlp.make_doc("\n\n" + wrapped))
    assert not any(t.is_sent_start for t in doc[3:])


def test_an_inquiry_an_act_concludes_was_its_issuers(extractor):
    text = (
        "The final determination, issued by the Office of Information and Communications Technology and "
        "Services, caps an investigation that began in April."
    )
    [probe] = of_type(events_of(extractor, text, "2026-01-15"), "investigation")
    assert names(probe.agent) == {"Office of Information and Communications Technology and Services"}
    assert probe.date == "2025-04"


def test_the_day_a_recall_was_announced_dates_the_recall_the_lede_told(extractor):
    text = (
        "COLUMBUS, Ohio, March 26 - Thornbury Cycles is recalling about 30,000 lithium-ion batteries sold with "
        "its Ridgeback e-bikes after reports of fires, the company said.\n\n"
        "The recall, announced on Tuesday in cooperation with the U.S. Consumer Product Safety Commission, "
        "covers packs made between June 2023 and August 2025."
    )
    [recall] = of_type(events_of(extractor, text, "2026-03-26"), "suspension")
    assert recall.date == "2026-03-24"


def test_an_agencys_temporary_order_is_an_order_a_courts_a_ruling(extractor):
    agency = (
        "On October 23, 2026, the Connecticut Banking Commissioner issued a Temporary Order to Cease and Desist "
        "against Brightmoor Pay, Inc."
    )
    [order] = events_of(extractor, agency, "2026-10-25")
    assert order.type == "order"
    court = (
        "The U.S. District Court for the District of Columbia on Friday issued a temporary restraining order "
        "against the Commerce Department."
    )
    [ruling] = events_of(extractor, court, "2026-10-25")
    assert ruling.type == "ruling"


def test_a_court_declining_to_suspend_an_order_has_ruled_an_agency_has_not(extractor):
    court = "Late the same day, a federal judge declined to suspend the order while the case proceeds."
    assert [e.type for e in events_of(extractor, court, "2025-10-22")] == ["ruling"]
    agency = "The Commerce Department declined to suspend the rule."
    assert events_of(extractor, agency, "2025-10-22") == []
