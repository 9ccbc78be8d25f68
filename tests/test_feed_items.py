"""Short items as feeds deliver them: character references left by stripped HTML, lists of
dated items whose "today" is the item's day, and the asides and clauses a one-paragraph item
packs into a sentence."""

from __future__ import annotations

from nlp.casing import decode_character_references
from tests.extraction_support import events_of, names, of_type


def test_character_references_are_decoded_in_place_without_moving_any_offset():
    text = "the firm&#39;s &quot;NightOwl&quot; plan &amp; refunds [&hellip;] &bogus; left"
    decoded = decode_character_references(text)
    assert len(decoded) == len(text)
    assert "firm's" in decoded  # the apostrophe joins its word, the padding goes after it
    assert '"NightOwl"' in decoded  # the quotes stay against the name they enclose
    assert "&bogus;" in decoded  # not a reference html knows: left as written


RSS_ITEM = """FTC Sues Meal Kit Seller Brindlecart Over Hidden Renewal Fees
https://www.ftc.gov/news-events/news/press-releases/2026/03/ftc-sues-brindlecart
Wed, 11 Mar 2026 10:05:00 -0400
The Federal Trade Commission on Tuesday filed a complaint in federal court against Brindlecart Foods, Inc., alleging that the Denver company enrolled buyers of its HearthBox meal kits, which it rolled out in 2021, in a &quot;Pantry Plus&quot; renewal they never chose. According to the complaint, Brindlecart stopped enrolling new Pantry Plus members last month. The agency asks the court to order refunds &amp; a ban on [&hellip;]
Read more"""


def test_an_rss_item_with_character_references_still_yields_its_acts(extractor):
    events = events_of(extractor, RSS_ITEM, "2026-03-11")
    lawsuits = of_type(events, "lawsuit")
    assert [e.date for e in lawsuits] == ["2026-03-10"]
    assert "Brindlecart Foods" in names(lawsuits[0].target)
    # an aside set off by a comma is the writer's own fact, not part of what the complaint alleges
    launches = of_type(events, "launch")
    assert [e.date for e in launches] == ["2021"]
    assert [e.date for e in of_type(events, "suspension")] == ["2026-02"]


def test_a_restrictive_clause_under_an_allegation_stays_alleged(extractor):
    text = (
        "The agency filed a complaint against Brindlecart Foods, Inc., alleging that the company "
        "sold meal kits that it rolled out without safety testing."
    )
    assert of_type(events_of(extractor, text, "2026-03-11"), "launch") == []


ALERT = """From: U.S. Department of the Treasury <treasury@service.govdelivery.com>
Subject: OFAC Recent Actions

Office of Foreign Assets Control - Recent Actions

11/18/2026 - Counter Narcotics Designations
Today, OFAC designated two Sinaloa-based money couriers, Lazuli Cambios and Ferrovia Express, for laundering proceeds of fentanyl sales.

11/17/2026 - Settlement Agreement with Halloway Shipping Ltd.
Halloway Shipping Ltd., a Cyprus-managed operator, has agreed to remit $640,000 to settle its potential civil liability for apparent violations involving cargoes carried in 2023.

11/16/2026 - Amended Regulations
OFAC amended the Venezuela Sanctions Regulations to add a general license for medical exports.
"""


def test_each_item_of_a_dated_list_is_dated_by_its_own_heading(extractor):
    events = events_of(extractor, ALERT, "2026-11-19")
    assert [e.date for e in of_type(events, "designation")] == ["2026-11-18"]  # "Today" is the item's day
    assert [e.date for e in of_type(events, "rule")] == ["2026-11-16"]  # untold: the item's day
    penalties = of_type(events, "penalty")
    # "cargoes carried in 2023" describes the cargoes, not when the settlement was made
    assert [e.date for e in penalties] == ["2026-11-17"]
    assert "Halloway Shipping" in names(penalties[0].target)


def test_one_dated_line_is_a_dateline_not_a_list(extractor):
    text = "11/18/2026 - Washington\nThe Commission fined Halloway Shipping Ltd. $640,000 on Monday for false filings."
    penalties = of_type(events_of(extractor, text, "2026-11-19"), "penalty")
    assert [e.date for e in penalties] == ["2026-11-16"]  # Monday before publication, not the line's date


def test_a_date_in_a_clause_describing_the_act_itself_still_dates_it(extractor):
    text = "Ferrovia Express was charged in an indictment returned in October 2025 in the Southern District of Texas."
    penalties = of_type(events_of(extractor, text, "2026-03-11"), "penalty")
    assert [e.date for e in penalties] == ["2025-10"]


DIGEST = """Wednesday, November 18, 2026
Daily Digest

HIGHLIGHTS
Senate passed S. 2215, Rural Broadband Mapping Act.

Senate
Chamber Action
Measures Passed:
Rural Broadband Mapping Act: By 71 yeas to 26 nays (Vote No. 190), Senate passed S. 2215, to require county-level broadband coverage maps, after agreeing to the committee amendment.
Adjournment: Senate convened at 10 a.m. and adjourned at 5:12 p.m., until 10 a.m. on Thursday, November 19, 2026.

Committee Meetings
BUSINESS MEETING
Committee on Commerce, Science, and Transportation: Committee ordered favorably reported S. 2301, to amend the Communications Act of 1934 to restrict the sale of location data.
"""


def test_a_chambers_digest_tells_its_day_its_votes_and_no_sittings(extractor):
    events = events_of(extractor, DIGEST, "2026-11-19")
    passed = [e for e in of_type(events, "legislation") if e.attrs.get("stage") == "passed"]
    # the bill goes by its number; the run-in label before "By 71 yeas" is not who voted
    assert passed and all(names(e.agent) == {"U.S. Senate"} for e in passed)
    assert {e.date for e in passed} == {"2026-11-18"}  # the digest's own day, not the day it went out
    reported = [e for e in of_type(events, "legislation") if e.attrs.get("stage") == "reported"]
    assert len(reported) == 1
    assert of_type(events, "order") == []  # a committee's "ordered reported" sends a bill on, it orders no one
    assert of_type(events, "meeting") == []  # convening and adjourning is a sitting, not a meeting with anyone


def test_a_section_heading_keeps_its_label(extractor):
    text = "KOREA: PLATFORM BILL CLEARS THE ASSEMBLY\n\nThe National Assembly on Thursday passed the Platform Fairness Act."
    events = of_type(events_of(extractor, text, "2026-07-17"), "legislation")
    assert [e.date for e in events] == ["2026-07-16"]


COURT_SUMMARY = """GENERAL COURT OF THE EUROPEAN UNION
PRESS RELEASE No 88/26
Luxembourg, 10 June 2026

Judgments delivered today - summary

Judgment of the General Court in Case T-377/24 | Marrowgate Freight v Commission
By decision of 4 April 2024, the Commission imposed a fine of EUR 12.5 million on Marrowgate Freight SA for sharing price plans with rivals. In today's judgment, the Court dismisses the action in its entirety.
"""


def test_a_court_summary_is_dated_by_its_dateline_and_its_captions_name_two_parties(extractor):
    events = events_of(extractor, COURT_SUMMARY, "2026-06-11")
    penalties = of_type(events, "penalty")
    # "the Commission" of a text about the EU's courts is the European one, not the caption
    # "Marrowgate Freight v Commission" read as a single body
    assert [(e.date, names(e.agent)) for e in penalties] == [("2024-04-04", {"European Commission"})]
    rulings = of_type(events, "ruling")
    assert [e.date for e in rulings] == ["2026-06-10"]  # "today" is the dateline's day, not the feed's


def test_a_bare_commission_outside_the_eu_stays_unresolved(extractor):
    text = "By decision of 4 April 2024, the Commission imposed a fine of $12.5 million on Marrowgate Freight Inc."
    penalties = of_type(events_of(extractor, text, "2026-06-11"), "penalty")
    assert penalties and "European Commission" not in names(penalties[0].agent)


def test_a_meetings_name_with_its_date_is_not_the_pages_date(extractor):
    text = (
        "Foreign Affairs Council, 15 June 2026\nMain results\n\n"
        "The Council yesterday imposed restrictive measures on nine individuals responsible for cyber attacks."
    )
    events = of_type(events_of(extractor, text, "2026-06-16"), "designation")
    assert [e.date for e in events] == ["2026-06-15"]


COURTLISTENER_DOCKET = """CourtListener
Consumer Financial Protection Bureau v. Pellwick Lending, LLC (1:26-cv-00733)
District Court, N.D. Illinois
Last Updated: June 3, 2026

Parties and Attorneys
Consumer Financial Protection Bureau, Plaintiff
Pellwick Lending, LLC, Defendant

Docket Entries
Date Filed | # | Description
02/02/2026 | 1 | COMPLAINT against Pellwick Lending, LLC, filed by Consumer Financial Protection Bureau. (Entered: 02/03/2026)
05/28/2026 | 44 | STIPULATED ORDER FOR PERMANENT INJUNCTION AND MONETARY JUDGMENT as to Defendant Pellwick Lending, LLC. Judgment is entered in favor of Plaintiff in the amount of $1,900,000. (Entered: 05/29/2026)
06/01/2026 | 47 | NOTICE OF APPEAL to 7th Circuit by Pellwick Lending, LLC. (Entered: 06/01/2026)
"""


def test_a_courtlistener_docket_rules_in_its_own_district_and_its_stipulated_judgment_is_the_agencys_penalty(
    extractor,
):
    events = events_of(extractor, COURTLISTENER_DOCKET, "2026-06-04")
    rulings = of_type(events, "ruling")
    # "District Court, N.D. Illinois" is the court, not the circuit an appeal names
    assert [(e.date, names(e.agent)) for e in rulings] == [
        ("2026-05-28", {"U.S. District Court for the Northern District of Illinois"})
    ]
    penalties = of_type(events, "penalty")
    assert [(e.date, names(e.agent)) for e in penalties] == [("2026-05-28", {"Consumer Financial Protection Bureau"})]
    assert "Pellwick Lending" in names(penalties[0].target)


PUBLIC_INSPECTION = """Documents on Public Inspection - Thursday, September 10, 2026

Trade Representative, Office of United States
NOTICES
Initiation of Section 301 Investigation; Hearing; and Request for Public Comments: Vietnam's Cloud Localization Rules
Abstract: On September 8, 2026, the U.S. Trade Representative initiated an investigation of the acts and practices of the Government of Vietnam relating to cloud localization.
FR Doc. 2026-18811 | 5 Pages
"""


def test_a_listed_documents_title_does_not_run_into_its_abstract(extractor):
    probes = of_type(events_of(extractor, PUBLIC_INSPECTION, "2026-09-10"), "investigation")
    assert [e.date for e in probes] == ["2026-09-08"]
    assert names(probes[0].agent) == {"Office of the U.S. Trade Representative"}  # not the title's words


def test_a_cabinet_approving_a_numbered_resolution_makes_a_rule_and_a_roundtable_is_a_meeting(extractor):
    text = (
        "MUSCAT, 12th March, 2026 (ONA) -- The Oman Cabinet approved at its meeting last week Cabinet "
        "Resolution No. (41) of 2026 on fines for breaches of the data protection law. "
        "The Data Office convened a roundtable with banks and telecom operators in January."
    )
    events = events_of(extractor, text, "2026-03-12")
    # "No. (41)" ends no sentence, "of 2026" is the resolution's name, not its date, and the
    # cabinet is a public body, so its resolution is a rule
    assert [e.date for e in of_type(events, "rule")] == ["2026-03"]
    assert [e.date for e in of_type(events, "meeting")] == ["2026-01"]  # "roundtable", tagged an adjective


def test_two_days_later_counts_from_the_last_day_told_not_a_year_in_between(extractor):
    text = (
        "WHEREAS, on 14 April 2026, the Commission ordered Brightkoi Exchange, a platform that began "
        "offering its app to users in 2024, to stop soliciting deposits;\n\n"
        "WHEREAS, two days later, Brightkoi Exchange halted all peso withdrawals;"
    )
    halts = of_type(events_of(extractor, text, "2026-06-26"), "suspension")
    assert [e.date for e in halts] == ["2026-04-16"]
