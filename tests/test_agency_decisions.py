"""Agencies' own decisions and orders: a cease-and-desist order told by its heading and its
"It is therefore ORDERED", bodies named head word first, and the examinations their staff begin."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

DESIST_ORDER = """OKLAHOMA DEPARTMENT OF SECURITIES

IN THE MATTER OF LARKSPUR YIELD PARTNERS LLC AND MARGUERITE OSTADAL

Order No. ODS-26-0412

EMERGENCY CEASE AND DESIST ORDER

The Administrator of the Oklahoma Department of Securities (the "Administrator") considered whether to issue an order against Larkspur Yield Partners LLC ("Larkspur") and its manager, Marguerite Ostadal (collectively, "Respondents").

FINDINGS OF FACT
1. Respondents offered notes paying 18 percent a year to Oklahoma residents through online advertisements.
2. Last month, the Kansas Securities Commission issued a summary order against Larkspur for the same offering.

ORDER
1. It is therefore ORDERED that Respondents immediately CEASE AND DESIST from offering for sale any security in Oklahoma until the security is registered.

SIGNED AND ENTERED by the Administrator this 9th day of March, 2026.
"""


def test_a_cease_and_desist_order_is_the_agencys_act_on_each_respondent_dated_by_its_signature(extractor):
    orders = of_type(events_of(extractor, DESIST_ORDER, "2026-03-11"), "order")
    own = [e for e in orders if e.date == "2026-03-09"]
    assert len(own) == 1
    assert {"Larkspur Yield Partners", "Marguerite Ostadal"} <= names(own[0].target)
    # the other state's order recounted in the findings is that commission's, whole name and all
    earlier = [e for e in orders if e.date == "2026-02"]
    assert [names(e.agent) for e in earlier] == [{"Kansas Securities Commission"}]


def test_a_heading_that_only_mentions_an_order_is_no_order_document(extractor):
    text = "Background\n\nThe firm asked whether a cease and desist order would follow. None has been issued."
    assert of_type(events_of(extractor, text, "2026-03-11"), "order") == []


def test_an_examination_its_staff_began_is_the_divisions_investigation(extractor):
    text = (
        "The Securities and Exchange Commission instituted proceedings. Staff of the Commission's "
        "Division of Examinations began an examination of Larkspur Yield Partners LLC in August 2024."
    )
    probes = of_type(events_of(extractor, text, "2026-03-11"), "investigation")
    # (the division acts for the Commission that owns it, which is named with it)
    assert [(e.date, names(e.agent)) for e in probes] == [
        ("2024-08", {"Division of Examinations", "U.S. Securities and Exchange Commission"})
    ]
    assert "Larkspur Yield Partners" in names(probes[0].target)


def test_a_student_beginning_an_examination_is_no_probe(extractor):
    text = "The student began an examination of the archive in August 2024."
    assert of_type(events_of(extractor, text, "2026-03-11"), "investigation") == []


SUSPENSION_ORDER = """FILED
MAR 02 2026
IDAHO BOARD OF PHARMACY

BEFORE THE
IDAHO BOARD OF PHARMACY

In the Matter of
ROSALIND K. VANTERPOOL, RPH
LICENSE NO. RPH40117

ORDER OF EMER- GENCY SUSPENSION

1.
The Idaho Board of Pharmacy (Board) licenses pharmacists in the State of Idaho.

2.
ORDER
IT IS HEREBY ORDERED that the license of Rosalind K. Vanterpool, RPH, to practice pharmacy in the State of Idaho is suspended on an emergency basis.

IT IS SO ORDERED this 2nd day of March, 2026.
"""


def test_a_boards_emergency_suspension_order_suspends_the_licensee_on_its_signing_day(extractor):
    events = events_of(extractor, SUSPENSION_ORDER, "2026-03-05")
    suspensions = of_type(events, "suspension")
    assert [e.date for e in suspensions] == ["2026-03-02"]  # the heading's "EMER- GENCY" read whole
    assert any("vanterpool" in name.lower() for name in names(suspensions[0].target))
    assert "Rosalind K. Vanterpool, RPH, to practice pharmacy" in suspensions[0].evidence  # "K." ends no sentence
    assert of_type(events, "ruling") == []  # a board's "IT IS SO ORDERED" is not a court's


DECREE = """NATIONAL DATA PROTECTION AUTHORITY
General Coordination of Inspection

DECISION No. 41/2026/CGF/ANPD

The GENERAL COORDINATOR OF INSPECTION of the National Data Protection Authority (ANPD), in the exercise of the powers conferred by law, DECIDES:

I - to impose on Farmacia Pinhal Dourado Ltda. a simple fine of R$ 960,000.00 for failing to report a security incident;

II - to notify the party that it may appeal within 10 working days.

Recife, 14 September 2026.

MARINA TEIXEIRA LOBO
"""


def test_a_decrees_numbered_decisions_are_the_deciders_acts_dated_above_the_signature(extractor):
    events = events_of(extractor, DECREE, "2026-09-18")
    penalties = of_type(events, "penalty")
    assert [e.date for e in penalties] == ["2026-09-14"]  # "Recife, 14 September 2026." over the signature
    assert "Farmacia Pinhal Dourado" in names(penalties[0].target)
    assert "I - to impose on Farmacia Pinhal Dourado" in penalties[0].evidence  # quoted as written


def test_an_infinitive_list_without_a_deciding_line_states_no_act(extractor):
    text = "The authority's aims for next year are:\n\nI - to impose fines on firms that hide breaches;\n"
    assert of_type(events_of(extractor, text, "2026-09-18"), "penalty") == []


def test_a_petition_that_asks_this_court_to_enforce_a_demand_is_the_states_suit(extractor):
    text = (
        "The State of Oregon, through its Attorney General, petitions this Court for an order directing "
        "Respondent Brackwater Solar LLC to comply with the civil investigative demand served on it."
    )
    suits = of_type(events_of(extractor, text, "2026-07-06"), "lawsuit")
    assert [e.date for e in suits] == ["2026-07-06"]
    assert names(suits[0].agent) == {"State of Oregon"}


def test_a_habit_in_the_present_tense_is_still_no_suit(extractor):
    text = "The State of Oregon often petitions courts for orders against solar installers."
    assert of_type(events_of(extractor, text, "2026-07-06"), "lawsuit") == []


def test_the_ministry_takes_up_a_ministry_named_head_word_first(extractor):
    text = (
        "AGREEMENT by which imports require a permit from the Ministry of Economy. "
        "That in January the Ministry initiated an investigation into rebar imports from third countries."
    )
    probes = of_type(events_of(extractor, text, "2026-08-28"), "investigation")
    assert [(e.date, names(e.agent)) for e in probes] == [("2026-01", {"Ministry of Economy"})]


def test_a_finding_of_violation_is_the_agencys_penalty_and_accepted_undertakings_its_order(extractor):
    events = events_of(
        extractor,
        "The Office of Foreign Assets Control (OFAC) has issued a Finding of Violation to Corrimal Sonar, Inc. "
        "for exports to a blocked company.",
        "2026-05-04",
    )
    assert [(e.type, names(e.target)) for e in of_type(events, "penalty")] == [("penalty", {"Corrimal Sonar"})]
    accepted = events_of(
        extractor,
        "The Competition and Markets Authority said. We have decided to accept the undertakings offered by "
        "Corrimal Sonar, Inc. in lieu of a reference.",
        "2026-05-04",
    )
    assert [names(e.agent) for e in of_type(accepted, "order")] == [{"Competition and Markets Authority"}]
    assert (
        of_type(events_of(extractor, "The court issued a finding that no violation occurred.", "2026-05-04"), "penalty")
        == []
    )


def test_a_law_that_received_royal_assent_was_enacted_then(extractor):
    text = "Under the Online Marketplaces Act 2025, which received Royal Assent on 3 April 2025, fees changed."
    laws = of_type(events_of(extractor, text, "2026-05-04"), "legislation")
    assert [(e.date, e.attrs.get("stage")) for e in laws] == [("2025-04-03", "signed")]


def test_a_docket_notice_of_filing_by_an_agency_is_no_investigation(extractor):
    text = "04/21/2026   13   NOTICE of Filing of Certified Administrative Record by Bureau of Ocean Energy Management."
    assert of_type(events_of(extractor, text, "2026-05-04"), "investigation") == []


def test_investigators_appointed_to_examine_a_firm_probe_the_firm_not_themselves(extractor):
    text = (
        "On 7 April 2025 the Authority appointed investigators to examine Larchfield Credit Ltd's lending to students."
    )
    probes = of_type(events_of(extractor, text, "2025-12-05"), "investigation")
    assert [names(e.target) for e in probes] == [{"Larchfield Credit"}]


def test_an_expired_time_for_filing_a_petition_is_no_suit(extractor):
    text = "The time for filing a petition for review of the initial decision in this proceeding has expired."
    assert of_type(events_of(extractor, text, "2026-04-06"), "lawsuit") == []
    filed = events_of(
        extractor, "Brenmoor Ltd. filed a petition for review in the Ninth Circuit on Monday.", "2026-04-06"
    )
    assert [e.date for e in of_type(filed, "lawsuit")] == ["2026-04-06"]
