"""Court opinions that date and aim their own words, rules that speak through their preamble, and
stories whose dateline says which country's court or chamber is meant, in the shapes dev27
showed: special conditions for one applicant's design, an interim rule's "prohibits", document
numbers that are no product, lists of goods, capacities, participles between a body and its
verb, lawyers for a party, the 1260H list, bid protests, a court's penalty inside its judgment,
unsealed indictments, courts the gazetteer lacks, a judge and the court she sits on, and
rulings restated in a participle."""

from __future__ import annotations

import datetime as dt

from nlp.acts import decided_on
from tests.extraction_support import events_of, names, of_type

SPECIAL_CONDITIONS = """DEPARTMENT OF TRANSPORTATION

Federal Aviation Administration

14 CFR Part 25

[Docket No. FAA-2026-1144; Special Conditions No. 25-931-SC]

Special Conditions: Pellworth Aviation Model PW-9 Airplane; Cabin Wireless Isolation

AGENCY: Federal Aviation Administration (FAA), DOT.

ACTION: Final special conditions.

SUMMARY: These special conditions are issued for the Pellworth Aviation Model PW-9 airplane, whose
cabin wireless system shares a data bus with avionics maintenance functions.

DATES: Effective August 3, 2026.
"""


def test_final_special_conditions_are_a_final_rule_for_the_applicants_design(extractor):
    rules = of_type(events_of(extractor, SPECIAL_CONDITIONS, "2026-07-02"), "rule")
    assert len(rules) == 1
    assert rules[0].attrs.get("stage") == "final"
    assert names(rules[0].agent) == {"Federal Aviation Administration"}
    # (the model may run the name on into "Model")
    assert [n.startswith("Pellworth Aviation") for n in names(rules[0].target)] == [True]
    assert rules[0].date == "2026-07-02"


INTERIM_RULE = """DEPARTMENT OF COMMERCE

Bureau of Industry and Security

15 CFR Part 791

AGENCY: Bureau of Industry and Security, Commerce.

ACTION: Interim final rule.

SUMMARY: In this interim final rule, the Department of Commerce prohibits transactions involving
smart-meter radios designed by persons subject to the jurisdiction of a foreign adversary, where the
radios are installed in utility networks in the United States.
"""


def test_what_this_rule_prohibits_is_the_rule_not_an_order_beside_it(extractor):
    events = events_of(extractor, INTERIM_RULE, "2026-03-10")
    assert [e.type for e in events] == ["rule"]
    assert events[0].attrs.get("stage") == "interim"


def test_a_document_number_released_on_a_day_is_no_product_launch(extractor):
    text = (
        "This is a summary of the Commission's Second Report and Order, FCC 26-31, adopted May 4, 2026, "
        "and released May 7, 2026."
    )
    assert of_type(events_of(extractor, text, "2026-06-01"), "launch") == []


def test_goods_added_to_a_list_of_technologies_are_no_listing(extractor):
    text = (
        "The rule adds photonic integrated circuits and cryogenic amplifiers to the list of technologies "
        "for which a covered transaction is notifiable."
    )
    assert of_type(events_of(extractor, text, "2026-06-01"), "designation") == []


def test_a_named_list_of_goods_still_takes_the_parties_put_on_it(extractor):
    text = (
        "On 4 March, the Trade Administration added Corvane Optics Co., Ltd. to the Entity List of "
        "strategic high-tech commodities."
    )
    listings = of_type(events_of(extractor, text, "2026-03-06"), "designation")
    assert len(listings) == 1
    assert names(listings[0].target) == {"Corvane Optics"}


def test_a_committees_power_to_add_or_remove_entries_is_no_listing(extractor):
    text = (
        "The End-User Review Committee, composed of representatives of several departments, makes all "
        "decisions to add, remove, or modify entries on the Entity List."
    )
    assert of_type(events_of(extractor, text, "2026-04-02"), "designation") == []


def test_a_list_named_as_an_example_is_not_added_to(extractor):
    text = "The statute provides the legal basis for the authorities the Bureau exercises, including the Entity List."
    assert of_type(events_of(extractor, text, "2026-04-02"), "designation") == []


def test_a_body_acting_through_its_office_is_still_the_one_that_acts(extractor):
    text = (
        "In November 2025, the Secretary of Commerce, acting through the Office of Information and "
        "Communications Technology and Services, investigated the data flows of Brannock Telematics Inc."
    )
    inquiries = of_type(events_of(extractor, text, "2026-05-01"), "investigation")
    assert len(inquiries) == 1
    assert inquiries[0].agent, "the Secretary acts, whatever the participle between"
    assert inquiries[0].date == "2025-11"


def test_lawyers_for_a_company_stand_for_it_at_a_meeting(extractor):
    text = "On Monday, the Commission met with counsel for Harwick Signal Systems LLC."
    meetings = of_type(events_of(extractor, text, "2026-05-13"), "meeting")
    assert len(meetings) == 1
    assert names(meetings[0].target) == {"Harwick Signal Systems"}


def test_a_company_identified_as_a_chinese_military_company_is_listed(extractor):
    text = (
        "Its parent, Jinqiao Tongda Holdings, was identified by the Department of Defense in January "
        "2025 as a Chinese military company under section 1260H of the National Defense Authorization Act."
    )
    listings = of_type(events_of(extractor, text, "2026-02-01"), "designation")
    assert len(listings) == 1
    assert names(listings[0].target) == {"Jinqiao Tongda Holdings"}
    assert listings[0].date == "2025-01"


def test_a_statute_telling_the_department_to_identify_companies_lists_no_one(extractor):
    text = "Section 1260H requires the Secretary of Defense to identify each entity that is a Chinese military company."
    assert of_type(events_of(extractor, text, "2026-02-01"), "designation") == []


STATE_OPINION = """IN THE SUPREME COURT OF THE STATE OF OREGON

STATE OF OREGON,
Petitioner,

v.

LINDQVIST AUDIENCE DATA, INC.,
Respondent.

No. S071234

Filed: June 18, 2026

MORALES-TANAKA, J. The question is whether selling location segments built near clinics is a sale of
consumer health data. We hold that it is, and we reverse the Court of Appeals.

The State sued Lindqvist in Multnomah County Circuit Court on May 2, 2024. After a bench trial, the
circuit court entered judgment for the State in February 2025 and imposed civil penalties of $1,400,000.
"""


def test_an_opinions_own_words_are_dated_by_its_filing_line_and_rule_on_the_parties(extractor):
    rulings = of_type(events_of(extractor, STATE_OPINION, "2026-06-23"), "ruling")
    own = [r for r in rulings if "we reverse" in r.evidence]
    assert len(own) == 1
    assert own[0].date == "2026-06-18"
    assert names(own[0].target) >= {"Lindqvist Audience Data"}
    assert "Court of Appeals" not in names(own[0].target)


def test_a_courts_penalty_told_with_its_judgment_is_that_ruling(extractor):
    events = events_of(extractor, STATE_OPINION, "2026-06-23")
    judgments = [e for e in events if e.date == "2025-02"]
    assert [e.type for e in judgments] == ["ruling"]
    assert names(judgments[0].agent) == {"Multnomah County Circuit Court"}


def test_the_filing_line_of_an_opinion_is_read_and_kept_near_its_day():
    published = dt.date(2026, 7, 10)
    assert decided_on("No. 1\n\nFiled: July 9, 2026\n", published) == dt.date(2026, 7, 9)
    assert decided_on("Argued February 12, 2026          Decided July 7, 2026\n", published) == dt.date(2026, 7, 7)
    # a filing line years before the copy is another paper's
    assert decided_on("Filed: July 9, 2019\n", published) is None


def test_an_order_to_unseal_an_indictment_is_no_new_charge(extractor):
    text = "06/05/2026    5    ORDER TO UNSEAL THE INDICTMENT AS TO MARKO DELVANI. SO ORDERED BY MAGISTRATE JUDGE."
    assert of_type(events_of(extractor, text, "2026-06-10"), "penalty") == []


BID_PROTEST = """Decision

Matter of: Ardent Grove Analytics, LLC

File: B-424105

Date: March 3, 2026

Lena Morrow, Esq., for the protester.
Paul Ingram, Esq., Department of Energy, for the agency.

DIGEST

Protest challenging the agency's evaluation of the awardee's cybersecurity plan is denied.

DECISION

Ardent Grove Analytics, LLC, of Arlington, Virginia, protests the award of a contract under a request for
proposals issued by the Department of Energy. We deny the protest.

Edda Marchbanks
General Counsel
"""


def test_a_bid_protest_decision_is_the_gaos_ruling_on_the_agencys_award(extractor):
    rulings = of_type(events_of(extractor, BID_PROTEST, "2026-03-10"), "ruling")
    assert len(rulings) == 1
    assert names(rulings[0].agent) == {"U.S. Government Accountability Office"}
    assert names(rulings[0].target) == {"U.S. Department of Energy"}
    assert rulings[0].date == "2026-03-03"


def test_a_decision_without_the_protest_outcome_is_not_read_as_one(extractor):
    text = BID_PROTEST.replace("We deny the protest.", "We will decide the protest within 100 days.").replace(
        "Protest challenging the agency's evaluation of the awardee's cybersecurity plan is denied.", ""
    )
    assert of_type(events_of(extractor, text, "2026-03-10"), "ruling") == []


WELLINGTON = """WELLINGTON, 12 June 2026 — The High Court has upheld a ministerial direction that bars Korimako
Mobile from installing radio equipment made by a Chinese supplier, dismissing the operator's challenge.

Justice Pareanui delivered the judgment in Wellington yesterday.

In dismissing the application, Justice Pareanui said the Act gave the Minister a broad discretion.

The judge also rejected an argument that the direction breached the Bill of Rights Act.
"""


def test_a_bare_high_court_under_a_foreign_dateline_is_that_countrys(extractor):
    rulings = of_type(events_of(extractor, WELLINGTON, "2026-06-12"), "ruling")
    assert rulings
    assert "High Court of Justice of England and Wales" not in names(rulings[0].agent)
    assert names(rulings[0].agent) == {"High Court"}


def test_the_judge_and_the_court_and_the_restated_dismissal_are_one_ruling(extractor):
    rulings = of_type(events_of(extractor, WELLINGTON, "2026-06-12"), "ruling")
    assert len(rulings) == 1
    assert rulings[0].date == "2026-06-11"


def test_a_bare_high_court_under_a_london_dateline_is_still_englands(extractor):
    text = "LONDON, 12 June 2026 — The High Court has dismissed a challenge by Fenwick Telecom to an Ofcom fine."
    rulings = of_type(events_of(extractor, text, "2026-06-12"), "ruling")
    assert rulings
    assert names(rulings[0].agent) == {"High Court of Justice of England and Wales"}


def test_a_bare_supreme_court_under_new_delhi_is_indias(extractor):
    text = (
        "NEW DELHI, 3 March 2026 — The Supreme Court on Tuesday set aside a blocking order against "
        "Vartika Media, holding that the ministry had not given the company a hearing."
    )
    rulings = of_type(events_of(extractor, text, "2026-03-03"), "ruling")
    assert rulings
    assert names(rulings[0].agent) == {"Supreme Court of India"}


def test_an_application_for_judicial_review_is_a_suit(extractor):
    text = (
        "Korimako Mobile Limited filed its application for judicial review in December, arguing that the "
        "Minister had relied on material it could not see."
    )
    suits = of_type(events_of(extractor, text, "2026-06-12"), "lawsuit")
    assert len(suits) == 1
    assert suits[0].date == "2025-12"


def test_switching_on_a_network_launches_it(extractor):
    text = "Korimako Mobile Limited switched on its 5G standalone network in Auckland in March."
    launches = of_type(events_of(extractor, text, "2026-06-12"), "launch")
    assert len(launches) == 1
    assert launches[0].date == "2026-03"
