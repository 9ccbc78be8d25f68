"""Official documents that are acts in their own shape: a President's notice continuing a
national emergency, the executive orders it recounts ("by Executive Order 13873, the
President declared ..."), and a consent judgment that orders a civil penalty paid."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

NOTICE = """Presidential Documents

Notice of May 11, 2026

Continuation of the National Emergency With Respect to Securing Undersea Cable Infrastructure

On April 2, 2024, by Executive Order 14120, the President declared a national emergency under the \
International Emergency Economic Powers Act to deal with the threat posed by foreign adversaries to \
undersea cables. On July 9, 2025, by Executive Order 14201, the President expanded the scope of that \
national emergency to cover landing stations.

The threat has not abated. Therefore, in accordance with section 202(d) of the National Emergencies Act, \
I am continuing for 1 year the national emergency declared in Executive Order 14120.

This notice shall be published in the Federal Register and transmitted to the Congress.

THE WHITE HOUSE,
May 11, 2026.
"""


def test_a_presidential_notice_continuing_an_emergency_is_an_order(extractor):
    orders = of_type(events_of(extractor, NOTICE, "2026-05-13"), "order")
    continuing = next(e for e in orders if e.date == "2026-05-11")
    assert continuing.evidence.startswith("I am continuing for 1 year")
    assert names(continuing.agent) == {"President of the United States"}


def test_the_executive_orders_a_notice_recounts_are_orders_of_their_day(extractor):
    orders = of_type(events_of(extractor, NOTICE, "2026-05-13"), "order")
    assert {"2024-04-02", "2025-07-09"} <= {e.date for e in orders}
    for order in orders:
        assert names(order.agent) == {"President of the United States"}


def test_a_notice_of_a_date_without_an_emergency_is_no_presidential_act(extractor):
    text = "Notice of June 3, 2026\n\nThe Board will hold its quarterly meeting in Room 210 on July 1, 2026."
    assert not of_type(events_of(extractor, text, "2026-06-03"), "order")


def test_a_person_sanctioned_by_an_executive_order_is_not_a_new_order(extractor):
    # "designated by Executive Order 13382": passive, an authority cited, not the President acting now
    text = "The vessels are owned by Arvand Lines, an entity designated by Executive Order 13382 in 2019."
    assert not of_type(events_of(extractor, text, "2026-06-03"), "order")


CONSENT = """SUPERIOR COURT OF NEW JERSEY
CHANCERY DIVISION, MERCER COUNTY
DOCKET NO. MER-C-000212-26

ATTORNEY GENERAL OF NEW JERSEY, Plaintiff,
v.
QUILLBROOK SMART HOME, INC., Defendant.

FINAL CONSENT JUDGMENT

1. Plaintiff filed a Complaint on March 2, 2026, alleging violations of the Consumer Fraud Act.

2. Quillbrook shall pay $900,000 to Plaintiff, of which $600,000 is a civil penalty and $300,000 \
reimburses investigative costs.

3. Quillbrook shall not represent that its cameras encrypt video unless they do.

IT IS ON THE 11th DAY OF March, 2026, SO ORDERED, ADJUDGED AND DECREED.
"""


def test_a_consent_judgment_is_the_courts_ruling_of_the_day_it_is_signed(extractor):
    [ruling] = of_type(events_of(extractor, CONSENT, "2026-03-13"), "ruling")
    assert ruling.date == "2026-03-11"
    assert "SO ORDERED, ADJUDGED AND DECREED" in ruling.evidence
    assert "Quillbrook Smart Home" in names(ruling.target)


def test_a_consent_judgment_ordering_a_civil_penalty_paid_is_a_penalty(extractor):
    [penalty] = of_type(events_of(extractor, CONSENT, "2026-03-13"), "penalty")
    assert penalty.date == "2026-03-11"
    assert "civil penalty" in penalty.evidence
    assert names(penalty.target) == {"Quillbrook Smart Home"}
    assert names(penalty.agent) == {"State of New Jersey"}


def test_a_consent_judgment_without_a_payment_imposes_no_penalty(extractor):
    text = CONSENT.replace(
        "2. Quillbrook shall pay $900,000 to Plaintiff, of which $600,000 is a civil penalty and $300,000 "
        "reimburses investigative costs.",
        "2. Quillbrook shall delete the recordings it kept.",
    )
    events = events_of(extractor, text, "2026-03-13")
    assert not of_type(events, "penalty")
    assert of_type(events, "ruling")


def test_by_order_of_the_court_is_no_executive_act(extractor):
    text = "By order of the court, the clerk moved the status conference to May 3, 2026."
    assert not of_type(events_of(extractor, text, "2026-04-20"), "order")
