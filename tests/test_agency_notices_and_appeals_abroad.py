"""U.S. agency notices and orders and news of appeals and blocking orders abroad, in the shapes
dev26 showed: a unit's name that is no company, OCR'd days, a notice's own "also" act, debarments,
what a judgment orders, halts dated by the day they began, consent orders that fine, laws signed
in a relative clause, votes behind orders already told, bracketed initials of a judge, complaints
filed on someone's behalf, owners in "whose" clauses, short names in capitals, contracts an order
is made under, fines named in passing, appeals lodged and dismissed, commands in a column, exports
that are no launch, small clauses under "ordered", benches and restatements."""

from __future__ import annotations

import os
import subprocess
import sys

import spacy
from spacy.tokens import Doc

from nlp.casing import repair_ocr
from nlp.components.events import first_lemma_key
from tests.extraction_support import events_of, names, of_type


def test_the_lemmatizers_own_base_form_is_looked_up_before_the_naive_ones():
    doc = Doc(spacy.blank("en").vocab, words=["ruling", "fined"], lemmas=["rule", "fin"])
    # both "rule" and "ruling" are keys: the lemmatizer's form wins, whatever the hash seed
    assert first_lemma_key(doc[0], {"ruling", "rule"}) == "rule"
    assert first_lemma_key(doc[0], {"ruling"}) == "ruling"
    # the naive stripping still finds what the lemmatizer missed
    assert first_lemma_key(doc[1], {"fine"}) == "fine"
    assert first_lemma_key(doc[1], {"penalty"}) is None


def test_the_chosen_base_form_does_not_depend_on_the_hash_seed():
    script = (
        "import spacy; from spacy.tokens import Doc;"
        "from nlp.components.events import first_lemma_key;"
        "d = Doc(spacy.blank('en').vocab, words=['banned', 'rulings'], lemmas=['banned', 'ruling']);"
        "print(first_lemma_key(d[0], {'ban', 'banne', 'banned'}), first_lemma_key(d[1], {'ruling', 'rule', 'rulings'}))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        outputs.add(done.stdout.strip())
    assert outputs == {"banned ruling"}


def test_the_company_is_not_an_agencys_division_named_just_before(extractor):
    text = (
        "U.S. Customs and Border Protection today issued a Withhold Release Order against gloves made by "
        "Pelangi Rubber Works Sdn. Bhd., a manufacturer in Klang, Malaysia. The agency's Office of Trade, "
        "through its Forced Labor Division, opened its inquiry into the company in March 2025."
    )
    inquiries = of_type(events_of(extractor, text, "2026-02-03"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].target) == {"Pelangi Rubber Works"}
    assert inquiries[0].date == "2025-03"


def test_a_day_of_the_month_scanned_as_a_single_l_is_read(extractor):
    text = "Harlow Spindle Co., Ltd. was added to the UFLPA Entity List on August l, 2024 (89 FR 6l2l6)."
    listings = of_type(events_of(extractor, text, "2025-06-17"), "designation")
    assert [e.date for e in listings] == ["2024-08-01"]


def test_a_notices_also_act_is_of_its_day_not_of_the_background_told_before_it(extractor):
    text = (
        "I. Background\n\nOn December 23, 2021, the President signed into law the Uyghur Forced Labor "
        "Prevention Act.\n\nIII. Removal From the UFLPA Entity List\n\nThe FLETF has also determined to "
        "remove Harlow Spindle Co., Ltd. from the UFLPA Entity List."
    )
    removals = [e for e in of_type(events_of(extractor, text, "2025-06-17"), "designation")]
    assert [(e.attrs.get("action"), e.date) for e in removals] == [("remove", "2025-06-17")]


def test_a_statutory_debarment_imposed_on_listed_persons_is_a_listing(extractor):
    text = (
        "Notice is hereby given that the Department of State has imposed statutory debarment under "
        "§ 127.7(c) of the International Traffic in Arms Regulations on the persons listed in this notice."
    )
    listings = of_type(events_of(extractor, text, "2025-08-14"), "designation")
    assert len(listings) == 1
    assert names(listings[0].agent) == {"U.S. Department of State"}
    assert listings[0].attrs["action"] == "add"


def test_what_a_judgment_just_told_orders_is_that_judgment_not_another_penalty(extractor):
    text = (
        "On Monday, Judge Imelda R. Carrow entered a final judgment against Tobin Ashgrove. The judgment "
        "permanently enjoins him from violating the antifraud provisions and orders him to pay a civil "
        "penalty of $95,000."
    )
    events = events_of(extractor, text, "2025-09-24")
    assert [e.type for e in events] == ["ruling"]
    assert names(events[0].target) == {"Tobin Ashgrove"}


def test_a_halt_told_as_done_is_dated_by_the_day_it_began(extractor):
    text = (
        "The Commission had earlier suspended trading in Orrelby Systems' securities for ten business days "
        "beginning March 3, 2025, citing questions about its revenue."
    )
    halts = of_type(events_of(extractor, text, "2025-06-10"), "suspension")
    assert [e.date for e in halts] == ["2025-03-03"]


def test_the_staffs_investigation_that_began_is_the_agencys(extractor):
    text = (
        "The Securities and Exchange Commission instituted settled proceedings against Marlowe Beacon, "
        "Inc. today. During the staff's investigation, which began in June 2024, Marlowe Beacon produced "
        "its chat logs on its own initiative."
    )
    inquiries = of_type(events_of(extractor, text, "2025-10-20"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].agent) == {"U.S. Securities and Exchange Commission"}
    assert names(inquiries[0].target) == {"Marlowe Beacon"}
    assert inquiries[0].date == "2024-06"


def test_the_staff_whose_inquiries_came_to_a_close_opened_nothing(extractor):
    text = "The last time I spoke here I said that 2025 would be the year our large inquiries came to a close."
    assert of_type(events_of(extractor, text, "2026-02-18"), "investigation") == []


def test_a_consent_order_that_requires_a_payment_is_one_penalty(extractor):
    text = (
        "The Consumer Financial Protection Bureau today announced an action against Tessel Pay, Inc. The "
        "consent order, which the Bureau's Director signed on Friday, requires Tessel Pay to pay a "
        "$2.4 million civil money penalty."
    )
    events = events_of(extractor, text, "2025-11-18")
    assert [e.type for e in events] == ["penalty"]
    assert names(events[0].agent) == {"Consumer Financial Protection Bureau"}
    assert events[0].date == "2025-11-14"


def test_a_law_signed_in_a_relative_clause_on_its_short_name_is_enacted(extractor):
    text = "BRDA, which President Biden signed into law on May 2, 2024, makes it unlawful to sell such data."
    laws = of_type(events_of(extractor, text, "2025-12-10"), "legislation")
    assert [(e.date, e.attrs.get("stage")) for e in laws] == [("2024-05-02", "signed")]


def test_the_vote_to_issue_the_orders_just_told_is_no_second_order(extractor):
    text = (
        "The Federal Trade Commission on Tuesday issued orders to four companies that sell driving data. "
        "The companies have 45 days to respond. The Commission voted 3-0 to issue the orders."
    )
    events = events_of(extractor, text, "2026-01-21")
    assert len(events) == 1
    assert events[0].date == "2026-01-20"


def test_a_duty_ad_valorem_names_no_place(extractor):
    doc = extractor.nlp(
        "The Trade Representative has determined to impose an additional duty of 25 percent ad valorem "
        "on products of China."
    )
    assert "valorem" not in {ent.text for ent in doc.ents}


def test_a_judges_determination_is_a_ruling_whatever_the_bracketed_initials_became(extractor):
    text = (
        "On December 19, 2025, the presiding administrative law judge (ALJ) issued a final initial "
        "determination finding a violation of section 337 as to radar modules made by Yanfeng Microwave."
    )
    events = events_of(extractor, text, "2026-05-08")
    assert "ruling" in {e.type for e in events}
    assert "order" not in {e.type for e in events}


def test_whom_a_complaint_was_filed_for_is_not_the_one_investigated(extractor):
    text = (
        "The Commission instituted this investigation on June 18, 2025, based on a complaint filed on "
        "May 16, 2025, on behalf of Corvale Sensing, Inc. of Ann Arbor, Michigan."
    )
    inquiries = of_type(events_of(extractor, text, "2026-05-08"), "investigation")
    assert all("Corvale Sensing" not in names(e.target) for e in inquiries)


def test_lists_of_products_added_are_no_listing(extractor):
    text = "USTR later added further lists of products, and it has modified the action several times since."
    assert of_type(events_of(extractor, text, "2026-03-19"), "designation") == []


def test_the_owner_in_a_whose_clause_is_the_one_listed(extractor):
    text = (
        "The routers contained modules made by Foshan Qiaolan Radio Co., Ltd., whose equipment the "
        "Commission's Public Safety and Homeland Security Bureau added to the Covered List in March 2025."
    )
    listings = of_type(events_of(extractor, text, "2026-07-22"), "designation")
    assert len(listings) == 1
    assert names(listings[0].target) == {"Foshan Qiaolan Radio"}


def test_a_short_name_in_capitals_is_the_company_named_in_full_before(extractor):
    text = (
        "WASHINGTON, JULY 22, 2026—THE FCC ENFORCEMENT BUREAU TODAY ANNOUNCED THAT TRELLWICK NETWORKS, INC. "
        "WILL PAY A $1.3 MILLION CIVIL PENALTY. THE BUREAU SENT TRELLWICK A LETTER OF INQUIRY ON OCTOBER 14, "
        "2025."
    )
    inquiries = of_type(events_of(extractor, text, "2026-07-22"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].target) == {"Trellwick Networks"}


def test_an_order_under_a_contract_acts_on_the_contracts_holder_not_on_its_date(extractor):
    text = (
        "The Army issued a stop-work order on Sept. 11 under a $12,000,000 contract awarded in August to "
        "Quillmoor Aerospace Inc. for radar test equipment."
    )
    orders = of_type(events_of(extractor, text, "2026-09-15"), "order")
    assert len(orders) == 1
    assert names(orders[0].target) == {"Quillmoor Aerospace"}
    assert orders[0].date == "2026-09-11"


def test_a_fine_named_in_passing_in_a_rulings_lede_is_the_one_imposed_earlier(extractor):
    text = (
        "A UK tribunal on Wednesday dismissed an appeal by the operator of the message board Gallowhill "
        "against a £600,000 fine imposed by Ofcom under the Online Safety Act. Ofcom fined the company in "
        "June, saying it had ignored requests to produce a risk assessment. Gallowhill lodged its appeal "
        "in July."
    )
    events = events_of(extractor, text, "2025-12-11")
    rulings, fines, suits = of_type(events, "ruling"), of_type(events, "penalty"), of_type(events, "lawsuit")
    assert [(e.date, names(e.target)) for e in rulings] == [("2025-12-10", {"Gallowhill"})]
    assert [e.date for e in fines] == ["2025-06"]
    assert [e.date for e in suits] == ["2025-07"]


def test_an_agencys_tribunal_is_not_a_bench(extractor):
    text = (
        "The Tribunal of the Administrative Council for Economic Defense (CADE) yesterday convicted Vidraria "
        "Serrano Ltda. for bid rigging and fined it R$ 4 million."
    )
    events = events_of(extractor, text, "2026-08-20")
    assert "ruling" not in {e.type for e in events}


def test_a_columns_command_is_not_an_act(extractor):
    text = "Parliament could give regulators the power to block such apps. Switch it off. Then write the rules."
    assert events_of(extractor, text, "2026-06-10") == []


def test_goods_shipped_to_a_country_are_an_export_not_a_launch(extractor):
    text = (
        "The ministry barred Hanbit Etch Systems from exporting strategic items after finding that it "
        "shipped plasma etching systems to China without licences."
    )
    assert of_type(events_of(extractor, text, "2025-09-18"), "launch") == []


def test_customs_investigators_examining_shipments_is_an_inquiry(extractor):
    text = "Korea Customs Service investigators began examining Hanbit Etch Systems' shipments in November last year."
    inquiries = of_type(events_of(extractor, text, "2025-09-18"), "investigation")
    assert len(inquiries) == 1
    assert names(inquiries[0].agent) == {"Korea Customs Service"}
    assert inquiries[0].date == "2024-11"


def test_a_measure_signed_the_day_before_it_was_published_is_dated_by_its_signing(extractor):
    text = (
        "Brazil's National Data Protection Authority (ANPD) has ordered Lumeq Labs to stop using chat logs "
        "to train its models, in a preventive measure published in the Diário Oficial da União on Tuesday.\n\n"
        "The measure, signed by the authority's board of directors on Monday, gives the company five "
        "working days to comply."
    )
    events = events_of(extractor, text, "2025-11-19")
    assert [(e.type, e.date) for e in events] == [("order", "2025-11-17")]


def test_an_app_a_ministry_ordered_blocked_is_what_the_ministry_acted_on(extractor):
    text = (
        "The Ministry of Electronics and Information Technology (MeitY) ordered the app blocked in March "
        "under Section 69A of the Information Technology Act, 2000."
    )
    halts = of_type(events_of(extractor, text, "2025-10-24"), "suspension")
    assert len(halts) == 1
    assert names(halts[0].agent) == {"Ministry of Electronics and Information Technology"}
    assert [r.text for r in halts[0].target] == ["the app"]


def test_a_court_that_refused_to_interfere_and_its_bench_that_dismissed_rule_once(extractor):
    text = (
        "NEW DELHI: The Supreme Court on Thursday refused to interfere with a government order blocking "
        "the lending app Paisora. A bench of two judges dismissed the special leave petition filed by "
        "Ruvant Fintech Pvt Ltd, the company behind the app."
    )
    rulings = of_type(events_of(extractor, text, "2025-10-24"), "ruling")
    assert rulings
    assert {e.date for e in rulings} == {"2025-10-23"}
    assert all(r.type == "COURT" for e in rulings for r in e.agent)


def test_a_word_split_at_a_line_end_keeps_the_name_it_begins_whole(extractor):
    repaired = repair_ocr("The notice was issued by the Infor- mation Regulator, which ordered the bureau to stop.")
    # the same length, the padding before the joined word
    assert repaired == "The notice was issued by the   Information Regulator, which ordered the bureau to stop."
    doc = extractor.nlp(repaired)
    assert "Information Regulator of South Africa" in {ent._.canonical for ent in doc.ents}


def test_an_act_told_in_a_rulings_sentence_is_dated_by_its_own_paper(extractor):
    text = (
        "PRETORIA - The High Court on Monday dismissed an application by Sebenza Credit Data to set aside "
        "an enforcement notice issued by the Information Regulator, which ordered the company to stop "
        "selling payment histories.\n\nThe enforcement notice, dated 14 April 2026, directed Sebenza to "
        "stop within 30 days."
    )
    orders = of_type(events_of(extractor, text, "2026-09-15"), "order")
    assert [e.date for e in orders] == ["2026-04-14"]


def test_an_act_initiated_with_an_older_decision_keeps_the_date_it_was_told_with(extractor):
    text = (
        "With the Competition Board decision dated 14.08.2025, it has been decided to impose an "
        "administrative fine of TRY 12,400,000 on Yemekdeposu. The investigation had been initiated with "
        "the Board decision dated 07.03.2024."
    )
    fines = of_type(events_of(extractor, text, "2025-09-02"), "penalty")
    assert [e.date for e in fines] == ["2025-08-14"]


def test_a_suit_challenging_the_suspension_is_against_the_body_that_suspended(extractor):
    text = (
        "NTIA said it suspended payments on Tuesday under a $4.1 million award made in 2024 to Marrowby "
        "Radio Systems, Inc. Marrowby filed a complaint in the U.S. Court of Federal Claims on Wednesday "
        "challenging the suspension."
    )
    suits = of_type(events_of(extractor, text, "2026-08-20"), "lawsuit")
    assert len(suits) == 1
    assert names(suits[0].target) == {"National Telecommunications and Information Administration"}


def test_an_inspector_generals_audit_opened_is_an_inquiry(extractor):
    text = "The Commerce Department's Office of Inspector General opened an audit of the award earlier this year."
    inquiries = of_type(events_of(extractor, text, "2026-08-20"), "investigation")
    assert len(inquiries) == 1
    assert inquiries[0].date == "2026"


def test_a_countrys_high_court_is_its_own_not_englands(extractor):
    kenyan = extractor.nlp("Kenya's High Court on Tuesday dismissed a challenge by Pesamoto Credit against a fine.")
    courts = [ent for ent in kenyan.ents if ent._.entity_type == "COURT"]
    assert [ent.text for ent in courts] == ["Kenya's High Court"]
    assert courts[0]._.entity_id != "court:uk-high-court"
    english = extractor.nlp("The UK High Court ruled on Tuesday.")
    assert [ent._.canonical for ent in english.ents] == ["High Court of Justice of England and Wales"]


def test_a_chamber_that_passed_it_in_a_relative_clause_passed_the_bill(extractor):
    text = (
        "The National Assembly passed the Data Protection (Amendment) Bill at third reading on 3 December. "
        "It was then referred to the Senate, which passed it with further amendments on 10 February."
    )
    laws = of_type(events_of(extractor, text, "2026-02-25"), "legislation")
    assert sorted(e.date for e in laws) == ["2025-12-03", "2026-02-10"]


def test_sanctions_decided_on_an_earlier_day_re_date_every_act_told_of_them(extractor):
    text = (
        "RIYADH, 8 July (Wire) - The Communications, Space and Technology Commission said on Tuesday it had "
        "fined two mobile operators 3.4 million riyals. The regulator also suspended the licence of one of "
        "them, Nakhla Mobile, for 60 days.\n\nThe sanctions were decided by the commission's violations "
        "committee on 2 July."
    )
    events = events_of(extractor, text, "2025-07-09")
    assert {(e.type, e.date) for e in events} == {("penalty", "2025-07-02"), ("suspension", "2025-07-02")}


def test_a_ministry_that_told_a_firm_to_halt_a_service_ordered_it(extractor):
    text = (
        "HANOI, 14 October (Wire) - A satellite broadband provider has stopped signing up customers in "
        "Vietnam after the Ministry of Science and Technology ordered it to suspend a pilot service.\n\n"
        "The ministry on Friday told Stellwane Orbital to halt the pilot in all 12 provinces where it was "
        "operating."
    )
    orders = of_type(events_of(extractor, text, "2026-10-14"), "order")
    assert len(orders) == 1
    assert "Stellwane Orbital" in names(orders[0].target)
    assert orders[0].date == "2026-10-09"


def test_a_determination_proposing_to_prohibit_is_no_rule(extractor):
    text = "On February 27, 2026, OICTS issued an Initial Determination proposing to bar Qinghe Drone's products."
    assert of_type(events_of(extractor, text, "2026-03-02"), "rule") == []
