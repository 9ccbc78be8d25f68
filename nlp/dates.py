"""Find and resolve the dates of reported government actions in news text.

Relative expressions ("on Friday", "in March", "last week", "three days
before the order was issued") are resolved against the document's
publication date and the tense of the clause they sit in.  The result is cut
to the precision the text supports, using the precisions of the event model
in ``shared/spec/events.md``: ``day``, ``month``, ``year`` or ``unknown``.

Spotting and resolving are done by the rule table below rather than by
``dateparser.search``: dateparser resolves a bare weekday to the wrong week,
gives "march" a day of the month, reads identifiers such as "H20" as dates
and needs a per-document relative base.  dateparser is the fallback in
:func:`resolve` for expression shapes the rules do not know.

Policies for ambiguous cases
----------------------------
* Weekdays.  Past tense: the most recent such day on or before the
  publication date, so "Tuesday" in a text published on a Tuesday is that
  same day (news style uses "today" for the same day far less often than
  reporters refer to a day's earlier events by its name).  Future tense: the
  first such day strictly after publication.  Present tense: the nearest
  occurrence, ties going to the past.  "last X" / "this past X" is always the
  most recent X strictly before publication; "next X" / "this coming X" the
  first X strictly after it ("next Friday" said on a Tuesday is therefore
  the coming Friday, not the one a week later).
* Months and month-days without a year follow the same tense rule:
  past = latest occurrence not after publication, future = earliest not
  before it, present = nearest.  "last March" is the most recent March
  strictly before the publication month, "next March" the first one after.
* "the 13th" is the 13th of the publication month, or of an earlier
  (later, in future tense) month when that would cross publication.
* Periods that are not a single day, month or year ("last week", "the past
  week") get month precision if they fit in one month, else year precision
  if they fit in one year, else ``unknown``.  A calendar week across two
  months is its later month, as the annotation convention reads it (the
  earlier month its alternative).  A weekend is the exception:
  "over the weekend" is its Saturday, at day precision, because a two-day
  span is far closer to a day than to its month and the annotation
  convention (tests/data/eval/README.md) reads it so, with Sunday the
  alternative.
* "N days/weeks ago" has day precision (published minus N days / 7N days);
  "N months ago" and "a year ago" (the same month last year) month precision;
  "N years ago" otherwise year precision.
* "the day before", "the next day", "a week later", "three days before X":
  the date is relative to another event, never to publication, so these
  carry ``offset_days``, ``relation`` and, where the text names it,
  ``anchor``; their value stays unknown unless the anchor phrase itself
  contains a date.
* Numeric dates are month-first (en-US): 11/13/2026 is 13 November.  Only
  when the first number cannot be a month (13/11/2026) is it read day-first.
  Two-digit years are 20xx.
* "fiscal year 2025", "FY2025", "Q3 2025", "spring 2025", "early 2025" are
  year precision for the year as written (fiscal years are not remapped to
  calendar months).
* Times of day never make a date on their own ("at 1 p.m.", "four hours
  later"); attached to a date they become part of its mention.
* Bare years and bare month names count as dates in running text only with
  a preposition or modifier ("in 2019", "since March", "early May"), so that
  "the 2019 rule", "Act of 2022" and the verbs "may" and "march" do not fire.
  Lower-case "may" is a month only after a preposition ("in may") and not
  before a verb-like word ("in may be").  :func:`resolve` is given an
  expression the caller already believes is a date, so there a bare "march"
  or "2019" is accepted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import dateparser

__all__ = ["DateMention", "DateValue", "find_dates", "resolve", "shift"]

PRECISIONS = ("day", "month", "year", "unknown")
TENSES = ("past", "present", "future")


@dataclass(frozen=True)
class DateValue:
    """A date cut to its precision: "2026-11-13", "2026-03", "2026" or None."""

    value: str | None
    precision: str

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {self.precision!r}")

    @classmethod
    def day(cls, date: dt.date) -> DateValue:
        return cls(date.isoformat(), "day")

    @classmethod
    def month(cls, year: int, month: int) -> DateValue:
        return cls(f"{year:04d}-{month:02d}", "month")

    @classmethod
    def year(cls, year: int) -> DateValue:
        return cls(f"{year:04d}", "year")

    @classmethod
    def unknown(cls) -> DateValue:
        return cls(None, "unknown")

    def as_date(self) -> dt.date | None:
        """The first day of the period, or None when unknown."""
        if self.value is None:
            return None
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(*parts)

    def last_date(self) -> dt.date | None:
        """The last day of the period, or None when unknown."""
        first = self.as_date()
        if first is None:
            return None
        if self.precision == "day":
            return first
        if self.precision == "month":
            return first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first.replace(month=12, day=31)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    value: DateValue
    anchor: str | None = None
    offset_days: int | None = None
    relation: str | None = None


# --------------------------------------------------------------------------
# Calendar arithmetic


def _period_value(first: dt.date, last: dt.date) -> DateValue:
    """The most precise value that covers the whole span first..last."""
    if first == last:
        return DateValue.day(first)
    if (first.year, first.month) == (last.year, last.month):
        return DateValue.month(first.year, first.month)
    if first.year == last.year:
        return DateValue.year(first.year)
    return DateValue.unknown()


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _month_of_index(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def latest_month_day(month: str, day: int, published: dt.date) -> dt.date | None:
    """ "Mar 4" written without a year in a list kept up to publication: this year's, or last year's
    if this year's is still to come."""
    told = [d for y in (published.year - 1, published.year) if (d := _safe_date(y, _month_number(month), day))]
    past = [d for d in told if d <= published]
    return past[-1] if past else None


def _choose(candidates, ref, tense: str, *, strictly_after: bool = False):
    """Pick the occurrence the tense points at among comparable candidates.

    past: the latest not after ``ref``; future: the earliest not before it
    (strictly after with ``strictly_after``); present: the nearest, ties to
    the past.  Falls back to the other side when one side is empty.
    """
    candidates = sorted(set(candidates))
    if not candidates:
        return None
    past = [c for c in candidates if c <= ref]
    future = [c for c in candidates if (c > ref if strictly_after else c >= ref)]
    if tense == "past":
        return past[-1] if past else future[0]
    if tense == "future":
        return future[0] if future else past[-1]
    return min(candidates, key=lambda c: (abs(c - ref), c > ref))


def shift(value: DateValue, days: int) -> DateValue:
    """Move a date by ``days``; coarser values keep only what stays certain.

    A month or year shifted by a few days may straddle two periods; the
    result is then the coarsest period that still contains every possible
    shifted day.
    """
    first, last = value.as_date(), value.last_date()
    if first is None or last is None:
        return DateValue.unknown()
    delta = dt.timedelta(days=days)
    try:
        new_first, new_last = first + delta, last + delta
    except OverflowError:
        return DateValue.unknown()
    if value.precision == "day":
        return DateValue.day(new_first)
    return _period_value(new_first, new_last)


# --------------------------------------------------------------------------
# Vocabulary

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# the full names, for other stages that must not read a month or weekday as a name
CALENDAR_NAMES = frozenset(_MONTHS + _WEEKDAYS)
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SEASON_MONTHS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 14),
}  # winter runs into February of the next year

_SMALL_NUMBERS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
_NUMBER_WORDS = {word: value for value, word in enumerate(_SMALL_NUMBERS)}
_NUMBER_WORDS.update({f"twenty{sep}{_SMALL_NUMBERS[unit]}": 20 + unit for unit in range(1, 10) for sep in ("-", " ")})
_NUMBER_WORDS.update({"thirty": 30, "a": 1, "an": 1, "a couple of": 2, "a couple": 2})

# Words that turn a preceding weekday into part of a name ("Sunday Times").
_WEEKDAY_NAME_NOUNS = (
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "mail",
    "star",
    "observer",
    "independent",
    "tribune",
    "review",
    "edition",
    "magazine",
    "show",
    "night live",
    "prayers",
    "prayer",
    "school",
)
# Words that make a weekday a holiday or an event rather than a date.
_WEEKDAY_NAME_PREFIXES = (
    "good",
    "black",
    "cyber",
    "super",
    "ash",
    "easter",
    "palm",
    "bloody",
    "holy",
    "maundy",
    "giving",
    "manic",
    "blue",
)
# Lower-case "may" followed by one of these is the modal verb: "in may be".
_MODAL_FOLLOWERS = (
    "be",
    "have",
    "not",
    "also",
    "still",
    "soon",
    "well",
    "need",
    "want",
    "face",
    "seek",
    "take",
    "make",
    "ban",
    "use",
    "impose",
    "require",
    "apply",
    "allow",
    "affect",
    "come",
    "lead",
    "prove",
    "result",
    "help",
    "harm",
    "hurt",
    "limit",
    "block",
    "restrict",
    "force",
    "cause",
)
# A number followed by one of these counts something; it is not a day or year.
_COUNTED_NOUNS = (
    "%",
    "percent",
    "per cent",
    "miles?",
    "km",
    "kilomet(?:er|re)s?",
    "hours?",
    "hrs?",
    "minutes?",
    "mins?",
    "seconds?",
    "days?",
    "weeks?",
    "months?",
    "years?",
    "people",
    "persons?",
    "customers?",
    "users?",
    "employees?",
    "workers?",
    "jobs?",
    "companies",
    "firms?",
    "cases?",
    "units?",
    "chips?",
    "cars?",
    "vehicles?",
    "tons?",
    "tonnes?",
    "barrels?",
    "shares?",
    "points?",
    "times",
    "members?",
    "votes?",
    "pages?",
    "[mb]illion",
    "thousand",
    "hundred",
    "[kmgt]w",
    "gb",
    "tb",
    "dollars?",
    "euros?",
    "yuan",
)

# --------------------------------------------------------------------------
# Regular-expression building blocks.  All rules are matched case-insensitively;
# handlers look at the original casing where it matters ("May" vs "may").


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_WEEKDAY = rf"(?P<weekday>{_alternation(_WEEKDAYS)})\b"
_MONTH_FULL = rf"(?P<month>{_alternation(_MONTHS)})\b"
_MONTH_ANY = (
    rf"(?P<month>(?:{_alternation(_MONTHS)})\b"
    rf"|(?:{_alternation(_MONTH_ABBREVIATIONS)})(?:\.|\b))"
)
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# "March 11–13, 2025", "September 8 to 19, 2025": a span of days is dated by its first, in the year given after it
_DAY_RANGE_END = r"(?:\s*(?:–|—|-|to|and|through)\s*(?:3[01]|[12]\d|0?[1-9])(?!\d))"
_NUMBER = rf"(?P<number>\d{{1,3}}|{_alternation(_NUMBER_WORDS)})"
_WEEKDAY_NAME_FOLLOWER = re.compile(rf"\s+(?:{_alternation(_WEEKDAY_NAME_NOUNS)})\b", re.IGNORECASE)
_MODAL_FOLLOWER = re.compile(rf"\s+(?:{_alternation(_MODAL_FOLLOWERS)})\b", re.IGNORECASE)
_COUNTED = rf"\s*(?:{'|'.join(_COUNTED_NOUNS)})\b"
# What may not follow a day number or a year: more digits, decimals, counts.
_NUMBER_END = rf"(?![\w%]|[.,:/]\d|{_COUNTED})"
_YEAR_END = rf"(?![\w%]|[.,:/\u2013-]\d|{_COUNTED})"

TIME_ZONE = r"(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|JST|HKT|IST|KST|AEST|AEDT)"
# a clock time, with its zone if given: "10:42 a.m. ET", "noon local time"
TIME_OF_DAY = (
    r"(?:\d{1,2}(?::[0-5]\d)?\s*(?:[ap]\.m\.|[ap]\.?m\b)|(?:[01]?\d|2[0-3]):[0-5]\d\b"
    r"|noon\b|midnight\b)"
    rf"(?:\s+(?:{TIME_ZONE}|local\s+time)\b)?"
)
_TIME_LEAD = r"(?:at|around|about|shortly\s+after|shortly\s+before|just\s+after|just\s+before|after|before|by|until)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

_PREPOSITIONS = {
    "on": "on",
    "in": "on",
    "during": "on",
    "at": "on",
    "as of": "on",
    "over": "on",
    "late on": "on",
    "early on": "on",
    "for": "on",
    "since": "since",
    "from": "since",
    "between": "since",
    "by": "by",
    "until": "by",
    "till": "by",
    "through": "by",
    "no later than": "by",
    "before": "before",
    "prior to": "before",
    "after": "after",
    "following": "after",
}
_PREPOSITION = rf"(?P<prep>{_alternation(_PREPOSITIONS)})"

# A mention may start with a preposition and a time of day, and end with a
# time of day: "at 1:00 p.m. last Friday", "on Nov. 13, 2026, at 4 p.m.".
_LEAD = (
    r"(?<![\w$\u20ac\u00a3\u00a5./:-])"
    rf"(?:{_PREPOSITION}\s+)?"
    rf"(?:(?:the\s+)?{_PART_OF_DAY}\s+of\s+)?"
    rf"(?:(?:{_TIME_LEAD}\s+)?{TIME_OF_DAY},?\s+(?:on\s+)?)?"
)
_TAIL = (
    rf"(?:,?\s+(?:{_TIME_LEAD}\s+)?{TIME_OF_DAY}"
    rf"|\s+(?:in\s+the\s+)?{_PART_OF_DAY}\b|\s+overnight\b)?"
)

_PERIOD_PART = (
    r"(?P<part>early|mid|late|earlier\s+in|later\s+in"
    r"|(?:the\s+)?(?:start|beginning|middle|end|first\s+half|second\s+half)\s+of)"
)
_YEAR_PART = (
    r"(?P<part>early|mid|late|earlier\s+in|later\s+in"
    r"|(?:the\s+)?(?:start|beginning|middle|end|first\s+half|second\s+half"
    r"|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    r"|spring|summer|fall|autumn|winter)(?:\s+of)?"
    r"|q[1-4]|h[12]|spring|summer|fall|autumn|winter)"
)


# --------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class _Context:
    text: str
    published: dt.date
    tense: str
    # resolve() hands over an expression already believed to be a date, so
    # bare "march" or "2019" need no preposition there.
    relaxed: bool
    allow_anchored: bool = True


@dataclass(frozen=True)
class _Hit:
    value: DateValue
    relation: str | None
    anchor: str | None = None
    offset_days: int | None = None
    end: int | None = None  # anchored mentions extend over their anchor phrase


_Handler = Callable[[re.Match, _Context], "_Hit | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    handle: _Handler
    # every reading of the rule holds a digit: a text without one need not be searched
    needs_digit: bool = False


def _relation(match: re.Match) -> str:
    prep = match.groupdict().get("prep")
    if not prep:
        return "on"
    return _PREPOSITIONS[" ".join(prep.lower().split())]


def _has_context(match: re.Match, *groups: str) -> bool:
    return any(match.groupdict().get(g) for g in ("prep", *groups))


def _month_number(token: str) -> int:
    token = token.lower().rstrip(".")
    if token in _MONTHS:
        return _MONTHS.index(token) + 1
    return _MONTH_ABBREVIATIONS[token]


def _word_before(text: str, start: int) -> str:
    found = re.search(r"([\w']+)\W*$", text[max(0, start - 40) : start])
    return found.group(1) if found else ""


def _preceded_by(text: str, start: int, pattern: str) -> bool:
    return re.search(rf"(?:{pattern})\s*$", text[max(0, start - 40) : start], re.IGNORECASE) is not None


def _year_of_text(token: str) -> int:
    return int(token) + 2000 if len(token) == 2 else int(token)


# ---- weekdays


def _resolve_weekday(weekday: int, modifier: str, published: dt.date, tense: str) -> dt.date:
    window = [published + dt.timedelta(days=k) for k in range(-7, 8)]
    candidates = [d for d in window if d.weekday() == weekday]
    if modifier in ("last", "this past", "past"):
        return max(d for d in candidates if d < published)
    if modifier in ("next", "this coming", "coming"):
        return min(d for d in candidates if d > published)
    return _choose(candidates, published, tense, strictly_after=True)


def _weekday_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    word = match.group("weekday")
    following = ctx.text[match.end("weekday") : match.end("weekday") + 30]
    if _WEEKDAY_NAME_FOLLOWER.match(following):
        return None
    if _word_before(ctx.text, match.start()).lower() in _WEEKDAY_NAME_PREFIXES:
        return None
    # "the Sunday Telegraph" style names: capitalised weekday between "the"
    # and another capitalised word.
    if (
        word[0].isupper()
        and not _has_context(match, "modifier")
        and _preceded_by(ctx.text, match.start(), r"\bthe")
        and re.match(r"\s+[A-Z][a-z]", following)
    ):
        return None
    modifier = " ".join((match.group("modifier") or "").lower().split())
    day = _resolve_weekday(_WEEKDAYS.index(word.lower()), modifier, ctx.published, ctx.tense)
    return _Hit(DateValue.day(day), _relation(match))


# ---- days relative to publication


_RELATIVE_DAY_OFFSETS = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    # a wire story's "overnight" is the night before its dateline: the act's day is the earlier one
    "overnight": -1,
    "tomorrow": 1,
}  # all else: 0


def _relative_day_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    phrase = " ".join(match.group("relday").lower().split())
    if phrase == "today" and _today_is_a_name(match, ctx.text):
        return None
    offset = _RELATIVE_DAY_OFFSETS.get(phrase, 0)
    return _Hit(DateValue.day(ctx.published + dt.timedelta(days=offset)), _relation(match))


def _today_is_a_name(match: re.Match, text: str) -> bool:
    """ "USA Today", "China Today", "the Today show" """
    start, end = match.start("relday"), match.end("relday")
    after_a_name = text[start] == "T" and re.search(r"[A-Z][\w.]*\s+$", text[max(0, start - 30) : start])
    before_show = re.match(r"\s+(?:show|programme|program)\b", text[end : end + 20], re.IGNORECASE)
    return bool(after_a_name or before_show)


def _ago_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    count = _count(match.group("number"))
    unit = match.group("unit").lower()
    published = ctx.published
    days_per_unit = {"day": 1, "week": 7, "fortnight": 14}
    try:
        if unit in days_per_unit:
            value = DateValue.day(published - dt.timedelta(days=count * days_per_unit[unit]))
        elif unit == "month":
            now = _month_index(published.year, published.month)
            value = DateValue.month(*_month_of_index(now - count))
        elif count == 1:
            # "a year ago", "one year ago": a reporter's anniversary, the same month last year
            value = DateValue.month(published.year - 1, published.month)
        else:
            value = DateValue.year(published.year - count)
    except (OverflowError, ValueError):  # "999 years ago" before year 1
        value = DateValue.unknown()
    return _Hit(value, _relation(match))


def _count(token: str) -> int:
    token = " ".join(token.lower().split())
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


# ---- weeks, months and years relative to publication


def _week_span(published: dt.date, modifier: str, part: str, tense: str) -> tuple[dt.date, dt.date]:
    monday = published - dt.timedelta(days=published.weekday())
    if modifier == "last":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if modifier == "next":
        return monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
    if modifier == "the past":
        return published - dt.timedelta(days=6), published
    sunday = monday + dt.timedelta(days=6)
    if part.startswith("earlier") or (tense == "past" and not part.startswith("later")):
        return monday, published
    if part.startswith("later") or tense == "future":
        return published, sunday
    return monday, sunday


def _weekend_saturday(published: dt.date, modifier: str, tense: str) -> dt.date:
    days_since_saturday = (published.weekday() - 5) % 7 or 7
    last_saturday = published - dt.timedelta(days=days_since_saturday)
    next_saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    if modifier == "next" or (modifier in ("this", "the") and tense == "future"):
        return next_saturday
    return last_saturday


def _relative_period_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    modifier = " ".join(match.group("modifier").lower().split())
    if modifier == "this past":
        modifier = "the past"
    unit = match.group("unit").lower()
    part = " ".join((match.group("part") or "").lower().split())
    text, start = ctx.text, match.start("modifier")
    if re.match(r"\s+of\b", text[match.end("unit") :], re.IGNORECASE):
        return None  # "last week of March", "this year of change"
    if modifier in ("last", "next") and _preceded_by(text, start, r"\bthe"):
        return None  # "the last year" is a duration, "the next week" a forecast
    if modifier == "the" and (unit != "weekend" or not match.group("prep")):
        return None
    published = ctx.published
    if unit == "weekend":
        return _Hit(DateValue.day(_weekend_saturday(published, modifier, ctx.tense)), _relation(match))
    if unit == "week":
        first, last = _week_span(published, modifier, part, ctx.tense)
        if (first.year, first.month) != (last.year, last.month):
            # a week across two months is read as its later month, the other one the alternative
            return _Hit(DateValue.month(last.year, last.month), _relation(match))
        return _Hit(_period_value(first, last), _relation(match))
    if modifier == "the past":
        length = 30 if unit == "month" else 365
        return _Hit(_period_value(published - dt.timedelta(days=length), published), _relation(match))
    step = {"this": 0, "last": -1, "next": 1}[modifier]
    if unit == "month":
        index = _month_index(published.year, published.month) + step
        return _Hit(DateValue.month(*_month_of_index(index)), _relation(match))
    return _Hit(DateValue.year(published.year + step), _relation(match))


def _season_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    modifier = match.group("modifier").lower()
    first_month, last_month = _SEASON_MONTHS[match.group("season").lower()]
    published = ctx.published
    now = _month_index(published.year, published.month)
    spans = [
        (_month_index(y, first_month), _month_index(y, 1) + last_month - 1)
        for y in range(published.year - 2, published.year + 2)
    ]
    if modifier == "last":
        chosen = max((s for s in spans if s[1] < now), default=None)
    elif modifier == "next":
        chosen = min((s for s in spans if s[0] > now), default=None)
    else:
        current = [s for s in spans if s[0] <= now <= s[1]]
        if current:
            chosen = current[0]
        else:
            first_index = _choose([s[0] for s in spans], now, ctx.tense)
            chosen = next(s for s in spans if s[0] == first_index)
    if chosen is None:
        return _Hit(DateValue.unknown(), _relation(match))
    first = dt.date(*_month_of_index(chosen[0]), 1)
    last = dt.date(*_month_of_index(chosen[1]), 1)
    return _Hit(_period_value(first, last), _relation(match))


# ---- months


def _resolve_month(month: int, modifier: str, relative_year: str, ctx: _Context) -> DateValue:
    published = ctx.published
    if relative_year:
        year = published.year + {"this": 0, "last": -1, "next": 1}[relative_year]
        return DateValue.month(year, month)
    now = _month_index(published.year, published.month)
    candidates = [_month_index(y, month) for y in range(published.year - 1, published.year + 2)]
    if modifier in ("last", "this past"):
        chosen = max(c for c in candidates if c < now)
    elif modifier in ("next", "this coming"):
        chosen = min(c for c in candidates if c > now)
    elif modifier == "this":
        chosen = _month_index(published.year, month)
    else:
        chosen = _choose(candidates, now, ctx.tense)
    return DateValue.month(*_month_of_index(chosen))


def _reads_as_month(match: re.Match, ctx: _Context, prep: str, modifier: str, relative_year: str) -> bool:
    """Whether a bare month name in running text is a date and not a verb or noun."""
    if (
        match.group("month")[:1].isupper()
        and re.match(r"[ \t]*:", ctx.text[match.end("month") :])
        and re.search(r"(?:^|\n)[ \t]*$", ctx.text[: match.start("month")])
    ):
        return True  # "August: The office filed proposed regulations": a timeline's label
    if not _has_context(match, "modifier", "part", "rel_year"):
        return False
    if prep in ("on", "at", "over", "for", "late on", "early on"):
        return False  # "on March" is not English; "for May" is usually a name
    token = match.group("month")
    if token == "may":  # lower case: the modal unless after a preposition
        verb_follows = _MODAL_FOLLOWER.match(ctx.text, match.end("month"))
        return bool(prep) and not relative_year and not verb_follows
    if token == "march" and not prep and not relative_year:
        # "last march" is a date; "this march", "an early march" are walks.
        walk = modifier in ("this", "next", "this coming") or _preceded_by(
            ctx.text, match.start(), r"\b(?:the|a|an|their|our|its|his|her)"
        )
        return not walk
    return True


def _month_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    modifier = " ".join((match.group("modifier") or "").lower().split())
    relative_year = (match.group("rel_year") or "").lower()
    prep = " ".join((match.group("prep") or "").lower().split())
    if not ctx.relaxed and not _reads_as_month(match, ctx, prep, modifier, relative_year):
        return None
    month = _month_number(match.group("month"))
    return _Hit(_resolve_month(month, modifier, relative_year, ctx), _relation(match))


def _month_year_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    return _Hit(DateValue.month(int(match.group("year")), _month_number(match.group("month"))), _relation(match))


def _month_day_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    token = match.group("month")
    month = _month_number(token)
    day = int(match.group("day"))
    year_token = match.group("year")
    # "all 13 may face fines", "Rule 2 May apply": a count before the verb.
    if (
        not ctx.relaxed
        and not year_token
        and token.lower() in ("may", "march")
        and match.start("day") < match.start("month")
        and (token.islower() or re.match(r"\s+[a-z]", ctx.text[match.end("month") :]))
        # ("met on 4 March to discuss", "since 2 May in Leeds": a preposition before the day makes it one)
        and not (
            token[:1].isupper()
            and re.search(
                r"\b(?:on|since|from|until|till|by|dated|before|after)\s+(?:the\s+)?$", ctx.text[: match.start()], re.I
            )
        )
    ):
        return None
    if year_token:
        date = _safe_date(int(year_token), month, day)
    else:
        published = ctx.published
        candidates = [d for y in range(published.year - 4, published.year + 5) if (d := _safe_date(y, month, day))]
        date = _choose(candidates, published, ctx.tense)
    if date is None:
        return None  # "Feb. 30"
    if match.group("week_of"):
        return _Hit(_period_value(date, date + dt.timedelta(days=6)), _relation(match))
    return _Hit(DateValue.day(date), _relation(match))


def _ordinal_day_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    day = int(match.group("day"))
    published = ctx.published
    now = _month_index(published.year, published.month)
    candidates = [d for k in range(-3, 4) if (d := _safe_date(*_month_of_index(now + k), day))]
    return _Hit(DateValue.day(_choose(candidates, published, ctx.tense)), _relation(match))


# ---- years


def _year_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    if not ctx.relaxed:
        if not _has_context(match, "part", "fiscal"):
            return None
        if (match.group("prep") or "").lower() == "for" and not (match.group("part") or match.group("fiscal")):
            return None  # "guidance for 2025" is about, not in, that year
        # "FY2025 NDAA", "Fiscal 2025 Budget": the year labels a named document.
        if (
            match.group("fiscal")
            and not _has_context(match, "part")
            and re.match(r"\s+[A-Z]", ctx.text[match.end("year") :])
        ):
            return None
        # "the National Defense Authorization Act for Fiscal Year 2019": the year names the law
        if match.group("fiscal") and re.search(
            r"\b(?:Act|Bill|Appropriations|Authorization)(?:,| for)?\s*$",
            ctx.text[max(match.start() - 30, 0) : match.start()],
        ):
            return None
    return _Hit(DateValue.year(int(match.group("year"))), _relation(match))


def _short_fiscal_year_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    return _Hit(DateValue.year(2000 + int(match.group("fy"))), _relation(match))


# ---- numeric dates


def _iso_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    date = _safe_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return _Hit(DateValue.day(date), _relation(match)) if date else None


def _slash_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    first, second = int(match.group("a")), int(match.group("b"))
    month, day = (first, second) if first <= 12 else (second, first)
    date = _safe_date(_year_of_text(match.group("y")), month, day)
    return _Hit(DateValue.day(date), _relation(match)) if date else None


def _dotted_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    # "dated 29.07.2024": where dots separate the parts (India, Europe), the day comes first
    first, second = int(match.group("a")), int(match.group("b"))
    day, month = (first, second) if second <= 12 else (second, first)
    date = _safe_date(int(match.group("y")), month, day)
    return _Hit(DateValue.day(date), _relation(match)) if date else None


# ---- dates relative to another event


_ANCHOR_STOP = re.compile(
    r"[,;:!?()\[\]\"\u201c\u201d\u2014\n]|\s[\u2013-]\s"
    r"|\s(?:and|but|while|when|whereas|which|who|because|although|though|so|then"
    r"|after|before|until|since|as)\s",
    re.IGNORECASE,
)
_ABBREVIATION_BEFORE_PERIOD = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Inc|Corp|Co|Ltd|Dept|Gov|Sen|Rep|St|Jr|Mr|Ms|Mrs|Dr"
    r"|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|v))$"
)
_MAX_ANCHOR_WORDS = 12


def _anchor_extent(text: str, start: int) -> int:
    """End of the anchor phrase starting at ``start`` (a clause boundary)."""
    window_end = min(len(text), start + 200)
    end = window_end
    stop = _ANCHOR_STOP.search(text, start, window_end)
    if stop:
        end = stop.start()
    for period in re.finditer(r"\.(?=\s|$)", text[start:end]):
        if not _ABBREVIATION_BEFORE_PERIOD.search(text[start : start + period.start()]):
            end = start + period.start()
            break
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > _MAX_ANCHOR_WORDS:
        end = start + words[_MAX_ANCHOR_WORDS - 1].end()
    while end > start and text[end - 1] in " \t.":
        end -= 1
    return end


def _anchored(match: re.Match, ctx: _Context, offset: int, takes_anchor: bool, relation: str) -> _Hit:
    """A date defined by its distance from another event, named or not."""
    end = match.end()
    if not takes_anchor or not ctx.allow_anchored:
        return _Hit(DateValue.unknown(), relation, None, offset, end)
    anchor_start = end
    while anchor_start < len(ctx.text) and ctx.text[anchor_start] in " \t":
        anchor_start += 1
    # The anchor may itself be a date ("two days after Nov. 13"); read it
    # whole before looking for a clause boundary, whose periods it may hold.
    inner_ctx = _Context(ctx.text, ctx.published, ctx.tense, relaxed=False, allow_anchored=False)
    leading = [m for m in _scan(ctx.text[anchor_start : anchor_start + 80], inner_ctx) if m.start == 0]
    if leading:
        anchor_end = anchor_start + leading[0].end
    else:
        anchor_end = _anchor_extent(ctx.text, anchor_start)
    if anchor_end <= anchor_start:
        return _Hit(DateValue.unknown(), relation, None, offset, end)
    anchor = ctx.text[anchor_start:anchor_end]
    dates_in_anchor = [m for m in _scan(anchor, inner_ctx) if m.value.precision != "unknown"]
    value = shift(dates_in_anchor[0].value, offset) if len(dates_in_anchor) == 1 else DateValue.unknown()
    return _Hit(value, relation, anchor, offset, anchor_end)


_DIRECTIONS = {
    "before": "before",
    "earlier": "before",
    "prior to": "before",
    "prior": "before",
    "ahead of": "before",
    "after": "after",
    "later": "after",
    "following": "after",
}


def _offset_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    count = _count(match.group("number"))
    unit_days = {"day": 1, "week": 7, "fortnight": 14}[match.group("unit").lower()]
    direction = " ".join(match.group("direction").lower().split())
    relation = _DIRECTIONS[direction]
    offset = count * unit_days * (-1 if relation == "before" else 1)
    takes_anchor = direction not in ("earlier", "later", "prior")
    return _anchored(match, ctx, offset, takes_anchor, relation)


_FIXED_OFFSETS = {  # phrase: (offset, relation, may be followed by an anchor)
    "the day before": (-1, "before", True),
    "the previous day": (-1, "before", False),
    "the prior day": (-1, "before", False),
    "a day earlier": (-1, "before", False),
    "the day after": (1, "after", True),
    "the next day": (1, "after", False),
    "the following day": (1, "after", False),
    "a day later": (1, "after", False),
    "the same day": (0, "on", False),
    "that same day": (0, "on", False),
    "later that day": (0, "on", False),
    "earlier that day": (0, "on", False),
}


def _fixed_offset_rule(match: re.Match, ctx: _Context) -> _Hit | None:
    offset, relation, takes_anchor = _FIXED_OFFSETS[" ".join(match.group("fixed").lower().split())]
    return _anchored(match, ctx, offset, takes_anchor, relation)


# ---- the rule table; on equal spans the earlier rule wins


def _rule(
    name: str, core: str, handle: _Handler, *, lead: bool = True, tail: bool = True, needs_digit: bool = False
) -> _Rule:
    source = (_LEAD if lead else r"(?<![\w$\u20ac\u00a3\u00a5./:-])") + core + (_TAIL if tail else "")
    return _Rule(name, re.compile(source, re.IGNORECASE), handle, needs_digit)


_WEEKDAY_FOR_DATELINE = (
    rf"(?:(?P<weekday>{_alternation(_WEEKDAYS)})\b"
    rf"|(?:{_alternation(_WEEKDAY_ABBREVIATIONS)})\.?)"
)

_RULES: tuple[_Rule, ...] = (
    _rule(
        "relative_day",
        r"(?P<relday>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
        r"|today|tonight|tomorrow|last\s+night|overnight"
        r"|(?:earlier|later|early|late)\s+(?:today|this\s+(?:morning|afternoon|evening))"
        r"|this\s+(?:morning|afternoon|evening))\b",
        _relative_day_rule,
    ),
    _rule(
        "iso",
        r"(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])"
        r"(?:(?=T\d)|(?![\w/]|[.:-]\d))",
        _iso_rule,
        needs_digit=True,
    ),
    _rule(
        "slash",
        r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d|\d\d)(?![\w/]|[.:-]\d)",
        _slash_rule,
        needs_digit=True,
    ),
    _rule("dotted", r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?![\w.]\d)", _dotted_rule, needs_digit=True),
    _rule(
        "month_day",
        rf"(?P<week_of>(?:the\s+)?week\s+of\s+)?(?:{_WEEKDAY_FOR_DATELINE},?\s+)?{_MONTH_ANY}\s*{_DAY}(?:{_DAY_RANGE_END}?(?:,\s*|\s+){_YEAR})?"
        rf"{_NUMBER_END}",
        _month_day_rule,
        needs_digit=True,
    ),
    _rule(
        "day_month",
        rf"(?P<week_of>(?:the\s+)?week\s+of\s+)?(?:{_WEEKDAY_FOR_DATELINE},?\s+)?(?:th(?:e|is)\s+)?{_DAY}\s+(?:(?:day\s+)?of\s+)?{_MONTH_ANY}"
        rf"(?:,?\s+{_YEAR})?{_NUMBER_END}",
        _month_day_rule,
        needs_digit=True,
    ),
    _rule(
        "month_year",
        rf"(?:{_PERIOD_PART}[\s-]+)?{_MONTH_ANY},?\s+(?:of\s+)?{_YEAR}{_YEAR_END}",
        _month_year_rule,
        needs_digit=True,
    ),
    _rule(
        "month",
        rf"(?:{_PERIOD_PART}[\s-]+)?(?:(?P<modifier>this\s+past|this\s+coming|last|this|next)\s+)?"
        rf"{_MONTH_FULL}(?:,?\s+(?:of\s+)?(?P<rel_year>this|last|next)\s+year\b)?",
        _month_rule,
    ),
    _rule(
        "ordinal_day",
        r"the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
        rf"(?=\s*(?:[,.;:!?)\]]|$)|\s+(?:{_TIME_LEAD})\s+\d|\s+(?:in\s+the\s+)?{_PART_OF_DAY}\b)",
        _ordinal_day_rule,
        needs_digit=True,
    ),
    _rule(
        "weekday",
        rf"(?:(?P<modifier>this\s+past|this\s+coming|last|this|next|past|coming|early|late)\s+)?"
        rf"{_WEEKDAY}",
        _weekday_rule,
    ),
    _rule(
        "relative_period",
        r"(?:(?P<part>earlier|later|early|late"
        r"|(?:the\s+)?(?:start|beginning|middle|end)\s+of)\s+)?"
        r"(?P<modifier>this\s+past|the\s+past|this|last|next|the)\s+"
        r"(?P<unit>week|weekend|month|year)\b",
        _relative_period_rule,
    ),
    _rule("season", r"(?P<modifier>last|this|next)\s+(?P<season>spring|summer|fall|autumn|winter)\b", _season_rule),
    _rule(
        "year",
        rf"(?:{_YEAR_PART}[\s-]+)?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar\s+year|fy)\s*)?"
        rf"{_YEAR}{_YEAR_END}",
        _year_rule,
        needs_digit=True,
    ),
    _rule("short_fiscal_year", r"fy\s?(?P<fy>\d\d)(?![\w%]|[.,:/-]\d)", _short_fiscal_year_rule, needs_digit=True),
    _rule("ago", rf"{_NUMBER}\s+(?P<unit>day|week|fortnight|month|year)s?\s+ago\b", _ago_rule),
    _rule(
        "offset",
        rf"{_NUMBER}\s+(?P<unit>day|week|fortnight)s?\s+"
        r"(?P<direction>before|after|earlier|later|prior\s+to|prior|ahead\s+of|following)\b",
        _offset_rule,
        lead=False,
        tail=False,
    ),
    _rule("fixed_offset", rf"(?P<fixed>{_alternation(_FIXED_OFFSETS)})\b", _fixed_offset_rule, lead=False, tail=False),
)


# --------------------------------------------------------------------------
# Scanning

_DIGIT = re.compile(r"\d")  # the rules' own \d, which takes any script's digits


def _candidates(ctx: _Context) -> Iterator[tuple[int, int, int, _Hit]]:
    text = ctx.text
    has_digit = _DIGIT.search(text) is not None
    for priority, rule in enumerate(_RULES):
        if not ctx.allow_anchored and rule.handle in (_offset_rule, _fixed_offset_rule):
            continue
        if rule.needs_digit and not has_digit:
            continue
        position = 0
        while True:
            match = rule.pattern.search(text, position)
            if match is None:
                break
            # Restart just after this match's start, not its end, so that a
            # shorter reading rejected here cannot hide a valid one inside it.
            position = match.start() + 1
            if match.end() == match.start():
                continue
            hit = rule.handle(match, ctx)
            if hit is not None:
                yield match.start(), hit.end or match.end(), priority, hit


def _scan(text: str, ctx: _Context) -> list[DateMention]:
    ctx = _Context(text, ctx.published, ctx.tense, ctx.relaxed, ctx.allow_anchored)
    candidates = sorted(_candidates(ctx), key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken = bytearray(len(text))
    mentions = []
    for start, end, _priority, hit in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        mentions.append(DateMention(start, end, text[start:end], hit.value, hit.anchor, hit.offset_days, hit.relation))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _check(published: dt.date, tense: str) -> dt.date:
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    if isinstance(published, dt.datetime):
        return published.date()
    if not isinstance(published, dt.date):
        raise TypeError(f"published must be a date, not {type(published).__name__}")
    return published


def find_dates(text: str, published: dt.date, *, tense: str = "past") -> list[DateMention]:
    """Every date mention in ``text``, in order, longest readings first, no overlaps.

    Speed: about 5 ms per KB of text on a laptop (100 KB in about half a
    second); the rules are plain regular expressions and dateparser is not
    called here.
    """
    published = _check(published, tense)
    if not text:
        return []
    return _scan(text, _Context(text, published, tense, relaxed=False))


# --------------------------------------------------------------------------
# resolve(): the rules first, dateparser for shapes they do not know

# Explicit-year expressions do not depend on the publication date, so one
# parser serves all of them.
_ABSOLUTE_PARSER = dateparser.DateDataParser(
    languages=["en"],
    settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True},
)
_DATEPARSER_PREFERENCE = {"past": "past", "future": "future", "present": "current_period"}
# dateparser reads "H20" or "5" as days; only hand it text with a date word or a full numeric date.
_DATE_HINT = re.compile(
    rf"\b(?:{_alternation(_MONTHS)}|{_alternation(_MONTH_ABBREVIATIONS)}|{_alternation(_WEEKDAYS)}"
    r"|ago|yesterday|today|tomorrow|tonight|days?|weeks?|months?|years?)\b"
    r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_FALLBACK_LENGTH = 60


@functools.lru_cache(maxsize=128)
def _relative_parser(published: dt.date, tense: str) -> dateparser.DateDataParser:
    return dateparser.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
            "PREFER_DATES_FROM": _DATEPARSER_PREFERENCE[tense],
            "DATE_ORDER": "MDY",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def _dateparser_value(expression: str, published: dt.date, tense: str) -> DateValue:
    if len(expression) > _MAX_FALLBACK_LENGTH or not _DATE_HINT.search(expression):
        return DateValue.unknown()
    parser = _ABSOLUTE_PARSER if _HAS_YEAR.search(expression) else _relative_parser(published, tense)
    try:
        data = parser.get_date_data(expression)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return DateValue.unknown()
    if data is None or data.date_obj is None:
        return DateValue.unknown()
    date = data.date_obj.date()
    period = data.period or "day"
    # dateparser's "week" period comes from "in two weeks", "3 weeks ago":
    # a count of days from publication, as exact as "two days ago".
    if period in ("day", "time", "week"):
        return DateValue.day(date)
    if period == "month":
        return DateValue.month(date.year, date.month)
    return DateValue.year(date.year)


def resolve(expression: str, published: dt.date, *, tense: str = "past") -> DateValue:
    """The date an expression refers to, given publication date and clause tense.

    Expressions relative to another event ("three days before the order")
    resolve to unknown unless they name a date; use :func:`find_dates` for
    their offset and anchor.
    """
    published = _check(published, tense)
    expression = (expression or "").strip()
    if not expression:
        return DateValue.unknown()
    mentions = _scan(expression, _Context(expression, published, tense, relaxed=True))
    if mentions:
        return max(mentions, key=lambda m: m.end - m.start).value
    return _dateparser_value(expression, published, tense)


# "- June 12, 2025: Eleven households sue Quarrywick", "August: The office filed ...": a
# timeline's label opening its line, which dates what follows however that is told (the
# sentence splitter may leave the label apart from the line it dates)
_TIMELINE_LABEL = re.compile(r"[ \t]*(?:[-•*–][ \t]+)?(?P<when>[A-Z0-9][\w.,/]*(?: [\w.,]+){0,3}):[ \t]*")
_CALENDAR_LABEL = re.compile(
    rf"\b(?:{_alternation(_MONTHS)})\b|\b\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b", re.IGNORECASE
)


def timeline_label(text: str, start: int) -> str | None:
    """The label that opens the line of the sentence starting at `start`, if the line is a
    timeline's item ("2024", "June 12, 2025", "August"), else None."""
    line_start = text.rfind("\n", 0, start) + 1
    label = _TIMELINE_LABEL.fullmatch(text, line_start, start)
    return label["when"] if label else None


def is_calendar_label(label: str) -> bool:
    """Whether a timeline label names a month, a year or a numeric date, rather than a step
    or a party ("Step 2", "Update")."""
    return bool(_CALENDAR_LABEL.search(label))
