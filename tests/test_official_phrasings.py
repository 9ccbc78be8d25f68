"""How official texts and the press tell acts that earlier rules missed: a notice of proposed
rulemaking, a statute "signed into law" or "enacted on" behind a long name or a section number,
senators abbreviated "Sens.", an award terminated, a preliminary evaluation, investigators
appointed, an agency that "convicted" a cartel, a payment under a proposed order; and the names
around them (a prosecutors office, the tail of a minister's title, "Ltda.", "Pub. L.")."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_a_notice_of_proposed_rulemaking_is_a_rule(extractor):
    text = (
        "On February 10, 2026, the Office of the Comptroller of the Currency (OCC) published a notice of "
        "proposed rulemaking to implement the licensing regime for stablecoin issuers."
    )
    [rule] = of_type(events_of(extractor, text, "2026-02-18"), "rule")
    assert rule.date == "2026-02-10"
    assert names(rule.agent) == {"Office of the Comptroller of the Currency"}


def test_a_law_signed_behind_its_long_name_is_legislation(extractor):
    text = (
        "The notice implements the regime created by the Guiding and Establishing National Innovation for "
        "U.S. Stablecoins Act (GENIUS Act), which was signed into law on July 18, 2025."
    )
    [law] = of_type(events_of(extractor, text, "2026-02-18"), "legislation")
    assert law.date == "2025-07-18"


def test_a_section_of_a_law_enacted_on_a_day_dates_the_law(extractor):
    text = (
        "Section 848 of the National Defense Authorization Act for Fiscal Year 2020 (Pub. L. 116-92), enacted "
        "on December 20, 2019, prohibits DoD from procuring uncrewed aircraft systems from covered countries."
    )
    events = events_of(extractor, text, "2025-07-24")
    [law] = of_type(events, "legislation")
    assert law.date == "2019-12-20"
    assert not of_type(events, "order")  # what a statute says is no order


def test_senators_abbreviated_sens_introduce_the_bill(extractor):
    text = (
        "The bill, the Election Deepfake Accountability Act, was introduced in March by Sens. Ingrid Holmvik "
        "(D-Ore.) and Boyd Tharsby (R-Mo.)."
    )
    [bill] = of_type(events_of(extractor, text, "2026-01-10"), "legislation")
    assert {"Ingrid Holmvik", "Boyd Tharsby"} <= names(bill.agent)
    assert bill.date == "2025-03"


def test_a_foreign_parliament_passes_an_amendment(extractor):
    text = "The Knesset passed Amendment 13 in August 2024, after a long debate."
    [law] = of_type(events_of(extractor, text, "2026-02-03"), "legislation")
    assert names(law.agent) == {"Knesset"}
    assert law.date == "2024-08"


def test_terminating_an_award_suspends_it(extractor):
    text = (
        "On Monday the Commerce Department terminated the $1.1bn Chips Act award it had promised Calderbrook "
        "Semiconductor for a wafer plant in Ohio."
    )
    [halt] = of_type(events_of(extractor, text, "2026-05-13"), "suspension")
    assert halt.date == "2026-05-11"
    assert "Calderbrook Semiconductor" in names(halt.target)


def test_ending_a_contract_is_no_suspension(extractor):
    text = "Dalvern said it respected the decision and had already ended the contract with the retailer."
    assert not of_type(events_of(extractor, text, "2026-05-13"), "suspension")


def test_a_preliminary_evaluation_opened_is_an_investigation(extractor):
    text = (
        "In March 2025, NHTSA's Office of Defects Investigation opened a preliminary evaluation (PE25-009) "
        "into 310 driverless vehicles."
    )
    [probe] = of_type(events_of(extractor, text, "2025-09-30"), "investigation")
    assert probe.date == "2025-03"


def test_appointing_investigators_opens_an_investigation(extractor):
    text = "The Prudential Regulation Authority appointed investigators on 14 January 2025."
    [probe] = of_type(events_of(extractor, text, "2026-10-26"), "investigation")
    assert probe.date == "2025-01-14"
    assert names(probe.agent) == {"Prudential Regulation Authority"}


def test_investigators_that_may_be_appointed_are_no_investigation(extractor):
    text = "The FCA may appoint investigators if the firm does not respond."
    assert not of_type(events_of(extractor, text, "2026-10-26"), "investigation")


def test_a_competition_authority_convicting_a_cartel_member_penalises_it(extractor):
    text = (
        "The Administrative Council for Economic Defense (CADE) yesterday convicted Vidrolar Autopecas Ltda. "
        "for cartel conduct and fined it R$ 41 million."
    )
    [penalty] = of_type(events_of(extractor, text, "2026-08-20"), "penalty")
    assert penalty.date == "2026-08-19"
    assert names(penalty.target) == {"Vidrolar Autopecas"}


def test_a_government_condemning_sanctions_imposes_no_penalty(extractor):
    text = "Moscow condemned the sanctions as illegal."
    assert not of_type(events_of(extractor, text, "2026-08-20"), "penalty")


def test_paying_under_a_proposed_order_is_a_penalty(extractor):
    text = (
        "Online tutoring provider Brightmoor Learning Inc. has agreed to pay $2.4 million under a proposed "
        "order announced today by the Federal Trade Commission."
    )
    [penalty] = of_type(events_of(extractor, text, "2026-07-13"), "penalty")
    assert names(penalty.target) == {"Brightmoor Learning"}
    assert penalty.date == "2026-07-13"


def test_a_prosecutors_office_is_an_agency_and_the_company_is_not_a_ministers_title(extractor):
    text = (
        "Harunobu Kiko Co., Ltd. exported machine tools without the permission of the Minister of Economy, "
        "Trade and Industry. On July 2, 2024, the Osaka District Public Prosecutors Office indicted the "
        "company."
    )
    [penalty] = of_type(events_of(extractor, text, "2024-11-29"), "penalty")
    assert [r.type for r in penalty.agent] == ["AGENCY"]
    assert names(penalty.target) == {"Harunobu Kiko"}


def test_a_forfeiture_the_sentencing_court_orders_is_part_of_its_ruling(extractor):
    text = (
        "On June 9, 2025, the court sentenced Tverdov to 46 months in prison, and ordered the forfeiture of $310,000."
    )
    events = events_of(extractor, text, "2025-08-25")
    assert not of_type(events, "penalty")
    [ruling] = of_type(events, "ruling")
    assert ruling.date == "2025-06-09"


def test_negotiating_a_consent_order_is_no_meeting(extractor):
    text = "PARTIES ADVISED THE COURT THAT THEY ARE NEGOTIATING A CONSENT ORDER."
    assert not of_type(events_of(extractor, text, "2025-09-29"), "meeting")


def test_none_of_it_granted_is_no_ruling(extractor):
    text = "The company has asked the court to lift the order. None of that has been granted, obviously."
    assert not of_type(events_of(extractor, text, "2025-09-29"), "ruling")


def test_the_largest_sanction_ever_imposed_is_a_record_not_an_act(extractor):
    text = "It was the largest sanction the authority has imposed on a single company."
    events = events_of(extractor, text, "2026-02-03")
    assert not of_type(events, "designation") and not of_type(events, "penalty")


def test_the_signers_further_decision_in_a_denial_order_is_that_order(extractor):
    text = (
        "ORDER DENYING EXPORT PRIVILEGES\n\n"
        "In the Matter of: Anatol Verdikhov\n\n"
        "On June 9, 2025, the court sentenced Verdikhov to 46 months in prison.\n\n"
        "I have decided to deny Verdikhov's export privileges for ten years. I have also decided to revoke "
        "all licenses issued pursuant to the Regulations in which Verdikhov had an interest.\n\n"
        "Dated: August 25, 2025."
    )
    [order] = of_type(events_of(extractor, text, "2025-08-28"), "order")
    assert order.date == "2025-08-25"
