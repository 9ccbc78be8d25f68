"""The shortcuts that make extraction cheap give exactly what the slow way gives."""

from __future__ import annotations

import json
import re

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc

from app import config
from nlp.casing import alias_matches, letter_counts
from nlp.gazetteer import default_gazetteer
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


def _effects_by_full_scan(morphology, signature, text):
    """What the ruler's single-token patterns do to a token, trying every pattern as the ruler does."""
    applied, starts = [], []
    for sequence in morphology.sequences:
        if sequence.tests[0](signature, text):
            if len(sequence.tests) == 1:
                applied.append((sequence.order, sequence.attrs))
            else:
                starts.append(sequence)
    return applied, starts


def test_morphology_tries_every_pattern_that_could_match(extractor):
    """Indexing the patterns by the form, tag or label they name leaves out only patterns that fail."""
    morphology = extractor.nlp.get_pipe("regwatch_morphology")
    assert morphology.sequences is not None
    strings = extractor.nlp.vocab.strings
    texts = ODD_TEXTS + _eval_texts(20) + [t.lower() for t in _eval_texts(5)] + [t.upper() for t in _eval_texts(5)]
    with extractor.nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(extractor.nlp.pipe(texts))
    signatures = {(t.tag, t.lower, t.dep, int(t.is_space)) for doc in docs for t in doc}
    # and every form and label a pattern names, under every tag the model has, whether or not a text had it
    tags = [strings.add(tag) for tag in extractor.nlp.get_pipe("tagger").labels] + [0]
    some_lowers = [strings.add(word) for word in ("the", "is", "'s", " ", "fined")]
    named = {position: set(by_value) for position, by_value in morphology.starting_with.items()}
    for tag in tags:
        for lower in named.get(1, set()) | set(some_lowers):
            signatures.add((tag, lower, 0, 0))
        for dep in named.get(2, set()) | {0}:
            signatures |= {(tag, lower, dep, space) for lower in some_lowers for space in (0, 1)}
    for signature in signatures:
        found = morphology._effects_of(signature, strings.__getitem__)
        applied, starts = _effects_by_full_scan(morphology, signature, strings.__getitem__)
        assert (found.applied, found.starts) == (applied, starts), [strings[v] for v in signature[:3]]


def _alias_regex(forms):
    """The alternation of every alias that `alias_matches` stands in for."""
    names = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _alias_texts(forms):
    aliases = sorted(forms)
    texts = [t.lower() for t in _eval_texts(40)] + _eval_texts(10) + [t.upper() for t in _eval_texts(5)]
    # every alias, touching its neighbours in every way that does and does not make it a whole word
    for joint in (" ", "-", "'s ", "x", "_."):
        texts.append(joint.join(aliases))
    texts.append(" ".join(alias[:-1] for alias in aliases))
    texts.append("\n" + ", ".join(reversed(aliases)) + ".")
    texts += [
        "",
        "u.s.",
        "the u.s.-china talks and u.s.china, non-u.s. firms",
        "united states-based, united statesman, the united states of america's ban",
        "ÜNITED STATES and united states",
    ]
    return texts


@pytest.mark.parametrize("forms_source", ["gazetteer", "punctuation"])
def test_alias_lookup_agrees_with_the_alternation_regex(forms_source):
    forms = default_gazetteer().truecase_forms()
    if forms_source == "punctuation":
        # aliases that start or end outside a word, which the gazetteer has none of today
        forms = {**forms, ".net framework": ".NET Framework", "(sic)": "(SIC)", "a&b": "A&B", "c++": "C++", "x": "X"}
    regex = _alias_regex(forms)
    forms_key = tuple(sorted(forms.items()))
    for text in _alias_texts(forms):
        expected = [(match.start(), match.group(1)) for match in regex.finditer(text)]
        assert list(alias_matches(text, forms_key)) == expected, text[:80]


def test_indexed_lemmatizer_gives_the_stock_lemmas(extractor, stock):
    """The lemmatizer whose word lists are sets lemmatizes every word as the stock one does, under every POS."""
    morphology = extractor.nlp.get_pipe("regwatch_morphology")
    theirs = stock.get_pipe("lemmatizer")
    tables = theirs.lookups
    known = set()
    for name in ("lemma_index", "lemma_exc"):
        for forms in tables.get_table(name).values():
            known |= set(list(forms)[:100])
    # known words, their inflections, unknown words, and words that rules turn into known or unknown forms
    words = sorted(known) + [
        w + suffix for w in sorted(known)[:200] for suffix in ("s", "es", "ed", "ing", "er", "est")
    ]
    words += ["companies", "banned", "fined", "sanctioned", "zzyzxes", "Acme", "U.S.", "'s", "n't", "3rd", "e-mails"]
    morphs = ["", "Number=Plur", "Number=Sing", "Tense=Past|VerbForm=Fin", "Degree=Cmp"]
    for pos in ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX", "PRON", "ADP", "PUNCT", "NUM", "X"):
        for morph in morphs:
            doc = Doc(stock.vocab, words=words, pos=[pos] * len(words), morphs=[morph] * len(words))
            for token in doc:
                assert morphology.rule_lemmatizer.lemmatize(token) == theirs.lemmatize(token), (token.text, pos, morph)


def test_letter_counts_agree_with_counting_one_by_one():
    def one_by_one(text):
        letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
        return len(letters), sum(1 for c in letters if c.isupper())

    every_character = "".join(chr(code) for code in range(0x2FFF) if not 0xD800 <= code <= 0xDFFF)
    texts = ["", "abc", "ABC def", "ÀÉÎõü ǅ ß ﬁ İ \u212a Ａｂ Ⓐⓑ 中文 ١٢ ½", every_character, every_character.upper()]
    texts += _eval_texts(20) + [t.lower() for t in _eval_texts(5)] + [t.upper() for t in _eval_texts(5)]
    for text in texts:
        assert letter_counts(text) == one_by_one(text), text[:40]
