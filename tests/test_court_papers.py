"""Court papers as scanned or filed: margin line numbers and running page headers, captions set
out in two columns or with "- against -", "In re:" beside a chapter number, petitions for review,
signature dates written "December 5th, 2025" or "6/15/2026"; and the phrasings of their bodies
("paid the fine under protest", "sued in her official capacity", "As pleaded", "Bar No.")."""

from __future__ import annotations

from nlp.casing import clear_page_furniture
from tests.extraction_support import events_of, names, of_type

PLEADING = """Case 2:26-cv-00917-RMB   Document 22   Filed 05/04/26   Page 1 of 2
 1
 2 UNITED STATES DISTRICT COURT
 3 DISTRICT OF OREGON
 4
 5 QUILLBERRY DATA CO.,                     Case No. 2:26-cv-00917-RMB
 6            Plaintiff,
 7      v.                                  ORDER DENYING MOTION
 8 OREGON BOARD OF DATA BROKER              FOR PRELIMINARY INJUNCTION
 9 REGISTRATION, et al.,
10            Defendants.
11
12      After an audit by the Board's staff, on March l2, 2025, the Board issued a
13 decision ordering Quillberry to pay an administrative fine of $31,000 for
Case 2:26-cv-00917-RMB   Document 22   Filed 05/04/26   Page 2 of 2
 1 operating while unregistered. Quillberry paid the fine under protest and, on
 2 April 9, 2025, filed this action against the Board.
 3      The motion is DENIED.
 4      IT IS SO ORDERED.
 5 Dated: May 4, 2026
 6                                         Hon. Wendell Quistenby
"""


def test_page_furniture_is_blanked_without_moving_a_character():
    cleared = clear_page_furniture(PLEADING)
    assert len(cleared) == len(PLEADING)
    assert "Page 2 of 2" not in cleared and "Document 22" not in cleared
    assert "\n 1 operating" not in cleared and "operating while unregistered" in cleared
    # the sentence a page header cut runs on across the break
    assert "decision ordering Quillberry to pay an administrative fine of $31,000 for\n" in cleared


def test_numbered_paragraphs_are_not_margin_numbers():
    text = "1. The Division opened an investigation in 2025.\n\n2. It issued a subpoena.\n\n3. The firm complied.\n"
    assert clear_page_furniture(text) == text


def test_a_scanned_order_reads_through_its_margins_and_page_breaks(extractor):
    events = events_of(extractor, PLEADING, "2026-05-05")
    [fine] = of_type(events, "penalty")
    assert fine.date == "2025-03-12"  # the decision's day, not the day the fine was paid
    [suit] = of_type(events, "lawsuit")
    assert suit.date == "2025-04-09"
    assert "Quillberry Data" in names(suit.agent)
    [ruling] = of_type(events, "ruling")
    assert ruling.date == "2026-05-04"
    # the caption's right column ("ORDER DENYING MOTION") names no party
    assert not any("MOTION" in r.text for r in ruling.target)
    assert "13 decision ordering" in fine.evidence or "Quillberry paid" in suit.evidence  # quoted as written


COMPLAINT = """Marisol Orrelsby (Bar No. 20431)
Assistant Attorney General
OFFICE OF THE IDAHO ATTORNEY GENERAL

IN THE DISTRICT COURT OF THE FOURTH JUDICIAL DISTRICT, ADA COUNTY, STATE OF IDAHO

STATE OF IDAHO, by and through its CONSUMER PROTECTION DIVISION,
Plaintiff,

v.

TUMBLEWREN APPS, INC., a Nevada corporation,
Defendant.

COMPLAINT FOR CIVIL PENALTIES AND INJUNCTIVE RELIEF

1. Tumblewren released Pebble Quest, a free-to-play puzzle game for children, in May 2024.

2. The Attorney General opened an investigation into its in-game purchases in February 2025.

DATED this 14th day of October, 2025.
"""


def test_a_complaint_with_a_spaced_caption_is_the_states_lawsuit_dated_where_counsel_signs(extractor):
    events = events_of(extractor, COMPLAINT, "2025-10-16")
    [suit] = of_type(events, "lawsuit")
    assert names(suit.agent) == {"State of Idaho"}
    assert names(suit.target) == {"Tumblewren Apps"}
    assert suit.date == "2025-10-14"
    assert not of_type(events, "order")  # "(Bar No. 20431)" bars nothing
    [probe] = of_type(events, "investigation")
    assert names(probe.agent) == {"State of Idaho"}  # the state's Attorney General, not the federal one
    [launch] = of_type(events, "launch")
    assert names(launch.target) == {"Pebble Quest"}
    assert launch.date == "2024-05"


def test_a_complaint_signed_long_before_it_was_posted_is_dated_as_posted(extractor):
    [suit] = of_type(events_of(extractor, COMPLAINT, "2026-03-02"), "lawsuit")
    assert suit.date == "2026-03-02"


def test_a_petition_for_review_is_a_lawsuit_against_the_agency(extractor):
    text = """IN THE UNITED STATES COURT OF APPEALS
FOR THE NINTH CIRCUIT

HARTWICK RADIO SYSTEMS, LTD.,
Petitioner,
v.
FEDERAL COMMUNICATIONS COMMISSION and UNITED STATES OF AMERICA,
Respondents.

PETITION FOR REVIEW

Hartwick Radio Systems, Ltd. hereby petitions this Court for review of the Order of the Federal
Communications Commission adopted March 3, 2026.

Dated: April 20, 2026
"""
    [suit] = of_type(events_of(extractor, text, "2026-04-22"), "lawsuit")
    assert names(suit.agent) == {"Hartwick Radio Systems"}
    assert "Federal Communications Commission" in names(suit.target)
    assert suit.date == "2026-04-20"


def test_a_new_york_article_78_decision_is_the_state_courts_ruling(extractor):
    text = """supreme court of the state of new york
county of new york: part 9

in the matter of the application of
larkspur ledger llc, petitioner,
for a judgment under article 78 of the civil practice law and rules,
- against -
new york state department of financial services, respondent.

decision, order and judgment

petitioner commenced this proceeding on february 2, 2026 to annul the department's determination.

accordingly, it is ordered and adjudged that the petition is denied and the proceeding is dismissed.

5/28/2026
"""
    events = events_of(extractor, text, "2026-06-01")
    [ruling] = of_type(events, "ruling")
    assert ruling.date == "2026-05-28"
    assert "Supreme Court of the United States" not in names(ruling.agent)
    assert any("larkspur" in n.lower() for n in names(ruling.target))
    [suit] = of_type(events, "lawsuit")
    assert suit.date == "2026-02-02"


def test_a_bankruptcy_order_names_its_court_and_the_debtor_beside_the_chapter(extractor):
    text = """IN THE UNITED STATES BANKRUPTCY COURT
FOR THE DISTRICT OF DELAWARE

In re:                                        Chapter 11

OSPREYMOOR FOODS HOLDINGS, LLC, et al.,1      Case No. 25-10931 (KJS)

               Debtors.

ORDER APPROVING SETTLEMENT WITH THE FOOD AND DRUG ADMINISTRATION

IT IS HEREBY ORDERED THAT:

1. The Settlement is APPROVED.

Dated: November 3rd, 2025
"""
    [ruling] = of_type(events_of(extractor, text, "2025-11-06"), "ruling")
    assert ruling.date == "2025-11-03"
    assert [r.text for r in ruling.agent] == ["UNITED STATES BANKRUPTCY COURT FOR THE DISTRICT OF DELAWARE"]
    assert names(ruling.target) == {"Ospreymoor Foods Holdings"}


def test_pleas_and_pleadings_that_are_no_penalty(extractor):
    assert not events_of(extractor, "As pleaded, the plaintiff's theory rests on guesses.", "2026-03-01")
    assert not of_type(events_of(extractor, "Dorrance pleaded not guilty in May.", "2026-03-01"), "penalty")
    [plea] = of_type(events_of(extractor, "Dorrance pleaded guilty on May 4.", "2026-06-01"), "penalty")
    assert plea.date == "2026-05-04"


def test_a_defendant_sued_in_her_official_capacity_is_no_new_lawsuit(extractor):
    text = (
        "Defendants, the Board and its Chair, Lorna Pettigrew, sued in her official capacity, move to "
        "dismiss the complaint."
    )
    assert not of_type(events_of(extractor, text, "2026-03-01"), "lawsuit")


def test_paying_the_fine_is_the_penalty_already_told(extractor):
    text = (
        "In December the regulator fined Korrigan Telecom R4 million. Korrigan Telecom paid the fine in "
        "February but did not fix the faults."
    )
    [fine] = of_type(events_of(extractor, text, "2026-03-10"), "penalty")
    assert fine.date == "2025-12"


def test_a_law_cited_by_its_code_sections_is_still_the_one_signed(extractor):
    text = (
        "The company challenges the enforcement of the Data Broker Act, Cal. Civ. Code § 1798.99.80 et seq., "
        "which the Governor signed into law in October 2023."
    )
    [law] = of_type(events_of(extractor, text, "2026-04-03"), "legislation")
    assert law.date == "2023-10"


def test_a_feed_with_a_name_of_its_own_is_what_was_stopped_not_its_owner(extractor):
    text = 'Brindlecomb stopped selling its "TrailTally" location feed in April, the complaint says.'
    [halt] = of_type(events_of(extractor, text, "2025-11-20"), "suspension")
    assert any("TrailTally" in r.text for r in halt.target)


def test_a_recall_of_pumps_the_tagger_read_as_a_verb_recalls_the_pumps(extractor):
    text = "In May, Quenmoor began a voluntary recall of about 9,200 DoseRight 4 pumps running firmware 3.1."
    [recall] = of_type(events_of(extractor, text, "2026-07-10"), "suspension")
    assert any("DoseRight 4 pumps" in r.text for r in recall.target)


def test_a_stipulated_order_requiring_a_penalty_is_one_ruling_on_the_party(extractor):
    text = (
        "On Wednesday, the court entered a stipulated order that requires Hobble Hollow Games to pay a "
        "$1.4 million civil penalty and to delete the data it collected."
    )
    events = events_of(extractor, text, "2025-11-20")
    [ruling] = of_type(events, "ruling")
    assert names(ruling.target) == {"Hobble Hollow Games"}
    assert ruling.date == "2025-11-19"
    assert not of_type(events, "penalty")  # the order's terms, not a second act


FORFEITURE_ORDER = """Before the
Federal Communications Commission
Washington, D.C. 20554

In the Matter of
Corvelle Wireless LLC                             File No.: EB-SED-25-00041177

FORFEITURE ORDER

Adopted: May 12, 2026                                Released: May 14, 2026

By the Commission:

1. We impose a penalty of $640,000 against Corvelle Wireless LLC (Corvelle or the Company) for marketing
unauthorized signal boosters.

2. After receiving complaints from carriers, the Enforcement Bureau (Bureau) issued a Letter of Inquiry to
Corvelle on March 3, 2025. On October 7, 2025, the Commission issued a Notice of Apparent Liability for
Forfeiture proposing a $640,000 forfeiture against Corvelle.
"""


def test_an_agency_order_speaks_as_the_agency_and_is_dated_the_day_it_was_adopted(extractor):
    penalties = of_type(events_of(extractor, FORFEITURE_ORDER, "2026-05-16"), "penalty")
    imposed = next(e for e in penalties if "We impose" in e.evidence)
    # "the Company" is the order's name for the party, not a sign that a company wrote it
    assert names(imposed.agent) == {"Federal Communications Commission"}
    assert imposed.date == "2026-05-12"
    notice = next(e for e in penalties if "Notice of Apparent Liability" in e.evidence)
    # "the Commission" after "the Enforcement Bureau": the body its head word names
    assert names(notice.agent) == {"Federal Communications Commission"}
    assert notice.date == "2025-10-07"


def test_wrapped_prose_is_joined_for_the_parser_but_headings_and_columns_are_not():
    from nlp.pipeline import unwrap_lines

    text = (
        "On October 7, 2025, the Commission issued a Notice of Apparent Liability for\n"
        "Forfeiture proposing a forfeiture against the company.\n"
        "II. DISCUSSION\n"
        "TESSALY RIDGE FOODS, INC.,          Case No. 1:26-cv-00412\n"
        "           Plaintiff,"
    )
    unwrapped = unwrap_lines(text)
    assert len(unwrapped) == len(text)
    assert "Liability for Forfeiture proposing" in unwrapped
    assert "company.\nII. DISCUSSION" in unwrapped
    assert "00412\n           Plaintiff" in unwrapped


def test_a_criminal_complaint_is_a_charge_not_a_civil_suit(extractor):
    text = (
        "A criminal complaint filed on January 9 in the Eastern District of New York charges a Latvian "
        "national with smuggling drone parts."
    )
    assert not of_type(events_of(extractor, text, "2026-01-14"), "lawsuit")
