"""Sanctions notices, list revisions, settlements and laws named without a trigger noun."""

from __future__ import annotations

from tests.extraction_support import events_of, names

SANCTIONS_NOTICE = """DEPARTMENT OF THE TREASURY
Office of Foreign Assets Control
Notice of OFAC Sanctions Actions
AGENCY: Office of Foreign Assets Control, Treasury.
ACTION: Notice.
SUMMARY: OFAC is publishing the names of two persons whose property and interests in property have been
blocked under Executive Order 14024. OFAC is also publishing the name of one entity that has been removed
from the Specially Designated Nationals and Blocked Persons List (SDN List).
SUPPLEMENTARY INFORMATION:
Notice of OFAC Actions
On June 2, 2026, OFAC designated the following persons, whose property and interests in property are
therefore blocked under E.O. 14024.
Individuals
1. VOLKOVA, Irina Sergeyevna (a.k.a. VOLKOVA, Irina), Moscow, Russia; DOB 04 Mar 1981 [RUSSIA-EO14024].
Designated pursuant to section 1(a)(i) of E.O. 14024 for operating in the technology sector.
2. PETRENKO, Arkady; DOB 19 Aug 1975; nationality Belarus [RUSSIA-EO14024].
In addition, on June 2, 2026, OFAC removed the following entity from the SDN List.
3. SEVERNAYA ZVEZDA TRADING LLC, Saint Petersburg, Russia [RUSSIA-EO14024].
Dated: June 2, 2026.
"""


def test_a_notice_lists_whom_it_designated_and_its_summary_is_not_another_listing(extractor):
    events = events_of(extractor, SANCTIONS_NOTICE, "2026-06-05")
    listings = [e for e in events if e.type == "designation"]
    added = [e for e in listings if e.attrs.get("action") != "remove"]
    removed = [e for e in listings if e.attrs.get("action") == "remove"]
    assert len(added) == 1 and len(removed) == 1
    assert {"VOLKOVA, Irina Sergeyevna", "PETRENKO, Arkady"} <= names(added[0].target)
    assert names(removed[0].target) == {"SEVERNAYA ZVEZDA TRADING LLC"}
    assert removed[0].date == "2026-06-02"
    # blocking property is what a designation does, not a suspension of its own
    assert not [e for e in events if e.type == "suspension"]


LIST_REVISION = """Revisions to the Unverified List
AGENCY: Bureau of Industry and Security, Commerce.
ACTION: Final rule.
SUMMARY: In this final rule, the Bureau of Industry and Security (BIS) amends the Export Administration
Regulations by adding two entities to the Unverified List (UVL).
Background
BIS added Corvane Optics FZE to the UVL on March 3, 2024, and added Talbrook Systems LLC on September 12, 2024.
"""


def test_an_unnamed_listing_is_not_folded_into_a_listing_years_before_it(extractor):
    events = events_of(extractor, LIST_REVISION, "2026-04-10")
    dates = sorted(e.date for e in events if e.type == "designation")
    assert dates == ["2024-03-03", "2024-09-12", "2026-04-10"]


def test_a_second_listing_verb_takes_the_list_said_with_the_first(extractor):
    text = "BIS added Corvane Optics FZE to the UVL on March 3, 2024, and added Talbrook Systems LLC on September 12, 2024."
    later = next(e for e in events_of(extractor, text, "2026-04-10") if e.date == "2024-09-12")
    assert later.type == "designation"
    assert "Talbrook Systems" in " ".join(names(later.target))


def test_a_list_revised_when_entries_were_added_is_that_listing_not_a_rule(extractor):
    text = "The FLETF last revised the list on August 1, 2024, when it added Ferrowind Textiles Co., Ltd. and two of its subsidiaries."
    events = events_of(extractor, text, "2025-01-15")
    assert [(e.type, e.date) for e in events] == [("designation", "2024-08-01")]


def test_taking_action_is_not_taking_someone_off_a_list(extractor):
    acting = "The Trade Representative has determined to take action on the products listed in the Annex."
    assert not [e for e in events_of(extractor, acting) if e.type == "designation"]
    removing = "BIS took Corvane Optics FZE off the Entity List on May 3."
    (removal,) = events_of(extractor, removing, "2026-06-01")
    assert removal.type == "designation" and removal.attrs["action"] == "remove"


def test_an_additional_duty_imposed_on_a_countrys_products_is_an_order(extractor):
    text = (
        "The Trade Representative has determined to impose an additional ad valorem duty of 25 percent on products "
        "of Vietnam classified in the subheadings listed in the Annex."
    )
    (duty,) = events_of(extractor, text, "2026-06-10")
    assert duty.type == "order"
    assert "Office of the U.S. Trade Representative" in names(duty.agent)
    # a duty owed is not a duty imposed
    assert not events_of(extractor, "Importers have a duty to keep records for five years.")


def test_a_law_named_without_a_trigger_noun_is_enacted(extractor):
    (named,) = events_of(extractor, "Congress enacted ECRA on August 13, 2018.", "2026-01-05")
    assert (named.type, named.date) == ("legislation", "2018-08-13")
    text = "The Export Control Reform Act, enacted in August 2018, gives BIS its authority."
    (participle,) = events_of(extractor, text, "2026-01-05")
    assert (participle.type, participle.date, participle.date_precision) == ("legislation", "2018-08", "month")
    # a law only cited is not enacted again
    assert not events_of(extractor, "Under ECRA, exporters must keep records for five years.")


def test_an_agency_proposing_to_require_something_proposes_a_rule(extractor):
    text = "In a notice adopted in January 2025, the FCC proposed to require signed software updates for all routers."
    (proposal,) = events_of(extractor, text, "2025-10-09")
    assert (proposal.type, proposal.date, proposal.attrs["stage"]) == ("rule", "2025-01", "proposed")
    assert "Federal Communications Commission" in names(proposal.agent)


def test_an_agency_accepting_a_consent_agreement_is_the_enforcer(extractor):
    text = "The Federal Trade Commission has provisionally accepted a consent agreement with Pellmark Devices, Inc."
    (settlement,) = events_of(extractor, text, "2026-02-10")
    assert settlement.type == "penalty"
    assert names(settlement.agent) == {"Federal Trade Commission"}
    assert "Pellmark Devices" in " ".join(names(settlement.target))


def test_a_company_entering_an_agreement_with_prosecutors_is_the_penalised_party(extractor):
    text = "In February 2025, Ostrane Logistics entered into a non-prosecution agreement with the Justice Department."
    (agreement,) = events_of(extractor, text, "2025-06-01")
    assert (agreement.type, agreement.date) == ("penalty", "2025-02")
    assert names(agreement.agent) == {"U.S. Department of Justice"}
    assert "Ostrane Logistics" in " ".join(names(agreement.target))


def test_a_company_that_began_selling_a_numbered_model_launched_it(extractor):
    text = "Pellmark began selling the TrailWatch 3 in August 2023, advertising its battery life."
    (launch,) = events_of(extractor, text, "2026-02-10")
    assert (launch.type, launch.date) == ("launch", "2023-08")
    assert "TrailWatch 3" in " ".join(names(launch.target))


def test_a_debarment_is_a_listing(extractor):
    text = "The Department of State has statutorily debarred Corvane Optics FZE under the ITAR."
    (debarment,) = events_of(extractor, text, "2024-05-22")
    assert debarment.type == "designation"
    assert "Corvane Optics FZE" in " ".join(names(debarment.target))
