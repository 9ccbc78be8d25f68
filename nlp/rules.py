"""Event trigger rules and the lexicon, loaded from `data/rules/` and validated.

A typo in a rule file (`"catgory"`, a misspelt type) fails the load with a
message naming the file, the line and the key, instead of silently making a
rule that never fires.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from nlp.datafiles import jsonl_objects

RULES_DIR = Path(__file__).resolve().parent.parent / "data" / "rules"
EVENT_TYPES = (
    "order", "rule", "designation", "lawsuit", "ruling", "investigation",
    "penalty", "suspension", "legislation", "meeting", "launch",
)  # fmt: skip

_RULE_KEYS = {
    "id": str, "type": str, "pos": str, "lemmas": list, "requires_modifier": list, "excluded_modifiers": list,
    "requires_modifier_for": dict, "realized_by": list, "requires_object_of_realizer": bool,
    "requires_context": list, "requires_object": bool, "requires_object_for": list,
    "requires_particle_for": dict, "requires_governor": list, "requires_agent_type": list, "requires_object_type": list, "subject_lemmas": list, "follows_type": str,
    "type_by_agent": dict, "subject_role": str, "attrs": dict, "nominal_roles": bool,
    "stage_by_realizer": dict, "target_preps": list, "object_lemmas": list, "excluded_object_lemmas": list, "ignore_governors": list, "ignore_modals": list, "requires_past": bool, "requires_party_target": bool, "passive_agent_type": str, "confidence": float, "prefilter": list, "agent_preps": list, "requires_agent_prep": bool, "names_its_target": bool, "party_preps": list, "attestation": bool,
}  # fmt: skip


class RuleError(ValueError):
    """A rule file is malformed; the message says which file, line and key."""


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    pos: str
    lemmas: frozenset[str]
    requires_modifier: tuple[str, ...] = ()
    requires_modifier_for: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # modifiers that make the noun something else ("an administrative proceeding" is no lawsuit)
    excluded_modifiers: tuple[str, ...] = ()
    realized_by: frozenset[str] = frozenset()
    requires_object_of_realizer: bool = False
    requires_context: frozenset[str] = frozenset()
    requires_object: bool = False
    requires_object_for: frozenset[str] = frozenset()
    requires_particle_for: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # verbs that are this event only under one of these ("began selling", not "sold")
    requires_governor: frozenset[str] = frozenset()
    requires_agent_type: frozenset[str] = frozenset()
    requires_object_type: frozenset[str] = frozenset()
    # subjects that alone can make this act ("the Governor signed it": a head of government)
    subject_lemmas: frozenset[str] = frozenset()
    # an act told by a pronoun ("signed it") stands only after an act of this type was told
    follows_type: str | None = None
    type_by_agent: dict[str, str] = field(default_factory=dict)
    subject_role: str = "agent"
    attrs: dict[str, str] = field(default_factory=dict)
    nominal_roles: bool = False
    stage_by_realizer: dict[str, str] = field(default_factory=dict)
    # prepositions whose object is the target ("talks with X", "sued ... against X")
    target_preps: tuple[str, ...] = ("against", "on", "of", "over", "targeting", "into", "for")
    # with the subject as target, prepositions whose object acts ("X testified before the committee":
    # the committee holds the hearing)
    agent_preps: tuple[str, ...] = ()
    # the act stands only with one of those prepositions ("appeared before the committee", not
    # "appears on the Entity List")
    requires_agent_prep: bool = False
    # "began commercial satellite broadband service": the trigger's own phrase is what was launched
    names_its_target: bool = False
    # "appointed a special representative at Elbquell Bank AG": the party acted on is named by
    # these prepositions, and the object is only the means
    party_preps: tuple[str, ...] = ()
    # an enrolled bill's endorsement ("Passed the Senate the 21st day of April", "Approved by the
    # Governor this 5th day of May"): the verb opens its line with no subject, and who acted is
    # its object or its "by" phrase
    attestation: bool = False
    # for verbs that are events only with a certain object ("proposed limits")
    object_lemmas: frozenset[str] = frozenset()
    # objects that make the verb something else ("property ... blocked" is what a designation does)
    excluded_object_lemmas: frozenset[str] = frozenset()
    # governors that do not make this type hypothetical ("agreed to pay a fine")
    ignore_governors: frozenset[str] = frozenset()
    # modals that do not make this type hypothetical ("will pay a $7.5 million penalty to settle")
    ignore_modals: frozenset[str] = frozenset()
    # words a sentence must hold to be parsed for this rule, where its lemma is too common to
    # filter by ("is now available": "available", not every "is")
    prefilter: frozenset[str] = frozenset()
    # only in the past ("reviewed", "began reviewing"), not "we are reviewing"
    requires_past: bool = False
    # the act must name whom it is aimed at ("began looking into Tollgate", not "into the system")
    requires_party_target: bool = False
    # who acts when the passive names nobody ("the judgment is REVERSED": a court)
    passive_agent_type: str | None = None
    confidence: float = 0.6


@dataclass(frozen=True)
class Lexicon:
    modals: frozenset[str]
    # what a company does with a product; halting one halts the product ("suspended sales of the Domo 1")
    activity_nouns: frozenset[str]
    # "ordered it to stop making the robot available": what stops is not a new act
    cessative_verbs: frozenset[str]
    non_factual_governors: frozenset[str]
    non_factual_modifiers: frozenset[str]
    hedge_adverbs: frozenset[str]
    # what a body does as a rule, not an act ("Commerce's preliminary determinations usually follow")
    habitual_adverbs: frozenset[str]
    conditional_marks: frozenset[str]
    receive_verbs: frozenset[str]
    intransitive_realizers: frozenset[str]
    anaphoric_date_phrases: tuple[str, ...]
    product_nouns: frozenset[str]
    anaphors: dict[str, frozenset[str]]
    pronouns: dict[str, tuple[str, ...]]
    product_stopwords: frozenset[str]
    corporate_suffixes: frozenset[str]
    people_nouns: frozenset[str]
    date_words_extra: frozenset[str]
    # an order's formal words, never its parties ("IT IS HEREBY ORDERED", parsed with HEREBY as subject)
    formal_adverbs: frozenset[str]
    actor_nouns: frozenset[str]
    implicative_verbs: frozenset[str]
    non_factual_nouns: frozenset[str]
    act_subject_nouns: frozenset[str]
    order_verbs: frozenset[str]
    # words that make a capitalised phrase a document, never an organisation or person
    # ("Wells Notice", "Order Denying Export Privileges", "Federal Register / Vol")
    document_nouns: frozenset[str]
    # company-name abbreviations the tokenizer would split from their full stop, ending the
    # sentence inside a name ("Lion City Compute Pte. Ltd. to the Entity List")
    abbreviations: frozenset[str]
    # realizing verbs that alone make a sentence worth parsing: "Congress enacted ECRA" names
    # its law without any trigger noun
    keyword_realizers: frozenset[str]
    # nouns for one person by role ("a former sales director of X"): described, they are that person
    person_roles: frozenset[str]
    # papers that speak for whoever issued them ("the Commission issued a Notice ... proposing a forfeiture")
    issued_papers: frozenset[str]
    # titles whose country is not a party ("U.S. Senator Margaret Ellery")
    personal_titles: frozenset[str]
    # titles of judges: what they order is part of their ruling
    bench_titles: frozenset[str]
    # titles of people who can give an order ("President", "Secretary")
    official_titles: frozenset[str]
    # who can pass, sign or propose a law when the tagger gives no entity type
    lawmaker_words: frozenset[str]
    # roles an order binds by name ("Respondent X shall pay"): its "shall" orders, it does not foretell
    party_roles: frozenset[str]
    # places where a party works, named after their town ("the Evansville facility")
    site_nouns: frozenset[str]
    # an agency's staff, told without naming it ("Diversion investigators executed a warrant")
    staff_nouns: frozenset[str]
    # verbs whose object is the party a penalty told in the same breath falls on ("cited X ... and proposed $Y")
    citing_verbs: frozenset[str]
    # what an inquiry or a meeting does when it starts of itself ("an investigation that began in April")
    opening_verbs: frozenset[str]
    # last words of a public body's name ("... Consumer Protection Commission"): an agency, whatever the model says
    agency_heads: frozenset[str]
    # who holds a public office ("District Public Prosecutors Office", "Information Commissioner's Office")
    public_office_holders: frozenset[str]
    # "the Commission", "the Council" in a text about the European Union's courts or bodies
    eu_bare_names: dict[str, frozenset[str]]

    def has_legal_suffix(self, name: str) -> bool:
        """ "Halcyra Robotics, Inc.", "Kestrel Optics Corp.": a name ending in a corporate word."""
        words = name.split()
        if not words:
            return False
        last = words[-1].rstrip(".,")
        # "NIMBLETIDE HEALTH, INC." in an upper-case heading; short ones ("AG", "SA") are
        # too often other words in capitals to be trusted that way
        return last in self.corporate_suffixes or (
            len(last) > 2 and last.isupper() and last.lower() in self._folded_suffixes
        )

    @cached_property
    def _folded_suffixes(self) -> frozenset[str]:
        return frozenset(s.lower() for s in self.corporate_suffixes)

    # what an authority publishes, never a product it launches ("copies of the said Gazette were made available")
    published_papers: frozenset[str]
    # an order to hand over information is an inquiry's step ("ordered it to provide information")
    supplying_verbs: frozenset[str]
    information_nouns: frozenset[str]
    # what customers are charged for, when "charged" means billed ("charged for a full year")
    billed_for: frozenset[str]
    # verbs by which a body makes its own act known ("announced today that an enforcement notice was served")
    announcing_verbs: frozenset[str]
    # where an act is recorded or published, never whom it acts on ("entered on the administrative docket")
    record_places: frozenset[str]
    # who is put on or taken off a sanctions list: listing them needs no list named ("The Council
    # listed an additional 41 individuals and 17 entities"), unlike "Zentrix listed 28 models"
    listed_kinds: frozenset[str]
    # people sent by a body, who act for it ("members of the Company's senior management")
    delegation_nouns: frozenset[str]
    # Latin and set phrases the model takes for names ("25 percent ad valorem")
    not_names: frozenset[str]
    # a wire story's dateline city, by country code ("WELLINGTON, 15 May 2026 —" is New Zealand's):
    # a bare "High Court" or "Senate" under it is that country's
    dateline_cities: dict[str, frozenset[str]]


@dataclass(frozen=True)
class RuleSet:
    triggers: tuple[TriggerRule, ...]
    lexicon: Lexicon

    def by_pos(self, pos: str) -> dict[str, list[TriggerRule]]:
        """lemma -> rules for that part of speech (VERB or NOUN)."""
        index: dict[str, list[TriggerRule]] = {}
        for rule in self.triggers:
            if rule.pos == pos:
                for lemma in rule.lemmas:
                    index.setdefault(lemma, []).append(rule)
        return index

    def keywords(self) -> frozenset[str]:
        """Every trigger lemma (or a rule's own prefilter words), for the cheap pre-filter of sentences."""
        return (
            frozenset(word for rule in self.triggers for word in (rule.prefilter or rule.lemmas))
            | self.lexicon.keyword_realizers
        )


def _check_rule(row: Any, where: str) -> TriggerRule:
    if not isinstance(row, dict):
        raise RuleError(f"{where}: expected a JSON object")
    for key, value in row.items():
        if key not in _RULE_KEYS:
            raise RuleError(f"{where}: unknown key {key!r}; allowed: {sorted(_RULE_KEYS)}")
        expected = _RULE_KEYS[key]
        if expected is float and isinstance(value, int | float):
            continue
        if not isinstance(value, expected):
            raise RuleError(f"{where}: key {key!r} must be a {expected.__name__}")
    for key in ("id", "type", "pos", "lemmas"):
        if key not in row:
            raise RuleError(f"{where}: missing key {key!r}")
    if row["type"] not in EVENT_TYPES:
        raise RuleError(f"{where}: type {row['type']!r} is not an event type ({', '.join(EVENT_TYPES)})")
    if row["pos"] not in ("VERB", "NOUN"):
        raise RuleError(f"{where}: pos must be VERB or NOUN, not {row['pos']!r}")
    for mapped in row.get("type_by_agent", {}).values():
        if mapped not in EVENT_TYPES:
            raise RuleError(f"{where}: type_by_agent maps to unknown type {mapped!r}")
    return TriggerRule(
        id=row["id"],
        type=row["type"],
        pos=row["pos"],
        lemmas=frozenset(row["lemmas"]),
        requires_modifier=tuple(row.get("requires_modifier", ())),
        excluded_modifiers=tuple(row.get("excluded_modifiers", ())),
        requires_modifier_for={k: tuple(v) for k, v in row.get("requires_modifier_for", {}).items()},
        realized_by=frozenset(row.get("realized_by", ())),
        requires_object_of_realizer=row.get("requires_object_of_realizer", False),
        requires_context=frozenset(row.get("requires_context", ())),
        requires_object=row.get("requires_object", False),
        requires_object_for=frozenset(row.get("requires_object_for", ())),
        requires_particle_for={k: tuple(v) for k, v in row.get("requires_particle_for", {}).items()},
        requires_governor=frozenset(row.get("requires_governor", ())),
        requires_agent_type=frozenset(row.get("requires_agent_type", ())),
        requires_object_type=frozenset(row.get("requires_object_type", ())),
        type_by_agent=dict(row.get("type_by_agent", {})),
        subject_role=row.get("subject_role", "agent"),
        attrs=dict(row.get("attrs", {})),
        nominal_roles=row.get("nominal_roles", False),
        stage_by_realizer=dict(row.get("stage_by_realizer", {})),
        target_preps=tuple(row.get("target_preps", TriggerRule.target_preps)),
        agent_preps=tuple(row.get("agent_preps", ())),
        requires_agent_prep=row.get("requires_agent_prep", False),
        names_its_target=row.get("names_its_target", False),
        party_preps=tuple(row.get("party_preps", ())),
        attestation=row.get("attestation", False),
        object_lemmas=frozenset(row.get("object_lemmas", ())),
        subject_lemmas=frozenset(row.get("subject_lemmas", ())),
        follows_type=row.get("follows_type"),
        excluded_object_lemmas=frozenset(row.get("excluded_object_lemmas", ())),
        ignore_governors=frozenset(row.get("ignore_governors", ())),
        ignore_modals=frozenset(row.get("ignore_modals", ())),
        requires_past=row.get("requires_past", False),
        requires_party_target=row.get("requires_party_target", False),
        passive_agent_type=row.get("passive_agent_type"),
        confidence=float(row.get("confidence", 0.6)),
        prefilter=frozenset(row.get("prefilter", ())),
    )


def load_triggers(path: Path) -> tuple[TriggerRule, ...]:
    rules: list[TriggerRule] = []
    seen: set[str] = set()
    for where, row in jsonl_objects(path, RuleError):
        rule = _check_rule(row, where)
        if rule.id in seen:
            raise RuleError(f"{where}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


# Word lists keep their order where it matters (phrases tried in turn); the rest are sets.
_ORDERED_LISTS = {"anaphoric_date_phrases"}
_ORDERED_MAPS = {"pronouns"}


def load_lexicon(path: Path) -> Lexicon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RuleError(f"{path}: not JSON: {exc.msg} (line {exc.lineno})") from None
    expected = {f.name for f in fields(Lexicon)}
    unknown, missing = set(data) - expected, expected - set(data)
    if unknown or missing:
        raise RuleError(f"{path}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            convert = tuple if key in _ORDERED_MAPS else frozenset
            values[key] = {k: convert(v) for k, v in value.items()}
        else:
            values[key] = tuple(value) if key in _ORDERED_LISTS else frozenset(value)
    return Lexicon(**values)


def load_rules(directory: Path | str = RULES_DIR) -> RuleSet:
    directory = Path(directory)
    return RuleSet(
        triggers=load_triggers(directory / "events.jsonl"),
        lexicon=load_lexicon(directory / "lexicon.json"),
    )


@lru_cache(maxsize=4)
def default_rules(directory: str = str(RULES_DIR)) -> RuleSet:
    return load_rules(directory)
