"""State settlements, consent orders and foreign regulators' texts in the shapes dev23 showed:
bill-status tables in capitals and a single-chamber parliament's bill progress, a consent order's
"must pay", an assurance "under which X will pay", a counted coalition of states, an enforcement
notice announced in the passive, a judge's own orders, scraped markup, datelines, and a
regulator whose name holds another country's body's name."""

from __future__ import annotations

from nlp.pipeline import DocInput
from tests.extraction_support import events_of, names, of_type

CAPITALS_BILL_STATUS = """ILLINOIS GENERAL ASSEMBLY
BILL STATUS OF SB 2741   104TH GENERAL ASSEMBLY

SHORT DESCRIPTION: DELIVERY ROBOT SAFETY ACT

SENATE SPONSORS: SEN. MARGUERITE OYELARAN-BOSK
HOUSE SPONSORS: REP. TOBIN VASQUEZ-ARDEL

ACTIONS
DATE        CHAMBER   ACTION
2/3/2026    SENATE    FILED WITH SECRETARY BY SEN. MARGUERITE OYELARAN-BOSK
2/3/2026    SENATE    FIRST READING
2/3/2026    SENATE    REFERRED TO ASSIGNMENTS
4/16/2026   SENATE    THIRD READING - PASSED; 038-017-000
4/16/2026   HOUSE     ARRIVED IN HOUSE
5/21/2026   HOUSE     THIRD READING - SHORT DEBATE - PASSED 071-040-000
5/21/2026   SENATE    PASSED BOTH HOUSES
8/2/2026    SENATE    GOVERNOR APPROVED
"""


def test_a_bill_status_table_in_capitals_gives_filing_each_chambers_passage_and_approval(extractor):
    events = of_type(events_of(extractor, CAPITALS_BILL_STATUS, "2026-08-10"), "legislation")
    by_stage = {(e.attrs.get("stage"), e.date): e for e in events}
    assert sorted(by_stage) == [
        ("introduced", "2026-02-03"),
        ("passed", "2026-04-16"),
        ("passed", "2026-05-21"),
        ("signed", "2026-08-02"),
    ]
    assert names(by_stage[("introduced", "2026-02-03")].agent) == {"SEN. MARGUERITE OYELARAN-BOSK"}
    assert names(by_stage[("passed", "2026-04-16")].agent) == {"Illinois Senate"}
    assert names(by_stage[("passed", "2026-05-21")].agent) == {"Illinois House of Representatives"}
    assert names(by_stage[("signed", "2026-08-02")].agent) == {"Governor of Illinois"}


BILL_PROGRESS = """New Zealand Parliament

Digital Lending (Responsible Collection) Amendment Bill

Government Bill 187-1
Member in charge: Minister of Commerce and Consumer Affairs
Status: Royal assent

Bill progress

Introduction: 2 December 2025
First reading: 9 December 2025 - referred to the Finance and Expenditure Committee
Second reading: 30 June 2026
Third reading: 18 August 2026
Royal assent: 25 August 2026 - Digital Lending (Responsible Collection) Amendment Act 2026

Submissions on this bill closed on 20 February 2026.
"""


def test_a_single_chamber_bill_progress_list_gives_introduction_passage_and_assent(extractor):
    events = of_type(events_of(extractor, BILL_PROGRESS, "2026-09-01"), "legislation")
    assert [(e.attrs.get("stage"), e.date) for e in events] == [
        ("introduced", "2025-12-02"),
        ("passed", "2026-08-18"),
        ("signed", "2026-08-25"),
    ]
    introduced, passed, _ = events
    assert names(introduced.agent) == {"Minister of Commerce and Consumer Affairs"}
    assert names(passed.agent) == {"New Zealand Parliament"}


def test_one_dated_stage_in_a_sentence_is_no_bill_progress(extractor):
    text = "The bill had its third reading: 18 August 2026 is the day the minister hopes for."
    assert not of_type(events_of(extractor, text, "2026-08-01"), "legislation")


CONSENT_ORDER = """UNITED STATES OF AMERICA
CONSUMER FINANCIAL PROTECTION BUREAU

ADMINISTRATIVE PROCEEDING
File No. 2026-CFPB-0031

In the Matter of:

FERNBROOK CREDIT, INC.

CONSENT ORDER

The Consumer Financial Protection Bureau (Bureau) has reviewed the overdraft practices of Fernbrook Credit, Inc. (Respondent). Acting under sections 1053 and 1055 of the CFPA, the Bureau issues this Consent Order (Consent Order).

1. "Effective Date" means the date on which this Consent Order is entered on the administrative docket.

2. In May 2024, the Bureau sent Respondent a civil investigative demand about its fees.

IT IS FURTHER ORDERED that:

3. Under section 1055(c) of the CFPA, Respondent must pay a civil money penalty of $2,250,000 to the Bureau.

IT IS SO ORDERED, this 12th day of March, 2026.
"""


def test_a_consent_orders_must_pay_is_the_penalty_it_imposes(extractor):
    events = events_of(extractor, CONSENT_ORDER, "2026-03-13")
    (penalty,) = of_type(events, "penalty")
    assert penalty.attrs.get("amount") == "$2,250,000"
    assert "Consumer Financial Protection Bureau" in names(penalty.agent)


def test_the_docket_an_order_is_entered_on_is_not_its_target(extractor):
    events = events_of(extractor, CONSENT_ORDER, "2026-03-13")
    (order,) = of_type(events, "order")
    assert not any("docket" in n.lower() for n in names(order.target))


def test_must_pay_said_of_anyone_but_a_party_bound_by_an_order_is_no_penalty(extractor):
    text = "Analysts said Fernbrook Credit must pay a civil penalty of $2 million if regulators sue it next year."
    assert not of_type(events_of(extractor, text, "2026-03-13"), "penalty")


ASSURANCE = """DENVER (June 10, 2026) - Quillby Route Data LLC, a Fort Collins company that resells location data, will pay $410,000 and delete data it collected without consent under an assurance of discontinuance filed with the Denver District Court on Monday, the Colorado Attorney General's Office announced today."""


def test_paying_under_an_assurance_of_discontinuance_is_a_penalty(extractor):
    (penalty,) = of_type(events_of(extractor, ASSURANCE, "2026-06-10"), "penalty")
    assert any("Quillby" in n for n in names(penalty.target))
    assert penalty.attrs.get("amount") == "$410,000"


COALITION = """HARTFORD - A coalition of 29 attorneys general, led by Connecticut, today announced a $4.8 million settlement with Penmarrow Systems, Inc., the school-records vendor whose 2025 breach exposed student files.

Separately, the coalition sent civil investigative demands on Monday to two other vendors, Larkfield Learning and Thistlegate Analytics."""


def test_a_coalition_whose_members_are_counted_is_the_agent_of_its_settlement(extractor):
    events = events_of(extractor, COALITION, "2026-04-08")
    (penalty,) = of_type(events, "penalty")
    assert any("coalition of 29 attorneys general" in n for n in names(penalty.agent))
    assert any("Penmarrow" in n for n in names(penalty.target))


def test_the_coalition_told_again_is_that_group_not_the_firm_named_since(extractor):
    events = events_of(extractor, COALITION, "2026-04-08")
    (inquiry,) = of_type(events, "investigation")
    assert not any("Penmarrow" in n for n in names(inquiry.agent))
    assert any("coalition" in n for n in names(inquiry.agent))


ENFORCEMENT_NOTICE = """HONG KONG, 14 May 2026 - The Privacy Commissioner for Personal Data (the Commissioner) announced today that an enforcement notice was served on 11 May 2026 on Tidewick Clinics Limited (Tidewick), which runs nine clinics in Kowloon."""


def test_an_enforcement_notice_served_in_the_passive_is_the_announcing_bodys_order(extractor):
    (order,) = of_type(events_of(extractor, ENFORCEMENT_NOTICE, "2026-05-15"), "order")
    assert order.date == "2026-05-11"
    assert any("Tidewick" in n for n in names(order.target))
    assert any("Privacy Commissioner" in n for n in names(order.agent))


DIRECTION = """Singapore, 9 March 2026 - Separately, on Wednesday IMDA issued a direction to Brevimo Pte. Ltd. under Part 10A of the Broadcasting Act 1994 to disable access by users in Singapore to 14 accounts."""


def test_a_direction_issued_to_a_service_is_an_order(extractor):
    (order,) = of_type(events_of(extractor, DIRECTION, "2026-03-10"), "order")
    assert any("Brevimo" in n for n in names(order.target))


JUDGE_ORDERS = """nairobi, mar 3 - the communications authority of kenya on monday suspended the licence of mawingu fibre limited over unpaid fees.

mawingu fibre went to the high court in nairobi on tuesday, asking it to quash the decision. justice achieng muriuki-olang certified the application as urgent the same day and issued conservatory orders suspending the authority's decision until march 20."""


def test_a_judges_conservatory_orders_are_a_ruling(extractor):
    events = events_of(extractor, JUDGE_ORDERS, "2026-03-04")
    assert not of_type(events, "order")
    (ruling,) = of_type(events, "ruling")
    assert ruling.date == "2026-03-03"


def test_going_to_court_to_quash_a_decision_is_a_suit(extractor):
    (suit,) = of_type(events_of(extractor, JUDGE_ORDERS, "2026-03-04"), "lawsuit")
    assert suit.date == "2026-03-03"
    assert any("mawingu" in n.lower() for n in names(suit.agent))


def test_a_case_that_goes_to_court_next_month_is_no_suit(extractor):
    text = "The dispute between the two carriers goes to the high court next month."
    assert not of_type(events_of(extractor, text, "2026-03-04"), "lawsuit")


SCRAPED = """Home &gt; Media &gt; Press Release

Jakarta, 4 February 2026&nbsp;|&nbsp;Public Relations Bureau

The Business Competition Supervisory Commission (KPPU) today imposed an administrative fine of IDR 12,500,000,000 on PT Ombak Kargo Digital (the Reported Party).<br /><br />KPPU began its investigation in June 2024, following complaints from freight forwarders.<br /><br />The Panel also ordered the Reported Party to stop the practice."""


def test_markup_left_by_a_scraper_ends_a_paragraph(extractor):
    events = events_of(extractor, SCRAPED, "2026-02-05")
    (inquiry,) = of_type(events, "investigation")
    assert inquiry.date == "2024-06"
    assert not any("<" in n or ">" in n for e in events for n in names(e.agent) | names(e.target))


def test_a_releases_dateline_is_its_today(extractor):
    (penalty,) = of_type(events_of(extractor, SCRAPED, "2026-02-05"), "penalty")
    assert penalty.date == "2026-02-04"


NAMED_FOR_ITS_COUNTRY = """NIGERIA DATA PROTECTION COMMISSION

Abuja, 2 March 2026 - The Nigeria Data Protection Commission (NDPC or "the Commission") has concluded its investigation of Okadapay Microfinance Limited ("Okadapay" or "the Respondent").

The Commission opened the investigation on 14 July 2025 after complaints from borrowers."""


def test_a_regulator_named_for_its_country_is_not_the_gazetteers_body_of_another(extractor):
    events = events_of(extractor, NAMED_FOR_ITS_COUNTRY, "2026-03-03")
    agents = [n for e in events for n in names(e.agent)]
    assert agents and not any("Ireland" in n for n in agents)
    assert any("Nigeria Data Protection Commission" in n for n in agents)


def test_the_irish_commission_is_still_the_irish_commission(extractor):
    text = "Dublin, 2 March 2026 - The Data Protection Commission today fined Corrigane Games Ltd EUR 3 million."
    (penalty,) = of_type(events_of(extractor, text, "2026-03-03"), "penalty")
    assert "Data Protection Commission (Ireland)" in names(penalty.agent)


DIRECTIVES = """Under the Final Order, the Respondent is required to:

(a) delete all contact lists collected from borrowers within 30 days; and
(b) remove contact-list access from all versions of its app still in circulation."""


def test_removing_contact_list_access_is_no_delisting(extractor):
    assert not of_type(events_of(extractor, DIRECTIVES, "2026-03-03"), "designation")


LOOKING_INTO = """The FCC's Enforcement Bureau today announced a settlement with Harrowgate Voice, Inc. The Bureau began looking into Harrowgate in March 2025, when it sent the company a letter of inquiry."""


def test_a_bureau_that_began_looking_into_a_firm_investigated_it(extractor):
    (inquiry,) = of_type(events_of(extractor, LOOKING_INTO, "2026-10-07"), "investigation")
    assert inquiry.date == "2025-03"
    assert any("Enforcement Bureau" in n for n in names(inquiry.agent))
    assert any("Harrowgate" in n for n in names(inquiry.target))


CITATION = """Federal Communications Commission                                   DA 26-77

In the Matter of                                   )
                                                   )
Pellucid Home Devices LLC                          )     File No.: EB-SED-26-0000114
                                                   )

CITATION AND ORDER

Released: February 9, 2026

By the Chief, Spectrum Enforcement Division, Enforcement Bureau:

1. We issue this Citation and Order to Pellucid Home Devices LLC for marketing an unauthorized radio frequency device.

2. IT IS ORDERED that Pellucid Home Devices LLC must cease and desist from marketing unauthorized devices.
"""


def test_an_fcc_citation_and_order_is_an_order_on_the_party_its_caption_names(extractor):
    (order,) = of_type(events_of(extractor, CITATION, "2026-02-10"), "order")
    assert order.date == "2026-02-09"  # the day it was released, not the day it was read
    assert any("Pellucid" in n for n in names(order.target))
    assert not any(n.strip() == ")" for n in names(order.target))


def test_a_firm_that_stopped_sending_data_to_brokers_halted_that(extractor):
    text = "Tallowby Apps stopped sending its users' location data to data brokers in June, according to the agreement."
    (halt,) = of_type(events_of(extractor, text, "2026-08-01"), "suspension")
    assert any("Tallowby" in n for n in names(halt.agent))
    assert halt.date == "2026-06"


def test_customers_charged_for_a_year_were_billed_not_accused(extractor):
    text = "The Commission opened its inquiry after complaints from people who said they had been charged for a full year after deleting the app."
    assert not of_type(events_of(extractor, text, "2026-08-01"), "penalty")


def test_no_investigators_visiting_is_no_inspection(extractor):
    text = '"No investigators from the Fair Trade Commission have visited our offices," the company said on Tuesday.'
    assert not of_type(events_of(extractor, text, "2026-06-24"), "investigation")


def test_penalty_payments_levied_only_if_a_firm_fails_to_comply_are_a_threat(extractor):
    text = "AMSTERDAM, May 13 - The Netherlands Authority for Consumers and Markets (ACM) has ordered Dutch hosting firm Brisk Harbour B.V. to drop its exit fees, and will levy periodic penalty payments of 150,000 euros a week, up to 3 million euros, if the company does not comply within eight weeks, the regulator said on Wednesday."
    events = events_of(extractor, text, "2026-05-14")
    assert not of_type(events, "penalty")
    (order,) = of_type(events, "order")
    assert any("Brisk Harbour" in n for n in names(order.target))


def test_a_nationality_before_a_firms_description_is_not_the_party_ordered(extractor):
    text = "AMSTERDAM, May 13 - The Netherlands Authority for Consumers and Markets (ACM) has ordered Dutch cloud storage provider Polderhaven B.V. to let business customers move their data to rival services free of charge, the regulator said on Wednesday."
    (order,) = of_type(events_of(extractor, text, "2026-05-14"), "order")
    assert names(order.target) == {"Polderhaven"}


def test_copies_of_a_gazette_made_available_are_no_launch(extractor):
    text = "And whereas copies of the said Gazette were made available to the public on the 6th May, 2026;"
    assert not of_type(events_of(extractor, text, "2026-10-30"), "launch")


def test_companies_a_regulator_has_sued_in_general_are_no_suit(extractor):
    text = "The FTC does send refunds to people who lost money to companies it has sued."
    assert not of_type(events_of(extractor, text, "2025-11-05"), "lawsuit")


def test_the_sanction_imposed_by_a_resolution_is_no_listing(extractor):
    text = "The Delegation fined Rapidomi S.A.S. COP 310 million on 20 March 2026. The sanction was imposed by Resolution No. 20117 of 20 March 2026."
    events = events_of(extractor, text, "2026-03-30")
    assert not of_type(events, "designation")
    assert of_type(events, "penalty")


def test_paying_a_state_makes_the_state_the_one_who_exacted_it(extractor):
    text = "The inquiry ended in 2023, when Wayfield Signals Inc. agreed to pay Vermont $350,000 under an assurance of discontinuance."
    (penalty,) = of_type(events_of(extractor, text, "2026-09-12"), "penalty")
    assert names(penalty.agent) == {"Vermont"}
    assert any("Wayfield" in n for n in names(penalty.target))


def test_will_pay_under_an_agreement_filed_on_friday_is_dated_that_past_friday(extractor):
    text = "Under the agreement, which was filed in Travis County District Court on Friday, Pebbleridge Mobile will pay the State $2.4 million."
    (penalty,) = of_type(events_of(extractor, text, "2026-11-04"), "penalty")  # a Wednesday
    assert penalty.date == "2026-10-30"


DECISION = """Published on datatilsynet.no 22.04.2026. Note: Hollvik Digital AS has appealed this decision. The appeal will be forwarded to the Privacy Appeals Board (Personvernnemnda).

Datatilsynet
The Norwegian Data Protection Authority

Decision on administrative fine - Hollvik Digital AS

Pursuant to Article 58(2)(i) GDPR, the Norwegian Data Protection Authority (Datatilsynet) has made the following decision:

Hollvik Digital AS is ordered to pay an administrative fine of NOK 4 200 000.

Hollvik Digital AS ("Hollvik" or "the company") develops Hollvik Puls, a fitness app.

On 6 October 2025 we opened an inspection case against the company and ordered it to provide information under Article 58(1)(a) GDPR.

On 24 October 2025 Datatilsynet imposed a temporary ban on the company's transfer of data to Brightholm Analytics Ltd. Two days later, the company stopped the transfers.
"""


def test_a_decisions_we_is_the_authority_named_most_not_the_appeals_board_its_note_names_first(extractor):
    events = events_of(extractor, DECISION, "2026-04-22")
    (penalty,) = of_type(events, "penalty")
    assert names(penalty.agent) == {"Norwegian Data Protection Authority"}
    (inquiry,) = of_type(events, "investigation")
    assert names(inquiry.agent) == {"Norwegian Data Protection Authority"}


def test_an_order_to_provide_information_is_the_inquirys_step(extractor):
    events = events_of(extractor, DECISION, "2026-04-22")
    (inquiry,) = of_type(events, "investigation")
    assert inquiry.date == "2025-10-06"
    assert any("Hollvik" in n for n in names(inquiry.target))
    assert not [e for e in of_type(events, "order") if e.date == "2025-10-06"]


def test_the_company_a_text_defines_is_that_firm_not_the_one_named_last(extractor):
    events = events_of(extractor, DECISION, "2026-04-22")
    (halt,) = of_type(events, "suspension")
    assert any("Hollvik" in n for n in names(halt.agent))


HEADLINE_AND_SHORT_NAME = """Antitrust: Commission fines Quorvel EUR 280 million and opens new investigation into its fees

Brussels, 14 May 2026

The European Commission has fined Quorvel Payments N.V. EUR 280 million for tying payment processing to its card terminals.

The Commission has also opened a formal investigation into whether the fees Quorvel charges small merchants are unfair.

The Commission has ordered Quorvel to bring the infringement to an end within 90 days."""


def test_a_firms_short_name_in_every_sentence_is_the_firm_named_in_full_with_its_form(extractor):
    events = events_of(extractor, HEADLINE_AND_SHORT_NAME, "2026-05-14")
    targets = {n for e in events for n in names(e.target)}
    assert "Quorvel Payments" in targets and "Quorvel" not in targets
    assert len(of_type(events, "investigation")) == 1  # the headline's and the body's are one


def test_a_headlines_halt_takes_the_bodys_words_for_what_was_halted(extractor):
    text = """10:42 a.m. ET
Brindle says it has paused teen sign-ups
In her opening statement, Brindle AI's chief executive said Brindle "paused new sign-ups for users under 18 in the United States on Monday" while it rebuilds its age checks."""
    (halt,) = of_type(events_of(extractor, text, "2026-07-29"), "suspension")
    assert any("new sign-ups" in n for n in names(halt.target))


def test_a_name_ending_in_a_dutch_legal_form_is_a_company(extractor):
    result = extractor.extract(
        DocInput(
            "t", "ACM has ordered Dutch cloud storage provider Polderwolk B.V. to let customers leave.", "2026-05-14"
        )
    )
    assert ("Polderwolk B.V.", "ORG") in {(m.text, m.label) for m in result.entities}
    result = extractor.extract(DocInput("t", "Regulators said Veldrijk Data N.V. must pay.", "2026-05-14"))
    assert ("Veldrijk Data N.V.", "ORG") in {(m.text, m.label) for m in result.entities}


def test_a_suspended_licence_for_a_product_halts_that_product(extractor):
    text = "North of the border, Health Cana-\nda on Tuesday suspended the medical device licence for the PulseGuard 3."
    (halt,) = of_type(events_of(extractor, text, "2026-07-16"), "suspension")
    assert names(halt.target) == {"PulseGuard 3"}
    assert "Health Canada" in names(halt.agent)


def test_a_suspended_licence_keeps_the_holder_the_parser_hung_apart(extractor):
    text = "Regulators suspended the licence of crypto exchange Sandmere for six months on Thursday."
    (halt,) = of_type(events_of(extractor, text, "2026-07-16"), "suspension")
    assert "Sandmere" in names(halt.target)
    assert not any("months" in n for n in names(halt.target))


def test_a_government_is_named_by_its_country(extractor):
    text = "Beijing on Wednesday added two U.S. drone makers, Harrowfield Aerial and Copse Robotics, to its unreliable entity list."
    (listing,) = of_type(events_of(extractor, text, "2026-11-12"), "designation")
    assert names(listing.agent) == {"China"}
    text = "Washington and Tokyo signed a memorandum on chip supply chains. The United States on Monday designated Kestova Trading under its sanctions on Russia."
    agents = {n for e in events_of(extractor, text, "2026-11-12") for n in names(e.agent)}
    assert "United States" in agents and "U.S. Government" not in agents


def test_a_ruling_that_grants_an_agencys_request_is_against_the_other_side(extractor):
    text = "U.S. District Judge Corisande Whitlow-Paz on Wednesday granted the SEC's request for a temporary restraining order freezing the assets of Thaddeus Merrivale, the founder of Quillstone Capital."
    (ruling,) = of_type(events_of(extractor, text, "2026-05-07"), "ruling")
    assert "U.S. Securities and Exchange Commission" not in names(ruling.target)
    assert any("Merrivale" in n for n in names(ruling.target))


def test_a_ruling_for_the_department_is_against_the_company_the_text_is_about(extractor):
    text = """Halvorne Photonics Co., Ltd. sued the Department of Defense in 2024 over its listing as a Chinese military company. Halvorne Photonics said the listing cost it two contracts.

In March 2025 the court granted summary judgment to DOD, holding that the department's determination was reasonable. Halvorne Photonics has appealed."""
    (ruling,) = of_type(events_of(extractor, text, "2026-02-10"), "ruling")
    assert any("Halvorne" in n for n in names(ruling.target))


def test_an_inquiry_into_a_deal_or_an_incident_is_into_the_party_the_text_is_about(extractor):
    text = """Presidential order forces Marrowgate Capital to sell its stake in Ostlund Avionics

Marrowgate Capital must sell its 30 percent stake in Ostlund Avionics within 120 days, under an order the President signed on Friday. CFIUS began reviewing the deal in June, months after it had closed. Marrowgate Capital said it would comply."""
    events = events_of(extractor, text, "2026-09-14")
    (inquiry,) = of_type(events, "investigation")
    assert any("Marrowgate" in n for n in names(inquiry.target))


def test_an_executive_order_cited_with_its_date_was_the_presidents_order_that_day(extractor):
    text = """By the authority vested in me as President by the Constitution and the laws of the United States of America, I hereby order:

Section 1. In Executive Order 13873 of May 15, 2019 (Securing the Information and Communications Technology and Services Supply Chain), I declared a national emergency. In Executive Order 13913 of April 4, 2020, I established a committee to review licences."""
    orders = of_type(events_of(extractor, text, "2026-03-06"), "order")
    cited = {e.date: e for e in orders if e.attrs.get("form", "").startswith("executive order 1")}
    assert {"2019-05-15", "2020-04-04"} <= set(cited)
    assert names(cited["2019-05-15"].agent) == {"President of the United States"}


def test_a_cited_executive_order_is_not_aimed_at_the_party_a_complaint_is_about(extractor):
    text = """Plaintiff Brisavel Motors, Inc. brings this action against the Department of Commerce. Brisavel Motors sells vehicle software in the United States.

The regulations at 15 C.F.R. part 791 implement Executive Order 13873 of May 15, 2019. Brisavel Motors was not told of the investigation until 2025."""
    orders = [e for e in of_type(events_of(extractor, text, "2026-06-15"), "order") if e.date == "2019-05-15"]
    assert orders and not any("Brisavel" in n for e in orders for n in names(e.target))


def test_a_rule_recited_with_its_maker_and_month_is_that_bodys_rule_then(extractor):
    text = "The complaint says Dashgrove violated the minimum pay rule DCWP adopted in June 2023 for app-based delivery workers."
    (rule,) = of_type(events_of(extractor, text, "2026-03-02"), "rule")
    assert rule.date == "2023-06"
    assert any("DCWP" in n for n in names(rule.agent))


def test_the_department_that_adopted_a_recited_regulation_is_the_one_named_before(extractor):
    text = "The New York State Department of Financial Services fined Harkwell Bank on Monday. The bank breached the transaction monitoring regulation, 3 NYCRR Part 504, which the Department adopted in June 2016."
    rules = of_type(events_of(extractor, text, "2026-10-09"), "rule")
    assert [(r.date, names(r.agent)) for r in rules] == [
        ("2016-06", {"New York State Department of Financial Services"})
    ]
