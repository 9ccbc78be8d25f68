"""Regulators outside the United States and parliaments' bill tables, in the shapes dev25
showed: a surcharge ordered or slapped on a firm, a company whose name ends in a department's
short name, a country's possessive before its regulator's name, surcharge payment orders issued
beside cease-and-desist orders, an earlier order a firm was "subject to", a scanned day-first
date, a feature a relative clause says was introduced, a parliament's progress table, laws
passed or adopted as a relative clause or participle tells."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_an_agency_that_ordered_a_firm_to_pay_a_surcharge_imposed_a_penalty_on_it(extractor):
    text = (
        "The Korea Fair Trade Commission on Tuesday ordered Pinegrove Commerce to pay a surcharge of "
        "8.2 billion won for tying its payment service to app approval."
    )
    penalties = of_type(events_of(extractor, text, "2025-09-12"), "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].agent) == {"Korea Fair Trade Commission"}
    # "Pinegrove Commerce" is a company, not the Commerce Department
    assert names(penalties[0].target) == {"Pinegrove Commerce"}
    assert penalties[0].date == "2025-09-09"


def test_a_department_short_name_at_the_end_of_a_companys_name_is_the_company(extractor):
    doc = extractor.nlp(
        "Regulators in Seoul fined Hallowmere Commerce last week. In May Commerce added two firms to a list."
    )
    agencies = [ent for ent in doc.ents if ent.label_ == "AGENCY" and ent.text == "Commerce"]
    # the department only where it stands alone, after "In May"
    assert [ent.start_char for ent in agencies] == [doc.text.index("In May") + len("In May ")]


def test_a_countrys_possessive_before_its_regulators_name_links_to_that_regulator(extractor):
    text = (
        "South Korea's Fair Trade Commission said on Thursday it had slapped Dunmore Mobility with a "
        "12.5 billion won penalty surcharge for favouring its own fleet in taxi dispatch."
    )
    penalties = of_type(events_of(extractor, text, "2026-02-06"), "penalty")
    assert len(penalties) == 1
    assert {a.canonical for a in penalties[0].agent} == {"Korea Fair Trade Commission"}
    # the reason ("for favouring its own fleet") is no party
    assert names(penalties[0].target) == {"Dunmore Mobility"}


def test_an_inspection_at_a_firms_headquarters_in_a_capital_is_not_of_the_capitals_government(extractor):
    text = (
        "The Korea Fair Trade Commission fined Dunmore Mobility Inc. on Thursday. Officials said the case "
        "began with on-site inspections at Dunmore's Seoul headquarters in March 2025."
    )
    inquiries = of_type(events_of(extractor, text, "2026-02-06"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].target) == {"Dunmore Mobility"}
    assert inquiries[0].date == "2025-03"


def test_surcharge_payment_orders_issued_beside_cease_and_desist_orders_are_a_penalty(extractor):
    text = (
        "The Japan Fair Trade Commission today issued cease-and-desist orders and surcharge payment "
        "orders to two makers of parking sensors, having found that they had fixed their prices."
    )
    events = events_of(extractor, text, "2025-11-20")
    penalties = of_type(events, "penalty")
    assert len(penalties) == 1
    assert penalties[0].date == "2025-11-20"
    assert of_type(events, "order")


def test_who_was_subject_to_an_earlier_order_is_its_target_not_what_it_was_for(extractor):
    text = (
        "Harukaze Denki Co., Ltd. was previously subject to a cease-and-desist order issued by the JFTC "
        "in June 2020 for bid rigging on signal maintenance contracts."
    )
    orders = of_type(events_of(extractor, text, "2025-11-20"), "order")
    assert len(orders) == 1
    assert orders[0].date == "2020-06"
    assert "Harukaze Denki" in " ".join(names(orders[0].target))


def test_a_scanned_day_first_date_with_l_for_1_is_read_as_digits():
    from nlp.casing import repair_ocr

    assert repair_ocr("The inquiry began on ll March 2024.") == "The inquiry began on 11 March 2024."
    assert repair_ocr("on l May 2025 the") == "on 1 May 2025 the"
    # a lone capital I is a pronoun or a numeral's letter, not a day, unless a month and year follow
    assert repair_ocr("I agree that in March 2024") == "I agree that in March 2024"


def test_a_day_first_scanned_date_dates_the_inquiry_it_opens(extractor):
    text = "The Commission commenced this inquiry into Quillon Social Limited on ll March 2024."
    inquiries = of_type(events_of(extractor, text, "2026-06-16"), "investigation")
    assert [e.date for e in inquiries] == ["2024-03-11"]


def test_what_a_relative_clause_says_a_company_introduced_is_the_launched_thing_not_the_company(extractor):
    text = (
        'The Commission opened an inquiry into Quillon Social Limited ("Quillon") in March 2024, '
        'following complaints concerning the "Glimmer Nearby" feature, which Quillon introduced for '
        "users in the EU in November 2023."
    )
    launches = of_type(events_of(extractor, text, "2026-06-16"), "launch")
    assert len(launches) == 1
    assert "Quillon Social" in names(launches[0].agent)
    assert "Quillon Social" not in names(launches[0].target)
    assert any("Glimmer Nearby" in name for name in names(launches[0].target))


PROGRESS_TABLE = """Online Payments (Consumer Safeguards) Bill 2026
Type: Government | Portfolio: Treasury | Originating house: House of Representatives | Status: Act

Progress of bill
House of Representatives | Introduced and read a first time | 4 Feb 2026
House of Representatives | Second reading moved | 4 Feb 2026
House of Representatives | Third reading agreed to | l9 Mar 2026
Senate | Introduced and read a first time | 23 Mar 2026
Senate | Referred to committee | 23 Mar 2026
Senate | Third reading agreed to | 30 Jun 2026
Assent | Act no: 44 | Year: 2026 | 8 Jul 2026
"""


def test_a_parliaments_progress_table_gives_introduction_each_houses_passage_and_assent(extractor):
    bills = of_type(events_of(extractor, PROGRESS_TABLE, "2026-09-01"), "legislation")
    stages = sorted((e.date, e.attrs.get("stage"), tuple(sorted(names(e.agent)))) for e in bills)
    assert stages == [
        ("2026-02-04", "introduced", ("House of Representatives",)),
        ("2026-03-19", "passed", ("House of Representatives",)),  # "l9": a scanned 19
        ("2026-06-30", "passed", ("Senate",)),
        ("2026-07-08", "signed", ()),
    ]
    # the evidence is the row as written, noise and all
    assert any(e.evidence.endswith("l9 Mar 2026") for e in bills)


def test_a_law_a_relative_clause_says_the_assembly_passed_is_that_assemblys_act(extractor):
    text = (
        "The Basic Act on the Promotion of Data Industries, which the National Assembly passed in "
        "December 2024, takes effect in January."
    )
    bills = of_type(events_of(extractor, text, "2025-06-01"), "legislation")
    assert len(bills) == 1
    assert "National Assembly" in " ".join(names(bills[0].agent))
    assert bills[0].date == "2024-12"


def test_a_legislature_that_passed_it_passed_the_bill_the_governor_signed(extractor):
    text = (
        "A federal judge blocked the law on Tuesday. The governor had signed the bill in April, weeks "
        "after the Legislature passed it in March with wide margins in both chambers."
    )
    bills = of_type(events_of(extractor, text, "2026-08-20"), "legislation")
    assert sorted((e.date, e.attrs.get("stage")) for e in bills) == [("2026-03", "passed"), ("2026-04", "signed")]


def test_a_law_recited_with_who_adopted_it_and_when_is_that_bodys_act(extractor):
    text = (
        "Pursuant to the Export Control Law, adopted by the Standing Committee of the National People's "
        "Congress on 17 October 2020, the Ministry of Commerce has today placed Brackwater Avionics Inc. "
        "on the export control control list."
    )
    events = events_of(extractor, text, "2025-05-20")
    bills = of_type(events, "legislation")
    assert [e.date for e in bills] == ["2020-10-17"]
    assert "Standing Committee" in " ".join(names(bills[0].agent))
    assert of_type(events, "designation")[0].date == "2025-05-20"


def test_a_senate_committee_named_for_commerce_is_a_lawmaker_not_the_commerce_department(extractor):
    text = (
        "At the markup the Commerce Committee approved the Teen Account Safety Act by voice vote, "
        "sending it to the Senate floor."
    )
    events = events_of(extractor, text, "2025-07-17")
    assert not of_type(events, "rule")
    bills = of_type(events, "legislation")
    assert len(bills) == 1
    assert names(bills[0].agent) == {"Commerce Committee"}


def test_a_phrase_between_has_and_its_verb_leaves_the_bank_regulator_the_one_who_imposed(extractor):
    text = (
        "The Reserve Bank of India (RBI) has, by an order dated March 3, 2026, imposed a monetary penalty "
        "of ₹1.80 crore on Kaveripatnam Payments Bank Limited (the bank) for non-compliance with certain "
        "directions issued by RBI on customer due diligence."
    )
    events = events_of(extractor, text, "2026-03-10")
    penalties = of_type(events, "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].agent) == {"Reserve Bank of India"}
    # the party hung on the sum; "with certain directions" only says why
    assert names(penalties[0].target) == {"Kaveripatnam Payments Bank"}
    # the directions it broke were not issued that day
    assert not of_type(events, "order")


def test_the_first_case_in_which_a_regulator_sanctioned_a_practice_is_a_record_not_an_act(extractor):
    text = "This is the first case in which the KFTC has sanctioned self-preferencing by a delivery platform."
    assert events_of(extractor, text, "2025-10-22") == []


def test_a_courts_declaration_of_a_contravention_and_the_regulators_proceedings_are_events(extractor):
    text = (
        "The Federal Court has ordered Brolgaview Energy Pty Ltd to pay $4.1 million in penalties for "
        "misleading customers. The ACCC instituted proceedings in August 2024. In October 2025, the Court "
        "declared that Brolgaview had contravened the Australian Consumer Law."
    )
    events = events_of(extractor, text, "2026-05-07")
    suits = of_type(events, "lawsuit")
    assert [(e.date, names(e.agent)) for e in suits] == [
        ("2024-08", {"Australian Competition and Consumer Commission"})
    ]
    assert "2025-10" in {e.date for e in of_type(events, "ruling")}
