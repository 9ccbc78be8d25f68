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
    assert "U.S. Government" not in by_target  # the respondent is not who the order acts on
    for petitioner in ("Marrowdale Telecom", "Quenby Agritech", "Saltmarsh Freight"):
        ruling = by_target[petitioner]
        assert names(ruling.agent) == {"Supreme Court of the United States"}
        assert ruling.date == "2027-01-11"
    assert by_target["Marrowdale Telecom"].attrs["disposition"] == "Certiorari Granted"
    assert by_target["Saltmarsh Freight"].attrs["disposition"] == "Certiorari Denied"


def test_a_spaced_case_caption_outside_an_order_list_is_no_ruling(extractor):
    text = "Brief for the respondent.\n\n26-0412   MARROWDALE TELECOM, INC. V. FEDERAL COMMUNICATIONS COMMISSION\n"
    assert of_type(events_of(extractor, text, "2027-01-11"), "ruling") == []
