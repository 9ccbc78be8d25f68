"""Building the spaCy pipelines and running extraction over documents.

Two pipelines share the same entity components:

* the *light* one (tokenizer, sentencizer, gazetteer, products, linker; no
  statistical model) reads every sentence of a document, cheaply;
* the *full* one (the pinned model plus the same components and the event
  finder) parses only the sentences that contain a trigger word.

Parsing only what can hold an event is what makes extraction cost less than
running the stock model over the whole text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from rapidfuzz.distance import JaroWinkler, Levenshtein
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from app import config
from nlp import acts, extensions  # noqa: F401  (registers the Span/Doc attributes)
from nlp.assemble import (
    assemble,
    fold_court_penalties,
    fold_headlines,
    fold_restated_rulings,
    fold_unnamed_listings,
    merge_repeats,
    without_carrier_rules,
)
from nlp.casing import blank_docket_labels, clear_page_furniture, decode_character_references, normalise_case
from nlp.components import entities as entity_components  # noqa: F401  (registers factories)
from nlp.components import events as event_components  # noqa: F401  (registers factories)
from nlp.components import gazetteer as gazetteer_component  # noqa: F401  (registers factories)
from nlp.components import morphology as morphology_component  # noqa: F401  (registers factories)
from nlp.components.events import Candidate, RoleFiller, _audience
from nlp.gazetteer import DEFAULT_DIR as GAZETTEER_DIR
from nlp.gazetteer import default_gazetteer
from nlp.records import DocResult, EntityRef, Event, Mention
from nlp.rules import RULES_DIR, default_rules

CODE_VERSION = "1"
# Text longer than this is cut before analysis (spaCy refuses > 1,000,000 chars
# per Doc, and nothing a feed carries needs more to state its events).
MAX_TEXT_CHARS = 1_000_000
# The light pass reads long texts in segments of about this size.
SEGMENT_CHARS = 100_000
# Sentences longer than this are parsed in windows (a run-on "sentence" of
# pasted tables would otherwise cost the parser quadratic time).
MAX_SENTENCE_CHARS = 1_500
_IRREGULAR_FORMS = (
    "held", "brought", "met", "took", "taken", "won", "got", "paid", "struck", "threw", "thrown", "sought", "put",
    "cut", "shut", "hit", "made", "led", "began", "begun", "drew", "drawn", "froze", "frozen", "sued", "laid", "set",
    "found", "upheld", "withdrew", "withdrawn", "pled", "sent", "forbade", "forbidden", "became", "went", "gone",
)  # fmt: skip


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Changes whenever the extraction code, rules or gazetteers change, so `process` redoes old results."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    code_dir = Path(__file__).resolve().parent
    for folder in (RULES_DIR, GAZETTEER_DIR, code_dir, code_dir / "components"):
        for path in sorted(Path(folder).glob("*")):
            if path.suffix not in (".py", ".json", ".jsonl"):
                continue
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return f"{CODE_VERSION}-{digest.hexdigest()[:10]}"


# A line break inside a paragraph that a printer or scanner wrapped: a long line of prose, going
# on with a word on the next line (not a numbered paragraph, a bullet, a docket row or a column)
_WRAPPED_BREAK = re.compile(r"(?<=[^\n]{50})(?<![:;])[ \t]*\n(?=[ \t]*[A-Za-z(\"'“‘$])(?![^\n]*[ \t]{3})")
_SET_OUT_LINE = re.compile(r"[^\n]*[ \t]{3}\S")


def unwrap_lines(text: str) -> str:
    """The text with wrapped lines joined by spaces, same length: the parser reads a line break
    inside a sentence as a token of its own and parses the sentence around it badly."""

    def join(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _SET_OUT_LINE.match(text, line_start, match.start()):
            return match.group(0)  # a caption or table row set out in columns
        next_end = text.find("\n", match.end())
        following = text[match.end() : next_end if next_end >= 0 else len(text)].strip()
        # the match starts at the line's first trailing blank, so the character before it ends the line
        if text[match.start() - 1] in ".!?" and (len(following) < 60 or following.isupper()):
            return match.group(0)  # a sentence ended, and a heading or a short line stands under it
        return " " * len(match.group(0))

    return _WRAPPED_BREAK.sub(join, text)


def keep_abbreviations_whole(nlp: Language) -> None:
    """Company-name and title abbreviations ("Pte.", "Sdn.", "Sens.") stay one token with their full stop."""
    for abbreviation in default_rules().lexicon.abbreviations:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _add_entity_components(nlp: Language, *, before: str | None) -> None:
    keep_abbreviations_whole(nlp)
    where = {"before": before} if before else {}
    nlp.add_pipe("regwatch_gazetteer", **where)


@Language.component("regwatch_abbreviation_bounds")
def keep_abbreviations_in_sentence(doc: Doc) -> Doc:
    """ "fines totalling approx. € 31.6 million": the parser must not end the sentence at "approx."."""
    for token in doc[1:]:
        previous = doc[token.i - 1].text
        if not previous.endswith("."):
            continue  # every abbreviation the test knows ends in its full stop
        following = doc[token.i : token.i + 2].text
        if previous == "." and token.i > 1:
            previous = doc[token.i - 2].text + "."  # "approx" "." as two tokens
        if _continues_after_abbreviation(previous, following):
            token.is_sent_start = False
    return doc


# a heading line: a few words, no sentence punctuation at its end ("3. KENYA: Twende found in breach")
_HEADING_WORDS = 12
_PARAGRAPH_LINE = 100


@Language.component("regwatch_heading_bounds")
def end_sentences_at_headings(doc: Doc) -> Doc:
    """A newsletter's item heading is no part of the sentence under it: the parser would make
    "Twende found in breach Kenya's Office ... found" one clause. Nor is a dateline: "DAYTON,
    Ohio – A former director ... was sentenced" has no subject "DAYTON"."""
    text = doc.text  # spaCy joins every token's text again at each call
    for line in re.finditer(r"(?:^|\n)(?=[A-Z])", text[:3000]):
        dateline = _DATELINE.match(text, line.end())  # the one the lede reader below strips
        if dateline is not None:
            opening = doc.char_span(dateline.end(), dateline.end() + 1, alignment_mode="expand")
            if opening is not None and opening.start > 0 and not doc[opening.start].is_space:
                doc[opening.start].is_sent_start = True
    line_start = 0
    for token in doc:
        if not (token.is_space and "\n" in token.text) or token.i + 1 >= len(doc):
            continue
        line = doc[line_start : token.i]
        following = doc[token.i + 1]
        line_start = token.i + 1
        words = [t for t in line if not t.is_space]
        if not words or len(words) > _HEADING_WORDS or following.is_space:
            continue
        if words[-1].is_punct and words[-1].text not in (")", "]"):
            continue  # a sentence's end, or a line broken after a comma or hyphen
        opener = line.start == 0 or (doc[line.start - 1].is_space and doc[line.start - 1].text.count("\n") >= 2)
        # under a heading runs a paragraph; a column of short lines is one sentence wrapped
        next_line = text[following.idx : text.find("\n", following.idx) % (len(text) + 1)]
        if opener and len(next_line) >= _PARAGRAPH_LINE and (following.is_title or following.is_upper):
            following.is_sent_start = True
    return doc


def build_nlp(model: str | None = None) -> Language:
    """The full pipeline: the pinned model plus regwatch's components."""
    nlp = spacy.load(model or config.model_name())
    if "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        # same attributes and lemmas as the two stock components, at a fraction of their cost
        nlp.add_pipe("regwatch_morphology", after="lemmatizer")
        nlp.disable_pipe("attribute_ruler")
        nlp.disable_pipe("lemmatizer")
    _add_entity_components(nlp, before="ner")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("regwatch_abbreviation_bounds", before="parser")
        nlp.add_pipe("regwatch_heading_bounds", before="parser")
    nlp.add_pipe("regwatch_companies", after="ner")
    nlp.add_pipe("regwatch_products", after="regwatch_companies")
    nlp.add_pipe("regwatch_linker", after="regwatch_products")
    nlp.add_pipe("regwatch_events", last=True)
    return nlp


def build_light_nlp() -> Language:
    """Tokenizer-level pipeline: sentences and gazetteer/product entities, no model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _add_entity_components(nlp, before=None)
    nlp.add_pipe("regwatch_companies")
    nlp.add_pipe("regwatch_products")
    nlp.add_pipe("regwatch_linker")
    return nlp


@dataclass
class DocInput:
    id: str
    text: str
    published: str | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> DocInput:
        if not isinstance(row, dict):
            raise ValueError("input line is not a JSON object")
        text = row.get("text")
        if not isinstance(text, str):
            raise ValueError("input has no 'text' string")
        return cls(
            id=str(row.get("id", "")),
            text=text,
            published=row.get("published"),
            title=row.get("title"),
            metadata=row.get("metadata") or {},
        )


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"published {value!r} is not an ISO date") from None


def _inflections(lemma: str) -> set[str]:
    """The forms a trigger lemma takes in text ("ban": bans, banned, banning)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # ban -> banned
    return forms


def _keyword_forms() -> frozenset[str]:
    forms = set(_IRREGULAR_FORMS)
    for lemma in default_rules().keywords():
        forms |= _inflections(lemma)
    return frozenset(form.lower() for form in forms)


def _keyword_regex() -> re.Pattern[str]:
    """Whole words that can be a trigger: cheaper than parsing every sentence to find out."""
    forms = _keyword_forms()
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b", re.IGNORECASE)


_WORD = re.compile(r"\w+")


class KeywordFinder:
    """Whether a stretch of text holds a trigger word, as `_keyword_regex` decides, faster.

    The regex tries its ~1,200 alternatives at every word; looking each word up
    in a set does the same when the forms are plain words, which they are. A
    word that is not ASCII (where case-insensitive matching has its own rules)
    or a stretch that starts inside a word (where the regex needs a boundary)
    is left to the regex itself.
    """

    def __init__(self) -> None:
        self.regex = _keyword_regex()
        forms = _keyword_forms()
        self.forms = forms if all(_WORD.fullmatch(form) for form in forms) else None

    def search(self, text: str, start: int, end: int) -> bool:
        inside_word = start > 0 and _WORD.fullmatch(text, start - 1, start + 1) is not None
        if self.forms is None or inside_word:
            return self.regex.search(text, start, end) is not None
        forms = self.forms
        for word in _WORD.findall(text, start, end):
            if word.isascii():
                if word.lower() in forms:
                    return True
            elif self.regex.fullmatch(word):
                return True
        return False


# "Brussels, 7 May 2025 - ", "WASHINGTON — ", "NEW YORK (Reuters) -": a dateline
# parsed as part of the sentence becomes its subject.
_DATELINE = re.compile(
    r"[A-Z][A-Za-z .'-]{1,40}"
    r"(?:,\s*[A-Z][A-Za-z.]{1,12}(?=,\s*(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2})))?"  # "SAN JOSE, Calif., Jan 29"
    r"(?:,\s*(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2})(?:,? \d{4})?)?"
    r"(?:,\s*[A-Z][A-Za-z.]{1,12})?"
    r"(?:\s*\([A-Za-z .]+\))?(?:\s*[-\u2013\u2014]{1,2}\s+|[\u2013\u2014](?=[A-Z]))"  # "WASHINGTON—The"
    r"|[A-Z][A-Za-z .'-]{1,40},\s*[A-Z][a-z]+\.? \d{1,2}\s*\([A-Za-z .]+\):\s+"  # "LAHORE, Mar 4 (APP): "
)


# "2.1 Caldermoor launched ...", "(b) The Respondent ...": a paragraph's number is no part of its sentence
_PARAGRAPH_NUMBER = re.compile(r"(?:\d{1,2}\.(?:\d{1,3}\.?)*|\([a-z0-9]{1,4}\))[ \t]+(?=[A-Z\"\u201c])")


_LEDE_WORDS = 5
_SENTENCE_ENDS = frozenset(".!?:;\"'\u201d\u2019)")
_RUN_ON_WORDS = 25
_LABEL_LINE = re.compile(r"[ \t]*(?:Abstract|Summary|Action|Dates?|Agency|Subject|Description|Issues?|Purpose):[ \t]")

# "Connected Vehicle Sourcing Act: By 84 yeas to 13 nays, Senate passed S. 1847", "Adjournment: The
# House met at 10 a.m.": a digest's run-in label, which the parser would take for the subject.
# A body's name as label ("Committee on the Judiciary: Committee ordered ...") says who acts: kept.
_RUN_IN_LABEL = re.compile(
    r"[A-Z][\w.'&-]*(?:,?[ \t]+(?:[A-Z][\w.'&-]*|of|on|and|the|for|in|to|a)){0,8}:[ \t]+(?=[A-Z])"
)


def _lede_end(analysed: str, sentences: list[tuple[int, int]]) -> int:
    """Where the lede ends: after the first two sentences that say something. A page's title
    lines, its date line and a "HIGHLIGHTS" heading come before it."""
    if not sentences:
        return 0
    worded = [(span, analysed[span[0] : span[1]].split()) for span in sentences]
    worded = [(span, words) for span, words in worded if len(words) >= _LEDE_WORDS]
    # ("News item | 06-08-2026 | Ministry of Foreign Affairs" and a headline under it are no
    # sentences: what says something ends as a sentence does, or runs on like one)
    told = (
        [span for span, words in worded if words[-1][-1] in _SENTENCE_ENDS or len(words) >= _RUN_ON_WORDS]
        or [span for span, _ in worded]
        or sentences
    )
    return told[min(1, len(told) - 1)][1]


def _skip_dateline(text: str, start: int, end: int) -> int:
    # a sentence after a blank line starts with the newline; the parse should not
    while start < end and text[start].isspace():
        start += 1
    numbered = _PARAGRAPH_NUMBER.match(text, start, end)
    if numbered:
        start = numbered.end()
    labelled = _RUN_IN_LABEL.match(text, start, end)
    if (
        labelled
        and labelled.end() - start <= 60
        and not _INSTITUTION.search(labelled.group(0))
        # "KOREA: PLATFORM BILL CLEARS THE ASSEMBLY" is a section heading, label and all
        and any(c.islower() for c in text[labelled.end() : min(end, labelled.end() + 40)])
    ):
        start = labelled.end()
    match = _DATELINE.match(text, start, end)
    if match and match.end() - start < 80:
        return match.end()
    return start


_LINE_BREAK = re.compile(r"\n")
# A sentence "ending" in one of these, followed by a number or a lower-case
# word, was cut at an abbreviation ("a penalty of Rs. 318 crore").
_ABBREVIATION_END = re.compile(
    r"\b(Rs|No|Nos|Co|Corp|Inc|Ltd|Mr|Mrs|Ms|Dr|St|Sec|Art|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"approx|est|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Pvt|Cir|Fed|Reg|Stat|Supp|Dist|Ct|App|U\.S|v|vs|e\.g|i\.e|et al|"
    r"s\.r\.o|S\.A|N\.V|B\.V|S\.p\.A|Pte|Bhd|Sdn|L\.P|P\.C|a\.s|S\.A\.S|Ltda|LTDA|K\.K|Res)\.$"
)


_CURRENCY_AMOUNT = re.compile(r"[A-Z]{3}\s?\d")


def _continues_after_abbreviation(tail: str, following: str) -> bool:
    """Whether text ending in `tail` goes on with the words starting `following` ("Rs. 318 crore",
    "approx. € 31.6 million", "approx. EUR 2.9 million"): an abbreviation's full stop before a
    number, an amount or a lower-case word."""
    first = following[:1]
    if tail.endswith("Pub.") and first == "L":
        return True  # "Pub. L. 116-92", how a public law is cited
    if re.search(r"\bNos?\.\s*\(?$", tail) and (first == "(" or first.isdigit()):
        return True  # "Cabinet Resolution No. (117) of 2026", however the sentencizer cut it
    return bool(
        _ABBREVIATION_END.search(tail)
        and first
        and (first.isdigit() or first.islower() or first in "€$£¥" or _CURRENCY_AMOUNT.match(following))
    )


def _join_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous_start, previous_end = joined[-1]
            tail = text[previous_start:previous_end].rstrip()
            following = text[start:end].lstrip()[:12]
            if _continues_after_abbreviation(tail, following):
                joined[-1] = (previous_start, end)
                continue
        joined.append((start, end))
    return joined


# a line ending in one of these goes on below it: "... Office of the Assistant Secretary for"
_CONTINUING_WORDS = frozenset("a an and the of for to in on by with or from at as that".split())


def _split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans further cut where the text's own layout ends a unit.

    A blank line always ends one; a single line break ends one after a line
    that closes with punctuation or looks like a heading ("Background",
    "ACTION: Final rule.", a docket entry); a hard-wrapped paragraph's lines
    stay joined.
    """
    cut = start
    for match in _LINE_BREAK.finditer(text, start, end):
        at = match.start()
        line_start = text.rfind("\n", cut, at) + 1 or cut
        line = text[max(line_start, cut) : at].strip()
        blank_next = text[at + 1 : at + 2] == "\n" or not text[at + 1 : end].strip()
        words = line.split()
        heading = 0 < len(words) <= 8 and all(not w[0].islower() for w in words)
        if (
            not heading
            and 0 < len(words) <= 10
            and line[0].isupper()
            and line[-1].isalnum()
            and words[-1].lower() not in _CONTINUING_WORDS
        ):
            # "UK regulator opens investigation into Kinpal" over a long paragraph: a sentence-case
            # heading; a hard-wrapped paragraph's lines run to much the same length
            next_break = text.find("\n", at + 1)
            following = text[at + 1 : next_break if next_break >= 0 else len(text)].strip()
            heading = following[:1].isupper() and len(following) >= max(60, 1.5 * len(line))
        # "12/03/2025 - Counter Terrorism Designations" heads the item below it, and so does
        # "Judgment of the General Court in Case T-214/23 | Veltrona Logistik v Commission"
        heading = heading or (
            len(words) <= 16 and (acts.DATED_ITEM.match(line) is not None or (" | " in line and line[-1] not in ",;"))
        )
        # "Abstract: On September 8 ..." below a document's title: the label opens a new unit
        labelled_next = _LABEL_LINE.match(text, at + 1, end) is not None
        if line and (blank_next or line[-1] in ".:;!?)" or heading or labelled_next):
            yield cut, at
            cut = at + 1
    if text[cut:end].strip():
        yield cut, end


def _windows(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """Split an over-long sentence at spaces into parseable windows."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
    yield start, end


_INSTITUTION = re.compile(
    r"\b(attorney|office|department|commission|agency|bureau|ministry|authority|court|division|administration)\b",
    re.IGNORECASE,
)


# "(Division)", "(the “Bureau”)", "(Greyfinch or the Company)": a defined term right after a name
_DEFINED_TERM = re.compile(
    r"\s*\((?:the\s+)?[\"“'‘]?(?P<term>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})[\"”'’]?"
    # '("Quayside" or "Respondent")': both terms stand for the name
    r"(?:\s+or\s+(?:the\s+)?(?:[\"“](?:the\s+)?(?P<other>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})[\"”]|[^)]{1,30}))?\)"
)


# "... has made the following decision:", "the Authority hereby:" closing the line before an act
_ANNOUNCES_BELOW = re.compile(r"\b(?:decision|decided|orders?|hereby|determination|as follows)\s*:\s*$", re.I)


def _announcing_body(mentions: list, text: str | None, start: int) -> EntityRef | None:
    """The agency whose sentence, ending in a colon just above an act, announces it."""
    if not text:
        return None
    above = text[max(0, start - 400) : start].rstrip()
    if not _ANNOUNCES_BELOW.search(above):
        return None
    line_start = max(0, start - 400) + max(above.rfind("\n"), 0)
    body = next((m for m in reversed(mentions) if m.id and m.label == "AGENCY" and line_start <= m.start < start), None)
    return EntityRef(body.text, body.canonical, body.id, body.label) if body else None


def _document_author(mentions: list) -> EntityRef | None:
    """The body a document speaks for: of the agencies and offices it names first, the one it
    names most (a decision's note on where an appeal goes names the appeals board first), the
    first of them on a tie."""
    # prosecutors and regulators speak for themselves; a court named first is where, not who
    bodies = [
        m
        for m in mentions[:40]
        if m.id
        and (
            m.label == "AGENCY"
            or (
                m.label == "ORG"
                and _INSTITUTION.search(m.canonical or "")
                and not re.search(r"\bcourt\b", m.canonical or "", re.IGNORECASE)
            )
        )
    ]
    if not bodies:
        return None
    named = Counter(m.id for m in mentions if m.id)
    chosen = max(bodies, key=lambda m: named[m.id])  # max keeps the first of equals
    return EntityRef(chosen.text, chosen.canonical, chosen.id, chosen.label)


# "granted the SEC's request for a temporary restraining order", "granted summary judgment to
# DOD": the side that won, which a ruling is not against
_GRANTED_TO = re.compile(
    r"\bgrant(?:ed|s|ing)?\b[^.;]{0,60}?(?:\b(?P<owner>[A-Z][^.;]{1,60}?)(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:motion|request|application|petition)\b|\b(?:judgment|relief)\s+(?:to|for|in favou?r of)\s+(?P<to>[^.;,]{2,60}))"
)
# "DENY the petition", "dismisses the action": the filer loses
_FILING_REFUSED = re.compile(
    r"\b(?:den(?:y|ies|ied)|dismiss(?:es|ed)?|reject(?:s|ed)?)\s+(?:the\s+)?(?:petition|action|appeal|application|complaint)\b",
    re.IGNORECASE,
)


# "dismissed an appeal by the operator of ... Threadhollow against a £1.05 million fine": the one
# whose appeal or challenge failed
_CHALLENGE_FAILED = re.compile(
    r"\b(?:dismiss(?:es|ed)?|reject(?:s|ed)?|den(?:y|ies|ied)|refus(?:es|ed)|throws?\s+out|threw\s+out)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:appeal|challenge|petition|application|bid|suit|lawsuit)\s+"
    r"(?:(?:lodged|brought|filed)\s+)?by\s+(?P<by>[^.;]{2,160}?)(?=\s+(?:against|over|to)\b|[,.;]|$)",
    re.IGNORECASE,
)


def _rulings_on_the_losing_side(events: list[Event], mentions: list, main_party: Mention | None) -> None:
    """A ruling acts on the side that lost: not the agency whose motion it granted, nor the body
    a dismissed action was brought against when the text is about the one who brought it."""
    parties = [m for m in mentions if m.id and m.label in ("ORG", "PERSON", "AGENCY", "GOV")]
    for event in events:
        if event.type != "ruling":
            continue
        won = _GRANTED_TO.search(event.evidence)
        benched = {r.id for r in event.agent if r.id}
        failed = _CHALLENGE_FAILED.search(event.evidence)
        if failed is not None:
            start, end = event.start + failed.start("by"), event.start + failed.end("by")
            losers = [m for m in parties if start <= m.start < end and m.id not in benched and m.label != "COURT"]
            if losers:
                event.target = [EntityRef(losers[0].text, losers[0].canonical, losers[0].id, losers[0].label)]
                continue
        if won is not None:
            group = "owner" if won["owner"] else "to"
            start, end = event.start + won.start(group), event.start + won.end(group)
            winners = {m.id for m in parties if start <= m.start < end}
            if not winners or not {r.id for r in event.target if r.id} <= winners:
                continue
            # the other side, as the sentence names it after the winner ("... freezing Wattleby's accounts")
            others = [
                m
                for m in parties
                if end <= m.start < event.end and m.id not in winners and m.id not in benched and m.label != "COURT"
            ]
            if not others and main_party is not None and main_party.id not in winners | benched:
                others = [main_party]
            if others:
                event.target = [EntityRef(m.text, m.canonical, m.id, m.label) for m in others[:1]]
        elif (
            _FILING_REFUSED.search(event.evidence)
            and main_party is not None
            and main_party.id not in benched
            and event.target
            and all(r.type in ("AGENCY", "GOV") for r in event.target)
        ):
            # "the General Court dismisses the action" in a summary about the company that brought it
            event.target = [EntityRef(main_party.text, main_party.canonical, main_party.id, main_party.label)]


def _main_party(mentions: list, text: str) -> Mention | None:
    """The organisation or person a text keeps coming back to, counting its short name too.

    "Pulsefit Labs Inc." is named once in full and then as "Pulsefit" five
    times; the model tags only some of those, so the first word's
    occurrences in the text are counted.
    """
    best, best_count = None, 1
    seen: set[str] = set()
    lexicon = default_rules().lexicon
    for mention in mentions:
        if not mention.id or mention.label not in ("ORG", "PERSON") or mention.id in seen:
            continue
        seen.add(mention.id)
        words = (mention.canonical or mention.text).split()
        named = (
            mention.id in default_gazetteer()
            or lexicon.has_legal_suffix(mention.canonical or mention.text)
            or lexicon.has_legal_suffix(mention.text)  # "... Private Limited" shown without it
            or (mention.label == "PERSON" and len(words) >= 2)
        )
        # a coined name without its legal form ("Commission fines Quorvane EUR 412 million") is the
        # party when the head names it and the text keeps coming back to it
        headlined = mention.label == "ORG" and mention.start < 300 and len(words) <= 3
        if not named and not headlined:
            continue  # "Annex", "Section": words a model mistook for organisations
        # a person comes back by surname, which may be written first ("Wei Jianhong ... Wei")
        shortest = 2 if mention.label == "PERSON" else 4
        names = {words[0], words[-1]} if mention.label == "PERSON" else {words[0]}
        names = {w.strip(".,'’\"") for w in names}
        names = {w for w in names if len(w) >= shortest and w[:1].isupper()}
        if not names:
            continue
        count = max(len(re.findall(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)) for w in names)
        if not named and count < 4:
            continue
        if count > best_count:
            best, best_count = mention, count
    return best


_VAGUE_TARGET = re.compile(r"^(the|this|that) (matter|case|conduct|allegations?|practices?)$", re.IGNORECASE)


# what an inquiry looks into when it is not a party: a deal, an incident, a site, a practice
_THING_INQUIRED = re.compile(
    r"^(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:deal|acquisition|transaction|merger|incident|failure|"
    r"breach|crash|accident|refinery|facility|plant|feature|system|line|site|premises|practices?|conduct|"
    r"collapse|outage|leak|fire|explosion)(?:\s+the same day)?$",
    re.IGNORECASE,
)


_WITNESSES = re.compile(r"\bwitnesses (?:included|were)\s+|\btestimony from\s+|\bheard from\s+", re.IGNORECASE)


def _vague(refs: list) -> bool:
    """A target that only points back at "the matter" rather than naming anyone."""
    return bool(refs) and all(not ref.id and _VAGUE_TARGET.match(ref.text.strip()) for ref in refs)


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTED = re.compile(r"^(?:the )?(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s", re.I)
_NAMING_SENTENCE = re.compile(r"^(?:the|these|those) (?:[\w-]+ ){0,2}[\w-]+s\b|^they (?:are|were|include)\b", re.I)


def _name_counted_parties(event, text: str, mentions: list) -> None:
    """ "fines on three manufacturers of valves. The companies fined are X, Y and Z.": the
    next sentence names the parties the act only counted."""
    if event.type not in ("penalty", "designation", "investigation", "lawsuit", "order") or not text:
        return
    if not event.target or any(ref.id for ref in event.target):
        return
    counted = _COUNTED.match(event.target[0].text.strip())
    if counted is None:
        return
    following = text[event.end : event.end + 500]
    lead = len(following) - len(following.lstrip())
    sentence = following.strip()
    for stop in re.finditer(r"[.!?](?=\s+[A-Z])", sentence):
        if not _ABBREVIATION_END.search(sentence[: stop.end()]):  # "GmbH & Co. KG" goes on
            sentence = sentence[: stop.end()]
            break
    if not _NAMING_SENTENCE.match(sentence):
        return
    start = event.end + lead
    named = []
    for m in mentions:
        if (
            start <= m.start < start + len(sentence)
            and m.label in ("ORG", "PERSON")
            and m.id not in {r.id for r in named}
        ):
            named.append(EntityRef(m.text, m.canonical, m.id, m.label))
    count = counted.group("count").lower()
    limit = int(count) if count.isdigit() else _COUNT_WORDS.get(count, 8)
    if len(named) >= 2:
        event.target = named[:limit]


def _prosecuting(party) -> bool:
    """A criminal caption's first side: the government, however the caption writes it."""
    if party.type in ("GOV", "AGENCY"):
        return True
    return bool(
        re.fullmatch(r"(?:the )?(?:united states(?: of america)?|u\.?s\.?a?\.?|people|state of \w+)", party.text, re.I)
    )


def _probe_continues_its_matter(events: list) -> None:
    """ "The application follows an investigation that the Bureau launched in September": an
    agency's probe that names nobody is into whom the same agency's act just told concerns."""
    placed = sorted((e for e in events if e.trigger_start is not None), key=lambda e: e.trigger_start)
    for i, probe in enumerate(placed):
        agents = {ref.id for ref in probe.agent if ref.id}
        if probe.type != "investigation" or not agents or any(ref.id for ref in probe.target):
            continue
        earlier = (
            e
            for e in reversed(placed[:i])
            if probe.trigger_start - e.trigger_start < 800
            and e.type in ("lawsuit", "penalty", "order", "designation")
            and agents & {ref.id for ref in e.agent}
            and any(ref.id for ref in e.target)
        )
        matter = next(earlier, None)
        if matter is not None:
            probe.target = [ref for ref in matter.target if ref.id]


# the act a suit "challenged" in place of its maker, and the kinds of event it may be
_CHALLENGED_ACTS = {
    "listing": ("designation",),
    "designation": ("designation",),
    "order": ("order", "suspension"),
    "ban": ("order", "suspension"),
    "rule": ("rule",),
    "regulation": ("rule",),
    "fine": ("penalty",),
    "penalty": ("penalty",),
    "forfeiture": ("penalty",),
    "decision": ("penalty", "order", "suspension", "designation"),
    "decree": ("penalty", "order", "suspension", "designation", "rule"),
    "determination": ("order", "designation"),
    "identification": ("designation",),
    "addition": ("designation",),
    "inclusion": ("designation",),
    "revocation": ("order", "suspension"),
    "suspension": ("suspension", "order"),
    "blocking": ("suspension", "order"),
    "directive": ("order",),
    "direction": ("investigation", "order"),
    "resolution": (
        "penalty",
        "order",
        "suspension",
    ),  # "an amparo lawsuit against the resolution"  # "challenged the Section 26(1) direction" to investigate
    "sanctions": ("designation", "penalty"),
    "measure": ("order", "suspension", "rule"),
}

# a ruling that turns down the suing side: its request denied, the judgment the other side's
_AGAINST_THE_MOVANT = re.compile(
    r"\b(?:den(?:y|ied|ies)|dismiss(?:ed|es)?|reject(?:ed|s)?|refus(?:ed|es)|declin(?:ed|es)|upheld|uphold)\b"
    r"|\bjudgment\s+(?:for|in\s+favou?r\s+of)\s+the\s+(?:department|government|agency|bureau|commission|united\s+states)\b",
    re.IGNORECASE,
)

# "filed suit ... challenging its listing", "had challenged its identification": the act named
_CHALLENGE_OF = re.compile(
    r"\bchalleng(?:e|es|ed|ing)\s+(?:its|their|the)\s+(?:[a-z-]+\s+){0,2}?(?P<act>"
    + "|".join(_CHALLENGED_ACTS)
    + r")\b",
    re.IGNORECASE,
)


# a British statutory instrument is named "The ... Order 2026": delegated legislation, made by a
# minister, not an order on anyone
_STATUTORY_INSTRUMENT = re.compile(r"Order (?:19|20)\d\d\b(?! ?[-/])")

_ANNULMENT_OF = re.compile(
    r"\b(?:annulment|annul|set aside|quash(?:ing)?)\b[^.;]{0,60}?\b(?P<act>decision|determination|regulation|order|fine|penalty|designation|listing)\b",
    re.IGNORECASE,
)


def _act_named_by(target: list) -> tuple[str, ...] | None:
    """The kinds of event a suit's only target names in place of its maker: "the listing",
    "the final decision to the High Court" (the phrase's first noun or so), else None."""
    if len(target) != 1:
        return None
    words = re.findall(r"[a-z]+", target[0].text.lower())
    if words[:2] == ["review", "of"]:
        words = words[2:]  # "filed a petition for review of the order": the order is challenged
    if words[:1] not in (["the"], ["its"], ["their"], ["this"], ["that"]):
        return None
    return next((_CHALLENGED_ACTS[w] for w in words[1:3] if w in _CHALLENGED_ACTS), None)


# "dismissed that action", "blocked the law": a ruling's object the suit told just before is about
_SUIT_NAMED = re.compile(r"(?:the|that|this|her|his|its|their)(?:\s+[\w-]+){1,2}", re.IGNORECASE)


def _suit_challenges_the_act(events: list) -> None:
    """ "The PTA had blocked the application ... Baithak Digital filed a writ petition three days
    later": a suit that names no defendant, brought by the party an official act just hit, is
    against that act's maker; and the ruling told next, if it names no party, is on that suit."""
    placed = sorted((e for e in events if e.trigger_start is not None), key=lambda e: e.trigger_start)
    for i, suit in enumerate(placed):
        plaintiffs = {ref.id for ref in suit.agent if ref.id}
        if suit.type != "lawsuit" or not suit.agent:
            continue
        plaintiff_names = {(ref.canonical or ref.text).lower() for ref in suit.agent}
        if suit.target and (
            {ref.id for ref in suit.target} <= plaintiffs
            # "Nanjing Ruicheng had challenged its identification": its full name is the plaintiff too
            or all(
                any((ref.canonical or ref.text).lower().startswith(n) for n in plaintiff_names) for ref in suit.target
            )
            or all(not ref.id and ref.text.lower() in ("review", "its", "their") for ref in suit.target)
        ):
            # "challenged its identification" (the plaintiff's own), "a petition for review": no defendant
            suit.target = []
        named_act = _act_named_by(suit.target)
        annulled = _ANNULMENT_OF.search(suit.evidence or "") or _CHALLENGE_OF.search(suit.evidence or "")
        if named_act is None and not suit.target and annulled:
            # "brought an action ... seeking the annulment of the Specification Decision"
            named_act = _CHALLENGED_ACTS[annulled["act"].lower()]
        if named_act is None and not suit.target and re.search(r"\bpetition\s+for\s+review\b", suit.evidence or ""):
            named_act = ("order", "penalty", "designation", "rule", "suspension")  # an agency's act, reviewed
        defended = bool(suit.target) and (named_act is None or bool(suit.target[0].id))
        if not defended:
            if named_act is None and not plaintiffs:
                continue  # whose act it was is told only by who suffered it
            kinds = named_act or ("penalty", "order", "suspension", "designation", "rule", "investigation")
            challenged = next(
                (
                    e
                    for e in reversed(placed[:i])
                    # (an act the suit names, "the order", may have been told well before)
                    if suit.trigger_start - e.trigger_start < (3000 if named_act else 800)
                    and e.type in kinds
                    and (named_act or plaintiffs & {ref.id for ref in e.target})
                    and any(ref.id and ref.type in ("AGENCY", "GOV") for ref in e.agent)
                ),
                None,
            )
            if challenged is not None:
                suit.target = [ref for ref in challenged.agent if ref.id and ref.type in ("AGENCY", "GOV")]
        ruling = next((e for e in placed[i + 1 :] if e.type == "ruling"), None)
        if ruling is not None and ruling.trigger_start - suit.trigger_start < 800:
            _rule_on_the_suit(ruling, suit, defended)


def _rule_on_the_suit(ruling, suit, defended: bool) -> None:
    """The ruling told just after a suit, if it names no party, is on that suit: "the court remanded
    the matter to the Department" on its defendant; "denied the stay", "entered judgment for the
    Department" on the one who sued. After a suit against a named party, only a ruling on "the
    complaint" or "the law" is on it, not one that "upheld the listing of another battery supplier"."""
    defendants = {ref.text.lower() for ref in suit.target}
    on_the_suit = not defended or all(
        _SUIT_NAMED.fullmatch(ref.text) or ref.text.lower() in defendants for ref in ruling.target
    )
    if on_the_suit and not any(ref.id for ref in ruling.target):
        against_plaintiff = _AGAINST_THE_MOVANT.search(ruling.evidence or "")
        ruling.target = list(suit.agent if against_plaintiff else suit.target) or ruling.target


def complete_from_document(
    events: list,
    document_acts: list,
    parties: tuple[list, list],
    gazetteer,
    text: str = "",
    all_mentions: list | None = None,
) -> None:
    """Fill what a sentence leaves implicit but the document states.

    A lawsuit in a court filing with no named sides is the caption's; an
    undated act by the document's own issuer (BIS adding entities inside
    BIS's rule) happens on the document's date; "this case" continues the
    previous event's target.
    """
    plaintiffs, defendants = parties
    president = gazetteer.get("gov:us-president")
    sides = {"defendant": defendants, "plaintiff": plaintiffs}
    for event in events:
        # "the district court granted summary judgment against the defendants": the caption says who
        for role in ("agent", "target"):
            refs = getattr(event, role)
            named = [
                ref
                for ref in refs
                if not re.fullmatch(r"(the )?(defendant|plaintiff)s?(-\w+)?", ref.text.strip(), re.IGNORECASE)
            ]
            if len(named) < len(refs):
                side = [
                    party
                    for ref in refs
                    if ref not in named
                    for party in sides["defendant" if "defendant" in ref.text.lower() else "plaintiff"]
                ]
                if side:
                    setattr(event, role, named + [p for p in side if p.id not in {r.id for r in named}])
        said = " ".join([event.attrs.get("form") or "", event.attrs.get("instrument") or "", event.evidence]).lower()
        if (
            event.type == "order"
            and not event.agent
            and president
            and re.search(r"\bexecutive order\b|\bproclamation\b", said)
        ):
            # an executive order or proclamation is the President's by definition
            event.agent = [EntityRef(president.canonical, president.canonical, president.id, president.type)]
        if event.type == "ruling":
            # "ORDER GRANTING DEFENDANTS' MOTION TO DISMISS": the ruling goes against the plaintiff
            said = event.evidence
            if text and event.trigger_start is not None:
                said += " " + " ".join(text[event.trigger_start : event.trigger_end + 60].split())
            loser = acts.motion_loser(said)
            losing = sides.get(loser or "", [])
            named_sides = {p.id for p in plaintiffs + defendants if p.id}
            if losing and (
                not any(ref.id for ref in event.target) or {r.id for r in event.target if r.id} <= named_sides
            ):
                event.target = list(losing)
        if (
            event.type == "ruling"
            and defendants
            and not any(ref.id for ref in event.target)
            and not (losing and event.target == losing)
        ):
            # "we affirm", "the petition is granted": a court's decision in a case acts on
            # the party the case was brought against
            event.target = list(defendants)
        if event.type == "lawsuit":
            if not event.target and defendants:
                event.target = list(defendants)
            if not event.agent and plaintiffs:
                event.agent = list(plaintiffs)
        if event.type == "penalty" and not event.agent and plaintiffs and all(_prosecuting(p) for p in plaintiffs):
            # "Dziadosz was indicted in September 2022" under "United States v. Dziadosz"
            event.agent = list(plaintiffs)
    _probe_continues_its_matter(events)
    for act in document_acts:
        if act.type != "order" or not any(ref.id == "gov:us-president" for ref in act.agent):
            continue
        # An executive order's own operative sentences ("United States persons are
        # prohibited...", "I instruct the Attorney General...") are that order.
        for event in list(events):
            if event is act or event.type != "order" or event not in events:
                continue
            agents = {ref.id for ref in event.agent}
            same_issuer = not event.agent or agents <= {"gov:us-president", None}
            same_day = not event.date or event.date == act.date
            if same_issuer and same_day:
                for ref in event.target:
                    if ref.id and ref.id not in {r.id for r in act.target} and ref.type not in ("GOV",):
                        act.target.append(ref)
                for key, value in event.attrs.items():
                    act.attrs.setdefault(key, value)
                events.remove(event)
    for act in document_acts:
        issuers = {ref.id for ref in act.agent if ref.id}
        for ref_id in list(issuers):
            entry = gazetteer.get(ref_id)
            while entry is not None and entry.parent:
                issuers.add(entry.parent)
                entry = gazetteer.get(entry.parent)
        for event in events:
            if event is act or event.date or not act.date:
                continue
            agents = {ref.id for ref in event.agent if ref.id}
            family = set()
            for agent_id in agents:
                entry = gazetteer.get(agent_id)
                family.add(agent_id)
                if entry is not None and entry.parent:
                    family.add(entry.parent)
            if agents and family & issuers:
                event.date, event.date_precision = act.date, act.date_precision
    for act in document_acts:
        if act.type != "ruling":
            continue
        # "IT IS HEREBY ORDERED that the motion is GRANTED": the operative words of the
        # opinion the document is, not a second ruling by whichever court it cited
        for event in list(events):
            operative = (
                re.search(r"\b(hereby|so) ordered\b", event.evidence, re.IGNORECASE) or (event.trigger or "").isupper()
            )
            # (dated, if at all, no earlier than the act: "The Motion is GRANTED" read in the lede
            # takes the day the order was posted)
            later = event.date is None or (act.date is not None and event.date >= act.date)
            if event is not act and event.type == "ruling" and operative and later:
                for key, value in event.attrs.items():
                    act.attrs.setdefault(key, value)
                events.remove(event)
    court = next((m for m in all_mentions or [] if m.label == "COURT" and m.id), None)
    # "U.S. District Judge Helen Sorensby ... also ordered him to forfeit": the one judge a
    # release names handed down its sentence, with the court
    judges = {
        m.id: m
        for m in all_mentions or []
        if m.label == "PERSON" and m.id and re.search(r"\bjudge\s+$", text[max(0, m.start - 12) : m.start], re.I)
    }
    judge = next(iter(judges.values())) if len(judges) == 1 else None
    for event in events:
        if event.type == "ruling" and not event.agent and court is not None:
            event.agent = [EntityRef(court.text, court.canonical, court.id, "COURT")]
            if judge is not None:
                event.agent.append(EntityRef(judge.text, judge.canonical, judge.id, "PERSON"))
    for event in events:
        listed_on = event.attr_entities.get("list")
        entry = gazetteer.get(listed_on.id) if listed_on is not None and listed_on.id else None
        owner = gazetteer.get(entry.parent) if entry is not None and entry.parent else None
        if event.type == "designation" and not event.agent and owner is not None:
            # "Quanxin Holdings was added to the Entity List in 2024": the list's keeper did it,
            # whichever body the report names first
            event.agent = [EntityRef(owner.canonical, owner.canonical, owner.id, owner.type)]
    author = _document_author(all_mentions or [])
    # pleas, indictments and sentences are announced by prosecutors, whoever else is named first
    prosecutor = next(
        (
            EntityRef(m.text, m.canonical, m.id, m.label)
            for m in all_mentions or []
            if m.id and re.search(r"\battorney\b|\bjustice\b|prosecut", m.canonical or "", re.IGNORECASE)
        ),
        None,
    )
    agency_order = bool(acts.matter_party(text, all_mentions or [])) if text else False
    if author is not None:
        for event in events:
            # "A Hong Kong man pleaded guilty today": a release's own actions are its issuer's
            if not event.agent and event.type in (
                "penalty",
                "investigation",
                "designation",
                "rule",
                "lawsuit",
                "order",
            ):
                # an agency's own order "In the Matter of" a respondent fines by itself, whoever it may refer to
                prosecuted = event.type == "penalty" and (_CRIMINAL_PENALTY.search(event.evidence) or not agency_order)
                issuer = prosecutor if prosecuted and prosecutor is not None else author
                # "the Norwegian Data Protection Authority (Datatilsynet) has made the following
                # decision: / X is ordered to pay": the body that announces the decision just above
                announcer = _announcing_body(all_mentions or [], text, event.start)
                issuer = announcer or issuer
                if not any(ref.id == issuer.id for ref in event.target):
                    event.agent = [issuer]
    # (after the issuer is known: "was identified on the list ... the company filed suit")
    _suit_challenges_the_act(events)
    # The party a release or filing is about: the organisation or person it names most
    # (at least twice). "The FTC opened its investigation in 2023" is about that party.
    main_party = _main_party(all_mentions or [], text)
    _rulings_on_the_losing_side(events, all_mentions or [], main_party)
    if main_party is not None:
        party_word = (main_party.canonical or main_party.text).split()[0].lower()
        for event in events:
            if _vague(event.target):
                event.target = []  # "investigate the matter": the matter is the party's conduct
            cited_order = event.attrs.get("form", "").startswith("executive order")
            if (
                not event.target
                and not cited_order
                and event.type
                in (
                    "investigation",
                    "penalty",
                    "lawsuit",
                    "order",
                    "suspension",
                    "ruling",
                )
            ):
                acting = {
                    (ref.canonical or ref.text).split()[0].lower() for ref in event.agent if ref.canonical or ref.text
                }
                if main_party.id not in {ref.id for ref in event.agent} and party_word not in acting:
                    event.target = [EntityRef(main_party.text, main_party.canonical, main_party.id, main_party.label)]
            elif (
                event.type == "investigation"
                and not any(ref.id for ref in event.target)
                and all(_THING_INQUIRED.match(ref.text.strip()) for ref in event.target)
                and main_party.id not in {ref.id for ref in event.agent}
            ):
                # "CFIUS began reviewing the deal", "opened an investigation of the failure": an
                # inquiry into what the party did is an inquiry into the party the text is about
                event.target = event.target + [
                    EntityRef(main_party.text, main_party.canonical, main_party.id, main_party.label)
                ]
    for event in events:
        if event.type == "launch" and not event.agent and event.target and event.start is not None:
            # "Yakamoz, developed by Kıyı Yazılım A.Ş., was launched in 2023": its maker launched it
            said = text[event.start : event.end]
            maker = re.search(r"\b(?:developed|made|built|created|designed|produced|operated|owned) by\s+", said)
            makers = [
                m
                for m in all_mentions or []
                if maker is not None and m.start == event.start + maker.end() and m.label == "ORG" and m.id
            ]
            if not makers and main_party is not None and main_party.label == "ORG":
                # "Chattoro was released in Europe last September" in a story about its maker
                if main_party.id not in {ref.id for ref in event.target}:
                    makers = [main_party]
            event.agent = [EntityRef(m.text, m.canonical, m.id, m.label) for m in makers[:1]]
    for event in events:
        placeholder = (
            event.target
            and not any(ref.id for ref in event.target)
            and all(
                re.match(
                    r"^(the )?(following |above |listed )?(\d+ |two |three |several )?(entities|entity|entry|entries|companies|company|persons?|individuals?|parties)\b",
                    ref.text,
                    re.IGNORECASE,
                )
                for ref in event.target
            )
        )
        announces_a_list = re.search(
            r"\bthe following (?:\w+ )?(?:persons?|entit(?:y|ies)|entr(?:y|ies)|individuals?|companies|parties|vessels?|addresses)\b",
            event.evidence,
            re.IGNORECASE,
        )
        if event.type == "designation" and (not event.target or placeholder or announces_a_list) and all_mentions:
            # "THE FOLLOWING ENTITIES HAVE BEEN ADDED TO THE SDN LIST:" and then the list, up to
            # the next act the text tells ("The following entity has been removed ...")
            stop = min([e.start for e in events if e.start > event.end] + [event.end + 600])
            names = acts.list_entries(text[:stop], event.end) if text else []
            listed = [m for m in all_mentions if event.end <= m.start < stop and m.label in ("ORG", "PERSON")]
            if event.attrs.get("listed_as") == "count":
                listed = []  # "Added: 11 entities (China 6, Iran 3)": the notice names none of them
            # names read off the list lines replace "the following persons"; organisations merely
            # named after it may be the list, or the signer's office, so "12 entities" stays beside them
            listed_refs = [EntityRef(name, None, None, None) for name in names] or (
                [EntityRef(m.text, m.canonical, m.id, m.label) for m in listed[:6]] + event.target if listed else []
            )
            # with no names after it, "19 entities" is still the most the text says
            event.target = listed_refs or event.target
    for event in events:
        _name_counted_parties(event, text, all_mentions or [])
    for event in events:
        if event.type == "order" and "scope" not in event.attrs:
            # "The letter effectively forced ... offline to all customers": the next
            # sentences often spell out whom the order reaches
            following = re.split(r"(?<=[.!?])\s+", text[event.end : event.end + 600].strip())[:2]
            for sentence in following:
                if re.match(
                    r"(the|this|that) (letter|directive|order|ban|notice|measure|proclamation)\b|it ",
                    sentence,
                    re.IGNORECASE,
                ):
                    scope = _audience(sentence)
                    if scope:
                        event.attrs["scope"] = scope
                        break
    for event in events:
        if event.type == "meeting" and "hearing" in (event.trigger or "").lower() and all_mentions:
            # "led a hearing ... Witnesses included Graham Oduya, chief product officer of Pipwhistle
            # Toys": a hearing is held with its witnesses
            said = _WITNESSES.search(text, event.start, event.end + 700)
            if said:
                witnesses = [
                    m for m in all_mentions if said.end() <= m.start < said.end() + 200 and m.label in ("PERSON", "ORG")
                ]
                if witnesses:
                    event.target = [EntityRef(m.text, m.canonical, m.id, m.label) for m in witnesses[:2]]
    for index, event in enumerate(events):
        if not event.target and index and re.search(r"\b(this|the) (case|matter)\b", event.evidence, re.IGNORECASE):
            event.target = list(events[index - 1].target)


# a plea, a charge or a sentence is the prosecutors' to announce; a fine in an agency's order is the agency's
_CRIMINAL_PENALTY = re.compile(
    r"\b(?:plead\w*|pled|guilty|indict\w*|sentenc\w*|convict\w*|charg\w*|prison|imprison\w*|restitution|forfeit\w*)\b",
    re.IGNORECASE,
)

# a sanctions committee's release: "approved the addition of the entry specified below", then
# "QDe.178 Name: DAR AL-RUWAD MONEY EXCHANGE" (an individual's name in numbered parts: "1: YUSUF
# 2: HAMDANI 3: KALBEH 4: na")
_ENTRIES_BELOW = re.compile(
    r"\b(?:entr(?:y|ies)|individuals?|entities)\s+(?:specified\s+|listed\s+)?below\b|\bfollowing\s+entr(?:y|ies)\b",
    re.I,
)
_NAME_LINE = re.compile(r"^[ \t]*(?:[A-Za-z]{2,4}\.\d{2,4}[ \t]+)?Name:[ \t]*(?P<name>[^\n]{2,160}?)[ \t]*$", re.M)
_NAME_PART = re.compile(r"\b\d:\s*")


def _name_entries_below(events: list, text: str) -> None:
    """A listing that points to its entries below takes the names of the entries listed under it,
    up to the next act's sentence."""
    starts = sorted(e.start for e in events)
    for event in events:
        if event.type != "designation" or not _ENTRIES_BELOW.search(event.evidence):
            continue
        stop = next((s for s in starts if s > event.start), len(text))
        named = []
        for line in _NAME_LINE.finditer(text, event.end, stop):
            parts = [p.strip() for p in _NAME_PART.split(line["name"]) if p.strip() and p.strip().lower() != "na"]
            if parts:
                # (a name given in numbered parts is a person's)
                named.append(acts.new_ref(" ".join(parts), "PERSON" if _NAME_PART.search(line["name"]) else "ORG"))
        if named:
            event.target = named


def _the_courts_own_rulings(
    events: list, document_acts: list, parties: tuple[list, list], decided: dt.date | None, published: dt.date
) -> list:
    """A court opinion's own rulings: undated, they are of the day it was decided (else published);
    in its own words ("we reverse", its "So ordered"), dated by its filing line and ruling on the
    parties before the court."""
    caption = list(parties[1]) + list(parties[0])
    changed = False
    opinion = next((a for a in document_acts if a.type == "ruling" and any(r.type == "COURT" for r in a.agent)), None)
    if opinion is not None and decided is None and opinion.date and opinion.date_precision == "day":
        decided = dt.date.fromisoformat(opinion.date)  # "DATED this 6th day of October, 2025." at its foot
    for event in events:
        if event.type == "ruling" and not event.agent and opinion is not None:
            # "The Sherman Act claim against Sorrelgate is dismissed without prejudice": the opinion's words
            event.agent = list(opinion.agent)
            changed = True
        if event.type != "ruling" or not any(r.type == "COURT" for r in event.agent):
            continue
        own_act = any(event is act for act in document_acts)  # "So ordered." under the opinion
        if not event.date:
            # "The petition for review is GRANTED" in the court's own opinion: decided when issued
            event.date, event.date_precision = (decided or published).isoformat(), "day"
        elif not (own_act or _OPINION_SPEAKS.search(event.evidence)):
            continue
        elif decided and (own_act or event.date == published.isoformat()) and event.date != decided.isoformat():
            # "we reverse the Court of Appeals" under "Filed: July 9, 2026": the day it was filed
            event.date, event.date_precision = decided.isoformat(), "day"
            changed = True
        if not {r.id for r in event.target} & {r.id for r in caption}:
            # "we reverse the Court of Appeals", "vacate it as to the APA claim": in the court's
            # own words, the parties before it are what it rules on
            event.target = caption
            changed = True
    # the opinion's words and its "So ordered", one day and one set of parties now
    return merge_repeats(events) if changed else events


def _leading(mentions: list[Mention], label: str) -> EntityRef | None:
    """The entity of a kind the text names most often, if one clearly leads (and is named twice)."""
    ranked = Counter(m.id for m in mentions if m.id and m.label == label).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    top = next(m for m in mentions if m.id == ranked[0][0])
    return EntityRef(top.canonical or top.text, top.canonical, top.id, label)


# what an act whose sentence names no party is aimed at, read from the rest of the text
_PARTY_BY_ROLE = re.compile(
    r"(?:the\s+)?(?:respondents?|defendants?|applicants?|licensees?|registrants?|petitioners?|company|firm)",
    re.IGNORECASE,
)
# a case named by its common noun, which names no party
_THE_CASE = re.compile(
    r"(?:the|this|that)\s+(?:matter|case|conduct|complaints?|allegations?|practices?|information)", re.IGNORECASE
)
_AIMED_AT_A_PARTY = ("investigation", "penalty", "order", "lawsuit", "designation", "ruling", "suspension", "meeting")
_DONE_BY_A_BODY = ("investigation", "penalty", "order", "designation", "rule", "suspension")


_OWN_SUIT = re.compile(r"\b(?:its|their|his|her) (?:law)?suit$", re.IGNORECASE)


def _aim_at_the_paragraphs_party(events: list, text: str) -> None:
    """ "The Delhi High Court last week directed Omnisynth ... Trivarta filed its suit in March": a
    suit whose sentence names no one it is against is against the party its paragraph's act was
    aimed at (a roundup's items are each about a party of their own)."""
    for event in events:
        if event.type != "lawsuit" or event.target or event.trigger_start is None:
            continue
        # ("filed this action" in a filing is the caption's; "filed suit challenging its listing"
        # is against the one that listed it)
        if not _OWN_SUIT.search(text[max(0, event.trigger_start - 12) : event.trigger_end]):
            continue
        agents = {r.id for r in event.agent}
        # (the act told just before it, on the same line: a paragraph of its own)
        before = [e for e in events if e.start < event.start and "\n" not in text[e.start : event.start]]
        if before:
            nearest = max(before, key=lambda e: e.start)
            event.target = [r for r in nearest.target if _copied_party(r, agents)]


def _copied_party(ref, agents: set) -> bool:
    # (a firm, a person or a body: "barring U.S. transactions" names a country in passing)
    return bool(ref.id) and ref.id not in agents and ref.type in ("ORG", "PERSON", "AGENCY")


def _aim_at_the_subject_company(events: list, mentions: list[Mention]) -> None:
    """An inquiry, fine or order whose sentence names no one it is aimed at ("opened an
    investigation in March") is aimed at the company the text is about, the one it names most
    often; a launch that names no maker is that company's; an official act that names no body
    is the act of the body the text names most."""
    company = _leading(mentions, "ORG")
    body = _leading(mentions, "AGENCY")
    for event in events:
        agents = {r.id for r in event.agent}
        if event.type == "ruling" and company is not None and any(r.type == "COURT" for r in event.target):
            # "the court affirmed the Appellate Court's judgment", "revived a proposed class action":
            # a court reviewed is no party, nor is the case; the ruling is on the one the text is about
            parties = [r for r in event.target if r.type != "COURT"]
            event.target = parties if any(r.id for r in parties) else []
        # (an executive order a text cites is aimed at no one company: "In Executive Order 13873 ...")
        cited_order = event.type == "order" and re.search(
            r"executive order|proclamation", " ".join([event.trigger or "", event.attrs.get("form", "")]), re.I
        )
        if (
            company is not None
            and event.type in _AIMED_AT_A_PARTY
            and event.target
            and all(_THE_CASE.fullmatch(r.text) or (r.type == "GOV" and r.id) for r in event.target)
            and any(_THE_CASE.fullmatch(r.text) for r in event.target)
        ):
            # "directed its Director General to investigate the matter": the case is the company's
            event.target = []
        if (
            company is not None
            and event.type == "investigation"
            and event.target
            and not any(r.id for r in event.target)
            and company.id not in agents
            and not any(re.match(r"(?:the\s+)?imports?\b", r.text, re.IGNORECASE) for r in event.target)
            # (a party named by its role in the case is named: "sent Respondent a demand")
            and not any(_PARTY_BY_ROLE.fullmatch(r.text) for r in event.target)
        ):
            # "opened its assessment of the series", "an inquiry into the breach": what was looked
            # into belongs to the company the text is about
            event.target = []
        if (
            company is not None
            and event.type in _AIMED_AT_A_PARTY
            and not event.target
            and company.id not in agents
            and not cited_order
        ):
            event.target = [company]
        if company is not None and event.type == "launch" and not event.agent:
            event.agent = [company]
        if (
            body is not None
            and event.type == "lawsuit"
            and not event.target
            and event.agent
            and all(r.type == "ORG" for r in event.agent)
        ):
            # "Finvanta filed a writ petition three days later": a company's suit against the body
            # the text is about
            event.target = [body]
        if (
            body is not None
            and event.type in _DONE_BY_A_BODY
            and not event.agent
            and body.id not in {r.id for r in event.target}
        ):
            event.agent = [body]


_CONTENTS_LINE = re.compile(
    r"\s*(?:also\s+)?(?:in|inside)\s+(?:this|today's|this week's)\s+(?:issue|edition|newsletter|briefing|roundup)\s*[:,-]",
    re.IGNORECASE,
)

# names every country's courts and chambers share
_BARE_INSTITUTIONS = frozenset(
    {"high court", "supreme court", "court of appeal", "constitutional court", "senate", "national assembly"}
)
# a dateline opening a story: "WELLINGTON, 15 May 2026 —", "NEW DELHI (Reuters) -"
_DATELINE_CITY = re.compile(r"^[ \t]*(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý .'-]{2,30}?)[ \t]*(?:,|\(|—|–|--| -)", re.MULTILINE)

# the court's own voice in its opinion: "We reverse", "we hold", "This Court affirms"
_OPINION_SPEAKS = re.compile(
    r"\b(?:we|this court)\s+(?:\w+\s+){0,2}?(?:reverse|affirm|vacate|remand|hold|grant|deny|dismiss)s?\b", re.I
)

_FIRST_PERSON_ACT = re.compile(r"\s*(?:I|We)\s+(?:(?:have|hereby|also|further|therefore)\s+)*[a-z]+")


class Extractor:
    """Entities and events for documents; one instance per process, reused."""

    def __init__(self, nlp: Language | None = None, light: Language | None = None):
        self.nlp = nlp or build_nlp()
        self.light = light or build_light_nlp()
        self.gazetteer = default_gazetteer()
        self.truecase_forms = self.gazetteer.truecase_forms()
        self.keywords = KeywordFinder()
        self.version = pipeline_version()
        self.dateline_countries = {
            city: country for country, cities in default_rules().lexicon.dateline_cities.items() for city in cities
        }

    # -- passes -------------------------------------------------------------

    def _light_pass(self, text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
        mentions: list[Mention] = []
        sentences: list[tuple[int, int]] = []
        offset = 0
        while offset < len(text):
            end = min(len(text), offset + SEGMENT_CHARS)
            if end < len(text):
                newline = text.rfind("\n", offset + SEGMENT_CHARS // 2, end)
                end = newline + 1 if newline > offset else end
            doc = self.light(text[offset:end])
            pieces = _join_abbreviations(text, [(offset + s.start_char, offset + s.end_char) for s in doc.sents])
            for start, stop in pieces:
                sentences.extend(_split_lines(text, start, stop))
            for ent in doc.ents:
                if ent._.entity_id:
                    mentions.append(
                        Mention(
                            ent.text,
                            ent._.entity_type or ent.label_,
                            offset + ent.start_char,
                            offset + ent.end_char,
                            ent._.canonical,
                            ent._.entity_id,
                        )
                    )
            offset = end
        return mentions, sentences

    def _candidate_spans(self, text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
        spans = []
        for start, end in sentences:
            if self.keywords.search(text, start, end):
                spans.extend(_windows(_skip_dateline(text, start, end), end, text))
        return spans

    @staticmethod
    def _shift_filler(filler: RoleFiller, offset: int) -> None:
        filler.start += offset
        filler.end += offset
        if filler.sentence_start is not None:
            filler.sentence_start += offset

    def _read_windows(self, spans: list[tuple[int, int]], docs: Iterable) -> tuple[list[Candidate], list[Mention]]:
        """Candidates and model entities of parsed windows, with offsets into the whole text."""
        candidates: list[Candidate] = []
        mentions: list[Mention] = []
        for (start, _end), doc in zip(spans, docs, strict=True):
            for ent in doc.ents:
                if ent._.entity_id:
                    mentions.append(
                        Mention(
                            ent.text,
                            ent._.entity_type or ent.label_,
                            start + ent.start_char,
                            start + ent.end_char,
                            ent._.canonical,
                            ent._.entity_id,
                        )
                    )
            for candidate in doc._.event_candidates or []:
                candidate.trigger_start += start
                candidate.trigger_end += start
                candidate.sentence_start += start
                candidate.sentence_end += start
                candidate.token_closeness = [(s + start, e + start, level) for s, e, level in candidate.token_closeness]
                for filler in [*candidate.agent, *candidate.target, *candidate.attr_entities.values()]:
                    self._shift_filler(filler, start)
                candidates.append(candidate)
        return candidates, mentions

    # -- document-level entity work -------------------------------------------

    def _spread_products(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Every occurrence of a product name the document established ("fable5" = "Fable 5")."""
        products = {m.id: m.canonical for m in mentions if m.label == "PRODUCT" and m.id and m.canonical}
        taken = [(m.start, m.end) for m in mentions]
        extra = []
        for entity_id, canonical in products.items():
            parts = canonical.split(" ")
            if len(parts) != 2:
                continue
            pattern = re.compile(rf"(?<![\w-]){re.escape(parts[0])}\s?{re.escape(parts[1])}(?![\w-])", re.IGNORECASE)
            for match in pattern.finditer(text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                extra.append(Mention(match.group(0), "PRODUCT", match.start(), match.end(), canonical, entity_id))
                taken.append((match.start(), match.end()))
        return mentions + extra

    def _spread_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Every occurrence, as written, of a company name the model found somewhere: it often
        misses the same coined name at a sentence's start ("Wendmark, which offers ...")."""
        names = {
            m.text: m
            for m in mentions
            # (and a body the gazetteer does not know: "Datatilsynet" once defined, bare at a sentence's start)
            if m.label in ("ORG", "AGENCY")
            and m.id
            and m.id not in self.gazetteer
            and len(m.text) >= 4
            and m.text[:1].isupper()
        }
        # a person's full name too ("signed by Judge Rebecca Quarles-Nyambe" in each docket entry),
        # in whatever case a single-case text was restored to
        people = {m.text.lower(): m for m in mentions if m.label == "PERSON" and m.id and len(m.text.split()) >= 2}
        taken = [(m.start, m.end) for m in mentions]
        extra = []
        for (name, known), flags in [
            *((item, 0) for item in names.items()),
            *((item, re.I) for item in people.items()),
        ]:
            for match in re.finditer(rf"(?<![\w&.-]){re.escape(name)}(?![\w&-])", text, flags):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                extra.append(Mention(known.text, known.label, match.start(), match.end(), known.canonical, known.id))
                taken.append((match.start(), match.end()))
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _short_name_links(self, mentions: list[Mention]) -> dict[str, Mention]:
        """ "Swiftkart" after "Swiftkart Marketplace Private Limited": the short name of the one full name.

        Only a one-word name the gazetteer does not know, and only when exactly
        one organisation in the document has a full name starting with it.
        """
        organisations = {m.id: m for m in mentions if m.id and m.label == "ORG" and m.canonical}
        agency_heads = default_rules().lexicon.agency_heads
        relink: dict[str, Mention] = {}
        for entity_id, mention in organisations.items():
            word = mention.canonical
            if entity_id in self.gazetteer or " " in word or len(word) < 4:
                continue
            if word.lower() in agency_heads:
                continue  # "the Board" under the headline "Board Orders Halvreth Games": a body's head word
            fuller = [
                other
                for other_id, other in organisations.items()
                if other_id != entity_id and other.canonical.lower().startswith(word.lower() + " ")
            ]
            if len(fuller) == 1:
                relink[entity_id] = fuller[0]
        # "Farrow-Lyle pleaded guilty" after "Desmond Farrow-Lyle, 49,": a person's surname,
        # whatever the model took it for
        people = {m.id: m for m in mentions if m.id and m.label == "PERSON" and m.canonical and " " in m.canonical}
        for mention in mentions:
            word = mention.canonical or ""
            if not mention.id or mention.id in people or mention.id in self.gazetteer or " " in word or len(word) < 3:
                continue
            if mention.label not in ("ORG", "PERSON") or mention.id in relink:
                continue
            bearers = [p for p in people.values() if p.canonical.split()[-1].lower() == word.lower()]
            if len(bearers) == 1:
                relink[mention.id] = bearers[0]
            elif not bearers and mention.label == "PERSON" and len(word) >= 4:
                # "Dalmaji launched PibuScan" after "Dalmaji Health": a coined company name the
                # model took for a person's, when no person in the text bears it
                fuller = [
                    o
                    for o in organisations.values()
                    if o.canonical.lower().startswith(word.lower() + " ")
                    # not "Kinpal Across the Atlantic", a heading run into its paragraph
                    and all(w[:1].isupper() for w in o.canonical.split())
                ]
                if len(fuller) == 1:
                    relink[mention.id] = fuller[0]
        return relink

    def _dateline_links(self, text: str, mentions: list[Mention]) -> dict[str, Mention]:
        """ "The High Court has upheld ..." under "WELLINGTON, 15 May 2026 —": New Zealand's court,
        not England's; a bare court's or chamber's name belongs to the dateline's country (its own
        entry if the gazetteer has exactly one, else an entity of its own)."""
        line = _DATELINE_CITY.search(text[:400])
        home = self.dateline_countries.get(line.group("city").strip()) if line else None
        if home is None:
            return {}
        written: dict[str, set[str]] = {}
        for m in mentions:
            if m.id:
                written.setdefault(m.id, set()).add(" ".join(w for w in m.text.lower().split() if w != "the"))
        relink: dict[str, Mention] = {}
        for entity_id, names in written.items():
            entry = self.gazetteer.get(entity_id)
            if entry is None or entry.type not in ("COURT", "LEGISLATURE") or entry.country in (None, home):
                continue
            if len(names) != 1 or not names <= _BARE_INSTITUTIONS:
                continue  # "the High Court of Justice" written out somewhere: England's after all
            bare = next(iter(names))
            local = [
                e
                for e in self.gazetteer.entries.values()
                if e.type == entry.type and e.country == home and bare in e.canonical.lower()
            ]
            if len(local) == 1:
                relink[entity_id] = Mention(local[0].canonical, entry.type, 0, 0, local[0].canonical, local[0].id)
            else:
                new_id, canonical = entity_components.new_entity_id(entry.type, bare.title())
                relink[entity_id] = Mention(canonical, entry.type, 0, 0, canonical, new_id)
        return relink

    @staticmethod
    def _bare_court_links(mentions: list[Mention]) -> dict[str, Mention]:
        """ "the Supreme Court agreed to hear the appeal" in a story about the "Illinois Supreme
        Court": a bare court's name after the full name of exactly one court ending with it."""
        courts = {m.id: m for m in mentions if m.id and m.label == "COURT" and m.canonical}

        def bare_name(m: Mention) -> str:
            return " ".join(w for w in m.text.lower().split() if w != "the").removesuffix("'s")

        def is_bare(name: str) -> bool:
            # ("The Circuit Court" after "the Circuit Court of Cook County" too)
            return name in _BARE_INSTITUTIONS or (len(name.split()) == 2 and name.split()[-1] in ("court", "tribunal"))

        # (a court written out in full anywhere, "the U.S. Supreme Court", is that court throughout)
        written_out = {m.id for m in mentions if m.id in courts and not is_bare(bare_name(m))}
        relink: dict[str, Mention] = {}
        for mention in mentions:
            bare = bare_name(mention)
            if mention.id not in courts or mention.id in written_out:
                continue
            fuller = [
                c
                for c in courts.values()
                if c.id != mention.id
                and (c.canonical.lower().endswith(" " + bare) or c.canonical.lower().startswith(bare + " of "))
                and c.start < mention.start
                and c.id in written_out
            ]
            if len(fuller) == 1:
                relink[mention.id] = fuller[0]
        return relink

    @staticmethod
    def _bare_chamber_links(mentions: list[Mention]) -> dict[str, Mention]:
        """ "the Senate passed it 31-4" in a story about "the Maryland Senate": Congress's bare
        chamber name, after exactly one state chamber of that name and no written-out "U.S. Senate"."""
        relink: dict[str, Mention] = {}
        for national, word in (("legislature:us-senate", "senate"), ("legislature:us-house", "house")):
            named = [m for m in mentions if m.id == national]
            if not named or any(re.search(r"\b(?:U\.?S\.?|United States)\b", m.text) for m in named):
                continue
            state = {
                m.id: m
                for m in mentions
                if m.label == "LEGISLATURE"
                and m.id
                and m.id != national
                and re.search(rf"\b{word}\b", m.canonical or "", re.IGNORECASE)
                and m.start < named[-1].start
            }
            if len(state) == 1:
                relink[national] = next(iter(state.values()))
        return relink

    def _bare_body_links(self, mentions: list[Mention]) -> dict[str, Mention]:
        """ "The Board also directed the Respondent" after "the National Labor Relations Board": a
        body's bare head word, when exactly one body named before it in full carries that word."""
        heads = default_rules().lexicon.agency_heads
        bodies = {m.id: m for m in mentions if m.id and m.label in ("AGENCY", "GOV") and m.canonical}
        relink: dict[str, Mention] = {}
        for mention in mentions:
            word = mention.canonical or ""
            if mention.label not in ("AGENCY", "GOV", "ORG") or not mention.id:
                continue
            if " " in word or not word.istitle() or word.lower() not in heads:
                continue
            fuller = {
                b.id: b
                for b in bodies.values()
                if b.id != mention.id and word.lower() in b.canonical.lower().split()[1:] and b.start < mention.start
            }
            if len(fuller) == 1:
                relink[mention.id] = next(iter(fuller.values()))
        return relink

    @staticmethod
    def _state_attorney_general_links(mentions: list[Mention]) -> dict[str, Mention]:
        """ "the Attorney General" in a filing of the "Office of the Utah Attorney General": the
        state's, not the United States', when the text names one state's and nothing federal."""
        states = {
            m.id: m for m in mentions if m.id and m.id.startswith("gov:us-state-") and "attorney" in m.text.lower()
        }
        federal = [m for m in mentions if m.id == "agency:us-doj"]
        if len(states) != 1 or not federal or any(m.text.lower() != "attorney general" for m in federal):
            return {}
        return {"agency:us-doj": next(iter(states.values()))}

    def _defined_term_links(self, text: str, mentions: list[Mention]) -> dict[str, Mention]:
        """ "the Enforcement Bureau's Spectrum Enforcement Division (Division)", "Greyfinch
        Wireless LLC (Greyfinch or the Company)": the short term a filing defines stands for the
        name before it, whatever the model made of the word on its own."""
        relink: dict[str, Mention] = {}
        for mention in mentions:
            if not mention.id or mention.label not in ("ORG", "AGENCY", "COURT", "PERSON"):
                continue
            defined = _DEFINED_TERM.match(text, mention.end)
            if defined is None:
                continue
            terms = {defined.group("term"), defined.group("other")} - {None}
            for other in mentions:
                if (
                    other.id
                    and other.id != mention.id
                    and other.id not in self.gazetteer
                    and (other.canonical or other.text) in terms
                ):
                    relink[other.id] = mention
        return relink

    # a name typed two ways takes the likelier kind: the model calls a coined company a person or
    # a place far more often than the reverse, and a product's shape is surer than its guess
    _NAME_KINDS = ("PRODUCT", "ORG", "PERSON", "GROUP", "PLACE")

    def _same_name_links(self, mentions: list[Mention]) -> dict[str, Mention]:
        """ "Kinvale" a place in a heading and a company in the paragraph under it: one entity.

        Only names the gazetteer does not know; a known name's type is not the model's guess.
        """
        by_name: dict[str, dict[str, list[Mention]]] = {}
        for m in mentions:
            if m.id and m.canonical and m.label in self._NAME_KINDS and m.id not in self.gazetteer:
                by_name.setdefault(m.canonical.lower(), {}).setdefault(m.id, []).append(m)
        relink: dict[str, Mention] = {}
        for variants in by_name.values():
            if len(variants) < 2:
                continue
            kept = min(variants.values(), key=lambda ms: self._NAME_KINDS.index(ms[0].label))[0]
            relink.update({entity_id: kept for entity_id in variants if entity_id != kept.id})
        return relink

    def _fuzzy_links(self, mentions: list[Mention]) -> dict[str, Mention]:
        """Misspelt names linked to a known entity named in the same document.

        "Anthropus" joins Anthropic only when Anthropic is named repeatedly in
        the same document and "Anthropus" once, the spellings are one or two
        edits apart, share their start and neither extends the other; two
        different gazetteer entities are never glued together.
        """
        anchors = {
            m.id: m for m in mentions if m.id and m.id in self.gazetteer and m.label in ("ORG", "PRODUCT", "AGENCY")
        }
        counts = Counter(m.id for m in mentions if m.id)
        relink: dict[str, Mention] = {}
        for mention in mentions:
            if (
                not mention.id
                or mention.id in self.gazetteer
                or mention.label not in ("ORG", "PERSON", "PLACE", "PRODUCT", "GROUP")
            ):
                continue
            name = (mention.canonical or mention.text).lower()
            # A typo is a one-off in a text that otherwise spells the name right;
            # a different company (Illumio beside Illumina) is not.
            if len(name) < 6 or " " in name or counts[mention.id] > 1:
                continue
            for anchor in anchors.values():
                other = (anchor.canonical or "").lower()
                if len(other) < 6 or abs(len(other) - len(name)) > 2 or name[:3] != other[:3]:
                    continue
                if counts[anchor.id] < 2 or name.startswith(other) or other.startswith(name):
                    continue  # "Coherent" is not a misspelt "Cohere"
                if Levenshtein.distance(name, other) <= 2 and JaroWinkler.similarity(name, other) >= 0.9:
                    relink[mention.id] = anchor
                    break
        return relink

    @staticmethod
    def _apply_links(
        relink: dict[str, Mention], mentions: list[Mention], candidates: list[Candidate], types: dict[str, str]
    ) -> list[Mention]:
        if not relink:
            return mentions
        fixed = []
        for m in mentions:
            target = relink.get(m.id or "")
            fixed.append(Mention(m.text, target.label, m.start, m.end, target.canonical, target.id) if target else m)
        for candidate in candidates:
            for filler in [*candidate.agent, *candidate.target, *candidate.attr_entities.values()]:
                target = relink.get(filler.entity_id or "")
                if target:
                    filler.entity_id, filler.canonical, filler.type = (
                        target.id,
                        target.canonical,
                        types.get(target.id, target.label),
                    )
        return fixed

    @staticmethod
    def _merge_mentions(light: list[Mention], full: list[Mention]) -> list[Mention]:
        """Union of both passes; where spans overlap the gazetteer/light one wins."""
        result = list(light)
        for mention in full:
            if not any(m.start < mention.end and mention.start < m.end for m in light):
                result.append(mention)
        seen = set()
        unique = []
        for m in sorted(result, key=lambda m: (m.start, -m.end)):
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                unique.append(m)
        return unique

    # -- public ----------------------------------------------------------------

    def extract(self, item: DocInput) -> DocResult:
        """Entities and events of one document; a bad input gives a result with `error`."""
        return self.extract_many([item])[0]

    def extract_many(self, items: list[DocInput]) -> list[DocResult]:
        """`extract` for several documents, parsing all their candidate windows in one stream.

        The model costs less per token in larger batches, and one document's
        windows are few; results are the same as extracting one at a time.
        """
        prepared: list[_Prepared | DocResult] = []
        for item in items:
            try:
                prepared.append(self._prepare(item))
            except ValueError as exc:
                prepared.append(DocResult(id=item.id, error=str(exc)))
        jobs = [p for p in prepared if isinstance(p, _Prepared)]
        try:
            docs = iter(self.nlp.pipe(unwrap_lines(p.analysed[s:e]) for p in jobs for s, e in p.spans))
            parsed = {id(p): self._read_windows(p.spans, [next(docs) for _ in p.spans]) for p in jobs}
        except ValueError as exc:
            if len(items) == 1:
                return [DocResult(id=items[0].id, error=str(exc))]
            return [self.extract(item) for item in items]  # so one bad document fails alone
        results = []
        for p in prepared:
            if isinstance(p, DocResult):
                results.append(p)
                continue
            try:
                results.append(self._finish(p, *parsed[id(p)]))
            except ValueError as exc:
                results.append(DocResult(id=p.item.id, error=str(exc)))
        return results

    def _prepare(self, item: DocInput) -> _Prepared | DocResult:
        published = parse_published(item.published)
        text = item.text[:MAX_TEXT_CHARS]
        if not text.strip():
            return DocResult(id=item.id)
        plain = clear_page_furniture(decode_character_references(text))
        analysed, _style = normalise_case(plain, self.truecase_forms)
        analysed = blank_docket_labels(analysed)
        light_mentions, sentences = self._light_pass(analysed)
        spans = self._candidate_spans(analysed, sentences)
        return _Prepared(item, published, text, plain, analysed, light_mentions, sentences, spans)

    def _finish(self, prepared: _Prepared, candidates: list[Candidate], full_mentions: list[Mention]) -> DocResult:
        item, published, text, analysed = prepared.item, prepared.published, prepared.text, prepared.analysed
        plain = prepared.plain
        sentences = prepared.sentences
        mentions = self._merge_mentions(prepared.light_mentions, full_mentions)
        mentions = self._spread_products(analysed, mentions)
        types = {m.id: m.label for m in mentions if m.id}
        # a role filled by a window's entity the whole-text pass read otherwise at the same span
        # ("Kestrel" a person in one sentence, the short form of "Kestrel Air Freight LLC" in the
        # text): the whole text's reading, which the merge kept
        by_span = {(m.start, m.end): m for m in mentions if m.id}
        for candidate in candidates:
            for filler in [*candidate.agent, *candidate.target]:
                kept = by_span.get((filler.start, filler.end))
                if (
                    filler.entity_id
                    and filler.entity_id not in types
                    # ("Sorvent" a company of its own in its window, the short form of "Sorvent
                    # Payments N.V." in the whole text)
                    and filler.type in ("PERSON", "PLACE", "ORG")
                    and kept is not None
                    and kept.label == "ORG"
                ):
                    filler.entity_id, filler.canonical, filler.type = kept.id, kept.canonical, kept.label
        same_names = self._same_name_links(mentions)
        links = {
            **same_names,
            **self._short_name_links(mentions),
            **self._fuzzy_links(mentions),
            **self._state_attorney_general_links(mentions),
            **self._defined_term_links(analysed, mentions),
            **self._dateline_links(analysed, mentions),
            **self._bare_court_links(mentions),
            **self._bare_chamber_links(mentions),
            **self._bare_body_links(mentions),
        }
        for source, named in same_names.items():
            # "Qingmo" a place in one window and a person in another, the person the company's
            # short name: the place's link goes on to the company
            if links.get(source) is named and named.id in links and named.id != source:
                links[source] = links[named.id]
        mentions = self._spread_names(analysed, self._apply_links(links, mentions, candidates, types))
        types = {m.id: m.label for m in mentions if m.id}
        # Offsets point into `analysed`, which has the same length as `text`:
        # report the original characters.
        mentions = [
            Mention(text[m.start : m.end], m.label, m.start, m.end, m.canonical, m.id)
            for m in mentions
            if m.label != "MONEY"
        ]
        # minutes record one sitting: an undated act anywhere in them was done that day
        lede_end = len(analysed) if acts.records_a_sitting(analysed) else _lede_end(analysed, sentences)
        written = acts.written_date(analysed, published, headers=text) or published
        listed = acts.dated_items(plain, published)
        events = assemble(
            text,
            written,
            candidates,
            mentions,
            types,
            lede_end=lede_end,
            analysed=analysed,
            item_dates=listed,
            latest=published,
        )
        # "The Instrument designates nine individuals": the act of whoever made the instrument, when they did
        maker, made_on = acts.instrument_maker(analysed, mentions)
        for event in (e for e in events if acts.INSTRUMENT_SUBJECT.match(analysed, e.start)):
            if maker and not any(r.type in ("AGENCY", "GOV", "PERSON", "LEGISLATURE") for r in event.agent):
                event.agent = [maker]
            if made_on:
                event.date, event.date_precision = made_on.isoformat(), "day"
        # a regulator's letter acts on the one it is written to, its order on the respondent it is "In the Matter of"
        addressee = (
            acts.letter_addressee(analysed, mentions)
            or acts.matter_party(analysed, mentions)
            or acts.named_respondent(analysed, mentions)
        )
        for event in events:
            if addressee and not event.target and event.type in ("penalty", "order", "investigation", "suspension"):
                event.target = [addressee]
        # The document's own act (an executive order's text, a final rule) comes
        # first, so the sentences recounting it fold into it.
        document_acts = acts.document_events(item, plain, published, mentions)
        directive = acts.signed_directive(analysed, mentions, written)
        if directive is not None and not any(
            e.type == "order" and directive.start <= e.start < directive.end + 2000 for e in events + document_acts
        ):
            # "I, the Mayor ..., hereby direct as follows:" over directions that name no act of their own
            document_acts.append(directive)
        # docket entries, and acts told by a document's layout, carry their own dates and
        # replace what their sentences yielded
        docket = (
            acts.docket_events(plain, mentions, analysed)
            + acts.layout_events(plain, mentions, published)
            + acts.session_history_events(plain, mentions, published)
        )
        for event in (*document_acts, *docket):
            event.evidence = text[event.start : event.end]  # quoted as written, margins and all
        if docket:
            covered = [(e.start, e.end, e.date) for e in docket]
            # (an entry may tell an earlier act by someone other than the court: "COMPLAINT ...
            # CHALLENGING PLAINTIFF'S DESIGNATION BY THE OFFICE OF FOREIGN ASSETS CONTROL ON MARCH 12, 2026")
            events = [
                e
                for e in events
                if e.trigger_start is None
                or not any(
                    s <= e.trigger_start < t
                    and not (
                        e.type in ("designation", "rule")
                        and e.date
                        and e.date < (day or "")
                        and not any(ref.type == "COURT" for ref in e.agent)
                    )
                    for s, t, day in covered
                )
            ]
        if document_acts:
            # "I have also decided to revoke all licenses": the signer's own words are the document's act
            act_types = {a.type for a in document_acts}
            events = [e for e in events if not (e.type in act_types and _FIRST_PERSON_ACT.match(e.evidence))]
            # a decision's digest ("Protest challenging the agency's evaluation ... is denied"), told
            # by no one but "we" on the decision's own day, is the decision
            act_days = {(a.type, a.date) for a in document_acts}
            # "Under the agreement Yardlow will pay $3,850,000" in the summary of the decision that
            # approves it: told undated, on the same party, it is the document's own act
            today = published.isoformat() if published else None
            events = [
                e
                for e in events
                if not (
                    e.date == today
                    and any(
                        a.type == e.type and {r.id for r in a.target if r.id} & {r.id for r in e.target}
                        for a in document_acts
                    )
                )
            ]
            events = [
                e
                for e in events
                if not (
                    (e.type, e.date) in act_days
                    and e.agent
                    and all(r.text.lower() in ("we", "us", "our") for r in e.agent)
                )
            ]
        headings = [(a.trigger_start, a.trigger_end) for a in document_acts if a.trigger_start is not None]
        events = [
            e for e in events if e.trigger_start is None or not any(s <= e.trigger_start < t for s, t in headings)
        ]
        # "... enter into this deferred prosecution agreement": the act's own operative words
        events = [
            e
            for e in events
            if e.trigger_start is None
            or not any(
                (a.type == e.type or (a.type, e.type) == ("ruling", "order")) and a.start <= e.trigger_start < a.end
                for a in document_acts
            )
        ]
        for event in events:
            if event.type not in ("lawsuit", "ruling"):
                # "will file the Information in the United States District Court": where, not whom
                event.target = [r for r in event.target if r.type != "COURT"]
            # "The Export Control (Amendment) Order 2026 was made": a statutory instrument
            if event.type == "order" and event.trigger_start is not None:
                # (and a Japanese "Cabinet Order" amending the Export Trade Control Order is a regulation)
                if (
                    _STATUTORY_INSTRUMENT.match(text, event.trigger_start)
                    or "Cabinet Order" in text[max(0, event.trigger_start - 60) : event.trigger_end]
                ):
                    event.type = "rule"
                    event.target = []
        _name_entries_below(events, analysed)
        # "In this issue: an insurer pays ..., and Texas proposes AI disclosure rules": a newsletter's
        # contents line names the items below, each told again where it is reported
        events = [e for e in events if not _CONTENTS_LINE.match(e.evidence)]
        events = fold_headlines(merge_repeats(document_acts + docket + without_carrier_rules(events, analysed)), text)
        _aim_at_the_paragraphs_party(events, text)
        parties = acts.caption_parties(plain, mentions)
        complete_from_document(events, document_acts, parties, self.gazetteer, plain, all_mentions=mentions)
        events = fold_restated_rulings(fold_court_penalties(fold_unnamed_listings(events)))
        if published is not None and any(parties):
            events = _the_courts_own_rulings(
                events, document_acts, parties, acts.decided_on(plain, published), published
            )
        _aim_at_the_subject_company(events, mentions)
        for event in events:
            # attribute words were read from the re-cased copy: give them back as written
            for key, value in list(event.attrs.items()):
                # ("stage" and "action" are words of the event model, not of the text: "PASSED" stays "passed")
                if (
                    key not in event.attr_entities
                    and key not in ("stage", "action")
                    and isinstance(value, str)
                    and value
                ):
                    at = analysed.find(value, event.start, event.end + 600)
                    if at >= 0:
                        event.attrs[key] = text[at : at + len(value)]
        return DocResult(id=item.id, entities=mentions, events=events)

    def extract_stream(self, items: Iterable[DocInput], *, batch: int = 8) -> Iterator[DocResult]:
        for chunk in _chunks(items, batch):
            yield from self.extract_many(chunk)


@dataclass
class _Prepared:
    """A document after the light pass: what the model must parse, and what the finish needs."""

    item: DocInput
    published: dt.date | None
    text: str
    plain: str  # the text without page headers and margin numbers, same length
    analysed: str
    light_mentions: list[Mention]
    sentences: list[tuple[int, int]]
    spans: list[tuple[int, int]]


def _chunks(items: Iterable[DocInput], size: int) -> Iterator[list[DocInput]]:
    chunk: list[DocInput] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- parallel extraction ------------------------------------------------------

_WORKER: Extractor | None = None


def _init_worker() -> None:
    global _WORKER
    _WORKER = Extractor()


def _work(items: list[DocInput]) -> list[DocResult]:
    assert _WORKER is not None
    return _WORKER.extract_many(items)


class ExtractorPool:
    """Extraction in `workers` processes (each with its own pipeline), reused across batches.

    With one worker it runs in this process, so tests and small jobs pay no
    start-up cost; results always come back in input order.
    """

    def __init__(self, workers: int = 1, *, chunksize: int = 8):
        self.workers = max(1, workers)
        self.chunksize = chunksize
        self._pool: ProcessPoolExecutor | None = None
        self._local: Extractor | None = None

    def __enter__(self) -> ExtractorPool:
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def map(self, items: Iterable[DocInput]) -> Iterator[DocResult]:
        if self._pool is None:
            if self._local is None:
                self._local = Extractor()
            return self._local.extract_stream(items, batch=self.chunksize)
        return self._map_pool(self._pool, items)

    def _map_pool(self, pool: ProcessPoolExecutor, items: Iterable[DocInput]) -> Iterator[DocResult]:
        # `Executor.map` would read the whole input first; a few chunks in
        # flight per worker keep both cores busy and memory flat on a stream.
        pending: deque[Future[list[DocResult]]] = deque()
        for chunk in _chunks(items, self.chunksize):
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= 3 * self.workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def extract_parallel(items: Iterable[DocInput], *, workers: int = 2, chunksize: int = 8) -> Iterator[DocResult]:
    """Extract a stream of documents; results keep input order."""
    with ExtractorPool(workers, chunksize=chunksize) as pool:
        yield from pool.map(items)
