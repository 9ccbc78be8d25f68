"""Trade and national-security acts as news and official notices tell them: denial orders
renewed, licences revoked, parties moved on and off a list in a notice's present tense,
suits against a listing and the rulings on them, and the hardware launches told alongside."""

from __future__ import annotations

from nlp.pipeline import DocInput
from tests.extraction_support import events_of, names, of_type


def test_a_renewed_temporary_denial_order_is_an_order_on_the_firm(extractor):
    text = (
        "The Bureau of Industry and Security on Monday renewed for another 180 days the temporary denial "
        "order against Hong Kong distributor Fernlow Trading Ltd and two of its directors."
    )
    orders = of_type(events_of(extractor, text, "2025-10-03"), "order")
    assert [(e.date, names(e.agent)) for e in orders] == [("2025-09-29", {"Bureau of Industry and Security"})]
    assert any("Fernlow" in n for n in names(orders[0].target))


RENEWAL = """Order Renewing Temporary Denial Order

In the Matter of: Tulkibas Air Cargo LLP, 8 Abai Avenue, Almaty, Kazakhstan; Respondent.

The Bureau of Industry and Security has requested an order renewing for 180 days the temporary denial order issued in this matter against Tulkibas Air Cargo LLP (Tulkibas).

On May 2, 2025, the then-Assistant Secretary for Export Enforcement issued an order denying the export privileges of Tulkibas for a period of 180 days, on the ground that Tulkibas had flown U.S.-origin aircraft into Russia without licenses.

It is therefore ordered:

First, that Tulkibas Air Cargo LLP may not participate in any transaction involving any item subject to the EAR.

Dated: October 20, 2025.
"""


def test_a_renewal_order_is_the_documents_own_act_and_the_first_order_acts_on_the_firm(extractor):
    orders = of_type(events_of(extractor, RENEWAL, "2025-10-24"), "order")
    by_date = {e.date: e for e in orders}
    assert set(by_date) == {"2025-10-20", "2025-05-02"}
    # the first order's reasons name Russia, which it did not act on
    for order in orders:
        targets = names(order.target)
        assert targets and all("Tulkibas" in n for n in targets), targets


def test_revoked_licences_act_on_the_one_they_allowed(extractor):
    text = (
        "The Commerce Department on Tuesday revoked licences allowing Veymont Semiconductor to ship "
        "its accelerators to China."
    )
    orders = of_type(events_of(extractor, text, "2026-04-09"), "order")
    assert [(e.date, names(e.target)) for e in orders] == [("2026-04-07", {"Veymont Semiconductor"})]


def test_a_short_form_the_text_defines_stays_the_company(extractor):
    text = (
        "Karsakpai Air Freight LLP (Karsakpai) operates two Boeing freighters. "
        "BIS issued an order denying the export privileges of Karsakpai for 180 days."
    )
    result = extractor.extract(DocInput("t", text, "2025-10-03"))
    later = [m for m in result.entities if m.text == "Karsakpai" and m.start > 60]
    assert later and all(m.label == "ORG" for m in later)
    orders = of_type(result.events, "order")
    assert len(orders) == 1 and all("Karsakpai" in n for n in names(orders[0].target))


NOTICE_UPDATE = """SUPPLEMENTARY INFORMATION: Section 1260H directs the Secretary of Defense to identify Chinese military companies.

In this update, the Department adds the following entities to the list: Guiyang Tenglong Avionics Co., Ltd., a supplier of flight computers to the People's Liberation Army Navy, and Wuxi Lanbo Marine Systems Co., Ltd., a developer of sonar arrays. The Department removes Hefei Qingyu Opto-
electronics Co., Ltd. from the list, having determined that it no longer meets the statutory criteria.

Hefei Qingyu had challenged its identification in the U.S. District Court for the District of Columbia in May 2025.

The Department removes entities from the list when they no longer meet the criteria.
"""


def test_a_notice_adds_and_removes_named_companies_in_the_present(extractor):
    events = events_of(extractor, NOTICE_UPDATE, "2026-01-09")
    listings = of_type(events, "designation")
    added = [e for e in listings if e.attrs.get("action", "add") == "add"]
    removed = [e for e in listings if e.attrs.get("action") == "remove"]
    assert len(added) == 1 and len(removed) == 1, [(e.attrs, names(e.target)) for e in listings]
    # the navy in a listed company's description is not listed; the habitual last line adds nothing
    assert names(added[0].target) == {"Guiyang Tenglong Avionics", "Wuxi Lanbo Marine Systems"}
    # the name the line break broke is one company
    assert names(removed[0].target) == {"Hefei Qingyu Optoelectronics"}
    assert all(e.date == "2026-01-09" for e in listings)


def test_a_suit_against_its_identification_is_against_the_lister(extractor):
    suits = of_type(events_of(extractor, NOTICE_UPDATE, "2026-01-09"), "lawsuit")
    assert [(e.date, names(e.target)) for e in suits] == [("2025-05", {"U.S. Department of Defense"})]


PODCAST = """Last week the FCC put Brantome Aerial's drones on the Covered List.

On Monday the full Commission voted 3-0 to revoke the equipment authorizations of Brantome Aerial.

Brantome Aerial filed a petition for review in the D.C. Circuit on Tuesday and asked for an emergency stay.

Yesterday a motions panel denied the stay in a two-line order.
"""


def test_a_petition_for_review_and_a_denied_stay_turn_on_the_agency_and_the_petitioner(extractor):
    events = events_of(extractor, PODCAST, "2026-02-12")
    suits, rulings = of_type(events, "lawsuit"), of_type(events, "ruling")
    assert [names(e.target) for e in suits] == [{"Federal Communications Commission"}]
    assert [(e.date, names(e.target)) for e in rulings] == [("2026-02-11", {"Brantome Aerial"})]


def test_judgment_for_the_department_is_against_the_one_who_sued(extractor):
    text = (
        "The Bureau of Industry and Security added Corrigan Freight Limited to the Entity List in 2024. "
        "In February 2025, Corrigan Freight Limited filed suit in the U.S. District Court for the District of "
        "Columbia challenging its listing, and last month the court entered judgment for the Department on all counts."
    )
    events = events_of(extractor, text, "2026-09-10")
    assert [names(e.target) for e in of_type(events, "lawsuit")] == [{"Bureau of Industry and Security"}]
    assert [names(e.target) for e in of_type(events, "ruling")] == [{"Corrigan Freight"}]


def test_hardware_launches_told_by_their_kind_of_thing(extractor):
    text = (
        "Brackwell Instruments launched its Tessaly probe card in 2023. "
        "Marrowgate Micro said on Wednesday that it had begun volume shipments of its MG-7 inference chip to cloud customers. "
        "A broker began shipments of rifles to Tehran in 2023."
    )
    launches = of_type(events_of(extractor, text, "2026-04-09"), "launch")
    told = sorted((e.date, " ".join(sorted(names(e.agent))), " ".join(sorted(names(e.target)))) for e in launches)
    assert told == [
        ("2023", "Brackwell Instruments", "Tessaly"),
        ("2026-04-08", "Marrowgate Micro", "MG-7 inference chip"),
    ]


def test_a_product_the_tagger_takes_for_a_place_is_still_launched(extractor):
    text = (
        "Quillon Audio LLC is a Delaware company based in Austin. It began marketing the StreamCast PX-40, a "
        "low-power FM transmitter for in-car audio, in the United States in 2023."
    )
    launches = of_type(events_of(extractor, text, "2025-06-02"), "launch")
    assert [(e.date, names(e.agent), names(e.target)) for e in launches] == [
        ("2023", {"Quillon Audio"}, {"StreamCast PX-40"})
    ]


def test_a_possessed_product_that_became_available_is_the_owners_launch(extractor):
    text = "Dunmere's ThermaLine 320 sensor, which became commercially available in 2022, is used in weapon sights."
    launches = of_type(events_of(extractor, text, "2025-08-15"), "launch")
    assert [e.date for e in launches] == ["2022"]
    assert [n for n in names(launches[0].agent) if n.startswith("Dunmere")]
    assert [n for n in names(launches[0].target) if n.startswith("ThermaLine 320")]


def test_entities_deleted_from_a_list_are_delisted(extractor):
    text = "METI also deleted 3 entities from the list after confirming that they had been dissolved."
    listings = of_type(events_of(extractor, text, "2026-03-26"), "designation")
    assert [(e.attrs.get("action"), names(e.agent)) for e in listings] == [
        ("remove", {"Ministry of Economy, Trade and Industry"})
    ]


def test_entering_into_a_consent_decree_promulgates_no_rule(extractor):
    text = (
        "The Enforcement Bureau of the Federal Communications Commission has entered into a Consent Decree to "
        "resolve its investigation into whether Pellworth Audio LLC marketed unauthorized devices."
    )
    events = events_of(extractor, text, "2025-06-05")
    assert of_type(events, "rule") == []
    assert [names(e.target) for e in of_type(events, "investigation")] == [{"Pellworth Audio"}]
