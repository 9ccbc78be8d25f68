"""Primary sources: what Federal Register orders and rules, filings and releases say about who did what."""

from __future__ import annotations

import pytest

from nlp.casing import repair_ocr
from nlp.pipeline import DocInput
from tests.extraction_support import events_of, names

DENIAL_ORDER = """DEPARTMENT OF COMMERCE
Bureau of Industry and Security
Order Renewing Order Temporarily
Denying Export Privileges
Kestrel Air Freight LLC, 9 Airport Road, Minsk, Belarus.
Pursuant to Section 766.24 of the Export Administration Regulations, the Office of Export
Enforcement has requested the renewal of the order issued against Kestrel Air Freight LLC.
I. Procedural History
On June 3, 2025, I signed an order denying Kestrel's export privileges for a period of
180 days.
II. Order
It is therefore ordered:
First, Kestrel Air Freight LLC may not, directly or indirectly, participate in any
transaction involving any item subject to the Regulations.
Second, no person may service any aircraft owned by Kestrel.
Dated: November 28, 2025.
Assistant Secretary of Commerce for Export Enforcement.
"""

FINAL_RULE = """DEPARTMENT OF COMMERCE
Bureau of Industry and Security
15 CFR Part 744
AGENCY: Bureau of Industry and Security, Commerce.
ACTION: Final rule.
SUMMARY: This final rule requires exporters of lidar modules to obtain a license for
shipments to research institutes in countries of concern. BIS is issuing this rule after
considering the comments it received.
DATES: This rule is effective March 2, 2026.
Dated: January 20, 2026.
Under Secretary for Industry and Security.
"""


def test_a_denial_order_is_its_operative_clause_against_the_party_named_under_its_heading(extractor):
    events = events_of(extractor, DENIAL_ORDER, "2025-12-02")
    renewal = next(e for e in events if e.date == "2025-11-28")
    assert renewal.type == "order"
    assert renewal.evidence.startswith("It is therefore ordered")
    assert "Kestrel Air Freight" in " ".join(names(renewal.target))
    assert "Bureau of Industry and Security" in names(renewal.agent)
    # the heading's "Denying Export Privileges" is that order, not a court's ruling
    assert not [e for e in events if e.type == "ruling"]


def test_i_in_an_officials_order_is_the_office_on_its_letterhead(extractor):
    events = events_of(extractor, DENIAL_ORDER, "2025-12-02")
    original = next(e for e in events if e.date == "2025-06-03")
    assert original.type == "order"
    assert names(original.agent) == {"Bureau of Industry and Security"}
    assert "Kestrel Air Freight" in " ".join(names(original.target))


def test_a_federal_register_rule_is_dated_by_publication_and_evidenced_by_its_summary(extractor):
    events = [e for e in events_of(extractor, FINAL_RULE, "2026-01-30") if e.type == "rule"]
    assert len(events) == 1  # "BIS is issuing this rule" is the same rule
    (rule,) = events
    assert (rule.date, rule.attrs["stage"]) == ("2026-01-30", "final")
    assert rule.evidence.startswith("This final rule requires exporters")


def test_a_day_of_the_month_read_as_two_letters_is_repaired():
    assert repair_ocr("On March ll, 2024, and May Il 2025") == "On March 11, 2024, and May 11 2025"
    assert repair_ocr("Will Ill, 2024") == "Will Ill, 2024"  # not after a month name


def test_a_document_title_is_not_taken_for_an_organisation(extractor):
    text = (
        "On October 14, 2025, Corvane Digital, Inc. received a Wells Notice from the staff of the SEC. "
        "The Company has cooperated with the staff's investigation since it received a subpoena in March 2024."
    )
    events = events_of(extractor, text, "2025-10-17")
    subpoena = next(e for e in events if e.type == "investigation" and e.date == "2024-03")
    assert names(subpoena.target) == {"Corvane Digital"}


def test_a_country_in_brackets_is_part_of_a_company_name(extractor):
    text = "In March 2024, the SEC settled charges against two advisers, Delphia (USA) Inc. and Global Predictions Inc."
    (event,) = events_of(extractor, text, "2025-04-24")
    assert event.type == "penalty"
    assert names(event.agent) == {"U.S. Securities and Exchange Commission"}
    assert "org:delphia-usa" in {r.id for r in event.target}
    assert "gov:us" not in {r.id for r in event.target}  # "(USA)" is not a second party


def test_an_agencys_own_investigation_names_it_as_investigator_and_the_release_subject_as_target(extractor):
    text = (
        "The SEC today charged Brannock Capital LLC with misleading clients. Brannock Capital LLC agreed to pay "
        "a $2 million penalty. The SEC's investigation was conducted by the New York Regional Office."
    )
    probe = next(e for e in events_of(extractor, text, "2025-05-01") if e.type == "investigation")
    assert "U.S. Securities and Exchange Commission" in names(probe.agent)
    assert names(probe.target) == {"Brannock Capital"}


def test_a_person_named_again_by_a_short_surname_is_the_subject_of_a_release(extractor):
    text = (
        "A Hong Kong man pleaded guilty today to exporting chips to Iran. Li Wen, 41, entered his plea in Newark. "
        "From 2019 Li bought the chips from a distributor. The FBI investigated the case."
    )
    probe = next(e for e in events_of(extractor, text, "2025-09-23") if e.type == "investigation")
    assert names(probe.target) == {"Li Wen"}


IN_RE_ORDER = """         Case 2:25-cv-00911    Document 40    Filed 06/02/26    Page 1 of 6

                    UNITED STATES DISTRICT COURT
                   WESTERN DISTRICT OF WASHINGTON

IN RE BRISKWATER SYSTEMS, INC. SECURITIES          CASE NO. 2:25-cv-00911
LITIGATION
                                              ORDER GRANTING DEFENDANTS'
                                              MOTION TO DISMISS

This is a putative class action against Briskwater Systems, Inc. and its chief executive.
Lead Plaintiff Tarnow Pension Fund alleges that the defendants misstated export risks.

For the reasons below, Defendants' Motion to Dismiss (Dkt. # 31) is GRANTED. The amended
complaint is DISMISSED without prejudice.

         Dated this 2nd day of June, 2026.

                                   United States District Judge
"""


def test_granting_the_defence_motion_is_a_ruling_against_the_plaintiff_in_an_in_re_caption(extractor):
    (ruling,) = [e for e in events_of(extractor, IN_RE_ORDER, "2026-06-03") if e.type == "ruling"]
    assert ruling.date == "2026-06-02"
    assert names(ruling.target) == {"Tarnow Pension Fund"}
    assert "DISMISSED" in ruling.evidence  # the operative words, not the caption's title
    assert names(ruling.agent) == {"U.S. District Court for the Western District of Washington"}


def test_denying_the_defence_motion_goes_against_the_defendant():
    from nlp.acts import motion_loser

    assert motion_loser("ORDER DENYING DEFENDANT'S MOTION TO DISMISS") == "defendant"
    assert motion_loser("Plaintiff's Motion for a Preliminary Injunction (ECF No. 9) is GRANTED") == "defendant"
    assert motion_loser("Plaintiffs' motion for summary judgment is DENIED") == "plaintiff"
    assert motion_loser("The petition for review is granted") is None


def test_a_signature_day_written_in_words_or_digits_dates_the_document():
    from nlp.acts import day_of

    assert str(day_of("Dated this 2nd day of December, 2025.")) == "2025-12-02"
    assert str(day_of("held on the 17th day of March, two thousand twenty-six.")) == "2026-03-17"
    assert str(day_of("this fifth day of May, in the year of our Lord two thousand twenty-five")) == "2025-05-05"
    assert day_of("the day of reckoning") is None


def test_a_partys_role_in_the_case_is_not_part_of_its_name(extractor):
    text = "Plaintiff-Appellant Orrin Digital Assets LLC appeals from a judgment. Orrin Digital Assets LLC lost."
    ids = {m.id for m in extractor.extract(DocInput("t", text, "2026-03-01")).entities if m.label == "ORG"}
    assert ids == {"org:orrin-digital-assets"}


def test_a_conviction_told_in_the_passive_is_the_named_courts(extractor):
    text = (
        "On March 11, 2024, in the U.S. District Court for the Eastern District of New York, Halvard Brenn "
        "was convicted of exporting night vision devices."
    )
    (ruling,) = [e for e in events_of(extractor, text, "2025-07-18") if e.type == "ruling"]
    assert names(ruling.agent) == {"U.S. District Court for the Eastern District of New York"}
    assert ruling.date == "2024-03-11"


SDN_NOTICE = """OFFICE OF FOREIGN ASSETS CONTROL
Recent Actions
03/04/2025

Counter Terrorism Designations

OFAC has added the following persons to its SDN List today:

Individual
MANSOUR, Karim Adel (a.k.a. AL-MANSOUR, Karim); DOB 11 Jan 1981; nationality Lebanon (individual) [SDGT].

Entities
NAHR AL-FURAT EXCHANGE SAL, Corniche Street, Beirut, Lebanon [SDGT].

The following entity has been removed from the SDN List:
BLUE GULF SHIPPING FZE, Ajman Free Zone, United Arab Emirates [IRAN].
"""


def test_a_sanctions_notice_lists_its_entries_in_capitals_and_dates_its_present_perfect_acts(extractor):
    events = [e for e in events_of(extractor, SDN_NOTICE, "2025-03-04") if e.type == "designation"]
    added = next(e for e in events if e.attrs.get("action") == "add")
    removed = next(e for e in events if e.attrs.get("action") == "remove")
    assert {r.text for r in added.target} == {"MANSOUR, Karim Adel", "NAHR AL-FURAT EXCHANGE SAL"}
    assert {r.text for r in removed.target} == {"BLUE GULF SHIPPING FZE"}
    assert removed.date == "2025-03-04"


def test_eu_restrictive_measures_are_a_listing_of_the_counted_parties(extractor):
    text = (
        "Council of the EU\n\nThe Council today adopted restrictive measures against four individuals and "
        "two entities responsible for actions of the Belarusian government that undermine democracy."
    )
    (event,) = events_of(extractor, text, "2025-11-25")
    assert (event.type, event.attrs["action"]) == ("designation", "add")
    assert names(event.agent) == {"Council of the European Union"}
    assert {r.text for r in event.target} == {"four individuals", "two entities"}


def test_a_headline_folds_into_the_body_sentence_it_sums_up(extractor):
    text = (
        "CCI imposes penalty on tyre makers for cartelisation\n\n"
        "The Competition Commission of India (CCI) has, by its final order dated 14.06.2024, imposed a penalty "
        "of Rs. 12 crore on Ranjit Tyres Ltd. for fixing prices."
    )
    (event,) = [e for e in events_of(extractor, text, "2024-06-20") if e.type == "penalty"]
    assert event.date == "2024-06-14"  # day first where dots separate the parts
    assert event.evidence.startswith("The Competition Commission")
    assert "Ranjit Tyres" in " ".join(names(event.target))


def test_an_administrative_sanction_is_a_penalty_and_an_inspection_carried_out_a_probe(extractor):
    text = (
        "Today, the Ministry of Economy, Trade and Industry (METI) imposed an administrative sanction on Hanabusa "
        "Kogyo Co., Ltd., prohibiting the company from exporting goods for three months. METI carried out an "
        "on-site inspection of the company in May 2024."
    )
    events = events_of(extractor, text, "2025-02-03")
    assert {(e.type, e.date) for e in events} == {("penalty", "2025-02-03"), ("investigation", "2024-05")}


def test_it_is_hereby_ordered_in_an_agencys_order_is_not_a_court_ruling(extractor):
    text = (
        "UNITED STATES OF AMERICA\nBefore the\nSECURITIES AND EXCHANGE COMMISSION\n\n"
        "ORDER INSTITUTING CEASE-AND-DESIST PROCEEDINGS\n\n"
        "Accordingly, it is hereby ORDERED that Respondent Marrow Diagnostics, Inc. cease and desist "
        "from committing any violations of Section 17(a) of the Securities Act."
    )
    assert not [e for e in events_of(extractor, text, "2026-07-15") if e.type == "ruling"]


def test_a_defendant_named_again_by_surname_or_pronoun_is_that_person_not_the_judge(extractor):
    text = (
        "Dorian Keller-Voss, 49, of Andover, was sentenced by U.S. District Judge Marta Lindqvist to 46 months "
        "in prison. Keller-Voss pleaded guilty in September 2025. He was indicted by a federal grand jury in "
        "March 2024."
    )
    events = events_of(extractor, text, "2026-02-20")
    for date in ("2025-09", "2024-03"):
        event = next(e for e in events if e.date == date)
        assert names(event.target) == {"Dorian Keller-Voss"}


def test_two_agencies_charging_one_person_on_one_day_are_two_actions(extractor):
    text = (
        "The Securities and Exchange Commission today charged Ilsa Marchetti with defrauding investors. "
        "In a parallel action, the U.S. Attorney's Office for the Southern District of New York today announced "
        "criminal charges against Marchetti."
    )
    enforcers = [names(e.agent) for e in events_of(extractor, text, "2025-10-28") if e.type in ("penalty", "lawsuit")]
    assert len(enforcers) == 2


def test_a_bill_status_action_list_gives_introduction_and_passage(extractor):
    text = (
        "H.R.4410 — 119th Congress (2025-2026)\nSecure Grid Components Act\n"
        "Sponsor: Rep. Okonjo, Adaeze [D-MD-4] (Introduced 04/02/2025)\n\nAll Actions (4)\n"
        "10/06/2025 Senate  Received in the Senate.\n"
        "10/02/2025 House  On passage Passed by recorded vote: 301 - 110 (Roll no. 214).\n"
        "04/02/2025 House  Referred to the House Committee on Energy and Commerce.\n"
        "04/02/2025 House  Introduced in House\n"
    )
    found = {
        (e.date, e.attrs.get("stage"), next(iter(names(e.agent)), None))
        for e in events_of(extractor, text, "2025-10-07")
    }
    assert found == {
        ("2025-10-02", "passed", "U.S. House of Representatives"),
        ("2025-04-02", "introduced", "Rep. Okonjo, Adaeze"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The ACCC has instituted proceedings in the Federal Court against retailer Brimwood Energy Pty Ltd.",
        "A preliminary injunction was sought by the Open Ledger Coalition, which sued the state on June 3.",
        "Hexley Aluminium commenced this action in the Court of International Trade on May 6, 2024.",
    ],
)
def test_lawsuits_instituted_commenced_or_told_in_a_relative_clause(extractor, text):
    assert [e.type for e in events_of(extractor, text, "2025-06-27")] == ["lawsuit"]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("In March 2021, Tallowbrook Media launched PuzzlePals in the app stores.", "PuzzlePals"),
        ("Pellucid Diagnostics launched SepsiSight commercially in May 2022.", "SepsiSight"),
        ("The company began selling its Talon 4 mapping drone in Asia in June.", "Talon 4"),
    ],
)
def test_a_product_launched_in_a_filings_background_is_a_launch(extractor, text, product):
    events = events_of(extractor, text, "2025-08-01")
    assert [(e.type, names(e.target)) for e in events] == [("launch", {product})]


@pytest.mark.parametrize(
    "text",
    [
        "The FTC launched Operation Quiet Line in 2024.",  # an agency's programme, not a product
        "The regulator ordered the company to stop making its Domo 1 robot available in Germany.",
        "Kittredge will begin selling the Talon 5 next year.",
    ],
)
def test_no_launch_for_programmes_stopped_sales_or_plans(extractor, text):
    assert not [e for e in events_of(extractor, text, "2025-08-01") if e.type == "launch"]


def test_a_law_told_in_a_relative_clause_was_passed_by_its_legislature(extractor):
    events = events_of(
        extractor,
        "The law, which passed the Oregon Legislature in March with bipartisan support, takes effect in January. "
        "China relies on its Export Control Law, which the country's top legislature adopted in October 2020.",
        "2024-06-03",
    )
    assert {(e.type, e.date) for e in events} == {("legislation", "2024-03"), ("legislation", "2020-10")}


def test_measures_a_company_proposed_are_not_legislation(extractor):
    text = "The record does not explain why the findings justify a ban rather than the mitigation measures Kaiyuan proposed."
    assert not [e for e in events_of(extractor, text, "2025-01-10") if e.type == "legislation"]


@pytest.mark.parametrize(
    "text",
    [
        "On November 22, 2024, the Government promulgated the Cabinet Order partially amending the Export Order.",
        "In February 2026, the Ministry of Electronics and Information Technology notified the Amendment Rules.",
    ],
)
def test_a_promulgated_order_or_notified_rules_are_a_rule(extractor, text):
    assert [e.type for e in events_of(extractor, text, "2026-03-02")] == ["rule"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Ofcom opened an investigation into whether video-sharing platform Streamly complied with its duties.",
            "Streamly",
        ),
        (
            "The European Commission opened formal proceedings to assess whether Marketlane breached the DMA.",
            "Marketlane",
        ),
        ("The FTC is investigating whether Brightwave Inc. misled consumers.", "Brightwave"),
    ],
)
def test_a_probe_into_whether_someone_did_something_targets_them(extractor, text, target):
    events = events_of(extractor, text, "2026-06-23")
    assert [(e.type, names(e.target)) for e in events] == [("investigation", {target})]


def test_a_name_the_model_cut_before_its_owner_loses_the_dangling_words():
    from nlp.components.entities import clean_name

    assert clean_name("the Division of Enforcement of the") == "Division of Enforcement"
    assert clean_name("Bank of America") == "Bank of America"
    assert clean_name("Johnson & Johnson") == "Johnson & Johnson"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Effective April 27, 2026, Halcyra suspended sales of the Domo 1 in all member states of the EU.", "Domo 1"),
        (
            "On November 12, 2025, Velion suspended shipments to four distributors in Southeast Asia.",
            "four distributors",
        ),
        (
            "Daeyang Electronics launched its foldable Veil X phone on Monday, but the company halted sales in Italy "
            "the following day.",
            "Veil X",
        ),
    ],
)
def test_a_halted_activity_targets_the_product_or_customers_it_concerned(extractor, text, target):
    suspensions = [e for e in events_of(extractor, text, "2026-04-28") if e.type == "suspension"]
    assert len(suspensions) == 1
    assert any(target in name for name in names(suspensions[0].target))


def test_a_one_letter_company_name_inside_a_product_name_is_not_that_company(extractor):
    events = events_of(extractor, "Daeyang launched its Veil X phone on Monday.", "2026-04-28")
    assert all("X Corp." not in names(e.agent) | names(e.target) for e in events)
    fined = events_of(extractor, "The Commission fined X 120 million euros on Friday.", "2026-04-28")
    assert [names(e.target) for e in fined] == [{"X Corp."}]


def test_an_indian_private_limited_company_keeps_its_name_whole(extractor):
    text = "Kesar Digital Pvt. Ltd., which markets Rangjeet Play in India, suspended its services on June 10."
    assert [names(e.agent) for e in events_of(extractor, text, "2026-06-11")] == [{"Kesar Digital"}]


def test_a_document_is_never_the_agent_of_what_it_orders(extractor):
    text = (
        "ORDER INSTITUTING CEASE-AND-DESIST PROCEEDINGS\n\n"
        "In November 2022 the Commission adopted a Report and Order that bars new equipment authorizations."
    )
    for event in events_of(extractor, text, "2026-07-15"):
        assert not {name.lower() for name in names(event.agent)} & {"order", "report and order"}
