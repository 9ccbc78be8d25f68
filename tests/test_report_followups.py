"""How news reports and agency papers tell acts a second time, or only in passing: a lede that
says a regulator "has taken" a company "to federal court" and a next sentence that dates the
complaint; a body named by its defined term ("the Division"); an inspection a warning letter
"follows"; a listing whose effects ("barring it from trade", "which bars ...") are no new acts;
a running count of sanctions; and the names and titles the small model gets wrong."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type


def test_taken_to_court_is_a_lawsuit_dated_by_the_complaint(extractor):
    text = (
        "The Consumer Financial Protection Bureau has taken Brassica Pay, a Denver payday lender, to federal "
        "court. In a complaint filed Tuesday in the U.S. District Court for the District of Colorado, the bureau "
        "said Brassica Pay hid its fees from borrowers."
    )
    [suit] = of_type(events_of(extractor, text, "2026-03-13"), "lawsuit")
    assert suit.date == "2026-03-10"  # the Tuesday the second sentence gives, not the day of the report
    assert names(suit.target) == {"Brassica Pay"}  # not "the District of Colorado", a piece of the court's name


def test_a_name_after_a_job_title_is_a_person_and_not_the_company(extractor):
    text = (
        'Fenwold Robotics, which makes the Pellisk warehouse robot, denied wrongdoing. "We follow every rule," '
        "chief executive Ravensby Mardale said. The complaint says the Justice Department sent the company a "
        "civil investigative demand last year."
    )
    events = events_of(extractor, text, "2026-03-13")
    [probe] = of_type(events, "investigation")
    assert names(probe.target) == {"Fenwold Robotics"}
    assert probe.date == "2025"


def test_state_regulators_are_not_the_state_department(extractor):
    text = "State regulators on Monday ordered Thistlewick Coin LLC to stop accepting cash at its kiosks."
    [order] = of_type(events_of(extractor, text, "2026-03-13"), "order")
    assert "U.S. Department of State" not in names(order.agent)
    assert order.date == "2026-03-09"


def test_a_passive_listing_is_the_list_keepers_act(extractor):
    text = (
        "(Adds China commerce ministry comment)\n\n"
        "Skelbrook Holdings, the parent of the chipmaker, was added to the Entity List in 2024, U.S. officials said."
    )
    [listing] = of_type(events_of(extractor, text, "2026-03-13"), "designation")
    assert names(listing.agent) == {"Bureau of Industry and Security"}
    assert listing.date == "2024"


def test_what_a_listing_does_is_not_another_act(extractor):
    text = (
        "China's Ministry of Commerce said on Wednesday it had put Velloran Aerial, a maker of survey drones, on "
        "its unreliable entity list, barring it from trade and investment in China.\n\nSeparately, the Public "
        "Safety and Homeland Security Bureau added residential routers made by Dunmere Netlink to the Covered List "
        "on Friday, which bars new equipment authorizations for the devices and blocks the use of Universal Service "
        "Fund money to buy them."
    )
    events = events_of(extractor, text, "2026-03-14")
    assert {e.type for e in events} == {"designation"}
    assert len(events) == 2


def test_one_listing_told_as_a_countrys_and_then_as_its_ministrys(extractor):
    text = (
        "Washington blacklisted six Chinese chip firms on Tuesday, and Beijing retaliated on Wednesday by putting "
        "a U.S. drone maker on a blacklist of its own.\n\n"
        "China's Ministry of Commerce said on Wednesday it had put Velloran Aerial, a Virginia-based maker of "
        "survey drones, on its unreliable entity list."
    )
    listings = [e for e in of_type(events_of(extractor, text, "2026-03-12"), "designation") if e.date == "2026-03-11"]
    [chinese] = listings
    assert "Ministry of Commerce of the People's Republic of China" in names(chinese.agent)
    assert "Velloran Aerial" in names(chinese.target)


def test_a_capitalised_letter_of_inquiry_and_a_defined_term(extractor):
    text = (
        "2. In March 2025, two carriers told the Enforcement Bureau's Spectrum Enforcement Division (Division) "
        "about interference from Mardale boosters.\n\n"
        "3. On April 22, 2025, the Division issued a Letter of Inquiry (LOI) to Mardale Wireless LLC."
    )
    [probe] = of_type(events_of(extractor, text, "2026-01-14"), "investigation")
    assert probe.date == "2025-04-22"
    assert names(probe.agent) == {"Spectrum Enforcement Division"}


def test_a_warning_letter_dated_after_the_fact_and_the_inspection_it_follows(extractor):
    text = (
        "The Food and Drug Administration has sent a warning letter to Fenwold Medical Inc., saying the company "
        "sold an infusion pump feature without clearance.\n\n"
        "The letter, dated March 10 and posted on the agency's website on Tuesday, follows an inspection of "
        "Fenwold's plant from Jan. 12 to 16."
    )
    events = events_of(extractor, text, "2026-03-19")
    [letter] = of_type(events, "order")
    assert letter.date == "2026-03-10"
    [inspection] = of_type(events, "investigation")
    assert inspection.date == "2026-01-12"  # the inspection began then; Tuesday is when the letter was posted
    assert "Food and Drug Administration" in " ".join(names(inspection.agent))


def test_stopping_a_service_by_a_company_named_again_at_a_sentences_start(extractor):
    text = (
        "The Office of Defects Investigation opened a preliminary evaluation late Monday into about 900 Skelbrook "
        "Mobility robotaxis.\n\n"
        "Skelbrook, which offers driverless rides in two cities, said on Tuesday it had stopped routing its "
        "vehicles near schools. Two senators have asked the company to suspend its service; Skelbrook said it had "
        "no plans to do so."
    )
    [halt] = of_type(events_of(extractor, text, "2026-04-15"), "suspension")
    assert halt.date == "2026-04-14"
    assert "Skelbrook" in " ".join(names(halt.agent))


def test_a_company_charging_its_customers_is_no_penalty(extractor):
    text = "The Commission said Dunmere Cloud had charged customers up to four times as much to run its software elsewhere."
    assert of_type(events_of(extractor, text, "2026-03-13"), "penalty") == []


def test_a_model_that_became_generally_available(extractor):
    text = "The chatbot runs on Velloran's own model, Velloran-3, which became generally available in February."
    [launch] = of_type(events_of(extractor, text, "2026-05-08"), "launch")
    assert launch.date == "2026-02"


def test_a_running_count_of_sanctions_is_no_act(extractor):
    text = (
        "Since the start of 2024 the United States has sanctioned more than 130 people and entities over drone sales."
    )
    assert events_of(extractor, text, "2026-03-13") == []


def test_letters_directing_their_readers_are_the_senders_orders(extractor):
    text = (
        "On May 5, 2025, the Attorney General sent letters to three retailers directing them to remove Thistlewick "
        "cameras from sale within ten days."
    )
    [order] = of_type(events_of(extractor, text, "2025-06-13"), "order")
    assert not any("retailers" in r.text for r in order.agent)
    assert order.date == "2025-05-05"


def test_what_was_done_without_is_not_done(extractor):
    text = (
        "Your firm closed 14 complaints of pump failures without investigating them. The Board fined Pellisk Care "
        "LLC without holding a hearing."
    )
    events = events_of(extractor, text, "2025-10-17")
    assert [e.type for e in events] == ["penalty"]


def test_inspectors_visiting_a_site_is_an_inspection(extractor):
    text = "EPA inspectors visited Thistlewick Tuning's warehouse in Ogden, Utah, on May 14, 2024."
    [probe] = events_of(extractor, text, "2025-08-04")
    assert probe.type == "investigation"
    assert probe.date == "2024-05-14"


def test_the_state_in_a_judges_words_and_a_trade_group_taken_up_again(extractor):
    text = (
        "A federal judge granted a preliminary injunction sought by the Open Stores Alliance, a trade group.\n\n"
        '"The State may not condition access to lawful speech on an age check," the judge wrote.\n\n'
        "The alliance sued the state's attorney general in August."
    )
    events = events_of(extractor, text, "2026-09-25")
    assert not any("U.S. Department of State" in names(e.agent) | names(e.target) for e in events)
    [suit] = of_type(events, "lawsuit")
    assert names(suit.agent) == {"Open Stores Alliance"}
