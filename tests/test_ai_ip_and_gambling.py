"""Acts in the shapes dev34 showed: the bodies that act on generative AI and intellectual
property (courts, copyright and patent offices, legislatures) and on online gambling, sports
betting and sweepstakes casinos (gaming commissions, lotteries, regulators abroad)."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

BILL_HISTORY_WITH_CHAMBER_MARKS = """ALABAMA LEGISLATURE
2026 Regular Session

Senate Bill 212
Online Raffle Integrity Act

Principal Author: Senator Wendeline Crouch
Additional Authors: Senators Pardoe, Amsel

History of Actions:
02/03/2026 (S) Introduced; Referred To Tourism
02/19/2026 (S) Passed {Vote: 30-2}
02/20/2026 (H) Transmitted To House
03/12/2026 (H) Passed As Amended {Vote: 88-11}
03/17/2026 (S) Enrolled Bill Signed
03/30/2026 (S) Approved by Governor
"""


def test_a_history_marking_the_chamber_by_its_initial_tells_each_stage(extractor):
    found = of_type(events_of(extractor, BILL_HISTORY_WITH_CHAMBER_MARKS, "2026-04-02"), "legislation")
    told = {(e.date, e.attrs.get("stage"), tuple(sorted(names(e.agent)))) for e in found}
    assert ("2026-02-03", "introduced", ("Senator Wendeline Crouch",)) in told
    assert ("2026-02-19", "passed", ("Alabama Senate",)) in told
    assert ("2026-03-12", "passed", ("Alabama House of Representatives",)) in told
    assert ("2026-03-30", "signed", ("Governor of Alabama",)) in told
    # the presiding officers signing the enrolled bill, and its transmittal, enact nothing
    assert len(found) == 4
    assert all(not e.trigger.startswith("(") for e in found)


SETTLEMENT_APPROVAL = (
    "BOSTON, March 4 (Wire) — A federal judge on Tuesday gave preliminary approval to a $62 million "
    "settlement resolving claims that Corvelle Systems trained its image model on photographers' "
    "work without a licence. U.S. District Judge Annika Rasmuson-Toll said the deal looked fair. "
    "Rasmuson-Toll certified the case as a class action in November, limiting the class to "
    "photographers with registered works."
)


def test_a_judge_giving_preliminary_approval_to_a_settlement_rules(extractor):
    found = of_type(events_of(extractor, SETTLEMENT_APPROVAL, "2026-03-05"), "ruling")
    approval = [e for e in found if e.date == "2026-03-03"]
    assert len(approval) == 1
    # "a federal judge" is the one judge the story goes on to name
    assert names(approval[0].agent) == {"Annika Rasmuson-Toll"}
    assert "Corvelle Systems" in names(approval[0].target)


def test_a_judge_certifying_a_class_rules_but_a_request_to_certify_does_not(extractor):
    found = of_type(events_of(extractor, SETTLEMENT_APPROVAL, "2026-03-05"), "ruling")
    assert "2025-11" in {e.date for e in found}
    asked = "The photographers asked Judge Annika Rasmuson-Toll to certify the case as a class action."
    assert of_type(events_of(extractor, asked, "2026-03-05"), "ruling") == []


def test_a_commission_approving_a_settlement_imposes_a_penalty(extractor):
    text = "The Indiana Gaming Commission approved a $45,000 settlement with Brasswick Casino in May 2025."
    found = of_type(events_of(extractor, text, "2026-01-10"), "penalty")
    assert [(e.date, names(e.agent)) for e in found] == [("2025-05", {"Indiana Gaming Commission"})]


def test_a_bill_introduced_by_a_group_of_members_is_legislation(extractor):
    text = "Witnesses returned often to a bill that a bipartisan group of Senate members introduced last month."
    found = of_type(events_of(extractor, text, "2026-06-11"), "legislation")
    assert [(e.date, e.attrs.get("stage")) for e in found] == [("2026-05", "introduced")]


def test_a_company_launching_its_marketplace_launches_it(extractor):
    text = "Ostrander told the panel that Tallowmere had launched its marketplace in January."
    found = of_type(events_of(extractor, text, "2026-06-11"), "launch")
    assert [(e.date, names(e.agent)) for e in found] == [("2026-01", {"Tallowmere"})]


def test_witnesses_sitting_before_a_committee_are_at_its_hearing(extractor):
    text = "Three executives sat before the Senate Commerce Committee on Tuesday for a hearing on sports betting."
    found = of_type(events_of(extractor, text, "2026-06-11"), "meeting")
    assert len(found) == 1
    assert found[0].date == "2026-06-09"
    assert any("Commerce" in name for name in names(found[0].agent))
    # sitting before a judge at a hearing is a case's step, not a committee's hearing
    in_court = "The founder sat before the judge on Monday for a bail hearing."
    assert of_type(events_of(extractor, in_court, "2026-06-11"), "meeting") == []


def test_a_commission_hearing_a_presentation_at_its_meeting_met_the_presenter(extractor):
    text = (
        "At its Oct. 8 public meeting, the Maryland Lottery and Gaming Control Commission heard a "
        "30-minute presentation from lottery courier Parcelotto, whose executives asked for a licence."
    )
    found = of_type(events_of(extractor, text, "2026-10-12"), "meeting")
    assert [(e.date, names(e.target)) for e in found] == [("2026-10-08", {"Parcelotto"})]


def test_representatives_heard_at_a_meeting_are_named_without_the_meeting(extractor):
    text = "The Appraisal Committee heard representatives of Vellacourt Seeds at its 14 May meeting."
    found = of_type(events_of(extractor, text, "2026-05-20"), "meeting")
    assert len(found) == 1
    assert not any("meeting" in name for name in names(found[0].target))


def test_what_a_board_hears_at_a_meeting_must_be_a_party(extractor):
    text = "Also at Monday's meeting, the board heard a first reading of a proposed policy on phones."
    assert of_type(events_of(extractor, text, "2026-04-15"), "meeting") == []
    again = "Two senators who questioned him at that hearing sent him a letter on Wednesday."
    assert of_type(events_of(extractor, again, "2026-04-15"), "meeting") == []


def test_a_claim_issued_in_court_is_a_suit_against_the_other_party_not_the_court(extractor):
    text = (
        "Harrowgate Pictures Ltd v Solenne AI Ltd\n\n"
        "Harrowgate issued its claim in the Business and Property Courts in March 2025."
    )
    found = of_type(events_of(extractor, text, "2026-08-26"), "lawsuit")
    assert len(found) == 1
    assert found[0].date == "2025-03"
    assert not any("Court" in name for name in names(found[0].target))


CLIENT_ALERT = """Client Alert | 3 September 2026

Key takeaways
- The High Court has dismissed a photo agency's claim that a trained model is an infringing copy.
- Developers should review their training-data records.

1. Harrowgate Pictures v Solenne AI

On 28 August 2026, Mr Justice Pellinore-Shaw handed down judgment in Harrowgate Pictures Ltd v Solenne AI Ltd, dismissing the agency's secondary infringement claim.
"""


def test_a_summary_bullet_is_not_a_second_ruling_and_a_titled_judge_rules_for_the_court(extractor):
    found = of_type(events_of(extractor, CLIENT_ALERT, "2026-09-03"), "ruling")
    assert [e.date for e in found] == ["2026-08-28"]
    assert "High Court of Justice of England and Wales" in names(found[0].agent)


def test_an_exchange_that_stopped_listing_contracts_suspended_them(extractor):
    text = "Quillmark Exchange stopped listing college football contracts on March 3, 2025."
    found = of_type(events_of(extractor, text, "2025-05-22"), "suspension")
    assert [(e.date, names(e.target)) for e in found] == [("2025-03-03", {"college football contracts"})]


def test_a_developer_that_stopped_ingesting_images_suspended_its_crawl(extractor):
    text = "Posted by the Lumenfold team\n\nLast month we stopped ingesting images from any site whose robots.txt blocks our crawler."
    found = of_type(events_of(extractor, text, "2025-08-05"), "suspension")
    assert [e.date for e in found] == ["2025-07"]


def test_neither_remedy_granted_is_no_ruling(extractor):
    text = "The complaint asks for damages and an injunction. Neither remedy has been granted by the court."
    assert of_type(events_of(extractor, text, "2025-05-16"), "ruling") == []


def test_a_party_denying_what_it_is_accused_of_rules_nothing(extractor):
    text = "NEWSLOOM SAID IT MAY APPEAL. IT DENIED USING ANY ARTICLE WITHOUT A LICENCE."
    assert of_type(events_of(extractor, text, "2026-09-24"), "ruling") == []
    court = "The court denied the motion on Monday."
    assert len(of_type(events_of(extractor, court, "2026-09-24"), "ruling")) == 1


STATE_SUIT = (
    "ALBANY, N.Y. — March 4, 2026 — The Attorney General today filed suit against Mirelune Apps LLC "
    "in the Supreme Court of the State of New York, Commercial Division, alleging that its photo app "
    "fabricated explicit images. Hours later, Justice Corabelle Ashworth granted the State's application "
    "for temporary restraints, directing the company to stop offering the feature."
)


def test_a_dateline_with_a_state_and_a_dashed_date_dates_today(extractor):
    found = of_type(events_of(extractor, STATE_SUIT, "2026-03-05"), "lawsuit")
    assert [e.date for e in found] == ["2026-03-04"]


def test_a_grant_directing_a_party_rules_against_it_and_a_court_division_is_no_firm(extractor):
    found = of_type(events_of(extractor, STATE_SUIT, "2026-03-05"), "ruling")
    assert len(found) == 1
    assert names(found[0].target) == {"Mirelune Apps"}


SIDED_WITH = (
    "VIENNA, June 5 (Wire) — An Austrian court has sided with AKM, the country's music rights society, "
    "in its lawsuit against Sonderlicht GmbH, finding that the chatbot maker copied song lyrics.\n\n"
    "The Commercial Court of Vienna handed down the judgment on Wednesday.\n\n"
    "AKM filed the suit in September 2025."
)


def test_a_court_siding_with_a_plaintiff_rules_against_the_one_sued(extractor):
    found = of_type(events_of(extractor, SIDED_WITH, "2026-06-05"), "ruling")
    assert len(found) == 1
    assert names(found[0].target) == {"Sonderlicht"}
    # "An Austrian court" is the court the story names next
    assert any("Commercial Court" in name for name in names(found[0].agent))


def test_the_suit_a_story_named_before_is_against_the_same_party(extractor):
    found = of_type(events_of(extractor, SIDED_WITH, "2026-06-05"), "lawsuit")
    assert [(e.date, names(e.target)) for e in found] == [("2025-09", {"Sonderlicht"})]


ROUNDUP = """<h3>1. Injunction in Milan</h3>
<p>The Court of Milan on Monday granted Ostravia Optics GmbH an injunction against Pellucido Vision S.r.l., barring sales of its glasses in Italy.</p>

<h3>2. Chatbot told to stop copying</h3>
<p>The Delhi High Court last week directed Varunastra Labs not to reproduce Kalpana News Agency's copy in chatbot answers. Kalpana filed its suit in March.</p>
"""


def test_a_roundup_items_suit_is_against_the_party_its_paragraph_acts_on(extractor):
    found = of_type(events_of(extractor, ROUNDUP, "2026-07-17"), "lawsuit")
    assert [(e.date, names(e.target)) for e in found] == [("2026-03", {"Varunastra Labs"})]


def test_an_italian_company_form_does_not_end_the_sentence(extractor):
    found = of_type(events_of(extractor, ROUNDUP, "2026-07-17"), "ruling")
    milan = [e for e in found if e.date == "2026-07-13"]
    assert len(milan) == 1 and "barring sales of its glasses" in milan[0].evidence


def test_an_interim_rule_recited_mid_sentence_is_a_rule_of_its_own(extractor):
    text = (
        "The Patent Office on Tuesday published a final rule on disclosures of AI-generated drawings.\n\n"
        "The rule, which amends the Office's regulations in 37 CFR part 1, replaces an interim rule the "
        "Office issued on March 3, 2026, after examiners applied it unevenly."
    )
    found = of_type(events_of(extractor, text, "2026-10-15"), "rule")
    assert sorted(e.date for e in found) == ["2026-03-03", "2026-10-13"]
    # the rule recited is the one nearest its maker, not "regulations in 37 CFR part 1, replaces ..."
    interim = next(e for e in found if e.date == "2026-03-03")
    assert "interim rule" in (interim.trigger or "") or not interim.evidence.startswith("regulations")
