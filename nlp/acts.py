"""Documents that are themselves the act: an executive order, a rule, a court order.

An executive order's text does not say "the President issued an executive
order"; it *is* one. These rules (data in `data/rules/acts.jsonl`) recognise
such documents by their formal structure and emit the event they embody,
issued by the signer or court and dated by the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from nlp import dates
from nlp.casing import repair_ocr
from nlp.datafiles import jsonl_objects
from nlp.gazetteer import default_gazetteer
from nlp.records import EntityRef, Event, Mention
from nlp.rules import EVENT_TYPES, RULES_DIR, RuleError, default_rules

if TYPE_CHECKING:
    from nlp.pipeline import DocInput

HEAD_CHARS = 3000
_ACT_KEYS = {
    "id",
    "type",
    "pattern",
    "scope",
    "agent",
    "instrument",
    "stage",
    "target",
    "operative",
    "operative_at",
    "dated",
    "requires_operative",
}
# "In the Matter of: Halit Demirkaya", "In the Matter of Northgate Quantum Holdings, Inc."
# an FCC caption sets the name in a column closed by ")": "Brindlewood Electronics LLC      )   File No.: ..."
# a public body's name as a letterhead's line in capitals
_LETTERHEAD_BODY = re.compile(
    r"^[ \t]*(?P<body>(?:DEPARTMENT|OFFICE|DIVISION|BUREAU|COMMISSION|BOARD) OF [A-Z][A-Z ,&]{2,60}?"
    r"|[A-Z][A-Z ,&]{2,60}? (?:COMMISSION|DEPARTMENT|AUTHORITY|BOARD))[ \t]*$",
    re.MULTILINE,
)
_MATTER = re.compile(
    # (a two-column caption, "IN THE MATTER OF:      TEMPORARY ORDER ...", names the party on the next line)
    # (not the Trade Commission's "In the Matter of CERTAIN WIRELESS EARBUDS ...", which names goods)
    r"in the matter of:?(?:[ \t]{3,}[^\n]*\n|[ \t)]*\n?)[\s)]*?(?!certain\b)(?P<name>[^\s)][^\n]{2,120}?)"
    r"(?=[ \t]{2,}\)|[ \t]{3,}\S|[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# a self-regulator's settlement letter: "RE: Wexmoor Securities, LLC (Respondent)"
_RESPONDENT_LINE = re.compile(
    r"^[ \t]*re:[ \t]*(?P<name>[^\n]{3,120}?)[ \t]*\(respondent\)", re.IGNORECASE | re.MULTILINE
)
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}


# "IN WITNESS WHEREOF, I have hereunto set my hand this twenty-third day of January, in the year of our Lord
# two thousand twenty-six": proclamations spell their date out
def _spelled_number(words: str, table: dict[str, int]) -> int | None:
    total = 0
    for part in words.lower().replace("-", " ").split():
        if part in table:
            total += table[part]
        elif part in _UNITS:
            total += _UNITS[part]
        else:
            return None
    return total or None


# "Date: 20260310" over a Canadian court's judgment
_COMPACT_DATE_LINE = re.compile(
    r"^[ \t]*date:[ \t]*(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)[ \t]*$", re.IGNORECASE | re.MULTILINE
)


_DATE_LINE = re.compile(r"^[ \t]*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$", re.MULTILINE)
# "March 12, 2026" or "12 March 2026", as notices, decrees and gazettes write a day
_LONG_DATE = r"[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}"
_SIGNED = re.compile(
    r"(?:the white house,?\s*|dated:?\s*|date:\s*|signed:?\s*|entered:\s*|so ordered(?: this)?:?\s*|accepted by [^:\n]{1,40}:\s*)(?P<date>[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?, \d{4})",
    re.IGNORECASE,
)


def _signature(tail: str) -> re.Match[str] | None:
    """The last "Dated: ..." that opens a line is the signature; one inside a sentence ("the
    settlement agreement dated May 29") dates some other paper, so it serves only when no line does."""
    found = list(_SIGNED.finditer(tail))
    opening = [m for m in found if not tail[tail.rfind("\n", 0, m.start()) + 1 : m.start()].strip()]
    return opening[-1] if opening else (found[0] if found else None)


# a complaint's signature more than this before the copy we read dates something else
_FILING_LAG = dt.timedelta(days=60)


# "Dated this 2nd day of December, 2025", "on the 17th day of March, two thousand twenty-six",
# "this fifth day of May, in the year of our Lord two thousand twenty-five": how judges and
# Presidents date what they sign
_DAY_OF = re.compile(
    r"\b(?:this|the)\s+(?P<day>\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)\s+day\s+of\s+(?P<month>[A-Z][a-z]+),?\s+"
    r"(?:in\s+the\s+year\s+of\s+our\s+lord\s+)?(?P<year>\d{4}|two\s+thousand(?:\s+and)?(?:\s+[a-z]+(?:-[a-z]+)?)?)",
    re.IGNORECASE,
)


def day_of(text: str) -> dt.date | None:
    for match in _DAY_OF.finditer(text):
        day_words = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", match["day"].lower())
        day = (
            int(day_words)
            if day_words.isdigit()
            else _spelled_number(day_words, {**_ORDINALS, "twenty": 20, "thirty": 30})
        )
        year_words = re.sub(r"^two\s+thousand(?:\s+and)?", "", match["year"].lower()).strip()
        year = int(match["year"]) if match["year"].isdigit() else 2000 + (_spelled_number(year_words, {}) or 0)
        try:
            month = dt.datetime.strptime(match["month"], "%B").month
            return dt.date(year, month, day) if day else None
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class ActRule:
    id: str
    type: str
    regex: re.Pattern[str]
    scope: str
    agent: str
    instrument: str | None
    stage: bool
    target: str | None = None
    # where the document says what it does ("It is therefore ordered:", "SUMMARY:"): the evidence
    operative: re.Pattern[str] | None = None
    # "published" for Federal Register rules, which take effect as published, not as signed;
    # "filed" for complaints, dated where counsel signs if that is shortly before publication
    dated: str = "signed"
    # a court's decision is in its last operative words; a rule's summary comes first
    operative_at: str = "first"
    # a consent judgment imposes a penalty only where it orders one paid
    requires_operative: bool = False


def load_act_rules(path: Path = RULES_DIR / "acts.jsonl") -> tuple[ActRule, ...]:
    rules = []
    for where, row in jsonl_objects(path, RuleError):
        unknown = set(row) - _ACT_KEYS
        if unknown:
            raise RuleError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_ACT_KEYS)}")
        if row.get("type") not in EVENT_TYPES:
            raise RuleError(f"{where}: type {row.get('type')!r} is not an event type")
        try:
            regex = re.compile(row["pattern"], re.IGNORECASE | re.MULTILINE)
            operative = re.compile(row["operative"], re.IGNORECASE | re.MULTILINE) if row.get("operative") else None
        except (KeyError, re.error) as exc:
            raise RuleError(f"{where}: bad or missing pattern: {exc}") from None
        if row.get("operative_at", "first") not in ("first", "last"):
            raise RuleError(f"{where}: operative_at must be 'first' or 'last', not {row.get('operative_at')!r}")
        if row.get("dated", "signed") not in ("signed", "published", "letterhead", "filed"):
            raise RuleError(
                f"{where}: dated must be 'signed', 'published', 'letterhead' or 'filed', not {row.get('dated')!r}"
            )
        rules.append(
            ActRule(
                row["id"],
                row["type"],
                regex,
                row.get("scope", "head"),
                row.get("agent", ""),
                row.get("instrument"),
                bool(row.get("stage")),
                row.get("target"),
                operative,
                row.get("dated", "signed"),
                row.get("operative_at", "first"),
                bool(row.get("requires_operative")),
            )
        )
    return tuple(rules)


@lru_cache(maxsize=1)
def default_act_rules() -> tuple[ActRule, ...]:
    return load_act_rules()


# "Suspension of Entry of Officers of the X", "Adjusting Imports of Y", "Further Extending the Z Delay":
# a presidential document's title names what it acts on after its opening verb or noun
_TITLE_OPENING = re.compile(
    r"^(?:(?:further|temporarily)\s+)?(?:\w+ing|suspension|prohibition|imposition|continuation|modification|"
    r"extension|termination|revocation|declaration)\s+(?:of\s+(?:entry\s+(?:as\s+\w+\s+)?of\s+)?)?",
    re.IGNORECASE,
)


def _title_subject(title: str) -> str | None:
    title = " ".join(title.split())
    opening = _TITLE_OPENING.match(title)
    if not opening or opening.end() >= len(title):
        return None
    subject = title[opening.end() :].strip(" .;:")
    return subject if 2 <= len(subject.split()) <= 14 else None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 400:
        line_end = min(line_end, end + 300)
    while line_start < line_end and text[line_start].isspace():
        line_start += 1
    while line_end > line_start and text[line_end - 1].isspace():
        line_end -= 1
    return line_start, line_end


def _operative_bounds(text: str, said: re.Match[str]) -> tuple[int, int]:
    """From the operative words to the end of the sentence they open."""
    start = said.start()
    while start < len(text) and text[start].isspace():
        start += 1
    # not an initial's or a title's full stop ("Halvard T. Presswood", "Dr. Lune")
    stop = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|No|St))(?<!\bMrs)[.;](?=\s)").search(
        text, said.end() + 1, said.end() + 400
    )
    end = stop.end() if stop else min(len(text), said.end() + 300)
    return start, end


_SALUTATION = re.compile(r"^[ \t]*Dear [^\n]{1,80}[:,][ \t]*$", re.MULTILINE)


# "Release No. 6914 / February 9, 2026" under an agency order's caption
_RELEASE_LINE = re.compile(
    r"^[ \t]*release no\.?[ \t]*[\w-]+[ \t]*/[ \t]*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# "Adopted: June 16, 2025      Released: June 18, 2025": a commission acts the day it votes
_ADOPTED_LINE = re.compile(
    # a Bureau's citation bears only "Released: January 13, 2026"
    r"^[ \t]*(?:adopted|released):[ \t]*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})",
    re.IGNORECASE | re.MULTILINE,
)


# "Date: 17 June 2025" on a notice's cover, "Date: October 2, 2026" above a decision
_DATED_LABEL = re.compile(
    rf"^[ \t]*date:[ \t]*(?P<date>{_LONG_DATE})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# "Thursday, March 12, 2026" or "Luxembourg, 19 May 2026" on a line of its own at the head of
# a digest or a release: its day (not "Foreign Affairs Council, 15 June 2026", a meeting's name)
_HEAD_DATE_LINE = re.compile(
    r"^[ \t]*(?:(?!(?:\w+ )?(?:Council|Committee|Meeting|Summit|Board|Conference|Commission)\b)[A-ZÀ-Þ][\w.'-]+(?: [A-ZÀ-Þ][\w.'-]+)?,[ \t]+)??"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[ \t]+)?"
    # "11 November 2026 17:40": a press office stamps the hour too
    rf"(?P<date>{_LONG_DATE})\.?(?:[ \t]+\d{{1,2}}:\d{{2}}(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?[ \t]*$",
    re.MULTILINE,
)
_HEAD_DATE_CHARS = 300
# "MINUTES OF THE REGULAR MEETING / Tuesday, July 8, 2025, 6:00 p.m.": what the minutes record
# was done that day, whenever they were approved or posted
_MINUTES_DATE = re.compile(
    r"^[ \t]*(?i:minutes of (?:the )?[^\n]{0,60}?(?:meeting|session|hearing))"
    r"(?:[ \t]+(?i:of|held on|held)[ \t]+|[ \t]*\n[ \t]*)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[ \t]+)?"
    rf"(?P<date>{_LONG_DATE})",
    re.MULTILINE,
)


def records_a_sitting(analysed: str) -> bool:
    """Whether the text is a meeting's minutes, all of whose acts were done on the meeting's day."""
    return _MINUTES_DATE.search(analysed[:600]) is not None


# "03/18/2026" on a line of its own above an OFAC "Recent Actions" item: its day, month first
_NUMERIC_HEAD_DATE = re.compile(r"^[ \t]*(?P<month>\d{2})/(?P<day>\d{2})/(?P<year>\d{4})[ \t]*$", re.MULTILINE)
# "Jakarta, 1 December 2025 | Public Relations Bureau", "HONG KONG, 21 October 2025 - The
# Commissioner ...": a release's dateline, the day it was written (its "today")
_DATELINE_DATE = re.compile(
    # "TRENTON, N.J. — October 1, 2025 — ...": a state after the city, and a dash before the date
    rf"^[ \t]*[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)?(?:,[ \t]+[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    rf"(?:,|[ \t]+[-\u2013\u2014])[ \t]+(?P<date>{_LONG_DATE})[ \t]*(?:\||[-\u2013\u2014])",
    re.MULTILINE,
)
_DATELINE_CHARS = 600
# "SOR/2026-211 September 25, 2026", "P.C. 2026-1043 September 25, 2026": a gazetted
# instrument's registration number and the day it was made
_REGISTRATION_LINE = re.compile(
    r"^[ \t]*(?:SOR|SI|P\.C\.|S\.O\.|G\.S\.R\.|S\.R\.O\.)[/ ]?[\w.()/-]*[ \t]+"
    rf"(?P<date>{_LONG_DATE})[ \t]*$",
    re.MULTILINE,
)
# ...and "Brasília, 28 October 2026." above a decree's signature is the day it was signed
_FOOT_DATE_CHARS = 600


# "Case 4:26-cr-00388   Document 1   Filed on 03/31/26 in TXSD   Page 1 of 9": PACER's stamp
_FILED_STAMP = re.compile(r"\bDocument:? [\d-]+\s+Filed(?: on)?:? (?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))\b", re.I)


# "USCA11 Case: 25-11736  Document: 48-1  Date Filed: 01/13/2026": a court's page header
_FILED_LABEL = re.compile(r"\bdate filed:[ \t]*(?P<date>\d{2}/\d{2}/\d{4})\b", re.IGNORECASE)
# the closing words a proclamation or an order is signed with, its date spelled out after them
_SIGNING_CLAUSE = re.compile(
    r"\bin witness whereof\b|\bdone (?:at|in) [^\n]{1,60}?this\b|\b(?:dated|signed|given|ordered) this\b", re.IGNORECASE
)


def written_date(analysed: str, published: dt.date | None, headers: str | None = None) -> dt.date | None:
    """The date a document bears itself: a letter's line above the salutation ("October 21, 2025
    ... Dear Mr. Teague:"), an order's release line, a notice's "Date:" line, a court's "Date
    Filed:" header, a proclamation's "IN WITNESS WHEREOF ... this eighteenth day of September".
    What it says it does today, and its "yesterday", are of that day, not of the day the agency
    posted it."""
    salutation = _SALUTATION.search(analysed[:3000])
    line = _DATE_LINE.search(analysed[: salutation.start()]) if salutation else None
    line = line or _MINUTES_DATE.search(analysed[:600])
    line = line or _RELEASE_LINE.search(analysed[:1500]) or _DATED_LABEL.search(analysed[:1500])
    line = line or _ADOPTED_LINE.search(analysed[:1500]) or _HEAD_DATE_LINE.search(analysed[:_HEAD_DATE_CHARS])
    line = line or _REGISTRATION_LINE.search(analysed[:600]) or _DATELINE_DATE.search(analysed[:_DATELINE_CHARS])
    when = _parse_long_date(line.group("date")) if line else None
    if when is None and (numeric := _NUMERIC_HEAD_DATE.search(analysed[:_HEAD_DATE_CHARS])):
        try:
            when = dt.date(int(numeric["year"]), int(numeric["month"]), int(numeric["day"]))
        except ValueError:
            when = None
    # the page header is read where it was not cleared away as page furniture
    if when is None and (filed := _FILED_LABEL.search((headers or analysed)[:4000])):
        try:
            when = dt.datetime.strptime(filed["date"], "%m/%d/%Y").date()
        except ValueError:
            when = None
    if when is None:
        tail = analysed[-3000:]
        signing = _SIGNING_CLAUSE.search(tail)
        when = day_of(tail[signing.start() :]) if signing else None
    feet = list(_HEAD_DATE_LINE.finditer(analysed[-_FOOT_DATE_CHARS:])) if when is None else []
    if feet:
        when = _parse_long_date(feet[-1].group("date"))
    if when is None or (published is not None and when > published):
        return None
    return when


# "The Minister made the Instrument on 8 October 2026", "The Governor General in Council, on the
# recommendation of the Minister of Foreign Affairs, makes the annexed Regulations"
_MAKING = re.compile(
    r"(?:^|(?<=[.\n]))[ \t]*(?P<maker>[A-Z][^.\n]{2,160}?)\s+(?:made|makes|has made|hereby makes)\s+"
    r"(?:the|this)\s+(?:annexed\s+|attached\s+|following\s+)?(?:instrument|regulations?|order|rules?|decree)\b"
    rf"(?:\s+on\s+(?P<date>{_LONG_DATE}))?",
    re.IGNORECASE,
)
# what an explanatory statement or a regulatory summary says the instrument does
INSTRUMENT_SUBJECT = re.compile(r"\s*(?:the|this)\s+(?:instrument|regulations|order|decree)\b", re.IGNORECASE)


def instrument_maker(analysed: str, mentions: list[Mention]) -> tuple[EntityRef | None, dt.date | None]:
    """Who made the instrument a statement describes, and when, if the text says so."""
    making = _MAKING.search(analysed)
    if making is None:
        return None, None
    # "Therefore, Her Excellency the Governor General in Council, on the recommendation of ...":
    # the first stretch between commas that is more than a word
    start = making.start("maker")
    for chunk in making.group("maker").split(","):
        if len(chunk.split()) >= 2:
            break
        start += len(chunk) + 1
    maker = chunk
    inside = [m for m in mentions if start <= m.start < start + len(maker) and m.label in ("AGENCY", "GOV", "PERSON")]
    name = re.sub(
        r"^(?:(?:his|her) (?:excellency|majesty)\s+)?(?:the\s+)?", "", " ".join(maker.split()), flags=re.IGNORECASE
    )
    # "The Minister made the Instrument" under "Issued by authority of the Minister for Foreign Affairs"
    titled = [m for m in mentions if m.label in ("AGENCY", "GOV", "PERSON") and m.text.lower().startswith(name.lower())]
    inside = inside or titled[:1]
    if not inside and name:
        # ...or the office as the text spells it out in full somewhere ("the Minister for Foreign Affairs")
        full = re.search(
            rf"\b{re.escape(name)}[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'-]*)*",
            analysed,
        )
        name = full.group(0) if full else name
    ref = _ref(inside[0]) if inside else (EntityRef(name, None, None, None) if name else None)
    return ref, _parse_long_date(making.group("date"))


def letter_addressee(analysed: str, mentions: list[Mention]) -> EntityRef | None:
    """The company a letter is addressed to: the first one named above "Dear ...:"."""
    salutation = _SALUTATION.search(analysed[:3000])
    if salutation is None:
        return None
    named = next((m for m in mentions if m.end <= salutation.start() and m.label == "ORG" and m.id), None)
    return _ref(named) if named else None


def matter_party(analysed: str, mentions: list[Mention]) -> EntityRef | None:
    """The respondent an agency's "In the Matter of X" caption names, if the model found the name."""
    matter = _MATTER.search(analysed[:HEAD_CHARS])
    if matter is None:
        return None
    # the caption opens with the party's name ("In the Matter of / WRENHOLT LEARNING, INC."), not
    # with a subject ("In the Matter of the Commission's Investigation into ...")
    named = next(
        (m for m in mentions if m.start == matter.start("name") and m.label in ("ORG", "PERSON")),
        None,
    )
    return _ref(named) if named and named.id else None


# "(b) the respondents, Shenzhen Luoyan Sensing Technology Co., Ltd., of Shenzhen, China": a notice's list
# of the parties a proceeding is against
_RESPONDENTS_NAMED = re.compile(r"\bthe respondents?,?[ \t]+", re.IGNORECASE)


def named_respondent(analysed: str, mentions: list[Mention]) -> EntityRef | None:
    """The first respondent a notice names in its list of parties, if the model found the name."""
    for listed in _RESPONDENTS_NAMED.finditer(analysed):
        named = next((m for m in mentions if m.start == listed.end() and m.label in ("ORG", "PERSON") and m.id), None)
        if named is not None:
            return _ref(named)
    return None


# "6/15/2026" on a line of its own above a judge's signature
_NUMERIC_DATE_LINE = re.compile(r"^[ \t]*(?P<date>\d{1,2}/\d{1,2}/\d{4})[ \t]*$", re.MULTILINE)


def _numeric_date_line(tail: str) -> dt.date | None:
    lines = list(_NUMERIC_DATE_LINE.finditer(tail))
    try:
        return dt.datetime.strptime(lines[-1]["date"], "%m/%d/%Y").date() if lines else None
    except ValueError:
        return None


_AGENCY_COUNSEL_LINE = re.compile(r"^[^\n]*\bfor the agency\.?[ \t]*$", re.IGNORECASE | re.MULTILINE)

# the heading of a court paper that only manages the case
_PROCEDURAL_HEADING = re.compile(
    r"^[ \t]*(?:scheduling order|case management order|minute order|briefing schedule|"
    r"order setting (?:briefing|hearing|schedule|status conference|trial)[^\n]*|order (?:extending|resetting) [^\n]*)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

# an opinion's own date line near its caption: "Filed: July 9, 2026", "Decided: March 3, 2026"
_DECIDED_LINE = re.compile(
    # (a circuit's "Argued February 12, 2026          Decided July 7, 2026" shares its line)
    r"(?:^|[ \t]{2,})[ \t]*(?:filed|decided|opinion filed|date of (?:decision|judgment|judgement)|judgment delivered)"
    r"\s*:?[ \t]+(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def decided_on(text: str, published: dt.date) -> dt.date | None:
    """The day a court opinion says it was filed or decided, on a line of its own near the top."""
    line = _DECIDED_LINE.search(text[:HEAD_CHARS])
    when = _parse_long_date(line.group("date")) if line else None
    if when is None or not dt.timedelta(0) <= published - when <= dt.timedelta(days=120):
        return None
    return when


def _parse_long_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = re.sub(r"(?<=\d)(?:st|nd|rd|th)(?=,)", "", value)  # "December 5th, 2025"
    for fmt in ("%B %d, %Y", "%b. %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _ref(mention: Mention) -> EntityRef:
    return EntityRef(mention.text, mention.canonical, mention.id, mention.label)


def new_ref(name: str, label: str) -> EntityRef:
    """A party a list or an order list names that no mention covers, with the id the linker would give it."""
    from nlp.components.entities import new_entity_id  # the components import spaCy: only when needed

    entity_id, canonical = new_entity_id(label, name)
    return EntityRef(name, canonical, entity_id, label)


def _gazetteer_ref(entity_id: str) -> EntityRef | None:
    entry = default_gazetteer().get(entity_id)
    return EntityRef(entry.canonical, entry.canonical, entry.id, entry.type) if entry else None


def document_events(item: DocInput, text: str, published: dt.date | None, mentions: list[Mention]) -> list[Event]:
    """The events this document embodies (usually none; at most one per rule)."""
    head = text[:HEAD_CHARS]
    head_mentions = [m for m in mentions if m.start < HEAD_CHARS]
    events: list[Event] = []
    taken_types: set[str] = set()
    meta = item.metadata or {}
    # headings and signature dates are read in the OCR-repaired copy ("ORDER OF EMER- GENCY
    # SUSPENSION"), which has the same length, so offsets still point into the text
    repaired = repair_ocr(text)
    for rule in default_act_rules():
        if rule.type in taken_types or (rule.type == "ruling" and "order" in taken_types):
            continue  # "it is hereby ordered" in an executive order is not a court's
        if rule.type == "ruling" and _PROCEDURAL_HEADING.search(repaired[:HEAD_CHARS]):
            continue  # a "SCHEDULING ORDER" sets dates for briefs and a hearing: it decides nothing
        match = rule.regex.search(repaired[:HEAD_CHARS] if rule.scope == "head" else repaired)
        if not match:
            continue
        start, end = _line_bounds(text, match.start(), match.end())
        agent: list[EntityRef] = []
        target: list[EntityRef] = []
        if rule.agent == "agency":
            # Federal Register style: "AGENCY: Bureau of Industry and Security, Commerce."
            line = re.search(r"^\s*agency:\s*(.+)$", head, re.IGNORECASE | re.MULTILINE)
            in_line = [
                m for m in head_mentions if line and line.start(1) <= m.start < line.end(1) and m.label == "AGENCY"
            ]
            first = in_line[0] if in_line else next((m for m in head_mentions if m.label == "AGENCY"), None)
            agent = [_ref(first)] if first else []
            letterhead = _LETTERHEAD_BODY.search(head[:300])
            if not in_line and letterhead and (first is None or first.start > letterhead.end()):
                # "STATE OF CONNECTICUT / DEPARTMENT OF BANKING" over the order: the body in its
                # letterhead, which capitals hide from the model, before the unit that examined
                agent = [new_ref(letterhead["body"].strip().title().replace(" Of ", " of "), "AGENCY")]
        elif rule.agent in ("court", "named-court"):
            # the caption's court ("UNITED STATES DISTRICT COURT / DISTRICT OF MINNESOTA"), not
            # the first court the opinion cites
            header = _court_from_header(text)
            first = next((m for m in mentions if m.label == "COURT"), None)
            if (
                header.id is None
                and first is None
                and (not re.search(r"\bcourt\b", head, re.IGNORECASE) or _LETTERHEAD_BODY.search(head[:300]))
            ):
                # "it is hereby ORDERED" in an agency's order (the SEC's, the FCC's, one under a
                # "DEPARTMENT OF STATE" letterhead that mentions enforcement "in district court") is no court's
                continue
            if rule.agent == "named-court" and header.id is None:
                continue  # a bare "ORDER" heading is a court's only under a court the heading names
            named_in_header = first is not None and first.text.lower() in header.text.lower()
            if named_in_header and len(header.text) > len(first.text) and header.text != "the court":
                first = None  # "Supreme Court" read inside "Supreme Court of the State of New York"
            agent = [header] if header.id else [_ref(first)] if first else [header]
            plaintiffs, defendants = caption_parties(text, mentions)
            target = defendants + plaintiffs  # the parties ruled on
        elif rule.agent == "prosecutor":
            # an indictment or information is the district's U.S. Attorney's charge against the
            # defendants: "court:txsd" is prosecuted by "agency:usao-txs"
            court = _court_from_header(text)
            office = _gazetteer_ref(f"agency:usao-{court.id.split(':', 1)[1][:-1]}") if court.id else None
            _, defendants = caption_parties(text, mentions)
            if not defendants:
                continue
            agent, target = ([office] if office else []), list(defendants)
        elif rule.agent == "plaintiff":
            # a complaint under its caption: filed by the plaintiffs against the defendants
            plaintiffs, defendants = caption_parties(text, mentions)
            if not plaintiffs or not defendants:
                continue
            agent, target = list(plaintiffs), list(defendants)
        elif rule.agent:
            ref = _gazetteer_ref(rule.agent)
            agent = [ref] if ref else []
            if rule.type == "order":
                # an order naming companies is about them ("equipment made by X"); only
                # names that are surely companies (known, or ending in Inc., Technologies...)
                lexicon = default_rules().lexicon
                seen: set[str] = set()
                for m in mentions:
                    company = m.id in default_gazetteer() or lexicon.has_legal_suffix(m.text)
                    if m.label == "ORG" and company and m.id not in seen and len(seen) < 3:
                        seen.add(m.id)
                        target.append(_ref(m))
        groups = match.groupdict()
        if rule.type == "order" and not target and item.title:
            subject = _title_subject(item.title)
            if subject:
                target = [EntityRef(subject, None, None, None)]
        when = _parse_long_date(groups.get("date"))
        if when is None and rule.dated == "filed":
            # The clerk's stamp on its first page says when it was filed ("Document 1   Filed on
            # 03/31/26 in TXSD"; page furniture is gone from `text`); failing that, a filing is dated
            # where its counsel signs ("DATED this 30th day of September, 2025"), else it is as new
            # as the copy we read
            stamp = _FILED_STAMP.search(repair_ocr(item.text[:400]))
            when = _docket_date(stamp.group("date")) if stamp else None
            tail = repair_ocr(text[-1500:])
            signed = _SIGNED.search(tail)
            when = when or (_parse_long_date(signed.group("date")) if signed else day_of(tail))
            if when is not None and published is not None and not dt.timedelta(0) <= published - when <= _FILING_LAG:
                when = None
        if when is None and rule.dated in ("published", "filed"):
            when = published
        if when is None and rule.dated == "letterhead":
            # a letter is dated on a line of its own under the addressee
            line = _DATE_LINE.search(head[:1200])
            when = _parse_long_date(line.group("date")) if line else None
        if when is None and meta.get("signing_date"):
            try:
                when = dt.date.fromisoformat(str(meta["signing_date"])[:10])
            except ValueError:
                when = None
        if when is None:
            # "Date: 20260310" heads a Canadian court's judgment: the day it was given
            compact = _COMPACT_DATE_LINE.search(repaired[:600])
            if compact is not None:
                try:
                    when = dt.date(int(compact["year"]), int(compact["month"]), int(compact["day"]))
                except ValueError:
                    when = None
        if when is None:
            # read in the OCR-repaired copy: "the l7th day of March, two thou- sand twenty-six"
            # a bare date line above the signature is the last word; "dated ..." may be any document's
            when = _numeric_date_line(repaired[-300:])
            signed = _signature(repaired[-4000:]) or _SIGNED.search(repaired[:HEAD_CHARS])
            if when is None:
                when = _parse_long_date(signed.group("date")) if signed else day_of(repaired[-4000:])
            when = when or day_of(repaired[:HEAD_CHARS])
            # "Released: February 9, 2026" under a Bureau's citation: the date it bears
            when = when or written_date(repaired, published)
        if when is None:
            when = published
        value = dates.DateValue.day(when) if when else dates.DateValue.unknown()
        attrs: dict[str, str] = {}
        attr_entities: dict[str, EntityRef] = {}
        if rule.instrument == "law":
            law = next(
                (m for m in head_mentions if m.label == "LAW" and "constitution" not in (m.canonical or "").lower()),
                None,
            )
            if law is not None:
                attrs["instrument"] = law.canonical or law.text
                attr_entities["instrument"] = _ref(law)
        if groups.get("number"):
            attrs["form"] = f"executive order {groups['number']}"
        if rule.stage and groups.get("stage"):
            stage = groups["stage"].lower()
            attrs["stage"] = "proposed" if "proposed" in stage else "interim" if "interim" in stage else "final"
        if rule.type == "ruling":
            attrs["outcome"] = text[start:end].lower()[:80]
        if rule.target == "agency-counsel":
            # a bid protest's counsel lines: "Kendra Oyelowo, Esq., Department of Homeland Security,
            # for the agency." names the agency whose award was protested
            line = _AGENCY_COUNSEL_LINE.search(head)
            if line:
                target = [
                    _ref(m) for m in head_mentions if line.start() <= m.start < line.end() and m.label == "AGENCY"
                ][:1]
        if rule.target == "matter":
            matter = _MATTER.search(head) or _RESPONDENT_LINE.search(head)
            if matter:
                named = [
                    m
                    for m in head_mentions
                    # not a credential after the name ("PRESSWOOD, MD")
                    if matter.start("name") <= m.start < matter.end("name") and len(m.text) > 3
                ]
                name = re.sub(
                    r"[,;.]?\s*(respondents?|et al\.?)$", "", matter.group("name").strip(" ,;:"), flags=re.IGNORECASE
                )
                parts = [p for p in re.split(r"\s+(?:and|&)\s+", name, flags=re.IGNORECASE) if p]
                whole = len(named) == 1 and len(named[0].text) >= 0.9 * len(name)  # "SMITH AND JONES LLP"
                if len(parts) > 1 and not whole:
                    # "IN THE MATTER OF CORVANA QUANT LTD. AND TOBIAS ELLERY-VOSS": two respondents
                    target = [_matter_party_ref(part, mentions) for part in parts]
                else:
                    if not named:
                        # "In the Matter of: Halit Demirkaya, In-\nmate Number ...": the name, as the text names it elsewhere
                        named = [m for m in mentions if m.label in ("ORG", "PERSON") and name.startswith(m.text)]
                        if not named and not default_rules().lexicon.has_legal_suffix(name):
                            name = name.split(",")[0]
                    target = [_ref(m) for m in named[:1]] or [EntityRef(name, None, None, None)]
            else:
                # "Order Temporarily Denying Export Privileges / Borey Avia Joint Stock Company, Ul. ...":
                # the respondent is the first party named after the title
                named = [m for m in head_mentions if m.start >= end and m.label in ("ORG", "PERSON")]
                target = [_ref(m) for m in named[:1]] or target
        if rule.operative is not None:
            found = list(rule.operative.finditer(text, end)) if rule.operative_at == "last" else []
            said = found[-1] if found else rule.operative.search(text, end)
            if said:
                start, end = _operative_bounds(text, said)
            elif rule.requires_operative:
                continue
        if rule.target == "operative-party":
            # "The Settlement Agreement between CPED and Yardlow Communications, Inc. ... is approved":
            # the company its operative words name (the agency's own unit is no party to its penalty)
            named = Counter(m.id for m in mentions)
            parties = [m for m in mentions if start <= m.start < end and m.label == "ORG"]
            target = [_ref(max(parties, key=lambda m: named[m.id]))] if parties else target
        if "special conditions" in (groups.get("stage") or "").lower():
            # an airworthiness rule for one applicant's design: "issued for the Torvane Aerospace
            # Model TA-60 airplane"
            target = [_ref(m) for m in mentions if start <= m.start < end and m.label in ("ORG", "PRODUCT")][:1]
        events.append(
            Event(
                type=rule.type,
                date=value.value,
                date_precision=value.precision,
                evidence=text[start:end],
                start=start,
                end=end,
                agent=agent,
                target=target,
                attrs=attrs,
                attr_entities=attr_entities,
                confidence=0.9,
                trigger=match.group(0)[:60],
                # the heading itself: words in it ("Denying Export Privileges") are this act, not another
                trigger_start=match.start(),
                trigger_end=match.end(),
            )
        )
        taken_types.add(rule.type)
    return events


def _matter_party_ref(part: str, mentions: list[Mention]) -> EntityRef:
    """One respondent of a caption, as the text names it elsewhere if it does."""
    folded = part.lower().strip(" ,.")
    for m in mentions:
        if m.label in ("ORG", "PERSON") and len(m.text) > 3 and folded.startswith(m.text.lower()):
            return _ref(m)
    return EntityRef(part.strip(" ,"), None, None, None)


# "v.", or New York's "- against -"
_V_LINE = re.compile(
    # (an English court's "R / -v- / NAME")
    r"^[ \t]*(?:[-–—]?(?:vs?\.?|versus)[-–—]?(?:[ \t]+.*)?|[-–—]?[ \t]*against[ \t]*[-–—]?[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_ROLE_LINE = re.compile(
    r"^\s*(plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|applicants?)[,.]?\s*$",
    re.IGNORECASE,
)
# A Commonwealth court's caption: "BETWEEN: / TESSARINE PHOTONICS INC. / Applicant / and / ATTORNEY
# GENERAL OF CANADA / Respondent"
_BETWEEN_CAPTION = re.compile(
    r"^[ \t]*between:?[ \t]*\n\s*(?P<plaintiff>(?:[^\n]*\n){1,8}?)[ \t]*(?:\.{2,}[ \t]*)?"
    r"(?:applicants?|plaintiffs?|appellants?|petitioners?|claimants?)[ \t]*\n\s*and:?[ \t]*\n\s*"
    r"(?P<defendant>(?:[^\n]*\n){1,10}?)[ \t]*(?:\.{2,}[ \t]*)?(?:respondents?|defendants?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ONE_LINE_CAPTION = re.compile(
    # "CASE TITLE: USA V. ARKWRIGHT-MBEKI": a docket sheet labels the caption
    r"^(?:(?i:case title|case name|caption):[ \t]*)?(?P<plaintiff>[^\n]{2,120}?)\s+(?:v\.?|V\.)\s+(?P<defendant>[^\n]{2,120})$",
    re.MULTILINE,
)


def _caption_blocks(head: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Character spans of the plaintiff and defendant blocks of a court caption."""
    between = _BETWEEN_CAPTION.search(head)
    if between:
        return between.span("plaintiff"), between.span("defendant")
    v_line = _V_LINE.search(head)
    if v_line:
        # a caption may set "v." apart with blank lines on either side
        above_end = len(head[: v_line.start()].rstrip("\n"))
        lines_above = head[:above_end].split("\n")
        start = above_end + 1
        for line in reversed(lines_above):
            if not line.strip() or re.search(r"\bcourt\b|\bdistrict of\b", line, re.IGNORECASE):
                break
            start -= len(line) + 1
        below_start = v_line.end() + 1
        while head[below_start : below_start + 1] == "\n":
            below_start += 1
        stop = below_start
        for line in head[below_start:].split("\n"):
            if not line.strip() or _ROLE_LINE.match(line):
                break
            stop += len(line) + 1
        if start < above_end and below_start < stop:
            return (max(start, 0), above_end), (below_start, stop)
    one = _ONE_LINE_CAPTION.search(head[:400])
    if one:
        return one.span("plaintiff"), one.span("defendant")
    return None


def _party_words(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip() and not _ROLE_LINE.match(line)]
    words = " ".join(lines)
    # "ninebark digital exchange llc, petitioner,": the role said on the name's own line
    words = re.sub(
        r",\s*(?:plaintiffs?|defendants?|petitioners?|respondents?)[,.]?\s*$", "", words, flags=re.IGNORECASE
    )
    words = re.sub(r",?\s*(et al\.?)?[,.\s]*$", "", words, flags=re.IGNORECASE)
    return words.strip(" ,")


def caption_parties(text: str, mentions: list[Mention]) -> tuple[list[EntityRef], list[EntityRef]]:
    """(plaintiffs, defendants) named in a court filing's caption, else two empty lists."""
    head = text[:HEAD_CHARS]
    if not re.search(r"\b(court|docket|case|civil action|plaintiff)\b", head, re.IGNORECASE):
        return [], []
    blocks = _caption_blocks(head)
    if blocks is None:
        return _in_re_parties(text, head, mentions)
    sides = []
    for start, end in blocks:
        columns = _left_column(head, start, end)
        # a mention running past its block ("USA V. ARKWRIGHT-MBEKI" read as one name) names neither side
        named = [
            m
            for m in mentions
            if any(a <= m.start and m.end <= b for a, b in columns) and m.label not in ("PLACE", "COURT", "LAW")
        ]
        words = _party_words("\n".join(head[a:b] for a, b in columns))
        known = default_gazetteer().find(words) if words else None
        if known is not None and (not named or len(named[0].text) < len(words) - 4):
            # "U.S. EQUAL EMPLOYMENT OPPORTUNITY / COMMISSION,": a known body's name broken over
            # the caption's lines, which the model reads only in pieces
            sides.append([EntityRef(words, known.canonical, known.id, known.type)])
            continue
        sides.append([_ref(m) for m in named[:1]] or ([EntityRef(words, None, None, None)] if words else []))
    return sides[0], sides[1]


_COLUMN_GAP = re.compile(r"\S([ \t]{3,})\S")


def _left_column(head: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each caption line's left column: the parties, not the case number or the title set beside them."""
    spans = []
    at = start
    for line in head[start:end].split("\n"):
        gap = _COLUMN_GAP.search(line)
        spans.append((at, at + (gap.start(1) if gap else len(line))))
        at += len(line) + 1
    return spans


# "In re:                Chapter 11 / SALLOWMERE CHEMICAL HOLDINGS, LLC, et al.": the name may
# stand on the next line, with the chapter in the column beside "In re:"
_IN_RE = re.compile(
    r"^[ \t]*in re:?(?:[ \t]+(?!chapter \d)(?P<name>\S[^\n]*)|[ \t]*(?:[ \t]{3,}[^\n]*)?\n(?:[ \t]*\n)?[ \t]*(?P<next>\S[^\n]*))",
    re.IGNORECASE | re.MULTILINE,
)
_NAMED_PLAINTIFF = re.compile(r"\b(?i:(?:lead |named )?plaintiffs?)[ \t]+(?=[A-Z])")


def _in_re_parties(text: str, head: str, mentions: list[Mention]) -> tuple[list[EntityRef], list[EntityRef]]:
    """ "IN RE TESSALY CLOUD, INC. SECURITIES LITIGATION": the company is the side sued;
    the plaintiff, if any, is the one the text calls "Lead Plaintiff X"."""
    caption = _IN_RE.search(head)
    if caption is None:
        return [], []
    group = "name" if caption.group("name") else "next"
    # the name runs to the caption's column gap; "SECURITIES LITIGATION" says what kind of case
    name = re.split(r"\s{2,}", caption.group(group).strip())[0]
    name = re.sub(r",?\s*et al\.?,?\d*$", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\b(?:[A-Z]+\s+)?litigation\b.*$", "", name, flags=re.IGNORECASE).strip(" ,")
    # (the kind of case after the name, "LITIGATION", is no party the model may have found)
    name_end = caption.start(group) + len(name)
    defendants = [
        _ref(m)
        for m in mentions
        if m.label == "ORG" and (caption.start(group) <= m.start < name_end or name.lower().startswith(m.text.lower()))
    ][:1]
    if not defendants and name:
        # "IN RE PRICEWICK RENT-SETTING SOFTWARE ..." and then "Defendant Pricewick Analytics, Inc.":
        # the company the caption's first word names
        first = name.split()[0].lower()
        defendants = [
            _ref(m)
            for m in mentions
            if m.label == "ORG"
            and m.start >= caption.end(group)
            and (m.canonical or m.text).lower().split()[0] == first
        ][:1] or [EntityRef(name, None, None, None)]
    plaintiffs = []
    for said in _NAMED_PLAINTIFF.finditer(text[: HEAD_CHARS * 2]):
        named = next((m for m in mentions if m.start == said.end() and m.label in ("ORG", "PERSON")), None)
        words = re.match(r"(?:[A-Z][\w.&'-]*[ \t]+){0,3}[A-Z][\w.&'-]*", text[said.end() :])
        if named is not None:
            plaintiffs = [_ref(named)]
        elif words:
            plaintiffs = [EntityRef(words.group(0), None, None, None)]
        if plaintiffs:
            break
    return plaintiffs, defendants


# "GRANTING DEFENDANTS' MOTION TO DISMISS", "Plaintiff's Motion for a Preliminary Injunction ... is GRANTED"
_MOTION_GRANTED = re.compile(
    r"\bgrant(?:s|ed|ing)?\s+(?:in part\s+)?(?:the\s+)?(?P<a>defendant|plaintiff|respondent|petitioner)s?['’]?s?\s+motion"
    r"|\b(?P<b>defendant|plaintiff|respondent|petitioner)s?['’]?s?\s+motion\b(?:(?!\.\s+[A-Z])[\s\S]){0,120}?\bis\s+granted",
    re.IGNORECASE,
)
_MOTION_DENIED = re.compile(
    r"\bden(?:y|ies|ied|ying)\s+(?:the\s+)?(?P<a>defendant|plaintiff|respondent|petitioner)s?['’]?s?\s+motion"
    r"|\b(?P<b>defendant|plaintiff|respondent|petitioner)s?['’]?s?\s+motion\b(?:(?!\.\s+[A-Z])[\s\S]){0,120}?\bis\s+denied",
    re.IGNORECASE,
)
_MOVANT_SIDE = {
    "defendant": "defendant",
    "respondent": "defendant",
    "plaintiff": "plaintiff",
    "petitioner": "plaintiff",
}


def motion_loser(said: str) -> str | None:
    """Which side ("plaintiff" or "defendant") a ruling on a party's motion goes against."""
    granted = _MOTION_GRANTED.search(said)
    if granted:
        mover = _MOVANT_SIDE[(granted.group("a") or granted.group("b")).lower()]
        return "plaintiff" if mover == "defendant" else "defendant"
    denied = _MOTION_DENIED.search(said)
    if denied:
        return _MOVANT_SIDE[(denied.group("a") or denied.group("b")).lower()]
    return None


# "HADDAD, Samir Yousef (a.k.a. ...); DOB ...", "CEDAR LINE EXCHANGE SAL, Hamra Street, Beirut":
# a sanctions list entry opens with the name in capitals (a person's given names after a comma)
_LIST_ENTRY = re.compile(
    r"^[ \t]*(?:\d+[.)][ \t]*)?(?P<name>[A-Z][A-Z0-9&.'’\- ]*[A-Z0-9.]"
    r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*(?=[ \t]*[;(]))?)(?=[ \t]*[,;(\[])",
    re.MULTILINE,
)
_ENTRY_NOTE = re.compile(r"(?:designated|identified|listed|added) pursuant to\b", re.IGNORECASE)
_LIST_HEADINGS = {"INDIVIDUAL", "INDIVIDUALS", "ENTITY", "ENTITIES", "VESSEL", "VESSELS", "AIRCRAFT"}


def list_entries(text: str, start: int, limit: int = 6) -> list[str]:
    """The names of the entries a list notice gives after `start` ("...added the following persons:")."""
    names: list[str] = []
    for line in text[start : start + 1500].split("\n")[1:]:
        stripped = line.strip()
        if not stripped or stripped.upper().rstrip(":") in _LIST_HEADINGS or stripped.rstrip(":").istitle():
            continue
        if _ENTRY_NOTE.match(stripped):
            continue  # "Designated pursuant to section 1(a)(iii)(C) of E.O. 13224 ..." under an entry
        entry = _LIST_ENTRY.match(line)
        if entry is None:
            break  # the list has ended
        names.append(entry.group("name").strip())
        if len(names) == limit:
            break
    return names


# --- a signer's own directive ---------------------------------------------------------

# A governor's or mayor's executive order speaks in the first person: "NOW, THEREFORE, I, the
# Mayor of ..., by the authority vested in me by the Metropolitan Charter, hereby direct as follows:"
_SIGNER_DIRECTS = re.compile(
    r"\bI,[ \t]+(?:[A-Z][\w.'-]+(?:[ \t]+[A-Z][\w.'-]+){0,3},[ \t]+)?"
    r"(?P<signer>(?:the[ \t]+)?(?:Governor|Lieutenant Governor|Mayor|County Executive|County Judge|Premier|"
    r"Chief Minister|Administrator|Commissioner|Director|Secretary)\b[^,\n]{0,120}),"
    r"[^\n]{0,300}?\b(?:do[ \t]+)?hereby[ \t]+(?:order|direct)(?:[ \t]+and[ \t]+(?:order|direct))?[ \t]+(?:as[ \t]+follows|that)\b"
)


def signed_directive(text: str, mentions: list[Mention], when: dt.date | None) -> Event | None:
    """The order a first-person "I, the Governor ..., hereby order as follows:" makes, on the first
    body its numbered directions bind."""
    said = _SIGNER_DIRECTS.search(text)
    if said is None or when is None:
        return None
    signer = re.sub(r"^the\s+", "", said["signer"].strip(), flags=re.IGNORECASE)
    bound = next(
        (
            m
            for m in mentions
            if said.end() <= m.start < said.end() + 800  # in the numbered directions
            and m.label in ("AGENCY", "ORG", "GOV")
            and m.text.lower() not in signer.lower()
        ),
        None,
    )
    return Event(
        type="order",
        date=when.isoformat(),
        date_precision="day",
        evidence=said.group(0),
        start=said.start(),
        end=said.end(),
        agent=[EntityRef(signer, None, None, "PERSON")],
        target=[_ref(bound)] if bound else [],
        attrs={},
        confidence=0.75,
        trigger="hereby",
    )


# --- docket entries ----------------------------------------------------------------

# "10/14/2025  11  ORDER denying ...", "March 14, 2026: Complaint filed by ...": one line, one entry
_DOCKET_LINE = re.compile(
    # a docket page's rows may open with the entry's number and a label:
    # "12  Filed & Entered: 03/14/2026  ORDER granting ...", "8   FILED: JUL 17, 2026   ORDER ..."
    r"^[ \t]*(?:\d{1,4}[ \t]+(?i:filed(?: (?:&|and) entered)?):[ \t]*)?"
    # "14 | Feb 3, 2026 | MEMORANDUM OPINION ...": a CourtListener table puts the number first
    r"(?:\d{0,4}[ \t]*\|[ \t]*)?"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4}):?[ \t]+"
    r"(?:(?i:entered):[ \t]*\d{1,2}/\d{1,2}/\d{4}[ \t]+)?"
    # "03/02/2026 | 1 | COMPLAINT ...": a table's columns may be set off by bars
    # "03/03/2026 · complaint against ...": or by a middle dot; a city clerk's record by a dash
    r"(?:(?:[|\u00b7]|[\u2013\u2014-](?=[ \t]))[ \t]*)?(?:(?:\d+|--)[ \t]+(?:\|[ \t]*)?)?(?P<entry>[^\s|\u00b7][^\n]*)$",
    re.MULTILINE,
)
_COMPLAINT = re.compile(r"^(?:amended |verified )?(?:complaint|petition for review|petition)\b", re.IGNORECASE)
# a criminal docket's charging papers and pleas: "INFORMATION AS TO X", "DEFENDANT PLEADS GUILTY"
_CHARGE = re.compile(r"^(?:sealed |superseding )*(?:indictment|information)\b(?! sheet)", re.IGNORECASE)
_PLEA = re.compile(r"\bplead(?:s|ed)? guilty\b|\bplea of guilty (?:entered|accepted)\b|\bguilty plea entered\b", re.I)
_COURT_ACT = re.compile(
    r"^(?:minute |consent |memorandum |final |stipulated )*(?:order|opinion|judgment|temporary restraining order|preliminary injunction)\b",
    re.IGNORECASE,
)
_DECISIVE = re.compile(
    r"\b(grant|deny|denie|dismiss|enjoin|injunction|restraining|judgment|vacat|remand|stay|stayed|freez|frozen|affirm|"
    r"revers|sentenc|convict|approv)",
    re.IGNORECASE,
)
# "MINUTE ORDER: THE COURT WILL HOLD A HEARING ON PLAINTIFF'S MOTION FOR TEMPORARY RESTRAINING ORDER"
_SCHEDULING = re.compile(
    r"\bwill hold\b|\bscheduling\b|\bsetting (?:a |the )?(?:motion |status |oral )?(?:hearing|briefing|conference)\b",
    re.IGNORECASE,
)
# "SIGNED BY JUDGE REBECCA QUARLES-NYAMBE ON 7/17/2026": the judge rules with the court
_SIGNED_BY_JUDGE = re.compile(r"\bsigned by (?:(?:chief|senior|district|magistrate) )*judge\b", re.IGNORECASE)
# "STIPULATED ORDER FOR PERMANENT INJUNCTION AND MONETARY JUDGMENT as to Defendant X": the
# plaintiff agency's settlement, entered by the court
_SETTLED_JUDGMENT = re.compile(r"^(?:stipulated|consent|agreed)\s+(?:final\s+)?(?:order|judgment)\b", re.IGNORECASE)
_MONEY_RELIEF = re.compile(
    r"\bmonetary judgment\b|\bcivil (?:money |monetary )?penalt|\bin the amount of \$", re.IGNORECASE
)
_FILED_BY = re.compile(r"\b(?:filed|brought) by\b", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:against|as to)\b", re.IGNORECASE)


def _docket_date(value: str) -> dt.date | None:
    for fmt in ("%m/%d/%Y", "%m/%d/%y", "%B %d, %Y", "%b. %d, %Y", "%b %d, %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


# An item of a "Recent Actions" page, an alert or a digest, headed by its own date:
# "12/03/2025 - Counter Terrorism Designations", "2026-03-04 | FCC fines ...".
DATED_ITEM = re.compile(
    r"^[ \t]*(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})"
    r"[ \t]*[-\u2013\u2014|:][ \t]*(?=\S)",
    re.MULTILINE | re.IGNORECASE,
)


# a case page's "Update - 6 November 2025" over what happened then, newest first
UPDATE_HEADING = re.compile(
    r"^[ \t]*(?:update[sd]?|posted|published)[ \t]*[-\u2013\u2014:][ \t]*"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


# "STATEMENT OF THE GOVERNOR ON HOUSE BILL 2917" over "May 6, 2026": a part of the document
# written on a day of its own, a line holding nothing but that day under the part's heading
SECTION_DATE = re.compile(
    r"(?<=\n)[ \t]*(?P<heading>\S[^\n]*)\n[ \t]*\n?[ \t]*"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})[ \t]*$",
    re.MULTILINE,
)


def dated_items(plain: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of each item in a list of dated items, the span running to the next item.

    What an item says happened "today", or tells undated, happened on its date, not on the day
    the page or the alert went out. One dated line is a dateline, not a list: it takes two,
    unless it dates a later part of the document under that part's own heading."""
    heads = []
    found = sorted([*DATED_ITEM.finditer(plain), *UPDATE_HEADING.finditer(plain)], key=lambda m: m.start())
    # "17/07/2025 | press release": a European page writes the day first, and one item whose first
    # number cannot be a month says so for all of them
    numeric = [m["date"].split("/") for m in found if m["date"].count("/") == 2]
    day_first = any(int(parts[0]) > 12 for parts in numeric)
    for match in found:
        value = match["date"]
        try:
            when = dt.date.fromisoformat(value)
        except ValueError:
            if day_first and value.count("/") == 2:
                day, month, year = (int(part) for part in value.split("/"))
                try:
                    when = dt.date(year, month, day)
                except ValueError:
                    when = None
            else:
                when = _docket_date(value) or _parse_long_date(value.title())
        if when is not None and (published is None or when <= published):
            heads.append((match.start(), when))
    if len(heads) < 2:
        heads = []
    for match in SECTION_DATE.finditer(plain):
        when = _docket_date(match["date"]) or _parse_long_date(match["date"])
        if (
            match["heading"].isupper()
            and match.start("date") > 600  # (a date at the top is the document's own: written_date)
            and when is not None
            and (published is None or when <= published)
            and not any(start <= match.start("date") <= start + 40 for start, _ in heads)
        ):
            heads.append((match.start("date"), when))
    heads.sort()
    if not heads:
        return []
    ends = [start for start, _ in heads[1:]] + [len(plain)]
    return [(start, end, when) for (start, when), end in zip(heads, ends, strict=True)]


_LISTED_DISTRICT = re.compile(
    r"(?P<court>district court|bankruptcy court),\s+(?P<side>[NSEWMC]\.)?\s*D\.\s+(?P<state>[A-Z][\w .]+)$",
    re.IGNORECASE,
)
_SPELLED_DISTRICT = re.compile(
    r"(?P<court>district court|bankruptcy court),\s+"
    r"(?P<district>(?:(?:northern|southern|eastern|western|middle|central) )?district of [A-Z][\w .]+)$",
    re.IGNORECASE,
)
_DISTRICT_SIDES = {
    "N.": "Northern",
    "S.": "Southern",
    "E.": "Eastern",
    "W.": "Western",
    "M.": "Middle",
    "C.": "Central",
}


def _known_court(name: str) -> EntityRef | None:
    """The gazetteer's court a name is an alias of, if it is one."""
    entry = default_gazetteer().find(name)
    return (
        EntityRef(name, entry.canonical, entry.id, entry.type) if entry is not None and entry.type == "COURT" else None
    )


def _court_from_header(text: str) -> EntityRef:
    """ "U.S. District Court" over "District of Columbia (Washington, DC)": the court a docket belongs to."""
    lines = [line.strip() for line in text[:600].split("\n") if line.strip()]
    # "UNITED STATES JUDICIAL PANEL / on / MULTIDISTRICT LITIGATION": a name set over lines
    # "Federal Court          Cour fédérale": a bilingual heading names the court in either column
    columns = [re.split(r"[ \t]{3,}", line) for line in lines]
    names = [" ".join(lines[:3]), " ".join(lines[:2])] + [later for row in columns[:3] for later in row[1:]]
    # (under a clerk's stamp, "FILED IN OPEN COURT / AUGUST 13, 2026 / CLERK, ...", the court's own
    # two lines come further down)
    names += [" ".join(lines[i : i + 2]) for i in range(2, min(len(lines), 12))]
    known = next((ref for ref in map(_known_court, names) if ref is not None), None)
    if known is not None:
        return known
    lines = [row[0] for row in columns]
    for first, second in zip(lines, lines[1:] + [""], strict=False):
        if re.search(r"\bcourt\b", first, re.IGNORECASE):
            place = re.sub(r"\s*\(.*\)\s*$", "", second)
            if re.match(r"(district|eastern|western|northern|southern|middle|central) ", place, re.IGNORECASE):
                name = f"{first} for the {place}"
            elif re.match(r"for the (?:[a-z]+ )?district of ", place, re.IGNORECASE):
                name = f"{first} {place}"  # "UNITED STATES BANKRUPTCY COURT / FOR THE DISTRICT OF DELAWARE"
            else:
                name = first
            name = re.sub(r"^in the\s+", "", name, flags=re.IGNORECASE)
            # CourtListener's "District Court, N.D. California": the district written out
            listed = _LISTED_DISTRICT.match(name)
            spelled = _SPELLED_DISTRICT.match(name)
            if spelled:  # "District Court, District of Columbia"
                name = f"{spelled['court']} for the {spelled['district']}"
            elif listed:
                side = _DISTRICT_SIDES.get((listed["side"] or "").upper(), "")
                name = f"{listed['court']} for the {side + ' ' if side else ''}District of {listed['state']}"
            entry = default_gazetteer().find(name)
            if entry is not None:
                return EntityRef(name, entry.canonical, entry.id, entry.type)
            return EntityRef(name, None, None, "COURT")
    return EntityRef("the court", None, None, "COURT")


def _named_after(pattern: re.Pattern[str], entry: str, offset: int, in_entry: list[Mention]) -> list[EntityRef]:
    """The first party named after "filed by" / "against" in a docket entry."""
    found = pattern.search(entry)
    if not found:
        return []
    after = offset + found.end()
    return [
        _ref(m)
        for m in in_entry
        if m.start >= after
        and m.label not in ("LAW", "LIST", "PLACE")
        # "... AS TO THE BEEF LINE ONLY. SIGNED BY JUDGE X": the judge is no party
        and (pattern is _SIGNED_BY_JUDGE or not re.search(r"\bjudge\s+$", entry[: m.start - offset], re.IGNORECASE))
    ][:1]


def _signing_judge(entry: str) -> list[EntityRef]:
    """The judge's name as the entry writes it, where the model tagged none."""
    signed = _SIGNED_BY_JUDGE.search(entry)
    name = (
        re.match(r"\s+([A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){1,3})(?=\s+on\b|\s*[,.;(]|\s*$)", entry[signed.end() :])
        if signed
        else None
    )
    return [EntityRef(name.group(1), None, None, "PERSON")] if name else []


# congress.gov "All Actions": "05/13/2025 House  Introduced in House", "... Passed Senate without amendment"
# A state legislature's history adds a "Governor" column: "05/15/2026  Governor  Governor Signed"
# Mississippi's marks the chamber by its initial: "02/11/2026 (H) Passed As Amended {Vote: 109-8}"
_CHAMBER_ACTION = re.compile(
    r"^(?:(?P<chamber>House|Senate|Assembly|Governor)|\((?P<initial>[HSA])\))\s+(?P<action>.+)$", re.IGNORECASE
)
_CHAMBER_INITIALS = {"H": "house", "S": "senate", "A": "assembly"}
# a city clerk's record names the body before its act: "12/04/2025 – City Council: passed, as amended"
_BODY_ACTION = re.compile(
    r"^(?P<body>(?:[A-Z][\w.'-]* ){0,3}(?:Council|Board of Supervisors|Board of Aldermen|Commission|Legislature)):"
    r"[ \t]*(?P<action>.+)$"
)
# "Introduced by Councilors Vasilakis-Bourne, Amaral and Teixeira-Nunn; referred to ...": its first sponsor
_INTRODUCED_BY = re.compile(
    r"^introduced by (?:(?:council ?members?|councilors?|councillors?|aldermen|alderman|alderpersons?|supervisors?|"
    r"senators?|representatives?|reps?\.|sens?\.|commissioners?) )?(?P<name>[A-Z][^,;\n]*?)(?=,| and |;|\.?$)",
    re.IGNORECASE,
)
_INTRODUCED = re.compile(
    # Illinois's list: "1/14/2026  SENATE  FILED WITH SECRETARY BY SEN. X", then "FIRST READING"
    # Vermont's: "01/07/2026  Senate   Introduced by Senators X, Y and Z"
    r"^introduced(?: in (?:the )?(?P<chamber>house|senate|assembly))?\b|^filed with (?:the )?(?:secretary|clerk)\b"
    r"|^first reading\b",
    re.IGNORECASE,
)
_PASSED = re.compile(
    r"^(?:passed|agreed to in) (?:the )?(?P<chamber>house|senate)\b|^on passage passed\b"
    r"|^on motion to suspend the rules and pass the (?:bill|resolution)\b.*\bagreed to\b"
    # a state chamber passes a bill on its third reading
    r"|^(?:(?P<reading_chamber>house|senate|assembly) )?third reading passed\b|^passed (?:on )?third reading\b"
    # "THIRD READING - SHORT DEBATE - PASSED 079-032-000"
    r"|^third reading\W+(?:short debate\W+)?passed\b"
    # "Read third time and passed; roll call, Yeas 21, Nays 8"
    r"|^read (?:a )?third time and passed\b"
    # "Passed As Amended {Vote: 109-8}": the chamber is the line's column
    r"|^passed(?: as amended)?[ \t]*(?:\{vote\b|;|$)"
    # a city council's "passed, as amended, by a vote of 12-2"
    r"|^passed,? (?:as amended,? )?(?:by a vote of|unanimously)\b",
    re.IGNORECASE,
)
_ENACTED = re.compile(r"^(?:became public law|signed by (?:the )?president)\b", re.IGNORECASE)
# (and a city clerk's "12/09/2025 – Approved by the Mayor.", a mayor's signature)
_HEAD_SIGNED = re.compile(
    r"^(?:(?P<head>governor|mayor) (?:signed|approved)|(?:signed|approved) by (?:the )?(?P<by>governor|mayor))\b", re.I
)
_SPONSOR = re.compile(
    # "Sponsor: Rep. Okonjo, Adaeze [D-MD-4]"; "Sponsors: Rep. A, Rep. B | Sen. C": the first one
    # "SENATE SPONSORS: SEN. X" heads a list that names each chamber's sponsors
    # "Principal Author: Representative X" (Mississippi's word for it)
    r"^(?:(?:(?:senate|house|assembly|chief) )?sponsors?|principal author):[ \t]*(?P<name>[^\[(|\n]+?)[ \t]*(?=[\[(|\n]|,[ \t]*(?:rep|sen|representative|senator)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_CHAMBER_IDS = {"house": "legislature:us-house", "senate": "legislature:us-senate"}
_STATE_LEGISLATURE = re.compile(
    r"\b(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:General Assembly|State Legislature|Legislature)\b"
    # a capitals page: "ILLINOIS GENERAL ASSEMBLY"
    r"|\b(?P<capital_state>[A-Z]{4,}(?: [A-Z]{3,})?) (?:GENERAL ASSEMBLY|STATE LEGISLATURE|LEGISLATURE)\b"
)


def _first_sponsor(text: str) -> str:
    """The first sponsor a bill's status page names, as it writes a member ("Rep. Okonjo, Adaeze").

    A list of bare surnames ("Sponsors: Abernathy-Osei, Esquivel-Baird", "Sponsors: Senators
    Halvorsen-Dunmore, Brattlehurst") gives its first name, without the plural title.
    """
    sponsor = _SPONSOR.search(text[:HEAD_CHARS])
    name = sponsor.group("name").strip() if sponsor else ""
    name = re.sub(r"^(?:senators|representatives|sens\.|reps\.)\s+", "", name, flags=re.IGNORECASE)
    if name and not re.match(r"(?:rep|sen)\b", name, re.IGNORECASE):
        name = re.split(r",| and ", name)[0].strip()
    return name


def _state_name(found: re.Match[str] | None) -> str:
    if found is None:
        return ""
    return found.group("state") or found.group("capital_state").title()


def _state_chamber(state: str, named: str) -> EntityRef:
    """ "Colorado" and "house": the Colorado House of Representatives (a state's, not Congress's)."""
    chamber = "House of Representatives" if named.lower() == "house" else named.title()
    return EntityRef(f"{state} {chamber}".strip(), None, None, "LEGISLATURE")


def _bill_action(entry: str, text: str) -> tuple[list[EntityRef], dict[str, str]] | None:
    """(agent, attrs) of a bill's introduction, passage or enactment in a bill-status action list.

    The list gives the chamber in a column of its own ("House  Introduced in House") or
    only in the action's words ("passed senate without amendment"); a motion to suspend
    the rules and pass a bill is a House procedure.
    """
    line = _CHAMBER_ACTION.match(entry)
    action = line.group("action").strip() if line else entry.strip()
    said = (line.group("chamber") or _CHAMBER_INITIALS.get(line.group("initial").upper())) if line else None
    local = _BODY_ACTION.match(entry) if line is None else None
    if local is not None:
        action = local.group("action").strip()
        if _PASSED.match(action):
            return [EntityRef(local.group("body"), None, None, "LEGISLATURE")], {"stage": "passed"}
        return None
    sponsored = _INTRODUCED_BY.match(action)
    if sponsored is not None:
        return [EntityRef(sponsored.group("name").strip(), None, None, "PERSON")], {"stage": "introduced"}
    # "Colorado General Assembly": its chambers are the state's, not Congress's
    state = _STATE_LEGISLATURE.search(text[:HEAD_CHARS])

    def chamber_of(found: re.Match[str]) -> list[EntityRef]:
        named = (
            found.groupdict().get("reading_chamber")
            or said
            or found.groupdict().get("chamber")
            or ("house" if "suspend the rules" in found.group(0).lower() else None)
        )
        if not named or named.lower() == "governor":
            return []
        if state:
            return [_state_chamber(_state_name(state), named)]
        ref = _gazetteer_ref(_CHAMBER_IDS.get(named.lower(), ""))
        return [ref] if ref else []

    introduced = _INTRODUCED.match(action)
    if introduced:
        sponsor = _first_sponsor(text)
        agent = [EntityRef(sponsor, None, None, "PERSON")] if sponsor else []
        return agent or chamber_of(introduced), {"stage": "introduced"}
    passed = _PASSED.match(action)
    if passed:
        return chamber_of(passed), {"stage": "passed"}
    if _ENACTED.match(action):
        president = _gazetteer_ref("gov:us-president")
        return ([president] if president else []), {"stage": "signed"}
    signed = _HEAD_SIGNED.match(action)
    if signed and (signed["head"] or signed["by"]).lower() == "mayor":
        return [EntityRef("Mayor", None, None, "PERSON")], {"stage": "signed"}
    if signed:
        governor = f"Governor of {_state_name(state)}" if state else "Governor"
        return [EntityRef(governor, None, None, "PERSON")], {"stage": "signed"}
    return None


# A state legislature's session history that dates its lines by month and day only and names the
# chamber in headings: "IN THE SENATE" / "Mar 4\tThird reading, passed; yeas, 29; nays, 20" /
# "\tPassed final passage; ..." (a further action of the same day) / "Mar 24\tGovernor signed."
_HISTORY_HEADING = re.compile(r"^[ \t]*(?:bill|legislative) history[ \t]*$", re.IGNORECASE | re.MULTILINE)
_YEARLESS_ACTION = re.compile(
    r"^(?:(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?P<day>\d{1,2})(?:[ ]*\t|[ ]{2,})[ \t]*|[ \t]+)"
    r"(?P<action>\S[^\n]*)$",
    re.MULTILINE,
)
_CHAMBER_HEADING = re.compile(r"^[ \t]*IN THE (?P<chamber>HOUSE|SENATE|ASSEMBLY)[ \t]*$|^[ \t]*OTHER THAN LEGISLATIVE")
_HISTORY_INTRODUCED = re.compile(r"^(?:pre-?filed for introduction|introduced|first reading)\b", re.IGNORECASE)
_HISTORY_PASSED = re.compile(
    r"^(?:third reading,? passed|passed final passage|final passage,? passed|(?:house|senate|assembly) concurred in)\b",
    re.IGNORECASE,
)
_BILL_ORIGIN = re.compile(r"^[ \t]*(?P<prefix>E?S?[HSA])B[ \t]+\d+", re.MULTILINE)


def session_history_events(text: str, mentions: list[Mention], published: dt.date | None) -> list[Event]:
    """Introduction, each chamber's passage and the governor's signature in a month-and-day bill history."""
    heading = _HISTORY_HEADING.search(text)
    if heading is None or published is None:
        return []
    origin = _BILL_ORIGIN.search(text[: heading.start()])
    chamber = {"H": "House", "S": "Senate", "A": "Assembly"}.get(origin["prefix"][-1]) if origin else None
    state = _STATE_LEGISLATURE.search(text[:HEAD_CHARS])
    state_name = re.sub(r" State$", "", _state_name(state))
    sponsor_name = _first_sponsor(text)

    events: list[Event] = []
    when: dt.date | None = None
    introduced = False
    for line in re.finditer(r"^[^\n]*$", text[heading.end() :], re.MULTILINE):
        moved = _CHAMBER_HEADING.match(line.group(0))
        if moved:
            chamber = moved["chamber"].title() if moved["chamber"] else None
            continue
        item = _YEARLESS_ACTION.match(line.group(0))
        if item is None:
            continue
        if item["month"]:
            # "Dec 8" prefiled before a January session is last year's
            when = dates.latest_month_day(item["month"], int(item["day"]), published)
        action = item["action"].strip()
        if when is None:
            continue
        if _HISTORY_INTRODUCED.match(action) and not introduced:
            introduced = True
            agent = [new_ref(sponsor_name, "PERSON")] if sponsor_name else []
            stage = "introduced"
            agent += [_state_chamber(state_name, chamber)] if chamber else []
        elif _HISTORY_PASSED.match(action) and chamber:
            if any(e.date == when.isoformat() and e.attrs.get("stage") == "passed" for e in events):
                continue  # "House concurred in Senate amendments." then "Passed final passage": one vote's record
            agent, stage = [_state_chamber(state_name, chamber)], "passed"
        elif (signed := _HEAD_SIGNED.match(action)) and (signed["head"] or signed["by"]).lower() == "governor":
            agent, stage = (
                [EntityRef(f"Governor of {state_name}" if state_name else "Governor", None, None, "PERSON")],
                "signed",
            )
        else:
            continue
        start = heading.end() + line.start() + item.start("action")
        end = heading.end() + line.start() + item.end("action")
        events.append(
            Event(
                type="legislation",
                date=when.isoformat(),
                date_precision="day",
                evidence=text[start:end],
                start=start,
                end=end,
                agent=agent,
                attrs={"stage": stage},
                confidence=0.85,
                trigger=action.split()[0],
            )
        )
    return events


# The UK Parliament's stages page of a bill, a row per stage: "House of Lords | 1st reading |
# 4 February 2026" ... "Royal Assent | 10 November 2026". The first 1st reading brings the bill in;
# a 3rd reading passes it out of that house; Royal Assent makes it an Act.
# The Parliament of Australia's "Progress of bill" rows are alike: "Senate | Third reading agreed
# to | 12 Aug 2026", "Assent | Act no: 61 | Year: 2026 | 26 Aug 2026".
_UK_HOUSES = {"house of lords": "legislature:uk-lords", "house of commons": "legislature:uk-commons"}
# other parliaments' houses, named as the page names them
_OTHER_HOUSE = re.compile(
    r"^(?:house of representatives|senate|house of assembly|legislative (?:council|assembly)|national (?:assembly|council))$",
    re.IGNORECASE,
)
_UK_STAGE_CELL = re.compile(r"[ \t]*(?:\||\t)[ \t]*")
_UK_STAGE_DATE = re.compile(r"^(?P<date>\d{1,2} [A-Z][a-z]+ \d{4})(?:[ \t]*[-\u2013][ \t]*\d{1,2} [A-Z][a-z]+ \d{4})?$")
_UK_FIRST_READING = re.compile(r"^(?:(?:1st|first) reading\b|introduced\b)", re.IGNORECASE)
_UK_THIRD_READING = re.compile(r"\b(?:3rd|third) reading(?: agreed to| passed)?$", re.IGNORECASE)
_ASSENT = re.compile(r"^(?:royal )?assent$", re.IGNORECASE)
# "[HL]" marks a bill brought in by the Lords; it is no part of the name
_UK_BILL_NAME = re.compile(r"^[ \t]*(?P<bill>[A-Z][^\n|]{2,120}? Bill(?: \d{4})?)(?: \[HL\])?[ \t]*$", re.MULTILINE)


def bill_stages_events(text: str, mentions: list[Mention]) -> list[Event]:
    """Introduction, each house's passage and Royal Assent from a bill's table of stages."""
    rows = []
    # ("l3 May 2026": a scanned table's dates are read repaired; evidence stays as written)
    for line in re.finditer(r"^[^\n]*$", repair_ocr(text), re.MULTILINE):
        cells = [c for c in _UK_STAGE_CELL.split(line.group(0).strip()) if c]
        if len(cells) < 2 or not _UK_STAGE_DATE.match(cells[-1]):
            continue
        named = cells[0].lower()
        house = named if named in _UK_HOUSES or _OTHER_HOUSE.match(named) else None
        stage = cells[1] if house and len(cells) == 3 else cells[0] if len(cells) == 2 else None
        if house is None and _ASSENT.match(cells[0]):
            stage = cells[0]  # "Assent | Act no: 61 | Year: 2026 | 26 Aug 2026"
        if stage is None:
            continue
        rows.append((line, house, cells[0], stage, _parse_long_date(_UK_STAGE_DATE.match(cells[-1])["date"])))
    if len([row for row in rows if row[1]]) < 2:
        return []  # one dated line is a sentence's business, not a table of stages
    bill = _UK_BILL_NAME.search(text[:HEAD_CHARS])
    target = []
    if bill is not None:
        linked = next((m for m in mentions if m.start == bill.start("bill") and m.end == bill.end("bill")), None)
        target = [_ref(linked) if linked else new_ref(bill["bill"], "LAW")]
    events: list[Event] = []
    introduced = False
    for line, house, written, stage, when in rows:
        if when is None:
            continue
        if house and _UK_FIRST_READING.match(stage) and not introduced:
            introduced, how = True, "introduced"
        elif house and _UK_THIRD_READING.search(stage):
            how = "passed"
        elif not house and _ASSENT.match(stage):
            how = "signed"
        else:
            continue
        if house in _UK_HOUSES:
            chamber = _gazetteer_ref(_UK_HOUSES[house])
        else:
            chamber = new_ref(written, "LEGISLATURE") if house else None
        start = line.start() + len(line.group(0)) - len(line.group(0).lstrip())
        end = start + len(line.group(0).strip())
        events.append(
            Event(
                type="legislation",
                date=when.isoformat(),
                date_precision="day",
                evidence=text[start:end],
                start=start,
                end=end,
                agent=[chamber] if chamber else [],
                target=list(target),
                attrs={"stage": how},
                confidence=0.85,
                trigger=stage.split()[-1],
            )
        )
    return events


# A single-chamber parliament's bill progress, a line per stage: "Introduction: 11 November 2025",
# "Third reading: 12 August 2026", "Royal assent: 19 August 2026 - ... Act 2026". Who brought the
# bill in is its "Member in charge"; the house that passed it is the parliament the page is of.
_PROGRESS_STAGE = re.compile(
    r"^[ \t]*(?P<stage>introduction|first reading|third reading|royal assent)[ \t]*:[ \t]*"
    r"(?P<date>\d{1,2} [A-Z][a-z]+ \d{4})\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_MEMBER_IN_CHARGE = re.compile(r"^[ \t]*member in charge:[ \t]*(?P<name>[^\n]+?)[ \t]*$", re.I | re.M)
_PARLIAMENT_HEAD = re.compile(r"^[ \t]*(?P<name>(?:[A-Z][a-z]+ ){1,3}Parliament)\b", re.MULTILINE)
_PROGRESS_STEPS = {"introduction": "introduced", "first reading": "introduced", "third reading": "passed"}


def bill_progress_events(text: str, mentions: list[Mention]) -> list[Event]:
    """Introduction, passage and assent from a single-chamber parliament's bill progress list."""
    rows = list(_PROGRESS_STAGE.finditer(text))
    if len(rows) < 2 or not _UK_BILL_NAME.search(text[:HEAD_CHARS]):
        return []  # one dated stage is a sentence's business, not a bill's progress
    sponsor = _MEMBER_IN_CHARGE.search(text[:HEAD_CHARS])
    house = _PARLIAMENT_HEAD.search(text[:HEAD_CHARS])
    events: list[Event] = []
    for row in rows:
        stage = row["stage"].lower()
        how = _PROGRESS_STEPS.get(stage, "signed")
        if how == "introduced" and any(e.attrs.get("stage") == "introduced" for e in events):
            continue  # the first reading of a bill already brought in
        when = _parse_long_date(row["date"])
        if when is None:
            continue
        if how == "introduced":
            agent = [new_ref(sponsor["name"], "PERSON")] if sponsor else []
        elif how == "passed":
            agent = [new_ref(house["name"], "LEGISLATURE")] if house else []
        else:
            agent = []  # assent is the Crown's, which the page does not name
        events.append(
            Event(
                type="legislation",
                date=when.isoformat(),
                date_precision="day",
                evidence=row.group(0).strip(),
                start=row.start("stage"),
                end=row.start("stage") + len(row.group(0).strip()),
                agent=agent,
                attrs={"stage": how},
                confidence=0.85,
                trigger=row["stage"].split()[-1],
            )
        )
    return events


# "In Executive Order 13873 of May 15, 2019 (Securing ...), the President found ...": an order a
# text cites by number and date was issued by the President that day
_CITED_EXECUTIVE_ORDER = re.compile(
    r"\bExecutive\s+Order\s+(?P<number>\d{5})\s+of\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
)


def cited_executive_orders(text: str) -> list[Event]:
    """One order per executive order the text cites with its date, by the President, on that date."""
    president = _gazetteer_ref("gov:us-president")
    events: list[Event] = []
    seen: set[str] = set()
    for cited in _CITED_EXECUTIVE_ORDER.finditer(text):
        when = _parse_long_date(re.sub(r"\s+", " ", cited["date"]))
        if when is None or cited["number"] in seen or president is None:
            continue
        seen.add(cited["number"])
        # the sentence or list item that cites it (a wrapped line may cut the sentence: evidence need not be whole)
        opening = max(text.rfind(". ", 0, cited.start()) + 2, text.rfind("\n", 0, cited.start()) + 1, 0)
        ending = [i for i in (text.find(". ", cited.end()), text.find("\n", cited.end())) if i >= 0]
        closing = min(min(ending) + 1 if ending else len(text), cited.end() + 300)
        events.append(
            Event(
                type="order",
                date=when.isoformat(),
                date_precision="day",
                evidence=text[opening:closing],
                start=opening,
                end=closing,
                agent=[president],
                attrs={"form": f"executive order {cited['number']}"},
                confidence=0.8,
                trigger=cited.group(0)[:60],
            )
        )
    return events


def _first_past_date(words: str, published: dt.date) -> dates.DateValue | None:
    """The first date `words` tell, read as past from `published`."""
    try:
        found = dates.find_dates(words, published, tense="past")
    except Exception:  # a date layer bug must not lose the document
        return None
    return next((m.value for m in found if m.value.value), None)


# "the minimum pay rule DCWP adopted in June 2023", "the interim final rule that BIS published on
# Tuesday", "regulation, 3 NYCRR Part 504, which the Department adopted in June 2016", "Regulation
# (EU) No 269/2014, which the Council adopted on 17 March 2014": a rule the text recites with its
# maker and when it was made
_RECITED_RULE = re.compile(
    # (the rule nearest its maker: not "regulations in 37 CFR part 202, replaces an interim rule the
    # Office issued")
    r"\b(?P<noun>rule|[Rr]egulation|[Rr]egulations|measures)\b"
    r"(?P<mid>(?:(?!\b(?:rule|[Rr]egulations?|measures)\b)[^.;\n]){0,80}?),?\s+(?:(?:which|that)\s+)?"
    r"(?:the\s+)?(?P<agent>[A-Z][\w&.'-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w&.'-]*){0,5})\s+"
    r"(?:adopted|finalized|finalised|published|issued|promulgated|made)\s+(?:it\s+)?(?P<when>(?:on|in)\s+"
    r"(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2}(?!\d))?(?:,?\s+\d{4})?)"
)


def recited_rules(text: str, mentions: list[Mention], published: dt.date | None) -> list[Event]:
    """Rules a text recites with their maker and date, as past steps of rulemaking."""
    if published is None:
        return []
    events: list[Event] = []
    for recited in _RECITED_RULE.finditer(text):
        when = _first_past_date(recited["when"], published)
        if when is None:
            continue
        start, end = recited.start("agent"), recited.end("agent")
        # the mention may take in the article the pattern leaves out ("the Council")
        maker = next((m for m in mentions if m.id and m.start < end and m.end > start), None)
        if maker is None and " " not in recited["agent"]:
            # "which the Department adopted": the department the text named before
            word = recited["agent"].lower()
            maker = next(
                (
                    m
                    for m in reversed(mentions)
                    if m.id and m.end <= start and m.label == "AGENCY" and word in (m.canonical or m.text).lower()
                ),
                None,
            )
        agent = [_ref(maker)] if maker else [new_ref(recited["agent"], "AGENCY")]
        words = (text[max(0, recited.start() - 30) : recited.start()] + recited["noun"]).lower()
        stage = "interim" if "interim" in words else "proposed" if "proposed" in words else "final"
        events.append(
            Event(
                type="rule",
                date=when.value,
                date_precision=when.precision,
                evidence=recited.group(0),
                start=recited.start(),
                end=recited.end(),
                agent=agent,
                attrs={"stage": stage},
                confidence=0.7,
                trigger=recited["noun"],
                trigger_start=recited.start("noun"),
                trigger_end=recited.end("noun"),
            )
        )
    return events


# "On March 3, 2026, a putative class action captioned Hanley v. Calderwynn Technologies, Inc.
# was filed in ...": a suit a filing reports by its caption; the parser seldom sees "v." as a link
_CAPTIONED_SUIT = re.compile(
    r"\b(?:action|lawsuit|suit|complaint|case)\s+(?:captioned|styled|entitled|titled)\s+"
    r"(?P<plaintiff>[A-Z][\w.'&-]*(?:[ -][A-Z][\w.'&-]*){0,4})\s+v\.\s+"
    r"(?P<defendant>[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,6})(?:,?\s+(?:Inc|Corp|LLC|Ltd|Co|L\.P|plc)\.?)?"
)
_FILED = re.compile(r"\bfiled\b", re.IGNORECASE)


def captioned_suits(text: str, mentions: list[Mention], published: dt.date | None) -> list[Event]:
    """Suits a text says were filed, named only by their caption ("X v. Y"), on the day its sentence gives."""
    if published is None:
        return []
    events: list[Event] = []
    for suit in _CAPTIONED_SUIT.finditer(text):
        opening = max(text.rfind(". ", 0, suit.start()) + 2, text.rfind("\n\n", 0, suit.start()) + 2, 0)
        closing = text.find(". ", suit.end())
        sentence = text[opening : closing if closing > 0 else len(text)]
        if not _FILED.search(sentence):
            continue  # "the action captioned X v. Y, pending in ...": no new filing told
        when = _first_past_date(sentence, published)
        start, end = suit.start("defendant"), suit.end()
        defendant = next((m for m in mentions if m.id and m.start < end and m.end > start), None)
        plaintiff = next(
            (m for m in mentions if m.id and suit.start("plaintiff") <= m.start < suit.end("plaintiff")), None
        )
        events.append(
            Event(
                type="lawsuit",
                date=when.value if when else None,
                date_precision=when.precision if when else "unknown",
                evidence=sentence.strip(),
                start=opening,
                end=opening + len(sentence.rstrip()),
                agent=[_ref(plaintiff) if plaintiff else new_ref(suit["plaintiff"], "PERSON")],
                target=[_ref(defendant) if defendant else new_ref(suit["defendant"], "ORG")],
                confidence=0.7,
                trigger=text[suit.start() : suit.start("plaintiff")].split()[0],
            )
        )
    return events


# --- EU legal acts that amend a sanctions annex --------------------------------------

# "THE COUNCIL OF THE EUROPEAN UNION, ... HAS ADOPTED THIS REGULATION:" then "Article 1"
# amends an annex: "the persons ... listed in the Annex to this Regulation are added to
# the list; the entry concerning 'X' is deleted."
_EU_ADOPTED = re.compile(r"^[ \t]*HAS ADOPTED THIS (?:REGULATION|DECISION)\b", re.MULTILINE | re.IGNORECASE)
_EU_AUTHOR = re.compile(
    r"^[ \t]*THE (?P<author>COUNCIL OF THE EUROPEAN UNION|EUROPEAN COMMISSION),?[ \t]*$", re.M | re.I
)
_EU_DONE = re.compile(r"\bDone at [A-Z][a-z]+, (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})")
_EU_ARTICLE = re.compile(r"^[ \t]*Article (?P<number>\d+)[ \t]*$", re.MULTILINE)
_EU_CLAUSE = re.compile(
    r"(?:^|\n)[ \t]*(?:\(\d+\)[ \t]*)?(?P<clause>[^\n]*?\b(?P<verb>added|included|inserted|deleted|removed)\b[^\n]*)"
)
_EU_ANNEX = re.compile(r"^[ \t]*ANNEX(?: [IVX]+)?[ \t]*$", re.MULTILINE)
_EU_PART = re.compile(r"^[ \t]*PART (?P<part>[A-Z])\b[^\n]*$", re.MULTILINE | re.IGNORECASE)
_EU_PART_CITED = re.compile(r"\bPart (?P<part>[A-Z]) of the Annex\b")
# "1. Kirill Anatolyevich MOROSHKIN. Reasons: ..." / "1. Yugmash-Lizing LLC"
_EU_ENTRY = re.compile(r"^[ \t]*\d+\.[ \t]+(?P<name>[^\n]+?)(?:\.[ \t]+(?=[A-Z][A-Za-z ]{2,30}:)|\.?[ \t]*$)", re.M)
_EU_QUOTED = re.compile(r"[\u2018'\u201c\"](?P<name>[^\u2019'\u201d\"\n]{3,80})[\u2019'\u201d\"]")
_EU_NATURAL = re.compile(r"^[ \t]*(?:[A-Z]\.[ \t]+)?Natural persons\b", re.MULTILINE | re.IGNORECASE)


def _eu_annex_parts(annex: str) -> dict[str, str]:
    """The annex split by its "PART A" / "PART B" headings ("" for an annex without parts)."""
    heads = list(_EU_PART.finditer(annex))
    if not heads:
        return {"": annex}
    return {
        head.group("part").upper(): annex[head.end() : nxt.start() if nxt else len(annex)]
        for head, nxt in zip(heads, heads[1:] + [None], strict=False)
    }


def _eu_entries(part: str, offset: int, mentions: list[Mention]) -> list[EntityRef]:
    natural_end = -1
    natural = _EU_NATURAL.search(part)
    if natural:
        # natural persons come first; the next lettered heading starts the legal persons
        following = re.search(r"^[ \t]*[B-Z]\.[ \t]+\S", part[natural.end() :], re.MULTILINE)
        natural_end = natural.end() + following.start() if following else len(part)
    refs: list[EntityRef] = []
    for entry in _EU_ENTRY.finditer(part):
        start = offset + entry.start("name")
        linked = next((m for m in mentions if m.start == start and m.end == offset + entry.end("name")), None)
        if linked is not None:
            refs.append(_ref(linked))
            continue
        kind = "PERSON" if natural and natural.start() <= entry.start() < natural_end else "ORG"
        refs.append(new_ref(entry.group("name"), kind))
    return refs


def eu_annex_events(text: str, mentions: list[Mention]) -> list[Event]:
    """Listings and delistings an EU implementing act makes by amending a sanctions annex."""
    adopted = _EU_ADOPTED.search(text)
    author = _EU_AUTHOR.search(text, 0, adopted.start()) if adopted else None
    if adopted is None or author is None:
        return []
    entry = default_gazetteer().find(author.group("author").lower())
    agent = EntityRef(
        author.group("author"),
        entry.canonical if entry else None,
        entry.id if entry else None,
        entry.type if entry else "AGENCY",
    )
    done = _EU_DONE.search(text, adopted.end())
    when = _parse_long_date(done.group("date")) if done else None
    articles = list(_EU_ARTICLE.finditer(text, adopted.end()))
    annex = _EU_ANNEX.search(text, adopted.end())
    if not articles or annex is None:
        return []
    first_end = articles[1].start() if len(articles) > 1 else annex.start()
    parts = _eu_annex_parts(text[annex.end() :])
    events: list[Event] = []
    for clause in _EU_CLAUSE.finditer(text, articles[0].end(), first_end):
        said = clause.group("clause")
        if "annex" not in said.lower() and "entry" not in said.lower() and "list" not in said.lower():
            continue
        quoted = [m.group("name") for m in _EU_QUOTED.finditer(said)]
        if quoted:
            targets = [new_ref(name, "PERSON") for name in quoted]
        else:
            cited = _EU_PART_CITED.search(said)
            key = cited.group("part") if cited and cited.group("part") in parts else next(iter(parts))
            part = parts[key]
            targets = _eu_entries(part, annex.end() + text[annex.end() :].find(part), mentions)
        if not targets:
            continue
        removal = clause.group("verb") in ("deleted", "removed")
        events.append(
            Event(
                type="designation",
                date=when.isoformat() if when else None,
                date_precision="day" if when else "unknown",
                evidence=said.strip().rstrip(";,."),
                start=clause.start("clause"),
                end=clause.start("clause") + len(said.strip().rstrip(";,.")),
                agent=[agent],
                target=targets,
                attrs={"action": "remove" if removal else "add"},
                confidence=0.85,
                trigger=clause.group("verb"),
                trigger_start=clause.start("verb"),
                trigger_end=clause.end("verb"),
            )
        )
    return events


# --- the Supreme Court's order list ------------------------------------------------

# "(ORDER LIST: 608 U.S.)" / "MONDAY, NOVEMBER 9, 2026" / "CERTIORARI DENIED" /
# "25-1240   ORINDA FREIGHTWAYS, INC. V. FEDERAL MARITIME COMMISSION"
_ORDER_LIST = re.compile(r"^[ \t]*\(?ORDER LIST\b", re.MULTILINE)
_ORDER_LIST_DAY = re.compile(
    r"^[ \t]*(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY), (?P<date>[A-Z]+ \d{1,2}, \d{4})[ \t]*$", re.M
)
_ORDER_LIST_SECTION = re.compile(
    r"^[ \t]*(?P<section>CERTIORARI (?:GRANTED|DENIED)|CERTIORARI -- SUMMARY DISPOSITIONS|"
    r"APPEALS? -- SUMMARY DISPOSITIONS|[A-Z ]+(?:GRANTED|DENIED|DISMISSED))[ \t]*$",
    re.MULTILINE,
)
_ORDER_LIST_CASE = re.compile(
    r"^[ \t]*(?P<number>\d{2}-\d{1,5})\s+(?P<petitioner>[^\n]+?)\s+V\.\s+(?P<respondent>[^\n]+?)[ \t]*$", re.M
)


def order_list_events(text: str, mentions: list[Mention]) -> list[Event]:
    """One ruling per case an order list grants, denies or disposes of, against its petitioner."""
    head = _ORDER_LIST.search(text[:HEAD_CHARS])
    day = _ORDER_LIST_DAY.search(text[:HEAD_CHARS])
    when = _parse_long_date(day.group("date").title()) if head and day else None
    court = _gazetteer_ref("court:scotus")
    if when is None or court is None:
        return []
    sections = list(_ORDER_LIST_SECTION.finditer(text))
    # the order list proper ends where an appended docket or a rule of dashes begins
    end = re.search(r"^[ \t]*-{3,}[ \t]*$", text, re.MULTILINE)
    stop = end.start() if end else len(text)
    events: list[Event] = []
    for section, following in zip(sections, [*sections[1:], None], strict=False):
        if section.start() >= stop:
            break
        bound = min(following.start() if following else stop, stop)
        cases = list(_ORDER_LIST_CASE.finditer(text, section.end(), bound))
        for case, next_case in zip(cases, [*cases[1:], None], strict=False):
            # the case line and what the Court says of it, up to the next case
            block_end = next_case.start() if next_case else bound
            block_end = case.end() + len(text[case.end() : block_end].rstrip())
            start, finish = case.start("petitioner"), case.end("petitioner")
            linked = next((m for m in mentions if m.start == start and m.end == finish), None)
            target = _ref(linked) if linked else new_ref(case.group("petitioner"), "ORG")
            events.append(
                Event(
                    type="ruling",
                    date=when.isoformat(),
                    date_precision="day",
                    evidence=case.group(0).strip(),
                    start=case.start() + len(case.group(0)) - len(case.group(0).lstrip()),
                    end=block_end,
                    agent=[court],
                    target=[target],
                    attrs={"disposition": section.group("section").title(), "case_number": case.group("number")},
                    confidence=0.85,
                    trigger=section.group("section").split()[-1].lower(),
                )
            )
    return events


# A public law's slip print ends with its history: "Approved August 14, 2025." and then
# "CONGRESSIONAL RECORD, Vol. 171 (2025):" over "May 12, considered and passed House."
_APPROVED = re.compile(r"^[ \t]*Approved (?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\.?[ \t]*$", re.MULTILINE)
_ENACTING_CLAUSE = re.compile(r"\bbe it enacted by the senate and house of representatives\b", re.IGNORECASE)
_HISTORY = re.compile(r"^[ \t]*LEGISLATIVE HISTORY\b", re.MULTILINE)
_RECORD_YEAR = re.compile(r"\bVol\. \d+ \((?P<year>\d{4})\):")
_RECORD_ACTION = re.compile(
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}),[ \t]+"
    r"(?P<action>(?:considered and )?passed (?P<passed>House|Senate)\b[^.\n]*"
    r"|(?P<concurring>House|Senate) (?:concurred in|agreed to) (?:House|Senate) amendments?\b[^.\n]*)\.?"
)


# "... of the United States of America in Congress assembled": a federal law, which the
# President approves; a state's ("... in General Assembly convened") its governor does
_CONGRESS_ASSEMBLED = re.compile(r"\bin congress assembled\b", re.IGNORECASE)
_STATE_GOVERNOR = re.compile(
    r"\bGovernor of (?:the State of )?(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"|\bOFFICE OF THE GOVERNOR\s+STATE OF (?P<upper>[A-Z]+(?: [A-Z]+)?)$",
    re.MULTILINE,
)


def _approver(text: str) -> EntityRef | None:
    if _CONGRESS_ASSEMBLED.search(text):
        return _gazetteer_ref("gov:us-president")
    named = _STATE_GOVERNOR.search(text)
    state = (named["state"] or named["upper"].title()) if named else None
    return new_ref(f"Governor of {state}" if state else "Governor", "GOV")


def statute_history_events(text: str) -> list[Event]:
    """A public law's enactment ("Approved ...") and the chamber votes its legislative history lists."""
    if not _ENACTING_CLAUSE.search(text):
        return []
    events: list[Event] = []
    approved = _APPROVED.search(text)
    when = _parse_long_date(approved.group("date")) if approved else None
    if approved and when:
        approver = _approver(text)
        events.append(
            Event(
                type="legislation",
                date=when.isoformat(),
                date_precision="day",
                evidence=approved.group(0).strip(),
                start=approved.start(0) + len(approved.group(0)) - len(approved.group(0).lstrip()),
                end=approved.end(0),
                agent=[approver] if approver else [],
                attrs={"stage": "signed"},
                confidence=0.85,
                trigger="Approved",
            )
        )
    history = _HISTORY.search(text)
    if history is None:
        return events
    year = None
    for found in re.finditer(f"{_RECORD_YEAR.pattern}|{_RECORD_ACTION.pattern}", text[history.end() :]):
        if found.group("year"):
            year = found.group("year")
            continue
        # the Record writes "Sept. 16", which strptime knows only as "Sep"
        day = re.sub(r"^Sept\b", "Sep", found.group("date"))
        when = _parse_long_date(f"{day}, {year}") if year else None
        chamber = (found.group("passed") or found.group("concurring") or "").lower()
        ref = _gazetteer_ref(_CHAMBER_IDS.get(chamber, ""))
        if when is None or ref is None:
            continue
        start = history.end() + found.start()
        events.append(
            Event(
                type="legislation",
                date=when.isoformat(),
                date_precision="day",
                evidence=found.group(0),
                start=start,
                end=start + len(found.group(0)),
                agent=[ref],
                attrs={"stage": "passed" if found.group("passed") else "concurred"},
                confidence=0.85,
                trigger="passed" if found.group("passed") else "concurred",
            )
        )
    return events


def docket_events(text: str, mentions: list[Mention], analysed: str | None = None) -> list[Event]:
    """Filings and decisions listed as dated docket entries (PACER or CourtListener style).

    `analysed` is the same-length OCR-repaired copy ("04/2l/2026" read as "04/21/2026"):
    entries are found in it, their evidence is cut from the original text.
    """
    events: list[Event] = []
    plaintiffs, defendants = caption_parties(text, mentions)
    court = next((m for m in mentions if m.label == "COURT"), None)
    # the caption's court before any court an entry names ("NOTICE OF APPEAL TO DC CIRCUIT")
    header = _court_from_header(text)
    court_ref = header if header.id else _ref(court) if court else header
    for line in _DOCKET_LINE.finditer(analysed if analysed is not None and len(analysed) == len(text) else text):
        entry = line.group("entry")
        when = _docket_date(line.group("date"))
        if when is None:
            continue
        offset = line.start("entry")
        in_entry = [m for m in mentions if offset <= m.start < line.end()]

        bill = _bill_action(entry, text)
        attrs = {"docket_entry": text[line.start("entry") : line.end("entry")][:80]}
        if bill is not None:
            kind, (agent, attrs), target = "legislation", bill, []
        elif _CHARGE.match(entry) or _PLEA.search(entry):
            kind = "penalty"
            agent = _named_after(_FILED_BY, entry, offset, in_entry) or list(plaintiffs)
            target = _named_after(_AGAINST, entry, offset, in_entry) or list(defendants)
        elif _COMPLAINT.match(entry):
            kind = "lawsuit"
            agent = _named_after(_FILED_BY, entry, offset, in_entry) or list(plaintiffs)
            target = _named_after(_AGAINST, entry, offset, in_entry) or list(defendants)
        elif _COURT_ACT.match(entry) and _DECISIVE.search(entry) and not _SCHEDULING.search(entry):
            kind = "ruling"
            agent = [court_ref] + (_named_after(_SIGNED_BY_JUDGE, entry, offset, in_entry) or _signing_judge(entry))
            target = _named_after(_AGAINST, entry, offset, in_entry) or list(defendants) + list(plaintiffs)
        else:
            continue
        end = line.end()
        told = [(kind, agent, target)]
        if kind == "ruling" and plaintiffs and _SETTLED_JUDGMENT.match(entry) and _MONEY_RELIEF.search(entry):
            told.append(("penalty", list(plaintiffs), target))
        for kind, agent, target in told:
            events.append(
                Event(
                    type=kind,
                    date=when.isoformat(),
                    date_precision="day",
                    evidence=text[offset:end],
                    start=offset,
                    end=end,
                    agent=agent,
                    target=target,
                    attrs=dict(attrs),
                    confidence=0.85,
                    trigger=re.sub(r"^\([HSA]\)\s+", "", entry).split()[0],
                )
            )
    introductions = sorted(
        (e for e in events if e.type == "legislation" and e.attrs.get("stage") == "introduced"), key=lambda e: e.date
    )
    # "Introduced In Senate" after the House passed it: the bill arriving, not a new bill
    return [e for e in events if e not in introductions[1:]]


def layout_events(text: str, mentions: list[Mention], published: dt.date | None = None) -> list[Event]:
    """Acts a legal document states by its layout rather than in sentences, each with its own date."""
    return (
        statute_history_events(text)
        + changelog_events(text)
        + eu_annex_events(text, mentions)
        + order_list_events(text, mentions)
        + list_revision_events(text, mentions)
        + bill_stages_events(text, mentions)
        + bill_progress_events(text, mentions)
        + cited_executive_orders(text)
        + recited_rules(text, mentions, published)
        + captioned_suits(text, mentions, published)
    )


# A project's changelog: "## [5.0.0] - 2026-03-10" heads what that release shipped
_CHANGELOG = re.compile(r"\bchange ?log\b|\brelease notes\b", re.IGNORECASE)
_RELEASE_HEADING = re.compile(
    r"^#{1,4}[ \t]*\[?v?(?P<version>\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)\]?[ \t]*(?:[-\u2013\u2014][ \t]*|\()?"
    r"(?P<date>\d{4}-\d{2}-\d{2})\)?[ \t]*$",
    re.MULTILINE,
)
_PROJECT_NAME = re.compile(
    r"^[ \t]*(?P<path>[A-Za-z][\w.-]*)[ \t]*/[ \t]*change ?log"
    r"|notable changes to (?:the )?(?P<changes>[A-Za-z][\w.-]*)"
    r"|^#[ \t]*(?P<heading>[A-Za-z][\w.-]*)[ \t]+(?:change ?log|release notes)",
    re.IGNORECASE | re.MULTILINE,
)


def changelog_events(text: str) -> list[Event]:
    """One launch per dated release heading of a project's changelog, the project shipping it."""
    head = text[:HEAD_CHARS]
    named = _PROJECT_NAME.search(head)
    if not _CHANGELOG.search(head) or named is None:
        return []
    project = named.group("path") or named.group("changes") or named.group("heading")
    events = []
    for release in _RELEASE_HEADING.finditer(text):
        try:
            when = dt.date.fromisoformat(release.group("date"))
        except ValueError:
            continue
        start = release.start() + len(release.group(0)) - len(release.group(0).lstrip())
        events.append(
            Event(
                type="launch",
                date=when.isoformat(),
                date_precision="day",
                evidence=release.group(0).strip(),
                start=start,
                end=release.end(),
                agent=[EntityRef(project, None, None, "ORG")],
                target=[EntityRef(f"{project} {release.group('version')}", None, None, "PRODUCT")],
                confidence=0.7,
                trigger=release.group("version"),
            )
        )
    return events


# A list keeper's notice of a revision: "Revision of the End User List" ... "Date of revision:
# August 5, 2026" ... "Added: 11 entities (China 6, Iran 3)" ... "Deleted: 2 entities"
_LIST_REVISION = re.compile(r"\brevis(?:ion of|ed) the [A-Z][\w ]{0,60}?\bList\b")
_REVISION_DAY = re.compile(
    rf"^[ \t]*(?:date of revision|revision date|effective date|date)[ \t]*:[ \t]*(?P<date>{_LONG_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
_REVISION_LINE = re.compile(
    r"^[ \t]*(?P<how>added|additions|deleted|deletions|removed|removals)[ \t]*:[ \t]*(?P<what>[^\n(]*[^\n( ])",
    re.IGNORECASE | re.MULTILINE,
)


_A_COUNT = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)


def list_revision_events(text: str, mentions: list[Mention]) -> list[Event]:
    """One listing per "Added:" or "Deleted:" line of a list keeper's revision notice, by the keeper."""
    revision = _LIST_REVISION.search(text[:HEAD_CHARS])
    day = _REVISION_DAY.search(text)
    when = _parse_long_date(day.group("date")) if revision and day else None
    keeper = next((m for m in mentions if m.label in ("AGENCY", "GOV")), None)
    if when is None or keeper is None:
        return []
    events = []
    for line in _REVISION_LINE.finditer(text):
        added = line.group("how").lower().startswith("add")
        events.append(
            Event(
                type="designation",
                date=when.isoformat(),
                date_precision="day",
                evidence=text[line.start("how") : line.end()].strip(),
                start=line.start("how"),
                end=line.end(),
                agent=[_ref(keeper)],
                target=[EntityRef(line.group("what"), None, None, None)],
                attrs={
                    "action": "add" if added else "remove",
                    **({"listed_as": "count"} if _A_COUNT.match(line.group("what")) else {}),
                },
                confidence=0.8,
                trigger=line.group("how"),
            )
        )
    return events
