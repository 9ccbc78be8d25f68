"""Acts in the shapes dev29 showed: safety regulators and the makers they oversee (recall queries and
recall reports, consent orders that bind "the Manufacturer", products named by model number) and
trade enforcement (Section 337 cases, trade remedies, detentions and duties)."""

from __future__ import annotations

from nlp.pipeline import DocInput
from tests.extraction_support import events_of, names, of_type

CONSENT_ORDER = """U.S. DEPARTMENT OF TRANSPORTATION
NATIONAL HIGHWAY TRAFFIC SAFETY ADMINISTRATION

CONSENT ORDER

This Consent Order is entered into by the National Highway Traffic Safety Administration (NHTSA) and
Corvane Trucks LLC (Corvane or the Manufacturer) to resolve Recall Query RQ25-011.

I. BACKGROUND

1. On March 3, 2025, the Manufacturer submitted a Part 573 Safety Recall Report (Recall No. 25V-144) covering 12,950 Tessel vans.

2. On May 20, 2025, NHTSA's Office of Defects Investigation opened Recall Query RQ25-011 to examine
whether the Manufacturer had reported the defect on time.

II. TERMS

3. Civil Penalty. The Manufacturer shall pay a civil penalty of $6,400,000 within thirty days.
"""


def test_a_numbered_recall_query_is_an_investigation_of_the_defined_manufacturer(extractor):
    found = of_type(events_of(extractor, CONSENT_ORDER, "2026-02-10"), "investigation")
    assert [e.date for e in found] == ["2025-05-20"]
    assert names(found[0].agent) == {"Office of Defects Investigation"}
    assert names(found[0].target) == {"Corvane Trucks"}  # "the Manufacturer", as the order defines it


def test_a_recall_report_covering_vehicles_is_the_makers_recall_of_them(extractor):
    found = of_type(events_of(extractor, CONSENT_ORDER, "2026-02-10"), "suspension")
    assert [e.date for e in found] == ["2025-03-03"]
    assert names(found[0].agent) == {"Corvane Trucks"}
    assert "Tessel" in " ".join(r.text for r in found[0].target)


def test_the_manufacturer_shall_pay_is_the_orders_penalty_and_the_agency_makes_the_order(extractor):
    events = events_of(extractor, CONSENT_ORDER, "2026-02-10")
    penalties = of_type(events, "penalty")
    assert len(penalties) == 1
    assert names(penalties[0].agent) == {"National Highway Traffic Safety Administration"}
    assert names(penalties[0].target) == {"Corvane Trucks"}
    for order in of_type(events, "order"):
        # "entered into by NHTSA and Corvane": the agency makes it, the company is bound
        assert names(order.agent) == {"National Highway Traffic Safety Administration"}
        assert names(order.target) == {"Corvane Trucks"}


def test_a_draft_orders_blank_amount_is_no_penalty(extractor):
    text = (
        "DRAFT CONSENT ORDER\n\nThe Department and Pellaton Credit LLC (the Company) have discussed a "
        "resolution.\n\nNOW THEREFORE, the Company [shall] pay a civil monetary penalty of $[___] within ten "
        "days of the execution of this Order."
    )
    assert of_type(events_of(extractor, text, "2026-03-02"), "penalty") == []


def test_a_filed_recall_covering_vehicles_and_a_recall_plan_are_recalls(extractor):
    text = (
        "Under pressure from the agency, Ostervale Motors filed a recall in April covering 21,300 model "
        "year 2025 Brisa hatchbacks.\n\nOn May 2, Jiangmen Hualu Auto Co., Ltd. filed a recall plan with "
        "the State Administration for Market Regulation covering 8,400 Hualu K3 sedans."
    )
    found = of_type(events_of(extractor, text, "2026-06-01"), "suspension")
    assert [e.date for e in found] == ["2026-04", "2026-05-02"]
    assert "Brisa" in found[0].target[0].text
    assert "Hualu K3" in " ".join(r.text for r in found[1].target)


def test_a_product_name_with_a_number_is_what_began_selling(extractor):
    text = "Tolland Power recalled its chargers. Tolland began selling the VoltNest 30K through retailers in 2022."
    found = of_type(events_of(extractor, text, "2025-09-01"), "launch")
    assert [e.date for e in found] == ["2022"]
    assert "VoltNest 30K" in found[0].target[0].text


def test_introduced_it_takes_up_the_product_the_text_named(extractor):
    text = (
        "Harlowe Medical, Inc. is recalling 3,100 Sentra RX-9 ventilators.\n\n"
        "The Sentra RX-9 is a portable ventilator used in ambulances. Harlowe introduced it in Canada in 2022."
    )
    found = of_type(events_of(extractor, text, "2025-10-01"), "launch")
    assert [e.date for e in found] == ["2022"]
    assert names(found[0].target) == {"Sentra RX-9"}
    lone = "Harlowe is based in Ohio. Harlowe introduced it in Canada in 2022."
    assert of_type(events_of(extractor, lone, "2025-10-01"), "launch") == []  # nothing says what "it" was


def test_a_company_word_before_a_model_number_is_the_product_line(extractor):
    text = "Brevik Labs, Inc. is recalling 900 Cadence K-40 infusion pumps after reports of over-infusion."
    found = of_type(events_of(extractor, text, "2025-10-01"), "suspension")
    assert names(found[0].agent) == {"Brevik Labs"}
    assert "Cadence Design Systems" not in names(found[0].target)  # the pump line, not the chip-design firm
    assert "Cadence K-40" in found[0].target[0].text


def test_a_word_split_at_a_line_end_starts_its_sentence_in_the_evidence(extractor):
    text = (
        "Harlowe Medical, Inc. is recalling 3,100 Sentra RX-9 ventilators.\n\n"
        "The Sentra RX-9 is a portable ventilator used in ambulances and clinics across the country. Harl-\n"
        "owe introduced it in Canada in 2022 and in the United States a year later, the company said."
    )
    found = of_type(events_of(extractor, text, "2025-10-01"), "launch")
    assert found and found[0].evidence.startswith("Harl-\nowe introduced it")


def test_an_exclusion_from_federal_health_programs_lists_the_founder_not_his_company(extractor):
    text = (
        "Separately, Dorvale Health's founder, Anton Kreshek, was excluded by the HHS Office of Inspector "
        "General from Medicare, Medicaid and all other federal health care programs for eight years, "
        "effective March 2."
    )
    found = of_type(events_of(extractor, text, "2026-03-20"), "designation")
    assert [e.date for e in found] == ["2026-03-02"]
    assert names(found[0].target) == {"Anton Kreshek"}
    assert "Office of Inspector General" in " ".join(names(found[0].agent))


def test_who_a_recall_was_done_in_cooperation_with_is_not_what_was_recalled(extractor):
    text = (
        "Quillfen Cycles Inc. recalled about 14,000 replacement e-bike batteries sold online for $199 to $249, "
        "in cooperation with CPSC, on Thursday."
    )
    found = of_type(events_of(extractor, text, "2026-05-30"), "suspension")
    assert names(found[0].agent) == {"Quillfen Cycles"}
    assert "Consumer Product Safety Commission" not in names(found[0].target)
    assert "e-bike batteries" in found[0].target[0].text


def test_a_company_described_as_a_distributor_in_a_city_is_the_company(extractor):
    text = (
        "Hollowmere Supply, a Tampa distributor that sells the monitors under its own label, said on Tuesday "
        "it had stopped selling them."
    )
    found = of_type(events_of(extractor, text, "2026-04-09"), "suspension")
    assert names(found[0].agent) == {"Hollowmere Supply"}  # not Tampa


def test_a_directive_telling_operators_to_stop_acts_on_the_operators(extractor):
    text = (
        "In a separate action on Tuesday, the FAA issued an emergency airworthiness directive telling operators "
        "of about 90 regional jets equipped with Pellwick flap actuators to stop using the system."
    )
    found = of_type(events_of(extractor, text, "2026-03-12"), "order")
    assert names(found[0].agent) == {"Federal Aviation Administration"}
    assert found[0].target and found[0].target[0].text.startswith("operators of about 90 regional jets")


def test_a_companys_release_speaks_as_we_even_under_a_heading_naming_a_regulator(extractor):
    text = (
        "Orvelle Diagnostics Provides Regulatory Update\n\n"
        "AUSTIN, Texas, Sept. 24, 2026 -- Orvelle Diagnostics, Inc. (Nasdaq: ORVL) today provided an update on "
        "regulatory matters affecting its products.\n\n"
        "Health Canada licence suspension\n\n"
        "On September 16, 2026, Health Canada suspended the medical device licence for the Tessra 2 sensor. "
        "Two days later, we stopped shipping Tessra 2 sensors to our Canadian distributors."
    )
    found = of_type(events_of(extractor, text, "2026-09-24"), "suspension")
    assert [(e.date, names(e.agent)) for e in found] == [
        ("2026-09-16", {"Health Canada"}),
        ("2026-09-18", {"Orvelle Diagnostics"}),
    ]


def test_an_unnamed_shareholders_suit_against_the_company_is_a_lawsuit(extractor):
    text = (
        "Orvelle Diagnostics, Inc. today provided an update on litigation filed against the Company.\n\n"
        "On September 22, 2026, a purported shareholder filed a putative class action in the U.S. District "
        "Court for the Northern District of California against the Company, its chief executive officer and "
        "its chief financial officer."
    )
    found = of_type(events_of(extractor, text, "2026-09-24"), "lawsuit")
    assert [e.date for e in found] == ["2026-09-22"]
    assert names(found[0].agent) == {"a purported shareholder"}
    assert names(found[0].target) == {"Orvelle Diagnostics"}
    several = (
        "Fernhill Produce LLC buys vegetables. The Complaint followed an investigation that PACA Division staff "
        "opened in January 2025 after several unpaid sellers filed informal reparation complaints against "
        "Fernhill Produce LLC."
    )
    assert of_type(events_of(extractor, several, "2026-09-24"), "lawsuit") == []  # a count of people, no plaintiff


def test_an_institution_notice_acts_on_the_respondents_it_lists_not_on_a_date(extractor):
    text = (
        "INTERNATIONAL TRADE COMMISSION\n\n[Investigation No. 337-TA-1502]\n\n"
        "Certain Lidar Modules; Institution of Investigation\n\n"
        "DATES: The Commission voted to institute this investigation on June 3, 2026. Under 19 CFR 210.10(b), "
        "the investigation is instituted on the date this notice is published in the Federal Register.\n\n"
        "(3) The parties upon which the complaint is to be served are: (a) the complainant, Tarrow Optics, Inc.; "
        "(b) the respondents, Hangzhou Meiyun Photonics Co., Ltd., of Hangzhou, China; and (c) the Office of "
        "Unfair Import Investigations;"
    )
    found = of_type(events_of(extractor, text, "2026-06-09"), "investigation")
    assert found and all("date" not in r.text for e in found for r in e.target)
    assert names(found[0].target) == {"Hangzhou Meiyun Photonics"}


def test_a_chamber_approving_a_numbered_resolution_passes_it(extractor):
    text = (
        "The House of Representatives today approved H. Res. 640, finding Delia Marchbank, chief executive of "
        "Quorra Data Systems, in contempt of Congress."
    )
    found = of_type(events_of(extractor, text, "2025-12-12"), "legislation")
    assert [e.date for e in found] == ["2025-12-12"]
    assert names(found[0].agent) == {"U.S. House of Representatives"}


def test_shipments_port_officers_detained_are_held_by_their_agency(extractor):
    text = (
        "U.S. Customs and Border Protection on Thursday issued a withhold release order against Hexiang "
        "Silicon. Since May, officers at the ports of Long Beach and Los Angeles have detained 27 shipments "
        "of solar panels that list Hexiang wafers in their supply-chain documents."
    )
    found = of_type(events_of(extractor, text, "2025-08-25"), "suspension")
    assert [e.date for e in found] == ["2025-05"]
    assert names(found[0].agent) == {"U.S. Customs and Border Protection"}
    assert "solar panels" in " ".join(r.text for r in found[0].target)


def test_its_office_is_the_bodys_office_and_beginning_to_examine_opens_an_inquiry(extractor):
    text = (
        "U.S. Customs and Border Protection issued an order on Thursday. Its Office of Trade began examining "
        "allegations about Hexiang Silicon's labour-transfer programmes earlier this year."
    )
    found = of_type(events_of(extractor, text, "2025-08-25"), "investigation")
    assert [e.date for e in found] == ["2025"]
    assert names(found[0].agent) == {"Office of Trade"}  # not "Its Office of Trade"


def test_a_witness_testifying_before_a_subcommittee_is_heard_by_it(extractor):
    text = (
        "The company's chief executive, Ilse Varnholt, testified before the committee's Subcommittee on "
        "Commerce, Manufacturing, and Trade on June 9."
    )
    found = of_type(events_of(extractor, text, "2026-07-24"), "meeting")
    assert [e.date for e in found] == ["2026-06-09"]
    assert names(found[0].agent) == {"Subcommittee on Commerce, Manufacturing, and Trade"}
    assert names(found[0].target) == {"Ilse Varnholt"}


def test_appearing_on_a_list_is_no_hearing(extractor):
    text = (
        "On November 12, 2025, CBP detained the 9 containers under the Uyghur Forced Labor Prevention Act, "
        "asserting that the yarn may have contained cotton from Qarqi Cotton Co., an entity that appears on "
        "the UFLPA Entity List."
    )
    assert of_type(events_of(extractor, text, "2025-12-01"), "meeting") == []


def test_two_committees_named_with_lists_in_one_sentence_do_not_break_the_document(extractor):
    text = (
        "Public Law 119-77\n\nAn Act\n\nSEC. 2. ASSESSMENT.\n\n(b) Report.—The Secretary shall submit the "
        "assessment, which may include a classified annex, to the Committee on Homeland Security of the House "
        "of Representatives and the Committee on Commerce, Science, and Transportation of the Senate.\n\n"
        "Approved September 2, 2025."
    )
    result = extractor.extract(DocInput("t", text, "2025-09-03"))
    assert result.error is None  # the committee's grown name used to overlap a name inside it


def test_officers_of_a_company_are_not_an_agencys_staff(extractor):
    text = (
        "Interior Ministry officials met the chief technology officers of the operators in Bonn on Monday to "
        "brief them before the order was signed."
    )
    found = of_type(events_of(extractor, text, "2026-06-24"), "meeting")
    assert names(found[0].agent) == {"Interior Ministry"}
    assert not any((r.id or "").startswith("agency:") for r in found[0].target)  # the operators' people


def test_what_a_body_usually_does_is_no_act(extractor):
    text = (
        "The finance ministry usually accepts the directorate's recommendations, though it has rejected several "
        "in recent years. Commerce's preliminary determinations usually follow within four to six months."
    )
    assert events_of(extractor, text, "2026-05-22") == []
    dated = "The FDA usually issues warning letters after inspections. On Monday it issued a warning letter to Kelbrook Labs."
    assert [e.type for e in events_of(extractor, dated, "2026-05-22")] == ["order"]


def test_an_administrative_law_judge_named_in_apposition_rules(extractor):
    text = (
        'On May 12, 2025, the presiding administrative law judge ("ALJ"), Judge Harriet Volk, issued a final '
        'initial determination ("FID") finding a violation of section 337 by Respondents Foshan Lirui '
        "Electronics Co., Ltd. and Castell Audio Ltd."
    )
    found = events_of(extractor, text, "2025-09-15")
    assert [e.type for e in found] == ["ruling"]
    assert names(found[0].agent) == {"Harriet Volk"}


def test_a_trade_commission_caption_naming_goods_is_no_act(extractor):
    text = (
        "UNITED STATES INTERNATIONAL TRADE COMMISSION\nWashington, D.C.\n\n"
        "In the Matter of CERTAIN PORTABLE SPEAKERS AND CHARGING DOCKS THEREFOR\n\n"
        "Investigation No. 337-TA-1455\n\nNOTICE OF COMMISSION DETERMINATION NOT TO REVIEW AN INITIAL DETERMINATION"
    )
    assert of_type(events_of(extractor, text, "2025-10-01"), "penalty") == []  # "CHARGING" charges nobody
