"""From sentence-level candidates to a document's events.

What needs the whole document happens here, as plain functions over plain
records: resolving "the company" or "these two models" to the nearest
fitting entity, dating each event (including "three days before the order"
and "at that time"), and merging repeated reports of one happening.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlp import dates
from nlp.components.events import Candidate, RoleFiller
from nlp.gazetteer import default_gazetteer
from nlp.records import EntityRef, Event, Mention
from nlp.rules import default_rules

# What an anchor phrase ("three days before the export control order") points at.
_ANCHOR_TYPES = (
    (re.compile(r"\b(order|directive|ban|letter|proclamation)\b"), "order"),
    (re.compile(r"\b(ruling|injunction|judgment|decision|verdict)\b"), "ruling"),
    (re.compile(r"\b(lawsuit|suit|complaint)\b"), "lawsuit"),
    (re.compile(r"\b(launch|release|debut)\w*"), "launch"),
    (re.compile(r"\b(meeting|talks|hearing|summit)\b"), "meeting"),
    (re.compile(r"\b(designation|listing|list)\b"), "designation"),
    (re.compile(r"\b(fine|penalty|settlement|indictment)\b"), "penalty"),
    (re.compile(r"\b(rule|regulation)\b"), "rule"),
    (re.compile(r"\b(investigation|probe|inquiry|subpoena)\b"), "investigation"),
    (re.compile(r"\b(bill|act|law)\b"), "legislation"),
    (re.compile(r"\b(suspension|shutdown)\b"), "suspension"),
)
# Acts only a public body performs: an "it" doing them is a body before a company.
_OFFICIAL_ACTS = ("penalty", "designation", "rule", "investigation", "order", "ruling")
_COURTLESS_TARGETS = ("penalty", "investigation", "designation", "order", "suspension", "launch", "lawsuit")
_PRECISION_RANK = {"unknown": 0, "year": 1, "month": 2, "day": 3}


@dataclass
class Placed:
    """A candidate with its resolved date and position in document order."""

    candidate: Candidate
    date: dates.DateValue
    anchor: dates.DateMention | None = None
    inherit_previous: bool = False


# --- coreference --------------------------------------------------------------


_ACT_NAME = re.compile(
    r"^(executive order|proclamation|presidential (memorandum|determination|order))\b", re.IGNORECASE
)


# what a company's own report says of itself; an agency's order says "we" too, but is none of these
_SECURITIES_FORM = re.compile(r"\bform\s+(?:10-k|10-q|8-k|20-f|6-k|s-1|f-1)\b|\bregistrant\b", re.IGNORECASE)
_COMPANY_FILING = re.compile(r"\bform\s+(?:10-k|10-q|8-k|20-f|6-k)\b|\bthe company\b|\bregistrant\b", re.IGNORECASE)


# "Before the / Federal Communications Commission", "By the Commission:": an agency's own order,
# whatever defined terms ("Briskline or the Company") it gives the party it acts on
_AGENCY_ORDER = re.compile(r"^[ \t]*(?:before the\b|by the (?:commission|bureau|board|chief|director)\b)", re.I | re.M)


def _company_byline(head: str, mentions: list[Mention], types: dict[str, str]) -> bool:
    """A company's post under its own dated byline ("Brackenlight IT Services | October 7, 2026"),
    before any public body is named: its "we" is the company, whatever agency it goes on to name."""
    first = next((m for m in mentions if m.id and types.get(m.id) in ("ORG", "AGENCY", "GOV", "COURT")), None)
    if first is None or types.get(first.id) != "ORG" or first.start > 300:
        return False
    line_start = head.rfind("\n", 0, first.start) + 1
    line_end = head.find("\n", first.start)
    line = head[line_start : line_end if line_end >= 0 else len(head)]
    return bool(
        re.fullmatch(
            r"\s*"
            + re.escape(head[first.start : first.end])
            + r"\s*[|\u2013\u2014-]\s*[^|\n]{0,20}\b(?:19|20)\d\d\b[^|\n]{0,10}",
            line,
        )
    )


def _on_short_line(text: str, at: int) -> bool:
    """Whether `at` lies on a line of a letterhead's length, not in a paragraph of prose."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return len(text[start : end if end >= 0 else len(text)].strip()) < 70


# a proclamation's heading, or a White House statement's ("Statement from the President on Signing ...")
_PRESIDENTIAL = re.compile(
    r"\bby the president of the united states\b|^[ \t]*statement (?:from|by) the president\b", re.I | re.M
)
# an executive order's or a proclamation's "it is hereby ordered" is the President's, told by its own act
_PRESIDENTIAL_DOCUMENT = re.compile(
    r"\bpresidential documents\b|\bexecutive order \d|\bby the president of the united states\b", re.IGNORECASE
)
# a company blog's byline: "Posted by the Hearthlet Trust & Safety team"
_POSTED_BY_TEAM = re.compile(
    r"\b(?i:posted by) (?:the )?(?P<company>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}?)"
    r"(?: (?:[A-Z][\w]*|&))* team\b"
)
# a paragraph opening on the name of the one it speaks to: "1. Emrys Rheadwick, you are 27 years old."
_VOCATIVE = re.compile(r"^[ \t]*(?:\d{1,3}\.[ \t]+)?(?P<name>[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,3}), you\b", re.MULTILINE)
# the heads of a government who sign laws and speak as "I"
_SIGNING_HEAD = r"(?:Governor|President|Mayor|Premier)\b"
# a letter's close and the office under it: "Sincerely,\n\nGovernor of Vermont"
_SIGNING_OFFICE = re.compile(
    r"^[ \t]*(?:sincerely|respectfully(?: submitted)?|yours (?:sincerely|truly|faithfully)),?[ \t]*\n\s*"
    rf"(?P<office>{_SIGNING_HEAD}[^\n]{{0,60}})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# a statement's letterhead naming the office it speaks for: "CITY OF PROVIDENCE / Office of the Mayor"
_OFFICE_LETTERHEAD = re.compile(
    rf"^[ \t]*(?P<office>Office of the {_SIGNING_HEAD}[^\n]{{0,40}}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ENUMERATED_ROLE = re.compile(r"^(?:[A-Z]\.\s+)?(?:(?i:respondent|defendant)s?\s+(?=[A-Z]))?")


_SOME_JUDGE = re.compile(r"^an? (?:(?:federal|u\.s\.|district|state|bankruptcy) )*judge$", re.IGNORECASE)
_SOME_COURT = re.compile(
    r"^[Aa]n? (?:[A-Z][a-z]+ |federal |state |district |regional |trial |lower |appeals |appellate )*court$"
)
# how far on a story may name the court its lede left unnamed: about two sentences
_NEXT_NAMED_CHARS = 600
# how far back a pronoun's one recent person may be named: about a sentence
_RECENT_PERSON_CHARS = 400
# a bench's title before a name: the judge who acts on the party, not the party "she" means
_BENCH_BEFORE = re.compile(r"\b(?:Judge|Justice|Magistrate)\s+$")


def resolve_filler(
    filler: RoleFiller,
    mentions: Sequence[Mention],
    types: dict[str, str],
    unfit: tuple[str, ...] = (),
    prefer: tuple[str, ...] = (),
    document_head: str = "",
    text: str = "",
) -> list[EntityRef]:
    """The entity (or entities) an anaphoric filler stands for, else the words themselves.

    `unfit` names entity types the role cannot hold (a court is never the one fined);
    `prefer` the types tried first ("it" fining someone is a regulator before a company).
    """
    if not filler.anaphor:
        if not filler.entity_id and _ACT_NAME.match(filler.text):
            # "Executive Order 14166 ... directed X": the order speaks for the President
            entry = default_gazetteer().get("gov:us-president")
            if entry is not None:
                return [EntityRef(filler.text, entry.canonical, entry.id, entry.type)]
        if not filler.entity_id and _SOME_JUDGE.match(filler.text) and text:
            # "A federal judge on Monday gave preliminary approval ... U.S. District Judge X said": a
            # story's unnamed judge is the one judge it goes on to name
            titled = {
                m.id: m
                for m in mentions
                if m.id and types.get(m.id) == "PERSON" and _BENCH_BEFORE.search(text[max(0, m.start - 30) : m.start])
            }
            if len(titled) == 1:
                judge = next(iter(titled.values()))
                return [EntityRef(filler.text, judge.canonical, judge.id, "PERSON")]
        if not filler.entity_id and _SOME_COURT.match(filler.text):
            # "A German court has sided with GEMA ... The Regional Court of Munich I handed down the
            # judgment": a lede's unnamed court is the one the story names next
            named = next(
                (
                    m
                    for m in mentions
                    if m.id and types.get(m.id) == "COURT" and filler.end <= m.start < filler.end + _NEXT_NAMED_CHARS
                ),
                None,
            )
            if named is not None:
                return [EntityRef(filler.text, named.canonical, named.id, "COURT")]
        if not filler.entity_id:
            # "Hexwave" after "Hexwave Robotics": a short form of a name the document gave in full
            # "C. Respondent Brisbois" in an order's lettered paragraphs: the party's name
            named = _ENUMERATED_ROLE.sub("", filler.text.strip())
            words = re.sub(r"^(the|a|an)\s+", "", named, flags=re.IGNORECASE).rstrip("'’s ")
            if words and len(words.split()) <= 2:
                short = words.lower()
                match = _only_entity(mentions, types, "ORG", lambda name: name.lower().startswith(short + " "))
                # "Farrow-Lyle pleaded guilty": the surname of the one person named in full
                if match is None and " " not in words:
                    match = _only_entity(
                        mentions, types, "PERSON", lambda name: " " in name and name.split()[-1].lower() == short
                    )
                if match is None and " " not in words and words.istitle():
                    # "the Board" after "the National Labor Relations Board": the one body so named
                    for kind in ("AGENCY", "GOV"):
                        match = match or _only_entity(
                            mentions, types, kind, lambda name: short in name.lower().split()[1:]
                        )
                if match is not None:
                    return [EntityRef(filler.text, match.canonical, match.id, types.get(match.id))]
            if named and named != filler.text.strip():
                return [EntityRef(named, None, None, None)]
        return [EntityRef(filler.text, filler.canonical, filler.entity_id, filler.type)]
    kinds = [kind for kind in filler.anaphor.split("|") if kind not in unfit]
    if prefer:
        kinds = [k for k in prefer if k in kinds] + [k for k in kinds if k not in prefer]
    if not kinds and unfit:
        return []  # "submitted the judgment to the Court": the forum, not a party
    if not kinds:
        return [EntityRef(filler.text, None, None, None)]
    if filler.text == "I" and _PRESIDENTIAL.search(document_head[:600]):
        # "BY THE PRESIDENT OF THE UNITED STATES OF AMERICA / A PROCLAMATION ... I have decided"
        entry = default_gazetteer().get("gov:us-president")
        if entry is not None:
            return [EntityRef(filler.text, entry.canonical, entry.id, entry.type)]
    if filler.text == "I":
        # An official's order or notice speaks as its signer ("I signed an order denying ..."):
        # the body whose letterhead opens it, its most specific office last
        letterhead = [
            m
            for m in mentions
            if m.id
            and m.start < 300
            and types.get(m.id) in (*kinds, "COURT")
            and _on_short_line(document_head, m.start)
        ]
        if letterhead and types.get(letterhead[0].id) == "COURT":
            # "FEDERAL COURT OF AUSTRALIA" over a judgment's summary: its "I declared" is the
            # judge's, for the court; the agency in the caption is a party
            return [EntityRef(filler.text, letterhead[0].canonical, letterhead[0].id, "COURT")]
        letterhead = [m for m in letterhead if types.get(m.id) != "COURT"]
        # an agency before a country: "Moscow, Russia" in the respondent's address signs nothing
        letterhead = [m for m in letterhead if types.get(m.id) == "AGENCY"] or letterhead
        if not letterhead:
            # a veto message signed "Sincerely, / Governor of Vermont": the office that signs it
            signed = _SIGNING_OFFICE.search(text[-400:]) if text else None
            if signed is not None:
                return [EntityRef(signed["office"].strip(), None, None, "PERSON")]
            office = _OFFICE_LETTERHEAD.search(document_head[:300])
            if office is not None:
                return [EntityRef(office["office"].strip(), None, None, "PERSON")]
            return [EntityRef(filler.text, None, None, None)]
        signer = letterhead[-1]
        return [EntityRef(filler.text, signer.canonical, signer.id, types.get(signer.id))]
    if filler.text.lower() in ("you", "your") or filler.text.lower().startswith("your "):
        # "Emrys Rheadwick, you are 27 years old": a judge's sentencing remarks speak to the person
        # they name so
        addressed = next(
            (
                m
                for m in mentions
                if m.id and types.get(m.id) == "PERSON" and text and re.match(r",\s+you\b", text[m.end : m.end + 8])
            ),
            None,
        )
        if addressed is not None:
            return [EntityRef(filler.text, addressed.canonical, addressed.id, "PERSON")]
        vocative = _VOCATIVE.search(text or "")
        if vocative is not None:
            return [EntityRef(vocative["name"], None, None, "PERSON")]
        # a regulator's letter speaks to its addressee, named above the salutation
        addressee = next((m for m in mentions if m.id and m.start < 600 and types.get(m.id) == "ORG"), None)
        addressee = addressee or next(
            (m for m in mentions if m.id and m.start < 600 and types.get(m.id) == "PERSON"), None
        )
        if addressee is not None:
            return [EntityRef(filler.text, addressee.canonical, addressee.id, types.get(addressee.id))]
    # (a filing in capitals is re-cased word by word: its "THE COMPANY" may come out "the company")
    defined_company = filler.text in ("the Company", "The Company") or (
        filler.text.lower() == "the company" and _SECURITIES_FORM.search(document_head) is not None
    )
    if filler.text.lower() == "the company" and text and (named := _named_the_company(mentions, types, text)):
        # 'Skarvik Digital AS ("Skarvik" or "the company")': the firm the text said it would call so
        return [EntityRef(filler.text, named.canonical, named.id, types.get(named.id))]
    if text and (defined := _defined_term_holder(filler.text, mentions, types, text)) is not None:
        # "Loxbridge Motor Company (Loxbridge or the Manufacturer)": the term stands for that firm
        return [EntityRef(filler.text, defined.canonical, defined.id, types.get(defined.id))]
    if filler.text.lower() in ("we", "our", "us") or defined_company:
        # First person in a filing is its author: a court whose caption heads the
        # document (an opinion's "we affirm"); in a company's report (and its defined
        # term "the Company") the company it keeps naming; else the first body named.
        author = next(
            (m for m in mentions if m.id and m.start < 400 and types.get(m.id) == "COURT" and not defined_company),
            None,
        )
        # ('Skarvik Digital AS ("Skarvik" or "the company")': a text that names the firm so is about it, not by it)
        company_filing = (
            _COMPANY_FILING.search(document_head)
            and not _AGENCY_ORDER.search(document_head[:600])
            and not _THE_COMPANY_DEFINED.search(document_head)
        ) or _company_byline(document_head, mentions, types)
        if author is None and "AGENCY" in prefer and not company_filing:
            # "We impose a penalty" in an order headed "Before the Federal Communications Commission"
            # (of the bodies named near the top, the one named most: a note on where appeals go names
            # the appeals board first)
            bodies = [m for m in mentions if m.id and m.start < 1500 and types.get(m.id) == "AGENCY"]
            named = Counter(m.id for m in mentions if m.id)
            author = max(bodies, key=lambda m: named[m.id]) if bodies else None
        letterhead = document_head and not _SECURITIES_FORM.search(document_head)
        if author is None and filler.text.lower() != "the company" and letterhead:
            # a speech or release under the body's own letterhead ("Data Protection Commission" on the
            # first line): its "we" is that body, however often it names some company
            author = next(
                (
                    m
                    for m in mentions
                    if m.id
                    and m.start < 300
                    and types.get(m.id) == "AGENCY"
                    and _on_short_line(document_head, m.start)
                    # (a heading under the release's first paragraph is no letterhead)
                    and not any(
                        len(line) >= 70 and line.rstrip().endswith(".") for line in document_head[: m.start].split("\n")
                    )
                ),
                None,
            )
        posted = _POSTED_BY_TEAM.search(document_head[:400]) if author is None else None
        if posted is not None:
            # "Posted by the Hearthlet Trust & Safety team": a company's blog speaks as the company
            return [EntityRef(posted["company"], None, None, "ORG")]
        if author is None:
            author = _defined_company(mentions, types, text or document_head)
        author = author or _reporting_company(mentions, types)
        author = author or next((m for m in mentions if m.id and types.get(m.id) in kinds), None)
        if author is not None:
            return [EntityRef(filler.text, author.canonical, author.id, types.get(author.id))]
    before = [m for m in mentions if m.end <= filler.start and m.id and types.get(m.id) in kinds]
    if filler.sentence_start is not None and filler.text.lower() in ("it", "its", "they", "them"):
        # a pronoun most often takes up the subject of its own sentence
        same = [m for m in before if m.start >= filler.sentence_start]
        opener = _BODY_NOUN.match(text[filler.sentence_start : filler.start]) if text and prefer else None
        if opener is not None and not any(m.start < filler.sentence_start + opener.end() for m in same):
            # "The Bureau began looking into Tollgate ..., when it sent the company a letter": the
            # pronoun takes up the body that opens its sentence, by the body's own noun
            called = [m for m in before if re.search(rf"\b{opener['noun'].lower()}\b", (m.canonical or m.text).lower())]
            if called and types.get(called[-1].id) in kinds:
                chosen = called[-1]
                return [EntityRef(filler.text, chosen.canonical, chosen.id, types.get(chosen.id))]
        # "... siding with the Attorney General's Office days after it sued": a pronoun in a clause
        # of time just after a name takes that name up
        if text and re.search(
            r"\b(?:after|before|since|until|once)\s+$", text[max(0, filler.start - 10) : filler.start]
        ):
            near = [m for m in same if 0 <= filler.start - m.end <= 24]
            if near:
                chosen = near[-1]
                return [EntityRef(filler.text, chosen.canonical, chosen.id, types.get(chosen.id))]
        for kind in kinds:
            if prefer and kind not in prefer:
                # "The Bureau began looking into Tollgate ..., when it sent the company a letter": an
                # official act's "it" is not the firm the sentence names, if a body was named before
                break
            first = next((m for m in same if types.get(m.id) == kind), None)
            if first is not None:
                return [EntityRef(filler.text, first.canonical, first.id, kind)]
        # ...or else the subject of the sentence before: "The Federal Trade Commission began
        # investigating the company in 2023. It filed this action ..." is the Commission's
        if text and filler.start - filler.sentence_start < _PRONOUN_NEAR_START:
            subject = _previous_subject(text, filler.sentence_start, before)
            if subject is not None and types.get(subject.id) in kinds:
                return [EntityRef(filler.text, subject.canonical, subject.id, types.get(subject.id))]
    if not before and kinds[0] in ("AGENCY", "COURT") and filler.text.lower().startswith("the "):
        # "the Authority hereby imposes" in a notice that names the FCA only in its page header:
        # a defined term for the one body of that kind the document names
        after = {m.id: m for m in mentions if m.id and types.get(m.id) == kinds[0]}
        if len(after) == 1:
            only = next(iter(after.values()))
            return [EntityRef(filler.text, only.canonical, only.id, kinds[0])]
    if not before and (eu_body := _eu_body(filler.text, mentions)) is not None:
        return [eu_body]
    if not before and kinds == ["PERSON"] and filler.text.lower() in ("he", "she"):
        # "the eSafety Commissioner ... she had assessed Tandemly": in a text that names no one,
        # the office a person holds, named last
        offices = [
            m
            for m in mentions
            if m.end <= filler.start
            and m.id
            and types.get(m.id) == "AGENCY"
            and (m.canonical or m.text).split()[-1].lower() in default_rules().lexicon.official_titles
        ]
        if offices:
            return [EntityRef(filler.text, offices[-1].canonical, offices[-1].id, "AGENCY")]
    if not before or (text and _unnamed_group_before(filler.text, text[: filler.start])):
        return [EntityRef(filler.text, None, None, None)]
    counted = _COUNTED.match(filler.text.strip())
    if kinds[0] == "ORG" and counted and counted["firms"]:
        # "issued second requests to both companies": the two firms named last
        group_ids: list[str] = []
        for mention in reversed(before):
            if types.get(mention.id) == "ORG" and mention.id not in group_ids:
                group_ids.append(mention.id)
        group_ids = group_ids[: _SMALL_COUNTS[counted["count"].lower()]]
        chosen = [next(m for m in before if m.id == i) for i in reversed(group_ids)]
        return [EntityRef(filler.text, m.canonical, m.id, "ORG") for m in chosen]
    bodies = counted if counted and counted["bodies"] else None
    if filler.plural and (kinds[0] == "PRODUCT" or (bodies and kinds[0] == "AGENCY")):
        # "these two models": the latest run of distinct product names; "the two departments":
        # the two bodies named last
        group: list[Mention] = []
        seen: set[str] = set()
        for mention in reversed(before):
            if mention.id in seen or (kinds[0] == "AGENCY" and types.get(mention.id) != "AGENCY"):
                continue
            if group and group[-1].start - mention.end > 300:
                break
            group.append(mention)
            seen.add(mention.id)
        if bodies and bodies["count"].lower() in _SMALL_COUNTS:
            group = group[: _SMALL_COUNTS[bodies["count"].lower()]]
        return [EntityRef(filler.text, m.canonical, m.id, types.get(m.id)) for m in reversed(group)]
    head = re.fullmatch(_BODY_NOUNS, filler.text.strip().lower())
    if head is not None:
        # "The commission issued an order" after the Federal Communications Commission and its
        # Office of International Affairs: the body the noun names, not the one named last
        called = [m for m in before if re.search(rf"\b{head.group(1)}\b", (m.canonical or m.text).lower())]
        if called:
            chosen = called[-1]
            return [EntityRef(filler.text, chosen.canonical, chosen.id, types.get(chosen.id))]
    # Prefer the first kind named ("the company" wants an ORG before anything else).
    for kind in kinds:
        fitting = [m for m in before if types.get(m.id) == kind]
        if fitting and kind == "PERSON" and filler.text.lower() in ("he", "she", "him", "his", "her"):
            # "He was indicted" in a release about a defendant: the person it keeps naming,
            # not the judge named last
            named = Counter(m.id for m in mentions if types.get(m.id) == "PERSON")
            chosen = max(reversed(fitting), key=lambda m: named[m.id])
            # "... entered a final judgment against Feagley, who consented to it. The judgment
            # enjoins her": the one party named just before, where the release names others more
            recent = {
                m.id: m
                for m in fitting
                if filler.start - m.end < _RECENT_PERSON_CHARS
                and not _BENCH_BEFORE.search(text[max(0, m.start - 12) : m.start])
                and not m.text.startswith(("Judge ", "Justice "))
            }
            if len(recent) == 1:
                chosen = next(iter(recent.values()))
            return [EntityRef(filler.text, chosen.canonical, chosen.id, kind)]
        if fitting and kind == "ORG" and text and filler.text.lower() not in ("it", "its", "they", "them", "their"):
            # "the company" after "Kindlewell ... the PaceHarbor running app": a name used to
            # describe a product is the product, not the company taken up again
            products = {m.id for m in mentions if m.id and _names_a_product(text, m.start, m.end)}
            fitting = [m for m in fitting if m.id not in products] or fitting
            # "its Forced Labor Division ... opened its inquiry into the company": a unit's name is
            # no company
            fitting = [m for m in fitting if not _names_a_unit(m.canonical or m.text)] or fitting
            # "the balance goes to the Commonwealth. The company also stopped ...": a polity is no company
            fitting = [m for m in fitting if not _names_a_polity(m.canonical or m.text)] or fitting
            # "a member of Wexmoor's Evanston location": a place naming a site is no company either
            fitting = [m for m in fitting if not _names_a_site(text, m.end)] or fitting
        qualifier = _COURT_LEVEL.search(filler.text) if kind == "COURT" else None
        if fitting and qualifier:
            # "the district court" in a state supreme court's order: a court of that level or, if
            # the text names none, the words themselves, never the court named last
            level = qualifier.group(0).lower()
            fitting = [m for m in fitting if level in (m.canonical or m.text).lower()]
            if not fitting:
                return [EntityRef(filler.text, None, None, None)]
        if fitting:
            # "the Commission" after "the Enforcement Bureau" in an FCC order: the body its
            # capitalised head word names, if one was named
            head = filler.text.split()[-1]
            alike = [
                m for m in fitting if head[:1].isupper() and head.lower() in (m.canonical or m.text).lower().split()
            ]
            chosen = (alike or fitting)[-1]
            return [EntityRef(filler.text, chosen.canonical, chosen.id, kind)]
    return [EntityRef(filler.text, None, None, None)]


# (with the lexicon's agency heads: "bureau", "department", "directorate" ...)
_UNIT_WORDS = frozenset({"division", "office", "unit", "branch", "task force"})


def _names_a_unit(name: str) -> bool:
    """A public body's or an organisation's unit, by its head word ("Forced Labor Division")."""
    words = name.lower().split()
    return bool(words) and (
        words[-1] in _UNIT_WORDS
        or words[-1] in default_rules().lexicon.agency_heads
        or " ".join(words[-2:]) in _UNIT_WORDS
    )


_SMALL_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
# "the two departments", "both agencies": bodies named just before, counted; "both companies",
# "the two firms": the merging parties
_COUNTED = re.compile(
    r"(?:the\s+)?(?P<count>two|both|three|four)\s+(?:the\s+)?"
    r"(?:(?P<bodies>departments|agencies|regulators|ministries|bodies|authorities|commissions)"
    r"|(?P<firms>companies|firms|parties|merging parties))$",
    re.IGNORECASE,
)


def _names_a_site(text: str, end: int) -> bool:
    """Whether the name ending at `end` modifies a site's noun ("Evanston location", "Osaka plant")."""
    following = re.match(r"\s+([a-z]+)", text[end : end + 20])
    return following is not None and (
        following.group(1) == "location" or following.group(1) in default_rules().lexicon.site_nouns
    )


def _names_a_polity(name: str) -> bool:
    """A state named by its bare title ("the Commonwealth", "the State"), which NER may call an organisation."""
    return name.lower().removeprefix("the ").strip() in _POLITY_TITLES


_POLITY_TITLES = frozenset({"commonwealth", "state", "crown", "government", "people", "republic", "kingdom"})

_BODY_NOUNS = r"the (?P<noun>commission|bureau|department|ministry|authority|council|board|tribunal|regulator|watchdog)"
# a sentence that opens on a body named by its noun: "The Bureau began ..."
_BODY_NOUN = re.compile(r"\s*" + _BODY_NOUNS + r"\b", re.IGNORECASE)


def _unnamed_group_before(words: str, before: str) -> bool:
    """ "A coalition of 34 attorneys general ... the coalition sent demands": the group the text
    brought in without a name, not the last firm named since (an apposition's "a coalition of
    retailers" only describes the name before it)."""
    head = re.fullmatch(r"the (coalition|group|consortium|alliance)", words.strip().lower())
    if head is None:
        return False
    return any(
        not before[: found.start()].rstrip(" ").endswith(",")
        for found in re.finditer(rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{head.group(1)}\b", before, re.IGNORECASE)
    )


_COURT_LEVEL = re.compile(r"\b(?:district|circuit|appeals|appellate|supreme|superior|bankruptcy|trial|high)\b", re.I)
_EU_BODY_ID = re.compile(r"(?:court:(?:eu-|cjeu)|agency:eu-|gov:eu$|legislature:eu-|list:eu-)")


def _eu_body(words: str, mentions: Sequence[Mention]) -> EntityRef | None:
    """ "the Commission" in a General Court summary that names no commission: the European one."""
    head = words.lower().removeprefix("the ")
    ids = default_rules().lexicon.eu_bare_names.get(head)
    if not ids or not any(m.id and _EU_BODY_ID.match(m.id) for m in mentions):
        return None
    entry = default_gazetteer().get(next(iter(ids)))
    return EntityRef(words, entry.canonical, entry.id, entry.type) if entry is not None else None


# "more than 130 people", "at least 40 companies", "dozens of firms": a count, not parties
_TALLY = re.compile(
    r"(?:(?:more|fewer)\s+than|over|at\s+least|nearly|almost|some|about|roughly)\s+[\dl][\d,l]*\b|(?:dozens|hundreds|scores)\s+of\b",
    re.IGNORECASE,
)


def _names_a_product(text: str, start: int, end: int) -> bool:
    """The name at start..end describes a product: "the PaceHarbor running app", "its Sollie app"
    (but "Nvidia chips", with no article, may well be the company's)."""
    if not re.search(r"\b(?:the|its|their)\s+$", text[max(0, start - 8) : start], re.IGNORECASE):
        return False
    words = re.findall(r"[A-Za-z-]+", text[end : end + 30])[:2]
    nouns = default_rules().lexicon.product_nouns
    return bool(text[end : end + 1].isspace()) and any(w.lower() in nouns for w in words)


# a pronoun this close to its sentence's start is its subject or nearly ("On Tuesday it filed")
_PRONOUN_NEAR_START = 30
_SENTENCE_BREAK = re.compile(r"(?:[.!?][\"”’)]?\s+|\n\s*)(?=\S)")


def _previous_subject(text: str, sentence_start: int, before: list[Mention]) -> Mention | None:
    """The entity that opens the sentence before ``sentence_start``, if one does."""
    base = max(0, sentence_start - 600)
    head = text[base:sentence_start].rstrip()
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(head[:-1])]
    if not breaks and base > 0:
        return None
    previous_start = base + (breaks[-1] if breaks else 0)
    opening = next((m for m in before if m.start >= previous_start), None)
    if opening is None or not re.fullmatch(r"\s*(?:the\s+)?", text[previous_start : opening.start], re.IGNORECASE):
        return None
    return opening


def _only_entity(
    mentions: Sequence[Mention], types: dict[str, str], kind: str, fits: Callable[[str], bool]
) -> Mention | None:
    """The one entity of `kind` whose canonical name fits, or None when none or several do."""
    found = {m.id: m for m in mentions if m.id and m.canonical and types.get(m.id) == kind and fits(m.canonical)}
    return next(iter(found.values())) if len(found) == 1 else None


# (the "Company"), ("Arbordale," "we" or "us"): the filer's own short names
_COMPANY_DEFINED = re.compile(
    r"\(\s*(?:the\s+)?[\"“](?:Company|Registrant)[\"”]\s*\)|\((?=[^()]{0,80}[\"“](?:we|us)[,.]?[\"”])[^()]*\)"
)


# what may stand between a name and its definition: "Velquist Photonics, Inc. (the "Company")"
_LEGAL_FORM_GAP = re.compile(
    r"[\s,]*(?:(?:inc|corp|co|ltd|llc|plc|limited|corporation|company)\.?[\s,]*)?", re.IGNORECASE
)


def _defined_company(mentions: Sequence[Mention], types: dict[str, str], text: str) -> Mention | None:
    """ "a wholly owned subsidiary of Velquist Photonics, Inc. (the "Company")": the firm named
    just before the filing defines its own short name."""
    defined = _COMPANY_DEFINED.search(text)
    if defined is None:
        return None
    return _firm_defined_at(
        mentions, types, defined.start(), lambda m: bool(_LEGAL_FORM_GAP.fullmatch(text, m.end, defined.start()))
    )


def _firm_defined_at(
    mentions: Sequence[Mention], types: dict[str, str], at: int, close: Callable[[Mention], bool]
) -> Mention | None:
    """The last organisation named before a definition at `at` that stands close enough to it."""
    before = [m for m in mentions if m.id and types.get(m.id) == "ORG" and m.end <= at and close(m)]
    return before[-1] if before else None


# '("Skarvik" or "the company")': a lower-case "the company" defined in quotes
_THE_COMPANY_DEFINED = re.compile(r"\((?:[^()]{0,60}?\bor\s+)?[\"“]the company[\"”]\)")


def _named_the_company(mentions: Sequence[Mention], types: dict[str, str], text: str) -> Mention | None:
    defined = _THE_COMPANY_DEFINED.search(text)
    if defined is None:
        return None
    return _firm_defined_at(mentions, types, defined.start(), lambda m: defined.start() - m.end <= 40)


# "the Manufacturer", "the Respondent": a capitalised term a filing may define for its party
_CAPITALISED_TERM = re.compile(r"[Tt]he (?P<word>[A-Z][a-z]+)")


def _defined_term_holder(words: str, mentions: Sequence[Mention], types: dict[str, str], text: str) -> Mention | None:
    """ "Loxbridge Motor Company (Loxbridge or the Manufacturer)": the firm named just before the
    parentheses that define the term (the filer's "the Company" has rules of its own)."""
    term = _CAPITALISED_TERM.fullmatch(words)
    if term is None or term["word"] in ("Company", "Registrant"):
        return None
    defined = re.search(rf"\((?:[^()]{{0,60}}?\bor\s+)?(?:the\s+)?[\"“]?(?:the\s+)?{term['word']}[\"”]?\)", text)
    if defined is None:
        return None
    return _firm_defined_at(mentions, types, defined.start(), lambda m: defined.start() - m.end <= 40)


def _reporting_company(mentions: Sequence[Mention], types: dict[str, str]) -> Mention | None:
    """The company a first-person text speaks for: the organisation it names most, at least twice.

    A 10-K names the FDA and the SEC too, but its own name (and short name)
    far more often; a regulator's release that says "we" names itself most.
    """
    lexicon = default_rules().lexicon
    gazetteer = default_gazetteer()
    # A company's own report names it with its legal suffix ("Halcyra Robotics, Inc.");
    # "Item 7.01 Regulation FD Disclosure" is a heading the model took for a firm.
    legal = {m.id for m in mentions if m.id and (m.id in gazetteer or lexicon.has_legal_suffix(m.text))}
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for mention in mentions:
        if (
            mention.id
            and types.get(mention.id) in ("ORG", "AGENCY")
            and (mention.id in legal or types.get(mention.id) == "AGENCY")
        ):
            counts[mention.id] = counts.get(mention.id, 0) + 1
            first.setdefault(mention.id, mention)
    if not counts:
        return None
    companies = [key for key in counts if types.get(key) == "ORG"]
    if len(companies) == 1:
        return first[companies[0]]  # the only company a first-person report names with its suffix
    best = max(counts, key=lambda key: (counts[key], -first[key].start))
    if counts[best] < 2 or types.get(best) != "ORG":
        return None
    return first[best]


_PERSON_DESCRIPTION = re.compile(
    r"\b(man|woman|national|resident|citizen|engineer|executive|businessman|businesswoman|individual|employee|"
    r"researcher|scientist|trader|broker|banker|officer|official|founder|co-founder|owner|chemist|student|person|"
    r"director|manager|chairman|consultant|accountant|analyst|salesman|representative|partner|captain|pilot)s?\b",
    re.IGNORECASE,
)


def _refs(
    fillers: list[RoleFiller],
    mentions: Sequence[Mention],
    types: dict[str, str],
    *,
    agent: bool = False,
    unfit: tuple[str, ...] = (),
    prefer: tuple[str, ...] = (),
    document_head: str = "",
    text: str = "",
) -> list[EntityRef]:
    refs: list[EntityRef] = []
    seen: set[str] = set()
    for filler in fillers:
        if filler.generic and not filler.entity_id and _PERSON_DESCRIPTION.search(filler.text):
            # "A Hong Kong man pleaded guilty ...": releases name him in the next sentence
            named = next(
                (
                    m
                    for m in mentions
                    if m.start >= filler.end and m.start - filler.end < 500 and types.get(m.id or "") == "PERSON"
                ),
                None,
            )
            if named is not None:
                if named.id not in seen:
                    seen.add(named.id)
                    refs.append(EntityRef(filler.text, named.canonical, named.id, "PERSON"))
                continue
        if agent and filler.refers_to_event:
            continue  # "the directive banned X": the act is not its own issuer
        for ref in resolve_filler(filler, mentions, types, unfit, prefer, document_head, text):
            key = ref.id or ref.text.lower()
            if key not in seen:
                seen.add(key)
                refs.append(ref)
    return refs


# --- dates --------------------------------------------------------------------


def _closeness_of(mention: dates.DateMention, candidate: Candidate, offset: int) -> int:
    levels = [
        level
        for start, end, level in candidate.token_closeness
        if start < mention.end + offset and mention.start + offset < end
    ]
    return min(levels) if levels else 2


def choose_date(candidate: Candidate, text: str, published: dt.date | None, latest: dt.date | None = None) -> Placed:
    """The sentence's date expression that belongs to this event, resolved.

    `latest` is the document's own date: an act told as done is not dated after it."""
    if published is None:
        published = dt.date.today()
    sentence = text[candidate.sentence_start : candidate.sentence_end]
    tense = "past" if candidate.tense in ("present", "perfect") else candidate.tense
    try:
        found = dates.find_dates(sentence, published, tense=tense)
    except Exception:  # a date layer bug must not lose the event
        found = []
    # "violations between 2019 and 2022", "since 2020": periods around the event, not its date;
    # but an inquiry or a halt that "has been" going on "since January" began then
    under_way = candidate.tense == "perfect" and candidate.type in ("investigation", "suspension")
    # ...and "an inspection of the plant from Jan. 12 to 16" or "talks from May 3 to 5" began on the first day
    spanned = candidate.type in ("investigation", "meeting")
    found = [
        m
        for m in found
        if (
            m.relation != "since"
            or (under_way and re.match(r"since\b", sentence[m.start :], re.IGNORECASE))
            or (spanned and re.match(r"from\b.{3,30}\b(?:to|through|until)\b", sentence[m.start :], re.IGNORECASE))
        )
        and not re.search(r"\bbetween\s+$", sentence[max(0, m.start - 12) : m.start], re.IGNORECASE)
        # ...nor its end: "failures ... between July 2022 and March 2025"
        and not re.search(
            r"\bbetween\s+[^,;()]{3,30}?\s+and\s+$", sentence[max(0, m.start - 48) : m.start], re.IGNORECASE
        )
    ]
    if candidate.tense != "future" and latest is not None:
        # "suspended him for 14 months from 9 September 2026 to 8 November 2027": what is told
        # as done is not dated after the telling
        found = [m for m in found if not m.value.value or m.value.value[:10] <= latest.isoformat()]
    # Deadlines and start dates inside an act ("effective June 9", "until June 19") are not when it happened.
    # ...but "Effective June 11, BIS added nine entities" opens a sentence telling a done act by its date
    opening = candidate.tense == "past" and re.fullmatch(
        r"\W*effective\s+(?:on\s+)?", sentence[: found[0].start] if found else "", re.IGNORECASE
    )
    found = [
        m
        for m in found
        if m.relation != "by"
        and (
            (opening and m is found[0])
            # "Plaintiff's addition to the Entity List ..., effective October 21, 2025": a listing
            # already made is dated by the day it took effect
            or (
                candidate.type == "designation"
                and candidate.tense != "future"
                and _EFFECTIVE.search(sentence[max(0, m.start - 30) : m.start])
            )
            # "had suspended trading for ten business days beginning July 28": a halt told as
            # done starts on the day it began
            or _halt_began(candidate, sentence, m)
            or not re.search(
                r"\b(effective|beginning|starting|until|through|no later than|expires?|expiring|within|comments?\s+(?:due|by))\s+(on\s+)?$",
                sentence[max(0, m.start - 30) : m.start],
                re.IGNORECASE,
            )
        )
    ]
    # Years inside a law's name ("Act for Fiscal Year 2021", "Resolution No. (117) of 2026") are not event dates.
    found = [
        m
        for m in found
        if not re.search(
            r"\b(act|law|code|authorization)\s+(for|of)\s+(fiscal\s+year\s+)?$|\bnos?\.\s*\(?\d[\d,.]*\)?\s+(?:of\s+)?$",
            sentence[max(0, m.start - 40) : m.start],
            re.IGNORECASE,
        )
    ]
    if not found:
        # "August: The attorney general's office filed proposed regulations"
        label = dates.timeline_label(text, candidate.sentence_start)
        if label is not None:
            # ("- 2024: Paylokam challenged ...": a label is a date however bare)
            try:
                labelled = dates.resolve(label, published, tense="past")
            except Exception:  # a date layer bug must not lose the event
                labelled = dates.DateValue.unknown()
            if labelled.value:
                return Placed(candidate, labelled)
    if not found:
        lowered = f" {sentence.lower()} "
        phrases = [phrase for phrase in _anaphoric_phrases() if phrase in lowered]
        # "The FLETF has also determined to remove X" in a notice: the notice's own act, of its
        # day, not of the background event told before it
        inherit = bool(phrases) and not (phrases == [" also "] and candidate.tense == "present")
        return Placed(candidate, dates.DateValue(None, "unknown"), inherit_previous=inherit)
    trigger_mid = (candidate.trigger_start + candidate.trigger_end) / 2 - candidate.sentence_start

    def rank(mention: dates.DateMention) -> tuple[int, float]:
        return (
            _closeness_of(mention, candidate, candidate.sentence_start),
            abs((mention.start + mention.end) / 2 - trigger_mid),
        )

    instrument = next((m for m in found if _BY_INSTRUMENT_MADE.search(sentence[: m.start])), None)
    if instrument is not None and instrument.start < trigger_mid:
        # "By Order in Council P.C. 2025-0718, made on September 19, 2025, the Governor in Council
        # ordered ...": the instrument the act was done by is dated as the act
        return Placed(candidate, instrument.value)
    best = min(found, key=rank)
    if rank(best)[0] == 3 and not _halt_began(candidate, sentence, best):
        return Placed(candidate, dates.DateValue(None, "unknown"))  # another noun's clause's date only
    if candidate.definite and rank(best)[0] == 2:
        # "The final determination, issued by OICTS, caps an investigation that began in April":
        # an act told again is not dated by another clause's date
        return Placed(candidate, dates.DateValue(None, "unknown"))
    anchor_start = best.end - len(best.anchor or "")
    if (
        best.anchor
        and anchor_start <= trigger_mid <= best.end
        # not an act the anchor's own clause reports ("after Tessaly disclosed that it had received a subpoena")
        and not re.search(r"\b(?:that|which|whether)\b|,", sentence[anchor_start : int(trigger_mid)])
    ):
        # "sued the state on June 3, eleven days after the governor signed the bill": the signing
        # is the anchor the phrase counts from, so it is June 3 less eleven days; with no date
        # told outright ("two days after the Section opened its investigation, it suspended"), unknown
        told = [m for m in _plain_dates(found) if m is not best]
        if told and best.offset_days is not None:
            return Placed(candidate, dates.shift(told[-1].value, -best.offset_days))
        return Placed(candidate, dates.DateValue(None, "unknown"))
    if best.anchor is not None or (best.value.value is None and best.offset_days is not None):
        return Placed(candidate, dates.DateValue(None, "unknown"), anchor=best)
    return Placed(candidate, best.value)


def _halt_began(candidate: Candidate, sentence: str, mention: dates.DateMention) -> bool:
    """ "had suspended trading for ten business days beginning July 28": a halt told as done is
    dated by the day it began, though the date hangs on the period's noun."""
    return (
        candidate.type == "suspension"
        and candidate.tense == "past"
        and re.search(r"\b(?:beginning|starting)\s+(?:on\s+)?$", sentence[max(0, mention.start - 30) : mention.start])
        is not None
    )


def _names_its_own_day(said: re.Match[str], told: list[dates.DateMention], reported: Event, text: str) -> bool:
    """Whether an act named again as its sentence's subject gives a day that beats the one it was
    told with: "ordered ..., in a measure published on Tuesday. The measure, signed ... on Monday"
    (made the day before it was published), or "a notice issued by the Regulator, which ordered
    ..." told in a ruling of Monday, then "The enforcement notice, dated 14 April"."""
    if not told or reported.end > said.start() or (told[0].value.value or "") >= (reported.date or ""):
        return False
    if (said.groupdict().get("det") or "a").lower() != "a" and _days_apart(told[0].value.value, reported.date) <= 14:
        return True  # "has ordered X to pay ..., the Agency announced today. The Board approved the order on June 20"
    # (as its sentence's subject, not "initiated with the Board decision dated 07.03.2024")
    if not re.search(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$", text[max(0, said.start() - 6) : said.start()]):
        return False
    if re.search(r"\bdated\b", said.group(0), re.IGNORECASE) and told[0].start < 20:
        return True
    return bool(re.search(r"\b(?:signed|adopted|decided|made)\b", said.group(0), re.IGNORECASE)) and (
        _days_apart(told[0].value.value, reported.date) <= 7
    )


_ANAPHORIC_CACHE: tuple[str, ...] = ()


def _anaphoric_phrases() -> tuple[str, ...]:
    global _ANAPHORIC_CACHE
    if not _ANAPHORIC_CACHE:
        _ANAPHORIC_CACHE = default_rules().lexicon.anaphoric_date_phrases
    return _ANAPHORIC_CACHE


def _last_date_before(text: str, end: int, published: dt.date | None, *, day: bool = False) -> dates.DateValue | None:
    """The last date the reader met before ``end``: what "the same day" or "two days later" counts
    from; with `day`, the last one told to the day, if there is one."""
    start = max(0, end - _RECENT_DATE_REACH)
    try:
        found = dates.find_dates(text[start:end], published or dt.date.today(), tense="past")
    except Exception:  # a date layer bug must not lose the event
        return None
    told = _plain_dates(found)
    if day:
        told = [m for m in told if m.value.precision == "day"] or told
    return told[-1].value if told else None


def _plain_dates(found: list[dates.DateMention]) -> list[dates.DateMention]:
    """Dates told outright ("on Oct. 12", "in March"), not counted from another or bounding a period."""
    return [
        m
        for m in found
        if m.value.value and m.anchor is None and m.offset_days is None and m.relation in (None, "on", "in")
    ]


# how far back "the same day" may reach for the date it repeats: a paragraph or two
_RECENT_DATE_REACH = 700


def resolve_relative(placed: list[Placed], text: str | None = None, published: dt.date | None = None) -> None:
    """Anchored dates ("three days before the order") and "at that time"."""
    for index, item in enumerate(placed):
        if item.anchor is not None:
            anchor_text = (item.anchor.anchor or "").lower()
            wanted = next((kind for pattern, kind in _ANCHOR_TYPES if pattern.search(anchor_text)), None)
            dated = [p for p in placed if p is not item and p.date.value and p.anchor is None]
            target = next((p for p in dated if wanted and p.candidate.type == wanted), None)
            if target is None and not item.anchor.anchor and text is not None:
                # "The theft was detected on Oct. 12. Sorahashi froze withdrawals two days later"
                offset = item.anchor.offset_days
                # days are counted from a day: "in 2024" told after "on 14 April 2026" is not it
                recent = _last_date_before(
                    text, item.candidate.sentence_start + item.anchor.start, published, day=offset is not None
                )
                if recent is not None:
                    item.date = dates.shift(recent, offset) if offset is not None else recent
                    continue
            if target is None and not item.anchor.anchor:
                earlier = [p for p in placed[:index] if p.date.value]
                target = earlier[-1] if earlier else None
            if target is not None and item.anchor.offset_days is not None:
                item.date = dates.shift(target.date, item.anchor.offset_days)
            elif target is not None:
                item.date = target.date
        elif item.inherit_previous and not item.date.value:
            earlier = [p for p in placed[:index] if p.date.value]
            if earlier:
                item.date = earlier[-1].date


# a sentence whose subject is the judgment just told: "The judgment permanently enjoins her ..."
_JUDGMENT_OPENS = re.compile(
    r"\W*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:judgment|judgement|decree|verdict)\b(?![^.;\n]*\bwas\b)",
    re.IGNORECASE,
)


_THIS_RULE_SAYS = re.compile(
    r"\W*(?:summary:\s*)?(?:in|by|through|with)\s+(?:this|these|today's)\s+(?:[\w-]+\s+){0,3}?(?:rules?|regulations?)\s*,",
    re.IGNORECASE,
)


# --- merging --------------------------------------------------------------------


def _ids(refs: list[EntityRef]) -> set[str]:
    return {r.id for r in refs if r.id}


_DEMAND_LEAD = re.compile(
    r"\b(?:ask|asks|asked|request|requests|requested|urge|urges|urged|call on|calls on|petition|petitions|"
    r"respectfully|move|moves|pray|prays)\b[^\n]*:[ \t]*$",
    re.IGNORECASE,
)


def _demanded_item(candidate: Candidate, text: str) -> bool:
    """An item of a list whose lead-in line asks for something ("we ask that the ERC:")."""
    before = text[max(0, candidate.sentence_start - 400) : candidate.sentence_start].rstrip()
    before = re.sub(r"(?:\d{1,2}[.)]|\([a-z0-9]{1,3}\)|[-\u2022*])$", "", before).rstrip()  # the item's number
    if not before.endswith(":") and not re.search(r"[;,]\s*(?:or|and)?,?\s*(?:in the alternative,?)?$", before):
        return False
    lines = [line for line in before.splitlines() if line.strip()]
    # the lead-in is the last line ending in a colon, with no more than a few items after it
    for line in reversed(lines[-6:]):
        if line.rstrip().endswith(":"):
            return bool(_DEMAND_LEAD.search(line))
    return False


def _told_as_more(candidate: Candidate, text: str) -> bool:
    """ "The Council also delisted two individuals", "OFAC also designated two vessels": more of
    the news the report opened with, not background, so of the same day when undated."""
    before = text[candidate.sentence_start : candidate.trigger_start]
    return candidate.tense == "past" and re.search(r"\balso\b", before, re.IGNORECASE) is not None


def _performative(candidate: Candidate, text: str) -> bool:
    """ "Respondent Brisbois be, and hereby is, suspended": an agency's order doing what it says.

    Not a court's ruling (its acts are read from the document) nor an executive order's
    "it is hereby ordered", which its own act already tells as the President's.
    """
    if candidate.type not in ("penalty", "designation", "order", "suspension") or candidate.trigger_end is None:
        return False
    said = text[candidate.sentence_start : candidate.trigger_end]
    whole = text[candidate.sentence_start : candidate.sentence_end]
    return (
        bool(re.search(r"\bhereby\b", said, re.IGNORECASE))
        and not re.search(r"\bpresident\b|\btitle 3\b", whole, re.IGNORECASE)
        and not _PRESIDENTIAL_DOCUMENT.search(text[:600])
    )


_BY_INSTRUMENT_MADE = re.compile(
    r"^\W*(?:\[\d+\]\s*)?by\s+[^,]{3,80},\s+(?:made|dated|issued|signed|adopted)\s+(?:on\s+)?$", re.IGNORECASE
)
_EFFECTIVE = re.compile(r"\beffective\s+(?:on\s+)?$", re.IGNORECASE)


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two day-precise dates; a large number when either is not one."""
    if not a or not b or len(a) != 10 or len(b) != 10:
        return 10**6
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _dates_compatible(a: dates.DateValue, b: dates.DateValue) -> bool:
    if not a.value or not b.value:
        return True
    shorter = min(len(a.value), len(b.value))
    return a.value[:shorter] == b.value[:shorter]


# Attributes that tell two acts of one type apart: adding vs removing a listing,
# proposing vs finalising a rule, a bill introduced vs passed vs signed.
# two docket numbers are two cases, however alike their orders
_IDENTIFYING_ATTRS = ("action", "stage", "case_number")


# a verdict and the sentence that follows it are two steps of one case
_RULING_STEPS = (
    re.compile(r"^(?:convict|verdict|guilty|found)", re.IGNORECASE),
    re.compile(r"^sentenc", re.IGNORECASE),
    # an appeals court's decision on the judgment is a later step than the verdict
    re.compile(r"^(?:affirm|revers|vacat|remand|upheld|uphold)", re.IGNORECASE),
)


def _ruling_step(event: Event) -> int | None:
    words = (event.trigger or "").split()
    trigger = words[-1] if words else ""
    return next((i for i, step in enumerate(_RULING_STEPS) if step.match(trigger)), None)


def _attrs_differ(a: Event, b: Event) -> bool:
    """Whether both name an identifying attribute and name it differently (an addition and a removal)."""
    return any(a.attrs.get(key) and b.attrs.get(key) and a.attrs[key] != b.attrs[key] for key in _IDENTIFYING_ATTRS)


# "In a separate notice, it placed nine companies ... on its export control list": another paper's act
_TOLD_AS_SEPARATE = re.compile(
    r"\W*in (?:a|another) separate (?:notice|order|decision|announcement|statement|release)\b", re.IGNORECASE
)


def _same_happening(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.type == "ruling":
        a_step, b_step = _ruling_step(a), _ruling_step(b)
        if a_step is not None and b_step is not None and a_step != b_step and a.start != b.start:
            return False  # "was convicted ... and was sentenced to 30 months" in one sentence is one
    if (
        a.trigger_start is not None
        and b.trigger_start is not None
        and a.trigger_end is not None
        and b.trigger_end is not None
        and a.trigger_start < b.trigger_end
        and b.trigger_start < a.trigger_end
        and a.date == b.date
        # (a bill "which the Assembly passed and the Governor signed" is two steps told of one noun)
        and a.type != "legislation"
    ):
        return True  # one word read twice (a rule recited with its maker, and the sentence's own reading)
    if _attrs_differ(a, b):
        return False
    if a.start != b.start and any(_TOLD_AS_SEPARATE.match(e.evidence or "") for e in (a, b)):
        return False  # "In a separate notice, it placed nine companies ... on its export control list"
    if not _dates_compatible(dates.DateValue(a.date, a.date_precision), dates.DateValue(b.date, b.date_precision)):
        return False
    a_agents, b_agents = _ids(a.agent), _ids(b.agent)
    a_targets, b_targets = _ids(a.target), _ids(b.target)
    if a_targets and b_targets and not a_targets & b_targets:
        # "began looking into the company's practices ..., when it sent Litterae a demand": one
        # sentence's two words for one act, its party named in full and short
        one_sentence = a.start == b.start and (
            _short_form_of(a.target, b.target)
            or _short_form_of(b.target, a.target)
            # "opened an inspection case against the company and ordered it to provide information":
            # one inquiry by one body, however its second half's pronoun was read
            or (a.type == "investigation" and bool(_ids(a.agent) & _ids(b.agent)))
        )
        if not one_sentence:
            return False
    if a.type == "ruling" and _bench_and_judge(a_agents, b_agents):
        # "The High Court has upheld ..." and "Justice Kereama delivered the judgment": the court
        # and its judge, one ruling
        return True
    if a_agents and b_agents and not a_agents & b_agents and not (a_targets & b_targets):
        # "Beijing retaliated on Wednesday by putting a U.S. drone maker on a blacklist" and
        # "China's Ministry of Commerce said on Wednesday it had put Brightridge ...": one act
        # told twice, if the bodies are one government's and the day is the same
        same_day = a.date is not None and a.date == b.date and a.date_precision == "day"
        if not (same_day and _related(a_agents, b_agents)):
            return False
    if a_agents and b_agents and not _related(a_agents, b_agents):
        # the SEC's civil charges and the U.S. Attorney's criminal ones against one person
        # on one day are two actions
        return False
    return True


def _bench_and_judge(a_agents: set[str], b_agents: set[str]) -> bool:
    """One side a court, the other a person only (its judge)."""
    for court, judge in ((a_agents, b_agents), (b_agents, a_agents)):
        if (
            court
            and judge
            and all(i.startswith("court:") for i in court)
            and all(i.startswith("person:") for i in judge)
        ):
            return True
    return False


def _related(a_agents: set[str], b_agents: set[str]) -> bool:
    """Some agent of one is an agent of the other, or its parent body or sub-agency."""
    gazetteer = default_gazetteer()

    def family(ids: set[str]) -> set[str]:
        found = set(ids)
        for entity_id in ids:
            entry = gazetteer.get(entity_id)
            if entry is not None and entry.type == "AGENCY" and entry.country:
                # "the United States imposed sanctions" is told again as OFAC's designation
                government = gazetteer.get(f"gov:{entry.country.lower()}")
                if government is not None:
                    found.add(government.id)
            while entry is not None and entry.parent:
                found.add(entry.parent)
                entry = gazetteer.get(entry.parent)
        return found

    a_family, b_family = family(a_agents), family(b_agents)
    if a_family & b_agents or b_family & a_agents:
        return True
    # two agencies of one government are not one actor: the SEC's charges and the U.S.
    # Attorney's, Treasury's designations and State's
    return bool({i for i in a_family & b_family if not i.startswith("gov:")})


def _is_heading(event: Event) -> bool:
    """A headline or title line ("CCI imposes penalty on cement manufacturers"): no sentence end."""
    evidence = event.evidence.strip()
    if "\n" in evidence:
        # "1:40 p.m. ET\nUK regulator opens investigation": a live page's timestamp over its heading
        stamp, _, evidence = evidence.rpartition("\n")
        if not _TIMESTAMP.fullmatch(stamp.strip()):
            return False
    return len(evidence) < 160 and not evidence.endswith((".", ":", ";", "?", "!", '"', "”"))


# the sentence splitter may leave only the zone of "3:18 p.m. ET" above the heading
_TIMESTAMP = re.compile(rf"(?:{dates.TIME_OF_DAY}|{dates.TIME_ZONE})")


_LIST_FOLLOWS = re.compile(r"\bthe following\b", re.IGNORECASE)


def _absorb(base: Event, other: Event) -> None:
    if _is_heading(base) and not _is_heading(other) and base.trigger_start is not None:
        # The body tells what the headline sums up: its sentence is the evidence, and
        # its named parties and date are more exact than the headline's
        base.evidence, base.start, base.end = other.evidence, other.start, other.end
        base.trigger, base.trigger_start, base.trigger_end = other.trigger, other.trigger_start, other.trigger_end
        if (any(r.id for r in other.target) and not any(r.id for r in base.target)) or (
            other.target and not any(r.id for r in base.target + other.target)
        ):
            base.target = other.target  # ("paused teen sign-ups" over "paused new sign-ups for users under 18")
        if any(r.id for r in other.agent):
            base.agent = other.agent  # "UK regulator opens investigation" is Ofcom's, as the body says
        if other.date and other.date != base.date and _PRECISION_RANK[other.date_precision] >= 3:
            base.date, base.date_precision = other.date, other.date_precision
    elif ((not base.date and other.date) or (base.date == other.date and _LIST_FOLLOWS.search(other.evidence))) and (
        base.trigger_start is not None and other.trigger_start is not None
    ):
        # "OFAC is publishing the names of three persons placed on its SDN List" and then "On
        # July 18, 2025, OFAC blocked the property ... of the following persons": the dated
        # telling is the act's own, and the one the list of its parties follows
        base.evidence, base.start, base.end = other.evidence, other.start, other.end
        base.trigger, base.trigger_start, base.trigger_end = other.trigger, other.trigger_start, other.trigger_end
    if (not base.agent and other.agent) or (not _ids(base.agent) and _ids(other.agent)):
        # "State regulators on Monday ordered ..." and then "The Minnesota Department of
        # Commerce issued a cease-and-desist order": the body by its name
        base.agent = other.agent
    elif all(r.type == "GOV" for r in base.agent) and any(r.type == "AGENCY" and r.id for r in other.agent):
        # "Beijing retaliated" told again as the Ministry of Commerce's act: the acting body
        base.agent = other.agent
    if not base.target and other.target:
        base.target = other.target
    elif not any(r.id for r in base.target) and any(r.id for r in other.target):
        # "A former sales director ... was sentenced today" and then "sentenced Navid Tavallaei"
        base.target = [r for r in other.target if r.id] + base.target
    else:
        known = _ids(base.target)
        base.target += [r for r in other.target if r.id and r.id not in known and r.type == "PRODUCT"]
    if base.type == "meeting":
        # "At the hearing, Mr. Delacourt testified": whoever spoke at the meeting took part in it
        present = _ids(base.agent) | _ids(base.target)
        base.target += [r for r in other.agent + other.target if r.id and r.id not in present]
    if _PRECISION_RANK[other.date_precision] > _PRECISION_RANK[base.date_precision]:
        base.date, base.date_precision = other.date, other.date_precision
    for key, value in other.attrs.items():
        base.attrs.setdefault(key, value)
    for key, ref in other.attr_entities.items():
        base.attr_entities.setdefault(key, ref)
    base.confidence = min(0.99, max(base.confidence, other.confidence) + 0.05)


_CARRIES = re.compile(r"[^.;]{0,160}\b(?:that|which)\s+", re.IGNORECASE)


def without_carrier_rules(events: list[Event], text: str) -> list[Event]:
    """ "BIS published a final rule in the Federal Register that added X to the Entity List": the
    rule only carries the listing, which is the act; a rule told so is no event of its own."""
    # (a rule "that adds hybrid-bonding equipment to the Commerce Control List" controls goods: it
    # is the act)
    listings = [
        e
        for e in events
        if e.type == "designation"
        and e.trigger_start is not None
        and any(r.type in ("ORG", "PERSON") for r in e.target)
    ]

    def carries(rule: Event) -> bool:
        return rule.trigger_end is not None and any(
            rule.trigger_end <= d.trigger_start and _CARRIES.fullmatch(text, rule.trigger_end, d.trigger_start)
            for d in listings
        )

    return [e for e in events if not (e.type == "rule" and carries(e))]


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per real-world happening: later repeats fold into the first report."""
    merged: list[Event] = []
    for event in events:
        home = next((m for m in merged if _same_happening(m, event)), None)
        if home is None:
            merged.append(event)
        else:
            _absorb(home, event)
    return merged


def _short_form_of(heading: list[EntityRef], body: list[EntityRef]) -> bool:
    """Whether a party of a heading is a body party's name without its legal form ("Loupiac Médias")."""
    short = {(ref.canonical or ref.text).lower() for ref in heading if ref.canonical or ref.text}
    full = [(ref.canonical or ref.text).lower() for ref in body if ref.canonical or ref.text]
    return any(name.startswith(s + " ") and len(s) >= 4 for s in short for name in full)


_ITEM_SPAN = 1200
# what may stand before a headline on its line: markup, an item's number, a bullet
# and a kicker ("Antitrust: ", "The Week in Review: ")
_LINE_OPENING = re.compile(r"(?:<[^>\n]*>|\s|\d{1,2}[.)]|[-\u2022*#|])*(?:[A-Z][\w'&-]*(?: [\w'&-]+){0,4}:\s+)?")


_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


def fold_headlines(events: list[Event], text: str = "") -> list[Event]:
    """A headline's act ("CCI imposes penalty on cement manufacturers") is the one the body tells.

    Dated only by the publication, the headline's event cannot be matched by
    date; it folds into the first body event of its type sharing a party.
    """
    kept: list[Event] = []
    for event in events:
        # a docket entry or an order list's case line is a line of its own, not a headline
        listed = "docket_entry" in event.attrs or "case_number" in event.attrs
        # (nor is a rule recited in mid-sentence, "... replaces an interim rule the Office issued on
        # March 3, 2026": a headline opens its line)
        mid_line = bool(text) and not _LINE_OPENING.fullmatch(text[text.rfind("\n", 0, event.start) + 1 : event.start])
        if _is_heading(event) and not listed and not mid_line:
            parties = _ids(event.agent) | _ids(event.target)
            top = event.start < 400
            body = next(
                (
                    e
                    for e in events
                    if e is not event
                    and e.type == event.type
                    and not _is_heading(e)
                    # a newsletter's item heading further down heads the item under it
                    and (top or 0 <= e.start - event.end < _ITEM_SPAN)
                    # "are added to the list" over "is deleted from the list": two acts
                    and not _attrs_differ(event, e)
                    # "Executive Order 14431 of June 8, 2026" over its recital of "Executive Order
                    # 13873 of May 15, 2019": a heading that gives its own year is not an act
                    # told long before it (one dated only by publication may be)
                    and not (
                        _YEAR_WORD.search(event.evidence)
                        and event.date
                        and e.date
                        and e.date < event.date
                        and not _recent_or_same(e, event)
                    )
                    # "Statement from the President on Signing the X Act" names no party: the body's act
                    and (
                        parties & (_ids(e.agent) | _ids(e.target))
                        # "FCC ENFORCEMENT BUREAU REACHES SETTLEMENT WITH ROUTER MAKER" over a body
                        # sentence whose agent the parse lost: the one act, told by its maker
                        or (top and not _ids(event.target) and not _ids(e.agent))
                        # "China ... opens antitrust probe into US chipmaker" over SAMR's: its parent
                        # or a body of its government, on no other party the heading names
                        or (
                            not (_ids(event.target) and _ids(e.target))
                            and _ids(event.agent)
                            and _ids(e.agent)
                            and _related(_ids(event.agent), _ids(e.agent))
                        )
                        or (not parties and e.attrs.get("stage") == event.attrs.get("stage"))
                        # "LOUPIAC MÉDIAS fined" over "... on LOUPIAC MÉDIAS SAS": the short name
                        or _short_form_of(event.agent + event.target, e.agent + e.target)
                    )
                ),
                None,
            )
            if body is not None:
                if not body.target and event.target:
                    body.target = event.target
                if not body.agent and any(r.id and r.type in ("AGENCY", "COURT") for r in event.agent):
                    # (a body the heading names, not "UK regulator", whose country is no actor)
                    body.agent = [r for r in event.agent if r.type in ("AGENCY", "COURT")]
                continue
        kept.append(event)
    return kept


_UNNAMED_PARTIES = re.compile(
    r"^(?:the )?(?:following |above |listed )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"\w+ additional)?\s*(?:more |new |additional |other )?(?:entit(?:y|ies)|compan(?:y|ies)|persons?|"
    r"individuals?|parties|vessels?|people)\b",
    re.IGNORECASE,
)


def _recent_or_same(earlier: Event, summary: Event) -> bool:
    """The act a summary sums up happened on its date or in the month before it, not years before."""
    if _dates_compatible(
        dates.DateValue(earlier.date, earlier.date_precision), dates.DateValue(summary.date, summary.date_precision)
    ):
        return True
    try:
        gap = dt.date.fromisoformat(summary.date or "") - dt.date.fromisoformat(earlier.date or "")
    except ValueError:
        return False
    return dt.timedelta(0) <= gap <= dt.timedelta(days=31)


def fold_unnamed_listings(events: list[Event]) -> list[Event]:
    """ "OFAC is publishing the name of one entity that has been removed": the summary of a listing
    the document then gives by name is that listing, not another one."""
    kept: list[Event] = []
    for event in events:
        unnamed = event.type == "designation" and all(
            not ref.id and _UNNAMED_PARTIES.match(ref.text.strip()) for ref in event.target
        )  # (no target at all is unnamed too: "is publishing the names of two persons placed on")
        named = unnamed and next(
            (
                other
                for other in events
                if other is not event
                and other.type == "designation"
                and other.attrs.get("action", "add") == event.attrs.get("action", "add")
                and other.target
                and not all(_UNNAMED_PARTIES.match(ref.text.strip()) for ref in other.target)
                and (not event.agent or not other.agent or _related(_ids(event.agent), _ids(other.agent)))
                and _recent_or_same(other, event)
            ),
            None,
        )
        if named:
            continue
        kept.append(event)
    return kept


# --- the whole document ----------------------------------------------------------


# "the original order", "the initial designation": an earlier act of the kind just told
_EARLIER_ONE = re.compile(r"\b(?:original|initial|first|earlier|underlying|previous|prior)\s+$", re.IGNORECASE)


def _evidence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_CAPTION = re.compile(r"[ \t]*in the matter of\b", re.IGNORECASE)


def assemble(
    text: str,
    published: dt.date | None,
    candidates: list[Candidate],
    mentions: Sequence[Mention],
    entity_types: dict[str, str],
    lede_end: int = 0,
    analysed: str | None = None,
    item_dates: Sequence[tuple[int, int, dt.date]] = (),
    latest: dt.date | None = None,
) -> list[Event]:
    """Turn sentence candidates (absolute offsets) into the document's events.

    `item_dates` are the spans of a list's dated items ("12/03/2025 - ..."): what an item
    tells is dated as if the item had been published on its own date. `latest` is the day the
    document was published (a docket's `published` may be the day it was first written)."""
    ordered = sorted(candidates, key=lambda c: (c.sentence_start, c.trigger_start))
    # "The Governor signed it": "it" is the bill just told, or not a bill at all
    ordered = [
        c for i, c in enumerate(ordered) if c.follows_type is None or any(e.type == c.follows_type for e in ordered[:i])
    ]

    # "In light of these measures, we ask that the ERC:" over "1. remove QICA from the Entity
    # List": what a list of demands asks for has not happened
    ordered = [c for c in ordered if not _demanded_item(c, analysed or text)]
    # "In the Matter of CERTAIN WIRELESS EARBUDS ... AND CHARGING CASES THEREFOR": a caption names
    # the proceeding; its words ("CHARGING") do nothing
    ordered = [c for c in ordered if not _CAPTION.match(text, c.sentence_start)]
    # "In this interim final rule, the Office prohibits transactions ...": what the rule the
    # document is does, not an order beside it
    for c in ordered:
        if c.type == "order" and _THIS_RULE_SAYS.match(text[c.sentence_start : c.trigger_start]):
            c.type = "rule"

    def item_date(candidate: Candidate) -> dt.date | None:
        return next((when for start, end, when in item_dates if start <= candidate.trigger_start < end), None)

    # dates are read in the repaired copy ("Mon-\nday" is "Monday"), evidence quoted from the original
    placed = [choose_date(c, analysed or text, item_date(c) or published, latest) for c in ordered]
    resolve_relative(placed, analysed or text, published)
    told_dates = {id(item) for item in placed if item.date.value}  # before any fall back on publication
    if published is not None:
        # The news itself: an undated act told in the opening sentences, in the
        # past or present tense, happened when the report was written.
        for index, item in enumerate(placed):
            c = item.candidate
            performative = _performative(c, text)  # "it is hereby ORDERED": done by the document, on its date
            listed_on = item_date(c)
            if not item.date.value and listed_on is not None and c.tense != "future":
                item.date = dates.DateValue.day(listed_on)  # the item's news, told on its date
                continue
            if (
                not item.date.value
                and (c.sentence_start < lede_end or c.tense == "present" or performative or _told_as_more(c, text))
                and c.tense != "future"
                # "dismissed an appeal against a fine imposed by Ofcom": the lede's news is the
                # ruling; the fine it names in passing is older
                and not c.in_passing
            ):
                # "The United States on Tuesday imposed sanctions ... OFAC designated Sarouk Falcon":
                # the lede's second sentence spells out the act its first one dated (or dates
                # the act its first one told: "has taken X to court. In a complaint filed Wednesday")
                spelled_out = next(
                    (
                        p
                        for p in placed[:index] + placed[index + 1 :]
                        if id(p) in told_dates and p.candidate.type == c.type and p.candidate.sentence_start < lede_end
                    ),
                    None,
                )
                if spelled_out is not None and c.sentence_start < lede_end:
                    item.date = spelled_out.date
                    continue
                # ...and so did an undated act told in the present ("is designating", "has imposed", "we affirm")
                item.date = dates.DateValue.day(published)
    # the body a release speaks for: the first public body it names, near the top
    # (a court only from its caption or letterhead: "withdrew her reference to the Upper Tribunal" in
    # an authority's notice names a forum, not the notice's author)
    author = next(
        (
            m
            for m in mentions
            if m.id
            and m.start < 600
            and (
                entity_types.get(m.id) == "AGENCY"
                or (entity_types.get(m.id) == "COURT" and _on_short_line(text[:2000], m.start))
            )
        ),
        None,
    )
    events: list[Event] = []
    dated_events: set[int] = set()
    for item in placed:
        candidate = item.candidate
        official = ("AGENCY", "GOV", "COURT", "LEGISLATURE") if candidate.type in _OFFICIAL_ACTS else ()
        agent = _refs(
            candidate.agent, mentions, entity_types, agent=True, prefer=official, document_head=text[:2000], text=text
        )
        # courts decide and hear cases; they are not what is fined, listed, probed or ordered
        unfit = ("COURT",) if candidate.type in _COURTLESS_TARGETS else ()
        # a bill is introduced, passed or signed; it is aimed at nobody (events.md gives it no target)
        agent_ids = _ids(agent)
        # "CADE convicted X and fined it": a pronoun object is never the clause's own subject
        pronoun = any(f.anaphor and f.text.lower() in ("it", "them") for f in candidate.target)
        others = [m for m in mentions if m.id not in agent_ids] if agent_ids and pronoun else mentions
        target = (
            []
            if candidate.type == "legislation"
            else _refs(candidate.target, others, entity_types, unfit=unfit, text=text)
        )
        kept = [r for r in target if not (r.id and r.id in agent_ids)]
        if target and not kept:
            # "Kurogane ... stopped shipping the three models": a description read as the actor
            # itself stays the words it is
            kept = [
                EntityRef(f.text, None, None, None)
                for f in candidate.target
                if f.anaphor and "PRODUCT" in f.anaphor.split("|") and " " in f.text
            ]
        target = kept
        if candidate.type == "launch" and target and all(r.id is None and r.text.lower() == "it" for r in target):
            continue  # "introduced it in 2023" with no product named before: nothing to say what was launched
        attr_entities = {
            key: EntityRef(f.text, f.canonical, f.entity_id, f.type) for key, f in candidate.attr_entities.items()
        }
        # a law an act cites ("under the Federal Property Act, it is hereby ordered") is no party;
        # the law a bill becomes is the bill itself
        telling = {k: v for k, v in attr_entities.items() if k != "instrument" or candidate.type == "legislation"}
        if not agent and not target and candidate.type == "investigation":
            # "The final determination, issued by OICTS, caps an investigation that began in April":
            # the inquiry an act concludes was that act's issuer's, into the same party
            sibling = next(
                (
                    other
                    for other in ordered
                    if other is not candidate and other.sentence_start == candidate.sentence_start and other.agent
                ),
                None,
            )
            if sibling is not None:
                agent = _refs(sibling.agent, mentions, entity_types, agent=True, prefer=official, text=text)
                target = _refs(sibling.target, mentions, entity_types, unfit=("COURT",), text=text)
                agent_ids = _ids(agent)
                target = [r for r in target if not (r.id and r.id in agent_ids)]
            elif (
                candidate.definite
                and id(item) in told_dates
                and not any(e.type == "investigation" and id(e) not in dated_events for e in events)
            ):
                # "SIC fined Mercantia ... The investigation began in March 2025": the inquiry
                # behind the act just told, by its maker into the same party (unless an inquiry
                # was told already, undated: then this dates that one, below)
                concluded = next(
                    (
                        e
                        for e in reversed(events)
                        if e.type in ("penalty", "order", "suspension")
                        and any(r.type in ("AGENCY", "GOV") for r in e.agent)
                        and any(r.id for r in e.target)
                    ),
                    None,
                )
                if concluded is not None:
                    agent, target = list(concluded.agent), list(concluded.target)
                    agent_ids = _ids(agent)
        enacted = candidate.type == "legislation" and candidate.attrs.get("stage") == "signed"
        if (
            not agent
            and not target
            and candidate.definite
            and id(item) in told_dates
            and candidate.tense in ("past", "perfect")
            and candidate.trigger_start is not None
            and _EARLIER_ONE.search(
                text[max(0, candidate.trigger_start - 24) : candidate.trigger_start]
                + " "
                + (candidate.trigger or "").split(" ")[0]
                + " "
            )
        ):
            # "renews the denial ... The original order was issued on August 26, 2025": the
            # earlier act of the same kind, by the same body on the same party
            same = next((e for e in reversed(events) if e.type == candidate.type and e.agent and e.target), None)
            if same is not None:
                agent, target = list(same.agent), list(same.target)
                agent_ids = _ids(agent)
        if not agent and not target and not telling and not enacted:
            if (
                candidate.definite
                and id(item) in told_dates
                and candidate.tense in ("past", "perfect")  # not "the act takes effect August 5"
                and (published is None or item.date.value <= published.isoformat())
            ):
                # "Investigation Conducted on X" up top, then "The investigation had been initiated
                # with the Board decision dated 07.03.2024": the act told before, dated at last
                undated = next(
                    (e for e in reversed(events) if e.type == candidate.type and id(e) not in dated_events), None
                )
                if undated is not None:
                    undated.date, undated.date_precision = item.date.value, item.date.precision
                    dated_events.add(id(undated))
            continue  # "the bill passed" names no one; "the legislation became law" is news all the same
        fillers = candidate.agent + candidate.target
        named = any(r.id for r in agent + target)  # "a Hong Kong man" the next sentence names
        if fillers and all(f.generic for f in fillers) and not attr_entities and not named:
            continue  # "forced a company to pull products": nobody in particular
        # ("a purported shareholder filed a putative class action against the Company": a suit's
        # plaintiff is often someone unnamed)
        unnamed_plaintiff = (
            candidate.type == "lawsuit"
            and any(r.id for r in target)
            and all(f.text.split()[0].lower() in ("a", "an", "the") for f in candidate.agent)
        )
        if candidate.agent and all(f.generic for f in candidate.agent) and not unnamed_plaintiff:
            continue  # "successive administrations have restricted...": background, not an act
        if (
            candidate.tense == "perfect"
            and any(_TALLY.match(f.text) for f in candidate.target)
            and not any(f.entity_id for f in candidate.target)
        ):
            continue  # "the United States has sanctioned more than 130 people and entities": a running count
        repeats_act = any(f.refers_to_event for f in candidate.agent) or candidate.definite
        start, end = _evidence_bounds(text, candidate.sentence_start, candidate.sentence_end)
        if candidate.type == "ruling" and not agent:
            # "in the U.S. District Court for the Eastern District of New York, X was convicted"
            bench = next(
                (m for m in mentions if start <= m.start < end and m.id and entity_types.get(m.id) == "COURT"), None
            )
            if bench is not None:
                agent = [EntityRef(bench.text, bench.canonical, bench.id, "COURT")]
        if not agent and author is not None and _performative(candidate, text):
            # "Brisbois be, and hereby is, suspended": the body whose order this is does it
            agent = [EntityRef(author.text, author.canonical, author.id, entity_types.get(author.id))]
        when = item.date
        if not when.value and published is not None and candidate.tense == "perfect" and author is not None:
            if author.id in agent_ids or not agent:
                # "The Commission has imposed a penalty", "The following entity has been removed
                # from the SDN List" in the body's own release: today's news
                when = dates.DateValue.day(published)
        kind = candidate.type
        if (
            kind == "investigation"
            and agent
            and all(r.type == "ORG" and r.id for r in agent)
            and not any(r.id for r in target)
            and any(f.text.lower() in ("we", "our", "us") for f in candidate.agent)
        ):
            continue  # "We are investigating this activity": a company looking into its own incident
        if kind == "order" and any(f.text == "I" for f in candidate.agent) and agent:
            if all(r.type == "COURT" for r in agent):
                kind = "ruling"  # "In a judgment delivered on 14 March 2025, I declared": the judge
        events.append(
            Event(
                type=kind,
                date=when.value,
                date_precision=when.precision,
                evidence=text[start:end],
                start=start,
                end=end,
                agent=agent,
                target=target,
                attrs=dict(candidate.attrs),
                attr_entities=attr_entities,
                confidence=candidate.confidence,
                trigger=candidate.trigger,
                trigger_start=candidate.trigger_start,
                trigger_end=candidate.trigger_end,
            )
        )
        if id(item) in told_dates:
            dated_events.add(id(events[-1]))
        if candidate.continues:
            # "OFAC designated X and Y ... OFAC also designated Z": one action, one more party
            current = events[-1]
            earlier = next(
                (
                    e
                    for e in reversed(events[:-1])
                    if e.type == current.type
                    and e.attrs.get("action") == current.attrs.get("action")
                    and (
                        not e.agent
                        or not current.agent
                        or _related(_ids(e.agent), _ids(current.agent))
                        # "sentenced today in federal court ... was also sentenced by Judge X": one bench
                        or e.type == "ruling"
                    )
                    and _dates_compatible(item.date, dates.DateValue(e.date, e.date_precision))
                ),
                None,
            )
            if earlier is not None:
                events.pop()
                known = _ids(earlier.target)
                earlier.target += [r for r in current.target if not r.id or r.id not in known]
                if earlier.type == "ruling":
                    named = _ids(earlier.agent)
                    earlier.agent += [r for r in current.agent if not r.id or r.id not in named]
                earlier.agent = earlier.agent or current.agent
                continue
        if candidate.settles:
            # "paid the fine under protest": the penalty reported before it, not another
            earlier = next((e for e in reversed(events[:-1]) if e.type == "penalty"), None)
            if earlier is not None:
                paid = events.pop()
                earlier.target = earlier.target or paid.target  # who paid it was the one fined
                continue
        if candidate.type in ("penalty", "order", "suspension") and _JUDGMENT_OPENS.match(
            text[candidate.sentence_start : candidate.trigger_start]
        ):
            # "entered a final judgment against Feagley ... The judgment orders her to pay a civil
            # penalty": what the judgment told just before does, not another act
            judgment = next((e for e in reversed(events[:-1]) if e.type == "ruling"), None)
            # (a pronoun the resolver gave the judge is still the judgment's party)
            if judgment is not None and (
                _ids(events[-1].target) & _ids(judgment.target)
                or _ids(events[-1].target) <= _ids(judgment.target) | _ids(judgment.agent)
            ):
                events.pop()
                continue
        if repeats_act:
            # "the investigation that OI initiated on April 2" after an inspection in March: another
            # act; but "this rule" is the one the document is, whatever date its sentence holds
            demonstrative = candidate.trigger_start is not None and re.search(
                r"\b(?:this|these)\s+(?:\w+\s+)?$", text[max(0, candidate.trigger_start - 30) : candidate.trigger_start]
            )
            earlier = next(
                (
                    e
                    for e in reversed(events[:-1])
                    if e.type == candidate.type
                    # "council passes ordinance" and then "the mayor signed the measure": the next step
                    and not _attrs_differ(e, events[-1])
                    and (
                        demonstrative
                        or id(e) not in dated_events
                        or id(item) not in told_dates
                        or _dates_compatible(item.date, dates.DateValue(e.date, e.date_precision))
                        # "two days of talks ended on Tuesday" and "the talks, held on Monday and Tuesday"
                        or (e.type == "meeting" and _days_apart(item.date.value, e.date) <= 6)
                    )
                ),
                None,
            )
            if earlier is not None:
                _absorb(earlier, events.pop())
            elif candidate.type == "order" and not events[-1].agent:
                # "The executive order signed Wednesday bars ...": the act names its issuer
                named = " ".join(f.text for f in candidate.agent if f.refers_to_event) + " " + candidate.trigger
                if re.search(r"executive order|proclamation", named, re.IGNORECASE):
                    events[-1].attrs.setdefault("form", "executive order")
    if published is not None:
        _date_from_restatement(events, dated_events, analysed or text, published)
    events = _without_summary_bullets(_without_inverted_twins(_orders_that_fine(events, text)), text)
    _benches_of_judges(events, mentions, entity_types, text)
    _suits_told_before(events, mentions, entity_types, text)
    return merge_repeats(events)


_SUIT_AGAINST = re.compile(r"\b(?:lawsuit|suit|complaint|case|claim)\s+against\s+$", re.IGNORECASE)
_SUIT_WORDS = frozenset({"lawsuit", "suit", "complaint", "case", "claim"})
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|that)\s+$", re.IGNORECASE)


def _suits_told_before(events: list[Event], mentions: Sequence[Mention], types: dict[str, str], text: str) -> None:
    """ "GEMA filed the suit in September 2025" after "its lawsuit against Parlandis GmbH": the suit
    the story named before, against the party it named then."""
    for event in events:
        if event.type != "lawsuit" or event.target or event.trigger_start is None:
            continue
        word = text[event.trigger_start : event.trigger_end].lower()
        if word not in _SUIT_WORDS or not _DEFINITE_BEFORE.search(
            text[max(0, event.trigger_start - 8) : event.trigger_start]
        ):
            continue
        sued = [
            m
            for m in mentions
            if m.id
            and m.start < event.start
            and types.get(m.id) in ("ORG", "PERSON", "AGENCY", "GOV")
            and _SUIT_AGAINST.search(text[max(0, m.start - 30) : m.start])
        ]
        if len({m.id for m in sued}) == 1:
            event.target = [EntityRef(sued[0].text, sued[0].canonical, sued[0].id, types.get(sued[0].id))]


# "Mrs Justice Thornbury-Lake handed down judgment": a name that takes in the judge's title
_TITLED_NAME = re.compile(r"(?:(?:Mrs?|Ms)\.? )?(?:Justice|Judge) [A-Z]")


def _benches_of_judges(events: list[Event], mentions: Sequence[Mention], types: dict[str, str], text: str) -> None:
    """A ruling told as a titled judge's: the court named last before it rules too (a judge's
    name the model took for a firm's still is a judge's, by its title)."""
    courts = [m for m in mentions if m.id and types.get(m.id) == "COURT"]
    judges = {
        m.id
        for m in mentions
        if m.id
        and types.get(m.id) in ("PERSON", "ORG")
        and (_BENCH_BEFORE.search(text[max(0, m.start - 20) : m.start]) or _TITLED_NAME.match(m.text))
    }
    for event in events:
        agents = _ids(event.agent)
        if event.type != "ruling" or not agents or not agents <= judges:
            continue
        before = [m for m in courts if m.start < event.start]
        court = before[-1] if before else courts[0] if len({m.id for m in courts}) == 1 else None
        if court is not None:
            event.agent = [*event.agent, EntityRef(court.text, court.canonical, court.id, "COURT")]


# "The consent order, which the Director signed on Friday, requires Loomstead to pay a $6.2
# million civil money penalty": the order that fines (the words between the two triggers)
_ORDER_REQUIRING_PAYMENT = re.compile(
    r"^[^.;]{0,160}?\b(?:requires?|required|orders?|ordered|directs?|directed|obliges?|obliged)\s+[^.;]{0,60}?\bto\s+pay\b[^.;]*$",
    re.IGNORECASE,
)


def _orders_that_fine(events: list[Event], text: str) -> list[Event]:
    """An order whose sentence says it makes someone pay a penalty is that penalty, told once."""
    penalties = [e for e in events if e.type == "penalty" and e.trigger_start is not None]
    dropped: set[int] = set()
    for event in events:
        if event.type != "order" or event.trigger_end is None:
            continue
        fine = next(
            (
                p
                for p in penalties
                if p.start == event.start
                and p.trigger_start > event.trigger_end
                and _ORDER_REQUIRING_PAYMENT.match(text[event.trigger_end : p.trigger_start])
            ),
            None,
        )
        if fine is None:
            continue
        dropped.add(id(event))
        if not fine.agent or not _ids(fine.agent):
            fine.agent = event.agent or fine.agent
        if not fine.target:
            fine.target = event.target
    return [e for e in events if id(e) not in dropped]


# a client alert's or a briefing's opening digest: "Key takeaways" over bullets that each sum up a
# section the document goes on to tell in full
_SUMMARY_HEADING = re.compile(
    r"^[ \t]*(?:key (?:takeaways|points)|highlights|in brief|at a glance|summary|tl;?dr)[ \t]*:?[ \t]*\n"
    r"(?P<bullets>(?:[ \t]*[-\u2022*][ \t]+[^\n]*\n?)+)",
    re.IGNORECASE | re.MULTILINE,
)


def _without_summary_bullets(events: list[Event], text: str) -> list[Event]:
    """Drop what a summary bullet tells when the body tells an act of that type again."""
    digest = _SUMMARY_HEADING.search(text[:3000])
    if digest is None:
        return events
    start, end = digest.span("bullets")
    told_later = {e.type for e in events if e.start >= end}
    return [e for e in events if not (start <= e.start < end and e.type in told_later)]


# "In dismissing the application, Justice Kereama said ...": the ruling told again as the
# occasion of what the judge said
_IN_RULING = re.compile(r"\W*in\s+(?P<verb>\w+ing)\b", re.IGNORECASE)


def fold_restated_rulings(events: list[Event]) -> list[Event]:
    """A ruling named again in a participle ("In dismissing the application, the judge said")
    is the ruling told before by the same bench, whatever day the sentence's own tense gives it."""
    kept: list[Event] = []
    for event in events:
        said = _IN_RULING.match(event.evidence) if event.type == "ruling" else None
        restated = bool(said) and (event.trigger or "").lower() == said.group("verb").lower()
        if restated and any(
            e.type == "ruling"
            and e.agent
            and (_ids(e.agent) & _ids(event.agent) or _bench_and_judge(_ids(e.agent), _ids(event.agent)))
            for e in kept
        ):
            continue
        kept.append(event)
    return kept


def fold_court_penalties(events: list[Event]) -> list[Event]:
    """ "the superior court entered judgment for the State ... and imposed civil penalties": a
    court's penalty told with its judgment is part of that ruling, not a second act."""
    rulings = [e for e in events if e.type == "ruling" and e.trigger_start is not None]
    kept = []
    for event in events:
        by_court = bool(event.agent) and all(r.type == "COURT" for r in event.agent)
        ruling = (
            next(
                (
                    r
                    for r in rulings
                    if r.start <= event.trigger_start < r.end and (_ids(r.agent) & _ids(event.agent) or not r.agent)
                ),
                None,
            )
            if event.type == "penalty" and by_court and event.trigger_start is not None
            else None
        )
        if ruling is None:
            kept.append(event)
            continue
        ruling.agent = ruling.agent or event.agent
        ruling.target = ruling.target or event.target
    return kept


def _without_inverted_twins(events: list[Event]) -> list[Event]:
    """ "an inquiry that began when the FTC sent the company a civil investigative demand": the
    inquiry's words found no agent and took the FTC for what was probed; the demand beside it in
    the same sentence has the FTC doing it, so the agentless reading is that act misread."""
    kept = []
    for event in events:
        targets = _ids(event.target)
        twin = not event.agent and any(
            other is not event
            and other.type == event.type
            and other.start == event.start
            and targets
            and targets <= _ids(other.agent)
            for other in events
        )
        if not twin:
            kept.append(event)
    return kept


# "The decision (ref. DKN.5112.14.2025) was issued on 28 April 2026", "The recall, announced on
# Tuesday": the act just reported, named again with the date the report had not given
_ACT_RESTATED = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?P<noun>decision|order|fine|penalty|recall|ruling|judgment|"
    r"determination|designation|directive|letter|sanction|measure|notice)(?P<plural>s)?\b(?:\s+against\s+[^,.;]{2,60})?(?:\s*\([^)\n]{0,60}\))?,?\s+"
    r"(?:(?:was|were|had\s+been)\s+)?(?:issued|announced|dated|made|signed|adopted|handed\s+down|imposed|decided)\b",
    re.IGNORECASE,
)
# "the expert committee reached its decision on November 27": the same, told from the maker's side
_DECISION_REACHED = re.compile(
    r"\b(?:reached|made|took|adopted|handed\s+down|issued|approved)\s+(?P<det>its|their|the|a)\s+(?:final\s+)?"
    r"(?P<noun>decision|ruling|determination|judgment|order|resolution)\b",
    re.IGNORECASE,
)
_RESTATED_TYPES = {
    "decision": ("penalty", "order", "ruling", "suspension", "designation"),
    "order": ("order", "ruling", "suspension", "penalty"),  # "has ordered X to pay a fine ... approved the order"
    "fine": ("penalty",),
    "penalty": ("penalty",),
    "recall": ("suspension",),
    "ruling": ("ruling",),
    "judgment": ("ruling",),
    "determination": ("order", "designation", "ruling"),
    "designation": ("designation",),
    "directive": ("order",),
    "resolution": ("penalty", "order", "suspension"),  # "the board approved the resolution on June 12"
    "letter": ("order",),  # "The letter, dated March 10": a warning letter reported just before
    "sanction": ("order", "penalty", "suspension", "designation"),  # "The sanction against X, decided on Monday"
    "measure": ("order", "suspension"),  # "The measure, signed by the authority's board on Monday"
    "notice": (
        "order",
        "penalty",
    ),  # "The enforcement notice, dated 14 April 2026"; "The infringement notice was issued on Monday"
}
# how far back the act a restatement names may have been reported
_RESTATEMENT_REACH = 1200


# the verb that tells an act its noun names again: "has ordered X to pay" ... "approved the order"
_ACT_VERBS = {"order": "ordered|orders", "decision": "decided|decides", "ruling": "ruled|rules", "judgment": "adjudged"}


def _told_as(noun: str, named: Event, reported: list[Event]) -> bool:
    """Whether an act named again by `noun` is one of those just reported: one of its type, or
    one told by the noun's own verb (not "blocked a Commerce Department order", the object of
    a ruling)."""
    verbs = _ACT_VERBS.get(noun.lower())
    return any(
        e.type == named.type or (verbs and re.search(rf"\b(?:{verbs})\b", e.evidence or "", re.IGNORECASE))
        for e in reported
    )


def _date_from_restatement(events: list[Event], dated: set[int], text: str, published: dt.date) -> None:
    restatements = sorted(
        [*_ACT_RESTATED.finditer(text), *_DECISION_REACHED.finditer(text)], key=lambda said: said.start()
    )
    for said in restatements:
        wanted = _RESTATED_TYPES[said["noun"].lower()]
        maker_side = said.re is _DECISION_REACHED
        reported = [
            e
            for e in events
            if e.start < said.start()
            and said.start() - e.start < _RESTATEMENT_REACH
            and e.type in wanted
            # (not an act of the restatement's own sentence: "The Board approved the order on June 20",
            # "In the Final Order dated 2 April, the Commission imposed a penalty")
            and not e.start <= said.start() < said.end() <= e.end
        ]
        if not reported:
            continue  # nothing told just before
        # "The measure, signed by the board on Monday": the act told again, not a rule of its own;
        # "The Board approved the order at a closed session on June 20": not a second order either
        definite = maker_side and said["det"].lower() != "a"
        events[:] = [
            e
            for e in events
            if (e.type in wanted and not (definite and _told_as(said["noun"], e, reported)))
            or e.trigger_start is None
            or not said.start("noun") <= e.trigger_start < said.end("noun")
        ]
        stop = text.find(". ", said.end())
        clause = text[said.end() : stop if 0 < stop < said.end() + 200 else said.end() + 200]
        try:
            found = dates.find_dates(clause, published, tense="past")
        except Exception:  # a date layer bug must not lose the event
            found = []
        told = _plain_dates(found)
        if id(reported[-1]) in dated and not _names_its_own_day(said, told, reported[-1], text):
            continue  # it told its own date
        if told:
            # "The sanctions were decided ... on 2 July": every act told that day, not only the last
            plural = said.groupdict().get("plural")
            redated = [e for e in reported if e.date == reported[-1].date] if plural else reported[-1:]
            for event in redated:
                event.date, event.date_precision = told[0].value.value, told[0].value.precision
                dated.add(id(event))
