"""The gazetteers as data: every row well formed, every alias naming one entity."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from nlp.gazetteer import GazetteerError, load_gazetteer
from tests.conftest import ROOT

GAZETTEERS = ROOT / "data" / "gazetteers"
ROWS = [json.loads(line) for path in sorted(GAZETTEERS.glob("*.jsonl")) for line in path.read_text().splitlines()]


def test_every_case_insensitive_alias_names_exactly_one_entity():
    owners = defaultdict(set)
    for row in ROWS:
        for alias in row["aliases"]:
            owners[alias.lower()].add(row["id"])
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


def test_every_canonical_name_is_an_alias_and_every_parent_exists():
    ids = {row["id"] for row in ROWS}
    assert [r["id"] for r in ROWS if r["canonical"] not in r["aliases"] + r["cased_aliases"]] == []
    assert [r["id"] for r in ROWS if r["parent"] and r["parent"] not in ids] == []


def test_every_federal_district_has_its_court_and_its_prosecutors():
    gazetteer = load_gazetteer()
    courts = [r for r in ROWS if r["canonical"].startswith("U.S. District Court for the ")]
    offices = [r for r in ROWS if r["canonical"].startswith("U.S. Attorney's Office for the ")]
    assert len(courts) == 94 and len(offices) == 94
    assert gazetteer.find("U.S. Attorney for the Northern District of Illinois").id == "agency:usao-iln"


def test_a_malformed_row_is_refused_with_its_file_and_line(tmp_path):
    (tmp_path / "agencies.jsonl").write_text('{"id": "agency:x", "type": "AGENCY"}\n')
    with pytest.raises(GazetteerError, match=r"agencies\.jsonl.*1.*missing"):
        load_gazetteer(tmp_path)
