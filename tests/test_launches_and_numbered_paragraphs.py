"""Launches told the way releases and notices tell them: a coined name the model took for a
person, a product named through a relative clause, a name before a product noun; and the
numbered paragraphs of a regulator's notice ("2.1 The firm ...")."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_a_coined_company_name_read_as_a_person_still_launches(extractor):
    text = (
        "Seoul-based Dalmaji Health makes consumer health apps. Dalmaji launched PibuScan on Dec. 8 "
        "with a subscription of 9,900 won a month."
    )
    [launch] = of_type(events_of(extractor, text, "2026-01-20"), "launch")
    assert names(launch.target) == {"PibuScan"}
    assert names(launch.agent) == {"Dalmaji Health"}
    assert launch.date == "2025-12-08"


def test_a_product_the_model_took_for_a_person_is_launched(extractor):
    text = "Tavistock Mutual launched Tavistock Flow, a savings platform, in September 2024."
    [launch] = of_type(events_of(extractor, text, "2026-01-20"), "launch")
    assert names(launch.target) == {"Tavistock Flow"}
    assert launch.date == "2024-09"


def test_a_product_named_before_its_relative_clause_is_launched(extractor):
    text = "Brackley Freight operates ParcelNest, a parcel-locker app that it launched in 2023."
    [launch] = of_type(events_of(extractor, text, "2026-01-20"), "launch")
    assert names(launch.target) == {"ParcelNest"}
    assert names(launch.agent) == {"Brackley Freight"}
    assert launch.date == "2023"


def test_a_name_before_a_product_noun_is_what_began_selling(extractor):
    text = (
        "Ningbo Qiancheng Optics Co., Ltd. designs thermal sensors. It began selling its QC-Vista "
        "camera modules to drone integrators in 2021."
    )
    [launch] = of_type(events_of(extractor, text, "2026-01-20"), "launch")
    assert "QC-Vista" in " ".join(r.text for r in launch.target)
    assert launch.date == "2021"


def test_running_a_named_service_is_no_launch(extractor):
    # the object of "operates" is a product, but operating it launches nothing
    text = "Brackley Freight operates ParcelNest, a parcel-locker app used in four cities."
    assert not of_type(events_of(extractor, text, "2026-01-20"), "launch")


def test_a_company_launching_a_named_person_is_no_product(extractor):
    # an agency launching something is a programme or a probe, never a product
    text = "The Federal Trade Commission launched Operation AI Comply in September."
    assert not of_type(events_of(extractor, text, "2026-01-20"), "launch")


def test_a_numbered_paragraph_keeps_its_subject(extractor):
    text = (
        "FINAL NOTICE\n\nTo: Harrowgate Bank plc\n\n"
        "2.1 Harrowgate launched Harrowgate Pay, a mobile banking platform, in March 2024.\n\n"
        "2.2 The firm moved 400,000 customers onto it within a month."
    )
    [launch] = of_type(events_of(extractor, text, "2026-01-20"), "launch")
    assert names(launch.agent) == {"Harrowgate Bank"}
    assert names(launch.target) == {"Harrowgate Pay"}


def test_a_live_page_heading_is_told_by_the_paragraph_under_it(extractor):
    text = (
        "Live updates: chatbot makers face senators\n\n"
        "1:40 p.m. ET\n"
        "UK regulator opens investigation into Kinvale\n"
        "Across the Atlantic, Britain's online safety regulator, Ofcom, said this afternoon that it had "
        "opened an investigation into whether Morrowfield's Kinvale app failed to protect children.\n"
    )
    [probe] = of_type(events_of(extractor, text, "2026-07-29"), "investigation")
    assert names(probe.agent) == {"Ofcom"}
    assert probe.evidence.startswith("Across the Atlantic")
    assert probe.date == "2026-07-29"


def test_a_short_line_ending_mid_phrase_is_no_heading():
    from nlp.pipeline import _split_lines

    text = (
        "The rule amends the Export Administration Regulations\n"
        "(EAR) by adding 12 entities to the Entity\n"
        "List. These entities have been determined by the U.S. Government to be acting contrary.\n"
        "Office of the Assistant Secretary for\n"
        "Export Administration, Bureau of Industry and Security, Department of Commerce.\n"
    )
    pieces = [text[a:b].strip() for a, b in _split_lines(text, 0, len(text))]
    # the line over a long one ends in a parenthesis's name or a preposition: no heading
    assert any("Regulations\n(EAR) by adding 12 entities to the Entity\nList." in p for p in pieces)
    assert any(p.startswith("Office of the Assistant Secretary for\nExport") for p in pieces)


def test_a_sentence_case_heading_over_a_paragraph_stands_alone():
    from nlp.pipeline import _split_lines

    text = (
        "Regulator fines payments firm\n"
        "The Central Bank of Nigeria fined Kobowise Payments Limited 250 million naira on Thursday.\n"
    )
    pieces = [text[a:b].strip() for a, b in _split_lines(text, 0, len(text))]
    assert pieces[0] == "Regulator fines payments firm"


def test_a_rule_designated_significant_is_no_listing(extractor):
    text = (
        "Executive Orders 12866 and 13563 direct agencies to assess all costs and benefits of available "
        "regulatory alternatives. This final rule has been designated a significant regulatory action "
        "under Executive Order 12866."
    )
    assert not of_type(events_of(extractor, text, "2025-12-03"), "designation")
