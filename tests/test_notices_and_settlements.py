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
    assert "Corvane Optics" in " ".join(names(debarment.target))  # "FZE" is a company form, like "Ltd."


BILL_ACTIONS = """s.2214 - drone component origin act
sponsor: sen. okafor, daniel [d-md] (introduced 01/12/2026)

all actions:

06/30/2026 became public law no: 119-61.
06/30/2026 signed by president.
06/09/2026 on motion to suspend the rules and pass the bill agreed to by the yeas and nays: 402 - 11 (roll no. 180).
04/02/2026 passed senate without amendment by unanimous consent.
02/17/2026 committee on commerce, science, and transportation. hearings held.
01/12/2026 introduced in senate
"""


def test_a_bill_action_list_without_a_chamber_column_names_the_chamber_from_the_action(extractor):
    events = events_of(extractor, BILL_ACTIONS, "2026-07-02")
    acts = {e.date: (e.attrs.get("stage"), names(e.agent)) for e in events if e.type == "legislation"}
    assert acts["2026-06-30"] == ("signed", {"President of the United States"})
    assert acts["2026-06-09"] == ("passed", {"U.S. House of Representatives"})
    assert acts["2026-04-02"] == ("passed", {"U.S. Senate"})
    assert acts["2026-01-12"][0] == "introduced"
    assert "2026-02-17" not in acts  # a hearing is not a step of the bill


def test_a_law_one_lawmaker_passed_and_another_signed_is_two_acts(extractor):
    text = (
        'The Ohio Minor Privacy Act (the "Act"), which the General Assembly passed in March and the Governor '
        "signed into law on April 22, 2026, requires platforms to verify ages."
    )
    events = events_of(extractor, text, "2026-06-30")
    agents = sorted(" ".join(sorted(names(e.agent))) for e in events if e.type == "legislation")
    assert len(agents) == 2
    assert "General Assembly" in agents[0] and "Governor" in agents[1]
    # "the mitigation measures the company proposed" is no law
    assert not events_of(extractor, "The measures, which Acme Corp. passed to its customers in March, cut costs.")


def test_only_an_office_gives_orders(extractor):
    defendant = "From 2019 through 2023, Pryce directed technicians at the plant to skip the required tests."
    assert not events_of(extractor, defendant, "2026-07-15")
    buyer = "Acme Corp. ordered 500 chips from its supplier on Monday."
    assert not events_of(extractor, buyer, "2026-07-15")
    (order,) = events_of(extractor, "President Trump ordered the Commerce Department to block the deal on Friday.")
    assert order.type == "order"
    (sentence,) = events_of(extractor, "Judge Marwood ordered Pryce to serve three years of supervised release.")
    assert sentence.type == "ruling"


SENTENCING = """FOR IMMEDIATE RELEASE
Former Executive Sentenced for Falsifying Test Results
DAYTON, Ohio – A former quality director of Harlowe Armor Inc. was sentenced today to 46 months in prison for his
role in a scheme to falsify test results for helmets sold to the U.S. Army.

U.S. District Judge Anne K. Marsh sentenced Dale Prentiss, 58, of Kettering, Ohio, and ordered him to pay
$410,000 in restitution. A federal jury convicted Prentiss in February 2026 of wire fraud after an eight-day trial.
"""


def test_a_person_described_by_an_employer_is_that_person_not_the_employer(extractor):
    events = events_of(extractor, SENTENCING, "2026-07-15")
    rulings = [e for e in events if e.type == "ruling"]
    sentence = next(e for e in rulings if e.date == "2026-07-15")
    assert "Dale Prentiss" in names(sentence.target)
    assert not {"Harlowe Armor", "U.S. Army"} & names(sentence.target)
    # the verdict months before is a step of its own; the restitution is part of the sentence
    assert sorted(e.date for e in rulings) == ["2026-02", "2026-07-15"]
    assert not [e for e in events if e.type == "penalty"]


def test_a_conviction_and_sentence_told_in_one_sentence_are_one_ruling(extractor):
    text = "On March 11, 2024, Halit Demir was convicted of export violations and was sentenced to 30 months in prison."
    assert [e.type for e in events_of(extractor, text, "2024-05-01")] == ["ruling"]


def test_an_agency_known_only_by_its_acronym_gives_orders(extractor):
    text = "On Friday, ANATEL ordered six online marketplaces to remove listings of uncertified streaming boxes."
    (order,) = events_of(extractor, text, "2026-11-09")
    assert order.type == "order"


def test_a_dateline_joined_to_its_sentence_by_a_dash_is_not_the_agent(extractor):
    text = "WASHINGTON—The Financial Crimes Enforcement Network has assessed a $3,900,000 civil money penalty against Tallis Card Club LLC."
    (penalty,) = events_of(extractor, text, "2026-02-10")
    assert names(penalty.agent) == {"Financial Crimes Enforcement Network"}


def test_warning_letters_recalls_and_import_alerts(extractor):
    text = (
        "On June 16, the FDA issued a warning letter to Quillmoor Naturals LLC of Boise, Idaho. "
        "Quillmoor Naturals announced a voluntary nationwide recall of all lots of Joint Ease on June 19. "
        "On June 22, the agency placed Hanwei Herbal Co., Ltd. on Import Alert 66-41."
    )
    found = {e.type: e for e in events_of(extractor, text, "2026-06-25")}
    assert "Quillmoor Naturals" in " ".join(names(found["order"].target))
    assert found["suspension"].date == "2026-06-19"
    assert "Hanwei Herbal" in " ".join(names(found["designation"].target))


def test_an_agencys_inspection_of_a_party_is_an_investigation_without_any_formal(extractor):
    text = "The letter followed an FDA inspection of the company's packaging facility in March 2026."
    (inspection,) = events_of(extractor, text, "2026-06-25")
    assert (inspection.type, inspection.date) == ("investigation", "2026-03")
    assert names(inspection.agent) == {"U.S. Food and Drug Administration"}
    nested = "The findings follow an examination of the casino by the Internal Revenue Service in 2023."
    (examination,) = events_of(extractor, nested, "2026-02-10")
    assert "Internal Revenue Service" in names(examination.agent)
    assert "Internal Revenue Service" not in names(examination.target)
    # an examination nobody official made is no probe
    assert not events_of(extractor, "The examination of the data took weeks in 2023.")


DOCKET_TABLE = """U.S. DISTRICT COURT
DISTRICT OF COLUMBIA (WASHINGTON, DC)
CIVIL DOCKET FOR CASE #: 1:26-CV-00611-RTW

HOLLOWAY SENSING, INC. V. U.S. DEPARTMENT OF COMMERCE ET AL

DATE FILED | # | DOCKET TEXT
03/02/2026 | 1 | COMPLAINT AGAINST U.S. DEPARTMENT OF COMMERCE FILED BY HOLLOWAY SENSING, INC. (ENTERED: 03/03/2026)
03/06/2026 | 7 | MINUTE ORDER: THE COURT WILL HOLD A HEARING ON PLAINTIFF'S MOTION FOR TEMPORARY RESTRAINING ORDER ON 3/12/2026.
03/16/2026 | 11 | MEMORANDUM OPINION AND ORDER DENYING 4 PLAINTIFF'S MOTION FOR TEMPORARY RESTRAINING ORDER.
06/05/2026 | 24 | NOTICE OF APPEAL TO DC CIRCUIT COURT AS TO 11 MEMORANDUM OPINION AND ORDER BY HOLLOWAY SENSING, INC.
"""


def test_a_docket_set_out_as_a_table_with_bars(extractor):
    events = events_of(extractor, DOCKET_TABLE, "2026-06-08")
    by_date = {e.date: e for e in events}
    assert by_date["2026-03-02"].type == "lawsuit"
    assert "Holloway Sensing" in " ".join(names(by_date["2026-03-02"].agent)).title()
    ruling = by_date["2026-03-16"]
    assert ruling.type == "ruling"
    # the caption's court, not the appeals court a later entry names
    assert names(ruling.agent) == {"U.S. District Court for the District of Columbia"}
    assert "2026-03-06" not in by_date  # scheduling a hearing decides nothing


COMPLAINT = """UNITED STATES DISTRICT COURT
WESTERN DISTRICT OF WASHINGTON

BRACKEN AERIAL, INC.,
Plaintiff,
v.
UNITED STATES DEPARTMENT OF COMMERCE,
Defendant.

COMPLAINT FOR DECLARATORY AND INJUNCTIVE RELIEF

1. This is an action under the Administrative Procedure Act to set aside the listing of Bracken Aerial.
"""


def test_a_complaint_under_its_caption_is_the_lawsuit_it_files(extractor):
    events = events_of(extractor, COMPLAINT, "2026-09-09")
    (suit,) = [e for e in events if e.type == "lawsuit"]
    assert "BRACKEN AERIAL" in " ".join(names(suit.agent)).upper()
    assert names(suit.target) == {"U.S. Department of Commerce"}
    assert suit.date == "2026-09-09"


FORFEITURE_ORDER = """Before the
Federal Communications Commission
Washington, D.C. 20554
In the Matter of
Brightwell Signal LLC
FORFEITURE ORDER
By the Chief, Enforcement Bureau:
1. We impose a penalty of $518,000 on Brightwell Signal LLC for marketing unauthorized signal boosters.
2. On November 14, 2025, the Commission issued a Notice of Apparent Liability for Forfeiture proposing a
$518,000 forfeiture against Brightwell.
"""


def test_we_in_an_agencys_order_is_the_agency_and_its_notice_proposes_for_it(extractor):
    events = events_of(extractor, FORFEITURE_ORDER, "2026-06-11")
    penalties = {e.date: e for e in events if e.type == "penalty"}
    assert names(penalties["2026-06-11"].agent) == {"Federal Communications Commission"}
    assert names(penalties["2025-11-14"].agent) == {"Federal Communications Commission"}


def test_we_in_a_company_filing_is_still_the_company(extractor):
    text = (
        "FORM 8-K\nSECURITIES AND EXCHANGE COMMISSION\nOrvane Robotics, Inc. (the Company)\n"
        "Item 8.01. On May 4, 2026, we received a subpoena from the Federal Trade Commission."
    )
    (probe,) = events_of(extractor, text, "2026-05-06")
    assert names(probe.agent) == {"Federal Trade Commission"}
    assert "Orvane Robotics" in " ".join(names(probe.target))


def test_two_countries_officials_are_the_two_sides_of_their_talks(extractor):
    text = "U.S. and Indian trade officials ended two days of talks in New Delhi on Wednesday."
    (talks,) = events_of(extractor, text, "2026-10-29")
    assert names(talks.agent) == {"United States"}
    assert "Indian" in " ".join(names(talks.target))


def test_a_hearing_is_held_with_its_witnesses_and_a_senators_country_is_no_party(extractor):
    text = (
        "On Tuesday, U.S. Senator Margaret Ellery, chair of the Senate Commerce Subcommittee, led a hearing on "
        "connected toys. Witnesses included Graham Oduya, chief product officer of Pipwhistle Toys, and a researcher."
    )
    (hearing,) = events_of(extractor, text, "2026-04-23")
    assert names(hearing.agent) == {"Margaret Ellery"}
    assert "Graham Oduya" in names(hearing.target)


def test_tariffs_raised_and_duties_imposed_are_orders(extractor):
    raised = "The talks were the first since Washington raised tariffs on some Indian steel products in August."
    (tariffs,) = events_of(extractor, raised, "2026-10-29")
    assert (tariffs.type, tariffs.date) == ("order", "2026-08")
    imposed = "India's finance ministry imposed the duties for five years on Oct 14."
    (duties,) = events_of(extractor, imposed, "2026-10-29")
    assert (duties.type, duties.date) == ("order", "2026-10-14")


def test_what_a_regulator_seeks_or_a_court_orders_paid_is_no_penalty_of_its_own(extractor):
    assert not events_of(extractor, "The ACCC is seeking penalties, declarations and costs.", "2026-07-22")
    ordered = "On Friday, the Federal Court ordered Tallowin Telecom Pty Ltd to pay $6.2 million in penalties."
    assert [e.type for e in events_of(extractor, ordered, "2026-07-22")] == ["ruling"]


def test_suspending_part_of_a_penalty_suspends_nothing(extractor):
    text = "BIS suspended $150,000 of the penalty on condition that the company commit no further violations."
    assert not [e for e in events_of(extractor, text, "2025-09-17") if e.type == "suspension"]


def test_companies_adopting_resolutions_pass_no_law(extractor):
    text = "The orders require the companies to adopt board resolutions confirming that the cartel has ended."
    assert not [e for e in events_of(extractor, text, "2026-03-19") if e.type == "legislation"]


def test_an_agency_releasing_its_order_launches_nothing(extractor):
    text = "This is a summary of the Commission's Report and Order, adopted September 18, 2025, and released September 22, 2025."
    assert not [e for e in events_of(extractor, text, "2025-10-09") if e.type == "launch"]
    (launch,) = events_of(extractor, "Orvane released the Foo 3 phone on Monday.", "2026-07-22")
    assert launch.type == "launch"


def test_paying_infringement_notices_an_agency_issued_is_a_penalty(extractor):
    text = "In 2024, Zephyr Grid paid two infringement notices totalling $37,560 issued by the ACCC."
    (paid,) = events_of(extractor, text, "2026-03-01")
    assert (paid.type, paid.date) == ("penalty", "2024")
    assert names(paid.agent) == {"Australian Competition and Consumer Commission"}


def test_the_fiscal_year_in_a_laws_name_is_not_when_it_was_signed(extractor):
    text = (
        "On August 13, 2018, the President signed into law the National Defense Authorization Act for Fiscal Year 2019."
    )
    (signed,) = events_of(extractor, text, "2026-09-01")
    assert (signed.type, signed.date) == ("legislation", "2018-08-13")


COURT_ORDER = """IN THE UNITED STATES DISTRICT COURT
FOR THE NORTHERN DISTRICT OF GEORGIA

MARLOW SOCIAL, INC.,
Plaintiff,
v.
ATTORNEY GENERAL OF THE STATE OF GEORGIA,
Defendant.

ORDER

This matter is before the Court on Plaintiff's Motion for Preliminary Injunction. For the reasons below,
the motion is GRANTED.

SO ORDERED this 26th day of June, 2026.
"""


def test_a_court_order_signed_so_ordered_is_dated_by_its_signature(extractor):
    rulings = [e for e in events_of(extractor, COURT_ORDER, "2026-06-30") if e.type == "ruling"]
    assert [r.date for r in rulings] == ["2026-06-26"]


RELEASE = """WASHINGTON — The Office of Foreign Assets Control (OFAC) today sanctioned two shipping companies and one
individual who arranged the transport of Iranian petrochemicals.

OFAC designated Korvath Sea Lines FZE, a ship manager, and Bahrun Tanker Services Ltd. pursuant to Executive
Order 13846. OFAC also designated Farid Zolmani, an Iranian national who directs the two companies.

Korvath's former parent company, Gulf Sahel Maritime, was designated by OFAC in November 2023.
"""


def test_also_designated_is_more_of_the_act_just_told(extractor):
    events = [e for e in events_of(extractor, RELEASE, "2026-09-24") if e.type == "designation"]
    today = [e for e in events if e.date == "2026-09-24"]
    assert len(today) == 1
    assert {"Korvath Sea Lines", "Farid Zolmani"} <= names(today[0].target)
    earlier = [e for e in events if e.date == "2023-11"]
    assert len(earlier) == 1 and "Gulf Sahel Maritime" in names(earlier[0].target)
    # "two shipping companies" brings in new parties; it points back at nobody
    assert not {r.id for r in today[0].target if r.text == "two shipping companies"} - {None}


def test_a_rule_that_amends_the_regulations_to_place_entities_on_a_list_places_them(extractor):
    text = "With this final rule, BIS amends the Export Administration Regulations to place 12 entities on the Entity List."
    found = {e.type: e for e in events_of(extractor, text, "2026-03-12")}
    assert set(found) == {"rule", "designation"}
    assert "12 entities" in " ".join(r.text for r in found["designation"].target)
    # an amendment meant to do something later does nothing yet
    assert not [e for e in events_of(extractor, "BIS may amend the EAR to place more entities on the Entity List.")]


OPINION = """United States Court of Appeals
for the Fifth Circuit

BRAZOS RIDGE MIDSTREAM, L.L.C.,
Petitioner,
versus
PIPELINE AND HAZARDOUS MATERIALS SAFETY ADMINISTRATION,
Respondent.

Petition for Review of a Final Order of the Pipeline and Hazardous Materials Safety Administration

Because PHMSA did not address the question, we cannot sustain the penalty on this record.
The petition for review is GRANTED, the final order is VACATED, and the case is REMANDED to PHMSA.
"""


def test_a_courts_undated_decision_in_its_own_opinion_is_dated_by_the_opinion(extractor):
    rulings = [e for e in events_of(extractor, OPINION, "2026-11-02") if e.type == "ruling"]
    assert rulings and all(r.date == "2026-11-02" for r in rulings)
