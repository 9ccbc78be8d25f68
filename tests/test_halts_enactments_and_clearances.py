"""Acts told in the words companies, legislatures and competition authorities use: a feature
"switched off", a bill the governor "signed it", legislation that "became law", a merger cleared
on conditions, commitments "made binding", an agency the gazetteer does not know."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_a_company_switching_a_feature_off_halts_it(extractor):
    text = (
        "Brindlecove Software said regulators had asked for its training records. On Thursday the company "
        "switched off the voice-cloning feature of its Parlo 2 app for users in Australia."
    )
    [halt] = of_type(events_of(extractor, text, "2026-05-09"), "suspension")
    assert halt.date == "2026-05-07"
    halted = " ".join(r.text for r in halt.target)
    assert "voice-cloning feature" in halted or "Parlo 2" in halted
    assert not {"Australia", "Australian Government"} & names(halt.target)  # where, not what


def test_a_time_phrase_opening_the_clause_is_no_particle(extractor):
    # "On Wednesday ... switched off": the "On" of the date must not make it a "switch on" launch
    text = "Kelsimoor Labs said on Friday it had turned off the location history of its Trailmap service."
    events = events_of(extractor, text, "2026-03-14")
    assert not of_type(events, "launch")
    [halt] = of_type(events, "suspension")
    assert names(halt.agent) == {"Kelsimoor Labs"}


def test_switching_a_product_on_is_still_a_launch(extractor):
    text = "Ostrava Grid switched on its Lumo 3 smart meter service for customers in Brno on Monday."
    assert of_type(events_of(extractor, text, "2026-03-14"), "launch")


def test_a_governor_signing_it_is_a_second_act_on_the_bill(extractor):
    text = (
        "The Legislature passed the Rural Broadband Fairness Act in February, and the governor signed it on March 12."
    )
    acts = of_type(events_of(extractor, text, "2026-04-01"), "legislation")
    assert sorted(e.date for e in acts) == ["2026-02", "2026-03-12"]
    signed = next(e for e in acts if e.date == "2026-03-12")
    assert signed.attrs.get("stage") == "signed"
    assert "governor" in " ".join(r.text for r in signed.agent).lower()


def test_a_company_doing_it_again_is_no_legislation(extractor):
    text = "The House passed the Grid Upgrade Act in May, and Tellwater Energy opposed it the next day."
    acts = of_type(events_of(extractor, text, "2026-06-01"), "legislation")
    assert [e.date for e in acts] == ["2026-05"]


def test_legislation_becoming_law_needs_no_named_signer(extractor):
    text = "Legislation that caps the fees data brokers may charge for deletion requests became law yesterday."
    [law] = of_type(events_of(extractor, text, "2026-05-20"), "legislation")
    assert law.date == "2026-05-19"
    assert law.attrs.get("stage") == "signed"


def test_legislation_that_would_become_law_is_not_an_act(extractor):
    text = "The bill would become law only if the governor signs it before the session ends."
    assert not of_type(events_of(extractor, text, "2026-05-20"), "legislation")


def test_a_statute_named_law_is_found_by_its_shape(extractor):
    text = "The Personal Data Security Law, known as the PDSL, was signed into law in June 2021."
    [law] = of_type(events_of(extractor, text, "2026-05-20"), "legislation")
    assert law.date == "2021-06"


def test_a_law_school_is_no_statute(extractor):
    text = "She studied at Marlow Law School before joining the Kestrel Foundation."
    assert not [e for e in events_of(extractor, text, "2026-05-20")]


def test_british_spelling_finds_the_rule(extractor):
    text = (
        "Japan's Ministry of Land, Infrastructure, Transport and Tourism earlier this month finalised rules "
        "requiring drone makers to log every flight on a national register."
    )
    [rule] = of_type(events_of(extractor, text, "2026-02-20"), "rule")
    assert rule.date == "2026-02"


def test_a_merger_cleared_on_conditions_is_an_order(extractor):
    text = (
        "The European Commission on Tuesday approved Corvane Logistics' purchase of Danish freight broker "
        "Hestrup on condition that Corvane sell Hestrup's Swedish trucking unit."
    )
    [order] = of_type(events_of(extractor, text, "2026-03-12"), "order")
    assert order.date == "2026-03-10"
    assert "Corvane Logistics" in names(order.target)


def test_an_unconditional_clearance_is_no_event(extractor):
    text = "The European Commission on Tuesday approved Corvane Logistics' purchase of Hestrup."
    assert not of_type(events_of(extractor, text, "2026-03-12"), "order")


def test_commitments_made_binding_are_an_order(extractor):
    text = "The Commission has made the commitments offered by Pellary Pay legally binding under EU antitrust rules."
    [order] = of_type(events_of(extractor, text, "2026-03-12"), "order")
    assert names(order.agent) & {"European Commission", "The Commission"}


def test_an_agency_made_an_order(extractor):
    text = "ASIC made an interim stop order against Yieldwise Pty Ltd on 3 March."
    [order] = of_type(events_of(extractor, text, "2026-03-12"), "order")
    assert order.date == "2026-03-03"
    assert "Yieldwise" in names(order.target)


def test_a_financial_sanction_with_an_amount_is_a_penalty(extractor):
    text = (
        "The Central Bank of the UAE has imposed a financial sanction of AED 2,400,000 on Meridune Exchange "
        "L.L.C. under the anti-money laundering law."
    )
    events = events_of(extractor, text, "2026-03-12")
    assert not of_type(events, "designation")
    [fine] = of_type(events, "penalty")
    assert "Meridune Exchange" in " ".join(names(fine.target))


def test_an_unknown_commission_is_an_agency_the_commission_can_name(extractor):
    text = (
        "The Federal Consumer Credit Protection Commission fined Tallowby Lending Limited on Monday. "
        "The Commission commenced its investigation in May 2025 after borrowers complained."
    )
    [probe] = of_type(events_of(extractor, text, "2026-03-12"), "investigation")
    assert probe.date == "2025-05"
    assert names(probe.agent) == {"Federal Consumer Credit Protection Commission"}
    assert "Tallowby Lending" in " ".join(names(probe.target))


def test_a_passive_sentence_by_a_judge_is_a_ruling(extractor):
    text = "Her co-defendant, Pavel Ostrikov, was sentenced by Judge Amberly in March to 18 months in prison."
    [ruling] = of_type(events_of(extractor, text, "2026-05-12"), "ruling")
    assert ruling.date == "2026-03"
    assert "Pavel Ostrikov" in names(ruling.target)


def test_also_sentenced_by_the_judge_is_the_same_sentence(extractor):
    text = (
        "A former engineer was sentenced today in federal court in Denver to 30 months in prison.\n\n"
        "Corin Vasquez-Thale, 41, of Boulder, was also sentenced by U.S. District Judge Harriet M. Loame to "
        "three years of supervised release."
    )
    rulings = of_type(events_of(extractor, text, "2026-05-12"), "ruling")
    assert len(rulings) == 1
    assert "Corin Vasquez-Thale" in names(rulings[0].target)


def test_an_application_in_the_high_court_is_a_lawsuit(extractor):
    text = (
        "The regulator suspended Ntsika Telecom's licence on Monday. On Wednesday Ntsika Telecom filed an "
        "urgent application in the High Court in Pretoria to set aside the suspension."
    )
    [suit] = of_type(events_of(extractor, text, "2026-03-12"), "lawsuit")
    assert suit.date == "2026-03-11"


def test_ministers_recalling_their_dialogue_halt_nothing(extractor):
    text = "The Ministers recalled their first Dialogue, held in Canberra in May 2025, and its agreements."
    assert not of_type(events_of(extractor, text, "2026-03-12"), "suspension")


def test_overnight_in_a_wire_story_is_the_night_before(extractor):
    text = (
        "SEOUL, June 18 - Hanbit Vacuum said on Wednesday it had stopped shipments to a Chinese customer after "
        "the U.S. Commerce Department overnight revoked the export licences that covered them."
    )
    [order] = of_type(events_of(extractor, text, "2025-06-18"), "order")
    assert order.date == "2025-06-17"


def test_a_numbered_name_the_model_took_for_a_person_is_a_product(extractor):
    text = (
        "Tarnwell AI Newsroom\n\nToday, Corvid 4, our most capable model, becomes generally available to every "
        "developer on the Tarnwell platform."
    )
    [launch] = of_type(events_of(extractor, text, "2026-07-22"), "launch")
    assert launch.date == "2026-07-22"
    assert "Corvid 4" in names(launch.target)
    assert names(launch.agent) == {"Tarnwell AI"}  # "our" is the newsroom's company


def test_a_predecessor_released_a_year_ago_is_the_owners_launch(extractor):
    text = (
        "Brevik Labs released Sorrel 3 on Sept. 15. Its predecessor, Sorrel 2, was released a year ago and is "
        "used by about 12,000 businesses, the company says."
    )
    launches = of_type(events_of(extractor, text, "2026-09-24"), "launch")
    earlier = next(e for e in launches if "Sorrel 2" in names(e.target))
    assert earlier.date == "2025-09"
    assert names(earlier.agent) == {"Brevik Labs"}


def test_a_person_released_on_bail_is_no_launch(extractor):
    text = "The agency's former chief, Maria Oltean, was released on bail on Monday."
    assert not of_type(events_of(extractor, text, "2026-09-24"), "launch")


def test_a_threat_to_make_companies_pay_is_no_penalty(extractor):
    text = (
        '"Firms that look the other way when the buyer is on the Entity List will pay for it," said the '
        "Assistant Secretary for Export Enforcement."
    )
    assert not of_type(events_of(extractor, text, "2025-10-22"), "penalty")


def test_a_settlement_that_will_pay_a_sum_is_still_a_penalty(extractor):
    text = "Under the settlement, Arcwell Systems will pay $2 million to resolve the allegations."
    assert of_type(events_of(extractor, text, "2025-10-22"), "penalty")


def test_what_consumers_believe_happened_is_no_act(extractor):
    text = (
        "Consumers who believe they were charged without their consent may file a complaint with the "
        "Department's Consumer Protection Team."
    )
    assert not events_of(extractor, text, "2025-12-16")


def test_what_happens_whenever_an_agency_acts_is_no_act(extractor):
    text = "When the Commission issues a consent order on a final basis, it carries the force of law."
    assert not of_type(events_of(extractor, text, "2025-12-16"), "order")


def test_negotiating_purchases_is_no_meeting(extractor):
    text = "Darius Mehrani, the managing director of Parsa Tejarat, negotiated the purchases in 2024."
    assert not of_type(events_of(extractor, text, "2025-12-16"), "meeting")


def test_testimony_at_the_hearing_is_part_of_the_hearing(extractor):
    text = (
        "Senator Alda Penhallow, Chair of the Senate Committee on Commerce, Science, and Transportation, "
        "convened a hearing on Tuesday on drone supply chains. Corin Maddox, chief executive of Brightwing "
        "Aerial, appeared as a witness. At the hearing, Mr. Maddox testified that most motors come from abroad."
    )
    [hearing] = of_type(events_of(extractor, text, "2026-06-25"), "meeting")
    assert hearing.date == "2026-06-23"
    assert "Corin Maddox" in names(hearing.agent) | names(hearing.target)


def test_proposing_to_extend_rules_is_a_rule(extractor):
    text = (
        "The U.S. Treasury Department on Wednesday proposed extending its rules on outbound investment to cover "
        "companies developing satellite propulsion."
    )
    [rule] = of_type(events_of(extractor, text, "2026-05-21"), "rule")
    assert rule.date == "2026-05-20"


def test_a_company_extending_its_own_rules_is_no_rule(extractor):
    text = "Acme Corp on Wednesday proposed extending its rules for suppliers."
    assert not of_type(events_of(extractor, text, "2026-05-21"), "rule")


def test_a_complaint_referred_to_the_tribunal_is_a_lawsuit(extractor):
    text = (
        "The Competition Commission has today referred a complaint against Umfula Cold Chain (Pty) Ltd to the "
        "Competition Tribunal for prosecution."
    )
    [suit] = of_type(events_of(extractor, text, "2026-11-12"), "lawsuit")
    assert suit.date == "2026-11-12"
    assert "Umfula Cold Chain" in " ".join(names(suit.target))


def test_a_matter_referred_to_another_agency_is_no_lawsuit(extractor):
    text = "The agency referred the matter to the Justice Department on Monday."
    assert not of_type(events_of(extractor, text, "2026-11-12"), "lawsuit")


def test_an_inquiry_under_way_since_a_month_began_then(extractor):
    text = (
        "Dubai's Virtual Assets Regulatory Authority fined Sandhollow on Monday. The regulator has been examining "
        "the exchange's promotions since January, a person familiar with the matter said."
    )
    [probe] = of_type(events_of(extractor, text, "2026-04-09"), "investigation")
    assert probe.date == "2026-01"


def test_what_an_agency_has_reviewed_since_then_is_no_new_inquiry(extractor):
    text = "Since then, the Treasury has reviewed filings describing buyers who pay in cash."
    assert not of_type(events_of(extractor, text, "2026-04-09"), "investigation")


def test_an_agency_reviewing_is_still_no_act(extractor):
    assert not events_of(extractor, "Regulators are reviewing the exchange's promotions.", "2026-04-09")
