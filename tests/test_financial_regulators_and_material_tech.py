"""Acts in the shapes dev31 showed: financial regulators acting on fintech lenders, payment apps
and exchanges (business improvement orders, special representatives, orders naming an exchange
a money-laundering concern, voluntary restrictions told in a relative clause) and the bodies
that act on the material side of technology (inspections, timelines told in the present,
settlements an attorney general announces)."""

from __future__ import annotations

from tests.extraction_support import entities_of, events_of, names, of_type


def test_a_japanese_kabushiki_kaisha_is_a_company_named_without_its_form(extractor):
    text = "Japan's Financial Services Agency issued a business improvement order to Hoshizora Trade K.K. on May 1."
    orders = of_type(events_of(extractor, text, "2026-05-04"), "order")
    assert len(orders) == 1
    assert names(orders[0].target) == {"Hoshizora Trade"}


def test_a_dateline_dash_is_no_part_of_the_company_name_after_it(extractor):
    text = "3. LISBON - Marvessa Capital S.A. launched its euro stablecoin, Marvessa Euro, on Tuesday."
    launches = of_type(events_of(extractor, text, "2026-05-08"), "launch")
    assert len(launches) == 1
    assert names(launches[0].agent) == {"Marvessa Capital"}
    assert "Marvessa Euro" in names(launches[0].target)


def test_a_hyphen_inside_a_name_still_joins_it(extractor):
    found = entities_of(extractor, "Regulators fined Vorn-Castell GmbH over its battery labels in April.")
    assert found.get("Vorn-Castell GmbH", ("", ""))[0] == "ORG"


def test_examiners_beginning_a_targeted_review_open_their_agencys_investigation(extractor):
    text = (
        "Pellory Bank, N.A. provides accounts to fintech apps. OCC examiners began a targeted review "
        "of the bank's partner programs in March."
    )
    found = of_type(events_of(extractor, text, "2026-06-02"), "investigation")
    assert [e.date for e in found] == ["2026-03"]
    assert names(found[0].agent) == {"Office of the Comptroller of the Currency"}
    assert "Pellory Bank" in names(found[0].target)


def test_an_ordinary_review_of_a_report_is_no_investigation(extractor):
    text = "OCC examiners began a review of the bank's annual report in March."
    assert of_type(events_of(extractor, text, "2026-06-02"), "investigation") == []


def test_an_order_an_agency_announces_is_its_order_against_the_exchange_it_names(extractor):
    text = (
        "The Financial Crimes Enforcement Network today announced an order that identifies Tavrin "
        "Exchange as a primary money laundering concern."
    )
    orders = of_type(events_of(extractor, text, "2026-02-12"), "order")
    assert len(orders) == 1
    assert names(orders[0].agent) == {"Financial Crimes Enforcement Network"}
    assert "Tavrin Exchange" in names(orders[0].target)


def test_a_company_announcing_an_order_for_parts_orders_nothing(extractor):
    text = "Gellamor Motors today announced an order for 400 battery packs from a Korean supplier."
    assert of_type(events_of(extractor, text, "2026-02-12"), "order") == []


def test_the_exchange_named_after_its_description_is_the_target_not_its_home(extractor):
    text = "In March 2023, FinCEN issued an order under section 9714, naming the Cyprus-registered exchange Quolvex."
    orders = of_type(events_of(extractor, text, "2026-02-12"), "order")
    assert len(orders) == 1
    assert names(orders[0].target) == {"Quolvex"}


def test_a_restriction_told_in_a_relative_clause_is_the_firms_suspension(extractor):
    text = (
        "In May 2025, at the regulator's request, Drevelle Pay Ltd agreed to a voluntary requirement "
        "under which it stopped onboarding new customers outside the United Kingdom."
    )
    found = of_type(events_of(extractor, text, "2026-03-19"), "suspension")
    assert [e.date for e in found] == ["2025-05"]
    assert names(found[0].agent) == {"Drevelle Pay"}


def test_agreeing_to_stop_later_is_no_suspension_yet(extractor):
    text = "Drevelle Pay agreed to stop onboarding new customers outside the United Kingdom next year."
    assert of_type(events_of(extractor, text, "2026-03-19"), "suspension") == []


def test_a_meeting_an_indictment_alleges_stays_an_allegation(extractor):
    text = (
        "The complaint alleges that in May 2025 he flew to Dubai, where he met with representatives of a chip broker."
    )
    assert of_type(events_of(extractor, text, "2026-03-19"), "meeting") == []


def test_makers_that_stopped_supporting_old_systems_suspend_nothing(extractor):
    text = "Many clinics still run scanners on operating systems that their makers stopped supporting years ago."
    assert of_type(events_of(extractor, text, "2026-03-19"), "suspension") == []


def test_a_withdrawn_motion_is_no_suspension(extractor):
    text = "April 2026: Defendants moved to lift the asset freeze; the motion was withdrawn."
    assert of_type(events_of(extractor, text, "2026-07-09"), "suspension") == []


def test_a_ban_in_a_consent_orders_terms_is_the_courts_ruling_not_a_second_act(extractor):
    text = (
        "The court entered a consent order on June 30, 2026, requiring Fennick Quant LLC and its founder, "
        "Ossian Larke, to pay $2.1 million in restitution, and permanently banning both from trading "
        "in CFTC-regulated markets."
    )
    events = events_of(extractor, text, "2026-07-09")
    assert of_type(events, "suspension") == []
    rulings = of_type(events, "ruling")
    assert len(rulings) == 1
    assert "Fennick Quant" in names(rulings[0].target)


def test_a_legislatures_final_approval_of_a_numbered_state_bill_is_its_passage(extractor):
    text = (
        "The California Legislature last week gave final approval to Senate Bill 902, which would "
        "require payment apps to publish fraud refund rates."
    )
    found = of_type(events_of(extractor, text, "2026-09-03"), "legislation")
    assert [e.date for e in found] == ["2026-08"]
    assert names(found[0].agent) == {"California Legislature"}
    mentions = entities_of(extractor, text, "2026-09-03")
    assert mentions["Senate Bill 902"][0] == "LAW"  # a bill, not the U.S. Senate


def test_a_governor_who_signed_a_law_is_its_signer(extractor):
    text = (
        "Governor Maura Healey, who signed the Consumer Data Fairness Act in October 2025, has until "
        "Friday to act on the new bill."
    )
    found = of_type(events_of(extractor, text, "2026-09-03"), "legislation")
    assert [e.date for e in found] == ["2025-10"]
    assert names(found[0].agent) == {"Maura Healey"}


def test_a_special_representative_appointed_at_a_bank_is_an_order_against_the_bank(extractor):
    text = (
        "On 2 March 2026 BaFin appointed a special representative (Sonderbeauftragter) at Weserfeld "
        "Bank AG pursuant to section 45c of the German Banking Act."
    )
    orders = of_type(events_of(extractor, text, "2026-03-05"), "order")
    assert len(orders) == 1
    assert names(orders[0].agent) == {"Federal Financial Supervisory Authority"}
    assert names(orders[0].target) == {"Weserfeld Bank"}


def test_a_company_appointing_an_administrator_orders_nothing(extractor):
    text = "Weserfeld Holdings appointed a new administrator for its Baltic unit in March."
    assert of_type(events_of(extractor, text, "2026-03-05"), "order") == []


def test_a_settlement_an_attorney_generals_office_announces_is_its_penalty(extractor):
    text = (
        "The Oregon Attorney General's Office today announced that Brellin Devices Inc. will pay "
        "$800,000 under an Assurance of Voluntary Compliance filed in Marion County Circuit Court."
    )
    penalties = of_type(events_of(extractor, text, "2026-04-22"), "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].agent) == {"State of Oregon"}
    assert names(penalties[0].target) == {"Brellin Devices"}
    mentions = entities_of(extractor, text, "2026-04-22")
    assert mentions["Marion County Circuit Court"][0] == "COURT"
    assert "Voluntary Compliance" not in mentions


def test_a_timeline_told_in_the_present_keeps_its_dated_acts(extractor):
    text = """How the dispute unfolded:

- May 4, 2025: Nine households sue Ostley Hash LLC, alleging private nuisance.
- March 2024: The Pike County Board of Commissioners adopts a noise ordinance.
"""
    lawsuits = of_type(events_of(extractor, text, "2025-09-30"), "lawsuit")
    assert [e.date for e in lawsuits] == ["2025-05-04"]
    assert "Ostley Hash" in names(lawsuits[0].target)


def test_a_habit_told_in_the_present_is_still_no_act(extractor):
    text = "Neighbours often sue crypto miners over noise, and the state regularly fines them."
    events = events_of(extractor, text, "2025-09-30")
    assert of_type(events, "lawsuit") == [] and of_type(events, "penalty") == []


def test_department_staff_inspecting_a_facility_is_the_departments_inspection(extractor):
    text = (
        "The U.S. Department of Energy has determined that Harlow Creek Digital LLC violated its "
        "efficiency standards. On March 2 and 3, 2026, Department staff inspected the site and "
        "reviewed its operating records."
    )
    found = of_type(events_of(extractor, text, "2026-04-10"), "investigation")
    assert [e.date for e in found] == ["2026-03-02"]
    assert names(found[0].agent) == {"U.S. Department of Energy"}


def test_a_short_name_the_model_took_for_a_person_is_the_company(extractor):
    text = (
        "SEOUL, May 4 - Chatbot maker Vellowing Intelligence pulled its app on Monday. The regulator "
        "on Monday imposed a fine of 2.1 billion won on Vellowing and ordered it to delete the data."
    )
    for event in of_type(events_of(extractor, text, "2026-05-04"), "penalty"):
        assert names(event.target) == {"Vellowing Intelligence"}


def test_her_is_the_party_named_just_before_not_the_person_named_most(extractor):
    text = (
        "The SEC sued Corwin Ashdale and Nell Brannock in May. Ashdale ran the fund; Ashdale hid the "
        "losses; Ashdale wrote the reports.\n\n"
        "On Monday, Judge Ilse Monroe entered a final judgment against Brannock, who consented to it. "
        "The judgment orders her to pay a civil penalty of $90,000."
    )
    for event in of_type(events_of(extractor, text, "2026-06-10"), "penalty"):
        assert "Corwin Ashdale" not in names(event.target)
        assert "Ilse Monroe" not in names(event.target)


def test_french_and_kazakh_bodies_are_known_by_their_names(extractor):
    found = entities_of(
        extractor,
        "The DGCCRF opened an inquiry into Lumeterre SAS in 2025. Kazakhstan's Agency for Financial "
        "Monitoring opened a criminal case in May. Last month the Mazhilis passed amendments on mining.",
        "2026-06-10",
    )
    assert found["DGCCRF"] == ("AGENCY", "DGCCRF")
    assert found["Kazakhstan's Agency for Financial Monitoring"][0] == "AGENCY"
    assert found["Mazhilis"] == ("LEGISLATURE", "Mazhilis")
