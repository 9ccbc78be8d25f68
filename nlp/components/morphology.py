"""The stock attribute ruler and lemmatizer, evaluated over arrays.

Both stock components are pure functions of token attributes, yet on our
texts they cost about a sixth of the model's time: the ruler runs a Matcher
with ~180 patterns over every token and applies each match through a Span,
and the rule lemmatizer re-derives the lemma of every base form ("the",
"company") because its own cache only keeps inflected ones. This component
reads the ruler's own patterns and calls the model's own lemmatizer, so its
output is the stock one (a test compares them token by token); but a token's
attributes depend only on its tag, lower-case form and dependency label (and,
for a handful of two-token patterns, its neighbour's), so it works them out
once per such combination and once per lemma, and looks them up after that.
A long text brings thousands of new combinations, so each is tested only
against the patterns that could match it: those naming its lower-case form,
tag or label, and the few that name none of these. The lemmas come from the
model's own rules, through a copy of its lemmatizer whose word lists are sets:
the stock tables hold them as lists (57,000 nouns) that every candidate form
is searched for from the start.

A pattern it cannot evaluate (an operator or attribute the model does not use
today) makes it run the two stock components instead, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# What a pattern may test, as positions in a token's signature.
_SIGNATURE = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_READ = [TAG, LOWER, DEP, IS_SPACE, ORTH, POS, MORPH, LEMMA]
# Written for the whole document at once; anything else (TAG and DEP of
# whitespace tokens) is rare and set token by token, as the ruler does.
_BULK = (POS, MORPH, LEMMA)
# A long-running worker sees new words forever: start afresh rather than grow without bound.
_CACHE_LIMIT = 500_000

Signature = tuple[int, int, int, int]
Test = Callable[[Signature, Callable[[int], str]], bool]


class UnsupportedPattern(ValueError):
    """A ruler pattern this component does not know how to evaluate."""


def _value_key(value: object, strings) -> int:
    """A pattern's value as the integer a token's signature holds."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings.add(value) if value else 0
    raise UnsupportedPattern(f"value {value!r}")


def _value_test(position: int, spec: object, strings) -> Test:
    if not isinstance(spec, dict):
        wanted = _value_key(spec, strings)
        return lambda signature, text: signature[position] == wanted
    if len(spec) != 1:
        raise UnsupportedPattern(f"predicate {spec!r}")
    ((operator, argument),) = spec.items()
    if operator in ("IN", "NOT_IN"):
        values = frozenset(_value_key(v, strings) for v in argument)
        if operator == "IN":
            return lambda signature, text: signature[position] in values
        return lambda signature, text: signature[position] not in values
    if operator == "REGEX" and position == _SIGNATURE["LOWER"]:
        pattern = re.compile(argument)
        return lambda signature, text: pattern.search(text(signature[position])) is not None
    raise UnsupportedPattern(f"operator {operator!r}")


def _token_test(token_spec: dict, strings) -> Test:
    tests = []
    for name, spec in token_spec.items():
        if name not in _SIGNATURE:
            raise UnsupportedPattern(f"attribute {name!r}")
        tests.append(_value_test(_SIGNATURE[name], spec, strings))
    return lambda signature, text: all(test(signature, text) for test in tests)


def _required_values(token_spec: dict, strings) -> tuple[int, frozenset[int]] | None:
    """A signature position and the values it must hold for `token_spec` to match, if the spec fixes one.

    The lower-case form is preferred, as it rules out the most tokens, then the tag, then the label.
    """
    for name in ("LOWER", "TAG", "DEP"):
        spec = token_spec.get(name)
        if spec is None or isinstance(spec, bool):
            continue
        if isinstance(spec, str):
            return _SIGNATURE[name], frozenset({_value_key(spec, strings)})
        if isinstance(spec, dict) and len(spec) == 1 and isinstance(spec.get("IN"), list):
            return _SIGNATURE[name], frozenset(_value_key(value, strings) for value in spec["IN"])
    return None


@dataclass
class _Sequence:
    """One alternative of one ruler entry: `order` is the entry's rank, later ranks win."""

    order: int
    tests: list[Test]
    target: int
    attrs: dict[int, int]


@dataclass
class _Effects:
    """What the single-token patterns do to tokens of one signature, and which longer ones start there."""

    applied: list[tuple[int, dict[int, int]]]
    result: dict[int, int]
    starts: list[_Sequence] = field(default_factory=list)
    others: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.others = _others(self.result)


def _others(result: dict[int, int]) -> dict[int, int]:
    return {attr: value for attr, value in result.items() if attr not in _BULK}


def _fold(applied: list[tuple[int, dict[int, int]]]) -> dict[int, int]:
    result: dict[int, int] = {}
    for _order, attrs in sorted(applied, key=lambda entry: entry[0]):
        result.update(attrs)
    return result


def _with_indexed_forms(lemmatizer: Lemmatizer) -> Lemmatizer:
    """The same lemmatizer, its lists of known forms turned into sets.

    The rule lemmatizer only asks whether a form is in the list, so a set
    answers the same; the stock component keeps its tables as they are.
    """
    indexed = type(lemmatizer)(
        lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode, overwrite=lemmatizer.overwrite
    )
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            lookups.add_table(name, {key: frozenset(forms) for key, forms in table.items()})
        else:
            lookups.add_table(name, dict(table.items()))
    indexed.lookups = lookups
    return indexed


class Morphology:
    """POS, morphology and lemmas as the stock attribute ruler and lemmatizer set them."""

    def __init__(self, nlp: Language, ruler_name: str = "attribute_ruler", lemmatizer_name: str = "lemmatizer"):
        self.ruler = nlp.get_pipe(ruler_name)
        self.lemmatizer = nlp.get_pipe(lemmatizer_name)
        self.effects: dict[Signature, _Effects] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}
        # Which sequences can start at a token with a given value at a signature position
        # (by index into `sequences`), and those that name no value and must always be tried.
        self.starting_with: dict[int, dict[int, list[int]]] = {}
        self.always_tried: list[int] = []
        try:
            self.sequences: list[_Sequence] | None = self._compile(nlp.vocab.strings)
        except UnsupportedPattern:
            self.sequences = None
        if getattr(self.lemmatizer, "overwrite", False) or getattr(self.lemmatizer, "mode", "rule") != "rule":
            self.sequences = None
        else:
            self.rule_lemmatizer = _with_indexed_forms(self.lemmatizer)

    def _compile(self, strings) -> list[_Sequence]:
        sequences = []
        for order, (entry, attrs) in enumerate(zip(self.ruler.patterns, self.ruler.attrs, strict=True)):
            if any(not isinstance(attr, int) for attr in attrs):
                raise UnsupportedPattern("extension attributes")
            for pattern in entry["patterns"]:
                index = entry["index"]
                if not -len(pattern) <= index < len(pattern):
                    raise UnsupportedPattern(f"index {index} outside a pattern of {len(pattern)} tokens")
                tests = [_token_test(token, strings) for token in pattern]
                required = _required_values(pattern[0], strings)
                if required is None:
                    self.always_tried.append(len(sequences))
                else:
                    position, values = required
                    for value in values:
                        self.starting_with.setdefault(position, {}).setdefault(value, []).append(len(sequences))
                sequences.append(_Sequence(order, tests, index % len(pattern), dict(attrs)))
        return sequences

    def _possible_starts(self, signature: Signature) -> list[int]:
        """Indices of the sequences whose first token could match `signature`, in pattern order.

        Every other sequence requires a value the signature does not hold, so
        its first test would fail; skipping it leaves the effects unchanged.
        """
        possible = set(self.always_tried)
        for position, by_value in self.starting_with.items():
            possible.update(by_value.get(signature[position], ()))
        return sorted(possible)

    def _effects_of(self, signature: Signature, text: Callable[[int], str]) -> _Effects:
        assert self.sequences is not None
        applied, starts = [], []
        for index in self._possible_starts(signature):
            sequence = self.sequences[index]
            if not sequence.tests[0](signature, text):
                continue
            if len(sequence.tests) == 1:
                applied.append((sequence.order, sequence.attrs))
            else:
                starts.append(sequence)
        return _Effects(applied, _fold(applied), starts)

    def __call__(self, doc: Doc) -> Doc:
        if self.sequences is None or not len(doc):
            return self.lemmatizer(self.ruler(doc))
        if len(self.effects) > _CACHE_LIMIT or len(self.lemmas) > _CACHE_LIMIT:
            self.effects.clear()
            self.lemmas.clear()
            self.rule_lemmatizer.cache.clear()
        strings = doc.vocab.strings
        text = strings.__getitem__
        tags, lowers, deps, spaces, orths, pos, morphs, lemmas = doc.to_array(_READ).T.tolist()
        signatures = list(zip(tags, lowers, deps, spaces, strict=True))
        effects = []
        for signature in signatures:
            found = self.effects.get(signature)
            if found is None:
                found = self.effects[signature] = self._effects_of(signature, text)
            effects.append(found)
        # the ruler matches every pattern against the tokens as they were, then
        # applies the matches in pattern order, so later patterns win
        later: dict[int, list[tuple[int, dict[int, int]]]] = {}
        count = len(signatures)
        for i, found in enumerate(effects):
            for sequence in found.starts:
                width = len(sequence.tests)
                if i + width <= count and all(
                    test(signatures[i + k], text) for k, test in enumerate(sequence.tests[1:], start=1)
                ):
                    later.setdefault(i + sequence.target, []).append((sequence.order, sequence.attrs))
        singles = []
        for i, found in enumerate(effects):
            if i in later:
                result = _fold(found.applied + later[i])
                others = _others(result)
            else:
                result, others = found.result, found.others
            if not result:
                continue
            pos[i] = result.get(POS, pos[i])
            morphs[i] = result.get(MORPH, morphs[i])
            lemmas[i] = result.get(LEMMA, lemmas[i])
            if others:
                singles.append((i, others))
        doc.from_array([POS, MORPH], np.array([pos, morphs], dtype=np.uint64).T)
        for i, attrs in singles:
            set_token_attrs(doc[i], attrs)
        cache = self.lemmas
        for i, key in enumerate(zip(orths, pos, morphs, strict=True)):
            if lemmas[i]:
                continue
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = strings.add(self.rule_lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc


@Language.factory("regwatch_morphology", default_config={})
def make_morphology(nlp: Language, name: str) -> Morphology:
    return Morphology(nlp)
