"""Near-identical copies across sources are linked, never dropped (store.neardup + upsert_documents)."""

from __future__ import annotations

from ingest.records import Document
from store import db as store
from store import neardup

WIRE = (
    "The Commerce Department on Tuesday added 23 Chinese companies to the Entity List, citing their role in "
    "supplying advanced computing chips to military end users. The companies include makers of servers, "
    "memory and networking equipment, and the rule takes effect immediately. Officials said the additions "
    "follow a months-long review of shipments routed through third countries, and that further actions are "
    "expected. Industry groups warned that the move could disrupt supply chains for data centers in Asia and "
    "raise costs for American cloud providers that depend on Chinese components."
)
OTHER = (
    "The Federal Trade Commission sued to block the merger of two chip equipment makers, saying the deal would "
    "reduce competition for lithography tools used in advanced semiconductor fabs. The complaint, filed in "
    "federal court in the District of Columbia, asks for a preliminary injunction while the agency's "
    "administrative trial proceeds. The companies said they would fight the lawsuit and that the combination "
    "would speed innovation. Analysts expect the case to take most of next year to resolve in court."
)


def doc(source: str, key: str, text: str, title: str = "Commerce adds 23 companies to Entity List") -> Document:
    return Document(id=f"{source}:{key}", source=source, text=text, title=title, guid=key)


def setup(db, *sources):
    for name in sources:
        store.upsert_source(db, {"name": name, "kind": "rss"})


def near(db, doc_id):
    return db.execute("SELECT near_duplicate_of FROM documents WHERE id = ?", [doc_id]).fetchone()[0]


def test_identical_text_from_another_source_is_linked(fresh_db):
    setup(fresh_db, "wire", "outlet")
    store.upsert_documents(fresh_db, [doc("wire", "1", WIRE)])
    store.upsert_documents(fresh_db, [doc("outlet", "1", WIRE)])
    assert near(fresh_db, "outlet:1") == "wire:1"


def test_wire_copy_with_dateline_footer_and_an_edit_is_linked(fresh_db):
    setup(fresh_db, "wire", "outlet-a", "outlet-b", "other")
    copy_a = (
        "WASHINGTON (Reuters) - "
        + WIRE.replace("on Tuesday", "on Tuesday,")
        + " Reporting by Jane Roe; Editing by Bo Li."
    )
    copy_b = (
        "By Staff Writer | Washington. "
        + WIRE.replace("23 Chinese", "twenty-three Chinese")
        + " Copyright 2026 Outlet B."
    )
    store.upsert_documents(fresh_db, [doc("wire", "1", WIRE)])
    store.upsert_documents(fresh_db, [doc("outlet-a", "1", copy_a, "US blacklists 23 Chinese chip firms")])
    store.upsert_documents(fresh_db, [doc("outlet-b", "1", copy_b)])
    store.upsert_documents(fresh_db, [doc("other", "1", OTHER, "FTC sues to block chip merger")])
    assert near(fresh_db, "outlet-a:1") == "wire:1"
    assert near(fresh_db, "outlet-b:1") == "wire:1"  # linked to the root, not to outlet-a
    assert near(fresh_db, "other:1") is None
    assert set(store.near_duplicates(fresh_db, "outlet-a:1")) == {"wire:1", "outlet-b:1"}
    # Every copy stays a document of its own source.
    assert fresh_db.execute("SELECT count(*) FROM documents").fetchone()[0] == 4


def test_same_source_and_short_texts_are_not_linked(fresh_db):
    setup(fresh_db, "wire", "outlet")
    store.upsert_documents(fresh_db, [doc("wire", "1", WIRE), doc("wire", "2", WIRE + " Updated.")])
    assert near(fresh_db, "wire:2") is None  # one outlet re-publishing is an update, not a wire copy
    store.upsert_documents(fresh_db, [doc("wire", "3", "Commerce adds companies to the Entity List today.")])
    store.upsert_documents(fresh_db, [doc("outlet", "3", "Commerce adds companies to the Entity List on Tuesday.")])
    assert near(fresh_db, "outlet:3") is None
    assert neardup.signature("too short to fingerprint") is None


def test_signatures_and_bands():
    sig = neardup.signature(WIRE)
    assert sig is not None and len(sig) == neardup.HASHES
    assert neardup.signature(WIRE).tolist() == sig.tolist()  # stable across calls (and runs: fixed seeds)
    edited = neardup.signature("WASHINGTON (AP) - " + WIRE)
    assert neardup.similarity(sig, edited) >= neardup.THRESHOLD
    assert set(neardup.bands(sig)) & set(neardup.bands(edited))
    assert neardup.similarity(sig, neardup.signature(OTHER)) < 0.2
    assert neardup.decode(neardup.encode(sig)).tolist() == sig.tolist()


def test_band_lookup_uses_the_primary_key_index(fresh_db):
    plan = fresh_db.execute(
        "EXPLAIN QUERY PLAN SELECT document FROM document_minhash_bands WHERE band = 5 AND source < 'x' LIMIT 16"
    ).fetchall()
    assert any("SEARCH" in str(row[-1]) and "PRIMARY KEY (band=? AND source<?)" in str(row[-1]) for row in plan), plan
