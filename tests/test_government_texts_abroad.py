"""Government texts from outside North America and Western Europe, in the English they are
published in: competition boards' announcements, decrees enacting a council's decision, wire
dispatches in capitals, regulators named by their acronyms, Polish and Pakistani company forms."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

BOARD_ANNOUNCEMENT = """Announcement Regarding the Investigation Conducted on Yemekpazarı Dijital A.Ş.

As a result of the investigation conducted on Yemekpazarı Dijital A.Ş. (Yemekpazarı), which runs an online food ordering platform, it has been concluded that the undertaking violated article 4 of the Act no 4054. With the Competition Board decision dated 02.10.2025, it has been decided to impose an administrative fine of TRY 74,300,000 to Yemekpazarı.

The investigation had been initiated with the Board decision dated 11.01.2024, following on-site inspections.

In the same meeting, the Board evaluated the preliminary inquiry conducted on Taşıyıcı Lojistik A.Ş. and decided to initiate a full-fledged investigation in order to determine whether the undertaking has violated article 6 of the Act no 4054.
"""


def test_a_board_that_evaluated_an_inquiry_and_decided_to_investigate_did_investigate(extractor):
    probes = of_type(events_of(extractor, BOARD_ANNOUNCEMENT, "2025-10-09"), "investigation")
    # the first conjunct "evaluated" is a sibling of "decided", not a verb that governs it;
    # the undertaking whose conduct is in question is the one the inquiry was about
    assert any("Taşıyıcı Lojistik" in " ".join(names(e.target)) for e in probes)


def test_an_investigation_named_in_the_heading_takes_the_date_the_body_gives_it(extractor):
    events = events_of(extractor, BOARD_ANNOUNCEMENT, "2025-10-09")
    probes = [e for e in of_type(events, "investigation") if "Yemekpazarı" in " ".join(names(e.target))]
    assert [e.date for e in probes] == ["2024-01-11"]
    # "food ordering platform" orders nothing
    assert not of_type(events, "order")
    assert [e.date for e in of_type(events, "penalty")] == ["2025-10-02"]


DECREE = """DECREE OF THE PRESIDENT No. 512/2025

In accordance with the Law "On Sanctions", I hereby decree:

1. To put into effect the decision of the National Security and Defense Council of 3 October 2025 (attached).

DECISION
of the National Security and Defense Council of 3 October 2025

The National Security and Defense Council has decided:

1. To apply personal special economic and other restrictive measures (sanctions) to Volzhsky Stanok Limited Liability Company for a period of ten years.
"""


def test_a_councils_numbered_decisions_under_has_decided_are_its_acts(extractor):
    listed = of_type(events_of(extractor, DECREE, "2025-10-08"), "designation")
    assert any("Volzhsky Stanok" in " ".join(names(e.target)) for e in listed)


CAPITALS_WIRE = """LAHORE, MAR 4 (APP): THE LAHORE HIGH COURT (LHC) ON TUESDAY SUSPENDED THE PUNJAB FOOD AUTHORITY'S ORDER SEALING A DAIRY PLANT.

THE AUTHORITY HAD SUSPENDED THE LICENCE OF NOORPUR DAIRIES (PRIVATE) LIMITED ON FEBRUARY 20.

NOORPUR DAIRIES (PRIVATE) LIMITED FILED A WRIT PETITION THREE DAYS LATER.
"""


def test_a_capitals_wire_keeps_a_defined_court_and_a_private_limited_company(extractor):
    events = events_of(extractor, CAPITALS_WIRE, "2026-03-05")
    rulings = of_type(events, "ruling")
    # "(LHC)" spells the court's name: it is the Lahore High Court, not England's High Court
    assert [sorted(names(e.agent)) for e in rulings] == [["Lahore High Court"]]
    assert rulings[0].date == "2026-03-03"
    suits = of_type(events, "lawsuit")
    assert [e.date for e in suits] == ["2026-02-23"]
    # "(PRIVATE) LIMITED" is re-cased as a company form, so the plaintiff is the company
    assert "Noorpur Dairies" in " ".join(names(suits[0].agent))


CHALLENGED_ACT = """The Telecommunications Regulatory Authority suspended the licence of Quillon Mobile Ltd on 12 May 2026 after repeated outages.

Quillon Mobile Ltd filed an appeal petition on 20 May 2026, contending that it had not been heard.
"""


def test_a_suit_naming_no_defendant_is_against_the_maker_of_the_act_its_plaintiff_suffered(extractor):
    suits = of_type(events_of(extractor, CHALLENGED_ACT, "2026-05-22"), "lawsuit")
    assert [sorted(names(e.target)) for e in suits] == [["Telecommunications Regulatory Authority"]]


RELEASE_WITH_LATER_DECISION_DATE = """The Data Protection Committee has imposed an administrative fine of 5 million baht on Sukhumvit Parcel Co., Ltd. over a leak of customer addresses.

The committee's office said on Monday that the committee reached its decision on October 30, under the Personal Data Protection Act.

In a statement, Sukhumvit Parcel said it denied that any payment data had been exposed. The office recalls that customers may file complaints online.
"""


def test_a_decision_reached_on_a_told_date_dates_the_fine_and_denials_are_no_rulings(extractor):
    events = events_of(extractor, RELEASE_WITH_LATER_DECISION_DATE, "2026-11-05")
    assert [e.date for e in of_type(events, "penalty")] == ["2026-10-30"]
    assert not of_type(events, "ruling")  # "denied that ...": a claim contested
    assert not of_type(events, "suspension")  # "recalls that ...": a reminder


CRIMINAL_CASE = """On the basis of files transferred by the central bank, the Investigation Police Agency under the Ministry of Public Security on March 2 initiated a criminal case for money laundering relating to Hanh Phuc Pay. Two days later, the agency prosecuted Le Van Khoa, the company's former director.

Assistant prosecutors of the Economic Crimes Section are prosecuting the case.
"""


def test_police_who_initiate_a_criminal_case_investigate_and_prosecuting_a_person_charges_him(extractor):
    events = events_of(extractor, CRIMINAL_CASE, "2026-03-10")
    assert [e.date for e in of_type(events, "investigation")] == ["2026-03-02"]
    penalties = of_type(events, "penalty")
    # "prosecuting the case" says who argues it, not a new charge
    assert [(e.date, sorted(names(e.target))) for e in penalties] == [("2026-03-04", ["Le Van Khoa"])]


SANCTIONED_WITH_A_FINE = """Lima, September 3, 2026. The Superintendence of Industry and Commerce (SIC) sanctioned the company Tiendaviva S.A.S. with a fine of COP 1,200,000,000 for misleading discounts.

The investigation began in May 2025, when the SIC formulated charges against the company.
"""


def test_sanctioned_with_a_fine_is_a_penalty_by_the_body_its_acronym_defines(extractor):
    events = events_of(extractor, SANCTIONED_WITH_A_FINE, "2026-09-04")
    assert not of_type(events, "designation")
    penalties = of_type(events, "penalty")
    # "Commerce" inside the superintendence's name is not the U.S. Department of Commerce
    assert [sorted(names(e.agent)) for e in penalties] == [["Superintendence of Industry and Commerce"]]
    probes = of_type(events, "investigation")
    # the inquiry behind the fine: by the fining body, into the fined company, dated by its own sentence
    assert [(e.date, sorted(names(e.agent))) for e in probes] == [
        ("2025-05", ["Superintendence of Industry and Commerce"])
    ]
    assert "Tiendaviva" in " ".join(names(probes[0].target))


PLENARY = """The Supreme Federal Court (STF), in a virtual plenary session concluded on Friday (13), declared unconstitutional Santa Catarina State Law No. 18.410/2024, which obliged internet providers to store browsing records."""


def test_a_court_that_declared_a_law_unconstitutional_ruled_on_the_day_its_session_ended(extractor):
    rulings = of_type(events_of(extractor, PLENARY, "2026-11-17"), "ruling")
    assert [(e.date, sorted(names(e.agent))) for e in rulings] == [("2026-11-13", ["Supreme Federal Court (Brazil)"])]


POLISH_DECISION = """The President of UOKiK has imposed a fine of PLN 8,240,000 (approx. EUR 1.9 million) on Koszykowo24 sp. z o.o., the operator of a grocery delivery service. The decision was issued on 2 June 2026."""


def test_the_president_of_a_polish_office_fines_a_sp_z_oo_company(extractor):
    penalties = of_type(events_of(extractor, POLISH_DECISION, "2026-06-09"), "penalty")
    assert len(penalties) == 1
    # not the President of the United States, and not the sum in zloty as the fined party
    assert "President of the United States" not in names(penalties[0].agent)
    assert "Koszykowo24 sp. z o" in " ".join(names(penalties[0].target))
    assert penalties[0].date == "2026-06-02"


SFC_STYLE_RELEASE = """The Securities and Futures Commission (SFC) has reprimanded and fined Lantau Crest Securities Limited $7.2 million for failures in its anti-money laundering controls between May 2021 and February 2025.

The SFC has also suspended Mr Chan Wing-yip, the firm's former responsible officer, for 10 months from 3 March 2026 to 2 January 2027.
"""


def test_a_period_of_failures_and_a_suspensions_end_do_not_date_the_acts(extractor):
    events = events_of(extractor, SFC_STYLE_RELEASE, "2026-03-04")
    # "between May 2021 and February 2025" bounds the failures; the fine is today's news
    assert [e.date for e in of_type(events, "penalty")] == ["2026-03-04"]
    # a suspension told as done is not dated by the day it will end
    assert [e.date for e in of_type(events, "suspension")] in (["2026-03-03"], ["2026-03-04"])


TRIBUNAL_SUMMARY = """The Competition Tribunal today confirmed, as an order of the Tribunal, a consent agreement between the Competition Commission and Karoo Cold Freight (Pty) Ltd.

The Commission initiated a complaint against Karoo Cold Freight and two other hauliers in 2022 after a leniency application.

Through this consultation we confirmed that the two agencies are looking at similar problems.
"""


def test_a_tribunal_confirming_a_consent_agreement_rules_and_a_commission_initiating_a_complaint_investigates(
    extractor,
):
    events = events_of(extractor, TRIBUNAL_SUMMARY, "2026-10-27")
    rulings = of_type(events, "ruling")
    # "we confirmed that ..." confirms a fact, not an agreement: one ruling only
    assert [e.date for e in rulings] == ["2026-10-27"]
    probes = of_type(events, "investigation")
    assert [(e.date, sorted(names(e.agent))) for e in probes] == [("2022", ["Competition Commission"])]
    assert not of_type(events, "lawsuit")


OPINION_HISTORY = """On October 26, 2023, the Commission adopted a Notice of Apparent Liability for Forfeiture, finding that Pelican Bayou Telecom had apparently violated its call-blocking obligations and proposing a forfeiture of $2,140,000.

DOD added Pelican Bayou Telecom to its list of "Chinese military companies" under Section 1260H in January 2024. Pelican Bayou Telecom challenged the listing in the U.S. District Court for the District of Columbia in May 2024. The listing does not itself restrict sales.
"""


def test_an_opinions_history_keeps_the_proposer_the_challenged_listings_maker_and_its_negations(extractor):
    events = events_of(extractor, OPINION_HISTORY, "2026-08-21")
    penalties = of_type(events, "penalty")
    # "proposing" goes with "finding", whose subject is the Commission, not the carrier found in breach
    assert [sorted(names(e.target)) for e in penalties] == [["Pelican Bayou Telecom"]]
    assert "Pelican Bayou Telecom" not in names(penalties[0].agent)
    suits = of_type(events, "lawsuit")
    # "challenged the listing": the suit is against whoever made the listing
    assert [sorted(names(e.target)) for e in suits] == [["U.S. Department of Defense"]]
    assert not of_type(events, "suspension")  # "does not itself restrict sales"


ROUNDUP_ITEM = (
    """Effective June 11, BIS added nine entities to the Entity List, among them Kestrel Bay Microwave Co., Ltd."""
)


def test_a_round_up_item_opening_with_effective_and_a_date_is_dated_by_it(extractor):
    listed = of_type(events_of(extractor, ROUNDUP_ITEM, "2025-07-09"), "designation")
    assert [e.date for e in listed] == ["2025-06-11"]


COMMISSION_DECISION = """COMMISSION DECISION

of 3.11.2026

imposing periodic penalty payments on Quernfold Systems B.V.

HAS ADOPTED THIS DECISION:

Article 1

A periodic penalty payment of EUR 2 100 000 per day is imposed on Quernfold Systems B.V. as from the date of notification of this Decision.

Done at Brussels, 3.11.2026
"""


def test_a_penalty_payment_imposed_by_the_decision_itself_is_the_decisions_act_of_today(extractor):
    penalties = of_type(events_of(extractor, COMMISSION_DECISION, "2026-11-05"), "penalty")
    assert len(penalties) == 1
    assert "Quernfold Systems" in " ".join(names(penalties[0].target))
    # "is imposed": done by this decision, so dated by it rather than left undated
    assert penalties[0].date is not None


BILLS_BULLETIN = """Royal Assent
Smart Meters (Data Access) Act 2026 — Royal Assent was notified to both Houses on Tuesday 10 March.

Select committees
The Science, Innovation and Technology Committee took oral evidence on Wednesday from Oriel Stanmore-Achebe, chief executive of Brightwell Grid.
"""


def test_a_parliamentary_bulletin_gives_royal_assent_and_oral_evidence_sessions(extractor):
    events = events_of(extractor, BILLS_BULLETIN, "2026-03-14")
    assert [(e.date, e.attrs.get("stage")) for e in of_type(events, "legislation")] == [("2026-03-10", "signed")]
    hearings = of_type(events, "meeting")
    assert [e.date for e in hearings] == ["2026-03-11"]
    assert "Oriel Stanmore-Achebe" in names(hearings[0].target)


ANNUAL_REPORT_CHAPTER = """In February 2025 the DPC adopted its final decision in the inquiry into Larkspur Social Ltd., imposing a fine of EUR 41 million. Larkspur appealed the decision to the High Court in April 2025.

On September 9, the Assistant Secretary for Export Enforcement issued an order approving a settlement under which Dunmore Optics Ltd. will pay a civil penalty of $310,000.
"""


def test_an_appeal_of_the_decision_is_against_its_maker_and_an_approved_settlement_is_dated_by_the_approval(
    extractor,
):
    events = events_of(extractor, ANNUAL_REPORT_CHAPTER, "2025-10-07")
    suits = of_type(events, "lawsuit")
    # the appellant's short name need not be linked: the decision appealed says whose act it was
    assert [sorted(names(e.target)) for e in suits] == [["Data Protection Commission (Ireland)"]]
    settled = [e for e in of_type(events, "penalty") if "Dunmore Optics" in " ".join(names(e.target))]
    # "will pay" under an order issued on September 9: that September, not next year's
    assert [e.date for e in settled] == ["2025-09-09"]


THREATS_AND_REFUSALS = """The High Court refused the stay in July 2025, and Larkspur Social has since changed its settings.

Vintro has three months to fix both problems or face periodic penalty payments.

Trial attorneys of the Fraud Section are prosecuting it.
"""


def test_a_court_refusing_a_stay_rules_and_a_deadline_or_a_prosecutors_byline_is_no_penalty(extractor):
    events = events_of(extractor, THREATS_AND_REFUSALS, "2026-05-23")
    assert [e.date for e in of_type(events, "ruling")] == ["2025-07"]
    # "to fix ... or face penalty payments": the "to" binds both; "prosecuting it": the case
    assert not of_type(events, "penalty")


CALLS_AND_RECEIVED_ORDERS = """Tanabe Kogyo Co., Ltd. received a cease and desist order from the JFTC on Friday.

The Minister of Foreign Affairs discussed the sanctions package with Ukraine's Foreign Minister during a video call on Monday.

The President held a video call with the Chancellor of Germany on Tuesday.
"""


def test_an_order_received_and_talks_held_by_video_call(extractor):
    events = events_of(extractor, CALLS_AND_RECEIVED_ORDERS, "2026-06-10")
    orders = of_type(events, "order")
    # "cease and desist order" read as one modifier, not "cease" received and "desist" ordered
    assert [(sorted(names(e.agent)), sorted(names(e.target))) for e in orders] == [
        (["Japan Fair Trade Commission"], ["Tanabe Kogyo"])
    ]
    meetings = {e.date: e for e in of_type(events, "meeting")}
    assert set(meetings) == {"2026-06-08", "2026-06-09"}
    # the package is what was discussed; the foreign minister is who was met
    assert "package" not in " ".join(names(meetings["2026-06-08"].target))


NOT_OPENINGS = """And the Commerce Department's rumoured review of satellite ground-station equipment is still just that.

Those found culpable could have their apps taken down, the minister said.

In December, we concluded our inquiry into Brackenfield Social Ltd. and imposed an administrative fine of EUR 12 million.
"""


def test_a_rumoured_review_a_modal_causative_and_a_concluded_inquiry_open_nothing(extractor):
    events = events_of(extractor, NOT_OPENINGS, "2026-01-20")
    # "rumoured" is lemmatised "rumour" by the tagger; "could have their apps taken down" threatens;
    # an inquiry "concluded" in December was not opened then
    assert not of_type(events, "investigation")
    assert not of_type(events, "suspension")
    assert len(of_type(events, "penalty")) == 1


RULE_AMENDMENTS = """In April, the Australian Communications and Media Authority made amendments to the Determination that require carriers to report outages within 30 minutes.

Separately, the Monetary Authority of Singapore gazetted amendments to the Payment Services Regulations yesterday.
"""


def test_a_regulator_that_made_or_gazetted_amendments_made_a_rule(extractor):
    rules = of_type(events_of(extractor, RULE_AMENDMENTS, "2026-08-20"), "rule")
    assert sorted((e.date, min(names(e.agent))) for e in rules) == [
        ("2026-04", "Australian Communications and Media Authority"),
        ("2026-08-19", "Monetary Authority of Singapore"),
    ]


DENIALS = """On September 19, BIS denied the export privileges of Pavel Orlovsky for ten years.

Pursuant to Section 766.24, BIS may issue an order temporarily denying a respondent's export privileges.
"""


def test_denied_export_privileges_is_a_denial_order_and_one_that_may_be_issued_is_none(extractor):
    orders = of_type(events_of(extractor, DENIALS, "2025-10-07"), "order")
    assert [(e.date, sorted(names(e.target))) for e in orders] == [("2025-09-19", ["Pavel Orlovsky"])]
