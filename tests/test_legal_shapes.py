"""Legal documents whose acts sit in their shape rather than in sentences: a public law's
"Approved" line and legislative history, an EU implementing act that amends a sanctions
annex, and the Supreme Court's order list of granted and denied petitions."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

PUBLIC_LAW = """PUBLIC LAW 119-77—SEPT. 30, 2025                                  139 STAT. 901

Public Law 119-77
119th Congress

An Act

To require a study of foreign-made traffic signal controllers, and for other purposes.

Be it enacted by the Senate and House of Representatives of the United States of America in Congress assembled,

SECTION 1. SHORT TITLE.

This Act may be cited as the "Signal Controller Security Act".

SEC. 2. STUDY.

Not later than 1 year after the date of the enactment of this Act, the Secretary of Transportation shall
submit a study of the cybersecurity of traffic signal controllers to Congress.

Approved September 30, 2025.

LEGISLATIVE HISTORY—S. 1408:
SENATE REPORTS: No. 119-61 (Comm. on Commerce, Science, and Transportation).
CONGRESSIONAL RECORD:
Vol. 170 (2024): Dec. 10, considered and passed Senate.
Vol. 171 (2025): Sept. 16, considered and passed House, amended.
Sept. 23, Senate concurred in House amendment.
"""


def test_a_public_law_is_enacted_on_its_approval_and_its_history_gives_each_vote(extractor):
    events = of_type(events_of(extractor, PUBLIC_LAW, "2025-10-03"), "legislation")
    by_date = {e.date: e for e in events}
    assert set(by_date) == {"2025-09-30", "2024-12-10", "2025-09-16", "2025-09-23"}
    assert names(by_date["2025-09-30"].agent) == {"President of the United States"}
    # the volume's year, not the publication's, dates the Senate's first vote
    assert names(by_date["2024-12-10"].agent) == {"U.S. Senate"}
    assert names(by_date["2025-09-16"].agent) == {"U.S. House of Representatives"}
    assert by_date["2025-09-23"].attrs["stage"] == "concurred"


def test_a_history_without_an_enacting_clause_is_not_read_as_a_public_law(extractor):
    text = "Approved September 30, 2025.\n\nThe minutes of the board's meeting were read and approved without change."
    assert of_type(events_of(extractor, text, "2025-10-03"), "legislation") == []


EU_IMPLEMENTING_REGULATION = """COUNCIL IMPLEMENTING REGULATION (EU) 2026/2290

of 14 September 2026

implementing Regulation (EU) 2020/1998 concerning restrictive measures against serious human rights violations

THE COUNCIL OF THE EUROPEAN UNION,

Having regard to the Treaty on the Functioning of the European Union,

Whereas:

(1) On 7 December 2020, the Council adopted Regulation (EU) 2020/1998.

(2) Two natural persons and one entity should be included in the list set out in Annex I.

HAS ADOPTED THIS REGULATION:

Article 1

Annex I to Regulation (EU) 2020/1998 is amended as follows:

(1) the persons and entities listed in Part A of the Annex to this Regulation are added to the list;

(2) the entry concerning the person listed in Part B of the Annex to this Regulation is deleted from the list.

Article 2

This Regulation shall enter into force on the day of its publication in the Official Journal of the European Union.

Done at Brussels, 14 September 2026.

For the Council
The President

ANNEX

PART A

A. Natural persons

1. Oskar Venedictovich TALLMARSK. Date of birth: 3.3.1971. Reasons: Head of a detention facility. Date of listing: 14.9.2026.

2. Elvira Petrovna KOSHCHEYEVA. Reasons: Judge who ordered the detention of journalists. Date of listing: 14.9.2026.

B. Legal persons, entities and bodies

1. Gorodets Secure Transport LLC. Address: Nizhny Novgorod. Reasons: Transports detainees. Date of listing: 14.9.2026.

PART B

1. Matvei Ilyich SHUROVTSEV
"""


def test_an_eu_implementing_act_lists_the_annex_entries_and_deletes_the_named_one(extractor):
    events = events_of(extractor, EU_IMPLEMENTING_REGULATION, "2026-09-15")
    listings = of_type(events, "designation")
    added = next(e for e in listings if e.attrs.get("action") == "add")
    removed = next(e for e in listings if e.attrs.get("action") == "remove")
    assert names(added.agent) == names(removed.agent) == {"Council of the European Union"}
    assert {"Oskar Venedictovich TALLMARSK", "Elvira Petrovna KOSHCHEYEVA"} <= names(added.target)
    assert any(n.startswith("Gorodets Secure Transport") for n in names(added.target))
    assert not any("SHUROVTSEV" in n for n in names(added.target))  # Part B is the deleted entry
    assert any("SHUROVTSEV" in n for n in names(removed.target))
    assert added.date == removed.date == "2026-09-14"  # "Done at Brussels", not the publication
    # the recital's earlier act is told as before: the regulation the annex belongs to
    [rule] = of_type(events, "rule")
    assert rule.date == "2020-12-07"
    assert names(rule.agent) == {"Council of the European Union"}


ORDER_LIST = """(ORDER LIST: 609 U.S.)

MONDAY, JANUARY 11, 2027

CERTIORARI GRANTED

26-0412   MARROWDALE TELECOM, INC. V. FEDERAL COMMUNICATIONS COMMISSION

The petition for a writ of certiorari is granted.

CERTIORARI DENIED

26-0388   QUENBY AGRITECH LLC V. ENVIRONMENTAL PROTECTION AGENCY

26-0431   SALTMARSH FREIGHT CO. V. UNITED STATES

The petitions for writs of certiorari are denied.

-----

No. 26-0431
Decision Date: June 4, 2026
"""


def test_an_order_list_is_one_ruling_per_petition_against_its_petitioner(extractor):
    rulings = of_type(events_of(extractor, ORDER_LIST, "2027-01-11"), "ruling")
    by_target = {t: e for e in rulings for t in names(e.target)}
    assert {"Marrowdale Telecom", "Quenby Agritech", "Saltmarsh Freight"} <= set(by_target)
    assert "United States" not in by_target  # the respondent is not who the order acts on
    for petitioner in ("Marrowdale Telecom", "Quenby Agritech", "Saltmarsh Freight"):
        ruling = by_target[petitioner]
        assert names(ruling.agent) == {"Supreme Court of the United States"}
        assert ruling.date == "2027-01-11"
    assert by_target["Marrowdale Telecom"].attrs["disposition"] == "Certiorari Granted"
    assert by_target["Saltmarsh Freight"].attrs["disposition"] == "Certiorari Denied"


def test_a_spaced_case_caption_outside_an_order_list_is_no_ruling(extractor):
    text = "Brief for the respondent.\n\n26-0412   MARROWDALE TELECOM, INC. V. FEDERAL COMMUNICATIONS COMMISSION\n"
    assert of_type(events_of(extractor, text, "2027-01-11"), "ruling") == []


INDICTMENT = """Case 2:26-cr-00114     Document 1     Filed 05/19/26     Page 1 of 6

UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF TEXAS

UNITED STATES OF AMERICA

v.

HALVARD OSTERMEIER and
GULFGATE MARINE ELECTRONICS LLC,

Defendants.

CRIMINAL NO. 2:26-cr-00114

INDICTMENT

The Grand Jury charges:

1. At all times material to this Indictment, GULFGATE MARINE ELECTRONICS LLC was a Texas company.

2. On March 3, 2025, the Department of the Treasury's Office of Foreign Assets Control ("OFAC") designated
defendant KARSTEN NAVAL SUPPLY FZE ("KARSTEN"), a freight forwarder in Sharjah, for supplying parts to a
blocked shipyard.

A TRUE BILL

FOREPERSON OF THE GRAND JURY
"""


def test_an_indictment_is_the_districts_charge_dated_by_the_clerks_stamp(extractor):
    events = events_of(extractor, INDICTMENT, "2026-05-22")
    [charge] = [e for e in of_type(events, "penalty") if "Grand Jury" in e.evidence]
    assert names(charge.agent) == {"U.S. Attorney's Office for the Southern District of Texas"}
    assert any("Ostermeier" in n or "Gulfgate" in n for n in names(charge.target))
    assert charge.date == "2026-05-19"  # "Filed 05/19/26" on the first page, not the day it was posted
    # "OFAC designated ...", told with capitals the parser reads as an adjective, is OFAC's act
    [listing] = of_type(events, "designation")
    assert names(listing.agent) & {"Office of Foreign Assets Control"}
    assert listing.date == "2025-03-03"


DEFERRED_PROSECUTION = """Case 1:26-cr-00502     Document 3     Filed 09/14/26     Page 1 of 30

UNITED STATES DISTRICT COURT
EASTERN DISTRICT OF NEW YORK

UNITED STATES OF AMERICA

- against -

PALLADRIS DIAGNOSTICS SA,

Defendant.

DEFERRED PROSECUTION AGREEMENT

The defendant Palladris Diagnostics SA (the "Company"), the United States Department of Justice, Criminal
Division, Fraud Section (the "Fraud Section"), and the United States Attorney's Office for the Eastern District
of New York (the "Office") enter into this deferred prosecution agreement (the "Agreement").

1. The Company agrees that the Fraud Section and the Office will file a criminal Information in the United
States District Court for the Eastern District of New York.

2. The Fraud Section opened its investigation on April 2, 2024, after a whistleblower complaint.

3. Four days after the Fraud Section opened its investigation, the Company suspended all payments to its
Nairobi agent, Savanna Link Ltd.

AGREED:

Dated: September 9, 2026
"""


def test_a_deferred_prosecution_agreement_is_one_penalty_by_the_prosecutors(extractor):
    events = events_of(extractor, DEFERRED_PROSECUTION, "2026-09-15")
    [penalty] = of_type(events, "penalty")  # its operative words are not a second act
    assert names(penalty.agent) == {"U.S. Attorney's Office for the Eastern District of New York"}
    assert any("Palladris" in n for n in names(penalty.target))
    assert penalty.date == "2026-09-14"  # filed, not signed
    # the Fraud Section is known, and the probe the "four days after" phrase counts from is
    # not dated four days after itself
    [probe] = of_type(events, "investigation")
    assert names(probe.agent) == {"DOJ Criminal Division Fraud Section"}
    assert probe.date == "2024-04-02"
    [halt] = of_type(events, "suspension")
    assert halt.date == "2024-04-06"


def test_an_anchor_act_is_dated_back_from_the_date_told_before_it(extractor):
    text = (
        "The Harbor Tech Alliance sued the state on June 3, 2025, eleven days after the governor signed "
        "the bill into law."
    )
    [signing] = of_type(events_of(extractor, text, "2025-06-10"), "legislation")
    assert signing.date == "2025-05-23"


COURT_ORDER_APPROVING_SETTLEMENT = """IN THE UNITED STATES BANKRUPTCY COURT
FOR THE DISTRICT OF DELAWARE

In re: LANTERNQUAY EXCHANGE LLC,            Chapter 11
Debtor.                                     Case No. 26-11804 (KBO)

ORDER APPROVING SETTLEMENT BETWEEN THE DEBTOR AND THE SECURITIES AND EXCHANGE COMMISSION

Upon the motion of the Debtor for entry of an order approving the settlement agreement dated August 3, 2026
between the Debtor and the Securities and Exchange Commission (the "SEC"), which resolves the complaint the
SEC filed against Lanternquay in the United States District Court for the Southern District of New York on
April 21, 2026; IT IS HEREBY ORDERED THAT:

1. The Motion is GRANTED and the Settlement is approved.

Dated: September 22nd, 2026
Wilmington, Delaware
"""


def test_a_court_order_is_dated_by_its_signature_line_and_a_relative_clause_files_a_complaint(extractor):
    events = events_of(extractor, COURT_ORDER_APPROVING_SETTLEMENT, "2026-09-23")
    [ruling] = of_type(events, "ruling")
    assert ruling.date == "2026-09-22"  # the "Dated:" line, not "the settlement agreement dated August 3"
    # "the complaint the SEC filed against Lanternquay": the SEC's lawsuit, though no verb of the
    # sentence realizes it
    [suit] = of_type(events, "lawsuit")
    assert names(suit.agent) == {"U.S. Securities and Exchange Commission"}
    assert suit.date == "2026-04-21"


SIGNING_STATEMENT = """THE WHITE HOUSE

Statement from the President on Signing the Grid Sensor Integrity Act

March 4, 2026

Yesterday, I signed into law H.R. 3307, the Grid Sensor Integrity Act. The House passed the bill in
January, and the Senate cleared it last week.
"""


def test_a_presidents_signing_statement_is_his_act_told_once(extractor):
    events = of_type(events_of(extractor, SIGNING_STATEMENT, "2026-03-04"), "legislation")
    signed = [e for e in events if "signed" in e.evidence]
    assert len(signed) == 1  # the heading's "on Signing" is the same act, not a second
    [signing] = signed
    assert names(signing.agent) == {"President of the United States"}  # "I", under the heading
    assert signing.date == "2026-03-03"
    assert not [e for e in events if e.evidence.startswith("Statement from the President")]


AGENCY_DECISION = """UNITED STATES OF AMERICA
BEFORE THE FEDERAL TRADE COMMISSION

In the Matter of

TALLOWMERE GAMES, INC.,
a corporation.

DOCKET NO. C-4907

DECISION AND ORDER

On March 2, 2026, the Commission accepted the executed Consent Agreement and placed it on the public record
for 30 days. Now the Commission issues its Complaint, makes the following Findings, and issues the following
Order.
"""


def test_an_agency_order_acts_on_the_respondent_its_caption_names(extractor):
    events = events_of(extractor, AGENCY_DECISION, "2026-04-20")
    acts = [e for e in events if e.type in ("order", "penalty")]
    assert acts
    for act in acts:
        assert any("Tallowmere" in n for n in names(act.target))


def test_a_matter_that_is_a_subject_names_no_respondent(extractor):
    text = (
        "In the Matter of the Commission's Investigation into Winter Disconnections\n\n"
        "ORDER\n\nOn March 2, 2026, the Commission issued an emergency order."
    )
    [order] = of_type(events_of(extractor, text, "2026-04-20"), "order")
    assert not any("Disconnections" in n for n in names(order.target))


GAZETTED_REGULATIONS = """Canada Gazette, Part II, Volume 160, Number 24
Registration
SOR/2026-244 November 6, 2026
SPECIAL ECONOMIC MEASURES ACT
Regulations Amending the Special Economic Measures (Belarus) Regulations
P.C. 2026-1177 November 6, 2026
Therefore, Her Excellency the Governor General in Council, on the recommendation of the Minister of Foreign Affairs, makes the annexed Regulations under the Special Economic Measures Act.
Executive summary
Description: The Regulations add three entities, including Brestovo Optics JSC, to Schedule 1 to the Special Economic Measures (Belarus) Regulations.
"""


def test_gazetted_regulations_list_as_their_maker_on_their_registration_day(extractor):
    listings = of_type(events_of(extractor, GAZETTED_REGULATIONS, "2026-11-18"), "designation")
    assert [(e.date, names(e.agent)) for e in listings] == [("2026-11-06", {"Governor in Council (Canada)"})]


EXPLANATORY_STATEMENT = """EXPLANATORY STATEMENT

Issued by authority of the Minister for Foreign Affairs

Autonomous Sanctions Amendment (No. 7) Instrument 2026

The Minister made the Instrument on 12 November 2026.

The Instrument designates four individuals for targeted financial sanctions. The listings align Australia's measures with those of the United Kingdom, which designated the same individuals on 3 November 2026.
"""


def test_an_explanatory_statement_tells_the_instruments_act_and_the_ally_it_follows(extractor):
    listings = of_type(events_of(extractor, EXPLANATORY_STATEMENT, "2026-11-20"), "designation")
    by_date = {e.date: e for e in listings}
    assert set(by_date) == {"2026-11-12", "2026-11-03"}
    assert "Minister for Foreign Affairs" in names(by_date["2026-11-12"].agent)
    assert names(by_date["2026-11-03"].agent) == {"United Kingdom"}  # "..., which designated": a named government's act


def test_a_rule_that_bars_is_still_no_new_act(extractor):
    text = "BIS published the rule on Monday, which bars exports of advanced chips to the listed firms."
    assert of_type(events_of(extractor, text, "2026-11-20"), "order") == []


LIST_REVISION = """Ministry of Economy, Trade and Industry
Public Notice No. 201 of 2026 (provisional translation)
Revision of the End User List
The Ministry of Economy, Trade and Industry (METI) has revised the End User List.
Date of revision: November 2, 2026
Added: 7 entities (China 4, Iran 2, Belarus 1)
Deleted: 1 entity (following confirmation of dissolution)
Contact: Security Export Control Policy Division
"""


def test_a_list_revision_notice_is_one_listing_per_added_or_deleted_line(extractor):
    listings = of_type(events_of(extractor, LIST_REVISION, "2026-11-05"), "designation")
    assert sorted((e.attrs["action"], e.date) for e in listings) == [("add", "2026-11-02"), ("remove", "2026-11-02")]
    assert all(names(e.agent) == {"Ministry of Economy, Trade and Industry"} for e in listings)
    # only counted: neither the countries in brackets nor the contact office are the listed parties
    assert sorted(ref.text for e in listings for ref in e.target) == ["1 entity", "7 entities"]


def test_an_added_line_without_a_revised_list_is_no_listing(extractor):
    text = "Meeting notes\nAdded: 3 agenda items (budget, staffing, travel)\nDate: November 2, 2026\n"
    assert of_type(events_of(extractor, text, "2026-11-05"), "designation") == []
