"""The event finder: trigger words, their roles from the parse, and a factuality check.

It works sentence by sentence on parsed text and leaves plain `Candidate`
records on `doc._.event_candidates`; everything that needs the whole
document (pronouns, relative dates, merging repeats) happens afterwards in
`nlp.assemble`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlp import dates, extensions  # noqa: F401  (extensions registers the Span/Doc attributes)
from nlp.gazetteer import default_gazetteer
from nlp.rules import Lexicon, RuleSet, TriggerRule, default_rules

AGENT_TYPES = {"AGENCY", "GOV", "COURT", "ORG", "PERSON", "LEGISLATURE", "PLACE", "GROUP"}
SUBJECT_DEPS = ("nsubj", "csubj")
# Acts a relative clause may report ("the rule, which the Commission adopted in May");
# "the measures Kaiyuan proposed" or "the app it launched" are too often not the act itself.
_RELATIVE_ACT_TYPES = ("rule", "order", "penalty", "designation", "investigation", "legislation", "meeting", "lawsuit")
# A bare proper name ("Pulsefit", "Brightmart Stores"): capitalised words, no article.
_PROPER_NAME = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}")
_MODEL_NUMBER = re.compile(r"[A-Z][A-Za-z]*-?\d{1,4}[A-Za-z]?")  # "X2", "S-19", "H100": a model, not a word
CLAUSE_LINKS = ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acl", "relcl")


# what an act is written in or enacted as: a clause describing one dates the act
# (a list too: "was identified on the list published on January 13" is dated by that edition)
_INSTRUMENT_NOUNS = frozenset(
    "notice rulemaking bill act law chapter statute regulation measure document filing letter decision "
    "agreement complaint petition motion judgment opinion proclamation memorandum release statement list".split()
)


_FILING_WINDOW = re.compile(
    r"\b(?:time|deadline|period|window|right)\s+(?:for|to)\s+(?:filing|file|bringing|bring|seeking|seek)\b[^.]*$",
    re.IGNORECASE,
)


def _non_restrictive(clause: Token) -> bool:
    """A relative clause set off by a comma and opened by "which" or "who"."""
    edge = clause.left_edge
    return edge.lower_ in ("which", "who") and edge.i > 0 and edge.doc[edge.i - 1].text == ","


# how long a halt lasted, never what it halted
_SPANS_OF_TIME = r"(?:day|week|month|year|hour|period|quarter)s?\b"


@dataclass
class RoleFiller:
    """Who or what fills a role: a linked entity, an anaphor to resolve, or plain words."""

    text: str
    start: int
    end: int
    entity_id: str | None = None
    canonical: str | None = None
    type: str | None = None
    anaphor: str | None = None  # the kind of antecedent wanted ("ORG", "PRODUCT"...)
    plural: bool = False
    # "a company", "products": no particular participant
    generic: bool = False
    # "the directive", "the order": the event itself, mentioned again
    refers_to_event: bool = False
    sentence_start: int | None = None


@dataclass
class Candidate:
    rule_id: str
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    tense: str
    confidence: float
    agent: list[RoleFiller] = field(default_factory=list)
    target: list[RoleFiller] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    attr_entities: dict[str, RoleFiller] = field(default_factory=dict)
    # "The order, issued under IEEPA, ...": a trigger with "the" and nobody
    # acting repeats an act the document already reported
    definite: bool = False
    # "OFAC also designated X": more of the act just told, not a new one
    continues: bool = False
    # "Ravensholt paid the fine under protest": paying a penalty already reported
    settles: bool = False
    # "The Governor signed it": stands only after an act of this type in the document
    follows_type: str | None = None
    # char spans of the tokens by closeness to the event in the parse: 0 inside
    # the event's clause, 1 attached to a governing clause, 2 elsewhere
    token_closeness: list[tuple[int, int, int]] = field(default_factory=list)
    # "an appeal against a fine imposed by Ofcom": an act named in passing inside another's telling
    in_passing: bool = False


_CALENDAR_WORD = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$",
    re.IGNORECASE,
)
# "on the ground that ...", "on the basis of ...": why, never whom
_REASON_NOUNS = frozenset({"ground", "basis"})
_GROUNDS = _REASON_NOUNS | {"suspicion", "behalf", "account"}
# what a government grants and may halt or stop work under
_AWARD_NOUNS = frozenset({"contract", "award", "grant", "agreement", "license", "licence", "subaward"})
_PAYMENT_NOUNS = frozenset({"payment", "disbursement", "drawdown", "funding", "work"})
_ACTING_BODIES = frozenset({"GOV", "AGENCY", "COURT", "LEGISLATURE"})

# actors that direct only their own staff and suppliers ("the Company ... instructed its contract
# manufacturers to do the same"): what they tell others to do is no order
_COMPANY_NOUNS = frozenset({"company", "firm", "group"})

# what an order to pay can exact that is itself the penalty ("ordered X to pay a surcharge")
_PENALTY_SUMS = ("fine", "penalty", "forfeiture", "surcharge")
_ORDERING_VERBS = frozenset({"order", "direct", "require", "instruct"})
# what a directive or rule is named under when it was broken, not made
_BROKEN = re.compile(
    r"\b(?:compliance with|violations? of|breach(?:es)? of|contravention of|violating|breaching)$", re.I
)
# determiners by which a noun points back at something already told
_BACK_REFERENCES = frozenset({"the", "that", "this", "its", "their", "his", "her"})


def _told_in_passing(anchor: Token, trigger: Token) -> bool:
    """ "a £1.05 million fine imposed by Ofcom": a participle naming its own doer after the act's noun."""
    return (
        anchor.i != trigger.i
        and anchor.dep_ == "acl"
        and anchor.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in anchor.children)
    )


def lemma_keys(token: Token) -> frozenset[str]:
    """Base forms to look a token up by: the lemmatizer's, plus naive ones.

    The rule-based lemmatizer sometimes misses ("fined" -> "fin"); trying
    the obvious suffix strippings as well costs nothing and finds the rule.
    """
    return _lemma_key_set(token.lemma_.lower(), token.lower_)


def first_lemma_key(token: Token, table: Collection[str]) -> str | None:
    """The first of a token's base forms that `table` holds, the lemmatizer's own before the naive ones.

    A set's order changes with the hash seed, so picking "any" key would let
    "ruling" (both `rule` and `ruling`) choose a different rule from run to run.
    """
    return next((k for k in _ordered_lemma_keys(token.lemma_.lower(), token.lower_) if k in table), None)


# the event finder asks for the keys of most tokens several times, and they depend on two strings only
@lru_cache(maxsize=65_536)
def _lemma_key_set(lemma: str, lower: str) -> frozenset[str]:
    return frozenset(_ordered_lemma_keys(lemma, lower))


@lru_cache(maxsize=65_536)
def _ordered_lemma_keys(lemma: str, lower: str) -> tuple[str, ...]:
    keys = [lemma, lower]
    for suffix, replacements in (
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            keys.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2] and suffix in ("ed", "ing"):
                keys.append(stem[:-1])  # "banned" -> "ban"
    # British spellings: "finalised", "penalising" find the rules written with "-ize"
    if lower.endswith(("ise", "ised", "ises", "ising")):
        keys.extend([k[:-3] + "ize" for k in keys if k.endswith("ise") and len(k) > 5])
    return tuple(dict.fromkeys(keys))


# Dependency links by which an entity inside a phrase still names the phrase's
# referent ("Anthropic's management", "departments of the administration"),
# as opposed to a place or circumstance ("a judge in San Jose").
_NAMING_DEPS = {
    "compound",
    "poss",
    "appos",
    "conj",
    "nmod",
    "amod",
    "flat",
    "npadvmod",
    "case",
    "cc",
    "det",
    "nummod",
    "punct",
}
_NAMING_PREPS = {"of", "including", "like", "such", "from"}


_COURT_NAME = re.compile(r"\b(?:courts?|tribunal)\b", re.IGNORECASE)
_OCCASIONS = frozenset({"meeting", "hearing", "session", "conference", "summit", "roundtable"})
# what a body hears at its meeting, and what it hears from someone
_HEARING_VERBS = frozenset({"hear", "question", "receive"})
_SPOKEN_PIECES = frozenset({"presentation", "briefing", "testimony", "submission", "update", "pitch", "report"})
_HEARD_ROLES = frozenset({"representative", "witness", "applicant"})


def _names_phrase(token: Token, head: Token) -> bool:
    node = token
    inside_of = False
    for _ in range(12):
        if node.i == head.i:
            return True
        if node.dep_ == "pobj":
            if node.head.lower_ not in _NAMING_PREPS:
                return False
            node = node.head.head
            inside_of = True
            continue
        if (
            inside_of
            and node.dep_ == "appos"
            and node.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in node.children)
        ):
            return False  # "Hollis Ferreira, a former member of Brassmoor's gym": whose member, not who
        if node.dep_ == "prep" and node.lower_ in _NAMING_PREPS:
            node = node.head
            continue
        if node.dep_ not in _NAMING_DEPS:
            return False
        node = node.head
    return False


# what ends an inquiry rather than opens it
_ENDING_VERBS = {"conclude", "complete", "close", "end", "finish", "wrap", "terminate"}
# where a body sits when it acts: a sitting's date is the act's
_SITTINGS = {"session", "sitting", "meeting", "hearing", "plenary"}
_PUNISHMENTS = {"fine", "penalty", "warning", "reprimand", "surcharge", "suspension", "forfeiture"}

# verbs that say their complement did not happen, even as a first conjunct
_NEGATIVE_IMPLICATIVES = {"fail", "refuse", "decline", "neglect", "omit"}


def _empowered_signer(verb: Token) -> bool:
    """ "I have been authorized ... to issue the enclosed Notice": a letter's signer acts herewith."""
    return verb.lemma_.lower() == "authorize" and any(
        c.dep_ == "nsubjpass" and c.lower_ in ("i", "we") for c in verb.children
    )


def _description(filler: RoleFiller) -> bool:
    """ "the undertaking", "the company": a particular party named by what it is (not "our", not "it")."""
    return bool(filler.anaphor) and not filler.generic and filler.text.split()[0].lower() in ("the", "this", "that")


_HYPHENED_QUALIFIERS = frozenset({"related", "linked", "backed", "origin", "made"})


def _qualifies_with_hyphen(ent: Span) -> bool:
    """ "Russia-related", "Iran-linked", "China-origin": a name made into a modifier."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].text == "-"
        and not doc[ent.end - 1].whitespace_
        and doc[ent.end + 1].lower_ in _HYPHENED_QUALIFIERS
    )


def _base_of(ent: Span) -> bool:
    """ "a Copenhagen-based ocean carrier": the city says where the party sits, it is not one."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].text == "-"
        and doc[ent.end + 1].lower_ in ("based", "headquartered", "registered", "incorporated", "domiciled")
    )


# what a party asks a court for, or brings before it, named with the party's possessive
_ASKED_FOR = frozenset(
    {"motion", "request", "application", "petition", "lawsuit", "suit", "case", "complaint", "action", "bid"}
)
_RESTRAINING_VERBS = frozenset({"bar", "enjoin", "block", "prohibit", "restrain", "stop", "halt", "forbid"})
_DIRECTING_VERBS = _RESTRAINING_VERBS | {"direct", "order", "require"}

# the kinds of body a country's possessive may name unnamed ("Italy's parliament")
_PLACES_BODIES = frozenset({"LEGISLATURE"})


_LONG_TITLE_START = re.compile(r"\W*an? (?:act|bill)\b", re.IGNORECASE)


# "O3. Ordinance 121-O-25, Amending Title 9 of the City Code to Prohibit ...": an agenda item's title
_LOCAL_TITLE = re.compile(
    r"\W*(?:[A-Z]?\d{1,3}[.)]\s+)?(?:ordinance|resolution)\s+(?:no\.\s*)?[\w-]*\d[\w-]*,\s+"
    r"(?:amending|establishing|adopting|authori[sz]ing|creating|directing|relating|prohibiting|regulating|repealing)\b",
    re.IGNORECASE,
)


def _title_words(sentence: Span) -> range:
    """The token indices of a bill's long title or an ordinance's, which tell what it would do."""
    if _long_title(sentence):
        return range(sentence.start, sentence.end)
    if not _LOCAL_TITLE.match(sentence.text):
        return range(0)
    line_end = sentence.text.find("\n")
    title = sentence.char_span(0, line_end, alignment_mode="contract") if line_end > 0 else None
    return range(sentence.start, title.end if title is not None else sentence.end)


_QUOTES = ('"', "\u201c", "\u201d")


def _quoted_name_before(head: Token) -> bool:
    """ "its \"Same-Day Close\" instant mortgage approval": a capitalised name in quotes among the
    words the noun's phrase opens with."""
    words = [t for t in head.subtree if t.i < head.i]
    opened = [t.i for t in words if t.text in _QUOTES]
    return len(opened) >= 2 and head.doc[opened[0] + 1].is_title and opened[-1] - opened[0] <= 5


def _long_title(sentence: Span) -> bool:
    """ "An Act relating to cell-cultured protein; defining terms; requiring certain labeling":
    a bill's long title, a noun with no verb of its own that governs it."""
    if not _LONG_TITLE_START.match(sentence.text):
        return False  # (the cheap test first: this runs over every sentence parsed)
    root = sentence.root
    return root.lemma_.lower() in ("act", "bill") and root.i - sentence.start <= 1


def _after_date_label(sentence: Span) -> bool:
    # "- June 12, 2025: Eleven households sue Quarrywick": a timeline's item, told in the present
    label = dates.timeline_label(sentence.doc.text, sentence.start_char)
    return label is not None and dates.is_calendar_label(label)


# governors that report a claim, not an aim: what they govern may be untrue however it is told
_ASSERTING_VERBS = frozenset(
    {"allege", "claim", "argue", "deny", "dispute", "doubt", "suggest", "speculate", "rumor", "believe", "think"}
    | {"assume", "suppose", "question", "appear", "seem", "predict", "forecast", "estimate", "imagine", "fear"}
)
# participles that name who an act is aimed at ("an indictment charging X")
# "in cooperation with CPSC", "in consultation with the FDA": who helped, not who was acted on
_ALONGSIDE = {"cooperation", "coordination", "consultation", "conjunction", "partnership", "collaboration"}

# what a recall or a halt "covers" is what was withdrawn ("filed a recall covering 48,700 crossovers")
_RECALLED_BY = {"cover", "affect"}

_NAMING_PARTICIPLES = {
    "charge",
    "target",
    "require",
    "challenge",
    "contest",
    "accuse",
    "name",
    "bar",
    "ban",
    "prohibit",
    "direct",
    "compel",
    "order",
    "deny",  # "an order denying the export privileges of Karatau"
    "revoke",
    "suspend",
    "tell",  # "a directive telling operators of 140 business jets to stop using the system"
    "instruct",
}

# the head words of a body's units: "the Commission's Division of ...", "the Bureau's Office of ..."
_SUBUNIT_HEADS = frozenset({"division", "office", "unit", "branch", "section", "directorate", "bureau", "department"})

# what a suit asks a court for
_RELIEF = re.compile(r"\b(?:injunction|relief|damages|penalt(?:y|ies)|restitution|judgment)\b", re.IGNORECASE)

# what an investment-screening order stops
_DEALS = frozenset({"acquisition", "takeover", "purchase", "merger", "investment", "sale", "transaction"})

# a law a text has named and then calls by its kind, capitalised: "the Act", "the Bill"
_DEFINED_LAWS = frozenset({"Act", "Bill", "Law", "Statute", "Ordinance", "Code", "Regulation", "Regulations"})

# "the means of listing", "the power of designating": a way an act can be done
_WAYS_OF_ACTING = frozenset({"means", "mean", "way", "method", "process", "procedure", "power", "purpose", "basis"})

# who speaks for a party in its dealings: "counsel for X" stands for X
_SPOKESMEN = frozenset({"counsel", "lawyer", "attorney", "representative", "advocate", "solicitor"})

# what a body may do, not what it did: "the power to ban", "all decisions to add"
_CAPACITY_NOUNS = frozenset(
    {
        "authority",
        "power",
        "decision",
        "right",
        "ability",
        "discretion",
        "duty",
        "obligation",
        "mandate",
        "jurisdiction",
    }
)

# what a list of goods holds: adding to it lists no party
_LISTED_THINGS = frozenset(
    {
        "technology",
        "item",
        "product",
        "good",
        "commodity",
        "component",
        "chemical",
        "substance",
        "software",
        "equipment",
        "material",
        "article",
        "tool",
        "service",
    }
)

_DATE_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "week", "month", "year", "day", "time", "morning", "evening", "afternoon", "date",
}  # fmt: skip


_PAYMENT_MEANS = {"check", "cheque", "wire", "transfer", "draft", "card", "installment", "instalment", "order"}
_VAGUE_ADJECTIVES = {
    "obscure",
    "new",
    "recent",
    "latest",
    "sweeping",
    "controversial",
    "unusual",
    "formal",
    "written",
    "broad",
}
_AUDIENCE_WORDS = re.compile(
    r"\b(customers?|users?|clients?|subscribers?|nationals|citizens|persons|buyers|consumers|residents|employees)\b",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(
    r"\b(?:to|for|from) ((?:all |any )?(?:[\w.\-]+ ){0,3}(?:customers|users|clients|subscribers|nationals|citizens|persons|buyers|consumers|residents)"
    r"(?:, both [a-z]+ and [a-z]+)?)",
    re.IGNORECASE,
)


def _audience(sentence: str) -> str | None:
    """Who an order or suspension reaches: "all non-U.S. nationals", "all customers, both domestic and foreign"."""
    match = _AUDIENCE.search(sentence)
    return match.group(1).strip() if match else None


def _entity_spans(doc: Doc) -> dict[int, Span]:
    return {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}


def _located_in(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "across", "within", "throughout")


def _last_conjunct_before(noun: Token, clause: Token) -> Token:
    """The noun a relative clause hangs on, where the parser hung it on the first of two.

    "a friend-finding and group-chat app that the provider launched": the clause belongs to the
    common noun right before its relative word, not to the first conjunct; names in a list keep
    the parser's reading, since the clause may speak of all of them.
    """
    if noun.pos_ != "NOUN":
        return noun
    relative_word = clause.left_edge.i
    for conjunct in noun.conjuncts:
        if conjunct.pos_ == "NOUN" and noun.i < conjunct.i and conjunct.right_edge.i + 1 == relative_word:
            return conjunct
    return noun


def _glued_to(number: Token, unit: Token) -> bool:
    """ "30K": a number written against the word after it, which the tokenizer split off."""
    return number.i == unit.i - 1 and not number.whitespace_


def _law_head(law: Span) -> Token:
    """The token a law's name hangs on its sentence by: "approved H. Res. 912" may be parsed with
    "Res" as the object and the full stop after it hung elsewhere, and the span's root is then either."""
    outward = [t for t in law if not law.start <= t.head.i < law.end]
    return next((t for t in outward if t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos")), law.root)


def _filler_of(ent: Span) -> RoleFiller:
    """A linked entity as the filler of a role."""
    return RoleFiller(ent.text, ent.start_char, ent.end_char, ent._.entity_id, ent._.canonical, ent._.entity_type)


def _phrase(head: Token) -> Span:
    """The head's phrase without trailing relative or participial clauses."""
    doc = head.doc
    right = head.i
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ in ("relcl", "acl", "advcl", "cc") and child.i > head.i:
            break
        if head.i < head.head.i < child.i:
            break  # "we're rolling out X ..., the United Kingdom and Australia": hung on the subject past its verb
        if child.dep_ == "amod" and child.i > head.i and any(c.dep_ == "prep" for c in child.children):
            break  # "six entities responsible for Russia's actions": who they are, not more of them
        if (
            child.dep_ == "prep"
            and child.lower_ in ("at", "during")
            and any(o.lemma_.lower() in _OCCASIONS for o in child.children if o.dep_ == "pobj")
        ):
            break  # "representatives of X at its 29 October meeting": where they were heard, not who they are
        right = max(right, child.right_edge.i)
    return doc[head.left_edge.i : right + 1]


# verbs whose object is an earlier act they come after ("the letter follows an inspection")
_SEQUEL_REALIZERS = frozenset({"follow", "cap"})


# verbs by which a body puts out an act it names ("issued a measure ordering ...")
_ISSUING_VERBS = frozenset({"issue", "adopt", "publish", "serve", "send", "impose"})
# what a party offers a body to settle its case
_PLEDGE_NOUNS = frozenset({"commitment", "undertaking", "pledge", "remedy"})
# what a body grants and can take back from its holder
_PERMIT_NOUNS = frozenset(
    {"licence", "license", "permit", "authorization", "authorisation", "certificate", "registration", "accreditation"}
)


class EventFinder:
    def __init__(self, rules: RuleSet):
        self.noun_rules = rules.by_pos("NOUN")
        self.verb_rules = rules.by_pos("VERB")
        self.lex: Lexicon = rules.lexicon
        self.anaphor_heads = {word: kind for kind, words in self.lex.anaphors.items() for word in words}
        # nouns naming an act itself; "the directive banned X" repeats that act
        self.instrument_nouns = {
            lemma
            for lemma, rules in self.noun_rules.items()
            if any(r.type in ("order", "rule", "ruling") for r in rules)
        } - {"control", "restriction"}
        # what can lay a duty on a body ("The law directs the Commission to adopt rules")
        self.directing_texts = frozenset(self.instrument_nouns | {"law", "act", "statute"})
        self.investigation_verbs = frozenset(
            lemma for lemma, rules in self.verb_rules.items() if any(r.type == "investigation" for r in rules)
        )
        self.listing_verbs = frozenset(
            lemma for lemma, rules in self.verb_rules.items() if any(r.type == "designation" for r in rules)
        )
        # the actor nouns and their singulars ("a purported shareholder" is one of the "shareholders")
        self.actor_words = self.lex.actor_nouns | {a[:-1] if a.endswith("s") else a for a in self.lex.actor_nouns}

    # --- roles ---------------------------------------------------------------

    def fillers(
        self, head: Token | None, ents: dict[int, Span], *, exclude: set[int] = frozenset(), deep: bool = False
    ) -> list[RoleFiller]:
        """Role fillers for the phrase headed by `head` (conjuncts included).

        With `deep`, a phrase naming no entity directly ("equipment produced
        by Arkon") gives the organisations named anywhere inside it.
        """
        if head is None:
            return []
        heads = [head] + [c for c in head.conjuncts if c.i > head.i]
        result: list[RoleFiller] = []
        for h in heads:
            speaker = self._speaker_of(h)
            if speaker is not None:
                h = speaker  # "the police department said it switched off its readers": the department
            elif h.lower_ in ("he", "she") and h.head.dep_ == "relcl" and (meant := self._lawmaker_meant(h)):
                h = meant  # "Rep. X pressed Y on a bill she introduced in March": the lawmaker, not Y
            if h.lemma_.lower() in _SPOKESMEN:
                # "met with counsel for Hexian Zhiyun": the party its lawyers speak for
                # (the parser may hang "for" on the verb, or read "for X to hear" as a clause)
                after = h.doc[h.i + 1] if h.i + 2 < len(h.doc) and h.doc[h.i + 1].lower_ == "for" else None
                client = ents.get(h.i + 2) if after is not None else None
                if client is not None and client._.entity_type in ("ORG", "PERSON", "GOV", "AGENCY"):
                    h = client.root
            named = ents.get(h.i + 1)
            if (
                named is not None
                and named.start == h.i + 1
                and h.is_lower
                and self.anaphor_heads.get(h.lemma_.lower()) == "ORG"
                and named.root.head == h.head
                and named.root.dep_ in ("oprd", "npadvmod", "dep")
            ):
                h = named.root  # "naming the exchange Bitzlato", the name parsed apart from its noun
            phrase = _phrase(h)
            found = []
            seen_ids = set()
            # "on Friday", "$4.5 million": not participants themselves, though an amount
            # phrase may carry one ("fined Kelmar Systems AG EUR 347 million")
            if h.lower_ in _DATE_WORDS or h.lower_ in self.lex.date_words_extra or h.ent_type_ in ("DATE", "TIME"):
                continue
            if h.lower_ in self.lex.formal_adverbs:
                continue
            amount = h.like_num or h.ent_type_ in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY")
            # "a former quality director of Fallowmere": a person described by an employer is not it
            described_person = h.lemma_.lower() in self.lex.person_roles
            for token in phrase:
                ent = ents.get(token.i)
                if ent is None or ent._.entity_type in (None, "MONEY", "LAW") or any(t.i in exclude for t in ent):
                    continue
                # (a long foreign name the parser tore apart, "Garante per la protezione dei dati
                # personali", may have its root outside the phrase; its head word is still in it)
                torn = h.i in (ent.start, ent.start + 1) and not any(ent.start <= a.i < ent.end for a in h.ancestors)
                if not _names_phrase(ent.root, h) and not torn:
                    continue
                if described_person and ent.root.dep_ == "pobj":
                    continue  # "a former director of Fallowmere": the employer, not the person
                if h.pos_ == "PROPN" and any(
                    a.dep_ == "appos"
                    and a.pos_ == "NOUN"
                    and (
                        any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
                        # "Pallister Agronomics, the Kansas City company behind the app": what it is
                        or self.anaphor_heads.get(a.lemma_.lower()) == "ORG"
                        # "Maureen Okafor, Halden's former director of information security"
                        or (ent.root.dep_ == "poss" and a.lemma_.lower() in self.lex.person_roles)
                    )
                    and a.left_edge.i <= ent.start
                    and ent.end <= a.right_edge.i + 1
                    for a in h.children
                ):
                    continue  # "Brindlecrest Supply, a Tampa distributor": the name, not its description
                if self._nationality_of(ent, h) or _base_of(ent) or self._site_name(ent):
                    continue
                if _qualifies_with_hyphen(ent):
                    continue  # "Russia-related General License 192": the programme, not the country
                if ent._.entity_id in seen_ids:
                    continue
                # Entities inside another conjunct's phrase belong to that conjunct.
                if h.i == head.i and any(ent.start >= c.left_edge.i and ent.start <= c.right_edge.i for c in heads[1:]):
                    continue
                seen_ids.add(ent._.entity_id)
                found.append(_filler_of(ent))
            # "six entities responsible for the Russian government's actions": counted, they are the party
            # ("AED 2,400,000 on Meridune Exchange": a currency's number follows it and counts nothing)
            counted = any(c.dep_ == "nummod" and c.i < h.i for c in h.children)
            # ("Pallister Agronomics, the Kansas City company behind the Croplume app": a name the
            # model missed is the participant itself, not what its description mentions)
            unknown_name = (
                h.pos_ == "PROPN"
                and h.is_title
                and h.lower_.rstrip(".") not in self.lex.corporate_suffixes
                and not any(t.i in ents for t in h.lefts if t.dep_ in ("compound", "nmod") or t.i == h.i)
                and h.i not in ents
                and any(c.dep_ == "appos" for c in h.children)
            )
            if deep and not found and not counted and not described_person and not unknown_name:
                for token in h.subtree:
                    ent = ents.get(token.i)
                    if (
                        ent is not None
                        and ent._.entity_type in ("ORG", "AGENCY", "GOV")
                        and ent._.entity_id not in seen_ids
                        and token.i not in exclude
                    ):
                        if (
                            self._nationality_of(ent, ent.root.head)
                            or _base_of(ent)
                            or self._site_name(ent)
                            or _qualifies_with_hyphen(ent)
                        ):
                            continue
                        if ent._.entity_type == "GOV" and _located_in(ent.root):
                            continue  # "the feature for users in Canada": where, not who
                        if any(a.lemma_.lower() in _ALONGSIDE for a in token.ancestors if a.i > h.i):
                            continue  # "batteries sold online ..., in cooperation with CPSC": who helped
                        seen_ids.add(ent._.entity_id)
                        found.append(_filler_of(ent))
            if described_person and any(f.type == "PERSON" for f in found):
                # "Kestavy's founder, Dalibor Vrchota, was excluded": the person, not the employer
                employers = {t.i for c in h.children if c.dep_ == "poss" for t in c.subtree}
                found = [
                    f
                    for f in found
                    if not (
                        f.type == "ORG"
                        and any(ents.get(i) is not None and ents[i].start_char == f.start for i in employers)
                    )
                ]
            if any(f.type in ("ORG", "AGENCY", "COURT", "PERSON", "PRODUCT") for f in found):
                # "two American companies, Crestview and Alder": the companies, not the adjective
                found = [f for f in found if f.type not in ("GROUP", "PLACE")]
            nationalities = {
                ents[c.i].start_char
                for noun in (h, *(a for a in h.children if a.dep_ == "appos" and a.pos_ == "NOUN"))
                for c in noun.children
                if c.dep_ == "amod" and c.i in ents
            }
            if (
                h.pos_ == "NOUN"
                and found
                and all(f.type in ("GROUP", "GOV", "PLACE") and f.start in nationalities for f in found)
                # ("the Dutch government", "Italian authorities": the country's own bodies)
                and self.anaphor_heads.get(h.lemma_.lower()) not in ("GOV", "AGENCY", "COURT", "LEGISLATURE")
                and h.lemma_.lower() not in ("authority", "official", "government")
            ):
                # "German prosecutors", "the botnet's administrator, a 34-year-old Ukrainian
                # national": the people, not their nationality
                found = []
            if speaker is not None and any(f.type == "AGENCY" for f in found):
                # "Britain's online safety regulator, Ofcom, said it had opened": the regulator, not its country
                found = [f for f in found if f.type != "GOV"]
            if (
                found
                and all(f.type in ("PLACE", "GOV") for f in found)
                and h.is_lower
                and self.anaphor_heads.get(h.lemma_.lower()) in _PLACES_BODIES
                and any(c.dep_ == "poss" for c in h.children)
            ):
                # "Italy's parliament gave final approval": the country's body, not the country
                words = h.doc[h.left_edge.i : h.i + 1]
                body = self.anaphor_heads[h.lemma_.lower()]
                found = [RoleFiller(words.text, words.start_char, words.end_char, type=body)]
            if found:
                result.extend(found)
                # "Staff of the Commission's Division of Privacy and Identity Protection": a unit the
                # gazetteer does not know acts for the body that owns it
                owner = next(
                    (
                        c
                        for t in phrase
                        if t.lower_ in _SUBUNIT_HEADS and t.i in ents and ents[t.i]._.entity_type in ("ORG", "AGENCY")
                        for c in t.children
                        if c.dep_ == "poss" and c.i not in ents and self._anaphor_kind(c) == "AGENCY"
                    ),
                    None,
                )
                if owner is not None and not any(f.entity_id in default_gazetteer() for f in found):
                    words = owner.doc[owner.left_edge.i : owner.i + 1]
                    result.append(
                        RoleFiller(
                            words.text,
                            words.start_char,
                            words.end_char,
                            anaphor="AGENCY",
                            sentence_start=owner.sent.start_char,
                        )
                    )
                continue
            if amount:
                continue
            whole = ents.get(h.i)
            if whole is not None and whole.start < phrase.start and not any(t.pos_ == "VERB" for t in whole):
                # "the District of Colorado" in "the U.S. District Court for the District of
                # Colorado": a piece of a longer name, hung elsewhere by the parser
                continue
            anaphor = self._anaphor_kind(h)
            if anaphor is None:
                # "the company's billing practices": the possessor is the participant; but "its Halo 2
                # glasses" are a product of their own, whoever "its" is
                # ("its "FootfallPlus" location feed": a thing with a name of its own, too)
                product = (
                    self._product_noun(h)
                    or _quoted_name_before(h)
                    or (
                        h.lemma_.lower() not in self.lex.site_nouns  # "your Evansville facility" is yours
                        and any(
                            c.dep_ in ("compound", "nmod")
                            and c.pos_ == "PROPN"
                            and c.i < h.i
                            and (ents.get(c.i) is None or ents[c.i]._.entity_type not in ("PLACE", "GOV"))
                            for c in h.children
                        )
                    )
                )
                owner = next(
                    (
                        c
                        for c in h.children
                        if c.dep_ == "poss" and self._anaphor_kind(c) and not (product and c.pos_ == "PRON")
                    ),
                    None,
                )
                if owner is None and h.lemma_.lower() in self.lex.delegation_nouns:
                    # "members of the Company's senior management met with ...": they speak for it
                    owner = next(
                        (
                            c
                            for of in h.children
                            if of.dep_ == "prep" and of.lower_ == "of"
                            for obj in of.children
                            if obj.dep_ == "pobj"
                            for c in (*obj.children, obj)
                            if (c.dep_ == "poss" or c is obj) and self._anaphor_kind(c)
                        ),
                        None,
                    )
                if owner is not None:
                    h, phrase, anaphor = owner, _phrase(owner), self._anaphor_kind(owner)
            # "the Sable X2, its second-generation drone", "the PulseLoop in the European Union":
            # the name, not its description or where it was sold
            cut = next(
                (c for c in h.rights if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in ("in", "across"))),
                None,
            )
            if (
                cut is not None
                and cut.dep_ == "appos"
                and cut.i == h.i + 1
                and h.pos_ == "NOUN"
                and cut.pos_ == "PROPN"
                and not anaphor
            ):
                # "fined the online marketplace Kervanpazar": the name the description goes on to give
                h, cut = cut, None
                phrase = h.doc[min(c.i for c in (h, *self._children(h, ("compound",)))) : h.i + 1]
            if cut is not None and not anaphor:
                phrase = phrase.doc[phrase.start : max(h.i + 1, cut.left_edge.i)]
                while len(phrase) > 1 and phrase[-1].is_punct:
                    phrase = phrase[:-1]
            if not anaphor and len(phrase) > 1 and phrase[0].lower_ in ("its", "their", "our") and phrase[0].i != h.i:
                phrase = phrase[1:]  # "its MG-7 inference chip": the thing's name, without whose
            while len(phrase) > 1 and phrase[0].text in ('"', "\u201c", "'"):
                phrase = phrase[1:]  # '"Quiet Hours,"': the name, not its quotation marks
            text = phrase.text.strip()
            if anaphor:
                plural = h.tag_ in ("NNS", "NNPS") or h.lower_ in ("they", "them", "these", "those", "both")
                result.append(
                    RoleFiller(
                        text,
                        phrase.start_char,
                        phrase.end_char,
                        anaphor=anaphor,
                        plural=plural,
                        sentence_start=h.sent.start_char,
                    )
                )
            elif (h.pos_ in ("NOUN", "PROPN") or (h.pos_ == "VERB" and h.dep_ in ("pobj", "dobj"))) and text:
                if h.tag_ == "VBG" and any(c.dep_ == "dobj" for c in h.children):
                    continue  # "a surcharge for steering ride requests": what was done, the reason

                # ("a recall of 14,800 GlideDose 3 pumps": a plural noun the tagger took for a verb)
                determiners = {c.lower_ for c in h.children if c.dep_ in ("det", "predet")}
                modifiers = {c.lower_ for c in h.children if c.dep_ == "amod"}
                institution = h.lemma_.lower() in self.lex.anaphors.get("COURT", ()) or h.lemma_.lower() in (
                    "jury",
                    "regulator",
                    "police",  # "Police in six countries took down the botnet": a force, told acting
                    "prosecutor",
                )
                described = described_person and any(
                    c.dep_ in ("prep", "relcl", "acl") or c.lower_ == "former" for c in h.children
                )
                # "a coalition of 34 attorneys general": a group whose members are counted is particular
                counted = any(
                    c.dep_ == "prep"
                    and c.lower_ == "of"
                    and any(g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children) for g in c.children)
                    for c in h.children
                )
                generic = (
                    h.pos_ == "NOUN"
                    and not institution
                    and not described
                    and not counted
                    and (
                        bool(determiners & {"a", "an", "any", "some", "no", "every", "each", "all"})
                        or bool(
                            modifiers
                            & {
                                "successive",
                                "previous",
                                "past",
                                "several",
                                "many",
                                "various",
                                "other",
                                "prior",
                                "earlier",
                            }
                        )
                        or (
                            not determiners
                            and h.tag_ == "NNS"
                            # "twelve states" are counted, so particular; "companies" are not
                            and not any(c.dep_ in ("compound", "amod", "poss", "nummod") for c in h.children)
                        )
                    )
                )
                refers = bool(determiners & {"the", "this", "that"}) and h.lemma_.lower() in self.instrument_nouns
                result.append(
                    RoleFiller(text, phrase.start_char, phrase.end_char, generic=generic, refers_to_event=refers)
                )
        return result

    @staticmethod
    def _speaker_of(pronoun: Token) -> Token | None:
        """ "X said it did Y": the "it" of a clause reported by its own subject is that subject."""
        clause = pronoun.head
        if pronoun.lower_ not in ("it", "they") or pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return None
        if clause.head.lemma_.lower() not in ("say", "announce", "confirm", "report", "state"):
            return None
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.pos_ == "PRON" or speaker.i > pronoun.i:
            return None
        return speaker

    def _expand_placeholders(
        self, target: list[RoleFiller], anchor: Token, ents: dict[int, Span], agent: list[RoleFiller]
    ) -> list[RoleFiller]:
        """ "two companies in Singapore, X and Y", "19 entities": the names the sentence goes on to give."""
        if not target or any(f.entity_id for f in target):
            return target
        placeholder = any(
            re.match(
                r"^(?:the |these |those )?(?:\w+ )?(?:companies|entities|firms|persons|individuals|people|parties|vessels|addresses)\b",
                f.text,
                re.IGNORECASE,
            )
            # "19 entities", "three Chinese chipmakers"; not "23 lots of tablets"
            or re.match(
                r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:\w*(?:makers?|companies|entities|firms|persons|individuals|people|parties|vessels|addresses|"
                r"subsidiaries|affiliates|manufacturers|suppliers|exporters|importers|operators|traders|brokers|"
                r"banks|defendants|executives|officials|nationals|businesses|groups|organi[sz]ations|carriers))\b",
                f.text,
                re.IGNORECASE,
            )
            for f in target
        )
        if not placeholder:
            return target
        after = min(f.start for f in target)
        taken = {f.entity_id for f in agent}
        named = []
        doc = anchor.doc
        for ent in anchor.sent.ents:
            # "X, a supplier of airframes to the People's Liberation Army Air Force": a name inside
            # a listed party's description is not listed
            described = ent.start >= 1 and (
                doc[ent.start - 1].pos_ == "ADP"
                or (ent.start >= 2 and doc[ent.start - 1].lower_ == "the" and doc[ent.start - 2].pos_ == "ADP")
            )
            if described:
                continue
            if ent.start_char > after and ent._.entity_type in ("ORG", "PERSON") and ent._.entity_id not in taken:
                taken.add(ent._.entity_id)
                named.append(_filler_of(ent))
        return named[:8] or target

    def _product_noun(self, token: Token) -> bool:
        """ "sensor", "glasses" (whose lemma is "glass"): a word that names a thing sold."""
        return token.lower_ in self.lex.product_nouns or token.lemma_.lower() in self.lex.product_nouns

    def _actors(self, fillers: list[RoleFiller]) -> list[RoleFiller]:
        """Agents named in plain words must be someone ("federal prosecutors", "a coalition"), not a thing."""
        kept = []
        for filler in fillers:
            if filler.text.strip().lower() in self.lex.document_nouns:
                continue  # "ORDER instituting proceedings": a document acts through whoever issued it
            if filler.entity_id or filler.anaphor or filler.refers_to_event:
                kept.append(filler)
                continue
            words = {w.strip(".,'’\"").lower() for w in filler.text.split()}
            stems = {w[:-1] if w.endswith("s") else w for w in words}
            if (words | stems) & self.actor_words or _PROPER_NAME.fullmatch(filler.text.strip()):
                # "Pulsefit launched ...": a name the model did not tag is still someone
                kept.append(filler)
        return kept

    def _nationality_of(self, ent: Span, head: Token) -> bool:
        """ "U.S. companies", "Chinese nationals": people of a country, not its government;
        "U.S. Senator Margaret Ellery": a title's country, not a second party."""
        if ent._.entity_type not in ("GOV", "PLACE", "GROUP") or ent.root.i == head.i:
            return False
        if ent.root.dep_ not in ("compound", "amod", "nmod", "poss"):
            return False
        titled = ent.root.head.lemma_.lower() in self.lex.personal_titles and ent.root.head.i != head.i
        # "Dutch cloud storage provider Polderwolk B.V.": the firm's nationality, not a party
        described_firm = (
            ent.root.dep_ in ("amod", "compound")
            and head.ent_type_ == "ORG"
            and ent.root.head.i != head.i
            and ent.root.head.ent_type_ != "ORG"
        )
        # "A UK tribunal dismissed the appeal": the court's country, not the government
        bench = head.lemma_.lower() in ("court", "tribunal", "judge") and ent.root.head.i == head.i
        return head.lemma_.lower() in self.lex.people_nouns or titled or described_firm or bench

    def _anaphor_kind(self, head: Token) -> str | None:
        lower = head.lower_
        if head.pos_ == "PRON":
            kinds = self.lex.pronouns.get(lower)
            return "|".join(kinds) if kinds else None
        lemma = head.lemma_.lower()
        if lemma in ("plaintiff", "defendant", "petitioner", "respondent", "appellant") and head.pos_ == "NOUN":
            return "ORG|PERSON|AGENCY"  # legal style names the party by its role, without "the"
        if (
            lemma in self.lex.staff_nouns
            and head.tag_ == "NNS"
            and head.pos_ == "NOUN"
            # ("the chief technology officers of the operators", "the company's officers": someone
            # else's; "its inspectors" are the body's own)
            and not any(
                (c.dep_ == "poss" and c.pos_ != "PRON")
                or (c.dep_ == "prep" and c.lower_ == "of")
                # ("IMDA officers met the company's team": officers named with their body stay as told)
                or (lemma == "officer" and c.dep_ == "compound")
                for c in head.children
            )
        ):
            return "AGENCY"  # "Diversion investigators executed a warrant": the agency's staff
        if lemma in ("team", "taskforce", "staff") and head.pos_ == "NOUN":
            bodies = [e for e in head.doc.ents if e._.entity_type in ("AGENCY", "GOV") and e.root.head.i == head.i]
            if any(e.root.dep_ == "compound" for e in bodies) or any(
                c.dep_ == "compound" and c.is_title and c.lemma_.lower() in self.lex.anaphors.get("AGENCY", ())
                for c in head.children
            ):
                # "A DoT security team inspected the gateway", "Department staff inspected the
                # Facility": the body's own people
                return "AGENCY"
        if lemma == "bench" and head.pos_ == "NOUN":
            return "COURT"  # "A bench of two judges dismissed the petition": the court the story is about
        if lemma == "bank" and any(c.lower_ == "central" for c in head.children) and head.pos_ == "NOUN":
            return "AGENCY"  # "the central bank added nine entities": the regulator, not a bank it regulates
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "nummod", "predet")}
        if lemma == "division" and (
            determiners != {"the"} or any(c.dep_ in ("amod", "compound") for c in head.children)
        ):
            return None  # "the Division" is the Antitrust Division; "the appellate division" is a court
        # "the two companies" points back; "two shipping companies" brings in new ones
        if lemma in self.anaphor_heads and determiners & {
            "the",
            "this",
            "these",
            "those",
            "both",
            "its",
            "their",
            "that",
            "your",  # "your firm" in a regulator's letter is its addressee
        }:
            if "PRODUCT" in self.anaphor_heads[lemma] and any(
                c.dep_ in ("compound", "nmod") and c.i < head.i and _MODEL_NUMBER.fullmatch(c.text)
                for c in head.children
            ):
                return None  # "its MG-7 inference chip": it names the thing, it does not point back
            return self.anaphor_heads[lemma]
        return None

    def subject_of(self, verb: Token) -> Token | None:
        seen = 0
        while verb is not None and seen < 6:
            seen += 1
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            before = [c for c in subjects if c.i < verb.i]
            if not before or (before[0].dep_ == "csubj" and before[0].tag_ == "VBG"):
                # "the Secretary of Commerce, acting through the Office ..., began reviewing": the
                # parser makes the participle the subject, or the verb's clause, and the body its own
                held = [
                    s
                    for c in verb.children
                    if c.dep_ in ("csubj", "advcl") and c.tag_ == "VBG" and c.i < verb.i
                    for s in c.children
                    if s.dep_ == "nsubj" and s.i < c.i
                ]
                if held:
                    return held[0]
            if before or subjects:
                return (before or subjects)[0]
            # "FMCSA published a final rule": the model can take an unknown acronym opening a
            # sentence for an auxiliary; a named body is never one
            named = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i and c.ent_type_ and c.pos_ != "PART"]
            if named:
                return named[0]
            # "The Reserve Bank of India (RBI) has, by an order dated August 8, 2025, imposed ...": a
            # phrase between the auxiliary and its verb leads the parser to hang the subject on "has"
            held = [s for a in verb.children if a.dep_ == "aux" for s in a.children if s.dep_ in SUBJECT_DEPS]
            if held:
                return held[0]
            if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
                noun = verb.head
                paper = noun
                for _ in range(3):
                    # "a Notice of Apparent Liability for Forfeiture proposing ...": the clause hangs
                    # on the last word of the paper's title
                    if (
                        paper.dep_ != "pobj"
                        or paper.head.dep_ != "prep"
                        or paper.head.head.pos_ not in ("NOUN", "PROPN")
                    ):
                        break
                    paper = paper.head.head
                if paper.lemma_.lower() in self.lex.issued_papers:
                    noun = paper
                if (
                    verb.dep_ == "acl"
                    and noun.lemma_.lower() in self.lex.issued_papers
                    and noun.dep_ == "dobj"
                    and noun.head.lemma_.lower()
                    in ("issue", "send", "serve", "publish", "deliver", "adopt", "sign", "file")
                ):
                    # "the Commission issued a Notice ... proposing a forfeiture": who issued it proposes
                    # ("the United States filed a one-count Information charging X": who filed it charges)
                    issuer = next((c for c in noun.head.children if c.dep_ in ("nsubj",) and c.i < noun.i), None)
                    if issuer is not None:
                        return issuer
                if (
                    verb.dep_ == "acl"
                    and noun.lemma_.lower() in self.lex.issued_papers
                    and noun.dep_ == "dobj"
                    and noun.head.lemma_.lower() in ("receive", "get")
                ):
                    # "received a notice from the Food and Drug Administration ordering the Company
                    # to stop": who sent the notice orders
                    sender = next(
                        iter(self._prep_objects(noun, ("from",)) + self._prep_objects(noun.head, ("from",))), None
                    )
                    if sender is not None:
                        return sender
                if verb.dep_ == "acl" and noun.lemma_.lower() in self.lex.issued_papers:
                    # "the Department's determination ... revoking petitioner's license": its author acts
                    author = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
                    if author is not None:
                        return author
                if (
                    verb.dep_ == "acl"
                    and noun.tag_ == "NNS"
                    and any(c.dep_ == "dobj" and c.lower_ == "them" for c in verb.children)
                ):
                    # "sent letters to three retailers directing them to remove ...": the parser hangs
                    # the clause on the ones it speaks to; who sent the letters directs them
                    governor = noun.head
                    while governor.pos_ != "VERB" and governor.head.i != governor.i:
                        governor = governor.head
                    if governor.pos_ == "VERB" and governor.i != verb.i:
                        verb = governor
                        continue
                return noun
            if verb.dep_ == "xcomp" and verb.head.i != verb.i:
                # object control: in "forced the company to pull", the company pulls
                controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
                if controller is not None:
                    return controller
            if (
                verb.dep_ in ("xcomp", "advcl")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                and verb.head.i != verb.i
            ):
                # "I have been authorized ... to issue": who was empowered acts
                passive_subject = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
                if passive_subject is not None:
                    return passive_subject
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.i:
                verb = verb.head.head  # "amends the rule by adding X": whoever amends adds
                continue
            if (
                verb.dep_ == "conj"
                and verb.tag_ == "VBG"
                and (
                    verb.head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                    or (
                        verb.head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.head.children)
                    )
                )
            ):
                # "adopted a Notice, finding that Tollridge had violated ... and proposing a
                # forfeiture": the model joins the participle to the finding's verb; it goes
                # with the participle above ("finding ... and proposing"); so with "requiring
                # X to pay ... and banning both from trading", where a participle cannot join
                # the infinitive
                higher = next((a for a in verb.head.ancestors if a.tag_ == "VBG"), None)
                if higher is not None:
                    verb = higher
                    continue
            if (
                verb.dep_ == "conj"
                and verb.head.dep_ == "ccomp"
                and any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children)
            ):
                # "has determined that X no longer meets the criteria and is removing it": X
                # cannot act on "it", itself; the model hangs the determiner's second act on
                # the finding's verb
                verb = verb.head.head
                continue
            if not subjects and (
                verb.dep_ == "ROOT"
                or (
                    verb.dep_ == "conj"
                    and verb.head.i < verb.i
                    and not any(c.dep_ in SUBJECT_DEPS for c in verb.head.children)
                )
            ):
                # "By Order in Council P.C. 2025-0718, made on September 19, 2025, the Governor in
                # Council, on the recommendation of the Minister, ordered ...": the model makes
                # "made" the root and the body an apposition of the date; a body named between the
                # two verbs, in no role of its own, is the one that acts
                stranded = [
                    t
                    for t in verb.doc[(verb.sent.start if verb.dep_ == "ROOT" else verb.head.i + 1) : verb.i]
                    if t.dep_ in ("appos", "npadvmod", "dep")
                    and t.ent_type_ in _ACTING_BODIES
                    and any(c.dep_ == "det" for c in t.children)  # "the Governor in Council", not "Iran"
                ]
                if stranded:
                    return stranded[-1]
            if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
                verb = verb.head
                continue
            return None
        return None

    def _award_holders(self, anchor: Token) -> list[Token]:
        """ "issued a stop-work order under a contract awarded in August to Nettlefield Aerospace",
        "suspended payments under a $9.4 million award made in 2024 to Brisling": the holder of the
        contract or award the act is made under."""
        holders = []
        for award in self._prep_objects(anchor, ("under",)):
            if award.lemma_.lower() not in _AWARD_NOUNS:
                continue
            for made in award.children:
                if made.dep_ == "acl" and made.tag_ == "VBN":
                    # (the parser may call the "to" a dative)
                    holders += [
                        o
                        for to in made.children
                        if to.dep_ in ("prep", "dative") and to.lower_ == "to"
                        for o in self._children(to, ("pobj",))
                    ]
        return holders

    @staticmethod
    def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
        return [c for c in token.children if c.dep_ in deps]

    @staticmethod
    def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
        objects = []
        # "in favor of X and against Y": the second preposition is a conjunct of the first
        heads = [c for c in token.children if c.dep_ == "prep"]
        heads += [g for c in heads for g in c.children if g.dep_ == "conj" and g.lower_ == "against"]
        for child in heads:
            phrase = child.lower_
            # multi-word prepositions: "in favor of", "on behalf of"
            if phrase == "in" and any(g.lower_ in ("favor", "favour") for g in child.children):
                phrase = "in favor of"
                child = next(g for g in child.children if g.lower_ in ("favor", "favour"))
                child = next((g for g in child.children if g.dep_ == "prep"), child)
            if phrase in preps:
                objects += [
                    g
                    for g in child.children
                    if g.dep_ in ("pobj", "pcomp")
                    # "on the ground that Karatau flew into Russia", "on the basis of": a reason, no party;
                    # "on behalf of Pellowes Rigg": whom the complaint was filed for
                    and not (phrase == "on" and g.lemma_.lower() in _GROUNDS)
                    # "issued a stop-work order on Sept. 11": when, not on whom
                    and not (phrase == "on" and (g.ent_type_ == "DATE" or _CALENDAR_WORD.match(g.text)))
                ]
        return objects

    # --- factuality ----------------------------------------------------------

    def is_factual(
        self,
        anchor: Token,
        trigger: Token,
        ignore: frozenset[str] = frozenset(),
        ignore_modals: frozenset[str] = frozenset(),
    ) -> bool:
        sent = anchor.sent
        if sent.text.rstrip(" \"'”’)").endswith("?"):
            return False
        if "___" in sent.text:
            return False  # "shall pay a civil monetary penalty of $[___]": a draft's blank, not an act
        clause = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass") else anchor
        if clause.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "advmod" and c.lower_ in self.lex.habitual_adverbs for c in clause.children
        ):
            return False  # "preliminary determinations usually follow within six months": what happens as a rule
        if any(
            p.dep_ == "prep"
            and p.lower_ in ("in", "over")
            and any(
                o.lemma_.lower() == "year" and any(a.lower_ in ("recent", "past") for a in o.children)
                for o in p.children
            )
            for p in clause.children
        ):
            return False  # "it has rejected several in recent years": a record, not an act
        opening = next((t for t in sent if not t.is_punct and t.lower_ not in ("then", "now", "so", "just")), None)
        if (
            opening is not None
            and opening.i == anchor.i
            and anchor.dep_ == "ROOT"
            and anchor.tag_ == "VB"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in anchor.children)
        ):
            return False  # "Switch it off.": a columnist's command, not an act
        for mod in trigger.children:
            if mod.dep_ in ("amod", "compound") and (
                mod.lemma_.lower() in self.lex.non_factual_modifiers or mod.lower_ in self.lex.non_factual_modifiers
            ):  # (the tagger lemmatises "rumoured" to "rumour")
                return False
        told_by_its_own_subject = anchor.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in anchor.children
        )
        token = anchor
        via = before = None
        below = None
        for _ in range(12):
            # "could respond by opening an inquiry": the modal governs the act reached through "by"
            direct = (
                token.i == anchor.i
                or via in ("xcomp", "conj", "advcl")
                or (via, before) == ("prep", "pcomp")
                # "may issue an order stopping the sale": the modal governs what the order does
                or (via, before) == ("dobj", "acl")
                # "could have their apps taken down": a causative "have" carries its modal over
                or (via == "ccomp" and token.lemma_.lower() in ("have", "get"))
            ) and not (
                # "no longer meets the criteria and is removing it": a conjunct with its own
                # auxiliary is a clause of its own, out of reach of the first one's "no" or "may"
                via == "conj"
                and below is not None
                and any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in below.children)
            )
            for child in token.children:
                lower = child.lower_
                if direct and child.dep_ == "neg":
                    return False
                if (
                    direct
                    and child.dep_ in ("aux", "auxpass", "nsubj", "advmod")
                    and child.i < token.i
                    and any(g.dep_ == "neg" for g in child.children)
                ):
                    return False  # "does not itself restrict sales": the model hangs "not" on "itself"
                if (
                    token.i == anchor.i
                    # ("No investigators from the Commission have visited our offices": nobody did)
                    and child.dep_ in ("nsubjpass", "dobj", "nsubj")
                    and any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children)
                ):
                    return False  # "no petition was filed", "filed no charges", "neither remedy has been granted"
                if (
                    token.i == anchor.i
                    and child.dep_ in ("nsubj", "nsubjpass")
                    and lower in ("none", "nothing", "neither", "nobody", "nor")
                ):
                    return False  # "None of that has been granted": nothing was
                if (
                    direct
                    and child.dep_ in ("aux", "auxpass")
                    and (lower in self.lex.modals or child.lemma_ in self.lex.modals)
                ):
                    if lower not in ignore_modals and not (lower in ("shall", "must") and self._ordered_party(token)):
                        return False
                    if lower in ignore_modals and not any(t.ent_type_ == "MONEY" or t.like_num for t in token.sent):
                        # "X will pay $2.9 million" settles; "those who look away will pay for it" threatens
                        return False
                    if lower in ignore_modals and any(
                        t.dep_ == "mark" and t.lower_ in ("if", "unless") and t.i > token.i for t in token.sent
                    ):
                        return False  # "will levy periodic penalty payments ... if the company does not comply"
                if child.dep_ == "mark" and lower in self.lex.conditional_marks:
                    return False
                if child.dep_ == "advmod" and lower in ("when", "whenever") and token.tag_ in ("VBZ", "VBP"):
                    return False  # "When the Commission issues a consent order, it carries the force of law"
                if (
                    token.i == anchor.i
                    and child.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children)
                ):
                    return False  # "If convicted, each faces a maximum penalty": only under a condition
                if direct and child.dep_ == "advmod" and lower in self.lex.hedge_adverbs:
                    return False
                if (
                    token.i == anchor.i
                    and child.dep_ == "advmod"
                    and lower in ("before", "previously")
                    and child.i > token.i
                    and not list(child.children)
                    and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
                ):
                    return False  # "regulators have suspended a driverless permit before": it has happened, no act
            if (
                token.i != anchor.i
                and (via != "conj" or before not in (None, "xcomp") or token.lemma_.lower() in _NEGATIVE_IMPLICATIVES)
                and token.lemma_.lower() in self.lex.non_factual_governors - ignore
                and not _empowered_signer(token)
            ):
                # (a first conjunct is a sibling, not a governor: "the Board evaluated the
                # inquiry and decided to initiate an investigation" did initiate it; but the model
                # hangs "failed to conduct assessments and assessed a penalty" on "failed")
                return False
            if via == "xcomp" and token.lemma_.lower() in self.lex.cessative_verbs:
                return False
            if via == "prep" and below is not None and below.lower_ == "of" and token.lemma_.lower() == "accuse":
                return False  # "sued Cantabrine, accusing it of cutting off access": the charge, not an act

            if (
                via == "prep"
                and token.lemma_.lower() in ("move", "apply", "petition", "ask", "push", "press")
                # ("pressed Wendt on a bill she introduced in March": the clause tells its own act)
                and not told_by_its_own_subject
            ):
                return False  # "moved for an injunction barring X": asked for it, not granted
            if (
                via == "prep"
                and token.lemma_.lower() in ("result", "lead")
                and any(c.dep_ == "aux" and c.lower_ in self.lex.modals for c in token.children)
            ):
                return False  # "further violations may result in ... an order suspending your license"
            if token.i != anchor.i and token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.non_factual_nouns:
                return False  # "reports that the ministry opened an investigation are incorrect"
            # (a conjunct shares its first conjunct's "to": "has three months to fix it or face penalties")
            if (token.i == anchor.i or via == "conj") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children
            ):
                governor = token.head
                if governor.i == token.i or (
                    governor.lemma_.lower() not in self.lex.implicative_verbs | ignore
                    and not _empowered_signer(governor)
                ):
                    # "to block the deal", "plans to ban": purpose or intention, not an act
                    # (but "forced the company to pull", "traveled to Washington to hold talks")
                    return False
            if token.head.i == token.i or token.dep_ not in CLAUSE_LINKS + ("prep", "pobj", "dobj"):
                break
            if token.dep_ == "relcl" and _non_restrictive(token):
                break  # "alleging it sold the kits, which it rolled out in 2022": the writer's own aside
            if token.dep_ == "relcl" and token.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in token.children):
                # "agreed to a requirement under which it stopped onboarding": told as past fact, which
                # what someone agreed, sought or planned cannot undo (what someone alleges still can)
                ignore = ignore | (self.lex.non_factual_governors - _ASSERTING_VERBS)
            if token.dep_ in ("ccomp", "conj", "parataxis") and any(
                c.lower_ == ";" and c.dep_ == "punct" and min(token.i, token.head.i) < c.i < max(token.i, token.head.i)
                for c in token.head.children
            ):
                # "ruled on Monday that ...; a hearing on remedies will be scheduled later": the
                # model hangs the first clause on the second, but a semicolon parts two statements
                break
            via, before = token.dep_, via
            below, token = token, token.head
        return True

    # --- attributes ----------------------------------------------------------

    @staticmethod
    def _nearest_entity(doc: Doc, ents: dict[int, Span], trigger: Token, types: tuple[str, ...]) -> Span | None:
        best = None
        for ent in doc.ents:
            if ent._.entity_type in types and ent.sent == trigger.sent:
                distance = abs(ent.start - trigger.i)
                if best is None or distance < best[0]:
                    best = (distance, ent)
        return best[1] if best else None

    def attributes(
        self, candidate: Candidate, doc: Doc, ents: dict[int, Span], trigger: Token, anchor: Token, rule: TriggerRule
    ) -> None:
        def entity_attr(key: str, types: tuple[str, ...]) -> bool:
            ent = self._nearest_entity(doc, ents, trigger, types)
            if ent is None:
                return False
            candidate.attrs[key] = ent._.canonical or ent.text
            candidate.attr_entities[key] = _filler_of(ent)
            return True

        sent_lower = trigger.sent.text.lower()
        kind = candidate.type
        if kind == "order":
            if not entity_attr("instrument", ("LAW",)):
                for token in trigger.sent:
                    if (
                        token.i != trigger.i
                        and token.lemma_.lower() in ("directive", "order", "proclamation", "letter")
                        and token.pos_ == "NOUN"
                    ):
                        words = [
                            t for t in doc[token.left_edge.i : token.i + 1] if t.dep_ not in ("det", "poss", "case")
                        ]
                        while words[:-1] and words[0].lower_ in _VAGUE_ADJECTIVES:
                            words = words[1:]
                        candidate.attrs["instrument"] = " ".join(t.lower_ for t in words)
                        break
            scope = _audience(trigger.sent.text)
            if scope:
                candidate.attrs["scope"] = scope
            if trigger.pos_ == "NOUN":
                candidate.attrs["form"] = " ".join(
                    t.lower_
                    for t in doc[trigger.left_edge.i : trigger.i + 1]
                    if t.dep_ in ("compound", "amod") or t.i == trigger.i
                )
        elif kind == "designation":
            if not entity_attr("list", ("LIST",)):
                for token in trigger.sent:
                    if token.lemma_.lower() == "list":
                        candidate.attrs["list"] = doc[token.left_edge.i : token.i + 1].text.strip('"“” ')
                        break
        elif kind == "lawsuit":
            if not entity_attr("court", ("COURT",)):
                match = re.search(r"\b(?:in|before) (?:a |the )?((?:[\w.]+ ){0,4}court)\b", sent_lower)
                if match:
                    candidate.attrs["court"] = match.group(1)
        elif kind == "ruling":
            candidate.attrs["outcome"] = (
                " ".join(
                    t.lower_
                    for t in doc[trigger.left_edge.i : trigger.i + 1]
                    if t.dep_ in ("compound", "amod") or t.i == trigger.i
                )
                if trigger.pos_ == "NOUN"
                else trigger.lemma_.lower()
            )
        elif kind == "penalty":
            money = self._nearest_entity(doc, ents, trigger, ("MONEY",))
            if money is not None:
                symbol = doc[money.start - 1] if money.start > 0 else None
                # "$2,250,000" where the model's sum left its dollar sign out
                with_symbol = symbol is not None and symbol.text in "$€£¥₹₦" and not symbol.whitespace_
                candidate.attrs["amount"] = (symbol.text if with_symbol else "") + money.text
            else:
                match = re.search(r"[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand))?", trigger.sent.text)
                if match:
                    candidate.attrs["amount"] = match.group(0)
        elif kind == "suspension":
            # scope is who loses access: "customer access ...", "to all customers"
            scope = _audience(trigger.sent.text)
            if not scope:
                phrases = [_phrase(o).text for o in self._children(anchor, ("dobj",))]
                scope = next((p for p in phrases if _AUDIENCE_WORDS.search(p)), None)
            if scope:
                candidate.attrs["scope"] = scope
        elif kind == "meeting":
            entity_attr("place", ("PLACE",))
        elif kind == "rule":
            # the act's own words decide ("issued an interim final rule", "proposed limits"),
            # not a mention of some earlier proposal elsewhere in the sentence
            own = trigger.doc[trigger.left_edge.i : trigger.i + 1].text.lower() if trigger.pos_ == "NOUN" else ""
            stage = "final"
            if "interim" in own:
                stage = "interim"
            elif (
                "propos" in own
                or lemma_keys(anchor) & {"propose"}
                # "published a draft of FIPS 211 for public comment"
                or any(c.dep_ == "dobj" and c.lemma_.lower() == "draft" for c in anchor.children)
            ):
                stage = "proposed"
            candidate.attrs["stage"] = stage
        elif kind == "legislation":
            stage_key = first_lemma_key(anchor, rule.stage_by_realizer)
            stage = rule.stage_by_realizer[stage_key] if stage_key else None
            if stage:
                candidate.attrs["stage"] = stage
            law = ents.get(trigger.i)
            if law is not None and law._.entity_type == "LAW":
                # "ECRA, enacted on August 13, 2018": the named law is what the act was about
                candidate.attrs["law"] = law._.canonical or law.text
                candidate.attr_entities["law"] = RoleFiller(
                    law.text, law.start_char, law.end_char, law._.entity_id, law._.canonical, law._.entity_type
                )
        for key, value in rule.attrs.items():
            candidate.attrs.setdefault(key, value)

    # --- triggers ------------------------------------------------------------

    def _ordered_party(self, verb: Token) -> bool:
        """ "Respondent Osprey Hollow shall ... pay a civil money penalty": an order's "shall" binds the
        party it names by its role; it orders, it does not foretell."""
        # (or by the capitalised term it defines for it: "The Manufacturer shall pay a civil penalty")
        return any(
            c.dep_ in ("nsubj", "nsubjpass")
            and (
                any(t.lower_ in self.lex.party_roles for t in c.subtree)
                or (c.is_title and c.lower_ in self.lex.anaphors.get("ORG", ()))
            )
            for c in verb.children
        )

    @staticmethod
    def _judge_named_before(subject: Token) -> bool:
        """ "Szabo-Lind certified the case" after "U.S. District Judge Miriam Szabo-Lind said": a
        surname the story gave a judge's title when it first named her."""
        if subject.pos_ != "PROPN" or len(subject.text) < 3:
            return False
        name = subject.doc[subject.left_edge.i : subject.i + 1].text
        before = subject.doc[: subject.left_edge.i].text
        return re.search(rf"\b(?:Judge|Justice) (?:[A-Z][\w.'-]* ){{0,3}}{re.escape(name)}\b", before) is not None

    def _titled_judge(self, subject: Token) -> bool:
        """ "justice wairimu gathogo-lenku", whatever type the model gave the name (not "Justice Ministry")."""
        edge = subject.left_edge
        return (
            edge.lower_ in self.lex.bench_titles
            and edge.i < subject.i
            and not {t.lemma_.lower() for t in subject.subtree} & {"ministry", "department", "minister", "office"}
        )

    def _site_name(self, ent: Span) -> bool:
        """ "your Evansville facility", "Dalmoa's Seoul headquarters": the town names the site, not a
        party (the model may call it a firm, the gazetteer a capital's government)."""
        root = ent.root
        if root.dep_ != "compound" or root.head.lemma_.lower() not in self.lex.site_nouns:
            return False
        # (a government only when a named owner holds the site: "its U.S. facilities" may be the country's)
        owned = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in root.head.children)
        # ("the company's Ahmedabad gateway": the model may take the town for a product too)
        return ent._.entity_type in ("ORG", "PLACE", "PRODUCT") or (ent._.entity_type == "GOV" and owned)

    def _settled_tense(self, anchor: Token, rule: TriggerRule) -> str:
        """ "Pebbleshore will pay the State $2.4 million under the agreement": a modal the rule
        ignores tells what was agreed, done now, not a plan; its dates are read as told of the past."""
        tense = self.tense_of(anchor)
        if tense == "future" and any(c.dep_ == "aux" and c.lower_ in rule.ignore_modals for c in anchor.children):
            return "present"
        return tense

    def tense_of(self, anchor: Token) -> str:
        for child in anchor.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in ("will", "shall", "'ll"):
                if child.lower_ == "shall" and self._ordered_party(anchor):
                    return "present"  # "Respondent shall pay": ordered today
                holder = anchor.head
                while holder.pos_ != "VERB" and holder.head.i != holder.i:
                    holder = holder.head
                for _ in range(4):
                    # "issued an order approving a settlement under which X will pay": the
                    # participle's own time is the issuing's
                    if holder.tag_ != "VBG" or holder.dep_ not in ("acl", "advcl") or holder.head.i == holder.i:
                        break
                    holder = holder.head
                    while holder.pos_ != "VERB" and holder.head.i != holder.i:
                        holder = holder.head
                if anchor.dep_ == "relcl" and holder.pos_ == "VERB" and holder.tag_ == "VBD":
                    # "approved on Thursday an agreement under which it will pay": the approval's time
                    return "past"
                return "future"
        auxiliaries = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & {"has", "have", "'ve"}:
            return "perfect"  # "has imposed": recent, or background ("has filed a lawsuit")
        if auxiliaries & {"is", "are", "am"} and anchor.tag_ == "VBG":
            return "present"  # "is designating": news of now
        passive_now = {c.lower_ for c in anchor.children if c.dep_ == "auxpass"} & {"is", "are"}
        if passive_now and anchor.tag_ == "VBN" and anchor.lemma_.lower() in ("impose", "levy"):
            # "A periodic penalty payment ... is imposed on X": done by this decision (a court's "the
            # Motion is GRANTED" repeats the ruling its opinion already tells, and stays as it was)
            return "present"
        if anchor.tag_ in ("VBD", "VBN") or "Past" in anchor.morph.get("Tense"):
            return "past"
        return "present"

    @staticmethod
    def _local_moratorium(rule: TriggerRule, law: Token) -> bool:
        """ "adopted Ordinance 2025-11, establishing a twelve-month moratorium": a local law's
        moratorium is the act it is passed for, told as well as the passing."""
        if rule.type != "suspension":
            return False
        named = next((e for e in law.doc.ents if e.start <= law.i < e.end), None) if law.ent_type_ else None
        return law.lemma_.lower() == "ordinance" or (named is not None and named[0].lower_ == "ordinance")

    def _said_by_a_law(self, verb: Token) -> bool:
        """A verb inside a relative clause on a law, at most two clauses down: "Ordinance No. 47,
        which makes Providence one of the first cities to prohibit landlords from ..."."""
        clause = verb
        for _ in range(3):
            relative = any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in clause.children)
            if clause.dep_ == "relcl" or (relative and clause.dep_ == "advcl"):
                # (the parser may hang the relative clause on the verb whose object the law is)
                laws = [clause.head] if clause.dep_ == "relcl" else self._children(clause.head, ("dobj",))
                return relative and any(
                    law.ent_type_ == "LAW" or (law.pos_ == "NOUN" and law.lemma_.lower() in self.lex.act_subject_nouns)
                    for law in laws
                )
            if clause.dep_ not in ("ccomp", "xcomp", "acl") or clause.head.i == clause.i:
                return False
            clause = clause.head
        return False

    def _describes_another(self, clause: Token, anchor: Token, trigger: Token, roles: list[RoleFiller] | None) -> bool:
        """ "agreed to remit $1.2 million ... for violations involving cargoes carried in 2023": a
        clause describing some other noun keeps its dates to itself, unless that noun is an act or
        an instrument ("charged in an indictment returned in October", "by its order dated")."""
        if clause.dep_ not in ("acl", "relcl") or clause.i in (anchor.i, trigger.i):
            return False
        noun = clause.head
        if noun.i in (anchor.i, trigger.i):
            return False
        if noun.ent_type_ == "LAW":
            # a statute's clause tells its own making, unless it names its own maker ("the Rules,
            # which the Minister made in July 2025", inside a sentence about something else)
            if not any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children):
                return False
        elif noun.lemma_.lower() in self.noun_rules or noun.lemma_.lower() in _INSTRUMENT_NOUNS:
            return False
        if noun.lemma_.lower() in _SITTINGS:
            return False  # "in a virtual plenary session concluded on Friday, declared": the act's sitting
        # where the parser hung the act's own parties or list on it, it misread the clause
        # ("added routers made by X to the Covered List on Friday", "the order the governor issued")
        spans = [(t.idx, t.idx + len(t)) for t in [noun, *clause.subtree]]
        if any(f.start < end and start < f.end for f in roles or () for start, end in spans):
            return False
        return not any(t.ent_type_ == "LIST" for t in clause.subtree)

    def closeness(
        self, anchor: Token, trigger: Token, roles: list[RoleFiller] | None = None
    ) -> list[tuple[int, int, int]]:
        doc = anchor.doc
        inside = {t.i for t in anchor.subtree} | {t.i for t in trigger.subtree}
        if anchor.i != trigger.i:
            # "The letter, dated March 10 and posted on Tuesday, follows an inspection ... from
            # Jan. 12": a subject's own dates are its own ("The FTC, which fined X on Monday, opened")
            for subject in anchor.children:
                if subject.dep_ in ("nsubj", "nsubjpass") and trigger.i not in {t.i for t in subject.subtree}:
                    inside -= {t.i for t in subject.subtree} - {subject.i}
        described = {
            t.i
            for clause in anchor.subtree
            if self._describes_another(clause, anchor, trigger, roles)
            for t in clause.subtree
        }
        governing = set()
        token = anchor
        while token.head.i != token.i:
            token = token.head
            governing |= {c.i for c in token.children}
            governing.add(token.i)
        # "dismissed an appeal ... against a £1.05 million fine imposed by Ofcom": a participle
        # that names its own doer tells an act of its own; the dates of the clause above it are
        # the other act's
        own_doer = _told_in_passing(anchor, trigger)
        result = []
        for token in anchor.sent:
            level = 3 if token.i in described else 0 if token.i in inside else 1 if token.i in governing else 2
            if own_doer and level in (1, 2):
                level = 3
            result.append((token.idx, token.idx + len(token), level))
        del doc
        return result

    def _courts_in_general(self, verb: Token) -> bool:
        """ "Courts in other states have blocked laws of this kind": courts counted by nobody."""
        subject = self.subject_of(verb)
        return (
            subject is not None
            and subject.tag_ == "NNS"
            and subject.lemma_.lower() in ("court", "judge")
            and not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)
        )

    def _ordered_by_bench(self, verb: Token, ents: dict[int, Span]) -> bool:
        """ "The judge ordered him to pay ...", "sentenced him ... and ordered the forfeiture of": a
        payment a court orders, which its ruling already tells."""
        if verb.dep_ == "xcomp" and lemma_keys(verb.head) & self.lex.order_verbs:
            bench = self.subject_of(verb.head)
        elif lemma_keys(verb) & self.lex.order_verbs:
            bench = self.subject_of(verb)
        else:
            return False
        if bench is None:
            return False
        ent = ents.get(bench.i)
        return bool({t.lemma_.lower() for t in bench.subtree} & (self.lex.bench_titles | {"court"})) or (
            ent is not None and ent._.entity_type == "COURT"
        )

    def _official_owner(self, noun: Token, ents: dict[int, Span]) -> Token | None:
        """The agency whose act the noun is: its possessor, its "by" object or its compound ("FDA inspection")."""
        heads = self._children(noun, ("poss", "compound")) + self._prep_objects(noun, ("by",))
        # "an examination of the casino by the IRS": the parser hangs "by" on the casino
        heads += [by for of in self._prep_objects(noun, ("of",)) for by in self._prep_objects(of, ("by",))]
        for head in heads:
            for token in head.subtree:
                ent = ents.get(token.i)
                if ent is not None and ent._.entity_type in ("AGENCY", "GOV"):
                    return head
        return None

    def _modifier_ok(self, noun: Token, rule: TriggerRule) -> bool:
        lemma = first_lemma_key(noun, rule.lemmas) or noun.lemma_.lower()
        needed = (
            rule.requires_modifier_for.get(lemma) if lemma in rule.requires_modifier_for else rule.requires_modifier
        )
        before = " " + noun.doc[noun.left_edge.i : noun.i].text.lower().replace("-", " ") + " "
        if any(f" {phrase.replace('-', ' ')} " in before for phrase in rule.excluded_modifiers):
            return False  # "instituted an administrative proceeding": a regulator's own case, not a suit
        if not needed:
            return True
        if any(f" {phrase.replace('-', ' ')} " in before for phrase in needed):
            return True
        # "Judge Okoro-Vick ... issued his 141-page opinion": a judge's own opinion or order needs
        # no "court" before it
        return (
            rule.type == "ruling"
            and noun.dep_ == "dobj"
            and any(
                t.lower_ in self.lex.bench_titles for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree
            )
        )

    def _context_ok(self, token: Token, rule: TriggerRule, ents: dict[int, Span]) -> bool:
        if not rule.requires_context:
            return True
        if token.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.listed_kinds for c in token.children
        ):
            return True
        scope = list(token.subtree) + list(token.head.subtree if token.pos_ == "NOUN" else [])
        # "agreed to settle Federal Trade Commission charges": the model may take "charges" for a
        # verb of its own; the words right after the trigger still say what it is about
        scope += list(token.doc[token.i + 1 : min(token.i + 6, token.sent.end)])
        if token.pos_ == "VERB":
            # "added Velquist Optoelectronics (Wuxi) Co., Ltd. ("Velquist Wuxi"), a wholly owned
            # subsidiary of ..., to the Entity List": a defined term and an apposition between the
            # object and its list make the parser hang the list on the apposition; the words up to
            # the next clause's verb are still this verb's
            for t in token.doc[token.i + 6 : token.sent.end]:
                if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound"):
                    break
                scope.append(t)
        if token.dep_ == "conj" and lemma_keys(token.head) & rule.lemmas:
            # "added X to the UVL on February 7, and added Y on August 21": the list is said once
            scope += [t for t in token.head.subtree if t.i < token.i]
        elif token.dep_ in ("advcl", "relcl") and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in token.children
        ):
            # "revised the list on August 1, when it added X": the clause it qualifies names the list
            governor = token.head
            while governor.pos_ != "VERB" and governor.head.i != governor.i:
                governor = governor.head
            scope += [t for t in governor.subtree if t.i < token.i]
        for t in scope:
            if t.i == token.i:
                continue  # "Zentrix listed 28 models": the trigger word is not its own context
            if (
                t.i > 0
                and t.doc[t.i - 1].text == "-"
                and not t.doc[t.i - 1].whitespace_
                and t.dep_ in ("compound", "amod")
                and ents.get(t.i) is None
            ):
                continue  # "remove contact-list access": the word names what is removed, not a list
            if t.lemma_.lower() in rule.requires_context or t.lower_ in rule.requires_context:
                return True
            ent = ents.get(t.i)
            if ent is not None and ent._.entity_type == "LIST":
                return True
        return False

    def _says_what_a_list_does(self, verb: Token, ents: dict[int, Span]) -> bool:
        """ "put Brightridge on its unreliable entity list, barring it from trade", "added routers to
        the Covered List on Friday, which bars new equipment authorizations ... and blocks the use of
        Universal Service Fund money": the listing's effect, not an act."""
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and lemma_keys(verb.head) & self.listing_verbs:
            return True
        clause = verb.head if verb.dep_ == "conj" else verb
        if clause.dep_ != "relcl":
            return False
        relative = next((c for c in clause.children if c.lower_ in ("which", "that") and c.dep_ == "nsubj"), None)
        if relative is None:
            return False
        before = verb.doc[max(relative.sent.start, relative.i - 7) : relative.i]
        return any(ents.get(t.i) is not None and ents[t.i]._.entity_type == "LIST" for t in before)

    @staticmethod
    def _relatives_after_citation(law: Token) -> list[Token]:
        """ "the Delete Act, Cal. Civ. Code § 1798.99.80 et seq., which the Governor signed": the
        parser hangs the relative clause on the citation that follows the law's name."""
        found = []
        for token in law.doc[law.i + 1 : min(law.sent.end, law.i + 16)]:
            if token.dep_ != "relcl" or not law.i < token.head.i < token.i:
                continue
            between = law.doc[law.i + 1 : token.head.i + 1]
            if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("which", "that", "who") for t in between):
                continue
            if any(t.text in ("§", "§§") or t.lower_ in ("seq.", "u.s.c.", "code", "section") for t in between):
                found.append(token)
            # "the Framework Act on the Development of Artificial Intelligence, which the National
            # Assembly passed": or on the last word of the law's own long title
            elif between[0].lower_ in ("on", "of", "for") and all(
                t.pos_ in ("PROPN", "ADP", "DET", "CCONJ") or (t.is_punct and t.i == token.head.i + 1) for t in between
            ):
                found.append(token)
        # "an amendment that limits recovery ... by the same method, which the governor signed"
        found += [
            token
            for token in law.doc[law.i + 1 : min(law.sent.end, law.i + 40)]
            if token.dep_ == "relcl"
            and token not in found
            and token.head.i != law.i
            and law in EventFinder._relative_antecedents(token)
        ]
        return found

    def _realizer(self, noun: Token, rule: TriggerRule) -> tuple[Token | None, str]:
        """The verb that makes a noun trigger an event, and how the noun hangs on it."""

        def realizes(verb: Token, words: frozenset[str]) -> bool:
            return bool(lemma_keys(verb) & words)

        node = noun
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ in ("nmod", "compound") and node.head.dep_ == "pobj" and node.head.head.lower_ == "of":
            # "a Letter of Inquiry (LOI)": the parser hangs the name on the acronym after it
            node = node.head
        if node.dep_ == "compound" and node.head.lemma_.lower() == "payment":
            node = node.head  # "A periodic penalty payment ... is imposed on X": the payment is imposed
        if node.dep_ == "compound" and node.head.lemma_.lower() in ("process", "procedure"):
            node = node.head  # "opened an inspection process into the app": the process is opened
        if (
            node.dep_ == "compound"
            and noun.lemma_.lower() == "recall"
            and node.head.lemma_.lower() in ("plan", "report")
        ):
            node = node.head  # "filed a recall plan with SAMR": filing the plan is the recall
        if node.dep_ == "compound" and any(ch.isdigit() for ch in node.head.text):
            node = node.head  # "opened Recall Query AQ24-003": the parser heads the phrase with its number
        head = node.head
        for child in noun.children:
            if (
                child.dep_ in ("acl", "relcl")
                # "the inspection conducted March 11-13": the tagger may call the participle a past tense
                and (child.tag_ == "VBN" or (child.dep_ == "acl" and child.tag_ == "VBD"))
                and realizes(child, rule.realized_by)
                # "the investigation that the Office of Investigations initiated": its subject acts
                and not any(c.dep_ == "nsubj" for c in child.children)
            ):
                return child, "acl"
        if rule.type == "legislation":
            # "the ... Stablecoins Act (GENIUS Act), which was signed into law": the parser may hang
            # the relative clause on an earlier word of the long name
            # (or "Section 848 of the ... Act (Pub. L. 116-92), enacted on December 20, 2019": on the
            # section the law is cited by)
            holder = noun
            for _ in range(4):
                for child in holder.children:
                    relative = child.dep_ == "relcl" and any(
                        c.dep_ == "nsubjpass" and c.lower_ in ("which", "that") for c in child.children
                    )
                    participle = child.dep_ == "acl" and child.tag_ == "VBN" and holder.i != noun.i
                    if (relative or participle) and child.i > noun.i and realizes(child, frozenset({"sign", "enact"})):
                        return child, "passive"
                up = holder.head
                if up.i == holder.i or not (
                    up.pos_ in ("PROPN", "ADP") or up.lemma_.lower() in ("section", "title", "provision")
                ):
                    break
                holder = up
            # "Pursuant to the Export Control Law, adopted by the Standing Committee of the National
            # People's Congress on 17 October 2020, ...": the parser may hang the participle elsewhere
            after = noun.doc[noun.i + 1 : noun.i + 3]
            if len(after) == 2 and after[0].text == "," and after[1].tag_ == "VBN" and after[1].i != noun.head.i:
                participle = after[1]
                makers = [o for a in self._children(participle, ("agent",)) for o in self._children(a, ("pobj",))]
                if realizes(participle, frozenset({"adopt", "enact", "pass"})) and any(map(self._lawmaker, makers)):
                    return participle, "passive"
            for child in noun.children:
                # "the law, which passed the Oregon Legislature in March"
                if (
                    child.dep_ == "relcl"
                    and realizes(child, frozenset({"pass", "clear"}))
                    and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in child.children)
                    and self._children(child, ("dobj",))
                ):
                    return child, "legislature-object"
        # "issued Security Directive Pipeline-2026-02": the parser may take the numbered name for a
        # modifier of the verb; with no other object it is the object
        numbered_object = (
            node.dep_ == "npadvmod"
            and node.i > head.i
            and any(ch.isdigit() for ch in node.text)
            and not any(c.dep_ == "dobj" for c in head.children)
        )
        if (node.dep_ in ("dobj", "attr", "oprd") or numbered_object) and realizes(head, rule.realized_by):
            if realizes(head, _SEQUEL_REALIZERS) and rule.type in _RELATIVE_ACT_TYPES:
                # "The application follows an investigation that the Bureau launched": the
                # clause says who opened it; "follows" only says it happened
                relative = self._relative_realizer(noun, rule)
                if relative is not None:
                    return relative, "object"
            return head, "object"
        if (
            node.dep_ == "nsubj"
            and head.dep_ == "ccomp"
            and head.tag_ == "VBG"
            and head.head.i != head.i
            and realizes(head.head, rule.realized_by)
        ):
            # "promulgated the Cabinet Order amending the Order": the parser makes the object
            # the subject of a clause, but a gerund after it is what the order does
            return head.head, "object"
        if node.dep_ == "nsubjpass" and realizes(head, rule.realized_by):
            return head, "passive"
        if node.dep_ == "nsubj" and realizes(head, self.lex.intransitive_realizers):
            # "The Framework Act ..., which the National Assembly passed in December 2024, takes
            # effect in January": who passed it acted; the law only comes into force
            relative = self._relative_realizer(noun, rule) if rule.type == "legislation" else None
            return (relative, "object") if relative is not None else (head, "intransitive")
        if rule.type in ("investigation", "meeting"):
            # "caps an investigation that began in April", "the probe started in 2024": an inquiry
            # or talks that opened, told without who opened them
            if node.dep_ == "nsubj" and realizes(head, self.lex.opening_verbs) and not self._children(head, ("dobj",)):
                return head, "intransitive"
            for child in noun.children:
                if (
                    child.dep_ == "relcl"
                    and realizes(child, self.lex.opening_verbs)
                    and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in child.children)
                    and not self._children(child, ("dobj",))
                ):
                    return child, "intransitive"
        if (
            node.dep_ == "nsubj"
            and rule.type == "legislation"
            and realizes(head, frozenset({"become"}))
            and any(c.dep_ in ("attr", "acomp", "oprd") and c.lower_ == "law" for c in head.children)
        ):
            return head, "intransitive"  # "the legislation became law yesterday"
        if node.dep_ == "nsubj" and rule.type == "legislation" and realizes(head, frozenset({"pass", "clear"})):
            return head, "legislature-object"  # "the bill passed the House": the House acted
        if node.dep_ == "pobj" and head.lower_ == "with" and realizes(head.head, rule.realized_by):
            return head.head, "with"
        # "At its Nov. 20 public meeting, the Commission heard a presentation from X": who heard whom
        # at it ("heard representatives of X at its meeting": the parser may hang it on the heard)
        # (not "senators who questioned him at that hearing": one already told; nor "heard a first
        # reading of a policy": a paper, not a party)
        heard_at = head.head.head if head.head.dep_ == "dobj" else head.head
        if (
            rule.type == "meeting"
            and node.dep_ == "pobj"
            and head.lower_ in ("at", "during")
            and heard_at.pos_ == "VERB"
            and heard_at.dep_ != "relcl"
            and realizes(heard_at, _HEARING_VERBS)
            and not any(c.dep_ == "det" and c.lower_ in ("that", "this", "same") for c in noun.children)
            and any(c.dep_ == "nsubj" for c in heard_at.children)
            and any(self._heard_party(o) for o in self._children(heard_at, ("dobj",)))
        ):
            return heard_at, "with"
        if (
            rule.type == "investigation"
            and node.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.pos_ == "VERB"
            and realizes(head.head, frozenset({"refer"}) & rule.realized_by)
        ):
            return head.head, "object"  # "decided to refer the Merger for a phase 2 investigation"
        if (
            node.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in ("notice", "draft", "text")
            and head.head.dep_ in ("dobj", "nsubjpass")
            and realizes(head.head.head, rule.realized_by)
        ):
            # "published a notice of proposed rulemaking": the notice is how the rule is published
            return head.head.head, "object" if head.head.dep_ == "dobj" else "passive"
        if (
            rule.type == "order"
            and node.dep_ == "pobj"
            and head.lower_ == "by"
            and head.head.pos_ == "VERB"
            and any(c.dep_ == "nsubj" for c in head.head.children)
            and any(c.lower_ in ("executive", "presidential") for c in noun.children)
        ):
            # "by Executive Order 13873, the President declared a national emergency": the order
            # is how its signer acted, whatever the verb
            return head.head, "object"
        if (
            noun.dep_ == "appos"
            and node.dep_ == "pobj"
            and head.lower_ in ("on", "upon", "against")
            and realizes(head.head, rule.realized_by)
        ):
            # "imposes on Thornleigh Ltd (the Firm) a financial penalty": the parser hangs the
            # object, placed after the party, on the party's name
            return head.head, "object"
        if (
            node.dep_ == "pobj"
            and head.lower_ == "into"
            and realizes(head.head, frozenset({"enter"}))
            and "enter" in rule.realized_by
        ):
            # "entered into a plea agreement"; not "entered into a Consent Decree" as a promulgated one
            return head.head, "object"
        if (
            rule.type == "legislation"
            and node.dep_ == "pobj"
            and head.lower_ == "into"
            and node.i > head.i + 1
            and head.nbor(1).lower_ == "law"
            and realizes(head.head, frozenset({"sign"}))
        ):
            return head.head, "object"  # "signed into law H.R. 3307, the ... Act": the parser hangs the bill on "into"
        if (
            rule.type == "legislation"
            and node.dep_ == "pobj"
            and node.lower_ == "law"
            and head.lower_ == "into"
            and realizes(head.head, frozenset({"sign"}))
            and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in head.head.children)
        ):
            return head.head, "object"  # "PADFA, which President Biden signed into law on April 24"
        # "wrapped up two days of talks", "opened a round of negotiations"
        if node.dep_ == "pobj" and head.lower_ == "of":
            holder = head.head
            if holder.dep_ == "conj" and holder.head.dep_ == "pobj" and holder.head.head.lower_ == "of":
                holder = holder.head.head.head  # "a Notice of Violation and Proposed Imposition of Civil Penalty"
            if holder.dep_ in ("dobj", "nsubjpass") and realizes(holder.head, rule.realized_by):
                return holder.head, "object" if holder.dep_ == "dobj" else "passive"
        # "proposed $386,410 in penalties": the sum is the object, the penalty hangs on it
        if node.dep_ == "pobj" and head.lower_ == "in" and head.head.dep_ in ("dobj", "nsubjpass"):
            amount = head.head
            if (amount.ent_type_ == "MONEY" or amount.like_num) and realizes(amount.head, rule.realized_by):
                return amount.head, "object" if amount.dep_ == "dobj" else "passive"
        if rule.type in _RELATIVE_ACT_TYPES:
            # "the rule, which the Commission adopted in May": only when nothing else
            # realizes the noun ("finalizing a penalty it proposed last year" is the finalizing)
            relative = self._relative_realizer(noun, rule)
            if relative is not None:
                return relative, "object"
        return None, ""

    def _heard_party(self, heard: Token) -> bool:
        """Who a body hears: a party named or described, or one a presentation is "from"."""
        if heard.lemma_.lower() in _SPOKEN_PIECES:
            return any(map(self._heard_party, self._prep_objects(heard, ("from", "by"))))
        lemma = heard.lemma_.lower()
        return (
            bool(heard.ent_type_)
            or lemma in self.actor_words
            or lemma in self.lex.people_nouns
            or lemma in _HEARD_ROLES
        )

    def _relative_realizer(self, noun: Token, rule: TriggerRule) -> Token | None:
        """ "an investigation that the Bureau launched": a relative clause whose subject did the act."""
        relatives = list(noun.children)
        if rule.type == "legislation":
            relatives += self._relatives_after_citation(noun)
        for child in relatives:
            if (
                # the parser also hangs "an investigation that the Bureau launched" as a clause
                child.dep_ in ("relcl", "acl")
                and child.tag_ in ("VBD", "VBN")
                and lemma_keys(child) & rule.realized_by
                and any(
                    c.dep_ == "nsubj"
                    and c.lower_ not in ("which", "that", "who")
                    # "the mitigation measures Kaiyuan proposed": only lawmakers' measures are laws
                    and (rule.type != "legislation" or self._lawmaker(c))
                    for c in child.children
                )
            ):
                return child
        return None

    def _holder_or_offerer(self, heads: list[Token], ents: dict[int, Span]) -> list[RoleFiller]:
        """ "revoked three export licences held by Thornbury Optics", "made binding the commitments
        offered by Velloria Pay": the holder, or the one who offered, is the one acted on."""
        return [
            f
            for head in heads
            for held in head.children
            if held.dep_ == "acl"
            and (
                (head.lemma_.lower() in _PERMIT_NOUNS and held.lemma_.lower() == "hold")
                or (
                    head.lemma_.lower() in _PLEDGE_NOUNS
                    and held.lemma_.lower() in ("offer", "give", "submit", "propose")
                )
            )
            for by in held.children
            if by.dep_ == "agent"
            for holder in self._children(by, ("pobj",))
            for f in self.fillers(holder, ents, deep=True)
        ] + [
            # "revoked licences allowing it to ship its accelerators to China": the one allowed
            f
            for head in heads
            if head.lemma_.lower() in _PERMIT_NOUNS
            for allowing in head.children
            if allowing.dep_ == "acl" and allowing.lemma_.lower() in ("allow", "permit", "authorize", "authorise")
            for allowed in [
                *self._children(allowing, ("dobj",)),
                *(s for c in self._children(allowing, ("ccomp", "xcomp")) for s in self._children(c, ("nsubj",))),
            ][:1]
            for f in self.fillers(allowed, ents)
        ]

    def _what_was_halted(self, heads: list[Token], verb: Token, ents: dict[int, Span]) -> list[RoleFiller]:
        """ "suspended sales of the Domo 1", "shipments to four distributors": the product or the
        customers an activity concerned, not the activity; "halted sales in Italy" names neither,
        so it is the product last mentioned (an anaphor resolved later)."""
        found: list[RoleFiller] = []
        for head in heads:
            if head.pos_ == "VERB":
                # "stopped selling the original PulseLoop in the EU", "stopped selling it": what was sold
                sold = [
                    replace(f, anaphor="PRODUCT|ORG") if f.anaphor else f
                    for obj in self._children(head, ("dobj",))
                    for f in self.fillers(obj, ents)
                    if f.type not in ("PLACE", "GOV")
                ]
                if sold:
                    found += sold
                    continue
            if lemma_keys(head).isdisjoint(self.lex.activity_nouns):
                continue
            concerned: list[RoleFiller] = []
            # the parser hangs "to four distributors" on the noun or on the verb
            for prep in [*head.children, *(c for c in verb.children if c.i > head.i)]:
                if prep.dep_ != "prep" or prep.lower_ not in ("of", "to", "for", "from", "in", "on"):
                    continue
                for obj in self._children(prep, ("pobj",)):
                    if (
                        obj.ent_type_ in ("DATE", "TIME")
                        or obj.lemma_.lower() in _GROUNDS
                        # "suspended withdrawals for eleven days"
                        or re.match(_SPANS_OF_TIME, obj.lower_)
                        or _CALENDAR_WORD.match(obj.text)
                    ):
                        continue  # "on February 14", "on suspicion that ...": when and why, not what
                    named = [f for f in self.fillers(obj, ents, deep=True) if f.entity_id]
                    if any(f.type in ("PLACE", "GOV") for f in named):
                        continue  # "in Italy": where, not what
                    phrase = _phrase(obj)
                    concerned += named or [RoleFiller(phrase.text, phrase.start_char, phrase.end_char)]
            if concerned and not any(f.entity_id for f in concerned):
                # "suspended all shipments of items subject to the EAR to Velquist Wuxi": the parser
                # hangs the buyer on the EAR; a named buyer beats the unnamed goods
                buyers = [
                    f
                    for prep in head.subtree
                    if prep.dep_ == "prep" and prep.lower_ == "to"
                    for obj in self._children(prep, ("pobj",))
                    for f in self.fillers(obj, ents, deep=True)
                    if (f.entity_id and f.type == "ORG") or (obj.pos_ == "PROPN" and f.type not in ("PLACE", "GOV"))
                ]
                concerned = buyers or concerned
            if not concerned:
                # "suspended the company's driverless testing permits": whose permits they were
                concerned = [
                    f
                    for owner in self._children(head, ("poss",))
                    if owner.pos_ != "PRON"
                    for f in self.fillers(owner, ents)
                    if f.entity_id or f.anaphor
                ]
            if not concerned and not any(c.dep_ in ("poss", "compound") for c in head.children):
                concerned = [
                    RoleFiller(
                        head.text,
                        head.idx,
                        head.idx + len(head.text),
                        anaphor="PRODUCT",
                        sentence_start=head.sent.start_char,
                    )
                ]
            found += concerned
        return found

    def _questioned(self, trigger: Token, anchor: Token, ents: dict[int, Span]) -> list[RoleFiller]:
        """Named subjects of the "whether" clauses an investigation asks about.

        The clause hangs on the probe ("an investigation into whether ...") or on the act
        that opened it, as its purpose ("opened proceedings to assess whether ...").
        """
        purposes = [c for c in anchor.children if c.dep_ in ("advcl", "xcomp")] if anchor.i != trigger.i else []
        # "initiated an investigation in order to determine whether the undertaking has violated ..."
        purposes += [
            c
            for c in anchor.children
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "order" for g in c.children)
        ]
        found: list[RoleFiller] = []
        for token in [*trigger.subtree, *(t for p in purposes for t in p.subtree)]:
            if token.i != trigger.i and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
                subjects = self._children(token, ("nsubj", "nsubjpass"))
                if not subjects and token.pos_ == "NOUN":
                    # "whether Varentis complies with": the parser may read the verb as a plural noun
                    subjects = self._children(token, ("compound",))
                for subject in subjects:
                    found += [f for f in self.fillers(subject, ents) if f.entity_id or _description(f)]
        return found

    def _found_liable(self, verb: Token, ents: dict[int, Span]) -> list[RoleFiller]:
        """The named subjects of a verdict's findings ("finding Tanager liable", "found that X ...")."""
        findings = [verb] if verb.lemma_.lower() == "find" else []
        findings += [
            f
            for o in self._children(verb, ("dobj",))
            for f in self._children(o, ("acl",))
            if f.lemma_.lower() == "find"
        ]
        found: list[RoleFiller] = []
        for finding in findings:
            for clause in self._children(finding, ("ccomp",)):
                if any(c.dep_ == "neg" for c in clause.children):
                    continue  # "found that Quillfeather had not proved ...": the claim that failed
                for subject in self._children(clause, ("nsubj", "nsubjpass")):
                    found += [f for f in self.fillers(subject, ents) if f.entity_id or subject.pos_ == "PROPN"]
        return found

    def _found_in_breach(self, anchor: Token, ents: dict[int, Span]) -> list[RoleFiller]:
        """Named subjects of what the act's own "finding that ..." clause says was violated."""
        found: list[RoleFiller] = []
        for token in anchor.sent:
            if token.lemma_.lower() != "find" or token.tag_ != "VBG":
                continue
            for clause in self._children(token, ("ccomp",)):
                for subject in self._children(clause, ("nsubj", "nsubjpass")):
                    found += [f for f in self.fillers(subject, ents) if f.entity_id]
        return found

    def _lawmaker_meant(self, pronoun: Token) -> Token | None:
        """ "Rep. Lowenna Price ... pressed Wendt on a bill she introduced in March": the sentence's
        subject, if one lawmaking person, is who "she" is (an undated "which she introduced with a
        colleague" only describes the bill)."""
        if not any(t.ent_type_ == "DATE" or t.lower_ in dates.CALENDAR_NAMES for t in pronoun.head.subtree):
            return None
        subject = next((c for c in pronoun.sent.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.ent_type_ != "PERSON" or not self._lawmaker(subject):
            return None
        return subject

    def _lawmaker(self, token: Token) -> bool:
        """A legislature, a legislator or a head of government: who can pass, sign or propose a law."""
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                # "the General Assembly" the tagger took for a company is still a legislature
                return ent._.entity_type in ("LEGISLATURE", "GOV", "PERSON", "AGENCY") or (
                    token.lemma_.lower() in self.lex.lawmaker_words
                )
        if token.lower_ in ("he", "she") and token.head.dep_ == "relcl":
            return self._lawmaker_meant(token) is not None
        if token.lemma_.lower() in ("group", "coalition", "pair", "trio") and token.pos_ == "NOUN":
            # "a bipartisan group of House members": the members make the law
            return any(self._lawmaker(o) for o in self._prep_objects(token, ("of",)))
        if token.lemma_.lower() == "member" and any(
            c.dep_ in ("compound", "poss") and c.ent_type_ and self._lawmaker(c) for c in token.children
        ):
            return True  # "House members", "the Senate's members"
        return token.lemma_.lower() in self.lex.lawmaker_words

    def _relief_parties(self, asked: Token) -> list[Token]:
        """ "granted the state's request for a temporary restraining order barring Pallister",
        "declined to dismiss the FTC's lawsuit against Kestrand": the party the relief or the suit
        is aimed at, not the one who asked for it."""
        if asked.lemma_.lower() not in _ASKED_FOR or not any(c.dep_ == "poss" for c in asked.children):
            return []
        parties: list[Token] = []
        for token in asked.subtree:
            if token.dep_ == "prep" and token.lower_ == "against":
                parties += self._children(token, ("pobj",))
            elif token.dep_ == "acl" and token.lemma_.lower() in _RESTRAINING_VERBS:
                parties += self._children(token, ("dobj",))
        return parties

    @staticmethod
    def _mistagged_verb(token: Token) -> bool:
        """ "We affirm.", "We AFFIRM.": the small model tags a bare predicate after a pronoun as anything."""
        return (
            token.pos_ in ("ADJ", "NOUN", "ADV", "PROPN")
            and token.dep_ == "ROOT"
            and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children)
        )

    @staticmethod
    def _now_available(token: Token) -> bool:
        """ "Live Translate is now available in Canada": a copula that tells a launch, as "became available" does."""
        return (
            token.lemma_ == "be"
            and any(c.dep_ == "acomp" and c.lower_ == "available" for c in token.children)
            and any(c.dep_ == "advmod" and c.lower_ == "now" for c in token.children)
        )

    def _mistagged_noun(self, token: Token) -> bool:
        """ "a notice of proposed rulemaking", "after the hearing": a trigger noun the tagger took
        for a verb, though it has no object or subject of its own."""
        return (
            # ..., or for an adjective: "convened a roundtable with banks"
            (token.pos_ == "VERB" or (token.pos_ == "ADJ" and token.is_lower))
            and token.lower_ in self.noun_rules
            and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")
            and not any(c.dep_ in ("dobj", "nsubj", "aux", "auxpass", "prt") for c in token.children)
        )

    def _conjoined_acts(
        self, noun: Token, rule: TriggerRule, ents: dict[int, Span], noun_triggers: frozenset[int]
    ) -> list[Candidate]:
        """ "The bill passed the House on May 2 and passed the Senate two days later": two acts.

        A second verb that realizes the same noun and shares its subject (it has
        none of its own) is a further happening with its own roles and date.
        """
        if not rule.realized_by:
            return []
        realizer, how = self._realizer(noun, rule)
        if realizer is None or how not in ("object", "legislature-object"):
            return []
        found = []
        for verb in realizer.conjuncts:
            if verb.i <= realizer.i or verb.pos_ != "VERB" or not lemma_keys(verb) & rule.realized_by:
                continue
            own_subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "the Act, which the General Assembly passed in March and the Governor signed":
            # a second lawmaker's act on the same law
            relative_law = rule.type == "legislation" and realizer.dep_ == "relcl"
            # "The Legislature passed the Act in March, and the governor signed it on April 2"
            restated = rule.type == "legislation" and any(
                c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children
            )
            if own_subjects and not ((relative_law or restated) and all(self._lawmaker(c) for c in own_subjects)):
                continue
            if how == "object" and not any(c.dep_ == "dobj" for c in verb.children) and not relative_law:
                continue
            if rule.type != "legislation" and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
                continue  # "levied a fine ... and ordered us to bring that processing into compliance"
            candidate = self.noun_candidate(noun, rule, ents, noun_triggers, realized=(verb, how))
            if candidate is not None:
                found.append(candidate)
        return found

    def _agent_type(self, agent: list[RoleFiller], subject: Token | None) -> str | None:
        if (
            subject is not None
            and subject.lemma_.lower() in self.lex.bench_titles
            and subject.pos_ == "NOUN"
            # (or by the name in apposition: 'the presiding administrative law judge ("ALJ"), Judge Ruth A. Ilsley')
            and all(f.type in (None, "ORG", "PERSON") for f in agent)
        ):
            # "the presiding administrative law judge (ALJ) issued a final initial determination":
            # a judge decides, whatever the model made of the bracketed initials
            return "COURT"
        for filler in agent:
            if filler.type:
                return filler.type
            if filler.anaphor:
                return filler.anaphor.split("|")[0]
        if subject is not None and subject.lemma_.lower() in self.lex.anaphors.get("COURT", ()):
            return "COURT"
        if subject is not None and subject.lemma_.lower() in ("commissioner", "minister", "secretary"):
            return "AGENCY"  # "the Commissioner issued a Temporary Order": an office, not a bench
        return None

    def _finish(self, candidate: Candidate, rule: TriggerRule, subject: Token | None) -> Candidate | None:
        agent_type = self._agent_type(candidate.agent, subject)
        if agent_type is None and not candidate.agent and subject is None and rule.passive_agent_type:
            agent_type = rule.passive_agent_type
        possible = {kind for f in candidate.agent if f.anaphor for kind in f.anaphor.split("|")}
        # "the Senate, which passed it": the relative stands for its antecedent
        named = (
            subject.head.head
            if subject is not None and subject.lower_ in ("which", "who", "that") and subject.head.dep_ == "relcl"
            else subject
        )
        if rule.subject_lemmas and (named is None or named.lemma_.lower() not in rule.subject_lemmas):
            return None
        if rule.requires_party_target and not any(
            f.entity_id or (f.anaphor and "ORG" in f.anaphor.split("|")) for f in candidate.target
        ):
            return None
        if candidate.type == "designation" and subject is not None and subject.lower_ in self.lex.party_roles:
            return None  # "Respondent has since designated each of its agent locations": naming, not listing
        if (
            rule.requires_agent_type
            and agent_type not in rule.requires_agent_type
            and not possible & rule.requires_agent_type
        ):
            benches = ("judge", "justice", "court", "panel", "jury", "tribunal", "bench")
            court_subject = subject is not None and (
                subject.lemma_.lower() in benches
                # ("the Tribunal of the Administrative Council for Economic Defense": an agency's board)
                and not (subject.lemma_.lower() == "tribunal" and self._prep_objects(subject, ("of",)))
                # "Judge Amit Mehta ruled": the title names the bench
                or any(c.dep_ == "compound" and c.lemma_.lower() in ("judge", "justice") for c in subject.children)
                or self._judge_named_before(subject)
            )
            if not (court_subject and "COURT" in rule.requires_agent_type):
                return None
        # "I signed into law S. 2214": a President or governor speaking, whatever "I" may stand for
        first_person = subject is not None and subject.lower_ == "i"
        # "the Council adopted Ordinance 121-O-25": a council named by no entity is a city's, and legislates
        local_council = (
            rule.type == "legislation"
            and subject is not None
            and subject.lemma_.lower() == "council"
            and not any(f.type for f in candidate.agent)
        )
        if agent_type and agent_type in rule.type_by_agent and not first_person and not local_council:
            candidate.type = rule.type_by_agent[agent_type]
        if (
            candidate.type == "meeting"
            and subject is not None
            and subject.lemma_.lower() in self.lex.staff_nouns
            and lemma_keys(subject.head) & {"visit"}
        ):
            candidate.type = "investigation"  # "EPA inspectors visited the warehouse": an inspection
        if (
            candidate.type == "launch"
            and agent_type in ("AGENCY", "GOV", "COURT", "LEGISLATURE")
            and "ORG" not in possible  # "we launched PulseLoop Pro": a company's "we" too
        ):
            return None  # "the Commission's Report and Order, adopted ... and released September 22"
        if (
            candidate.type == "legislation"
            and candidate.trigger.lower().endswith(("measure", "resolution"))
            and not (subject is not None and self._lawmaker(subject))
            and not any(
                f.type == "LEGISLATURE" or re.search(r"\b(?:governor|president|mayor|premier)\b", f.text, re.I)
                for f in candidate.agent
            )
        ):
            # "the authority has ordered ..., in a preventive measure signed on Monday": its order; "The
            # commission's board (Pleno) approved the resolution": its decision
            return None
        if (
            candidate.type == "legislation"
            and candidate.trigger.lower().endswith("measures")
            and agent_type not in ("LEGISLATURE", None)
        ):
            return (
                None  # "the Government approved the following measures at today's Cabinet meeting": sanctions, no bill
            )
        if (
            candidate.type == "legislation"
            and subject is not None
            and not self._lawmaker(subject)
            and (agent_type == "ORG" or subject.lemma_.lower() in self.lex.anaphors.get("ORG", ()))
        ):
            return None  # "the orders require the companies to adopt board resolutions"
        if (
            candidate.type == "order"
            and agent_type not in ("AGENCY", "GOV", "COURT", "LEGISLATURE")
            and subject is not None
            and (rule.pos == "VERB" or self._titled_judge(subject))
        ):
            # "Pryce directed technicians to ...", "Acme ordered 500 chips": only an office gives orders
            titles = {t.lemma_.lower() for t in subject.subtree} | {
                t.lemma_.lower() for t in subject.doc[max(subject.left_edge.i - 3, 0) : subject.left_edge.i]
            }
            acronym = any(t.text.isupper() and 2 < len(t.text) <= 7 for t in subject.subtree)
            officeholder = titles & (self.lex.official_titles | self.lex.actor_nouns - _COMPANY_NOUNS) or acronym
            if titles & self.lex.bench_titles:
                candidate.type = "ruling"  # "Justice X ... issued conservatory orders": the bench's
            elif rule.pos == "VERB" and not officeholder:
                return None  # (an order noun a titled judge issued has passed the bench test above)
        return candidate

    def noun_candidate(
        self,
        noun: Token,
        rule: TriggerRule,
        ents: dict[int, Span],
        noun_triggers: frozenset[int] = frozenset(),
        realized: tuple[Token, str] | None = None,
    ) -> Candidate | None:
        named = ents.get(noun.i)
        if named is not None and named._.entity_type in ("AGENCY", "GOV", "COURT") and named.end - named.start > 1:
            return None  # "the Office of Foreign Assets Control of the Treasury": a word of a body's name
        official_owner = self._official_owner(noun, ents) if rule.nominal_roles else None
        # "an examination of the casino by the IRS in 2023": a named agency's inspection of a named
        # party needs no "formal" to be one
        # (not a docket entry's "NOTICE of Filing ... by Bureau of ...": a paper, not an inspection)
        specific = official_owner is not None and bool(self._prep_objects(noun, ("of",))) and not noun.is_upper
        if not (self._modifier_ok(noun, rule) or specific) or not self._context_ok(noun, rule, ents):
            return None
        if rule.type == "designation" and noun.lemma_.lower() == "sanction" and noun.tag_ == "NN":
            return None  # "The sanction was imposed by Resolution No. 18442": one penalty, not a listing
        if (
            rule.type == "penalty"
            and noun.dep_ in ("dobj", "nsubjpass")
            and noun.head.lemma_.lower() in ("unseal", "seal")
        ):
            return None  # "ORDER TO UNSEAL THE INDICTMENT": a paper opened to the public, charged before
        if rule.type == "lawsuit" and any(c.dep_ == "amod" and c.lower_ == "criminal" for c in noun.children):
            return None  # "a criminal complaint charges X": the prosecution's charge, no civil suit
        if rule.type == "legislation" and noun.lemma_.lower() == "code" and noun.ent_type_ != "LAW":
            return None  # "signed the Vermont Kids Code", not "signed the code of practice"
        if rule.requires_object_type and not any(
            self._product_noun(o)
            or _MODEL_NUMBER.fullmatch(o.text)
            or (o.i in ents and ents[o.i]._.entity_type == "PRODUCT")
            for o in self._prep_objects(noun, rule.target_preps or ("of",))
        ):
            return None  # "began shipments of its CM-9 inference chip", not "began shipments to Tehran"
        if rule.type in ("order", "rule") and _BROKEN.search(
            noun.doc[max(noun.sent.start, noun.left_edge.i - 3) : noun.left_edge.i].text
        ):
            return None  # "a penalty for non-compliance with certain directions issued by RBI": what was broken
        if rule.type == "lawsuit" and _FILING_WINDOW.search(noun.doc[noun.sent.start : noun.i].text):
            return None  # "The time for filing a petition for review has expired": a right not used
        if realized is not None:
            realizer, how = realized
        else:
            realizer, how = self._realizer(noun, rule) if rule.realized_by else (None, "")
        if realizer is not None and realizer.dep_ == "pcomp" and realizer.head.lower_ == "without":
            return None  # "fined it without holding a hearing"
        if (
            rule.type in ("rule", "suspension", "investigation", "meeting")
            and realizer is not None
            and realizer.dep_ == "xcomp"
            and lemma_keys(realizer.head) & {"direct", "instruct", "require", "tell"}
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in self.directing_texts for c in realizer.head.children)
        ):
            return None  # "The law directs the Utilities Commission to adopt rules": a duty laid down, not yet done
        if (
            realizer is not None
            and realizer.dep_ == "pcomp"
            and realizer.tag_ == "VBG"
            and realizer.head.lower_ in ("before", "after")
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        ):
            return None  # "Before issuing the order, the JFTC notified Asamizu": the order told, as a time
        if (
            realizer is not None
            and lemma_keys(realizer) & _SEQUEL_REALIZERS
            and (official_owner is not None or self._prep_objects(noun, ("by",)))
        ):
            # "The letter followed an FDA inspection", "follow an examination ... by the IRS": the
            # inspection names its own inspector; "follows" only says it came first
            realizer, how = None, ""
        if (
            realizer is not None
            and realizer.dep_ in ("relcl", "acl")
            and realizer.head.i != noun.i
            and realizer.head.i in noun_triggers
            and not self._local_moratorium(rule, realizer.head)
        ):
            return None  # "a rule that expands export controls": what the rule does, not a second act
        if (
            realizer is not None
            and realizer.dep_ == "xcomp"
            and realizer.head.dep_ in ("relcl", "acl")
            and realizer.head.head.i in noun_triggers
        ):
            return None  # "a stipulated order that requires X to pay a civil penalty": that order's terms
        if (
            realizer is not None
            and realizer.dep_ in ("relcl", "acl")
            and realizer.head.i == noun.i
            and any(c.dep_ == "amod" and c.tag_ == "JJS" for c in noun.children)
        ):
            return None  # "the largest sanction the authority has imposed": a record, not an act
        if (
            realizer is not None
            and realizer.dep_ == "advcl"
            and realizer.tag_ == "VBG"
            and any(
                c.i in noun_triggers and not self._local_moratorium(rule, c)
                for c in realizer.head.children
                if c.dep_ in ("dobj", "nsubjpass")
            )
        ):
            return None  # "published a rule on May 2, tightening controls": the rule's content
        nominal = rule.nominal_roles and not realizer
        if rule.realized_by and realizer is None and not nominal:
            return None
        if (
            nominal
            and rule.type == "investigation"
            and noun.dep_ in ("dobj", "nsubjpass")
            and noun.head.lemma_.lower() in _ENDING_VERBS
        ):
            return None  # "we concluded our inquiry into X": its end, not its opening
        if rule.type == "penalty" and realizer is not None and self._ordered_by_bench(realizer, ents):
            return None  # "the Federal Court ordered Wattlestone to pay $6.2 million in penalties": the ruling
        anchor = realizer or noun
        if not self.is_factual(anchor, noun, rule.ignore_governors, rule.ignore_modals):
            return None
        agent_head = target_heads = None
        subject = None
        targets: list[Token] = self._prep_objects(noun, rule.target_preps)
        if nominal:
            possessors = self._children(noun, ("poss",))
            by = next(iter(self._prep_objects(noun, ("by",))), None)
            if by is None and possessors and noun.dep_ == "dobj":
                # the model may hang "by the Office of Foreign Assets Control" on an active verb,
                # where "by" cannot bring its agent: it is the designation's
                by = next(
                    (
                        o
                        for o in self._prep_objects(noun.head, ("by",))
                        if o.i in ents and ents[o.i]._.entity_type in ("AGENCY", "GOV")
                    ),
                    None,
                )
            agent_head = possessors[0] if possessors else by
            agent_head = agent_head or official_owner  # "an FDA inspection of the plant"
            if (
                agent_head is None
                and rule.type == "designation"
                and noun.dep_ == "dobj"
                and lemma_keys(noun.head)
                & {
                    "approve",
                    "decide",
                    "agree",
                }
            ):
                # "the Committee ... approved the addition of the entry specified below to its list" (a
                # "pursuant to ..." after the body may make the parser hang the body on "pursuant")
                agent_head = self.subject_of(noun.head) or next(
                    (
                        s
                        for c in noun.head.children
                        if c.dep_ == "parataxis" and c.i < noun.head.i
                        for s in c.children
                        if s.dep_ == "nsubj"
                    ),
                    None,
                )
            targets = self._prep_objects(noun, ("of",) if rule.type == "designation" else rule.target_preps)
            if possessors and by is not None and not targets:
                # "challenged its designation by the Office of Foreign Assets Control": the one
                # possessing an act done "by" someone else suffers it
                agent_head, targets = by, possessors[:1]
            under = noun.dep_ == "pobj" and noun.head.lower_ == "under"
            if under:
                # "Velkor is under investigation by the SEC": the subject is investigated
                holder = noun.head.head
                targets = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")] or targets
            if agent_head is None or not targets:
                return None  # "an addition to the list" with nobody named: a topic, not an act
        elif how in ("passive", "acl"):
            agent_head = next(
                iter(g for a in self._children(realizer, ("agent",)) for g in a.children if g.dep_ == "pobj"), None
            )
            # "the NRC inspection conducted at your Evansville facility": the owner inspects what it visits
            agent_head = agent_head or official_owner
            visited = ("at",) if rule.type == "investigation" else ()
            targets = targets or self._prep_objects(realizer, rule.target_preps + ("to",) + visited)
            # "the date this Consent Order is entered on the administrative docket": where it is kept
            targets = [t for t in targets if t.lemma_.lower() not in self.lex.record_places]
            if agent_head is None and noun.dep_ == "pobj" and noun.head.lower_ in ("by", "through", "in", "via"):
                means_of = noun.head.head
                if means_of.pos_ == "VERB":
                    agent_head = self.subject_of(means_of)  # "FMCSA established X by a rule published in 2016"
            told = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "during") else None
            if rule.type == "meeting" and agent_head is None and told is not None and told.pos_ == "VERB":
                # "Varentis ... was heard by the Commission's services at a technical meeting held on
                # 24 March": who heard whom at it
                heard_by = [g for a in self._children(told, ("agent",)) for g in self._children(a, ("pobj",))]
                if heard_by:
                    agent_head = heard_by[0]
                    teller = self.subject_of(told)
                    targets = targets or ([teller] if teller is not None else [])
            if (
                agent_head is None
                and realizer.dep_ == "ccomp"
                and realizer.head.lemma_.lower() in self.lex.announcing_verbs
            ):
                # "The Privacy Commissioner announced today that an enforcement notice was served on X":
                # a body announcing its own act in the passive
                announcer = self.subject_of(realizer.head)
                named = ents.get(announcer.i) if announcer is not None else None
                official = announcer is not None and (
                    announcer.lemma_.lower() in self.lex.anaphors.get("AGENCY", ())
                    or announcer.lemma_.lower() in self.lex.official_titles
                )
                if (named is not None and named._.entity_type in ("AGENCY", "GOV")) or (named is None and official):
                    agent_head = announcer
        elif how == "intransitive":
            # "the staff's investigation, which began in November 2024": the body the possessive
            # points back to opened it
            agent_head = next(
                (
                    p
                    for p in self._children(noun, ("poss",))
                    if "AGENCY" in (self._anaphor_kind(p) or "").split("|")
                    and noun.tag_ == "NN"
                    and realizer.lemma_.lower() in self.lex.opening_verbs
                ),
                None,
            )
        elif how == "legislature-object":
            agent_head = next(iter(self._children(realizer, ("dobj",))), None)
        else:
            subject = self.subject_of(realizer)
            flipped = realizer.lemma_.lower() in self.lex.receive_verbs or rule.subject_role == "target"
            subject_entity = ents.get(subject.i) if subject is not None else None
            # "the Commission accepted the executed Consent Agreement": a body named by its kind
            described_body = (
                subject_entity is None
                and subject is not None
                and subject.pos_ != "PRON"
                and realizer.lemma_.lower() == "accept"
                and bool({"AGENCY", "COURT"} & set((self._anaphor_kind(subject) or "").split("|")))
            )
            if (
                flipped
                and rule.subject_role != "target"
                and (
                    described_body
                    or (
                        subject_entity is not None
                        and subject_entity._.entity_type in ("AGENCY", "GOV", "COURT")
                        and (self._prep_objects(noun, ("with", "from")) or self._prep_objects(realizer, ("from",)))
                    )
                )
            ):
                # "the FTC accepted a consent agreement with Brightfold": the agency accepts
                # what the company offers, so it is the enforcer
                flipped = False
                targets = targets + self._prep_objects(noun, ("from",)) + self._prep_objects(realizer, ("from",))
            if flipped:
                target_heads = subject
                # "received a subpoena from the SEC": the "from" hangs on the verb or on the noun
                senders = self._prep_objects(realizer, ("from", "by")) or self._prep_objects(noun, ("from",))
                if realizer.lemma_.lower() in ("pay", "remit"):
                    # "Respondent shall pay a civil penalty to the Department by cashier's check": "by" the
                    # means of paying; in an order's terms the payee is its maker (elsewhere "to the
                    # Treasury" may only be where the money goes)
                    senders = [s for s in senders if s.lemma_.lower() not in _PAYMENT_MEANS]
                    if not senders and subject is not None and subject.lower_ in self.lex.party_roles:
                        senders = self._prep_objects(realizer, ("to",))
                    if not senders and realizer.dep_ == "xcomp" and lemma_keys(realizer.head) & _ORDERING_VERBS:
                        # "the Commission ordered Sorae to pay a surcharge": who orders the payment exacts it
                        orderer = self.subject_of(realizer.head)
                        named = ents.get(orderer.i) if orderer is not None else None
                        if named is not None and named._.entity_type in ("AGENCY", "GOV"):
                            senders = [orderer]
                agent_head = next(iter(senders), None)
            else:
                agent_head = subject
                if subject is not None and subject.lower_ in ("who", "which", "that") and realizer.dep_ == "relcl":
                    agent_head = realizer.head  # "Governor Gavin Newsom, who signed the ... Law": the governor
                if how == "with":
                    heard = self._children(realizer, ("dobj",))
                    # ("heard a presentation from lottery courier Ticketrove": the one who presented)
                    heard = [
                        speaker
                        for h in heard
                        for speaker in (
                            self._prep_objects(h, ("from", "by")) if h.lemma_.lower() in _SPOKEN_PIECES else [h]
                        )
                    ]
                    targets = heard + targets
                realizer_preps = tuple(
                    dict.fromkeys(
                        ("to", "on", "against")
                        # ("issued an order ... into Russia": where a flight went; an inquiry "into" X is X's)
                        + tuple(
                            p
                            for p in rule.target_preps
                            if p not in ("of", "for") and (p != "into" or rule.type == "investigation")
                        )
                    )
                )
                if rule.type == "launch":
                    realizer_preps = ()  # "began shipments of its chip to U.S. cloud customers": buyers, not the launched
                targets = self._children(realizer, ("dative",)) + targets + self._prep_objects(realizer, realizer_preps)
                if (
                    not targets
                    and rule.type == "penalty"
                    and realizer.dep_ == "conj"
                    and lemma_keys(realizer.head) & self.lex.citing_verbs
                    and not any(c.dep_ in SUBJECT_DEPS for c in realizer.children)
                ):
                    # "cited Brimhall for six violations and proposed $386,410 in penalties"
                    targets = self._children(realizer.head, ("dobj",))
        if rule.type == "lawsuit" and not targets:
            # "filed a putative class action in the U.S. District Court for the Northern District
            # of California against the Company": the parser may hang "against" on the court's name
            targets = [
                o
                for t in noun.sent
                if t.lower_ == "against"
                and t.i > noun.i
                and t.head.i in ents
                and ents[t.head.i]._.entity_type == "COURT"
                for o in self._children(t, ("pobj",))
            ]
        # "a Temporary Order to Cease and Desist against Respondent": the order's name, not its party
        targets = [t for t in targets if t.lower_ not in ("cease", "desist")]
        if rule.type == "penalty":
            # "imposed a monetary penalty of ₹2.45 crore on Narmadagiri Payments Bank (the bank) for
            # non-compliance with ...": the parser hangs the party on the sum, and then "for" and
            # "with" only say why
            sums = [
                o
                for o in self._prep_objects(noun, ("of",))
                if any(t.ent_type_ == "MONEY" or t.like_num for t in o.subtree)
            ]
            charged = [t for amount in sums for t in self._prep_objects(amount, ("on", "against"))]
            if charged:
                reasons = {
                    t.i
                    for holder in (noun, realizer)
                    if holder is not None
                    for t in self._prep_objects(holder, ("for", "with"))
                }
                targets = [t for t in targets if t.i not in reasons] + charged
        if rule.type in ("order", "suspension") and not targets:
            targets = self._award_holders(realizer or noun)
        if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_.lower() == "subject":
            # "Tomoe Sokki was previously subject to a cease-and-desist order ... for bid rigging":
            # who is subject to the act is its target, whatever else the act is "for"
            bound = noun.head.head
            holder = bound.head if bound.dep_ in ("acomp", "amod") else bound
            targets = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")] or targets
        if rule.type in ("order", "suspension") and not targets and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "State agencies must remove the Kindra app ... under an executive order the governor
            # signed": what is done under the order is what it acts on
            done = noun.head.head
            if done.pos_ in ("VERB", "AUX"):
                targets = self._children(done, ("dobj", "nsubjpass"))
        # "an indictment charging X", "amendments requiring X", "suit challenging X's decision"
        participle_objects = []
        naming = _NAMING_PARTICIPLES | (_RECALLED_BY if rule.type == "suspension" else set())
        # "a Safety Recall Report ... covering 31,406 pickups": the participle may hang on the report
        holders = (noun, anchor, noun.head) if noun.dep_ == "compound" else (noun, anchor)
        for holder in holders:
            for child in holder.children:
                # ... or "a stipulated order that requires Pinwheel Pals to pay"
                relative = child.dep_ == "relcl" and any(
                    c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in child.children
                )
                if ((child.dep_ in ("acl", "advcl", "xcomp") and child.tag_ == "VBG") or relative) and lemma_keys(
                    child
                ) & naming:
                    objects = self._children(child, ("dobj",))
                    # ("covering 21,300 model year 2025 Brisa hatchbacks": the parser may make
                    # the vehicles an apposition to "year")
                    participle_objects += objects + [a for o in objects for a in self._children(o, ("appos",))]
        exclude = {noun.i}
        agent = self._actors(self.fillers(agent_head, ents, exclude=exclude))
        if agent_head is not None and official_owner is not None and agent_head.i == official_owner.i:
            exclude |= {t.i for t in agent_head.subtree}  # the agency is not also what it inspected
        if rule.type == "investigation" and not nominal:
            # "the SEC's investigation was conducted by its Boston office": an agency owning
            # the probe is who investigates, never who is investigated
            for possessor in self._children(noun, ("poss",)):
                owners = [f for f in self.fillers(possessor, ents) if f.type in ("AGENCY", "GOV")]
                exclude |= {t.i for t in possessor.subtree}
                agent += [f for f in owners if f.entity_id not in {a.entity_id for a in agent}]
        target = self.fillers(target_heads, ents, exclude=exclude, deep=True) if target_heads is not None else []
        for head in targets:
            target += self.fillers(head, ents, exclude=exclude, deep=True)
        if not target:
            for head in participle_objects:
                target += self.fillers(head, ents, exclude=exclude)
        if not target:
            # "an order denying the export privileges of Karatau ..., on the ground that it flew
            # into Russia": the party inside what the order names, before any named elsewhere
            for head in participle_objects:
                target += [f for f in self.fillers(head, ents, exclude=exclude, deep=True) if f.entity_id]
        if (
            rule.type == "investigation"
            and not any(f.entity_id or f.anaphor for f in target)
            and realizer is not None
            and realizer.dep_ == "ccomp"
            and lemma_keys(realizer.head) & {"notify", "inform", "advise"}
        ):
            # "this Office notified the District that it had opened an investigation of the
            # allegation": the party told is the one investigated
            told = [f for o in self._children(realizer.head, ("dobj",)) for f in self.fillers(o, ents, exclude=exclude)]
            target = told or target
        if not target and rule.type in ("penalty", "investigation", "designation", "order", "lawsuit"):
            # "a fine of EUR 91 million on Loopwise Social Ltd.": the named party hangs deep in the phrase
            target = [f for f in self.fillers(noun, ents, exclude=exclude, deep=True) if f.entity_id]
            if rule.type == "lawsuit":
                # "issued its claim in the Business and Property Courts": where it was brought, whatever
                # the model took the court for
                target = [f for f in target if f.type != "COURT" and not _COURT_NAME.search(f.text)]
        if not target and rule.type == "lawsuit" and any(c.lower_ == "forfeiture" for c in noun.lefts):
            # "a civil forfeiture complaint against roughly $2.3 million in cryptocurrency": an action
            # against property names the property as its defendant
            target = [
                RoleFiller(words.text, words.start_char, words.end_char)
                for o in self._prep_objects(noun, ("against",)) + self._prep_objects(anchor, ("against",))
                for words in [_phrase(o)]
                if o.ent_type_ == "MONEY" or o.like_num or o.lower_ == "$"
            ]
        target = self._expand_placeholders(target, anchor, ents, agent)
        if rule.type == "meeting" and not target:
            target = self._witnesses(noun, ents)
        official = ("AGENCY", "GOV", "COURT")
        if (
            realizer is not None
            and how == "passive"
            and realizer.lemma_.lower() == "enter"
            and not target
            and any(f.type in official for f in agent)
        ):
            # "This Consent Order is entered into by NHTSA and Loxbridge Motor Company": the
            # government makes it, the other party is bound by it
            agent, target = (
                [f for f in agent if f.type in official],
                [f for f in agent if f.type not in official],
            )
        if (
            rule.type == "penalty"
            and agent
            and not any(f.type in official or f.anaphor in official for f in agent)
            and any(f.type in official for f in target)
        ):
            # "the company entered into a non-prosecution agreement with the Justice Department":
            # a company is a party to its settlement, the government the one that obtains it
            agent, target = (
                [f for f in target if f.type in official],
                agent + [f for f in target if f.type not in official],
            )
        return self._build(rule, noun, anchor, agent, target, subject, ents)

    def _witnesses(self, hearing: Token, ents: dict[int, Span]) -> list[RoleFiller]:
        """ "held a hearing on May 19, at which 41 witnesses testified", "a hearing at which
        Owen Hartigan, Qianfeng's chief executive, appeared": who spoke is who the body met."""
        told = [
            c
            for t in (hearing, *hearing.children)
            for c in t.children
            if c.dep_ == "relcl" and c.lemma_.lower() in ("testify", "appear", "speak")
        ]
        return [f for verb in told for s in self._children(verb, ("nsubj",)) for f in self.fillers(s, ents, deep=True)]

    @staticmethod
    def _relative_antecedents(verb: Token) -> list[Token]:
        """ "the amendments to Part 500 that DFS adopted": what the relative pronoun stands for,
        and the noun the antecedent hangs from when the parser attached the clause to the nearer one."""
        if verb.dep_ != "relcl" or not any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("that", "which") for c in verb.children
        ):
            return []
        found = [verb.head]
        if verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep":
            found.append(verb.head.head.head)
        pronoun = next(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("that", "which"))
        if pronoun.lower_ == "which" and pronoun.i > 0 and pronoun.doc[pronoun.i - 1].text == ",":
            # "an amendment that limits recovery ... by the same method, which the governor signed": a
            # clause set off by a comma may stand for the noun that a whole relative clause describes
            node = verb.head
            for _ in range(6):
                if node.dep_ == "pobj" and node.head.dep_ == "prep":
                    node = node.head.head
                elif node.dep_ == "relcl" or (node.dep_ in ("dobj", "attr") and node.head.dep_ == "relcl"):
                    node = node.head
                else:
                    break
                if node.pos_ in ("NOUN", "PROPN") and node not in found:
                    found.append(node)
        return found

    @staticmethod
    def _agency_before(verb: Token, ents: dict[int, Span]) -> Token | None:
        """The agency or government named right before a verb (past brackets and quotes)."""
        i = verb.i - 1
        # '(“OFAC”) designated': only a closing bracket or quote may come between ("China; Designated" is a list entry)
        while i >= verb.sent.start and verb.doc[i].text in (")", '"', "\u201d", "'", "\u2019"):
            i -= 1
        ent = ents.get(i) if i >= verb.sent.start else None
        if ent is not None and ent._.entity_type in ("AGENCY", "GOV"):
            return verb.doc[i]
        return None

    @staticmethod
    def _sanctioned_with_fine(verb: Token) -> bool:
        """ "sanctioned X with a fine", "was sanctioned with a warning": a punishment, not a listing."""
        return any(
            prep.dep_ == "prep" and prep.lower_ == "with" and obj.lemma_.lower() in _PUNISHMENTS
            for prep in verb.children
            for obj in prep.children
            if obj.dep_ == "pobj"
        )

    def _compound_modifier(self, verb: Token) -> bool:
        """ "a food ordering platform", "the ordering system": a gerund inside a noun compound.

        The small model parses "food ordering platform" as "food" ordering a platform; a bare
        noun on each side, the left one no act of its own ("a ruling ordering refunds"), says otherwise."""
        if verb.dep_ in ("amod", "compound") and verb.head.i == verb.i + 1:
            return True
        if verb.dep_ != "acl" or verb.head.i != verb.i - 1 or verb.head.pos_ != "NOUN":
            return False
        if verb.head.lemma_.lower() in self.noun_rules:
            return False
        following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        return (
            following is not None
            and following.dep_ == "dobj"
            and following.head.i == verb.i
            and following.pos_ == "NOUN"
            and not list(following.children)
        )

    def verb_candidate(
        self, verb: Token, rule: TriggerRule, ents: dict[int, Span], noun_triggers: frozenset[int] = frozenset()
    ) -> Candidate | None:
        lemma = first_lemma_key(verb, rule.lemmas) or verb.lemma_.lower()
        if (
            rule.type == "order"
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            and any(
                lemma_keys(o) & {"deal", "transact", "engage"}
                for p in self._children(verb, ("prep",))
                if p.lower_ == "from"
                for o in p.children
            )
        ):
            return None  # "U.S. persons were barred from dealing with it": what a listing does
        if verb.dep_ == "prep" and verb.tag_ == "VBG":
            return None  # "the authorities BIS exercises under the EAR, including the Entity List": a preposition
        if rule.type == "order" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in ("keep", "continue"):
            return None  # "found that Rondaflex kept directing riders through its app": conduct, not an order
        if (
            rule.type == "suspension"
            and verb.tag_ == "VBG"
            and verb.dep_ == "pcomp"
            and verb.head.lower_ == "for"
            and not any(c.dep_ in ("nsubj", "poss") for c in verb.children)
        ):
            return None  # "took formal action against a marketplace for restricting outside payments": the grounds
        if (
            rule.type == "suspension"
            and verb.dep_ in ("xcomp", "advcl")
            and lemma_keys(verb.head) & {"direct", "order", "instruct", "require", "tell"}
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in self.instrument_nouns for c in verb.head.children)
        ):
            return None  # "The order ... directs app stores to disable access": what the order says, not done yet
        particles = rule.requires_particle_for.get(lemma)
        if particles:
            # Only what follows the verb: "On Wednesday the company switched off" is no "switch on".
            nearby = {c.lower_ for c in verb.rights} | {
                t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 14] if t.head.i in (verb.i,) or t.head.head.i == verb.i
            }
            # "pleaded not guilty": the particle denied
            nearby -= {c.lower_ for c in verb.rights if any(n.dep_ == "neg" for n in c.children)}
            if not nearby & set(particles):
                return None
        if rule.requires_governor and not (
            verb.dep_ == "xcomp" and verb.head.i != verb.i and lemma_keys(verb.head) & rule.requires_governor
        ):
            return None
        if rule.type in ("order", "suspension") and self._says_what_a_list_does(verb, ents):
            return None
        if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
            return None  # "closed 14 complaints without investigating them": what was not done
        if (
            rule.type == "ruling"
            and lemma == "deny"
            and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
            and not any(c.dep_ == "dobj" for c in verb.children)
        ):
            return None  # "It denied using any article without a licence": a party's denial, not a decision
        if (
            verb.dep_ == "relcl"
            and verb.head.tag_ == "NNS"
            and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in verb.head.children)
        ):
            return None  # "refunds to people who lost money to companies it has sued": any such, no act
        if (
            verb.dep_ == "relcl"
            and verb.head.lemma_.lower() in ("case", "time", "instance", "occasion")
            and any(c.lower_ in ("first", "only") or c.tag_ == "JJS" for c in verb.head.children)
        ):
            return None  # "the first case in which the KFTC has sanctioned self-preferencing": a record
        if lemma == "charge" and any(
            o.lemma_.lower() in self.lex.billed_for for o in self._prep_objects(verb, ("for",))
        ):
            return None  # "they had been charged for a full year": billed, not accused
        if lemma in ("deny", "reject", "dispute", "recall") and any(c.dep_ == "ccomp" for c in verb.children):
            # "it denied that any card data had been exposed": a claim contested, not a ruling;
            # "the SIC recalls that consumers may complain": a reminder, not a recall
            return None
        if (
            verb.dep_ == "acl"
            and any(r.type == rule.type for r in self.noun_rules.get(verb.head.lemma_.lower(), ()))
            and any(c.dep_ == "aux" and c.lower_ in self.lex.modals for c in verb.head.head.children)
        ):
            # "BIS may issue an order temporarily denying a respondent's export privileges": the
            # terms of an order that may be issued are no act
            return None
        if verb.tag_ == "VBG" and self._compound_modifier(verb):
            return None  # "an online food ordering platform": a kind of thing, not an act
        if not self._context_ok(verb, rule, ents):
            return None
        if "ruling" in (rule.type, rule.type_by_agent.get("COURT")) and self._courts_in_general(verb):
            return None  # "courts in other states have blocked laws of this kind": no one ruling
        if rule.type == "lawsuit" and any(
            o.lemma_.lower() == "capacity" for p in self._children(verb, ("prep",)) for o in p.children
        ):
            return None  # "the Director, sued in her official capacity": who a defendant is, not a new suit
        following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        if verb.is_title and verb.i > verb.sent.start and following is not None and following.lower_ in ("no.", "no"):
            return None  # "(Bar No. 15220)": a numbered thing's label, not a verb
        if rule.type == "meeting" and any(c.dep_ == "conj" and c.lemma_.lower() == "adjourn" for c in verb.children):
            return None  # "The House met at 10 a.m. and adjourned at 3:52 p.m.": a sitting, not a meeting with anyone
        preps = [p for p in verb.children if p.dep_ == "prep"]
        if (
            rule.type == "meeting"
            and any(p.lower_ == "in" and any(o.lower_ in ("plenary", "session") for o in p.children) for p in preps)
            and not any(p.lower_ == "with" for p in preps)
        ):
            return None  # "Meeting in plenary on 9 October, the EDPB adopted": a body's sitting
        if rule.type == "launch" and any(
            ents.get(t.i) is not None and ents[t.i]._.entity_type == "LAW"
            for o in self._children(verb, ("dobj", "nsubjpass"))
            for t in o.subtree
        ):
            return None  # "introduced the Chatbot Safeguards for Minors Act": a bill, not a product
        if (
            verb.tag_ == "VBG"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        ):
            holder = verb.head
            if holder.i in noun_triggers or any(
                c.i in noun_triggers for c in holder.children if c.dep_ in ("dobj", "nsubjpass")
            ):
                return None  # "received an order ..., mandating X": the content of that act, not a new one
        delegated = (
            # "the Commission directed the Director General to investigate": the Commission's probe
            rule.type == "investigation"
            and verb.dep_ == "xcomp"
            and verb.head.i != verb.i
            and lemma_keys(verb.head) & self.lex.order_verbs
        )
        if (
            verb.dep_ == "xcomp"
            and verb.head.i != verb.i
            and lemma_keys(verb.head) & self.lex.order_verbs
            and rule.type != "penalty"
            and not delegated
        ):
            return None  # "ordered providers to block access": what the order demands, not a second act
        if rule.type == "order" and any(
            c.dep_ == "xcomp" and lemma_keys(c) & self.investigation_verbs for c in verb.children
        ):
            return None  # the probe it sets off is the event, told by the investigation rule
        subject_now = self.subject_of(verb)
        # "the ANPD issued a preventive measure ordering Murmurly to stop": a measure issued is the
        # act its words describe, by whoever issued it
        issued = (
            verb.dep_ == "acl"
            and verb.head.dep_ == "dobj"
            and bool(lemma_keys(verb.head.head) & _ISSUING_VERBS)
            and self.subject_of(verb.head.head) is not None
        )
        if (
            not issued
            and subject_now is not None
            and subject_now.lemma_.lower() in self.lex.act_subject_nouns
            and subject_now.pos_ == "NOUN"
            # "The Regulations add 8 individuals to Schedule 1": a rule changing a list is that listing
            and not (rule.type == "designation" and subject_now.lemma_.lower() in ("rule", "regulation", "amendment"))
        ):
            return None  # "the bill bars federal agencies...": what a law or rule says
        if rule.type == "order" and self._said_by_a_law(verb):
            return None  # "signed Ordinance No. 47, which makes the city the first to prohibit ...": its words
        if (
            verb.dep_ == "pcomp"
            and verb.tag_ == "VBG"
            and verb.head.lower_ == "of"
            and verb.head.head.lemma_.lower() in _WAYS_OF_ACTING
        ):
            return None  # "Regulations are the only means of listing persons under SEMA": how, not an act
        first = verb
        while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "VERB":
            first = first.head  # "decisions to add, remove, or modify": every verb of the list
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children) and (
            first.dep_ == "acl"
            # (the parser may make the noun the infinitive's subject: "makes all decisions to add")
            or any(c.dep_ == "nsubj" and c.lemma_.lower() in _CAPACITY_NOUNS for c in first.children)
        ):
            return None  # "its authority to review", "the power to ban": a capacity, not an act
        if verb.dep_ == "relcl" and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in ("which", "what") for c in verb.children
        ):
            # "the Open Platforms Coalition, which sued the state": a named party's own act
            named_antecedent = rule.type == "lawsuit" and (verb.head.pos_ == "PROPN" or verb.head.i in ents)
            # "the United Kingdom, which designated the same four entities": a named government's act
            antecedent = ents.get(verb.head.i)
            named_antecedent = named_antecedent or (
                antecedent is not None and antecedent._.entity_type in ("AGENCY", "GOV", "COURT", "LEGISLATURE")
            )
            # "the ... Act 2024, which received Royal Assent on 24 May 2024": the law's enactment
            named_antecedent = named_antecedent or (
                rule.type == "legislation"
                and (
                    any(
                        ents.get(t.i) is not None and ents[t.i]._.entity_type == "LAW"
                        for t in verb.head.subtree
                        if t.i < verb.i
                    )
                    # ("The Act, which received Royal Assent on 29 April 2021": the law the text defined)
                    or (
                        verb.head.text in _DEFINED_LAWS
                        and verb.head.i > 0
                        and verb.doc[verb.head.i - 1].lower_ == "the"
                    )
                )
            )
            if not rule.requires_object_type and not named_antecedent:
                return None  # "..., which bars the plant from shipping": a consequence, not a new act
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            # "was arrested and charged with fraud": the second participle shares the passive
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
        )
        if (
            rule.type == "designation"
            and passive
            and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in self.lex.act_subject_nouns for c in verb.children)
        ):
            return None  # "This final rule has been designated a significant regulatory action": a label
        objects = self._children(verb, ("dobj", "dative"))
        if not objects and rule.type == "launch":
            # "made its Harrowmark endpoint agent generally available": the parser may read a small
            # clause, the product its subject
            objects = [
                subject
                for clause in self._children(verb, ("ccomp", "oprd"))
                if clause.lemma_.lower() == "available"
                for subject in self._children(clause, ("nsubj",))
            ]
        if any(c.tag_ == "POS" for o in objects for c in o.children):
            # "blocked Kilnworth Chips' proposed $6.4 billion takeover": the parser may end the object
            # at the possessive and hang the rest on "proposed"
            objects += [
                d
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBD" and c.lower_ == "proposed"
                for d in c.children
                if d.dep_ == "dobj"
            ]
        if rule.type == "penalty":
            # "fined marketplace operator Pazartik TRY 412 million": a currency code the parser takes
            # for a verb hangs the fined firm on it as its subject
            codes = [c for c in verb.children if c.dep_ == "ccomp" and c.is_upper and len(c.text) == 3]
            objects += [
                t
                for o in [*objects, *codes]
                if o.like_num or o.lower_ in ("million", "billion") or o in codes
                for t in o.subtree
                if t.i < o.i and t.dep_ == "nsubj" and t.pos_ == "PROPN"
            ]
        if not objects and rule.object_lemmas:
            # "confirmed, as an order of the Tribunal, a consent agreement": an interrupted object
            # the parser leaves as a bare dependent
            objects = [c for c in verb.children if c.dep_ == "dep" and c.i > verb.i and c.pos_ == "NOUN"]
        if (
            not objects
            and rule.type == "launch"
            and verb.dep_ == "relcl"
            and not passive
            and verb.head.pos_ in ("NOUN", "PROPN")
            and self._children(verb, ("nsubj",))
            and not any(c.lower_ in ("which", "that", "who", "whom") for c in verb.children)
            and not self._children(verb, ("ccomp", "xcomp"))
        ):
            # "KZBM Now, the free streaming app we launched in 2023": the noun, or the name it describes
            objects = [verb.head.head if verb.head.dep_ == "appos" else verb.head]
        adjectival_agent = None
        if not objects and verb.dep_ == "amod" and verb.head.i > verb.i:
            # "OFAC designated defendant SIRRUS AVIA SUPPLY FZE": capitals lead the parser to
            # read the verb, with or without its subject, as an adjective of the name after it
            adjectival_agent = None if self._children(verb, ("nsubj",)) else self._agency_before(verb, ents)
            if self._children(verb, ("nsubj",)) or adjectival_agent is not None:
                objects = [verb.head]
        subjects_before = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
        if subjects_before and not passive:
            # "X on Wednesday added Y, a maker ...": the parser sometimes makes Y a second subject
            objects += [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
        if particles and not objects:
            # "made its Wayfinder model available": the parser makes the thing the subject of "available"
            objects = [
                s
                for c in verb.children
                if c.lower_ in particles and c.dep_ in ("ccomp", "acomp", "oprd", "xcomp")
                # ("made legally binding the commitments": the parser makes "binding" a verb with an object)
                for s in self._children(c, ("nsubj", "dobj"))
            ] or [
                # "switched off the discount game": the parser makes the particle a preposition
                o
                for c in verb.rights
                if c.lower_ in particles and c.lower_ in ("off", "down", "out", "on") and c.dep_ == "prep"
                for o in self._children(c, ("pobj",))
            ]
        if (
            rule.object_lemmas
            and not objects
            # ("systems that their manufacturers stopped supporting": a kind of maker, no act of one)
            and not (verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "NNS" for c in verb.children))
        ):
            # "stopped selling the routers": the gerund names what stopped, its object what it concerned;
            # "proposed to require signed updates": so does an infinitive
            for gerund in self._children(verb, ("xcomp",)):
                infinitive = gerund.tag_ == "VB" and verb.dep_ != "acl"  # not "a Determination proposing to"
                if (gerund.tag_ == "VBG" or infinitive) and lemma_keys(gerund) & rule.object_lemmas:
                    objects = [gerund, *self._children(gerund, ("dobj",))]
                elif gerund.tag_ == "VBG" and any(
                    lemma_keys(o) & rule.object_lemmas for o in self._children(gerund, ("dobj",))
                ):
                    objects = self._children(gerund, ("dobj",))  # "proposed extending its rules": the rules
        if rule.object_lemmas and not objects and lemma_keys(verb) & self.lex.implicative_verbs:
            # "voted 6-2 on Monday night to require council approval": the parser may hang the
            # infinitive as a clause of purpose
            for clause in self._children(verb, ("advcl",)):
                infinitive = clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
                if infinitive and lemma_keys(clause) & rule.object_lemmas:
                    objects = [clause, *self._children(clause, ("dobj",))]
        if rule.object_lemmas and objects:
            # "adopted Regulation (EU) 2019/796": the parser heads the phrase with the number
            objects = objects + [
                c for o in objects if o.like_num or "/" in o.text for c in self._children(o, ("nmod", "compound"))
            ]
        # "told Orvatide Orbital to halt the pilot": the party is the object, the act the infinitive
        told_to = (
            [
                x
                for x in self._children(verb, ("xcomp",))
                if x.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
            ]
            if rule.object_lemmas and objects and verb.dep_ != "acl"  # (not "a Determination proposing to prohibit")
            else []
        )
        if rule.object_lemmas and not any(
            lemma_keys(o) & rule.object_lemmas
            for o in objects + self._children(verb, ("nsubjpass",)) + self._relative_antecedents(verb) + told_to
        ):
            return None
        # "reviewed your October 10, 2025, response": the parser may make the date the object
        described = [
            c
            for o in objects
            if o.ent_type_ == "DATE" or o.lower_ in _DATE_WORDS
            for c in o.children
            if c.dep_ == "appos"
        ]
        if rule.excluded_object_lemmas and any(
            lemma_keys(o) & rule.excluded_object_lemmas or o.like_num or o.ent_type_ == "MONEY"
            for o in objects + described + self._children(verb, ("nsubjpass",))
        ):
            return None
        if rule.type == "designation" and any(
            o.lemma_.lower() == "list" and any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
            for o in self._children(verb, ("dobj",))
        ):
            return None  # "USTR later added further lists of products": a list made, nobody put on one
        if (
            rule.type == "designation"
            and any(
                o.text == "list"  # (not a list's name: "the Entity List of strategic high-tech commodities")
                and any(lemma_keys(t) & _LISTED_THINGS for t in self._prep_objects(o, ("of",)))
                for holder in (verb, *self._children(verb, ("dobj",)))
                for o in self._prep_objects(holder, ("to", "on", "onto"))
            )
            and not any(
                # ("added Kindra and its developer, Moyuan Interactive Technology Co., to the state's list
                # of prohibited technologies": a named company on a list of things it makes)
                t.ent_type_ in ("ORG", "PERSON")
                for o in self._children(verb, ("dobj",))
                for named in (o, *o.conjuncts, *self._children(o, ("appos",)))
                for t in (named, *self._children(named, ("compound",)))
            )
        ):
            return None  # "adds quantum sensing components to the list of technologies": things, not parties
        if (rule.requires_object or lemma in rule.requires_object_for) and not objects and not passive:
            return None
        # "launched an investigation": the noun rule handles it, with its own type
        for obj in objects:
            if (
                obj.head.i == verb.i
                and obj.lemma_.lower() in self.noun_rules
                and any(r.realized_by and lemma in r.realized_by for r in self.noun_rules[obj.lemma_.lower()])
            ):
                return None
        if rule.type == "penalty" and self._ordered_by_bench(verb, ents):
            return None  # "the judge ordered him to pay restitution": part of the sentence
        if not self.is_factual(verb, verb, rule.ignore_governors, rule.ignore_modals):
            return None
        if rule.type == "ruling" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "move":
            return None  # "We moved to dismiss the complaint", "moved to enter the Decree": a motion
        if (
            rule.requires_past
            and self.tense_of(verb) != "past"
            and verb.head.lemma_.lower() not in ("begin", "start", "launch")
            # "has been examining the promotions since January": under way from a told start
            and not (
                self.tense_of(verb) == "perfect"
                and verb.tag_ == "VBG"
                and any(c.lower_ == "since" for c in verb.children)
            )
        ):
            return None
        if (
            verb.tag_ in ("VBZ", "VBP")
            and not passive
            and rule.type != "ruling"
            and not verb.is_upper
            and not any(c.dep_ == "aux" for c in verb.children)
            and not self._now_available(verb)  # "is now available": new as of the day it is said
            and not _after_date_label(verb.sent)
            and not re.search(
                r"\btoday\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                # "In this rule, BIS adds 19 entities", "The Regulations add": the document doing what it says
                r"|\b(?:in|by|with|under|through) this (?:[a-z-]+ ){0,2}(?:rule|notice|order|action|determination|decision|update|revision)\b"
                r"|^(?:the|this) (?:final |interim final )?(?:rule|regulations|instrument|decree|notice)\b"
                # "The State ... petitions this Court for an order": a pleading doing what it says
                r"|\bthis (?:honou?rable )?court\b",
                verb.sent.text,
                re.IGNORECASE,
            )
            # "The Department removes Nanjing Ruicheng Microsystems Co., Ltd. from the list": a
            # named party moved on or off a list in the present is a notice doing what it says
            and not (
                rule.type == "designation"
                and any(
                    ents.get(o.i) is not None and ents[o.i]._.entity_type == "ORG"
                    for o in self._children(verb, ("dobj",))
                )
                and any(o.lemma_.lower() == "list" for o in self._prep_objects(verb, ("to", "from", "on")))
            )
        ):
            return None  # "the government compels workers...": a habit or a state, not a dated act
        # "Respondent Brisbois be, and hereby is, suspended": an order doing what it says
        performative = any(c.lower_ == "hereby" for c in verb.children)
        if (
            passive
            and verb.tag_ == "VBN"
            and not self._children(verb, ("agent",))
            and not rule.passive_agent_type
            and not performative
        ):
            auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "auxpass"}
            if auxiliaries & {"is", "are"} and not any(c.dep_ == "aux" for c in verb.children):
                return None  # "such conduct is prohibited": a statement of law, not an act
        subject = None
        # "MeitY ordered the app blocked in March": a participle the order verb governs, its
        # subject what is acted on, the one who ordered it the doer
        ordered_done = (
            verb.tag_ == "VBN"
            and verb.dep_ in ("ccomp", "xcomp", "oprd")
            and lemma_keys(verb.head) & self.lex.order_verbs
            and not any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children)
            and bool(self._children(verb, ("nsubj",)))
        )
        if rule.attestation:
            text = verb.doc.text
            if text[text.rfind("\n", 0, verb.idx) + 1 : verb.idx].strip() or self._children(
                verb, ("nsubj", "nsubjpass")
            ):
                return None
            agent_heads = [g for a in self._children(verb, ("agent",)) for g in a.children if g.dep_ == "pobj"]
            if agent_heads:
                subject = agent_heads[0]  # "Approved by the Governor": the one who signed, for subject_lemmas
            else:
                agent_heads = self._children(verb, ("dobj",))
            target_heads = []
        elif ordered_done:
            subject = self.subject_of(verb.head)
            target_heads = self._children(verb, ("nsubj",))
            agent_heads = [subject] if subject is not None else []
        elif passive:
            target_heads = self._children(verb, ("nsubjpass",)) or (
                # "Brisbois be, and hereby is, suspended": the subject of the bare "be" it joins
                self._children(verb.head, ("nsubjpass",) + (("nsubj",) if verb.head.lemma_ == "be" else ()))
                if verb.dep_ == "conj"
                else []
            )
            if performative and verb.lemma_.lower() in ("order", "direct", "determine"):
                # "it is hereby ordered as follows": an empty "it", not the party ordered
                target_heads = [t for t in target_heads if t.lower_ != "it"]
            agent_heads = [g for a in self._children(verb, ("agent",)) for g in a.children if g.dep_ == "pobj"]
        else:
            subject = self.subject_of(verb.head.head if issued else verb.head if delegated else verb)
            if rule.subject_role == "target":
                # "agreed to pay Vermont $350,000", "will pay the State $2.4 million": the payee
                agent_heads = self._children(verb, ("dative",)) if verb.lemma_.lower() == "pay" else []
                agent_heads += self._prep_objects(verb, rule.agent_preps)
                if rule.requires_agent_prep and not agent_heads:
                    return None
                target_heads = [subject] if subject is not None else []
            else:
                agent_heads = [subject] if subject is not None else []
                if subject is None and adjectival_agent is not None:
                    agent_heads = [adjectival_agent]
                target_heads = objects
                if rule.type == "designation" and len(objects) > 1 and objects[0].dep_ == "dobj":
                    # "assessed Tandemly as a platform, within the meaning of section 63C ... and the
                    # Rules 2025": a verb has one direct object; the statutes and sections the
                    # parser also hung on it are what it cites
                    target_heads = objects[:1] + [
                        o for o in objects[1:] if o.ent_type_ != "LAW" and not any(ch.isdigit() for ch in o.text)
                    ]
                if (
                    rule.type == "penalty"
                    and not objects
                    and verb.tag_ in ("VBD", "VBN")
                    and subject is not None
                    and subject.head.i == verb.i
                    and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
                    and any(c.dep_ == "prep" and c.lower_ in ("over", "for") for c in verb.children)
                ):
                    # "September: Zhubei Kelin fined over wastewater discharges": a headline's passive
                    # without its "was", the subject fined, by nobody named
                    agent_heads, target_heads = [], [subject]
        if rule.type == "designation" and rule.object_lemmas:
            # "blocked the property and interests in property ... of the following persons": the
            # owner is the one designated, not the property
            target_heads = [
                o
                for head in target_heads
                for t in head.subtree
                if t.dep_ == "prep" and t.lower_ == "of"
                for o in self._children(t, ("pobj",))
                if not lemma_keys(o) & rule.object_lemmas
            ]
        preps = rule.target_preps if rule.type in ("meeting", "ruling") else ("against",)
        if rule.type == "investigation":
            preps += ("into",)  # "began looking into Tollgate"
        if rule.type == "meeting" and target_heads and rule.target_preps == ("with",):
            # "discussed the package with X": X is met, the package only the topic
            met = self._prep_objects(verb, ("with",)) or [
                w for h in target_heads for w in self._prep_objects(h, ("with",))
            ]
            if met:
                target_heads, preps = met, ()
        if rule.party_preps and target_heads:
            # "appointed a special representative (Sonderbeauftragter) at Elbquell Bank AG": the bank
            # is overseen, not the one appointed
            overseen = self._prep_objects(verb, rule.party_preps) or [
                w for h in target_heads for w in self._prep_objects(h, rule.party_preps)
            ]
            if overseen:
                target_heads, preps = overseen, ()
        if rule.type == "ruling" and verb.lemma_.lower() == "side":
            # "sided with GEMA ... in its lawsuit against Parlandis GmbH": the ruling goes against
            # the one sued
            sued = [
                o
                for p in self._children(verb, ("prep",))
                if p.lower_ == "in"
                for case in self._children(p, ("pobj",))
                if case.lemma_.lower() in _ASKED_FOR
                for o in self._prep_objects(case, ("against",))
            ]
            if sued:
                target_heads, preps = sued, ()
        if rule.type == "ruling" and target_heads:
            preps = tuple(p for p in preps if p != "for")  # "sentenced X for his role in ...": the crime
            target_heads = [party for h in target_heads for party in (self._relief_parties(h) or [h])]
            # "granted the State's application for temporary restraints, directing the company to
            # stop ...": the party the grant directs
            directed = [
                o
                for c in verb.children
                if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _DIRECTING_VERBS
                for o in self._children(c, ("dobj",))
            ]
            if directed and all(h.lemma_.lower() in _ASKED_FOR for h in target_heads):
                target_heads = directed
        target_heads = list(target_heads) + self._prep_objects(verb, preps)
        if rule.type in ("order", "suspension") and all(h.lemma_.lower() in _PAYMENT_NOUNS for h in target_heads):
            target_heads = self._award_holders(verb) or target_heads
        if rule.type == "ruling" and not target_heads:
            # "the court ruled that the Commerce Department erred": the party ruled on
            for clause in self._children(verb, ("ccomp",)):
                target_heads += self._children(clause, ("nsubj", "nsubjpass"))
        # "the H7 sensor, which the company released": the relative stands for the noun
        relative = ("which", "that", "who", "whom")
        # "Hamid Rezaeian, an Iranian agent whom OFAC designated": the relative's noun is in
        # apposition to the name, and the name is what was designated
        # "a unit that Quernstone Ridge began selling": the relative clause is the governor's
        clause = verb.head if verb.dep_ == "xcomp" and verb.head.dep_ == "relcl" else verb
        antecedent = clause.head.head if clause.head.dep_ == "appos" else clause.head
        antecedent = _last_conjunct_before(antecedent, clause)
        # "Tandemly is a group-chat app that the provider launched": the name the copula defines
        defined = antecedent.head if antecedent.dep_ == "conj" else antecedent
        defined_as = None
        if defined.dep_ == "attr" and defined.head.lemma_ == "be" and clause.dep_ == "relcl":
            defined_as = antecedent
            # (a name ending in "-ly" the tagger may take for an adverb)
            antecedent = next(
                (
                    c
                    for c in defined.head.children
                    if c.dep_ in ("nsubj", "advmod", "npadvmod") and c.i < defined.head.i and c.i in ents
                ),
                antecedent,
            )
        target_heads = [antecedent if h.lower_ in relative and clause.dep_ == "relcl" else h for h in target_heads]
        # "Dongguan Haiqiao Wireless, whose equipment the Bureau added to the Covered List": the owner
        # (but "Zhiyuan Jingwei, whose Lingxi-3 chip went on sale": the thing launched)
        target_heads = [
            antecedent
            if clause.dep_ == "relcl"
            and rule.type in ("designation", "penalty", "investigation", "lawsuit", "order")
            and any(c.dep_ == "poss" and c.lower_ == "whose" for c in h.children)
            else h
            for h in target_heads
        ]
        if rule.requires_object_type and not target_heads and not passive and agent_heads:
            # "pixelcast, which launched in june": intransitive, the subject is the product
            subject_head = agent_heads[0]
            target_heads = [verb.head if subject_head.lower_ in relative and verb.dep_ == "relcl" else subject_head]
            agent_heads = []
        agent_heads = [verb.head if h.lower_ in relative and verb.dep_ == "relcl" else h for h in agent_heads]
        # "The Regulations add ...": the rule is the act, its issuer (the document's) the agent
        agent_heads = [
            h
            for h in agent_heads
            if h.lemma_.lower().rstrip("s") not in ("rule", "regulation", "amendment")
            and h.lower_.rstrip("s") not in ("rule", "regulation", "amendment")
        ]
        agent = self._actors([f for h in agent_heads for f in self.fillers(h, ents)])
        # "the feature, which Lanyard introduced": who acts in the relative clause is not what
        # the antecedent names
        own_clause = {t.i for t in verb.subtree} if verb.dep_ == "relcl" else set()
        target = [
            f
            for h in target_heads
            for f in self.fillers(h, ents, deep=True, exclude=own_clause if h.i not in own_clause else set())
        ]
        if (
            rule.type == "penalty"
            and "fine" in lemma_keys(verb)  # (the lemmatiser makes "fined" "fin")
            and not passive
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and agent
            and all(f.type in ("ORG", "PERSON", None) and not f.anaphor for f in agent)
            and objects
            and all(o.ent_type_ == "MONEY" or o.like_num for o in objects)
        ):
            # "LOUPIAC MÉDIAS fined EUR 1.6 million", "Meta fined €1.2bn": a headline's passive with
            # its auxiliary dropped; the firm was fined, it fined no one
            target, agent = agent, []
        if rule.subject_role == "target" and subject is not None and not agent:
            # "the SEC settled charges against two advisers": an agency that settles
            # against someone is the enforcer, and the named parties are the penalised
            own = self.fillers(subject, ents)
            against = [h for o in objects for h in self._prep_objects(o, ("against",))]
            others = [f for h in against for f in self.fillers(h, ents, deep=True)] + target
            others = [f for f in others if f.entity_id not in {o.entity_id for o in own}]
            if own and others and all(f.type in ("AGENCY", "GOV") for f in own):
                agent, target = own, others
        if rule.type == "penalty" and rule.subject_role == "target" and not agent:
            # "The Attorney General's Office today announced that Tellomar ... will pay $1.35
            # million": the public body announcing a payment it has exacted is the enforcer
            clause = verb
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in ("announce", "say", "state"):
                teller = self.subject_of(clause.head)
                told = self.fillers(teller, ents) if teller is not None else []
                if told and all(f.type in ("AGENCY", "GOV") for f in told):
                    agent = told
        if (
            rule.type == "investigation"
            and target_heads
            and all(h.lemma_.lower() in self.lex.staff_nouns for h in target_heads)
        ):
            # "appointed investigators to examine Carbrook's treatment of customers": the staff
            # are the probe's means; its target is whom they are to examine
            clauses = [c for h in target_heads for c in h.children if c.dep_ in ("acl", "relcl", "xcomp")]
            clauses += [c for c in verb.children if c.dep_ == "xcomp"]
            probed = [o for c in clauses for o in c.children if o.dep_ == "dobj"]
            target = [f for o in probed for f in self.fillers(o, ents, deep=True)]
        target = self._expand_placeholders(target, verb, ents, agent)
        if rule.type in ("order", "suspension"):
            target = self._holder_or_offerer(target_heads, ents) or target
        if rule.type == "suspension" and not passive:
            halted = self._what_was_halted(target_heads, verb, ents)
            # ("suspended the licence of crypto exchange Sandmere": a name the parser hung elsewhere stays)
            kept = [f for f in target if (f.entity_id or f.text[:1].isupper()) and f not in halted]
            target = halted + kept if halted else target
            plain = [h for h in target_heads if h.pos_ == "NOUN" and ents.get(h.i) is None]
            if target and plain and all(f.type in ("GOV", "PLACE") for f in target):
                # "paused the use of EU users' public posts", "blocked access for users with UK
                # addresses": the place says whose, the words say what was halted
                target = [RoleFiller(p.text, p.start_char, p.end_char) for p in map(_phrase, plain)]
        if rule.type == "launch":
            # "Marketlane launched in the European Union": a place is where, not what; but "began
            # marketing the StreamCast PX-40, a low-power FM transmitter": a model number or an
            # apposition naming a thing sold says the tagger's "place" is the product
            sold = [
                h.idx
                for h in target_heads
                if _MODEL_NUMBER.fullmatch(h.text)
                or any(a.dep_ == "appos" and self._product_noun(a) for a in h.children)
            ]
            # "its Harrowmark endpoint agent": a place no one knows, naming a product noun, is the
            # product's name (not "its Canada data region")
            named_product = [
                t.idx
                for h in target_heads
                if h.pos_ == "NOUN" and self._product_noun(h)
                for c in h.children
                if c.dep_ == "compound"
                for t in c.subtree
                if t.pos_ == "PROPN"
            ]
            target = [
                f
                for f in target
                if f.type not in ("GOV", "PLACE", "GROUP")
                or any(f.start <= i < f.end for i in sold)
                or (f.type == "PLACE" and any(f.start <= i < f.end for i in named_product))
            ]
            if not target and not passive and agent and all(f.type in ("ORG", "PRODUCT", None) for f in agent):
                target, agent = agent, []  # a service launching itself
            if not agent and (rule.subject_role == "target" or passive):
                # "its Orpheon-3 model became generally available", "Lodestar 3, our most capable model,
                # becomes available", "Its predecessor, Aster 2, was released": the owner launched it
                owners = [
                    c
                    for h in target_heads
                    for named in (h, *(a for a in h.children if a.dep_ == "appos"))
                    for c in named.children
                    if c.dep_ == "poss"
                ]
                agent = self._actors([f for h in owners for f in self.fillers(h, ents)])
                owned = {(f.start, f.end) for f in agent}
                target = [f for f in target if (f.start, f.end) not in owned]
                if agent and not target:
                    # "Sagebrook's ThermaCore 640 sensor, which became commercially available": the
                    # owner named, the product in plain words after it
                    for owned_head, owner in ((t, c) for t in target_heads for c in t.children if c.dep_ == "poss"):
                        words = owned_head.doc[owner.right_edge.i + 1 : _phrase(owned_head).end]
                        if words.text and (
                            self._product_noun(owned_head) or any(_MODEL_NUMBER.fullmatch(t.text) for t in words)
                        ):
                            target.append(RoleFiller(words.text, words.start_char, words.end_char))
        if (
            rule.type == "launch"
            and verb.lemma_.lower() == "ship"
            and any(
                o.i in ents and ents[o.i]._.entity_type in ("GOV", "PLACE") for o in self._prep_objects(verb, ("to",))
            )
        ):
            return None  # "found that it shipped plasma etching systems to China": an export, not a release
        if rule.type == "launch" and [h.lower_ for h in target_heads] == ["it"]:
            # "The Cadence IP-400 is a large-volume pump ... Dunmarrow introduced it in 2023": what is
            # launched is a product, looked for among the document's names when "it" is resolved
            # (the sentence before lies outside the parsed window)
            target = [replace(f, anaphor="PRODUCT") for f in target]
        if rule.requires_object_type:
            # (not a bare document number the tagger took for a product: "FCC 25-52 ... released August 11")
            product_like = any(
                (f.type in rule.requires_object_type and any(ch.isalpha() for ch in f.text)) or f.anaphor == "PRODUCT"
                for f in target
            )
            product_like |= any(self._product_noun(h) for h in target_heads)
            # "released Pocket Parade, a free-to-download mobile game": the apposition says what it is
            product_like |= any(self._product_noun(a) for h in target_heads for a in h.children if a.dep_ == "appos")
            product_like |= defined_as is not None and self._product_noun(defined_as)
            # "began selling the KidBeacon 2": a name with a model number, or a name under "the",
            # is something sold, not a seller, whatever the tagger took it for
            product_like |= any(
                (h.pos_ == "PROPN" or _MODEL_NUMBER.fullmatch(h.text))
                and h.dep_ in ("dobj", "nsubjpass", "appos")
                and any(
                    (c.dep_ == "nummod" and c.i > h.i) or (c.dep_ == "det" and c.lower_ == "the") for c in h.children
                )
                # "Its predecessor, Aster 2, was released": the name in apposition
                for h in [*target_heads, *(a for t in target_heads for a in t.children if a.dep_ == "appos")]
            )
            # "began selling the VoltNest 30K": a name whose number the tokenizer split off its unit
            product_like |= any(
                any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in h.children)
                and any(c.dep_ == "nummod" and _glued_to(c, h) for c in h.children)
                for h in target_heads
            )
            # "had rolled out \"Quiet Hours,\" which silences notifications": a feature's name in quotes
            product_like |= any(
                h.dep_ == "dobj"
                and h.is_title
                and (
                    any(c.dep_ == "punct" and c.text in ('"', "\u201c") and c.i < h.i for c in h.children)
                    or (h.left_edge.i > 0 and h.doc[h.left_edge.i - 1].text in ('"', "\u201c"))
                )
                for h in target_heads
            )
            # "launched its \"Same-Day Close\" instant mortgage approval": a quoted name before the noun
            product_like |= any(h.dep_ == "dobj" and _quoted_name_before(h) for h in target_heads)
            # "copies of the said Gazette were made available to the public": papers published, not products
            papers = any(h.lemma_.lower() in self.lex.published_papers for h in target_heads)
            if not product_like or papers:
                return None
            if any(
                c.dep_ == "nummod"
                and c.i < h.i
                and c.text.replace(",", "").isdigit()
                and int(c.text.replace(",", "")) >= 10
                # (not the number in a product's name: "the TrekCharge 20K")
                and not (h.i in ents and ents[h.i]._.entity_type == "PRODUCT" and ents[h.i].start <= c.i)
                and not _glued_to(c, h)
                for h in target_heads
                for c in h.children
            ):
                return None  # "shipped more than 600 servers to a distributor": goods delivered, not a release
        if passive and subject is None and agent_heads:
            subject = agent_heads[0]  # "was sentenced by Judge Quenby": the bench acts, as in the active
        return self._build(rule, verb, verb, agent, target, subject, ents)

    def _acquirers(self, verb: Token, ents: dict[int, Span]) -> list[RoleFiller]:
        """Who was buying, in "prohibited the acquisition of X by Y": the "by" of the deal (or of an
        active verb whose object is the deal)."""
        deals = [o for o in self._children(verb, ("dobj",)) if o.lemma_.lower() in _DEALS]
        if not deals:
            return []
        active = not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        heads = [b for d in deals for b in self._prep_objects(d, ("by",))]
        heads += self._prep_objects(verb, ("by",)) if active else []
        return [f for h in heads for f in self.fillers(h, ents) if f.entity_id and f.type in ("ORG", "PERSON")][:1]

    def _build(
        self, rule: TriggerRule, trigger: Token, anchor: Token, agent, target, subject, ents
    ) -> Candidate | None:
        sent = trigger.sent
        if rule.type == "investigation":
            # "opened an investigation into whether Streamly complied": the probe is of the question's subject
            asked = self._questioned(trigger, anchor, ents)
            if not [f for f in target if f.entity_id]:
                target = asked or target
            else:
                # ("... whether Corvisto complies ... in relation to its Orvane system": the firm first)
                known = {f.entity_id for f in target}
                target = [f for f in asked if f.entity_id and f.entity_id not in known] + target
        if rule.type == "ruling" and "jury" in rule.subject_lemmas:
            # "the jury returned a verdict finding Tanager liable", "found that Cantabrine unlawfully
            # maintained a monopoly": the verdict is against whoever it finds liable, not the winner
            clauses = self._children(trigger, ("ccomp",)) if trigger.lemma_.lower() == "find" else []
            if clauses and all(any(c.dep_ == "neg" for c in clause.children) for clause in clauses):
                return None  # "The jury found that Quillfeather had not proved ...": one finding of a verdict told
            target = self._found_liable(trigger, ents) or target
        if rule.names_its_target and not target and trigger.pos_ in ("NOUN", "PROPN"):
            target = self.fillers(trigger, ents)
        if rule.type in ("penalty", "order") and not [f for f in target if f.entity_id]:
            # "adopted a Notice, finding that Tollridge had violated ... and proposing a forfeiture"
            target = self._found_in_breach(anchor, ents) or target
        if rule.type == "designation" and target and not any(f.entity_id for f in target):
            # "remove one entity, Baltiiskaya Kabelnaya Kompaniya LLC, from Schedule 1": the name in
            # apposition, however the parser hung it
            named = []
            for f in target:
                comma = next((t for t in sent if t.idx == f.end and t.text == ","), None)
                after = comma.doc[comma.i + 1] if comma is not None and comma.i + 1 < len(comma.doc) else None
                ent = ents.get(after.i) if after is not None else None
                if ent is not None and ent.start == after.i and ent._.entity_type in ("ORG", "PERSON"):
                    named.append(_filler_of(ent))
            target = target + named
        if rule.type == "lawsuit":
            # "filed its Complaint for Permanent Injunction, Civil Penalty Judgment, and Other Relief":
            # what the suit asks for, not whom it is against
            target = [f for f in target if f.entity_id or not _RELIEF.search(f.text)]
        if rule.type in ("order", "suspension"):
            # "prohibited the acquisition of Hohenfurt GmbH by Tianxu Europe Holdings": a screening
            # order acts on the buyer (the company bought is named with it)
            clauses = [anchor, *(c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB")]
            buyers = next((found for clause in clauses if (found := self._acquirers(clause, ents))), [])
            if buyers:
                ids = {b.entity_id for b in buyers}
                target = buyers + [f for f in target if not f.entity_id or f.entity_id not in ids]
        if rule.type == "meeting" and not target and len(agent) > 1:
            # "U.S. and Chinese officials held talks": one side meets the other
            agent, target = agent[:1], agent[1:]
        trigger_span = (
            trigger.doc[trigger.left_edge.i : trigger.i + 1]
            if trigger.pos_ == "NOUN"
            else trigger.doc[trigger.i : trigger.i + 1]
        )
        if trigger.pos_ == "NOUN":
            mods = [t for t in trigger_span if t.dep_ in ("compound", "amod") or t.i == trigger.i]
            trigger_span = trigger.doc[mods[0].i : trigger.i + 1] if mods else trigger.doc[trigger.i : trigger.i + 1]
        candidate = Candidate(
            rule_id=rule.id,
            type=rule.type,
            trigger=trigger_span.text,
            trigger_start=trigger_span.start_char,
            trigger_end=trigger_span.end_char,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            tense=self._settled_tense(anchor, rule),
            confidence=rule.confidence,
            agent=agent,
            target=target,
            token_closeness=self.closeness(anchor, trigger, agent + target),
            in_passing=_told_in_passing(anchor, trigger),
            follows_type=rule.follows_type,
        )
        finished = self._finish(candidate, rule, subject)
        if (
            finished is not None
            and finished.type == "designation"
            and trigger.pos_ == "VERB"
            and "sanction" in lemma_keys(trigger)
            and self._sanctioned_with_fine(trigger)
        ):
            finished.type = "penalty"  # "sanctioned the company ... with a fine of COP 2,847,000,000"
            finished.attrs = {k: v for k, v in finished.attrs.items() if k not in ("action", "list")}
        if finished is None:
            return None
        payment = next(
            (c for c in anchor.children if c.dep_ == "xcomp" and lemma_keys(c) & {"serve", "pay", "forfeit"}), None
        )
        supplying = next(
            (c for c in anchor.children if c.dep_ == "xcomp" and lemma_keys(c) & self.lex.supplying_verbs), None
        )
        if (
            finished.type == "order"
            and supplying is not None
            and any(o.lemma_.lower() in self.lex.information_nouns for o in self._children(supplying, ("dobj",)))
        ):
            # "opened an inspection case and ordered it to provide information": a demand for
            # information is the inquiry's step, not an order on the firm's conduct
            finished.type = "investigation"
        if finished.type == "order" and trigger.pos_ == "NOUN":
            # "signed an order approving a separate settlement between the Company and BIS": the
            # order imposes what was settled, on the party that settled with the agency
            approving = next(
                (c for c in trigger.children if c.dep_ == "acl" and c.lemma_.lower() in ("approve", "accept")), None
            )
            deal = approving is not None and next(
                (o for o in self._children(approving, ("dobj",)) if o.lemma_.lower() in ("settlement", "agreement")),
                None,
            )
            if deal:
                finished.type = "penalty"
                parties = [
                    f
                    for side in self._prep_objects(deal, ("between", "with"))
                    for f in self.fillers(side, ents)
                    if f.type not in ("AGENCY", "GOV", "COURT")
                ]
                if parties:
                    finished.target = parties
        if finished.type == "order" and payment is not None:
            paid_sums = self._children(payment, ("dobj",))
            # "adopted a Forfeiture Order ..., directing Brindlecote to pay within thirty days": what
            # is to be paid is the penalty the sentence names
            fined = any(o.lemma_.lower() in _PENALTY_SUMS for o in paid_sums) or (
                not paid_sums and any(t.lower_ in _PENALTY_SUMS for t in anchor.sent if t.pos_ in ("NOUN", "PROPN"))
            )
            benched = any(f.type == "COURT" or "COURT" in (f.anaphor or "") for f in finished.agent)
            if fined and finished.agent and not benched:
                return None  # "the Board issued a decision ordering X to pay a fine": that fine is the act
            finished.type = "ruling"  # "was ordered to serve two years": part of a sentence, which is a court's
        if trigger.pos_ == "NOUN":
            # "The order, signed by the Assistant Secretary, is valid for 180 days": an act
            # the document already reported, whether or not this mention names its signer
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children)
            # "Federal investigators served the out-of-service order": nobody named acts anew
            unnamed = all(
                not f.entity_id and (not f.anaphor or f.text.lower().split()[-1].rstrip("s") in self.lex.staff_nouns)
                for f in agent
            )
            # "The Commission voted 3-0 to issue the orders": the vote behind the orders just told
            voted = anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() == "vote"
            finished.definite = definite and (unnamed or voted or anchor.dep_ in ("acl", "relcl"))
        if finished.type == "penalty":
            paid = trigger if trigger.pos_ == "VERB" else trigger.head
            sums = [c for c in paid.children if c.dep_ == "dobj"] if trigger.pos_ == "VERB" else [trigger]
            finished.settles = paid.lemma_.lower() in ("pay", "forfeit") and any(
                s.dep_ == "dobj" and any(d.dep_ in ("det", "poss") and d.lower_ in _BACK_REFERENCES for d in s.children)
                for s in sums
            )
        if trigger.pos_ == "VERB":
            finished.continues = any(c.dep_ == "advmod" and c.lower_ == "also" for c in trigger.children)
            # "At the hearing, Mr. Delacourt testified": what happened at a meeting already told
            finished.definite = any(
                prep.dep_ == "prep"
                and prep.lower_ in ("at", "during")
                and any(d.dep_ == "det" and d.lower_ in ("the", "that") for d in place.children)
                and any(r.type == finished.type for r in self.noun_rules.get(place.lemma_.lower(), ()))
                for prep in trigger.children
                for place in self._children(prep, ("pobj",))
            )
        self.attributes(finished, trigger.doc, ents, trigger, anchor, rule)
        return finished

    def __call__(self, doc: Doc) -> Doc:
        ents = _entity_spans(doc)
        candidates: list[Candidate] = []
        # what a bill's long title lists is what the bill would do, not what anyone did
        used: set[int] = {i for sentence in doc.sents for i in _title_words(sentence)}
        for token in doc:
            if token.i in used or (token.pos_ not in ("NOUN", "PROPN") and not self._mistagged_noun(token)):
                continue
            if token.dep_ == "compound" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in self.lex.bench_titles:
                continue  # "Administrative Law Judge Ulrika Brinkhaus": a title, not a law
            lemma = first_lemma_key(token, self.noun_rules)
            if lemma is None:
                law = ents.get(token.i)
                if (
                    law is not None
                    and law._.entity_type == "LAW"
                    and _law_head(law).i == token.i
                    # ("signed Ordinance No. 2025-47": the parser may make "No" or the number the head)
                    and (token.pos_ == "PROPN" or len(law) > 1)
                ):
                    lemma = "law"  # "Congress enacted ECRA": a law's name is a law
            if lemma is not None:
                for rule in self.noun_rules[lemma]:
                    found = self.noun_candidate(token, rule, ents, frozenset(used))
                    if found is not None:
                        candidates.append(found)
                        candidates.extend(self._conjoined_acts(token, rule, ents, frozenset(used)))
                        used.add(token.i)
                        break
        for token in doc:
            if token.i in used or not (
                token.pos_ == "VERB" or self._mistagged_verb(token) or self._now_available(token)
            ):
                continue
            lemma = first_lemma_key(token, self.verb_rules)
            if lemma is not None:
                for rule in self.verb_rules[lemma]:
                    found = self.verb_candidate(token, rule, ents, frozenset(used))
                    if found is not None:
                        candidates.append(found)
                        break
        doc._.event_candidates = _one_act_per_moratorium(doc, candidates)
        return doc


def _one_act_per_moratorium(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "the Board adopted Ordinance 2025-11, establishing a twelve-month moratorium": the
    ordinance is passed to suspend something, and the suspension is the act told."""
    moratoria = {c.sentence_start for c in candidates if c.type == "suspension"}
    return [
        c
        for c in candidates
        if not (
            c.type in ("legislation", "rule")
            and c.sentence_start in moratoria
            and "ordinance" in c.trigger.lower()
            and "moratorium" in doc.text[c.sentence_start : c.sentence_end].lower()
        )
    ]


@Language.factory("regwatch_events", default_config={})
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    return EventFinder(default_rules())
