"""Extraction behaviour: facts vs hypotheticals, acts, coreference, casing, bad input, accuracy floors."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.pipeline import DocInput
from nlp.rules import RuleError, load_rules
from tests.conftest import ROOT, SHARED
from tests.extraction_support import events_of, names

EVAL = ROOT / "tests" / "data" / "eval"


# --- what happened and what did not ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Commerce Department could add Huawei to the Entity List as soon as next month.",
        "Lawmakers called on the administration to revoke the order.",
        "Shareholders threatened to sue the company over the merger.",
        "The FTC may ban the practice if the company does not change course.",
        "Officials are considering sanctions on the bank.",
        "The company denied that it had been fined by regulators.",
        "Will the Treasury designate the exchange?",
        "The agency plans to propose a rule on data brokers next year.",
        "Such conduct is prohibited under the statute.",
        "Reports that the ministry opened an investigation are incorrect.",
    ],
)
def test_hypotheticals_threats_demands_denials_and_plans_yield_nothing(extractor, text):
    assert events_of(extractor, text) == []


def test_a_dated_past_act_is_an_event_with_its_roles_and_date(extractor):
    (event,) = events_of(extractor, "On Friday, the Commerce Department added Huawei to the Entity List.")
    assert event.type == "designation"
    assert (event.date, event.date_precision) == ("2026-11-13", "day")
    assert names(event.agent) == {"U.S. Department of Commerce"}
    assert "Huawei" in " ".join(names(event.target))
    assert event.attrs["action"] == "add"


def test_passive_voice_swaps_the_roles(extractor):
    (event,) = events_of(extractor, "Huawei was added to the Entity List by the Commerce Department on Monday.")
    assert event.type == "designation"
    assert names(event.agent) == {"U.S. Department of Commerce"}
    assert "Huawei" in " ".join(names(event.target))


def test_repeated_mentions_of_one_happening_are_one_event(extractor):
    text = (
        "The FCC on Tuesday fined Bluegate Telecom $4.5 million for carrying spoofed robocalls. "
        "The fine against Bluegate Telecom is the largest this year, the agency said."
    )
    assert [e.type for e in events_of(extractor, text)] == ["penalty"]


def test_coreference_fills_roles_from_the_nearest_fitting_entity(extractor):
    text = (
        "Lumora AI released Lumora5 and Lumora6 last week. "
        "On Friday the company suspended access to these two models for all customers."
    )
    events = {e.type: e for e in events_of(extractor, text)}
    assert "Lumora" in " ".join(names(events["suspension"].agent))


# --- documents that are the act -----------------------------------------------------------


def test_an_executive_order_text_is_an_order_by_the_president_dated_by_its_signature(extractor):
    text = (
        "By the authority vested in me as President by the Constitution and the laws of the United States of America, "
        "including the International Emergency Economic Powers Act, it is hereby ordered as follows:\n"
        "Section 1. No United States person shall engage in any transaction with Velkor Systems Ltd.\n"
        "THE WHITE HOUSE,\nMarch 3, 2026."
    )
    orders = [e for e in events_of(extractor, text, "2026-03-06") if e.type == "order"]
    assert len(orders) == 1
    assert names(orders[0].agent) == {"President of the United States"}
    assert orders[0].date == "2026-03-03"
    assert orders[0].attrs["instrument"] == "International Emergency Economic Powers Act"
    assert all(e.type != "ruling" for e in events_of(extractor, text, "2026-03-06"))


def test_a_court_order_is_a_ruling_on_the_captioned_parties(extractor):
    text = (
        "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF COLUMBIA\n\n"
        "VELKOR SYSTEMS LTD.,\n    Plaintiff,\n  v.\nUNITED STATES DEPARTMENT OF COMMERCE,\n    Defendant.\n\n"
        "MEMORANDUM OPINION AND ORDER\n\nThe motion for a preliminary injunction is GRANTED.\n\nSO ORDERED.\n\nDated: May 4, 2026\n"
    )
    rulings = [e for e in events_of(extractor, text, "2026-05-05") if e.type == "ruling"]
    assert rulings and rulings[0].date == "2026-05-04"
    assert "Court" in " ".join(names(rulings[0].agent))
    assert any("Commerce" in name for name in names(rulings[0].target))


def test_an_appellate_we_affirm_acts_on_the_captioned_defendant(extractor):
    text = (
        "UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT\n\n"
        "UNITED STATES OF AMERICA,\n    Plaintiff-Appellee,\n  v.\nORSOLYA KERTESZ,\n    Defendant-Appellant.\n\n"
        "Kertesz challenges her conviction for smuggling night-vision optics. The evidence was sufficient, and "
        "the instructions were correct. We affirm.\n\nFiled: March 3, 2026\n"
    )
    rulings = [e for e in events_of(extractor, text, "2026-03-03") if e.type == "ruling"]
    assert rulings and "Orsolya Kertesz" in " ".join(names(rulings[0].target)).title()


def test_a_described_defendant_named_later_is_the_target_and_the_announcing_prosecutor_the_agent(extractor):
    text = (
        "CHICAGO – A Lithuanian woman pleaded guilty yesterday to smuggling thermal rifle scopes to Belarus, "
        "the U.S. Attorney for the Northern District of Illinois announced.\n\n"
        "Rasa Petrauskiene, 44, admitted shipping the scopes through a freight forwarder in Vilnius. "
        "Homeland Security Investigations handled the case."
    )
    penalties = [e for e in events_of(extractor, text, "2026-02-11") if e.type == "penalty"]
    assert len(penalties) == 1
    assert names(penalties[0].target) == {"Rasa Petrauskiene"}
    assert names(penalties[0].agent) == {"U.S. Attorney's Office for the Northern District of Illinois"}
    assert penalties[0].date == "2026-02-10"


def test_a_subpoena_received_from_an_agency_is_that_agencys_investigation(extractor):
    text = (
        'FORM 8-K\n\nOn June 2, 2026, Brindle Photonics Inc. (the "Company") received a subpoena from the '
        "Office of Foreign Assets Control requesting records of sales to resellers in Armenia. "
        "The Company is cooperating."
    )
    probes = [e for e in events_of(extractor, text, "2026-06-05") if e.type == "investigation"]
    assert probes and names(probes[0].agent) == {"Office of Foreign Assets Control"}
    assert probes[0].date == "2026-06-02"


def test_first_person_in_a_company_report_is_the_company(extractor):
    text = (
        "ORVELLE DIAGNOSTICS, INC.\nANNUAL REPORT\n\nOrvelle Diagnostics, Inc. makes blood analysers. "
        "Orvelle Diagnostics sells them to clinics. In May 2026, the Food and Drug Administration inspected a plant. "
        "In July 2026, we suspended shipments of the Clarion 3 analyser while we reviewed the findings."
    )
    suspensions = [e for e in events_of(extractor, text, "2026-09-01") if e.type == "suspension"]
    assert suspensions and names(suspensions[0].agent) == {"Orvelle Diagnostics"}


def test_a_court_named_in_passing_is_never_the_one_fined(extractor):
    text = (
        "Tessaro Freight Ltd. agreed to pay $3 million. The company entered into a deferred prosecution agreement "
        "in connection with charges filed today in the Eastern District of Michigan charging it with export violations."
    )
    for event in events_of(extractor, text, "2026-04-01"):
        if event.type == "penalty":
            assert not any(ref.type == "COURT" for ref in event.target)


def test_one_bill_passing_two_chambers_on_different_days_is_two_acts(extractor):
    text = (
        "The Port Security Act is now law. The bill passed the House on March 3 and passed the Senate "
        "by voice vote three days later."
    )
    passed = sorted(
        (e for e in events_of(extractor, text, "2026-03-20") if e.type == "legislation"), key=lambda e: e.date or ""
    )
    assert [(e.date, names(e.agent)) for e in passed] == [
        ("2026-03-03", {"U.S. House of Representatives"}),
        ("2026-03-06", {"U.S. Senate"}),
    ]


def test_a_second_passive_participle_shares_the_subject(extractor):
    events = events_of(
        extractor, "Tomas Verhoeven was arrested on May 4 and charged with exporting rifle scopes.", "2026-05-06"
    )
    penalties = [e for e in events if e.type == "penalty"]
    assert penalties and names(penalties[0].target) == {"Tomas Verhoeven"}


def test_a_rule_reported_in_a_relative_clause_is_that_rule(extractor):
    text = "The FCC said the Robocall Mitigation Rule, which the Commission adopted in March 2026, applies to gateway providers."
    rules = [e for e in events_of(extractor, text, "2026-06-01") if e.type == "rule"]
    assert rules and rules[0].date == "2026-03"
    assert names(rules[0].agent) == {"Federal Communications Commission"}


def test_stopping_a_sale_is_a_suspension_of_what_was_sold(extractor):
    text = "On June 3, 2026, Harlow Retail stopped selling the Vexa routers in its stores."
    suspensions = [e for e in events_of(extractor, text, "2026-06-05") if e.type == "suspension"]
    assert suspensions and suspensions[0].date == "2026-06-03"
    assert "Vexa" in " ".join(r.text for r in suspensions[0].target)


def test_an_it_that_imposes_a_penalty_is_the_regulator_not_the_company(extractor):
    text = "The FCC on Tuesday fined Corlan Voice $2 million, finalizing a penalty it first proposed last year."
    for event in events_of(extractor, text, "2026-07-16"):
        if event.type == "penalty":
            assert names(event.agent) == {"Federal Communications Commission"}


def test_a_regulator_that_has_acted_in_its_own_release_acted_on_the_release_date(extractor):
    text = (
        "London, 4 March 2026\n\nThe Competition and Markets Authority published its findings on freight pricing. "
        "Ferreiro Logistics Ltd shared price lists with rivals for three years, the findings say. "
        "The CMA has imposed a fine of 12 million pounds on Ferreiro Logistics Ltd."
    )
    penalties = [e for e in events_of(extractor, text, "2026-03-04") if e.type == "penalty"]
    assert penalties and penalties[0].date == "2026-03-04"


def test_directing_staff_to_investigate_is_the_directing_bodys_investigation_of_the_party(extractor):
    text = (
        "The Competition Commission of India fined Quillpay Payments Private Limited today. "
        "Quillpay runs a wallet app. In May 2024, the Commission directed the Director General to investigate "
        "the matter after complaints about Quillpay."
    )
    events = events_of(extractor, text, "2026-01-20")
    probes = [e for e in events if e.type == "investigation"]
    assert probes and probes[0].date == "2024-05"
    assert names(probes[0].agent) == {"Competition Commission of India"}
    assert "Quillpay" in " ".join(names(probes[0].target))
    assert not [e for e in events if e.type == "order"]


def test_a_one_word_short_name_links_to_the_one_full_name_it_starts(extractor):
    text = "Brannock Freight Holdings Limited was fined today. Brannock said it would appeal."
    result = extractor.extract(DocInput("t", text, "2026-01-20"))
    ids = {m.id for m in result.entities if m.text.startswith("Brannock")}
    assert len(ids) == 1


def test_a_bare_company_name_the_model_missed_is_still_the_agent(extractor):
    text = "Quorra Mobility Inc. rents scooters. Quorra launched the Quorra Ride app in March 2025."
    launches = [e for e in events_of(extractor, text, "2025-06-01") if e.type == "launch"]
    assert launches and names(launches[0].agent) == {"Quorra Mobility"}


PHRASINGS = [json.loads(line) for line in (ROOT / "tests" / "data" / "phrasings.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", PHRASINGS, ids=[case["text"][:40] for case in PHRASINGS])
def test_common_phrasings_of_each_event_type_are_found_and_dated(extractor, case):
    events = events_of(extractor, case["text"], case["published"])
    assert [(e.type, e.date) for e in events if e.type == case["type"]][:1] == [(case["type"], case["date"])]


def test_a_modal_on_the_governing_verb_covers_an_act_reached_through_by(extractor):
    text = "Analysts said Beijing could respond by opening antitrust investigations into European suppliers."
    assert events_of(extractor, text, "2026-01-22") == []


def test_a_dateline_after_a_blank_line_is_not_the_agent(extractor):
    text = (
        "FOR IMMEDIATE RELEASE\n\nWashington D.C., May 5, 2026 — The Securities and Exchange Commission "
        "today announced settled charges against Morrow Ridge Advisers LLC."
    )
    penalties = [e for e in events_of(extractor, text, "2026-05-05") if e.type == "penalty"]
    assert penalties and names(penalties[0].agent) == {"U.S. Securities and Exchange Commission"}


def test_the_company_in_a_filing_is_the_one_company_named_with_its_suffix(extractor):
    text = (
        'Item 7.01 Regulation FD Disclosure.\n\nOn May 4, 2026, Tavoris Medical, Inc. (the "Company") received '
        "a notice from the Food and Drug Administration ordering the Company to stop distributing its Kivo pump."
    )
    orders = [e for e in events_of(extractor, text, "2026-05-06") if e.type == "order"]
    assert orders and names(orders[0].target) == {"Tavoris Medical"}


def test_a_legal_suffix_with_periods_does_not_end_the_sentence(extractor):
    text = "BIS is also taking Brno Tooling s.r.o. of the Czech Republic off the Entity List."
    removals = [e for e in events_of(extractor, text, "2026-02-02") if e.type == "designation"]
    assert removals and removals[0].attrs.get("action") == "remove"
    assert "Brno Tooling" in " ".join(names(removals[0].target))


def test_a_relative_clause_on_an_apposition_designates_the_named_person(extractor):
    text = "The ring is run by Farid Tavakoli, an Iranian procurement agent whom OFAC first designated in May 2024."
    designations = [e for e in events_of(extractor, text, "2026-02-02") if e.type == "designation"]
    assert designations and names(designations[0].target) == {"Farid Tavakoli"}
    assert designations[0].date == "2024-05"


def test_a_wire_dateline_with_state_date_and_agency_is_skipped(extractor):
    text = "SAN JOSE, Calif., Feb 3 (Regwire) - Ventrix Labs Inc. launched its VX-7 model on Monday."
    launches = [e for e in events_of(extractor, text, "2026-02-03") if e.type == "launch"]
    assert launches and names(launches[0].agent) == {"Ventrix Labs"}


def test_a_court_opinion_is_one_ruling_by_its_caption_court_dated_by_its_signature(extractor):
    text = (
        "UNITED STATES DISTRICT COURT\nDISTRICT OF MINNESOTA\n\n"
        "STATE OF MINNESOTA, by its Attorney General,\n    Plaintiff,\nv.\nVELLORA APPS, INC.,\n    Defendant.\n\n"
        "MEMORANDUM OPINION AND ORDER\n\nThe State of Minnesota sued Vellora Apps, Inc. on March 3, 2025. "
        "The State moved for a preliminary injunction barring Vellora from offering the feature to minors. "
        "Courts in this circuit apply the familiar four-factor test. Dataphase Sys., Inc. v. C L Sys., Inc., "
        "640 F.2d 109 (8th Cir. 1981).\n\nIT IS HEREBY ORDERED that the motion is GRANTED.\n\n"
        "Dated this 2nd day of May, 2025.\n"
    )
    events = events_of(extractor, text, "2025-05-05")
    rulings = [e for e in events if e.type == "ruling"]
    assert len(rulings) == 1
    assert rulings[0].date == "2025-05-02"
    assert names(rulings[0].agent) == {"U.S. District Court for the District of Minnesota"}
    assert not [e for e in events if e.type == "order"]  # asked for, not granted by that sentence
    lawsuits = [e for e in events if e.type == "lawsuit"]
    assert lawsuits and names(lawsuits[0].agent) == {"State of Minnesota"}


def test_an_appeal_captioned_with_versus_affirmed_in_capitals_acts_on_the_appellants(extractor):
    text = (
        "United States Court of Appeals\nFor the Eleventh Circuit\n\n"
        "FEDERAL TRADE COMMISSION,\n    Plaintiff-Appellee,\nversus\nBRIMLEY DEBT RELIEF, LLC,\n"
        "    Defendant-Appellant.\n\nFiled: June 2, 2026\n\n"
        "The district court granted summary judgment against the defendant. We AFFIRM.\n"
    )
    rulings = [e for e in events_of(extractor, text, "2026-06-02") if e.type == "ruling"]
    assert rulings and all("Brimley" in " ".join(names(r.target)).title() for r in rulings)


def test_docket_entries_become_dated_filings_and_rulings(extractor):
    text = (
        "Velkor Systems Ltd. v. U.S. Department of Commerce\n"
        "U.S. District Court, District of Columbia\n"
        "03/02/2026  1  COMPLAINT against U.S. DEPARTMENT OF COMMERCE filed by VELKOR SYSTEMS LTD.\n"
        "03/05/2026  4  MINUTE ORDER setting a status conference.\n"
        "03/20/2026  9  ORDER denying 5 Motion for Temporary Restraining Order.\n"
    )
    events = events_of(extractor, text, "2026-03-21")
    found = {(e.type, e.date) for e in events}
    assert ("lawsuit", "2026-03-02") in found
    assert ("ruling", "2026-03-20") in found
    assert ("ruling", "2026-03-05") not in found  # scheduling is not a decision


# --- casing and sloppy text ----------------------------------------------------------------


def _signature(events, gazetteer):
    return sorted(
        (
            e.type,
            e.date,
            tuple(sorted(r.id for r in e.agent if r.id in gazetteer)),
            tuple(sorted(r.id for r in e.target if r.id in gazetteer)),
        )
        for e in events
    )


def test_a_lower_case_copy_of_the_seed_report_yields_the_same_events(extractor, seeds_dir):
    rows = [json.loads(line) for line in (seeds_dir / "seeds.jsonl").read_text().splitlines()]
    cased = next(r for r in rows if r["id"].startswith("003"))
    first = events_of(extractor, cased["text"], cased["published"])
    lowered = events_of(extractor, cased["text"].lower(), cased["published"])
    assert first
    assert _signature(first, extractor.gazetteer) == _signature(lowered, extractor.gazetteer)


def test_lower_case_copies_of_the_dev_set_mostly_agree(extractor):
    rows = [json.loads(line) for line in (EVAL / "dev.jsonl").read_text().splitlines()]
    same = sum(
        sorted((e.type, e.date) for e in events_of(extractor, r["text"], r["published"]))
        == sorted((e.type, e.date) for e in events_of(extractor, r["text"].lower(), r["published"]))
        for r in rows
    )
    # measured 42 of 50 when written: unknown names cannot be re-cased, known ones are
    assert same >= 38, same


def test_ocr_damage_is_repaired_without_moving_offsets(extractor):
    text = "On Mon-\nday the Com- merce Department added Velkor Systems Ltd. to the Entity List."
    (event,) = events_of(extractor, text, "2026-03-04")
    assert event.evidence == text[event.start : event.end]
    assert names(event.agent) == {"U.S. Department of Commerce"}
    assert event.date == "2026-03-02"


# --- bad input -----------------------------------------------------------------------------------


def test_bad_inputs_give_a_result_or_an_error_line_and_the_batch_goes_on(tmp_path):
    lines = [
        {"id": "empty", "text": "", "published": "2026-01-01"},
        {"id": "huge", "text": "lorem ipsum dolor sit amet " * 200_000, "published": "2026-01-01"},
        {"id": "french", "text": "Le ministère a publié un décret hier soir.", "published": "2026-01-01"},
        {
            "id": "html",
            "text": "<p>The <b>FTC</b> sued Acme Corp. on Monday.</p><script>alert(1)</script>",
            "published": "2026-01-07",
        },
        {"id": "control", "text": "The FTC\x00 sued\x1b Acme Corp.\x07 on Monday.", "published": "2026-01-07"},
        {
            "id": "garbage",
            "text": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + "".join(chr(i) for i in range(1, 300)),
            "published": "2026-01-01",
        },
        {"id": "bad-date", "text": "The FTC sued Acme Corp.", "published": "yesterday-ish"},
        {"id": "last", "text": "The FTC sued Acme Corp. on Monday.", "published": "2026-01-07"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines) + "not json\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "extract", "--jsonl", str(source)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [line["id"] for line in lines] + ["line-9"]
    by_id = {o["id"]: o for o in out}
    assert by_id["empty"]["events"] == []
    assert "error" in by_id["bad-date"] and "published" in by_id["bad-date"]["error"]
    assert "error" in by_id["line-9"]
    assert [e["type"] for e in by_id["last"]["events"]] == ["lawsuit"]


def test_a_typo_in_a_rule_file_names_the_file_the_line_and_the_key(tmp_path):
    rules = ROOT / "data" / "rules"
    (tmp_path / "lexicon.json").write_text((rules / "lexicon.json").read_text())
    lines = (rules / "events.jsonl").read_text().splitlines()
    lines[2] = lines[2].replace('"type"', '"tpye"', 1)
    (tmp_path / "events.jsonl").write_text("\n".join(lines) + "\n")
    with pytest.raises(RuleError, match=r"events.jsonl:3: unknown key 'tpye'"):
        load_rules(tmp_path)


# --- accuracy floors (a drop means a change made extraction worse) ------------------------------


def _score(gold: Path, predictions: list[dict], docs: Path | None = None) -> dict:
    scorer_path = SHARED / "eval" / "score.py"
    if not scorer_path.exists():
        pytest.skip(f"the scorer {scorer_path} is absent (it lives beside the repository in ../shared)")
    spec = importlib.util.spec_from_file_location("regwatch_score", scorer_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pred = gold.parent / "_pred.jsonl"
    try:
        pred.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
        args = [str(scorer_path), str(gold), str(pred), "--json"] + (["--docs", str(docs)] if docs else [])
        output = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True).stdout
    finally:
        pred.unlink(missing_ok=True)
    return json.loads(output)


def _predict(extractor, path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [extractor.extract(DocInput.from_json(row)).to_json() for row in rows]


def test_seed_accuracy(extractor, seeds_dir, tmp_path):
    rows = [json.loads(line) for line in (seeds_dir / "seeds.jsonl").read_text().splitlines()]
    for row in rows:
        (tmp_path / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text((seeds_dir / "gold.jsonl").read_text())
    result = _score(gold, _predict(extractor, seeds_dir / "seeds.jsonl"), docs=tmp_path)
    assert result["full"]["f1"] >= 0.9 and result["date_accuracy"] >= 0.9, result


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("dev", 0.81),
        ("dev2", 0.72),
        ("dev3", 0.73),
        ("dev4", 0.74),
        ("dev5", 0.65),
        ("dev7", 0.74),
        ("dev8", 0.64),
        ("dev9", 0.56),
        ("dev10", 0.58),
        ("dev11", 0.70),
        ("dev12", 0.69),
        ("dev13", 0.69),
        ("dev14", 0.73),
        ("dev15", 0.70),
        ("dev16", 0.62),
        ("dev17", 0.58),
        ("dev18", 0.59),
        ("dev19", 0.72),
        ("dev20", 0.64),
        ("dev21", 0.64),
        ("dev22", 0.69),
        ("dev23", 0.70),
        ("dev24", 0.73),
        ("dev25", 0.71),
        ("dev26", 0.72),
        ("dev27", 0.78),
        ("dev28", 0.82),
        ("dev29", 0.70),
        ("dev30", 0.78),
        ("dev31", 0.80),
        ("dev32", 0.74),
        ("dev33", 0.74),
        ("dev34", 0.72),
        ("dev35", 0.72),
    ],
)
def test_development_set_accuracy(extractor, tmp_path, name, floor):
    """Measured last: dev 0.91, dev2 0.79, dev3 0.80, dev4 0.83, dev5 0.78, dev7 0.84, dev8 0.80, dev9 0.75,
    dev10 0.78, dev11 0.83, dev12 0.78, dev13 0.82, dev14 0.80, dev15 0.81, dev16 0.76, dev17 0.75, dev18 0.76,
    dev19 0.84, dev20 0.74, dev21 0.74, dev22 0.80, dev23 0.82, dev24 0.81, dev25 0.81, dev26 0.84, dev27 0.87,
    dev28 0.88, dev29 0.76, dev30 0.85, dev31 0.86, dev32 0.79, dev33 0.79, dev34 0.76, dev35 0.76 full-match F1
    (the sets still held out, dev6, dev36 and heldout, are reported, not tested)."""
    gold = tmp_path / f"{name}.gold.jsonl"
    gold.write_text((EVAL / f"{name}.gold.jsonl").read_text())
    result = _score(gold, _predict(extractor, EVAL / f"{name}.jsonl"))
    assert result["full"]["f1"] >= floor, result
