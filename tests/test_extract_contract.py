"""The extractor's output honours the `extract` contract, and entity linking holds.

Runs the real pipeline (the session `extractor` fixture) on the motivating
seeds in ../shared/seeds (skipped where that folder is absent), on the dev
evaluation texts, and on short texts written for one linking rule each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.pipeline import DocInput
from nlp.records import Mention

try:
    from tests.contract import check_result
except ImportError:  # pragma: no cover - rootdir-relative import mode
    from contract import check_result  # type: ignore[no-redef]

DEV_SET = Path(__file__).resolve().parent / "data" / "eval" / "dev.jsonl"
SEEDS_FILE = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "seeds.jsonl"


def _run(extractor, row: dict) -> dict:
    """Extract one input row and return its output line as parsed JSON."""
    return json.loads(json.dumps(extractor.extract(DocInput.from_json(row)).to_json(), ensure_ascii=False))


@pytest.fixture(scope="module")
def seed_rows() -> dict[str, dict]:
    path = SEEDS_FILE
    if not path.exists():
        pytest.skip(f"{path} is absent (it lives beside the repository in ../shared)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"][:3]: row for row in rows}


@pytest.fixture(scope="module")
def seed_output(seed_rows, extractor) -> dict[str, dict]:
    return {key: _run(extractor, row) for key, row in seed_rows.items()}


def _ids(payload: dict, surface: str) -> set[str | None]:
    """Entity ids of the mentions whose text is `surface` (case-insensitive)."""
    return {e["id"] for e in payload["entities"] if e["text"].lower() == surface.lower()}


# --- the contract -------------------------------------------------------------


def test_seeds_validate_against_the_contract(seeds_dir, seed_rows, seed_output):
    assert set(seed_rows) >= {"000", "003"}
    for key, payload in seed_output.items():
        assert payload["id"] == seed_rows[key]["id"]
        check_result(payload, seed_rows[key]["text"])
        assert payload["events"], f"seed {key}: no event at all"


def test_seed_mentions_and_evidence_are_exact_slices(seeds_dir, seed_rows, seed_output):
    for key, payload in seed_output.items():
        text = seed_rows[key]["text"]
        for entity in payload["entities"]:
            assert entity["text"] == text[entity["start"] : entity["end"]]
        for event in payload["events"]:
            assert event["evidence"] == text[event["start"] : event["end"]]
            for role in event["agent"] + event["target"]:
                assert role["text"].strip()


def test_dev_texts_validate_against_the_contract(extractor):
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 10
    for row in rows:
        check_result(_run(extractor, row), row["text"])


@pytest.mark.parametrize(
    "row",
    [
        {"id": "empty", "text": ""},
        {"id": "spaces", "text": " \n\t "},
        {"id": "no-events", "text": "The weather in Washington was mild on Tuesday."},
        {
            "id": "unicode",
            "text": "Le régulateur a infligé une amende — 2 M€ — à Huawei. 华为 was fined by the FCC on Friday.",
        },
        {
            "id": "crlf",
            "text": "The FCC fined ZTE $1 million on Monday.\r\nZTE said it would appeal.\r\n",
            "published": "2026-05-06",
        },
        {"id": "timestamp", "text": "The FTC sued Acme on Friday.", "published": "2026-05-06T10:00:00+00:00"},
    ],
    ids=lambda row: row["id"],
)
def test_awkward_inputs_still_honour_the_contract(extractor, row):
    check_result(_run(extractor, row), row["text"])


def test_bad_published_gives_an_error_line(extractor):
    payload = _run(extractor, {"id": "x", "text": "The FTC sued Acme.", "published": "last Friday"})
    assert set(payload) == {"id", "error"}
    assert "last Friday" in payload["error"]


# --- linking ----------------------------------------------------------------------


def test_defense_department_names_link_to_one_entity(extractor):
    text = (
        "The Pentagon banned Acme Corp on Monday. The Department of Defense said DoD contractors must comply, "
        "and the U.S. Department of Defense's letter followed on Friday."
    )
    payload = _run(extractor, {"id": "dod", "text": text, "published": "2026-01-05"})
    check_result(payload, text)
    ids = set()
    for surface in ("Pentagon", "Department of Defense", "DoD", "U.S. Department of Defense"):
        found = _ids(payload, surface)
        assert found, f"{surface!r} was not recognised"
        ids |= found
    assert len(ids) == 1 and None not in ids, ids
    canonicals = {e["canonical"] for e in payload["entities"] if e["id"] in ids}
    assert len(canonicals) == 1


def test_seed_defense_names_link_to_one_entity(seeds_dir, seed_output):
    payload = seed_output["000"]
    ids = _ids(payload, "pentagon") | _ids(payload, "u.s. department of defense")
    assert len(ids) == 1 and None not in ids, ids


def test_fable5_and_fable_5_are_one_product(seeds_dir, seed_output, extractor):
    lower_case, cased = _ids(seed_output["000"], "fable5"), _ids(seed_output["003"], "Fable 5")
    assert lower_case and lower_case == cased and None not in lower_case
    assert {e["canonical"] for e in seed_output["000"]["entities"] if e["text"] == "fable5"} == {"Fable 5"}
    # And within one document that uses both spellings.
    text = "Anthropic launched Fable 5 on Monday. On Friday the Commerce Department ordered fable5 offline."
    payload = _run(extractor, {"id": "both", "text": text, "published": "2026-11-20"})
    assert _ids(payload, "Fable 5") == _ids(payload, "fable5") == lower_case
    # A different model of the same family stays apart.
    assert _ids(seed_output["000"], "mythos5") and _ids(seed_output["000"], "mythos5") != lower_case


def test_misspelt_anthropus_links_to_anthropic_in_seed_003(seeds_dir, seed_output):
    payload = seed_output["003"]
    misspelt = [e for e in payload["entities"] if e["text"] == "Anthropus"]
    assert misspelt, "seed 003 mentions 'Anthropus' once; it was not recognised"
    assert {(e["id"], e["canonical"]) for e in misspelt} == {("org:anthropic", "Anthropic")}
    assert _ids(payload, "Anthropic") == {"org:anthropic"}


# --- fuzzy linking guards (nlp/pipeline.py::_fuzzy_links) ------------------------------------


def _m(text: str, entity_id: str, label: str = "ORG", canonical: str | None = None, at: int = 0) -> Mention:
    return Mention(text, label, at, at + len(text), canonical or text, entity_id)


def test_fuzzy_link_joins_a_misspelling_to_the_known_entity_named_nearby(extractor):
    anthropic = [_m("Anthropic", "org:anthropic"), _m("Anthropic", "org:anthropic", at=20)]
    relink = extractor._fuzzy_links([*anthropic, _m("Anthropus", "org:anthropus", at=40)])
    assert {k: v.id for k, v in relink.items()} == {"org:anthropus": "org:anthropic"}
    # Without the correct spelling in the document there is nothing to join.
    assert extractor._fuzzy_links([_m("Anthropus", "org:anthropus")]) == {}
    # One correct mention against one variant is two names, not a typo (Illumina and Illumio).
    assert extractor._fuzzy_links([anthropic[0], _m("Anthropus", "org:anthropus", at=40)]) == {}
    # A variant used twice is deliberate.
    twice = [_m("Anthropus", "org:anthropus", at=40), _m("Anthropus", "org:anthropus", at=60)]
    assert extractor._fuzzy_links([*anthropic, *twice]) == {}


@pytest.mark.parametrize(
    ("known", "other", "guard"),
    [
        # Both in the gazetteer: two entities, however close the spelling.
        (
            ("DeepSeek-R1", "product:deepseek-r1", "PRODUCT"),
            ("DeepSeek-V3", "product:deepseek-v3", "PRODUCT"),
            "gazetteer",
        ),
        (("Nvidia H100", "product:h100", "PRODUCT"), ("Nvidia H200", "product:h200", "PRODUCT"), "gazetteer"),
        # Rosnedra (Russia's subsoil agency) is three edits from Rosneft.
        (("Rosneft", "org:rosneft", "ORG"), ("Rosnedra", "org:rosnedra", "ORG"), "edit distance"),
        # Unisys and Unisoc: two edits, but not similar enough (Jaro-Winkler 0.87).
        (("Unisoc", "org:unisoc", "ORG"), ("Unisys", "org:unisys", "ORG"), "similarity"),
        # Nokian (tyres) is one letter from Nokia, but five-letter names are too short to trust.
        (("Nokia", "org:nokia", "ORG"), ("Nokian", "org:nokian", "ORG"), "length"),
        # Micron and Microsoft share a start, not a name (and both are known).
        (("Microsoft", "org:microsoft", "ORG"), ("Micron", "org:micron", "ORG"), "gazetteer"),
        # A name of several words that merely starts like a known one.
        (
            ("Huawei", "org:huawei", "ORG"),
            ("Huawai Cloud Partners", "org:huawai-cloud-partners", "ORG"),
            "several words",
        ),
        # MasterCraft (boats) is similar enough to Mastercard (Jaro-Winkler 0.92) but three edits away.
        (("Mastercard", "org:mastercard", "ORG"), ("MasterCraft", "org:mastercraft", "ORG"), "edit distance"),
    ],
    ids=lambda value: value if isinstance(value, str) else value[0],
)
def test_fuzzy_link_never_glues_distinct_names(extractor, known, other, guard):
    assert known[1] in extractor.gazetteer, f"{known[1]} should be a gazetteer entity for this case"
    mentions = [_m(known[0], known[1], known[2]), _m(other[0], other[1], other[2], at=50)]
    assert extractor._fuzzy_links(mentions) == {}, f"{other[0]} glued to {known[0]} (guard: {guard})"


def test_fuzzy_link_keeps_distinct_gazetteer_products_apart_end_to_end(extractor):
    text = "The Commerce Department restricted DeepSeek-R1 on Monday and banned DeepSeek-V3 on Tuesday."
    payload = _run(extractor, {"id": "ds", "text": text, "published": "2026-01-05"})
    assert _ids(payload, "DeepSeek-R1") == {"product:deepseek-r1"}
    assert _ids(payload, "DeepSeek-V3") == {"product:deepseek-v3"}


def test_fuzzy_link_leaves_rosnedra_apart_from_rosneft_end_to_end(extractor):
    text = "Treasury sanctioned Rosneft on Friday. Rosnedra fined the company on Monday."
    payload = _run(extractor, {"id": "ros", "text": text, "published": "2026-01-05"})
    assert _ids(payload, "Rosneft") == {"org:rosneft"}
    assert "org:rosneft" not in _ids(payload, "Rosnedra")


@pytest.mark.parametrize(
    ("known", "other"),
    [
        (("Illumina", "org:illumina"), ("Illumio", "org:illumio")),
        (("Cohere", "org:cohere"), ("Coherent", "org:coherent")),
        (("Coinbase", "org:coinbase"), ("CoinBene", "org:coinbene")),
    ],
    ids=["illumio", "coherent", "coinbene"],
)
def test_fuzzy_link_does_not_glue_real_lookalike_companies(extractor, known, other):
    mentions = [_m(known[0], known[1]), _m(other[0], other[1], at=50)]
    assert extractor._fuzzy_links(mentions) == {}


def test_illumio_is_not_illumina_end_to_end(extractor):
    text = (
        "China added Illumina to its unreliable entity list on Monday. "
        "Separately, Illumio sued the agency in federal court on Tuesday."
    )
    payload = _run(extractor, {"id": "ill", "text": text, "published": "2026-01-05"})
    assert _ids(payload, "Illumina") == {"org:illumina"}
    assert _ids(payload, "Illumio"), "Illumio was not recognised at all"
    assert "org:illumina" not in _ids(payload, "Illumio")
