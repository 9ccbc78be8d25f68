"""Product releases, filings that speak as "we", state bill histories and criminal dockets."""

from __future__ import annotations

import pytest

from nlp.pipeline import build_light_nlp
from tests.extraction_support import events_of, names


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Gantrymoor Robotics today began shipping the Sable X2, its second-generation inspection drone.", "Sable X2"),
        ("Gantrymoor also made its Wayfinder navigation model available to outside developers yesterday.", "Wayfinder"),
        ("Lumenweave began shipping its Halo 2 glasses in the United States in November.", "Halo 2"),
        ("The files described the Orbitek H7 sensor, which the company released in 2024.", "Orbitek H7"),
    ],
)
def test_a_product_shipped_or_made_available_is_launched(extractor, text, product):
    launches = [e for e in events_of(extractor, text, "2026-05-05") if e.type == "launch"]
    assert len(launches) == 1
    # the name, not the description in apposition or the maker's "its"
    assert any(product in name and len(name) <= len(product) + 8 for name in names(launches[0].target))


def test_goods_delivered_to_a_customer_are_not_a_release(extractor):
    text = "Between June 2023 and April 2024, Quanterra shipped more than 600 servers to a logistics company."
    assert [e.type for e in events_of(extractor, text, "2024-06-01")] == []


def test_a_feature_switched_on_by_an_update_is_launched(extractor):
    text = 'The "FaceNote" feature was switched on through a software update in February.'
    launches = [e for e in events_of(extractor, text, "2026-04-30") if e.type == "launch"]
    assert [e.date for e in launches] == ["2026-02"]


TEN_Q = """NIMBLETIDE HEALTH, INC.
QUARTERLY REPORT ON FORM 10-Q
Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations

In February 2026, we launched PulseLoop Pro, our second-generation wearable blood-pressure monitor, in the United States.

On May 11, 2026, we stopped selling the original PulseLoop in the European Union after a notified body declined to renew its certificate.
"""


def test_a_filing_under_an_upper_case_heading_speaks_for_that_company(extractor):
    events = events_of(extractor, TEN_Q, "2026-08-07")
    launch = next(e for e in events if e.type == "launch")
    stop = next(e for e in events if e.type == "suspension")
    assert names(launch.agent) == names(stop.agent) == {"Nimbletide Health"}
    assert names(launch.target) == {"PulseLoop Pro"}
    # what stopped being sold, not where
    assert any("PulseLoop" in name for name in names(stop.target))
    assert "European Union" not in names(stop.target)


def test_company_names_with_a_suffix_after_a_comma_are_found_in_any_case():
    nlp = build_light_nlp()
    doc = nlp("NIMBLETIDE HEALTH, INC.\nShares of Hexwave Robotics Co., Ltd. fell, and Dole Foods, Inc. rose.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("NIMBLETIDE HEALTH, INC.", "ORG"),
        ("Hexwave Robotics Co., Ltd.", "ORG"),
        ("Dole Foods, Inc.", "ORG"),
    }


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "The New York State Department of Financial Services fined Granite Harbor Life on Monday.",
            "New York State Department of Financial Services",
        ),
        ("The Florida State Department of Health fined Acme Corp. on Monday.", None),
    ],
)
def test_a_state_department_is_not_the_state_department(extractor, text, agent):
    penalty = next(e for e in events_of(extractor, text, "2026-01-01") if e.type == "penalty")
    assert "U.S. Department of State" not in names(penalty.agent)
    if agent:
        assert names(penalty.agent) == {agent}


def test_a_rule_told_in_a_relative_clause_on_its_part(extractor):
    text = (
        "The company did not enforce multi-factor authentication, as the amendments to Part 500 "
        "that DFS adopted on November 1, 2023 require."
    )
    rules = [e for e in events_of(extractor, text, "2026-07-09") if e.type == "rule"]
    assert [(e.date, names(e.agent)) for e in rules] == [
        ("2023-11-01", {"New York State Department of Financial Services"})
    ]


def test_a_draft_published_for_comment_is_a_proposed_rule(extractor):
    text = "NIST published a draft of FIPS 211 for public comment in October 2025 and received 87 comments."
    rules = [e for e in events_of(extractor, text, "2026-08-12") if e.type == "rule"]
    assert [(e.date, e.attrs.get("stage")) for e in rules] == [("2025-10", "proposed")]


@pytest.mark.parametrize(
    "text",
    [
        "The act takes effect August 5, 2026, assuming no referendum petition is filed against it.",
        "No charges were filed against Acme Corp.",
        "The SEC filed no charges against Acme Corp. on Monday.",
    ],
)
def test_what_nobody_did_is_not_an_event(extractor, text):
    assert events_of(extractor, text, "2026-05-18") == []


STATE_BILL_HISTORY = """Colorado General Assembly
HB26-1172
Concerning the Use of Algorithmic Rent-Setting Tools by Residential Landlords

Sponsors: Rep. Marisol Quintanar-Hayes, Rep. Devin Aschbrenner | Sen. Priya Kellerman-Oduya

Bill History

Date        Location     Action
05/15/2026  Governor     Governor Signed
05/0l/2026  Governor     Sent to the Governor
04/2l/2026  Senate       Senate Third Reading Passed with Amendments - Committee, Floor
04/l6/2026  Senate       Senate Second Reading Passed with Amendments - Committee
03/l3/2026  Senate       Introduced In Senate - Assigned to Business, Labor & Technology
03/12/2026  House        House Third Reading Passed - No Amendments
0l/26/2026  House        Introduced In House - Assigned to Transportation, Housing & Local Government
"""


def test_a_state_bill_history_gives_introduction_both_passages_and_the_signature(extractor):
    found = {
        (e.date, e.attrs.get("stage"), next(iter(names(e.agent)), None))
        for e in events_of(extractor, STATE_BILL_HISTORY, "2026-05-18")
    }
    # the OCR'd dates ("04/2l/2026") are read; the bill reaching the Senate is not a second introduction;
    # the chambers are Colorado's, not Congress's
    assert found == {
        ("2026-05-15", "signed", "Governor of Colorado"),
        ("2026-04-21", "passed", "Colorado Senate"),
        ("2026-03-12", "passed", "Colorado House of Representatives"),
        ("2026-01-26", "introduced", "Rep. Marisol Quintanar-Hayes"),
    }


CRIMINAL_DOCKET = """U.S. DISTRICT COURT
DISTRICT OF MASSACHUSETTS (BOSTON)
CRIMINAL DOCKET FOR CASE #: 1:26-CR-10058-WTM-1

CASE TITLE: USA V. ARKWRIGHT-MBEKI
DATE FILED: 03/04/2026

DATE FILED   #    DOCKET TEXT
03/04/2026   1    INFORMATION AS TO DELPHINE ARKWRIGHT-MBEKI (1) COUNT(S) 1, 2. (FILED BY USA)
03/04/2026   3    WAIVER OF INDICTMENT BY DELPHINE ARKWRIGHT-MBEKI
03/19/2026   9    CLERK'S NOTES: CHANGE OF PLEA HEARING AS TO DELPHINE ARKWRIGHT-MBEKI HELD. DEFENDANT PLEADS GUILTY TO COUNTS 1 AND 2.
07/14/2026   30   JUDGMENT AS TO DELPHINE ARKWRIGHT-MBEKI (1). SIGNED BY JUDGE TALBOT-MENSAH.
"""


def test_a_criminal_docket_gives_the_charge_and_the_plea_as_penalties(extractor):
    events = events_of(extractor, CRIMINAL_DOCKET, "2026-09-25")
    penalties = sorted((e for e in events if e.type == "penalty"), key=lambda e: e.date)
    assert [e.date for e in penalties] == ["2026-03-04", "2026-03-19"]
    for penalty in penalties:
        # the labelled caption's plaintiff, not the whole caption ("USA", which the gazetteer knows)
        assert names(penalty.agent) == {"United States"}
        assert any("ARKWRIGHT-MBEKI" in name.upper() for name in names(penalty.target))
    # a waiver of indictment charges nobody
    assert "2026-03-04" not in [e.date for e in events if e.type != "penalty"]


CARTEL_RELEASE = """Bonn, 22 April 2026

The Bundeskartellamt has imposed fines totalling approx. € 31.6 million on three manufacturers of industrial valves. The companies fined are Rheinauer Armaturenwerk GmbH, Hollstein Ventiltechnik GmbH & Co. KG and Emsberg Prozesstechnik AG.

In June 2024 the Bundeskartellamt searched the premises of the companies concerned.

Separately, the Bundeskartellamt has initiated a proceeding against Fahrwerk24 SE, operator of a marketplace for used cars.
"""


def test_counted_parties_are_named_by_the_next_sentence(extractor):
    events = events_of(extractor, CARTEL_RELEASE, "2026-04-22")
    fine = next(e for e in events if e.type == "penalty")
    # "approx." does not end the sentence, and "GmbH & Co. KG" is one company
    assert "31.6 million" in fine.evidence
    assert names(fine.target) == {"Rheinauer Armaturenwerk", "Hollstein Ventiltechnik", "Emsberg Prozesstechnik"}
    probes = sorted((e for e in events if e.type == "investigation"), key=lambda e: e.date)
    assert [e.date for e in probes] == ["2024-06", "2026-04-22"]  # the search of premises, the proceeding
    # a company whose name ends in a number is not a product
    assert names(probes[1].target) == {"Fahrwerk24 SE"}


def test_an_application_to_a_tribunal_is_a_lawsuit_and_the_probe_before_it_concerns_the_same_party(extractor):
    text = (
        "The Competition Bureau has filed an application with the Competition Tribunal against Maplestage "
        "Tickets Inc. over its advertising of ticket prices. The application follows an investigation that "
        "the Bureau launched in September 2025."
    )
    events = events_of(extractor, text, "2026-11-10")
    suit = next(e for e in events if e.type == "lawsuit")
    probe = next(e for e in events if e.type == "investigation")
    assert names(suit.target) == names(probe.target) == {"Maplestage Tickets"}  # the tribunal is the forum
    assert probe.date == "2025-09"


WARNING_LETTER = """WARNING LETTER

Saranvati Laboratories Private Limited
MARCS-CMS 702914
February 26, 2026

Dear Mr. Harish Saranvati-Rao:

The U.S. Food and Drug Administration (FDA) inspected your drug manufacturing facility in Baddi.

This warning letter summarizes significant violations of Current Good Manufacturing Practice (CGMP) regulations.

We reviewed your October 10, 2025, response to our Form FDA 483 in detail.

On October 3, 2025, you initiated a voluntary recall of 23 lots of metformin tablets distributed in the United States.

Based upon the nature of the violations, we strongly recommend engaging a consultant to assist your firm in meeting CGMP requirements. You are responsible for investigating these violations.
"""


def test_a_warning_letter_is_the_agencys_order_to_its_addressee(extractor):
    events = events_of(extractor, WARNING_LETTER, "2026-03-05")
    letter = next(e for e in events if e.type == "order")
    assert names(letter.agent) == {"U.S. Food and Drug Administration"}
    assert names(letter.target) == {"Saranvati Laboratories"}
    assert letter.date == "2026-02-26"  # the letterhead's date, not the day it was posted
    assert letter.evidence.startswith("This warning letter summarizes")
    recall = next(e for e in events if e.type == "suspension")
    assert names(recall.agent) == {"Saranvati Laboratories"}  # "you" is the addressee
    # a file number is not the Medicare agency; reading a reply, recommending, and a duty are not acts
    assert not any("Centers for Medicare" in n for e in events for n in names(e.agent))
    assert sorted(e.type for e in events) == ["investigation", "order", "suspension"]


SUMMARY_ORDER = """24-3187-cr
United States v. Dziadosz

UNITED STATES COURT OF APPEALS
FOR THE SECOND CIRCUIT

SUMMARY ORDER

Defendant-Appellant Marek Dziadosz appeals from a judgment of conviction. Dziadosz was indicted in September 2022 for arranging the shipment of machine-tool controllers to Russia. The jury found him guilty on all counts on June 27, 2024.

We have considered Dziadosz's remaining arguments and find them to be without merit. Accordingly, we AFFIRM the judgment of the district court.
"""


def test_a_verdict_an_indictment_and_an_affirmance_are_three_acts(extractor):
    events = events_of(extractor, SUMMARY_ORDER, "2026-10-22")
    rulings = [e for e in events if e.type == "ruling"]
    # "found" is parsed at all (an irregular form), and the verdict does not swallow the affirmance
    assert sorted(e.trigger.split()[-1].lower() for e in rulings) == ["affirm", "found"]
    assert next(e.date for e in rulings if "found" in e.trigger.lower()) == "2024-06-27"
    indictment = next(e for e in events if e.type == "penalty")
    assert indictment.date == "2022-09"
    assert names(indictment.agent) == {"United States"}  # the caption's prosecuting side
