"""What states, cities and provinces publish themselves: a legislature's session history dated
by month and day, consent orders that make the respondent pay, city and provincial orders."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

SESSION_HISTORY = """Oregon State Legislature
SB 1187 - 2026 Regular Session
Relating to the resale of consumer location data.
Sponsors: Ballantrae-Quist, Morrow-Ekwueme
Bill History
Nov 19\tPre-filed for introduction.
Feb 2\tFirst reading. Referred to President's desk.
Feb 10\tPublic Hearing held.
Feb 17\tThird reading, passed; yeas, 19; nays, 10; absent, 1.
IN THE HOUSE
Feb 19\tFirst reading. Referred to Speaker's desk.
Mar 3\tThird reading, passed; yeas, 35; nays, 24.
IN THE SENATE
Mar 5\tPresident signed.
OTHER THAN LEGISLATIVE ACTION
Mar 20\tGovernor signed.
"""


def test_a_session_history_dated_by_month_and_day_gives_each_chamber_and_the_signature(extractor):
    found = {
        (e.date, e.attrs.get("stage"), tuple(sorted(names(e.agent))))
        for e in of_type(events_of(extractor, SESSION_HISTORY, "2026-04-02"), "legislation")
    }
    # November is last year's; a Senate bill starts in the Senate; the Senate President's
    # signature is a formality, not the U.S. President's
    assert found == {
        ("2025-11-19", "introduced", ("Ballantrae-Quist", "Oregon Senate")),
        ("2026-02-17", "passed", ("Oregon Senate",)),
        ("2026-03-03", "passed", ("Oregon House of Representatives",)),
        ("2026-03-20", "signed", ("Governor of Oregon",)),
    }


CONSENT_ORDER = """STATE OF VERMONT
DEPARTMENT OF FINANCIAL REGULATION

IN THE MATTER OF:
TALLOWMERE PAYMENTS LLC

CONSENT ORDER

WHEREAS, Tallowmere Payments LLC ("Tallowmere" or "Respondent") holds a money transmitter license;

WHEREAS, Respondent has since designated a compliance officer for its Vermont business;

NOW, THEREFORE, the Commissioner ORDERS, and Respondent AGREES, that:

1. Respondent shall pay a civil penalty of forty thousand dollars ($40,000) to the Department of Financial Regulation by certified check within ten days.

2. Nothing in this Order limits the Department's right to refer the matter to the Attorney General.
"""


def test_a_fine_paid_to_the_department_by_check_is_the_departments_and_falls_on_the_defined_respondent(extractor):
    events = events_of(extractor, CONSENT_ORDER, "2026-05-04")
    penalties = of_type(events, "penalty")
    assert len(penalties) == 1
    # the payee enforces; the cheque is how it is paid; the Attorney General only may be told
    assert "Department of Financial Regulation" in " ".join(names(penalties[0].agent))
    assert any("Tallowmere" in name for name in names(penalties[0].target))
    # a respondent naming its own officer lists nobody
    assert of_type(events, "designation") == []


def test_an_agency_orders_fine_is_the_agencys_even_when_the_attorney_general_is_named_later(extractor):
    text = (
        "BEFORE THE CALIFORNIA PRIVACY PROTECTION AGENCY\n\nIn the Matter of:\nPELLIMORE DATA, INC.,\nRespondent.\n\n"
        "DECISION AND ORDER\n\nIT IS HEREBY ORDERED that:\n\n"
        "1. Respondent shall pay an administrative fine of $220,000 within thirty (30) days.\n\n"
        "2. The Agency may refer the matter to the Attorney General if Respondent fails to comply.\n"
    )
    events = events_of(extractor, text, "2026-03-02")
    penalties = of_type(events, "penalty")
    assert [names(p.agent) for p in penalties] == [{"California Privacy Protection Agency"}]
    # "HEREBY" in capitals is the order's formal word, never its maker
    assert not any("HEREBY" in name.upper() for e in events for name in names(e.agent))


def test_a_state_supreme_courts_order_of_affirmance_is_its_ruling_not_the_us_supreme_courts(extractor):
    text = (
        "IN THE SUPREME COURT OF THE STATE OF MONTANA\n\nDRAYCOTT MINING CO.,\nAppellant,\nvs.\n"
        "MONTANA DEPARTMENT OF REVENUE,\nRespondent.\n\nORDER OF AFFIRMANCE\n\n"
        "The Department assessed Draycott $410,000 in 2024. The district court denied Draycott's petition on "
        "March 3, 2025, and this appeal followed. Having reviewed the record, we conclude that the assessment "
        "stands. Accordingly, we\n\nORDER the judgment of the district court AFFIRMED.\n"
    )
    events = events_of(extractor, text, "2026-01-20")
    rulings = of_type(events, "ruling")
    top = [r for r in rulings if "AFFIRMED" in r.evidence]
    assert len(top) == 1
    assert any("Montana" in name.title() for name in names(top[0].agent))
    assert "Supreme Court of the United States" not in {n for e in events for n in names(e.agent)}
    # "the district court" is not the one court the caption names
    lower = [r for r in rulings if r.date == "2025-03-03"]
    assert lower and not any("Montana" in n.title() or "Supreme" in n for n in names(lower[0].agent))
    # the court reviewing its record investigates nobody; "ORDER the judgment" is not a second, agency order
    assert of_type(events, "investigation") == [] and of_type(events, "order") == []


def test_a_mayors_first_person_directive_is_the_mayors_order_on_the_department_it_binds(extractor):
    text = (
        "CITY OF SPOKANE\nOFFICE OF THE MAYOR\n\nEXECUTIVE ORDER NO. 2026-03\n\n"
        'WHEREAS, the Spokane Parking Services Department ("SPSD") reported repeated outages of its payment kiosks;\n\n'
        "NOW, THEREFORE, I, the Mayor of the City of Spokane, by the authority vested in me by the City Charter, "
        "hereby direct as follows:\n\n1. The Spokane Parking Services Department shall not renew any kiosk contract until an independent audit is complete.\n\n"
        "Signed this 4th day of March, 2026.\n\nMayor\n"
    )
    orders = of_type(events_of(extractor, text, "2026-03-06"), "order")
    assert [(o.date, names(o.agent)) for o in orders] == [("2026-03-04", {"Mayor of the City of Spokane"})]
    assert any("Parking Services" in name or name == "SPSD" for name in names(orders[0].target))


def test_a_temporary_order_in_the_matter_of_two_respondents_binds_both(extractor):
    text = (
        "British Columbia Securities Commission\n\nIN THE MATTER OF HALLOWAY CREST LTD. AND PERPETUA M. OYELARAN\n\n"
        "TEMPORARY ORDER\n\nWHEREAS it appears to the Commission that:\n\n"
        "1. Halloway Crest Ltd. (Halloway) is an Alberta company whose directing mind is Perpetua M. Oyelaran (Oyelaran);\n\n"
        "IT IS ORDERED pursuant to section 161 of the Act that all trading in the securities of Halloway shall cease;\n\n"
        "DATED at Vancouver this 2nd day of April, 2026.\n"
    )
    orders = of_type(events_of(extractor, text, "2026-04-03"), "order")
    assert len(orders) == 1  # "directing mind" directs nothing
    assert "IT IS ORDERED" in orders[0].evidence
    assert {"Halloway", "Oyelaran"} <= {w for name in names(orders[0].target) for w in name.replace(".", " ").split()}


def test_a_rule_dated_after_a_regulation_citation_with_abbreviated_title(extractor):
    text = (
        "The Board adopted final amendments to its registration regulations (Cal. Code Regs., tit. 11, § 7600 et seq.) "
        "on November 8, 2024."
    )
    rules = of_type(events_of(extractor, text, "2026-02-20"), "rule")
    assert [r.date for r in rules] == ["2024-11-08"]
