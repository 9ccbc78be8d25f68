"""Acts in the shapes dev33 showed: the bodies that act on children's online safety and
education technology (online-safety commissioners, legislatures and their bill histories,
privacy offices) and on cybersecurity incidents and critical infrastructure."""

from __future__ import annotations

from tests.extraction_support import entities_of, events_of, names, of_type

INFRINGEMENT_NOTICE = """eSafety Commissioner
INFRINGEMENT NOTICE
Online Safety Act 2021 (Cth), Part 10 and Regulatory Powers (Standard Provisions) Act 2014 (Cth), Part 5

Notice number: IN-26-0441
Date of issue: 9 February 2026
Given to: Pellwood Apps Pty Ltd, provider of the Chirrup service ("the provider")

1. The eSafety Commissioner ("the Commissioner") gives this infringement notice to the provider for an alleged contravention of section 57 of the Online Safety Act 2021.

2. Chirrup is a photo-sharing and group-chat app that the provider launched in Australia in June 2023. On 4 December 2025 the Commissioner notified the provider that she had assessed Chirrup as an age-restricted social media platform, within the meaning of section 63C of the Act and the Online Safety (Age-Restricted Social Media Platforms) Rules 2025, which the Minister for Communications made in July 2025.

3. The penalty payable under this notice is $330,000.
"""


def test_an_infringement_notice_given_to_a_provider_is_a_penalty(extractor):
    found = of_type(events_of(extractor, INFRINGEMENT_NOTICE, "2026-02-10"), "penalty")
    assert len(found) == 1
    assert "eSafety Commissioner" in names(found[0].agent)
    assert names(found[0].target) & {"Pellwood Apps", "Chirrup"}


def test_a_provisional_infringement_notice_is_no_penalty_yet(extractor):
    text = "After the CMA sent Corrandale Ltd a provisional infringement notice in October, the retailer removed the timers."
    assert of_type(events_of(extractor, text, "2026-03-18"), "penalty") == []


def test_a_name_defined_by_the_copula_is_what_the_relative_clause_launched(extractor):
    found = of_type(events_of(extractor, INFRINGEMENT_NOTICE, "2026-02-10"), "launch")
    assert [(e.date, names(e.target)) for e in found] == [("2023-06", {"Chirrup"})]
    assert "Pellwood Apps" in names(found[0].agent)


def test_a_commissioner_assessing_a_service_as_a_regulated_platform_designates_it(extractor):
    found = of_type(events_of(extractor, INFRINGEMENT_NOTICE, "2026-02-10"), "designation")
    assert len(found) == 1
    # "she" is the Commissioner, the only office the notice names; the sections and Rules it
    # cites are not designated, and the Rules' own making in July is not the designation's date
    assert names(found[0].agent) == {"eSafety Commissioner"}
    assert names(found[0].target) == {"Chirrup"}
    assert found[0].date == "2025-12-04"


def test_a_company_assessing_its_own_app_designates_nothing_without_a_platform(extractor):
    text = "Last week Pellwood assessed Chirrup as a low-risk product and kept it on sale."
    assert of_type(events_of(extractor, text, "2026-02-10"), "designation") == []


def test_statute_names_with_a_bracketed_part_and_a_year_are_one_law(extractor):
    found = entities_of(extractor, INFRINGEMENT_NOTICE, "2026-02-10")
    assert found["Regulatory Powers (Standard Provisions) Act 2014"][0] == "LAW"
    assert found["Online Safety (Age-Restricted Social Media Platforms) Rules 2025"][0] == "LAW"
    # Australia's Act of 2021 is not the United Kingdom's of 2023
    assert found["Online Safety Act 2021"] == ("LAW", "Online Safety Act 2021")


def test_a_relative_clause_hung_on_the_first_of_two_nouns_belongs_to_the_second(extractor):
    text = "Brambleway is a budgeting and savings app that Corvell Labs launched in Canada in May 2024."
    found = of_type(events_of(extractor, text, "2026-02-10"), "launch")
    assert [names(e.target) for e in found] == [{"Brambleway"}]


BILL_STATUS = """VERMONT GENERAL ASSEMBLY — 2025-2026 SESSION
Bill status: S.340
An act relating to data brokers and minors
Sponsors: Senators Quillfeather, Ambersley and Dunmorrow

Detailed status

Date        Body     Description
01/09/2026  Senate   Introduced by Senators Quillfeather, Ambersley and Dunmorrow
01/09/2026  Senate   Read first time and referred to the Committee on Finance
03/17/2026  Senate   Read third time and passed; roll call, Yeas 20, Nays 9
05/05/2026  House    Read third time and passed in concurrence with proposal of amendment; Yeas 91, Nays 50
05/22/2026  Governor Vetoed by the Governor

Veto message

I share the goal of this bill. That is why I signed the Vermont Kids Code last June, which protects minors online.

Second, courts in other states have blocked laws of this kind on the ground that they burden speech.

For these reasons, I am returning S.340 without my approval.

Sincerely,
Governor of Vermont
"""


def test_a_state_bill_status_tables_introduction_and_third_readings(extractor):
    found = of_type(events_of(extractor, BILL_STATUS, "2026-05-29"), "legislation")
    by_date = {e.date: e for e in found}
    assert by_date["2026-01-09"].attrs.get("stage") == "introduced"
    assert names(by_date["2026-01-09"].agent) == {"Quillfeather"}
    assert names(by_date["2026-03-17"].agent) == {"Vermont Senate"}
    assert names(by_date["2026-05-05"].agent) == {"Vermont House of Representatives"}


def test_a_veto_messages_i_signed_is_the_signing_governors(extractor):
    found = of_type(events_of(extractor, BILL_STATUS, "2026-05-29"), "legislation")
    signed = [e for e in found if e.date == "2025-06"]
    assert len(signed) == 1
    assert names(signed[0].agent) == {"Governor of Vermont"}


def test_courts_in_general_blocking_laws_is_no_ruling(extractor):
    assert of_type(events_of(extractor, BILL_STATUS, "2026-05-29"), "ruling") == []


def test_a_code_of_practice_signed_is_no_law(extractor):
    text = "Corvell Labs signed the code of practice on 3 March 2026, its spokesperson said."
    assert of_type(events_of(extractor, text, "2026-03-05"), "legislation") == []


def test_an_act_in_a_separate_notice_is_not_folded_into_the_one_before(extractor):
    text = (
        "China's commerce ministry on Thursday added three U.S. defence contractors to its unreliable entity list.\n\n"
        "In a separate notice, it placed nine companies, including drone maker Quarlow Aerial, on its export "
        "control list."
    )
    found = of_type(events_of(extractor, text, "2025-10-17"), "designation")
    assert len(found) == 2


def test_a_numbered_security_directive_issued_is_an_order_on_those_it_binds(extractor):
    text = (
        "The Transportation Security Administration on Friday issued Security Directive Pipeline-2026-07, which "
        "requires operators of natural gas pipelines to test their incident recovery plans every year."
    )
    found = of_type(events_of(extractor, text, "2026-11-12"), "order")
    assert len(found) == 1
    assert names(found[0].agent) == {"Transportation Security Administration"}
    assert "operators of natural gas pipelines" in " ".join(names(found[0].target))
    assert found[0].date == "2026-11-06"


def test_an_endpoint_agent_made_generally_available_is_launched(extractor):
    text = "Corvell Security made its Harrowmark endpoint agent generally available on Tuesday after a beta."
    found = of_type(events_of(extractor, text, "2026-11-12"), "launch")
    assert [(names(e.agent), names(e.target)) for e in found] == [({"Corvell Security"}, {"Harrowmark"})]


SENTENCING_REMARKS = """IN THE CROWN COURT AT SOUTHWARK

R

-v-

TOBIAS WELLGARTH

SENTENCING REMARKS OF HIS HONOUR JUDGE ALDOUS FENWICK

14 May 2026

1. Tobias Wellgarth, you are 31 years old. On 2 April 2026 a jury convicted you of two offences under the Computer Misuse Act 1990.

2. The Crown Prosecution Service charged you in June 2025, and you pleaded not guilty.

3. The total sentence is therefore six years' imprisonment.
"""


def test_sentencing_remarks_are_the_courts_ruling_on_the_one_it_speaks_to(extractor):
    found = of_type(events_of(extractor, SENTENCING_REMARKS, "2026-05-15"), "ruling")
    by_date = {e.date: e for e in found}
    assert set(by_date) == {"2026-05-14", "2026-04-02"}
    assert "CROWN COURT AT SOUTHWARK" in " ".join(names(by_date["2026-05-14"].agent)).upper()
    # "you" is the defendant the remarks address by name, in the caption and the first paragraph
    for event in found:
        assert "wellgarth" in " ".join(names(event.target)).lower()


def test_the_crown_prosecution_service_charging_is_an_agencys_penalty(extractor):
    found = of_type(events_of(extractor, SENTENCING_REMARKS, "2026-05-15"), "penalty")
    assert [(e.date, {r.type for r in e.agent}) for e in found] == [("2025-06", {"AGENCY"})]
    assert names(found[0].agent) == {"Crown Prosecution Service"}


def test_police_taking_down_a_botnet_suspend_it(extractor):
    text = (
        "THE HAGUE, Aug 12 (Wire) - Police and prosecutors from six European countries took down the Quarrelnet "
        "botnet in a two-day operation on Tuesday and Wednesday, Europol said."
    )
    found = of_type(events_of(extractor, text, "2026-08-13"), "suspension")
    assert [e.date for e in found] == ["2026-08-11"]
    assert "Quarrelnet" in " ".join(names(found[0].target))


def test_a_nationality_before_people_is_not_their_country(extractor):
    text = (
        "German prosecutors in Frankfurt said earlier this year that they had charged the botnet's suspected "
        "administrator, a 34-year-old Ukrainian national identified only as Ostap K., with computer sabotage."
    )
    found = of_type(events_of(extractor, text, "2026-08-13"), "penalty")
    assert len(found) == 1
    assert names(found[0].agent) == {"German prosecutors"}
    assert "Ukraine" not in names(found[0].target)
    assert "administrator" in " ".join(names(found[0].target))


def test_a_nationality_before_a_government_is_still_its_country(extractor):
    text = "Brakel said the Dutch government had ordered it on Monday to stop deliveries to two customers."
    found = of_type(events_of(extractor, text, "2025-11-20"), "order")
    assert len(found) == 1
    assert "Netherlands" in " ".join(names(found[0].agent))


def test_a_forfeiture_complaint_against_money_names_the_money(extractor):
    text = (
        "Prosecutors also filed a civil forfeiture complaint yesterday against roughly $1.8 million in "
        "cryptocurrency that investigators traced to the group's wallets."
    )
    found = of_type(events_of(extractor, text, "2025-09-18"), "lawsuit")
    assert [(e.date, names(e.target)) for e in found] == [("2025-09-17", {"roughly $1.8 million in cryptocurrency"})]


def test_paying_under_a_consent_decree_is_a_penalty(extractor):
    text = (
        "Pellory Wireless will pay $3.2 million under a consent decree that the Federal Communications "
        "Commission's Enforcement Bureau adopted on Monday."
    )
    found = of_type(events_of(extractor, text, "2025-11-12"), "penalty")
    assert [(e.date, names(e.target)) for e in found] == [("2025-11-10", {"Pellory Wireless"})]


def test_a_hospital_diverting_ambulances_after_an_attack_suspends_care(extractor):
    text = "That night, St. Aldric Hospital diverted incoming ambulances to hospitals in Bangor."
    found = of_type(events_of(extractor, text, "2026-01-14"), "suspension")
    assert len(found) == 1
    assert names(found[0].agent) == {"St. Aldric Hospital"}


def test_attacks_that_force_departments_to_divert_ambulances_are_background(extractor):
    text = "Ransomware attacks against hospitals have forced emergency departments to divert ambulances."
    assert of_type(events_of(extractor, text, "2026-01-14"), "suspension") == []


def test_a_board_that_sat_down_with_commissioners_met_them(extractor):
    text = "The hospital's board of trustees sat down with Somerset County commissioners on Monday night."
    found = of_type(events_of(extractor, text, "2026-01-14"), "meeting")
    assert [e.date for e in found] == ["2026-01-12"]
    assert "Somerset County" in " ".join(names(found[0].target))


def test_a_company_investigating_its_own_incident_under_its_byline_is_no_inquiry(extractor):
    text = (
        "Update on suspicious network activity\n\nHollowmere IT Services | October 7, 2026\n\n"
        "On Monday our security team detected unusual sign-in activity. We are investigating this activity with "
        "an outside firm. We are in contact with the Cybersecurity and Infrastructure Security Agency."
    )
    assert of_type(events_of(extractor, text, "2026-10-07"), "investigation") == []


def test_a_regulators_own_we_are_investigating_still_opens_an_inquiry(extractor):
    text = (
        "Information Commissioner's Office\n\nStatement on Pellory Learning\n\n"
        "We are investigating Pellory Learning Ltd after a breach of pupils' records reported to us in May."
    )
    found = of_type(events_of(extractor, text, "2026-06-02"), "investigation")
    assert [names(e.agent) for e in found] == [{"Information Commissioner's Office"}]


COMPANY_BLOG = """Introducing Age Check on Tumblewick

September 15, 2026 · Posted by the Tumblewick Trust & Safety team

Today we're rolling out Tumblewick Age Check, an optional tool that estimates a player's age from a short selfie video, to everyone playing Tumblewick in the United States, the United Kingdom and Australia.

Since August, we've paused voice chat in public lobbies for players under 16 while we test new moderation tools.
"""


def test_a_company_blogs_we_is_the_company_its_team_posts_for(extractor):
    found = events_of(extractor, COMPANY_BLOG, "2026-09-15")
    launches = of_type(found, "launch")
    # (the countries the parser hung on "we" past its verb are where, not who)
    assert [(names(e.agent), e.date) for e in launches] == [({"Tumblewick"}, "2026-09-15")]
    assert "Tumblewick Age Check" in names(launches[0].target)


def test_a_pause_that_has_held_since_a_month_began_then(extractor):
    found = of_type(events_of(extractor, COMPANY_BLOG, "2026-09-15"), "suspension")
    assert [(names(e.agent), e.date) for e in found] == [({"Tumblewick"}, "2026-08")]


def test_a_feature_rolled_out_under_a_quoted_name_is_launched(extractor):
    text = (
        'Glenmarrow Inc. told the board the company had rolled out "Quiet Hours," which silences notifications on teen '
        "accounts at night, in February."
    )
    found = of_type(events_of(extractor, text, "2026-04-15"), "launch")
    assert [(names(e.target), e.date) for e in found] == [({"Quiet Hours"}, "2026-02")]


def test_chiefs_facing_questions_from_a_senate_committee_are_at_its_hearing(extractor):
    text = (
        "WASHINGTON, June 23 (Wire) - The chief executives of Glenmarrow and Pellory faced more than three hours "
        "of questions from the Senate Judiciary Committee on Tuesday about their apps."
    )
    found = of_type(events_of(extractor, text, "2026-06-24"), "meeting")
    assert [e.date for e in found] == ["2026-06-23"]
    assert "Judiciary" in " ".join(names(found[0].agent))


def test_answering_a_reporters_questions_is_no_hearing(extractor):
    text = "The chief executive answered questions from reporters after the launch on Tuesday."
    assert of_type(events_of(extractor, text, "2026-06-24"), "meeting") == []


LETTER_OF_FINDING = """UNITED STATES DEPARTMENT OF EDUCATION
STUDENT PRIVACY POLICY OFFICE

November 3, 2025

Dr. Ines Varrow, Superintendent
Quellbrook Unified School District

Re: FERPA Complaint No. 25-0977

Dear Superintendent Varrow:

This letter sets out the findings of the Student Privacy Policy Office (SPPO) of the U.S. Department of Education on the above complaint against the Quellbrook Unified School District (District) under the Family Educational Rights and Privacy Act (FERPA).

By letter dated April 8, 2025, this Office notified the District that it had opened an investigation of the allegation.

Required corrective actions

Based on these findings, the District must take the following actions within 60 days of the date of this letter:

1. End its agreement with the vendor.

Sincerely,
"""


def test_a_letter_of_findings_corrective_actions_are_the_offices_order(extractor):
    found = of_type(events_of(extractor, LETTER_OF_FINDING, "2025-11-05"), "order")
    assert [(e.date, names(e.target)) for e in found] == [("2025-11-03", {"Quellbrook Unified School District"})]


def test_the_party_notified_that_an_investigation_was_opened_is_its_target(extractor):
    found = of_type(events_of(extractor, LETTER_OF_FINDING, "2025-11-05"), "investigation")
    assert [(e.date, names(e.target)) for e in found] == [("2025-04-08", {"Quellbrook Unified School District"})]


def test_a_name_ends_where_its_defined_term_opens(extractor):
    found = entities_of(extractor, LETTER_OF_FINDING, "2025-11-05")
    assert "the Quellbrook Unified School District" in found or "Quellbrook Unified School District" in found
    assert not any("(District" in name for name in found)
    assert found["SPPO"] == ("AGENCY", "Student Privacy Policy Office")
    assert found["FERPA"] == ("LAW", "Family Educational Rights and Privacy Act")
