"""European and British official texts, and what companies say of their own products: a
bill's table of stages, a final notice's numbered decisions, an annulment action, a
statutory instrument, and products that arrive by themselves ("is now available")."""

from __future__ import annotations

from tests.extraction_support import events_of, names, of_type

BILL_STAGES = """Drone Airspace Safety Bill [HL]
Government Bill
Originated in the House of Lords

Stages
House of Lords | 1st reading | 11 March 2026
House of Lords | 2nd reading | 30 March 2026
House of Lords | Committee stage (Grand Committee) | 21 April 2026
House of Lords | 3rd reading | 2 June 2026
House of Commons | 1st reading | 3 June 2026
House of Commons | 2nd reading | 1 July 2026
House of Commons | Report stage and 3rd reading | 14 October 2026
Royal Assent | 5 November 2026
"""


def test_a_bills_stages_are_its_introduction_each_houses_passage_and_royal_assent(extractor):
    steps = of_type(events_of(extractor, BILL_STAGES, "2026-11-09"), "legislation")
    told = sorted((e.date, " ".join(names(e.agent)), e.attrs.get("stage")) for e in steps)
    # the Commons' own 1st reading brings nothing in: the bill came from the Lords
    assert told == [
        ("2026-03-11", "House of Lords", "introduced"),
        ("2026-06-02", "House of Lords", "passed"),
        ("2026-10-14", "House of Commons", "passed"),
        ("2026-11-05", "", "signed"),
    ]
    # "[HL]" marks where the bill began; it is no part of its name
    assert all(names(e.target) == {"Drone Airspace Safety Bill"} for e in steps)


def test_one_dated_row_is_no_table_of_stages(extractor):
    text = "Peers debated the bill again.\nHouse of Lords | 2nd reading | 30 March 2026\n"
    assert of_type(events_of(extractor, text, "2026-04-01"), "legislation") == []


FINAL_NOTICE = """FINAL NOTICE

To: Marguerite Ellesmere-Doyle

Date: 3 September 2026

1. ACTION

1.1 For the reasons given in this Final Notice, the Authority hereby:

(1) imposes on Ms Ellesmere-Doyle a financial penalty of £184,000 pursuant to section 66 of the Act; and

(2) makes an order, pursuant to section 56 of the Act, prohibiting Ms Ellesmere-Doyle from performing any function in relation to any regulated activity.

1.2 On 2 April 2026 Ms Ellesmere-Doyle withdrew her reference to the Upper Tribunal, and the Authority accordingly issues this Final Notice.

2. DEFINITIONS

"the Act" means the Financial Services and Markets Act 2000;

"the Authority" means the Financial Conduct Authority.
"""


def test_a_final_notices_numbered_decisions_are_the_authoritys(extractor):
    events = events_of(extractor, FINAL_NOTICE, "2026-09-05")
    (penalty,) = of_type(events, "penalty")
    (order,) = of_type(events, "order")
    for act in (penalty, order):
        # "the Authority hereby:" over "(1) imposes on Ms X a financial penalty": the Authority
        # acts, not the person it fines (whom "It" would have found nearest)
        assert "Financial Conduct Authority" in names(act.agent)
        assert "Ellesmere-Doyle" in " ".join(names(act.target))
        assert act.date == "2026-09-03"


def test_withdrawing_a_reference_is_no_suspension(extractor):
    assert of_type(events_of(extractor, FINAL_NOTICE, "2026-09-05"), "suspension") == []


ANNULMENT = """Brussels, 9 July 2026

On 4 March 2025 the European Commission fined Tessaline EUR 212 million for tying its cloud storage to its operating system (the Fining Decision).

The investigation showed that device makers could not license the operating system without also pre-installing the storage service, and that they were paid rebates only if the storage service was set as the default.

Rival storage providers told the Commission that their share of new devices fell by more than half between 2021 and 2024, and several of them left the market for tablets altogether.

The Fining Decision also required Tessaline to offer device makers a version of the operating system without the storage service, at a lower price, within ninety days.

Tessaline published the unbundled version in June 2025. Device makers have since chosen it for roughly a fifth of new tablets sold in the European Economic Area.

On 16 May 2025, Tessaline brought an action before the General Court seeking the annulment of the Fining Decision. That action is pending.
"""


def test_an_action_brought_before_a_court_is_a_suit_against_the_maker_of_the_act_it_would_annul(extractor):
    (suit,) = of_type(events_of(extractor, ANNULMENT, "2026-07-09"), "lawsuit")
    # the fine was told too far back for the suit to be taken as the fined party's answer to it
    assert ANNULMENT.index("brought an action") - ANNULMENT.index("fined Tessaline") > 800
    assert suit.date == "2025-05-16"
    assert "Tessaline" in " ".join(names(suit.agent))
    assert names(suit.target) == {"European Commission"}


def test_an_action_outside_any_court_is_no_suit(extractor):
    text = "On 16 May 2026, the Authority brought an action plan for small lenders to its board."
    assert of_type(events_of(extractor, text, "2026-05-20"), "lawsuit") == []


STATEMENT = """Written statement: export controls update

Made by: Minister of State for Trade Policy

The Export Control (Amendment) Order 2026 was made on 9 February and laid before Parliament the same day.

On 27 January the Export Control Joint Unit revoked two standard individual export licences held by Carrowmore Thermal Imaging Ltd.
"""


def test_a_statutory_instrument_made_is_a_rule_not_an_order(extractor):
    events = events_of(extractor, STATEMENT, "2026-02-12")
    (instrument,) = of_type(events, "rule")
    assert instrument.date == "2026-02-09"
    # "Minister of State" is a British minister's rank, not the U.S. State Department
    assert not any("Department of State" in " ".join(names(e.agent)) for e in events)


def test_a_revoked_licence_is_an_act_on_its_holder(extractor):
    (revocation,) = of_type(events_of(extractor, STATEMENT, "2026-02-12"), "order")
    assert "Carrowmore Thermal Imaging" in " ".join(names(revocation.target))


def test_a_bodys_plenary_sitting_is_no_meeting(extractor):
    text = (
        "Meeting in plenary on 2 March, the Board adopted its opinion on the draft decision of the Swedish authority."
    )
    assert of_type(events_of(extractor, text, "2026-03-05"), "meeting") == []


RELEASE_NOTES = """Harrowgate Software release notes

Quillmark Sync is now available in Ireland, Portugal and Greece. Tallis 4 went on sale in the United Kingdom the same day. Ledger Lens began rolling out to all business customers in Canada this morning.
"""


def test_products_that_arrive_by_themselves_are_launched(extractor):
    launches = of_type(events_of(extractor, RELEASE_NOTES, "2026-03-10"), "launch")
    launched = " ".join(name for e in launches for name in names(e.target))
    for product in ("Quillmark Sync", "Tallis 4", "Ledger Lens"):
        assert product in launched
    assert all(e.date == "2026-03-10" for e in launches)


def test_being_available_without_now_is_a_state_not_a_launch(extractor):
    text = "The Quillmark Sync app is available in Ireland and Portugal. Ask your administrator for access."
    assert of_type(events_of(extractor, text, "2026-03-10"), "launch") == []


def test_a_company_that_goes_live_is_not_made_a_product(extractor):
    text = "CALDERWICK BANK GOES LIVE WITH INSTANT PAYMENTS FOR BUSINESS CUSTOMERS"
    assert of_type(events_of(extractor, text, "2026-03-10"), "launch") == []


FINES_RELEASE = """Authority fines Brackenfold Marketplaces EUR 38 million over rankings

The national competition authority has imposed a fine of EUR 38 million on Brackenfold for ranking its own offers above those of rival sellers.

The authority opened proceedings on 12 February 2025. Brackenfold has said it will appeal. Brackenfold's marketplace is the largest in the country, and Brackenfold employs 4,000 people there.
"""


def test_the_party_a_release_keeps_naming_is_the_target_of_acts_that_name_nobody(extractor):
    (probe,) = of_type(events_of(extractor, FINES_RELEASE, "2026-05-02"), "investigation")
    # "Brackenfold" has no legal form, but the headline names it and the text comes back to it
    assert "Brackenfold" in " ".join(names(probe.target))


def test_withdrawing_a_proposed_rule_is_rulemaking_not_a_suspension(extractor):
    text = "The Federal Railroad Administration on Tuesday withdrew a proposed rule that would have required two-person crews."
    events = events_of(extractor, text, "2026-05-08")
    assert [e.type for e in events] == ["rule"]
    assert events[0].date == "2026-05-05"


COOKIE_PAGE = """Cookies on GOV.UK
We use some essential cookies to make this website work.
Accept additional cookies Reject additional cookies View cookies

The regulator fined Marlowe Fairs Ltd £90,000 on 3 March 2026 because its website did not let visitors reject cookies as easily as accept cookies.
"""


def test_a_cookie_banners_buttons_are_no_acts_but_a_sentence_about_cookies_is_read(extractor):
    events = events_of(extractor, COOKIE_PAGE, "2026-03-06")
    # "Reject additional cookies" is a button, not a court rejecting anything
    assert of_type(events, "ruling") == []
    (fine,) = of_type(events, "penalty")
    assert "Marlowe Fairs" in " ".join(names(fine.target))


def test_an_online_check_by_a_regulator_opens_an_inquiry(extractor):
    text = "The authority carried out an online check of the retailer's website on 12 May 2025. Staff ran a spell check on the draft."
    (check,) = of_type(events_of(extractor, text, "2026-01-20"), "investigation")
    assert check.date == "2025-05-12"


CASE_PAGE = """Investigation into Fernhollow Ltd's compliance with its illegal content duties

Update - 12 March 2026
The regulator has today fined Fernhollow Ltd £640,000 for failing to assess the risk of illegal content on its service.

On 2 March Fernhollow blocked access to its service for users in the UK.

Update - 9 October 2025
The regulator has opened an investigation into whether Fernhollow Ltd has failed to comply with its duties.
"""


def test_a_case_pages_update_headings_date_what_each_update_tells(extractor):
    events = events_of(extractor, CASE_PAGE, "2026-03-12")
    (probe,) = of_type(events, "investigation")
    # "has opened" under "Update - 9 October 2025": opened then, not on the day the page was last updated
    assert probe.date == "2025-10-09"
    (fine,) = of_type(events, "penalty")
    assert fine.date == "2026-03-12"


def test_a_name_after_a_fronted_date_without_a_comma_is_the_subject(extractor):
    (block,) = of_type(events_of(extractor, CASE_PAGE, "2026-03-12"), "suspension")
    # "On 2 March Fernhollow blocked": the parser reads "2 March Fernhollow" as one phrase unless
    # a comma parts them
    assert "Fernhollow" in " ".join(names(block.agent))
    assert block.date == "2026-03-02"


def test_a_bullet_is_no_part_of_the_name_after_it(extractor):
    text = "What's new in version 5.2\n\n\u2022 Live Transcribe is now available in Chile, Peru and Uruguay.\n\u2022 Bug fixes.\n"
    (launch,) = of_type(events_of(extractor, text, "2026-02-02"), "launch")
    # read with the bullet, "Live" is an adjective of "Transcribe"
    assert names(launch.target) == {"Live Transcribe"}


def test_guidance_published_is_no_rule(extractor):
    text = "On 4 June the Office of Financial Sanctions Implementation published updated guidance on ownership and control."
    assert of_type(events_of(extractor, text, "2026-06-09"), "rule") == []


def test_a_headlines_firm_fined_an_amount_was_fined(extractor):
    text = """Cookie consent: HARLOWE PRESSE fined EUR 2.1 million

On 2 October 2026, the CNIL imposed a fine of EUR 2,100,000 on HARLOWE PRESSE SAS for placing advertising cookies without consent.
"""
    fines = of_type(events_of(extractor, text, "2026-10-06"), "penalty")
    # the headline is the body's fine, told without its auxiliary; its short name is the same firm
    assert len(fines) == 1
    assert "CNIL" in " ".join(names(fines[0].agent))
    assert "Harlowe Presse" in " ".join(names(fines[0].target))


def test_revoking_a_designation_is_a_delisting(extractor):
    text = "The Secretary of State revoked the designation of Dvinsk Marine Supply LLC yesterday after an administrative review."
    (removal,) = events_of(extractor, text, "2026-05-21")
    assert removal.type == "designation"
    assert removal.attrs.get("action") == "remove"
    assert "Dvinsk Marine Supply" in " ".join(names(removal.target))
    assert removal.date == "2026-05-20"


FEED_DIGEST = """press corner feed: antitrust - latest items

17/07/2025 | press release | commission makes tarrow pay's commitments binding
The European Commission has accepted and made legally binding the commitments offered by Tarrow Pay B.V. to give rival wallets access to its terminals.

03/07/2025 | daily news | commission opens proceedings against Quillon Market
The Commission today opened formal proceedings against Quillon Market under the Digital Services Act.
"""


def test_a_european_feeds_day_first_dates_date_each_item(extractor):
    events = events_of(extractor, FEED_DIGEST, "2025-07-18")
    (probe,) = of_type(events, "investigation")
    # "03/07/2025" is the 3rd of July here: "17/07/2025" above it cannot be read month first
    assert probe.date == "2025-07-03"


def test_commitments_made_binding_bind_the_one_who_offered_them(extractor):
    (order,) = of_type(events_of(extractor, FEED_DIGEST, "2025-07-18"), "order")
    assert order.date == "2025-07-17"
    assert "Tarrow Pay" in " ".join(names(order.target))


COMPANY_UPDATE = """An update for our users in Chile

On Monday, the country's consumer agency, SERNAC, issued an interim measure ordering Talkfern Labs Inc. to stop selling paid chat credits to minors.

On Wednesday, Talkfern Labs made Parlora unavailable for download in Chile.
"""


def test_a_measure_issued_ordering_a_firm_is_the_issuers_order(extractor):
    (order,) = of_type(events_of(extractor, COMPANY_UPDATE, "2026-04-24"), "order")
    # a measure's words ("ordering X to stop") are the act of the body that issued it
    assert order.date == "2026-04-20"
    assert "Talkfern Labs" in " ".join(names(order.target))


def test_a_law_that_contains_a_measure_ordering_is_no_order(extractor):
    text = "The statute contains a measure ordering platforms to verify the ages of their users."
    assert of_type(events_of(extractor, text, "2026-04-24"), "order") == []


def test_a_firm_making_its_product_unavailable_suspends_it(extractor):
    (halt,) = of_type(events_of(extractor, COMPANY_UPDATE, "2026-04-24"), "suspension")
    assert halt.date == "2026-04-22"
    assert "Parlora" in " ".join(names(halt.target))


def test_a_long_foreign_name_the_parser_tore_apart_still_fills_its_role(extractor):
    text = "This follows a provisional limitation issued by the Garante per la protezione dei dati personali on October 30, 2025."
    (order,) = of_type(events_of(extractor, text, "2025-11-20"), "order")
    # the name's root word lands outside the "by" phrase; its first word does not
    assert "Garante per la protezione dei dati personali" in names(order.agent)
    assert order.target == []


def test_a_model_named_with_its_makers_name_and_hyphens_is_one_product(extractor):
    text = "November 18, 2025 - vocantis-voice-3 is now generally available to all paid API tiers."
    (launch,) = of_type(events_of(extractor, text, "2025-11-20"), "launch")
    assert [t.text for t in launch.target] == ["vocantis-voice-3"]


def test_a_coined_name_made_available_is_launched(extractor):
    text = "Tallowbrook made Glimmer Quest available to all users on Monday."
    (launch,) = of_type(events_of(extractor, text, "2025-10-14"), "launch")
    assert names(launch.target) == {"Glimmer Quest"}
    assert launch.date == "2025-10-13"


def test_beginning_a_rulemaking_is_a_rule_step(extractor):
    text = "The Agency formally began the rulemaking in November 2024, when it published a notice of proposed action."
    (step,) = of_type(events_of(extractor, text, "2025-08-28"), "rule")
    assert step.date == "2024-11"


def test_a_deactivated_tracker_is_suspended(extractor):
    text = "LOUPIAC MÉDIAS deactivated the audience sharing tracker in June 2025, after receiving the report."
    (halt,) = of_type(events_of(extractor, text, "2026-09-17"), "suspension")
    assert halt.date == "2025-06"


FILING_IN_CAPITALS = """FORM 8-K
CURRENT REPORT
KESTREL HARBOR RADIO, INC.

ITEM 8.01 OTHER EVENTS.

ON FEBRUARY 26, 2026, THE COMPANY RECEIVED A LETTER OF INQUIRY FROM THE ENFORCEMENT BUREAU OF THE FEDERAL COMMUNICATIONS COMMISSION ABOUT ITS KH-4 ROUTER. ON MARCH 2, 2026, THE COMPANY SUSPENDED SHIPMENTS OF THE KH-4 TO DISTRIBUTORS.
"""


def test_a_filing_in_capitals_speaks_of_itself_as_the_company(extractor):
    (halt,) = of_type(events_of(extractor, FILING_IN_CAPITALS, "2026-03-05"), "suspension")
    # re-cased word by word, "THE COMPANY" comes out "the company": in a securities form it is the filer
    assert "Kestrel Harbor Radio" in " ".join(names(halt.agent))


def test_a_name_with_a_place_in_brackets_before_its_legal_form_is_re_cased_as_a_name():
    from nlp.casing import truecase

    said = truecase(
        "the bureau added the company's subsidiary, kestrel harbor electronics (dongguan) co., ltd., to the list."
    )
    # the words before "co." are the name, the bracketed place too; "subsidiary," before them is not
    assert "Kestrel Harbor Electronics (Dongguan) Co." in said
    assert "company's subsidiary," in said
