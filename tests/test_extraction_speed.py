"""The shortcuts that make extraction cheap give exactly what the slow way gives."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from app import config
from nlp.pipeline import DocInput, ExtractorPool, KeywordFinder, keep_abbreviations_whole
from tests.conftest import ROOT

EVAL = ROOT / "tests" / "data" / "eval"
# Contractions, whitespace tokens, pronouns, auxiliaries: what the ruler's exceptions are about.
ODD_TEXTS = [
    "",
    " ",
    "\n\n  \n",
    "gonna got ta let's c'm on y'all ain't 'nuff doin' It is there is. I ca n't  go\n  ",
    "He wo n't, they'd had it. ai nt. She has been fined; it was being reviewed and was n't lifted.",
    "THE COMMISSION FINED ACME CORP. ON MONDAY.",
    "the department of justice charged him with fraud, and they pleaded guilty.",
]


def _eval_texts(limit: int = 40) -> list[str]:
    rows = [json.loads(line) for line in (EVAL / "dev2.jsonl").read_text(encoding="utf-8").splitlines()]
    return [row["text"][:3000] for row in rows[:limit]]


@pytest.fixture(scope="module")
def stock():
    nlp = spacy.load(config.model_name())
    # the comparison is of morphology, so both sides start from the same tokens
    keep_abbreviations_whole(nlp)
    return nlp


def test_morphology_matches_the_stock_ruler_and_lemmatizer(extractor, stock):
    """POS, tags, morphology, lemmas and parses are those of the stock components, token by token."""
    assert "regwatch_morphology" in extractor.nlp.pipe_names
    texts = ODD_TEXTS + _eval_texts() + [t.lower() for t in _eval_texts(10)]
    parse = ["tok2vec", "tagger", "parser"]
    with extractor.nlp.select_pipes(enable=[*parse, "regwatch_morphology"]):
        mine = list(extractor.nlp.pipe(texts))
    with stock.select_pipes(enable=[*parse, "attribute_ruler", "lemmatizer"]):
        theirs = list(stock.pipe(texts))
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for a, b in zip(theirs, mine, strict=True):
        assert a.to_array(attrs).tolist() == b.to_array(attrs).tolist(), a.text[:80]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_keyword_finder_agrees_with_the_regex():
    finder = KeywordFinder()
    assert finder.forms is not None
    texts = [
        "The agency banned it.",
        "a BAN on exports",
        "unbanned banners",
        "Rulings were issued",
        "xban",
        "sanctions_list",
        "Ｂan",  # full-width letter: not ASCII, left to the regex
        "the K\u212aelvin ban",
        "nothing here at all",
    ] + _eval_texts(20)
    for text in texts:
        for start, end in [(0, len(text)), (1, len(text)), (0, max(0, len(text) - 2)), (3, 12)]:
            if start > end:
                continue
            expected = finder.regex.search(text, start, end) is not None
            assert finder.search(text, start, end) == expected, (text[:40], start, end)


def test_batched_extraction_equals_one_at_a_time(extractor):
    rows = [json.loads(line) for line in (EVAL / "dev.jsonl").read_text(encoding="utf-8").splitlines()][:12]
    items = [DocInput.from_json(row) for row in rows]
    items.insert(3, DocInput("empty", "   "))
    items.insert(5, DocInput("bad-date", "The agency fined Acme.", published="yesterday"))
    single = [extractor.extract(item).to_json() for item in items]
    batched = [result.to_json() for result in extractor.extract_many(items)]
    assert batched == single
    assert batched[5]["error"]


def test_pool_keeps_input_order_with_one_worker():
    items = [DocInput(str(i), f"The Commission fined Acme Corp. {i} dollars.", "2026-01-02") for i in range(11)]
    with ExtractorPool(1, chunksize=4) as pool:
        assert [r.id for r in pool.map(iter(items))] == [item.id for item in items]
