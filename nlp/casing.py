"""Restoring capitals to text written all in lower (or upper) case.

The statistical model learnt its names from cased text, so "anthropic sued
the pentagon" loses most entities and parses worse. We rewrite the case of
such text, never its length, so every character offset still points into
the original: sentence starts, "I", weekdays and months, known names from
the gazetteer, and product-like tokens ("fable5") get their capitals back.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache

# Nationality words are always capitalised in English ("non-Americans", "Chinese firms").
_DEMONYMS = (
    "american",
    "americans",
    "chinese",
    "russian",
    "russians",
    "european",
    "europeans",
    "british",
    "japanese",
    "korean",
    "koreans",
    "indian",
    "indians",
    "german",
    "germans",
    "french",
    "iranian",
    "iranians",
    "israeli",
    "taiwanese",
    "canadian",
    "canadians",
    "australian",
    "dutch",
    "swiss",
    "emirati",
    "turkish",
    "brazilian",
    "mexican",
    "ukrainian",
    "belarusian",
    "vietnamese",
    "malaysian",
    "singaporean",
    "thai",
    "indonesian",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "april", "june", "july", "august", "september", "october", "november", "december")
# "may" and "march" are also a verb; capitalise them only where a date follows or precedes.
_AMBIGUOUS_MONTHS = re.compile(
    r"\b(?:(?<=in )|(?<=since )|(?<=early )|(?<=late )|(?<=last )|(?<=next )|(?<=this )|(?<=of ))(may|march)\b"
    r"|\b(may|march)(?= \d| this year| last year| next year|,? \d{4})"
)
# "lahore, mar 4 (app):": a month's abbreviation before a day's number
_MONTH_ABBREVIATION = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?=\.? \d{1,2}\b)")
# not after a company's "inc." or "co.": "software, inc. and against defendant ..." goes on
_SENTENCE_START = re.compile(r"(?:^|(?<!\binc)(?<!\bco)(?<!\bcorp)(?<!\bltd)[.!?][\"'\u201d\u2019)]*\s+|\n\s*)([a-z])")
_PRODUCT_LIKE = re.compile(r"\b([a-z])(?=[a-z]{2,}\d{1,3}\b)")
# "garrett linnell-ash, 39, pleaded guilty": a name given with an age, as releases name people
_NAME_WITH_AGE = re.compile(
    r"(?:^|(?<=[.!?][ \t])|(?<=\n))[ \t]*(?!(?:the|a|an|its|their|this|that)\b)"
    r"((?:[a-z][a-z'-]+[ \t]+){1,2}[a-z][a-z'-]+),[ \t]+\d{2},[ \t]",
    re.MULTILINE,
)
# "signed by judge rebecca quarles-nyambe on 7/17/2026", "assigned to: judge ...": a docket
# names its judge after a fixed phrase, and the name runs to the next "on", stop or line end
_JUDGE_NAME = re.compile(
    r"(?:\b(?:by|before|to:?)[ \t]+(?:the honou?rable[ \t]+)?(?:(?:chief|senior|district|magistrate)[ \t]+)*"
    r"|(?<!the )(?<!a )(?:u\.s\.[ \t]+)?(?:(?:chief|senior)[ \t]+)?(?:district|magistrate|circuit|bankruptcy)[ \t]+)"
    r"(judge)[ \t]+((?:[a-z][a-z.'-]*[ \t]+){0,3}?[a-z][a-z'-]+)(?=[ \t]+(?:on|of|for)\b|[ \t]*[,.;(\n]|$)"
)
_ABBREVIATIONS = {"u.s.": "U.S.", "u.k.": "U.K.", "e.u.": "E.U.", "u.n.": "U.N.", "d.c.": "D.C.", "u.s": "U.S"}


_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPERCASE = string.ascii_uppercase.encode()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _is_cased_letter(char: str) -> bool:
    return char.isalpha() and char.lower() != char.upper()


def letter_counts(text: str) -> tuple[int, int]:
    """(cased letters, upper-case ones among them) in `text`; letters without case (CJK) do not count.

    Counted in C for the ASCII part, where the cased letters are exactly A-Z
    and a-z, and one by one only for the few characters outside it.
    """
    data = text.encode("ascii", "ignore")
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    upper = len(data) - len(data.translate(None, _ASCII_UPPERCASE))
    if len(data) < len(text):
        for char in _NON_ASCII.findall(text):
            if _is_cased_letter(char):
                letters += 1
                upper += char.isupper()
    return letters, upper


def case_style(text: str) -> str:
    """ "lower", "upper" or "mixed", judged on the letters of the text."""
    letters, upper = letter_counts(text)
    if letters < 20:
        return "mixed"
    ratio = upper / letters
    if ratio < 0.005:
        return "lower"
    if ratio > 0.9:
        return "upper"
    return "mixed"


def _replace_same_length(chars: list[str], start: int, replacement: str) -> None:
    if "".join(chars[start : start + len(replacement)]).lower() == replacement.lower():
        chars[start : start + len(replacement)] = list(replacement)


_LEADING_WORD = re.compile(r"\w*")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_WORD_START = re.compile(r"(?<![\w-])\w+")
# an alias that starts with punctuation can start at any character that is not in a word
_ANY_START = re.compile(r"(?<![\w-])\w*")


@lru_cache(maxsize=8)
def _alias_index(forms_key: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    """Aliases by the word they start with, longest first."""
    index: dict[str, list[str]] = {}
    for lower, _ in forms_key:
        index.setdefault(_LEADING_WORD.match(lower).group(), []).append(lower)
    return {word: tuple(sorted(aliases, key=len, reverse=True)) for word, aliases in index.items()}


def alias_matches(text: str, forms_key: tuple[tuple[str, str], ...]) -> Iterator[tuple[int, str]]:
    r"""(offset, alias) of each alias standing as whole words in `text`, left to right, longest first.

    What one alternation of every alias between `(?<![\w-])` and `(?![\w-])`
    would find, without compiling thousands of aliases into a regex (about a
    second per process) or trying them all at every word. An alias that
    matches starts with the same run of word characters as the text at that
    offset (the run ends where the alias's does, or the alias would be
    followed by a word character), so only the aliases filed under that run
    are tried.
    """
    index = _alias_index(forms_key)
    if not index:
        return
    starts = _ANY_START if "" in index else _WORD_START
    resume = 0
    for start in starts.finditer(text):
        offset = start.start()
        if offset < resume:
            continue
        for alias in index.get(start.group(), ()):
            end = offset + len(alias)
            if text.startswith(alias, offset) and not _WORD_OR_HYPHEN.match(text, end):
                yield offset, alias
                resume = end
                break


# "korvus secure hosting ltd", "kinwei vision technology (shenzhen) co., ltd.": words before a legal
# form are a name
_NAME_WORD = (
    r"(?!(?:the|a|an|of|and|its|their|to|for|in|on|with|by|from|at|as|or|that|this|against|v|vs"
    r"|plaintiffs?|defendants?|respondents?|petitioners?|appellants?|appellees?"
    # "on tuesday directed vyapari payments bank limited": a day and the verb before a name are not in it
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
    r"|directed|ordered|fined|barred|banned|sued|told|asked|added|imposed|penali[sz]ed|suspended|warned"
    r"|charged|accused|sanctioned|designated|blocked|said|says|announced|which|who|whose|when|after|before)\b)"
    r"(?:\([a-z]+\)|[a-z][a-z&'-]*)"
)
# (a comma only before the legal form, "acme, inc.": "the company's subsidiary, oxbrook ..." is
# a description and then the name)
_LEGAL_FORM = re.compile(
    rf"\b((?:{_NAME_WORD}[ ]+){{0,4}}{_NAME_WORD},?[ ]+"
    r"(?:\((?:private|pvt|pty)\.?\)[ ]+)?)"  # "(Private) Limited", "(Pty) Ltd"
    r"(ltd|llc|inc|corp|co|ooo|gmbh|ag|plc|limited|pte|jsc|pjsc|llp|fze|fzco|dmcc)\b"
)
_UPPER_FORMS = {"llc", "ooo", "ag", "plc", "jsc", "pjsc", "llp", "fze", "fzco", "dmcc"}


_DEFINED_ACRONYM = re.compile(r"((?:[a-z][a-z&'.-]*[ \t]+){2,9})\(([a-z]{2,8})\)")
_NAME_JOINERS = {"of", "and", "for", "the", "on", "in", "&"}


def acronym_run(words: Sequence[str], acronym: str, joiners: Collection[str]) -> int | None:
    """Where the shortest run of trailing `words` begins whose initials (joiners aside, case
    aside) spell `acronym`: "Islamabad High Court" for "IHC"; None where no run does."""
    acronym = acronym.lower()
    for first in range(len(words) - 1, -1, -1):
        run = words[first:]
        initials = "".join(w[0] for w in run if w.lower() not in joiners).lower()
        if initials == acronym and run[0].lower() not in joiners:
            return first
        if len(initials) > len(acronym):
            return None
    return None


def _defined_acronyms(lowered: str) -> Iterator[tuple[int, str, str]]:
    """(start, name, acronym) for each "islamabad high court (ihc)" whose acronym spells the name's initials.

    A single-case text loses the capitals that mark a name; a name defined by its initials
    still says where it begins, and the acronym is a name wherever it recurs."""
    for match in _DEFINED_ACRONYM.finditer(lowered):
        words = list(re.finditer(r"[^ \t]+", match.group(1)))
        first = acronym_run([w.group(0) for w in words], match.group(2), _NAME_JOINERS)
        if first is not None:
            yield match.start(1) + words[first].start(), match.group(1)[words[first].start() :].rstrip(), match.group(2)


# first words of company names that are also ordinary words, never a firm's short name on their own
_COMMON_NAME_WORDS = frozenset(
    "general united american national first global international digital new great royal pacific atlantic "
    "western eastern northern southern central advanced applied standard universal premier golden silver "
    "smart data power energy bank capital health china asia euro north south east west best prime "
    "unified allied integrated consolidated continental federal public private open free".split()
)


def _short_name(word: str, lowered: str) -> bool:
    """A company name's first word that can stand for the company: not an everyday word (one the
    text itself uses as such, after "a" or "an", would not be)."""
    return (
        len(word) >= 4
        and word not in _COMMON_NAME_WORDS
        and re.search(rf"\b(?:a|an|more|most|very)\s+{re.escape(word)}\b", lowered) is None
    )


def truecase(text: str, forms: dict[str, str] | None = None) -> str:
    """Text of the same length with plausible capitals restored.

    :param forms: lower-case name -> its capitalised form (from the gazetteer).
    """
    if case_style(text) == "upper":
        text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    chars = list(text)
    lowered = text  # already lower where it matters; searching it keeps offsets
    forms = forms or {}
    for offset, alias in alias_matches(lowered, tuple(sorted(forms.items()))):
        _replace_same_length(chars, offset, forms[alias])
    for abbreviation, capitals in _ABBREVIATIONS.items():
        for match in re.finditer(r"(?<![\w.])" + re.escape(abbreviation), lowered):
            _replace_same_length(chars, match.start(), capitals)
    for word in (*_WEEKDAYS, *_MONTHS, *_DEMONYMS):
        for match in re.finditer(rf"\b{word}\b", lowered):
            chars[match.start()] = chars[match.start()].upper()
    for match in _AMBIGUOUS_MONTHS.finditer(lowered):
        position = match.start(1) if match.group(1) else match.start(2)
        chars[position] = chars[position].upper()
    for match in _MONTH_ABBREVIATION.finditer(lowered):
        chars[match.start()] = chars[match.start()].upper()
    for match in re.finditer(r"(?<![\w'’])i(?![\w'’])", lowered):
        chars[match.start()] = "I"
    short_names = set()
    for match in _LEGAL_FORM.finditer(lowered):
        for word in re.finditer(r"[a-z][a-z&'-]*", match.group(1)):
            position = match.start(1) + word.start()
            chars[position] = chars[position].upper()
        suffix_start = match.start(2)
        if match.group(2) in _UPPER_FORMS:
            chars[suffix_start : match.end(2)] = list(match.group(2).upper())
        else:
            chars[suffix_start] = chars[suffix_start].upper()
        first = re.match(r"[a-z][a-z'-]*", match.group(1))
        if first is not None and _short_name(first.group(0), lowered):
            short_names.add(first.group(0))
    for name in short_names:
        # "UNDERHAY ELECTRONICS, INC. ... THE BUREAU SENT UNDERHAY A LETTER": the firm by its first word
        for found in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", lowered):
            chars[found.start()] = chars[found.start()].upper()
    for start, name, acronym in _defined_acronyms(lowered):
        for word in re.finditer(r"[^ \t]+", name):
            if word.group(0) not in _NAME_JOINERS:
                chars[start + word.start()] = chars[start + word.start()].upper()
        for match in re.finditer(rf"(?<![\w.-]){acronym}(?![\w-])", lowered):
            chars[match.start() : match.end()] = list(acronym.upper())
    for match in _NAME_WITH_AGE.finditer(lowered):
        for word in re.finditer(r"(?:^|(?<=[\s-]))[a-z]", match.group(1)):
            chars[match.start(1) + word.start()] = chars[match.start(1) + word.start()].upper()
    for match in _JUDGE_NAME.finditer(lowered):
        chars[match.start(1)] = "J"
        for word in re.finditer(r"(?:^|(?<=[\s-]))[a-z]", match.group(2)):
            chars[match.start(2) + word.start()] = chars[match.start(2) + word.start()].upper()
    for match in _PRODUCT_LIKE.finditer(lowered):
        chars[match.start(1)] = chars[match.start(1)].upper()
    for match in _SENTENCE_START.finditer(lowered):
        position = match.start(1)
        upper = chars[position].upper()
        if len(upper) == 1:
            chars[position] = upper
    result = "".join(chars)
    assert len(result) == len(text)
    return result


# OCR and PDF-extraction damage that can be undone without moving any other
# character: words split at a line-end hyphen ("Com- merce", "Mon-\nday")
# and the letter l read for the digit 1 ("2l entities", "March l8").
_SPLIT_WORD = re.compile(
    r"\b([A-Za-z]{2,})-(?:[ \t]*\n[ \t]*|[ \t]+)([a-z]{2,})\b"
    r"|\b([A-Z]{2,})-(?:[ \t]*\n[ \t]*|[ \t]+)([A-Z]{2,})\b"  # "EMER- GENCY" in a heading
)
# words after which a name goes on ("U.S. Depart- ment of State", "Health and Human Services")
_NAME_GOES_ON = frozenset({"of", "and", "for", "&"})
# capitalised at a sentence's start or as a determiner, never a name's first word
_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "its", "their", "our", "by", "of", "in", "on"})
_L_FOR_ONE = re.compile(r"(?<=\d)[lI](?=\d|\b)|\b[lI](?=\d)")

_MONTH_DAY_LL = re.compile(
    r"\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+)([lI]{2}|l)(?=(?:[–—-][0-9l]{1,2})?,?[ \t\n]+[12l][0-9l]{3}\b)",
    re.IGNORECASE,
)

# "on ll March 2024": the day-first form
_DAY_LL_MONTH = re.compile(
    r"\b[lI]{1,2}(?=[ \t]+(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-zA-Z]*\.?,?[ \t]+[12][0-9]{3}\b)"
)


def repair_ocr(text: str) -> str:
    """Same-length repairs of typical OCR damage (joined words are padded with spaces)."""

    def join(match: re.Match[str]) -> str:
        joined = (match.group(1) or match.group(3)) + (match.group(2) or match.group(4))
        padding = " " * (len(match.group(0)) - len(joined))
        # The padding splits the text where it goes: after the word it splits a name the word
        # begins ("the Infor- mation Regulator"), before it a name the word ends ("Health Cana-
        # da on Tuesday"), told by the capitals around it.
        previous = re.search(r"(\S+)[ \t]*$", text[max(0, match.start() - 40) : match.start()])
        following = re.match(r"[ \t]*(\S+)", text[match.end() : match.end() + 40])
        ends_a_name = (
            previous is not None
            and previous.group(1)[:1].isupper()
            and previous.group(1).lower() not in _FUNCTION_WORDS
            # ("U.S. Depart- ment of State": a name goes on after "of")
            and not (
                following is not None
                and (following.group(1)[:1].isupper() or following.group(1).lower() in _NAME_GOES_ON)
            )
        )
        # ("Dunmar- row introduced it": a word before a lower-case one ends any name it is in, and
        # padding after it keeps the sentence starting where its first word does)
        plain_after = (
            following is not None
            and following.group(1)[:1].islower()
            and following.group(1).lower() not in _NAME_GOES_ON
        )
        return joined + padding if ends_a_name or plain_after else padding + joined

    repaired = _SPLIT_WORD.sub(join, text)
    repaired = _L_FOR_ONE.sub("1", repaired)
    # "March ll, 2024", "August l, 2024": a day of the month written with no real digit at all
    repaired = _MONTH_DAY_LL.sub(lambda m: m.group(1) + m.group(2).replace("l", "1").replace("I", "1"), repaired)
    repaired = _DAY_LL_MONTH.sub(lambda m: "1" * len(m.group(0)), repaired)
    assert len(repaired) == len(text)
    return repaired


# A filing's running page header ("Case 3:25-cv-07716-YFC Document 45 Filed 04/02/26 Page 2 of 3",
# "USCA11 Case: 25-11736 Document: 48-1 Date Filed: 01/13/2026 Page: 3 of 9") or a bare page
# footer ("Page 2 of 3", "- 4 -") interrupts whatever sentence runs across the page break.
_PAGE_FURNITURE = re.compile(
    r"^[ \t]*(?:(?:USCA\d{1,2}[ \t]+)?Case:?[ \t]+\S+[^\n]{0,80}?\bDocument:?[ \t]+[^\n]{0,80}?\bPage:?[ \t]*\d+(?:[ \t]+of[ \t]+\d+)?"
    r"|Page[ \t]+\d+[ \t]+of[ \t]+\d+|[-–—][ \t]*\d{1,3}[ \t]*[-–—])[ \t]*\n",
    re.MULTILINE,
)
# A story's update stamp opening a paragraph ("Update, 3:45 p.m.: Tianrui filed ..."), which
# the parser would make the sentence's subject
_UPDATE_STAMP = re.compile(
    r"^[ \t]*(?:update[sd]?|correction)\b(?:[ \t]*\(?[ \t]*,?[ \t]*[\w .,:]{0,24}?\d{1,2}(?::\d{2})?[ \t]*[ap]\.?m\.?[^:\n]{0,12}?)?\)?[ \t]*:[ \t]",
    re.IGNORECASE | re.MULTILINE,
)
# A web page's cookie banner ("Accept additional cookies Reject additional cookies View cookies"):
# buttons the parser would read as acts ("Reject ... cookies" a ruling). A short line of two such
# buttons and no full stop goes; a sentence about cookies (a regulator's fine for them) stays.
_COOKIE_BUTTON = (
    r"\b(?:accept|reject|allow|decline|view|manage)[ \t]+(?:all[ \t]+|additional[ \t]+|optional[ \t]+)?cookies\b"
)
_COOKIE_BANNER = re.compile(
    rf"^(?=[^\n]{{0,160}}$)(?![^\n]*[.!?][ \t]*$)[^\n]*{_COOKIE_BUTTON}[^\n]*{_COOKIE_BUTTON}[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A list item's bullet ("• Live Translate is now available"), which the tagger reads as a word of
# the name or subject after it
_BULLET = re.compile(r"^[ \t]*[\u2022\u2023\u25aa\u25cf\u25e6\u25a0\u00b7][ \t]+", re.MULTILINE)
# A pleading's margin line numbers (" 1", " 2" ... "28" before each line of the page).
_MARGIN_NUMBER = re.compile(r"^[ \t]{0,3}(\d{1,2})(?=[ \t]|$)", re.MULTILINE)


def _has_margin_numbers(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    numbered = [int(m.group(1)) for line in lines if (m := _MARGIN_NUMBER.match(line))]
    if len(numbered) < 8 or len(numbered) < 0.6 * len(lines):
        return False
    # counting lines, not paragraphs: most numbers follow the one before
    rising = sum(1 for a, b in zip(numbered, numbered[1:], strict=False) if b == a + 1)
    return rising >= 0.6 * (len(numbered) - 1)


# Character references a feed's HTML left behind after its tags were stripped
# ("&quot;SmileKeep&quot;", "the company&#39;s", "refunds &amp; a ban"): the
# parser reads them as words and loses the sentence around them.
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,6}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});([A-Za-z]*)")


def decode_character_references(text: str) -> str:
    """The text with HTML character references decoded in place, padded to the same length.

    The padding goes where it splits no word, so "company&#39;s" reads
    "company's", and offsets into the original still hold."""

    def decode(match: re.Match[str]) -> str:
        reference = match.group(0)[: len(match.group(0)) - len(match.group(1))]
        character = html.unescape(reference)
        if character == reference:
            return match.group(0)  # not a reference html knows: leave it as written
        character = " " if character == "\xa0" else character
        decoded = character + match.group(1)
        padding = " " * (len(match.group(0)) - len(decoded))
        if match.group(1) and not text[match.start() - 1 : match.start()].isalnum():
            # an opening quote stays against the word it opens
            return padding + decoded
        return decoded + padding

    decoded = _CHARACTER_REFERENCE.sub(decode, text)
    assert len(decoded) == len(text)
    return decoded


def clear_page_furniture(text: str) -> str:
    """The text with running page headers, page footers and margin line numbers blanked out.

    Same length as the input, so offsets still point at the original; a
    header line's own line break goes too, so the sentence it cut runs on."""
    cleared = text
    if _has_margin_numbers(cleared):
        cleared = _MARGIN_NUMBER.sub(lambda m: " " * len(m.group(0)), cleared)
    cleared = _PAGE_FURNITURE.sub(lambda m: " " * len(m.group(0)), cleared)
    cleared = _UPDATE_STAMP.sub(lambda m: " " * len(m.group(0)), cleared)
    cleared = _COOKIE_BANNER.sub(lambda m: " " * len(m.group(0)), cleared)
    cleared = _BULLET.sub(lambda m: " " * len(m.group(0)), cleared)
    cleared = _HTML_TAG.sub(_blank_tag, cleared)
    assert len(cleared) == len(text)
    return cleared


# markup a scraper left in the text ("...in Jakarta.<br /><br />KPPU began"): a block tag
# ends a paragraph, an inline one is only space
_HTML_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>\n]{0,300})?\s*/?>")
_BLOCK_TAGS = frozenset(
    {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section"}
)


def _blank_tag(match: re.Match[str]) -> str:
    if match["name"].lower() in _BLOCK_TAGS:
        return "\n" + " " * (len(match.group(0)) - 1)
    return " " * len(match.group(0))


# "12   FILED & ENTERED: 03/14/2026   ORDER ...": a docket page's entry number and label,
# which the parser would take for the entry's subject and verb
_DOCKET_LABEL = re.compile(
    r"^[ \t]*\d{1,4}[ \t]+filed(?:[ \t]+(?:&|and)[ \t]+entered)?[ \t]*:", re.IGNORECASE | re.MULTILINE
)


def blank_docket_labels(text: str) -> str:
    """The text with docket rows' number-and-label openings blanked (same length)."""
    return _DOCKET_LABEL.sub(lambda m: " " * len(m.group(0)), text)


# A decree's operative part: "... DECIDES:" (or "resolves:", "hereby orders:") over numbered
# infinitives, "I - to impose on X a fine of ...", "II - to determine the suspension of ...".
_DECIDING_LINE = re.compile(
    r"\b(?:decide[sd]?|resolve[sd]?|orders?|determines?|decrees?|hereby)[ \t]*:[ \t]*\n", re.IGNORECASE
)
_OPERATIVE_ITEM = re.compile(
    r"^[ \t]*(?:[IVXLC]{1,5}|\d{1,2}|[a-z])[ \t]*(?:[-\u2013\u2014.)])[ \t]*[Tt]o[ \t]+(?P<verb>[a-z]{3,})\b",
    re.MULTILINE,
)


# "the Authority hereby:" over "(1) imposes on X a financial penalty ...": finite already, but
# the parser takes the bare verb after a number for a noun's
_FINITE_ITEM = re.compile(r"^[ \t]*\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)[ \t]+(?=(?P<verb>[a-z]{3,}s)\b)", re.MULTILINE)


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def read_operative_items(text: str) -> str:
    """The text with a decree's numbered decisions read as the decider's own sentences.

    "I - to impose on X a fine" under "DECIDES:" is what the decider does, but an infinitive
    alone reads as a purpose; "It imposes on X a fine" (padded to the same length) reads as
    the act, and "It" takes up the decider. Items stop at the first line that is not one."""
    chars = None
    for deciding in _DECIDING_LINE.finditer(text):
        at = deciding.end()
        # where a finite item's gap to what it continues begins: the colon, then each item's end
        joint = text.rindex(":", deciding.start(), deciding.end())
        while True:
            while text.startswith("\n", at):
                at += 1  # items may stand a blank line apart
            item = _OPERATIVE_ITEM.match(text, at)
            finite = _FINITE_ITEM.match(text, at) if item is None else None
            if finite is not None and joint is not None:
                # "the Authority hereby:" / "(1) imposes ...; and" / "(2) makes an order": one sentence
                # whose subject is the decider, once the colon, the line breaks and labels are blanked
                chars = chars if chars is not None else list(text)
                chars[joint : finite.end()] = [" "] * (finite.end() - joint)
                item = finite
            elif item is not None:
                said = "It " + _third_person(item["verb"])
                start = item.start() + len(item.group(0)) - len(item.group(0).lstrip(" \t"))
                width = item.end() - start
                if len(said) <= width:
                    chars = chars if chars is not None else list(text)
                    chars[start : item.end()] = list(said + " " * (width - len(said)))
            else:
                break
            line_end = text.find("\n", item.end())
            if line_end < 0:
                break
            joint = line_end if finite is not None else None
            at = line_end + 1
    if chars is None:
        return text
    read = "".join(chars)
    assert len(read) == len(text)
    return read


# "a cease and desist order": the parser reads "cease" as the object and "desist" as a verb
# whose object is the order; hyphenated (same length) it is one modifier of "order"
# (a title-case "Cease and Desist Order" the model already reads as one name)
_CEASE_AND_DESIST = re.compile(
    r"\b(cease)[ ](and)[ ](desist)\b(?=[ \t]+order)|\b(CEASE) (AND) (DESIST)\b(?=[ \t]+ORDER)"
)


def join_fixed_phrases(text: str) -> str:
    return _CEASE_AND_DESIST.sub(lambda m: "-".join(w for w in m.groups() if w), text)


# "On 20 October Clippernest blocked access": with no comma after a fronted date the parser takes
# the name for part of the date's phrase and the verb loses its subject. The space becomes a comma
# (same length), as a careful writer would have put it.
_FRONTED_DATE = re.compile(
    r"(?:^|(?<=[.!?] ))(?:On|In|By|Since) (?:\d{1,2} [A-Z][a-z]{2,8}(?: \d{4})?|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"
    r" (?=[A-Z][a-z])",
    re.MULTILINE,
)


def comma_after_fronted_dates(text: str) -> str:
    # (not after a year: "2026,BaFin" would be one token, and the name lost in it)
    return _FRONTED_DATE.sub(lambda m: m.group(0) if m.group(0)[-2].isdigit() else m.group(0)[:-1] + ",", text)


def normalise_case(text: str, forms: dict[str, str] | None = None) -> tuple[str, str]:
    """(text to analyse, case style): OCR-repaired, and truecased when the input is single-case."""
    text = read_operative_items(comma_after_fronted_dates(join_fixed_phrases(repair_ocr(text))))
    style = case_style(text)
    if style == "mixed":
        return text, style
    return truecase(text, forms), style
