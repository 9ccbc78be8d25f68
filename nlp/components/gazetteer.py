"""The gazetteer component: known entities found by phrase matching.

Two PhraseMatchers (a trie lookup per token, whatever the number of
aliases): one on lower-cased tokens for the aliases that are safe in any
case, one on exact tokens for those that are only names when capitalised
("EAR", "Commerce", "Meta"). Longest matches win; each span gets its
entity's id as `ent_id_`, which the linker turns into the canonical entity.
This replaces spaCy's entity_ruler, whose token patterns cost time per
pattern on every token of a long document.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.dates import CALENDAR_NAMES
from nlp.gazetteer import default_gazetteer

# what "State regulators" and "State law" go on to name; "Commerce officials" are the
# department's own, so "officials" is not here
_GENERIC_GOVERNMENT_NOUNS = frozenset({"regulator", "regulators", "law", "laws", "lawmakers", "legislators", "legislature", "court", "courts", "prosecutors", "police", "attorney", "attorneys", "senators", "agencies", "statute", "statutes"})  # fmt: skip


# one-word names that are written without an article ("Commerce and State"); "the Treasury" is
# the department, but "the State" is a state
_NAMES_NEVER_AFTER_THE = frozenset({"State"})
# capitalised in a title-case headline without starting a name ("Fine By Data Protection Commission")
_TITLE_CASE_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "and", "of", "in", "on", "by", "for", "to", "with", "at", "from"}
)


@Language.factory("regwatch_gazetteer", default_config={})
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)


class GazetteerMatcher:
    def __init__(self, nlp: Language):
        gazetteer = default_gazetteer()
        self.labels: dict[int, tuple[str, str]] = {}
        self.canonicals = {entry.id: entry.canonical for entry in gazetteer.entries.values()}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in gazetteer.entries.values():
            key = nlp.vocab.strings.add(entry.id)
            self.labels[key] = (entry.type, entry.id)
            # Both the written and the lower-cased form: the tokenizer splits "u.s." unlike "U.S."
            names = (entry.canonical, *entry.aliases, *gazetteer.possessive_forms(entry))
            safe = {form for name in names for form in (name, name.lower())}
            cased = set(entry.cased_aliases)
            cased |= {"The " + name[4:] for name in entry.cased_aliases if name.startswith("the ")}
            if safe:
                self.lower.add(entry.id, [nlp.make_doc(name) for name in sorted(safe)])
            if cased:
                self.cased.add(entry.id, [nlp.make_doc(name) for name in sorted(cased)])

    @staticmethod
    def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
        """A one- or two-letter name ("X") written as the tail of a capitalised name ("Veil X") is part of it."""
        if len(doc[start:end].text) > 2 or start == 0:
            return False
        before = doc[start - 1]
        return before.is_title and before.is_alpha and not before.is_sent_start

    @staticmethod
    def _tail_of_foreign_name(doc: Doc, start: int, end: int, canonical: str) -> bool:
        """ "The Nigeria Data Protection Commission": a body the gazetteer knows in one country only
        ("Data Protection Commission (Ireland)") named with another place's name in front is
        another country's body (the gazetteer's own "Irish Data Protection Commission" is longer)."""
        if not canonical.endswith(")") or start == 0:
            return False
        before = doc[start - 1]
        capitalised = before.is_title or (before.is_upper and doc[start].is_upper)
        if not (capitalised and before.is_alpha) or before.lower_ in _TITLE_CASE_FUNCTION_WORDS:
            return False
        return before.text.lower() not in canonical.lower()

    @staticmethod
    def _tail_of_code(doc: Doc, start: int, end: int) -> bool:
        """ "MARCS-CMS 702914" (an FDA file number): an acronym glued to another by a hyphen is a code."""
        if start < 2 or not doc[start:end].text.isupper() or doc[start - 1].text != "-":
            return False
        before, hyphen = doc[start - 2], doc[start - 1]
        glued = not before.whitespace_ and not hyphen.whitespace_
        return glued and before.text.isalpha() and before.text.isupper()

    @staticmethod
    def _head_of_longer_name(doc: Doc, start: int, end: int) -> bool:
        """ "New York State Department of Financial Services": "State Department" begins another body's name."""
        # ("the Commerce Committee": a legislature's committee, named for what it oversees)
        bodies = (
            "department",
            "ministry",
            "office",
            "bureau",
            "agency",
            "commission",
            "committee",
            "subcommittee",
            "board",
        )
        if end < len(doc) and doc[end].is_title and doc[end].lower_ in bodies:
            return True  # "State" of "Florida State Department of Health"
        # "New York State Public Service Commission": a capitalised run ending in a body's noun
        run = end
        while run < len(doc) and run < end + 4 and doc[run].is_title and doc[run].lower_ not in bodies:
            run += 1
        if run > end and run < len(doc) and doc[run].is_title and doc[run].lower_ in (*bodies, "board", "authority"):
            return True
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return False
        # "the President of UODO", "the President of the Personal Data Protection Office": another office
        following = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
        if doc[end - 1].lower_ in ("president", "chair", "chairman", "chairwoman") and (
            following.is_title or following.is_upper
        ):
            return True
        return doc[end + 1].is_title and doc[end - 1].lower_ in bodies

    @staticmethod
    def _tail_of_company_name(doc: Doc, start: int, end: int, matched: set[int]) -> bool:
        """ "Sorae Commerce", "Halvorsen Energy": a department's one-word short name that an
        unknown capitalised word modifies is the end of a company's name, not the department."""
        if end - start != 1 or start == 0 or not doc[start].is_title:
            return False
        before = doc[start - 1]
        return (
            before.head.i == start
            and before.dep_ == "compound"
            and before.is_title
            and before.is_alpha
            and not before.is_sent_start
            and before.i not in matched
            and before.lower_ not in CALENDAR_NAMES  # "In May Commerce added ...": the department
        )

    @staticmethod
    def _ministers_rank(doc: Doc, start: int, end: int) -> bool:
        """ "Minister of State for Trade Policy": a British minister's rank, not the State Department."""
        return (
            doc[start:end].text == "State"
            and start > 1
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ in ("minister", "ministers")
        )

    @staticmethod
    def _head_of_model_name(doc: Doc, end: int) -> bool:
        """ "the Cadence IP-400 pump": a name that is also a common word ("Cadence"), before a model
        number, is the product line's name, not the company the gazetteer knows by that word."""
        if end >= len(doc):
            return False
        code = doc[end].text
        return any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code) and code[0].isupper()

    @staticmethod
    def _adjective_before_noun(doc: Doc, start: int, end: int) -> bool:
        """ "State regulators", "State law": a one-word name ("State") that is just the
        capitalised adjective of a sentence's first words, before a common noun of government."""
        if end - start != 1:
            return False
        if doc[start].text in _NAMES_NEVER_AFTER_THE and start > 0 and doc[start - 1].lower_ == "the":
            return True  # "The State may not condition access": a judge's state, never the State Department
        if end >= len(doc):
            return False
        after = (
            end + 1 if doc[end].lower_ in ("'s", "’s") and end + 1 < len(doc) else end
        )  # "the state's attorney general"
        return doc[after].lower_ in _GENERIC_GOVERNMENT_NOUNS

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        found = {matcher: matcher(doc) for matcher in (self.lower, self.cased)}
        matched = {i for matches in found.values() for _, start, end in matches for i in range(start, end)}
        for matcher, matches in found.items():
            for key, start, end in matches:
                if matcher is self.cased and (
                    self._inside_longer_name(doc, start, end)
                    or self._tail_of_company_name(doc, start, end, matched)
                    or self._adjective_before_noun(doc, start, end)
                    or self._ministers_rank(doc, start, end)
                    or self._head_of_model_name(doc, end)
                ):
                    continue
                if self._head_of_longer_name(doc, start, end) or self._tail_of_code(doc, start, end):
                    continue
                label, entity_id = self.labels[key]
                if self._tail_of_foreign_name(doc, start, end, self.canonicals[entity_id]):
                    # the whole name is a body of its own, for the linker to name
                    spans.append(Span(doc, start - 1, end, label="ORG"))
                    continue
                spans.append(Span(doc, start, end, label=label, span_id=entity_id))
        if not spans:
            return doc
        chosen = filter_spans(spans)  # longest first: "White House Office of ..." beats "White House"
        taken = {t for span in chosen for t in range(span.start, span.end)}
        others = [e for e in doc.ents if not any(t in taken for t in range(e.start, e.end))]
        doc.ents = filter_spans(chosen + others)
        return doc
