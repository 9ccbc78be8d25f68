"""ingest.parse_screening_list: CSL bulk entries as designations, and their events, without NLP."""

from __future__ import annotations

import json

import pytest

from ingest import parse_screening_list as csl
from nlp.gazetteer import default_gazetteer

try:
    from tests.ingest_support import fixture
except ImportError:  # tests/ is not a package: pytest put it on sys.path itself
    from ingest_support import fixture  # type: ignore[no-redef]


def snapshot(name="consolidated-1.json", **kwargs):
    return csl.parse(fixture(f"csl/{name}"), **kwargs)


def test_entries_become_designations_keyed_by_list_name_and_date():
    designations = {d.code + ":" + d.name: d for d in snapshot().designations}
    assert len(designations) == 5
    cetc = designations["EL:China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"]
    assert cetc.key == "EL|china electronics technology group corporation 13th research institute cetc 13|2018-08-01"
    assert cetc.start_date == "2018-08-01" and cetc.alt_names[1] == "HSRI"
    assert cetc.addresses == ["113 Hezuo Road, Shijiazhuang, Hebei, CN"]
    assert designations["SDN:IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY"].csl_id == "11195"
    assert designations["DPL:JOHN EXAMPLE SMITH"].end_date == "2026-06-29"


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Entity List (EL) - Bureau of Industry and Security", "EL"),
        ("Military End User (MEU) List - Bureau of Industry and Security", "MEU"),
        ("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", "CMIC"),
        ("ITAR Debarred (DTC) - State Department", "DTC"),
        ("Some New List - Agency", "SOME-NEW-LIST-AGENCY"),
    ],
)
def test_list_is_known_by_its_parenthesised_code(label, code):
    assert csl.list_code(label) == code


@pytest.mark.parametrize(
    ("notice", "citations"),
    [
        ("83 FR 37423; 87 FR 77505", ["83 FR 37423", "87 FR 77505"]),
        ("67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02", ["67 FR 56530", "67 FR 10890"]),
        ("Vol. 88, No. 151, 08/08/2023", []),
        (None, []),
    ],
)
def test_free_text_federal_register_citations(notice, citations):
    assert csl.fr_citations(notice) == citations


def test_list_filter_and_merging_of_repeated_entries():
    data = json.loads(fixture("csl/consolidated-1.json"))
    twin = dict(data["results"][0], addresses=[{"address": "Other Road", "city": "Beijing", "country": "CN"}],
                federal_register_notice="89 FR 1")  # fmt: skip
    data["results"].append(twin)
    merged = csl.parse(json.dumps(data).encode(), lists=["el"])
    assert [d.code for d in merged.designations] == ["EL", "EL"]
    cetc = merged.designations[0]
    assert cetc.addresses == ["113 Hezuo Road, Shijiazhuang, Hebei, CN", "Other Road, Beijing, CN"]
    assert cetc.federal_register_notice == "83 FR 37423; 87 FR 77505; 89 FR 1"


@pytest.mark.parametrize("payload", [b"<html>", b"[]", b'{"results": 3}', b"\xff\xfe"])
def test_malformed_files_are_named_errors(payload):
    with pytest.raises(csl.ScreeningListError) as caught:
        csl.parse(payload)
    assert caught.value.kind == "unexpected_response"


def test_entries_without_a_name_are_counted_not_fatal():
    parsed = csl.parse(b'{"results": [{"source": "Entity List (EL) - X", "name": ""}, 7]}')
    assert parsed.designations == [] and parsed.skipped == 2


def test_designation_document_and_event():
    cetc = snapshot().designations[0]
    doc, result = csl.designation_document("csl", cetc)
    assert (doc.kind, doc.stage, doc.published) == ("filing", "list", "2018-08-01")
    assert doc.title == "Entity List: China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"
    (event,) = result.events
    assert (event.type, event.date, event.date_precision, event.confidence) == ("designation", "2018-08-01", "day", 1.0)
    assert event.attrs == {
        "action": "add",
        "list": "Entity List",
        "federal_register_notice": "83 FR 37423; 87 FR 77505",
    }
    assert event.agent[0].id == "agency:us-bis"
    assert event.attr_entities["list"].id == "list:entity-list"
    target = event.target[0]
    assert target.text == cetc.name
    assert target.id == "org:china-electronics-technology-group-corporation-13th-research-institute"
    assert doc.text[event.start : event.end] == event.evidence
    for mention in result.entities:
        assert doc.text[mention.start : mention.end] == mention.text


def test_removal_document_is_dated_by_the_snapshot():
    entry = {"entry_key": "EL|x co|2019-06-24", "list_code": "EL", "name": "X Co.", "entity_type": None,
             "start_date": "2019-06-24", "federal_register_notice": "84 FR 29371", "document": "csl:abc"}  # fmt: skip
    doc, result = csl.removal_document("csl", entry, "2026-10-02")
    (event,) = result.events
    assert event.attrs == {"action": "remove", "list": "Entity List"}
    assert (event.date, doc.published, doc.title) == ("2026-10-02", "2026-10-02", "Entity List: X Co. removed")
    again, _ = csl.removal_document("csl", entry, "2026-10-02")
    assert again.id == doc.id  # the same removal seen twice is one document


def test_list_ids_and_names_match_the_gazetteer():
    gazetteer = default_gazetteer()
    for info in csl.LISTS.values():
        for entity_id, name in ((info.list_id, info.list_name), (info.authority_id, info.authority_name)):
            entry = gazetteer.get(entity_id)
            if entry is not None:
                assert entry.canonical == name, entity_id


def test_known_companies_link_to_their_gazetteer_id():
    gazetteer = default_gazetteer()
    company = next(e for e in gazetteer.entries.values() if e.type == "ORG" and e.aliases)
    ref = csl.target_ref(company.aliases[0], "Entity")
    assert ref.id == company.id and ref.canonical == company.canonical
    person = csl.target_ref("JOHN EXAMPLE SMITH", "Individual")
    assert person.id == "person:john-example-smith"
