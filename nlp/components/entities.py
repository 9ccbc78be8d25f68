"""Entity components: product names found by shape, and the entity linker.

Both work on any `Doc`, with or without the statistical model, so the cheap
whole-document pass and the full parse of candidate sentences share them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import extensions  # noqa: F401  (registers the Span/Doc attributes)
from nlp.casing import acronym_run
from nlp.gazetteer import default_gazetteer
from nlp.rules import default_rules

# What is "released" without being launched: papers, figures and recordings.
_PAPER_WORDS = frozenset(
    "report reports rule rules order orders guidance statement statements data findings act plan memo letter "
    "letters budget strategy framework list results documents document files video recording transcript audit "
    "study survey figures numbers minutes opinion decision filing filings records emails".split()
)

# "fable5", "Mythos5", "gpt4": letters glued to a version number.
_GLUED_PRODUCT = re.compile(r"^([A-Za-z]{3,})-?(\d{1,3}[a-z]?)$")
_VERSION = re.compile(r"^\d{1,3}(?:\.\d)?[a-z]?$")
# "Orbitek H7", "Sable X2", "Stellvard S-19": a model code after a name
_MODEL_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]?$")
_CORPORATE_SUFFIX = re.compile(
    r"[,\s&]+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|l\.l\.c|s\.a|s\.l|s\.l\.u|s\.a\.u|ag|gmbh|kg|kgaa|n\.v|b\.v|"
    r"pte|pvt|private|pty|sdn|bhd|s\.r\.o|a\.s|s\.p\.a|jsc|pjsc|ooo|tbk|a\.ş|k\.k|kk|fze|fzco|fz-llc|dmcc)\.?$",
    re.IGNORECASE,
)
# a role in a case, which people hold as well as companies ("plaintiff Dana Reyes")
_PARTY_NOUNS = frozenset({"plaintiff", "defendant"})
_PARTY_ROLE = re.compile(
    r"^(?i:(?:lead |named )?(?:plaintiff|defendant|petitioner|respondent|appellant|appellee|intervenor)s?"
    r"(?:[- ](?:appellant|appellee|cross-appellant|cross-appellee|intervenor))?)\s+(?=[A-Z][a-z])"
)
MODEL_LABEL_TYPES = {
    "ORG": "ORG", "PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "NORP": "GROUP", "PRODUCT": "PRODUCT", "LAW": "LAW", "MONEY": "MONEY",
}  # fmt: skip
ID_PREFIX = {
    "ORG": "org", "PERSON": "person", "PLACE": "place", "GROUP": "group", "PRODUCT": "product",
    "LAW": "law", "AGENCY": "agency", "GOV": "gov", "LIST": "list", "COURT": "court", "LEGISLATURE": "legislature",
}  # fmt: skip


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def clean_name(surface: str) -> str:
    """The name without "the", possessive or corporate suffix, with sane capitals."""
    name = re.sub(r"\s+", " ", surface).strip(" \t\n\"'“”‘’()[],.;:")
    # 'the "Securities Commissioner"': the defined term's quote comes after the article
    name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.IGNORECASE).strip("\"'“”‘’")
    # "the Division of Enforcement of the": the model cut the name before its owner
    name = re.sub(r"(?:\s+(?:of|the|and|for|&))+$", "", name, flags=re.IGNORECASE)
    # "Plaintiff-Appellant Halloway Digital Assets LLC": the party's role in the case is not its name
    name = _PARTY_ROLE.sub("", name)
    name = re.sub(r"(['’]s|['’])$", "", name)
    previous = None
    while previous != name:  # "Hexwave Robotics Co., Ltd." loses both
        previous = name
        name = _CORPORATE_SUFFIX.sub("", name).strip(" ,")
    if name and (name.islower() or (name.isupper() and len(name) > 5)):
        name = " ".join(w[:1].upper() + w[1:].lower() if w.isalpha() or w.islower() else w for w in name.split())
    return name


def product_canonical(surface: str) -> str:
    """ "fable5", "Fable5" and "Fable 5" all become "Fable 5"."""
    text = re.sub(r"\s+", " ", surface).strip()
    words = text.split()
    # "Fable 5" is "fable5" written apart; "Orbitek H7" is a name and a model code, kept as written
    apart = len(words) == 2 and bool(_VERSION.match(words[1]))
    glued = _GLUED_PRODUCT.match(text.replace(" ", "")) if len(words) == 1 or apart else None
    if glued:
        word, version = glued.groups()
        if word.islower() or (word.isupper() and len(word) > 4):
            word = word[:1].upper() + word[1:].lower()
        return f"{word} {version}"
    return clean_name(text)


def new_entity_id(label: str, surface: str) -> tuple[str, str]:
    """(id, canonical) for an entity no gazetteer knows; same name, same id, in every document."""
    canonical = product_canonical(surface) if label == "PRODUCT" else clean_name(surface)
    return f"{ID_PREFIX.get(label, 'misc')}:{slug(canonical)}", canonical


@Language.factory("regwatch_products", default_config={})
def make_product_finder(nlp: Language, name: str) -> ProductFinder:
    return ProductFinder(default_rules().lexicon.product_stopwords)


_NUMBERED_INSTRUMENT = re.compile(
    r"\b(?:(?:Cabinet|Federal|Ministerial|Presidential|Executive|Supreme)[ -])?(?:Resolution|Decree|Decree-Law|Ordinance|Bill)"
    # "Ordinance 121-O-25", "Ordinance 2025-47": a city's hyphenated number needs no "No."
    r" (?:No\.? ?\(?\d[\d,.]*(?:-(?:[A-Z]{1,2}-)?\d+)*\)?|\d+-(?:[A-Z]{1,2}-)?\d+\b)(?: of \d{4})?"
)
# a bill's number as Congress and the states write it; not "U.S. 500" (a volume of reports)
_BILL_NUMBER = re.compile(
    # ("H. Res. 912", "S.J. Res. 14": a chamber's resolution by its number)
    r"(?<![\w.])(?:H\.\s?R\.|S\.|H\.\s?B\.|S\.\s?B\.|A\.\s?B\.|H\.\s?F\.|S\.\s?F\.|HB|SB|AB"
    r"|(?:H|S)\.\s?(?:(?:J|Con)\.\s?)?Res\.)\s?\d{1,5}\b(?!\.\d)"
    # "Senate Bill 1473", "Assembly Bill No. 12": written out, as the states do
    r"|\b(?:Senate|House|Assembly) (?:Bill|(?:Joint |Concurrent )?Resolution) (?:No\. ?)?\d{1,5}\b(?!\.\d)"
)


def _one_court(doc: Doc, ent: Span, following: Span) -> bool:
    """Whether a name the model ended early and the name after it are one court's: "the Circuit
    Court of" + "Cook County", "the Gauteng Division" + "of the High Court"."""
    if ent.label_ != "ORG":
        return False
    if not ent.ent_id_ and ent[-1].lower_ == "of":
        return following.start == ent.end and following.label_ in ("GPE", "LOC", "ORG")
    return (
        ent[-1].lower_ in ("division", "bench", "chamber", "registry")
        and following.start == ent.end + 2
        and doc[ent.end].lower_ == "of"
        and doc[ent.end + 1].lower_ == "the"
        and following[-1].lower_ in ("court", "tribunal")
    )


def _court_part(doc: Doc, ent: Span, following: Span) -> bool:
    """ "Chancery Division" after "the Superior Court of New Jersey, ": a part of the court named
    before it, which the model may take for a firm."""
    return (
        ent[-1].lower_ != "division"
        and any(t.lower_ in ("court", "tribunal") for t in ent)
        and following.start == ent.end + 1
        and doc[ent.end].text == ","
        and following[-1].lower_ in ("division", "part", "section")
        and not following.ent_id_
    )


_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "crore", "lakh", "mn", "bn", "m"})


def _free_for_product(doc: Doc, name: Span, also: tuple[str, ...] = ()) -> bool:
    """Whether `name` may become a product: no gazetteer name overlaps it, and what the model
    found inside it is a guess it often gets wrong for coined names ("released Pocket Parade":
    a place it does not know)."""
    guesses = ("ORG", "PRODUCT", "WORK_OF_ART", "PERSON", "FAC", "GPE", "LOC", *also)
    return all(
        not ent.ent_id_ and ent.label_ in guesses and name.start <= ent.start and ent.end <= name.end
        for ent in doc.ents
        if ent.start < name.end and name.start < ent.end
    )


class ProductFinder:
    """Marks product and model names by their shape: "fable5", "Fable 5 and Mythos 5".

    A glued name ("fable5") is taken as it stands. A capitalised word plus a
    number ("Fable 5") is taken only when it is not a known non-product word
    ("Section 5", "March 13") and, in the same sentence, a product noun or
    another such name appears (the caller may widen this across a document).
    """

    def __init__(self, stopwords: frozenset[str]):
        self.stopwords = stopwords
        self.product_nouns = default_rules().lexicon.product_nouns
        self.corporate_suffixes = default_rules().lexicon.corporate_suffixes
        launch_rules = [rule for rule in default_rules().triggers if rule.type == "launch" and rule.pos == "VERB"]
        self.launch_verbs = frozenset(lemma for rule in launch_rules for lemma in rule.lemmas)
        # "roll" launches only with "out"
        self.launch_particles = {
            lemma: frozenset(particles)
            for rule in launch_rules
            for lemma, particles in rule.requires_particle_for.items()
        }

    def _launched_names(self, doc: Doc) -> list[Span]:
        """Coined names a company launches ("Tallowbrook launched PuzzlePals"): products, whatever their shape.

        The model often reads such a name as an organisation, a person or
        nothing at all; being the object of a launch by a company is what says
        it is a product. So is "its MJ-Therm camera cores": a name before a
        product noun.
        """
        if not doc.has_annotation("DEP"):
            return []
        found = []
        for verb in doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.launch_verbs:
                continue
            particles = self.launch_particles.get(verb.lemma_.lower())
            # "made Kelpie Hear ... available": the parser makes "available" a complement, not a particle
            complements = [
                c
                for c in verb.children
                if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in (particles or ())
            ]
            if (
                particles is not None
                and not complements
                and not any(c.dep_ == "prt" and c.lower_ in particles for c in verb.children)
            ):
                continue
            # "it began selling its cores": the subject is the governing verb's
            holder = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else verb
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [
                c for c in holder.children if c.dep_ == "nsubj"
            ]
            launched = [c for c in verb.children if c.dep_ == "dobj"] or [
                s for c in complements for s in c.children if s.dep_ in ("nsubj", "dobj")
            ]
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if passive and not launched:
                # "Chattoro was released in Europe last September": the name launched is the
                # subject (not a paper: "the Mueller Report was released")
                makers = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                if makers and not self._may_launch(doc, makers[0]):
                    continue
                launched = [c for c in passive if not {t.lower_ for t in c.subtree} & _PAPER_WORDS]
            elif not subjects or not self._may_launch(doc, subjects[0]):
                continue
            for obj in launched:
                if obj.lower_ in ("that", "which") and verb.dep_ == "relcl":
                    # "ParcelPaw, a delivery app that it launched": the name the relative stands for
                    obj = verb.head.head if verb.head.dep_ == "appos" else verb.head
                name = self._launched_name(doc, obj)
                if name is None:
                    continue
                if _free_for_product(doc, name):
                    found.append(name)
        return found

    def _arrived_names(self, doc: Doc) -> list[Span]:
        """Coined names that arrive by themselves: "Live Translate is now available", "Slate 6 went on
        sale", "Canvas Assist began rolling out to all users", "Ferrow Go became generally available".

        Said of a proper name, these are said of a product; the model reads such names as
        people or firms as often as not. A name the gazetteer knows keeps its type.
        """
        if not doc.has_annotation("DEP"):
            return []
        found = []
        for verb in doc:
            lemma = verb.lemma_.lower()
            if lemma not in ("become", "be", "go", "roll"):
                continue
            children = list(verb.children)
            lowered = {c.lower_ for c in children}
            arrived = (
                (lemma == "become" and any(c.dep_ == "acomp" and c.lower_ == "available" for c in children))
                or (
                    lemma == "be"
                    and "now" in lowered
                    and any(c.dep_ == "acomp" and c.lower_ == "available" for c in children)
                )
                # (not "goes live": a bank or an exchange goes live as often as a product)
                or (
                    lemma == "go"
                    and any(p.lower_ == "on" and any(o.lower_ == "sale" for o in p.children) for p in children)
                )
                or (lemma == "roll" and "out" in lowered and not any(c.dep_ == "dobj" for c in children))
            )
            if not arrived:
                continue
            holder = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else verb
            for subject in [c for c in holder.children if c.dep_ == "nsubj"][:1]:
                if subject.pos_ != "PROPN" and not (
                    subject.like_num and subject.i > 0 and doc[subject.i - 1].pos_ == "PROPN"
                ):
                    continue
                start = min([subject.i] + [c.i for c in subject.children if c.dep_ == "compound" and c.i < subject.i])
                end = subject.i + 1
                numbers = [c for c in subject.children if c.dep_ == "nummod" and c.i == subject.i + 1]
                if numbers:
                    end = numbers[0].i + 1  # "Slate 6"
                name = Span(doc, start, end, label="PRODUCT")
                # (the model may have taken the "6" of "Slate 6" for a number of its own)
                if _free_for_product(doc, name, also=("CARDINAL",)):
                    found.append(name)
        return found

    @staticmethod
    def _may_launch(doc: Doc, subject) -> bool:
        """An agency launches programmes and probes, not products; a person, or a coined company
        name the model took for one ("Dalmaji launched PibuScan"), may launch a product."""
        for ent in doc.ents:
            if ent.start <= subject.i < ent.end:
                return ent.label_ not in ("AGENCY", "GOV", "COURT", "LEGISLATURE", "GPE", "NORP")
        return True

    def _launched_name(self, doc: Doc, obj) -> Span | None:
        """The proper name an object holds: "PibuScan", "the Sarab One", "its MJ-Therm camera cores"."""
        compounds = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if obj.pos_ == "PROPN" or (obj.like_num and compounds):
            return Span(doc, min([obj.i] + [c.i for c in compounds]), obj.i + 1, label="PRODUCT")
        if obj.pos_ != "NOUN" or not compounds:
            return None
        nouns = [obj] + [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if not any(n.lemma_.lower() in self.product_nouns for n in nouns):
            return None
        start = min(c.left_edge.i for c in compounds)  # "MJ-Therm": "MJ" hangs off "Therm"
        end = max(c.i for c in compounds) + 1
        if any(doc[i].pos_ not in ("PROPN", "PUNCT") for i in range(start, end)):
            return None
        return Span(doc, start, end, label="PRODUCT")

    def _sentence_has_product_noun(self, doc: Doc, token_index: int) -> bool:
        sent = doc[token_index].sent if doc.has_annotation("SENT_START") else doc[:]
        return any(t.lower_.rstrip("s") in self.product_nouns or t.lower_ in self.product_nouns for t in sent)

    def _titled_version_at(self, doc: Doc, i: int) -> bool:
        """A name followed by a small version number, not a date or a section."""
        token = doc[i]
        if i + 1 >= len(doc) or not token.is_alpha or len(token) < 3 or token.lower_ in self.stopwords:
            return False
        if not (token.text[0].isupper() or token.is_lower):
            return False
        if not (_VERSION.match(doc[i + 1].text) or (token.text[0].isupper() and _MODEL_CODE.match(doc[i + 1].text))):
            return False
        after = doc[i + 2] if i + 2 < len(doc) else None
        if after is not None and (after.like_num or (after.text == "," and i + 3 < len(doc) and doc[i + 3].like_num)):
            return False  # "March 13, 2026" and friends are dates, not versions
        if after is not None and (after.lower_ in _SCALE_WORDS or after.ent_type_ == "MONEY"):
            return False  # "fined Pagalia Servicios Financieros 318 million pesos": a sum after a name
        return True

    def _company_at(self, texts: list[str], i: int) -> bool:
        """ "Fahrwerk24 SE" is a company that happens to end in a number."""
        return i < len(texts) and (
            texts[i].rstrip(".") in self.corporate_suffixes or texts[i].lower() == "sp."  # "sp. z o.o."
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        glued_at: set[int] = set()  # where a glued name starts, however many tokens it took
        texts = [token.text for token in doc]
        for i, text in enumerate(texts):
            match = _GLUED_PRODUCT.match(text)
            if (
                match
                and match.group(1).lower() not in self.stopwords
                and not doc[i].like_url
                and not self._company_at(texts, i + 1)
            ):
                start = i
                while (
                    start >= 2
                    and texts[start - 1] == "-"
                    and not doc[start - 2].whitespace_
                    and not doc[start - 1].whitespace_
                    and doc[start - 2].is_alpha
                ):
                    start -= 2  # "vocantis-voice-3": the tokenizer splits the maker's name off the model's
                spans.append(Span(doc, start, i + 1, label="PRODUCT"))
                glued_at.add(start)
            # a version number must follow: checked first, as almost no word is followed by one
            elif (
                i + 1 < len(texts)
                and (_VERSION.match(texts[i + 1]) or _MODEL_CODE.match(texts[i + 1]))
                and self._titled_version_at(doc, i)
                and self._sentence_has_product_noun(doc, i)
            ):
                spans.append(Span(doc, i, i + 2, label="PRODUCT"))
        launched = self._launched_names(doc) + self._arrived_names(doc) if self.launch_verbs else []
        if launched:
            replaced = {(s.start, s.end) for s in launched}
            doc.ents = filter_spans(launched + [e for e in doc.ents if (e.start, e.end) not in replaced])
        if spans:
            # A glued version name ("Ardent-4") is a product even where the model saw a person;
            # only gazetteer names outrank it.
            existing = list(doc.ents)
            protected = {t for ent in existing if ent.ent_id_ for t in range(ent.start, ent.end)}
            glued = [s for s in spans if s.start in glued_at and not any(t in protected for t in range(s.start, s.end))]
            # "its Halo 2 glasses": the model calls a name with a number a law as often as a product
            # and "Orbitek H7 sensor" has the model see the maker's name alone
            versions = [
                s
                for s in spans
                if s.start not in glued_at
                and any(
                    not e.ent_id_
                    and (
                        (e.label_ in ("LAW", "PERSON") and (e.start, e.end) == (s.start, s.end))
                        # "Lodestar 3, our most capable model": no person is numbered
                        or (e.label_ in ("ORG", "PERSON") and (e.start, e.end) == (s.start, s.start + 1))
                    )
                    for e in existing
                )
            ]
            glued += versions
            others = [e for e in existing if not any(g.start < e.end and e.start < g.end for g in glued)]
            taken = {t for ent in others + glued for t in range(ent.start, ent.end)}
            fresh = [s for s in spans if s.start not in glued_at and not any(t in taken for t in range(s.start, s.end))]
            doc.ents = filter_spans(others + glued + fresh)
        return doc


@Language.factory("regwatch_companies", default_config={})
def make_company_finder(nlp: Language, name: str) -> CompanyFinder:
    return CompanyFinder(default_rules().lexicon.corporate_suffixes)


_NAME_STOPWORDS = {"The", "A", "An", "In", "On", "At", "By", "For", "Of", "And", "Or", "But", "To", "From", "With", "As", "If", "When", "While", "After", "Before", "Its", "Their", "His", "Her", "This", "That", "These", "Those", "Chinese", "American", "U.S.", "US", "Former", "Both", "Two", "Three", "Several"}  # fmt: skip


# Corporate words written after a comma: "Hexwave Robotics Co., Ltd.", "Nimbletide Health, Inc."
_COMMA_SUFFIXES = frozenset({"INC", "LTD", "LLC", "CORP", "CO", "PLC", "AG", "SE", "SA", "AS", "GMBH", "LIMITED"})

# Job titles written in lower case before a name, as the press writes them ("chief executive
# Tobiah Renard"), and the capitalised abbreviations used the same way.
_JOB_TITLES = frozenset({"executive", "officer", "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "chairman", "chairwoman", "director", "president", "lawyer", "attorney", "analyst", "economist", "CEO", "CFO", "CTO", "COO"})  # fmt: skip

# head words of public bodies an acronym may define, beyond the agency heads of the lexicon
_BODY_HEADS = frozenset({"council", "tribunal", "committee", "court", "service"})
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_SUM_IN_CODE = re.compile(r"[A-Z]{3}[ \t]?\d[\d,.]*(?:[ \t]+(?:thousand|million|billion|crore|lakh))?")
_AGE = re.compile(r",[ \t]*(\d{2}),")
_CLOSING_BRACKET = re.compile(r"\)")
# small words inside a statute's name: "Safeguards for Minors Act", "Protection of Children Act"
# "Act", "Law" or "Code" ("the Vermont Kids Code"); and an instrument named with its year, "the Online Safety (Age-Restricted Social
# Media Platforms) Rules 2025", "the Privacy Regulations 2013"
_STATUTE_HEAD = re.compile(r"\b(?:Act|Law|Code)\b|\b(?:Rules|Regulations)(?= (?:19|20)\d\d\b)")
_LAW_NAME_JOINERS = frozenset({"for", "of", "and", "on", "the", "to", "in", "&"})


class CompanyFinder:
    """Company names by their shape: capitalised words ending in a corporate word (and people by their age).

    "Hexwave Robotics", "Nexbridge Components LLC", "Kaohsiung Fastener Co.":
    the statistical model often calls such unseen names a person or a place,
    or misses them; a name ending in "Robotics" or "LLC" is a company.
    """

    def __init__(self, suffixes: frozenset[str]):
        self.suffixes = suffixes
        # "NIMBLETIDE HEALTH, INC." heading a filing; two-letter ones ("AG") are other words in capitals
        self.upper_suffixes = frozenset(s.upper() for s in suffixes if len(s.rstrip(".")) > 2)

    def _is_suffix(self, token) -> bool:
        text = token.text.rstrip(".")
        if token.is_upper and (text in self.upper_suffixes or token.text in self.upper_suffixes):
            return True
        # "Holdings" or "GmbH", not the word "holdings"; "s.r.o." and "a.s." are written in lower case;
        # "B.V." and "N.V." are listed with their last full stop
        return (text in self.suffixes or token.text in self.suffixes) and (not text.islower() or "." in text)

    @staticmethod
    def _inside_body_name(doc: Doc, i: int) -> bool:
        """ "The Norwegian Data Protection Authority": a corporate word ("Data") that a public
        body's name goes on past, to its head word, within a few capitalised words."""
        heads = default_rules().lexicon.agency_heads
        for token in doc[i + 1 : i + 4]:
            if not (token.is_title or token.is_upper):
                return False
            if token.lower_ in heads:
                return True
        return False

    @staticmethod
    def _is_name_word(token) -> bool:
        if token.text in _NAME_STOPWORDS or token.is_punct or token.like_num:
            return False
        return token.is_title or (token.is_upper and len(token) > 1) or bool(re.match(r"^[A-Z][a-z]+[A-Z]", token.text))

    def _aged_people(self, doc: Doc, text: str) -> list[Span]:
        """ "Rasa Petrauskiene, 44, of Vilnius": a name followed by an age is a person.

        Charging releases introduce every defendant this way, and the small
        model misses many names it has not seen (Lithuanian, Estonian, Chinese).
        """
        people = []
        # find the ", 44," first in the text: touching every token would cost more than the rule
        for match in _AGE.finditer(text):
            comma = doc.char_span(match.start(), match.start() + 1)
            if comma is None or not 16 <= int(match.group(1)) <= 99:
                continue
            i = comma.start
            start = i
            while start > 0 and i - start < 4 and self._is_name_word(doc[start - 1]) and not doc[start - 1].is_upper:
                start -= 1
            if i - start >= 2 and not any(self._is_suffix(t) for t in doc[start:i]):
                people.append(Span(doc, start, i, label="PERSON"))
        return people

    def _titled_people(self, doc: Doc) -> list[Span]:
        """ "chief executive Tobiah Renard", "spokeswoman Ilse Varga": a two- or three-word name
        right after a job title is a person, though the small model often calls it a company."""
        people = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or ent.ent_id_ or not 2 <= len(ent) <= 3 or ent.start == 0:
                continue
            title = doc[ent.start - 1]
            if title.text not in _JOB_TITLES:
                continue
            if all(t.is_alpha and t.is_title for t in ent) and not any(self._is_suffix(t) for t in ent):
                people.append(Span(doc, ent.start, ent.end, label="PERSON"))
        return people

    def _named_laws(self, doc: Doc, text: str) -> list[Span]:
        """ "the Ocean Shipping Reform Act of 2022", "the Companion Chatbot Safeguards for Minors Act":
        capitalised words ending in "Act" name a statute, whatever the model calls them; so do
        those ending in "Law" ("the General Data Protection Law"), but not "Harvard Law School"."""
        laws = []
        # found in the text, not by touching every token: most documents name no statute
        heads = (doc.char_span(m.start(), m.end()) for m in _STATUTE_HEAD.finditer(text))
        for token in (span[0] for span in heads if span is not None and len(span) == 1):
            if token.i == 0:
                continue
            if token.text in ("Law", "Code") and token.i + 1 < len(doc) and doc[token.i + 1].is_title:
                continue
            start = token.i
            while start > 0:
                before = doc[start - 1]
                if self._is_name_word(before) and not before.is_upper or before.text in ("-", "'s"):
                    start -= 1
                elif before.lower_ in _LAW_NAME_JOINERS and start > 1 and self._is_name_word(doc[start - 2]):
                    start -= 1
                elif before.text == ")" and (opening := self._named_parenthesis(doc, start - 1)) is not None:
                    start = opening  # "the Regulatory Powers (Standard Provisions) Act 2014"
                else:
                    break
            while start < token.i and (doc[start].lower_ in _LAW_NAME_JOINERS or doc[start].text in ("-", "'s")):
                start += 1
            if start == token.i:
                continue  # "the Act": a defined term, taken up later as an anaphor
            end = token.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "of" and re.fullmatch(r"(19|20)\d\d", doc[end + 1].text):
                end += 2
            elif end < len(doc) and re.fullmatch(r"(19|20)\d\d", doc[end].text):
                end += 1  # "the Online Safety Act 2021": Australia's, not the UK's of 2023
            laws.append(Span(doc, start, end, label="LAW"))
        return laws

    def _named_parenthesis(self, doc: Doc, closing: int) -> int | None:
        """Where a parenthesis of name words inside a statute's name opens, if it is one.

        "Online Safety (Age-Restricted Social Media Platforms) Rules": capitalised words in
        brackets right after a name word; not "(the Act)" or "(Cth)" after a whole name.
        """
        for opening in range(closing - 1, max(0, closing - 10), -1):
            if doc[opening].text == "(":
                inside = doc[opening + 1 : closing]
                name_words = [t for t in inside if self._is_name_word(t)]
                if (
                    len(name_words) >= 2
                    and all(self._is_name_word(t) or t.lower_ in _LAW_NAME_JOINERS or t.text == "-" for t in inside)
                    and opening > 0
                    and self._is_name_word(doc[opening - 1])
                ):
                    return opening
                return None
        return None

    @staticmethod
    def _numbered_bills(text: str, doc: Doc) -> list[Span]:
        """ "Senate passed S. 1847", "H.R. 3318", "SB 1047", "Senate Bill 1473": a bill by its
        number; and a numbered instrument, "Cabinet Resolution No. (117) of 2026", "Decree No. 11,482"."""
        bills = []
        for match in [*_BILL_NUMBER.finditer(text), *_NUMBERED_INSTRUMENT.finditer(text)]:
            bill = doc.char_span(match.start(), match.end(), label="LAW", alignment_mode="expand")
            if bill is not None:
                bills.append(bill)
        return bills

    @staticmethod
    def _verbless_heads(doc: Doc) -> list[Span]:
        """ "the Council adopted Regulation" read as one name: the name ends before the finite verb."""
        heads = []
        for ent in doc.ents:
            if ent.ent_id_:
                continue
            verb = next((t for t in ent[1:] if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")), None)
            if verb is None:
                continue
            head = doc[ent.start : verb.i]
            while len(head) and head[0].lower_ in ("the", "a", "an"):
                head = head[1:]
            if len(head) and head[-1].pos_ in ("PROPN", "NOUN"):
                heads.append(Span(doc, head.start, head.end, label=ent.label_))
        return heads

    @staticmethod
    def _acronym_defined(doc: Doc, text: str) -> list[Span]:
        """ "The Superintendence of Industry and Commerce (SIC)": a public body's whole name, found
        by the initials its acronym spells, where the model stops at "and" or the gazetteer takes
        "Commerce" for the U.S. department."""
        heads = default_rules().lexicon.agency_heads | _BODY_HEADS
        found = []
        # the closing brackets found in the text, not by touching every token
        closings = (doc.char_span(m.start(), m.end()) for m in _CLOSING_BRACKET.finditer(text))
        for close in (span[0] for span in closings if span is not None):
            opening = close.i - 2
            if opening < 1 or doc[opening].text != "(":
                continue
            acronym = doc[opening + 1].text
            if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 8):
                continue
            # the capitalised words (and the small words between them) just before the bracket
            end = start = opening
            while start > max(0, end - 10):
                word = doc[start - 1]
                if not (word.lower_ in _LAW_NAME_JOINERS and start < end) and not (
                    (word.is_title or word.is_upper) and word.is_alpha
                ):
                    break
                start -= 1
            first = acronym_run([t.text for t in doc[start:end]], acronym, _LAW_NAME_JOINERS)
            if first is None:
                continue
            start += first
            # a body's name has a body's head word: "Chief Executive Officer (CEO)" is no body
            if end - start >= 2 and any(t.lower_ in heads for t in doc[start:end]):
                found.append(Span(doc, start, end, label="ORG"))
        return found

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy joins every token's text again at each call
        # ...unless the model's own name holds it and says more ("New York City Department of ... (DCWP)")
        defined = [
            d
            for d in self._acronym_defined(doc, text)
            if not any(e.start <= d.start and d.end <= e.end and len(e) > len(d) for e in doc.ents if not e.ent_id_)
        ]
        bills = self._numbered_bills(text, doc)
        spans = self._aged_people(doc, text) + self._titled_people(doc) + self._named_laws(doc, text) + bills + defined
        i = 0
        while i < len(doc):
            if not self._is_suffix(doc[i]) or i == 0 or self._inside_body_name(doc, i):
                i += 1
                continue
            start = i
            if i > 1 and doc[i - 1].text == "," and doc[i].text.rstrip(".").upper() in _COMMA_SUFFIXES:
                start = i - 1  # "Nimbletide Health, Inc.": the name is before the comma
            while start > 0:
                if self._is_name_word(doc[start - 1]) or doc[start - 1].text == "&":
                    start -= 1
                elif doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
                    start -= 1  # "Hewlett-Packard", not the dash after "LUXEMBOURG - "
                elif (
                    doc[start - 1].is_space
                    and "\n" not in doc[start - 1].text
                    and start > 1
                    and self._is_name_word(doc[start - 2])
                ):
                    start -= 1  # "Micro-\nsystems Co.": the padding left where a broken word was joined
                elif doc[i].lower_ == "o.o." and doc[start - 1].lower_ in ("z", "sp.") and start > i - 2:
                    start -= 1  # "Koszyk24 sp. z o.o.": the Polish limited company's form is three words
                elif (
                    # "Delphia (USA) Inc.": the country in brackets is part of the name
                    start > 3
                    and doc[start - 1].text == ")"
                    and doc[start - 3].text == "("
                    and self._is_name_word(doc[start - 2])
                    and self._is_name_word(doc[start - 4])
                ):
                    start -= 4
                else:
                    break
            while start < i and doc[start].text in ("&", "-", ","):
                start += 1
            if start == i or all(self._is_suffix(t) for t in doc[start:i]):
                i += 1
                continue
            end = i + 1
            # ", Inc.", "Co., Ltd.", "Holdings Ltd"
            while end < len(doc) and (
                self._is_suffix(doc[end])
                # "Hollstein Ventiltechnik GmbH & Co. KG"
                or (doc[end].text == "&" and end + 1 < len(doc) and self._is_suffix(doc[end + 1]))
                or (
                    doc[end].text == ","
                    and end + 1 < len(doc)
                    and self._is_suffix(doc[end + 1])
                    and doc[end + 1].text.rstrip(".").upper() in _COMMA_SUFFIXES
                )
            ):
                end += 2 if doc[end].text in (",", "&") else 1
            spans.append(Span(doc, start, end, label="ORG"))
            i = end
        spans += self._verbless_heads(doc)
        if not spans:
            return doc
        bracketed = {t.i for s in spans for t in s if t.i > s.start and doc[t.i - 1].text == "("}
        # gazetteer matches win, but not a word of a longer name its acronym defines ("... and Commerce (SIC)")
        protected = [
            e
            for e in doc.ents
            if e.ent_id_
            and e.start not in bracketed
            and not any(d.start <= e.start and e.end <= d.end and len(d) > len(e) for d in defined + bills)
            # "Koszyk24" read as a product model, inside "Koszyk24 sp. z o.o.": the company's name
            and not (
                e.label_ == "PRODUCT" and any(c.start <= e.start and e.end <= c.end and len(c) > len(e) for c in spans)
            )
        ]
        taken = {t for e in protected for t in range(e.start, e.end)}
        # "The Nigeria Data Protection Commission": a public body's name holding a corporate word
        # ("Data") is the body's, not a company's
        bodies = [e for e in doc.ents if not e.ent_id_ and e[-1].lower_ in default_rules().lexicon.agency_heads]
        taken |= {t for e in bodies for t in range(e.start, e.end)}
        fresh = [s for s in spans if not any(t in taken for t in range(s.start, s.end))]
        others = [e for e in doc.ents if not e.ent_id_ and not any(s.start < e.end and e.start < s.end for s in fresh)]
        doc.ents = filter_spans(protected + fresh + others)
        return doc


_SUPREME_COURT_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?:state\s+of\s+|commonwealth\s+of\s+)?(?!the\b|united\s+states\b)[A-Z][A-Za-z]+(?:[ \t]+[A-Z][a-z]+)?",
    re.IGNORECASE,
)


_HEAD_OF_ANOTHER = re.compile(r"\s+of\s+(?!the\s+united\s+states\b|america\b)", re.IGNORECASE)
_BARE_COURTS = {"high court", "supreme court"}
# a place before "Supreme Court" that still means the U.S. one (longer aliases match on their own)
_NATIONAL_PREFIXES = {"u.s.", "us", "united", "states", "america", "american", "federal", "the"}
_NOT_PLACES = {
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"),
    *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
    *("november", "december", "on", "in", "at", "by", "and", "while", "when", "after", "before", "but"),
}


def _court_place(doc: Doc, ent: Span, entry) -> int | None:
    """Where "Islamabad" begins in "Islamabad High Court": the start of a place name (one or two
    capitalised words) before a court's bare level name, inside the entity or right before it,
    or None where there is none or the whole is the gazetteer court's own alias ("UK High Court")."""
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) < 2 or " ".join(t.lower_ for t in words[-2:]) not in _BARE_COURTS:
        return None

    def place_word(token) -> bool:
        # (read from the capitals, not the tagger: the gazetteer-only pass has no tagger)
        return token.is_alpha and token.is_title and token.lower_ not in _NATIONAL_PREFIXES | _NOT_PLACES

    if len(words) > 2:
        if " ".join(t.text for t in words).lower() in {a.lower() for a in (*entry.aliases, *entry.cased_aliases)}:
            return None
        inner = words[:-2]
        return inner[0].i if len(inner) <= 2 and all(place_word(t) for t in inner) else None
    start = ent.start
    while start > max(0, ent.start - 2) and place_word(doc[start - 1]):
        start -= 1
    if start == ent.start and start >= 2 and doc[start - 1].lower_ in ("'s", "’s") and place_word(doc[start - 2]):
        start -= 2  # "Kenya's High Court": the country's own court, not England's
    return start if start < ent.start else None


_NATIONAL_CHAMBERS = frozenset({"legislature:us-senate", "legislature:us-house"})


@lru_cache(maxsize=1)
def _us_state_names() -> frozenset[str]:
    """ "maryland", "new york": the states the gazetteer knows as "State of ..." governments."""
    return frozenset(
        entry.canonical.removeprefix("State of ").lower()
        for entry in default_gazetteer().entries.values()
        if entry.id.startswith("gov:us-state-")
    )


def _chamber_place(doc: Doc, ent: Span, entry) -> tuple[int, int] | None:
    """Where a state's own chamber runs, when the gazetteer took its words for Congress's:
    "the California Senate", "the state Senate", "the House of Delegates", "the Oklahoma House
    of Representatives" (the state's name or "state" before the bare chamber's name)."""
    if entry.id not in _NATIONAL_CHAMBERS:
        return None
    words = [t for t in ent if t.lower_ != "the"]
    if not words or " ".join(t.lower_ for t in words) not in ("senate", "house", "house of representatives"):
        return None
    end = ent.end
    delegates = end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in ("delegates", "assembly")
    if delegates:
        end += 2  # "House of Delegates": only states have one
    start = words[0].i
    if start >= 1 and doc[start - 1].lower_ == "state":
        return start - 1, end
    for size in (2, 1):  # "New York Senate", "Maryland Senate"
        if start >= size and doc[start - size : start].text.lower() in _us_state_names():
            return start - size, end
    return (start, end) if delegates else None


def _state_body_place(doc: Doc, ent: Span, entry) -> tuple[int, int] | None:
    """Where a state's own department runs, when the gazetteer took its bare words for a federal
    one: "the Kansas Department of Agriculture", "the Iowa Department of Agriculture and Land
    Stewardship" (a state's name right before "Department of ...")."""
    if entry.type != "AGENCY" or not entry.id.startswith("agency:us-"):
        return None
    words = [t for t in ent if t.lower_ != "the"]
    if not words or words[0].lower_ not in ("department", "office", "division", "bureau", "board", "commission"):
        return None
    start = words[0].i
    # ("STATE OF COLORADO" over "DEPARTMENT OF STATE": a letterhead's state on the line above)
    above = start - 1 if start >= 1 and doc[start - 1].is_space and "\n" in doc[start - 1].text else start
    place = next(
        (
            above - size
            for size in (2, 1)
            if above >= size and doc[above - size : above].text.lower() in _us_state_names()
        ),
        None,
    )
    if place is None:
        return None
    end = ent.end
    # "... of Agriculture and Land Stewardship": the rest of the state body's own name
    while end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].is_title:
        end += 2
        while end < len(doc) and doc[end].is_title:
            end += 1
    return place, end


def _body_of_its_own(doc: Doc, start: int, end: int, kind: str) -> Span:
    """A court, chamber or department the gazetteer's bare words would have mistaken for a
    national one ("the Nevada Supreme Court", "the California Senate"), as a new entity."""
    body = Span(doc, start, end, label="ORG")
    body._.entity_id, body._.canonical = new_entity_id(kind, body.text)
    body._.entity_type = kind
    return body


def _case_sides(doc: Doc) -> list[Span]:
    """The model's entities, with a case name ("Veltrona Logistik v Commission") cut into its two
    parties: a caption names a dispute between two, not one body."""
    sides = []
    for ent in doc.ents:
        # written lower-case as captions are; a capital "V." is a middle initial or an all-caps
        # caption line whose layout acts.caption_parties reads
        versus = None if ent.ent_id_ else next((t.i for t in ent[1:-1] if t.text in ("v", "v.", "vs", "vs.")), None)
        if versus is None or not (ent[0].text[:1].isupper() and doc[versus + 1].text[:1].isupper()):
            sides.append(ent)  # "usa v. Arkwright" in a re-cased caption line: caption_parties reads it
            continue
        sides += [Span(doc, ent.start, versus, label=ent.label_), Span(doc, versus + 1, ent.end, label=ent.label_)]
    return sides


@Language.factory("regwatch_linker", default_config={})
def make_linker(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker()


class EntityLinker:
    """Gives every entity span its canonical entity: gazetteer id, else a name-derived id."""

    def __init__(self) -> None:
        self.gazetteer = default_gazetteer()
        lexicon = default_rules().lexicon
        self.generic_words = (
            {w for words in lexicon.anaphors.values() for w in words} | {"u.s.", "us"} | lexicon.not_names
        )
        self.document_nouns = lexicon.document_nouns
        self.agency_heads = lexicon.agency_heads
        self.office_holders = lexicon.public_office_holders
        self.company_nouns = frozenset(lexicon.anaphors.get("ORG", ()))

    def _mended_spans(self, doc: Doc) -> Doc:
        """The model's name spans, mended where they stop short of a name or run past it:
        "the Alberta Securities Commission" where it stopped at "Securities" runs on to the head
        word of a public body; "the Circuit Court of" + "Cook County" and "the Gauteng Division" +
        "of the High Court" are one court; "Pagalia Servicios Financieros 318 million" ends before
        the sum."""
        ents: list[Span | None] = list(doc.ents)
        grown = False
        for index, ent in enumerate(ents):
            after = ent.end
            if (
                not ent.ent_id_
                and ent.label_ == "ORG"
                and after < len(doc)
                and doc[after].is_title
                and doc[after].lower_ in self.agency_heads
                and not any(e.start <= after < e.end for e in ents)
            ):
                ents[index] = Span(doc, ent.start, after + 1, label=ent.label_)
                grown = True
        for index in range(len(ents) - 1):
            ent, following = ents[index], ents[index + 1]
            if ent is not None and following is not None and _one_court(doc, ent, following):
                ents[index], ents[index + 1] = Span(doc, ent.start, following.end, label="ORG"), None
                grown = True
            elif ent is not None and following is not None and _court_part(doc, ent, following):
                ents[index + 1] = None  # "the Superior Court of New Jersey, Chancery Division": no firm
                grown = True
        for index, ent in enumerate(ents):
            if ent is None or ent.ent_id_ or ent.label_ not in ("PRODUCT", "ORG"):
                continue
            number = next(
                (t.i for t in ent if t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _SCALE_WORDS), None
            )
            if number is None or number == ent.start:
                continue
            # the name is the capitalised words before the sum
            start = ent.start
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
            if any(e is not None and e is not ent and e.start < number and start < e.end for e in ents):
                start = ent.start
            ents[index] = Span(doc, start, number, label="ORG")
            grown = True
        for index, ent in enumerate(ents):
            opening = next((t.i for t in ent if t.text == "("), None) if ent is not None else None
            if (
                opening is not None
                and opening > ent.start
                and not any(t.text == ")" for t in ent)
                and ent.label_ in ("ORG", "PRODUCT", "PERSON", "GPE", "FAC")
            ):
                # "the Tamsin Ridge Unified School District (District": the name ends where its defined
                # term opens
                ents[index] = Span(doc, ent.start, opening, label=ent.label_)
                grown = True
        for index, ent in enumerate(ents):
            if ent is not None and len(ent) > 1 and ent[0].lower_ in ("its", "their", "our") and not ent.ent_id_:
                # "Its Office of Trade began examining ...": the pronoun is whose office, not its name
                ents[index] = Span(doc, ent.start + 1, ent.end, label=ent.label_)
                grown = True
        taken = {t for e in ents if e is not None for t in range(e.start, e.end)}
        for index, ent in enumerate(ents):
            if ent is None or ent.ent_id_ or ent.label_ != "ORG" or ent[-1].lower_ != "of":
                continue
            end = ent.end
            while end < len(doc) and end < ent.end + 4 and doc[end].is_title and end not in taken:
                end += 1
            if end > ent.end:
                ents[index] = Span(doc, ent.start, end, label="ORG")  # "Cook County" where it was no name
                grown = True
        for index, ent in enumerate(ents):
            # "the Subcommittee on Commerce, Manufacturing, and Trade": a committee's name lists what it
            # oversees, and the model stops at "on" (and takes "Commerce" for the department)
            if ent is None or ent.ent_id_ or len(ent) < 2 or ent[-1].lower_ not in ("on", "for"):
                continue
            if ent[-2].lower_ not in ("committee", "subcommittee"):
                continue
            end = ent.end
            while end < len(doc) and end < ent.end + 10:
                word = doc[end]
                joiner = word.text == "," or word.lower_ in ("and", "the", "&")
                if not (
                    word.is_title
                    or (joiner and end + 1 < len(doc) and (doc[end + 1].is_title or doc[end + 1].lower_ == "and"))
                ):
                    break
                end += 1
            while end > ent.end and not doc[end - 1].is_title:
                end -= 1
            if end > ent.end:
                for other, covered in enumerate(ents):
                    if covered is not None and other != index and covered.start < end and covered.end > ent.end:
                        ents[other] = None  # (a name the list runs into is part of it)
                ents[index] = Span(doc, ent.start, end, label="ORG")
                grown = True
        if grown:
            doc.ents = [e for e in ents if e is not None]
        return doc

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        claimed: set[int] = set()
        for ent in _case_sides(self._mended_spans(doc)):
            if ent.start in claimed:
                continue  # "NEVADA" inside "SUPREME COURT OF THE STATE OF NEVADA"
            entry = self.gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is not None and ent.label_ == "LAW" and entry.type != "LAW":
                entry = None  # "Senate Bill 1473": a bill whose first word alone the gazetteer knew as a chamber
            if entry is not None and entry.id == "court:scotus":
                named = _SUPREME_COURT_OF.match(doc.text, ent.end_char)
                whole = doc.char_span(ent.start_char, named.end(), alignment_mode="expand") if named else None
                if whole is not None:
                    # "SUPREME COURT OF THE STATE OF NEVADA", "Supreme Court\nof\nIndia": another country's or state's
                    kept.append(_body_of_its_own(doc, whole.start, whole.end, "COURT"))
                    claimed.update(range(whole.start, whole.end))
                    continue
            if (
                entry is not None
                and entry.id == "gov:us-president"
                and ent[-1].lower_ == "president"
                and _HEAD_OF_ANOTHER.match(doc.text, ent.end_char)
            ):
                continue  # "The President of UOKiK", "the President of the Republic": another body's head
            chamber = _chamber_place(doc, ent, entry) if entry is not None else None
            body = _state_body_place(doc, ent, entry) if entry is not None and chamber is None else None
            if chamber is not None or body is not None:
                # "the California Senate", "the House of Delegates", "the Kansas Department of
                # Agriculture": a state's own, not the federal one the bare words name
                start, end = chamber or body
                kept = [k for k in kept if k.end <= start]
                kept.append(_body_of_its_own(doc, start, end, "LEGISLATURE" if chamber else "AGENCY"))
                claimed.update(range(start, end))
                continue
            place = _court_place(doc, ent, entry) if entry is not None and entry.type == "COURT" else None
            if place is not None:
                # "the Islamabad High Court", "the Nevada Supreme Court": a court of that place,
                # not England's High Court or the U.S. Supreme Court the bare words name
                kept = [k for k in kept if k.end <= place]
                kept.append(_body_of_its_own(doc, place, ent.end, "COURT"))
                continue
            if entry is not None:
                ent._.entity_id, ent._.canonical, ent._.entity_type = entry.id, entry.canonical, entry.type
                kept.append(ent)
                continue
            entity_type = MODEL_LABEL_TYPES.get(ent.label_)
            if entity_type is None:
                continue  # dates, numbers, percentages: not entities of ours
            if entity_type == "MONEY":
                ent._.entity_type = "MONEY"
                kept.append(ent)
                continue
            surface = ent.text
            if _CURRENCY_CODE.fullmatch(surface) and ent.end < len(doc) and doc[ent.end].like_num:
                continue  # "AED 2,400,000": a sum's currency, not an organisation
            if _SUM_IN_CODE.fullmatch(surface):
                ent._.entity_type = "MONEY"  # "PLN 12,418,360" the model took for a name
                kept.append(ent)
                continue
            if entity_type == "PERSON" and any(
                c.dep_ == "appos" and c.lemma_.lower() in self.company_nouns for c in ent.root.children
            ):
                entity_type = "ORG"  # "Carrowby Rx, a mail-order pharmacy": what it is, said beside it
            elif (
                entity_type == "PERSON"
                and ent.start > 0
                and doc[ent.start - 1].is_lower
                and doc[ent.start - 1].lemma_ in self.company_nouns - _PARTY_NOUNS
            ):
                entity_type = "ORG"  # "the Hong Kong-registered exchange Bitzlato": what it is, said before it
            name = clean_name(surface)
            # "The Hon'ble Court", "the learned Tribunal": a court named by its honorific is "the Court"
            name = re.sub(r"^(?:hon['’]ble|honourable|honorable|learned)\s+", "", name, flags=re.IGNORECASE)
            if not name or name.lower() in self.generic_words:
                continue  # "the Court", "the Department": anaphors, resolved later, not names
            words = re.findall(r"[a-z]+", name.lower())
            if entity_type == "ORG" and ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
                title = doc[ent.start - 2]
                if title.is_title and (title.lower_ in self.agency_heads or title.lower_ in ("minister", "secretary")):
                    continue  # "Minister of Economy, Trade and Industry": the tail of an office's title
            if entity_type in ("ORG", "PERSON") and words and {words[0], words[-1]} & self.document_nouns:
                continue  # "Wells Notice", "Order Denying Export Privileges": a document's title
            if (
                entity_type == "LAW"
                and len(words) >= 3
                and any(
                    w in ("department", "ministry", "office") and n == "of"
                    for w, n in zip(words, words[1:], strict=False)
                )
                and words[-1] not in ("act", "acts", "code", "regulation", "regulations", "rules", "statute")
            ):
                entity_type = "AGENCY"  # "the Colorado Department of Law": a body named for its field, not a statute
            public_office = len(words) >= 2 and words[-1] == "office" and words[-2] in self.office_holders
            # "Division of Examinations", "Office of Enforcement", "Commission for Regulation of
            # Utilities": a body named by its head word first
            headed = (
                len(words) >= 3
                and (words[0] in self.agency_heads or words[0] in ("division", "office"))
                and words[1] in ("of", "for")
                and next((t for t in ent if t.lower_ != "the"), ent[0]).is_title
            ) or (
                # "State of Ohio Board of Pharmacy", "City of Denver Department of Finance": a state's body
                len(words) >= 5
                and words[0] in ("state", "commonwealth", "city", "county")
                and words[1] == "of"
                and any(words[i] in self.agency_heads and words[i + 1] == "of" for i in range(3, len(words) - 1))
            )
            if (
                entity_type == "ORG"
                and words
                and (words[-1] in self.agency_heads or public_office or headed)
                and ent[-1].is_title
            ):
                # "the Federal Competition and Consumer Protection Commission", "the Osaka District
                # Public Prosecutors Office": a public body the gazetteer lacks, so that "the
                # Commission" later finds it
                entity_type = "AGENCY"
            # ("the Appellate Court's judgment": the name without its possessive)
            named = [t for t in ent if t.tag_ != "POS" and t.lower_ not in ("'s", "’s")] or list(ent)
            if named[-1].lower_ == "s" and words and words[-1] == "s":
                words = words[:-1]
            if (
                entity_type in ("ORG", "PLACE")  # (the model reads "Ramsey County District Court" as a place)
                and words
                and (
                    words[-1] in ("court", "tribunal")
                    or re.search(r"\b(?:court|tribunal) (?:of|for)\b", " ".join(words))
                )
                and named[-1].is_title
            ):
                # "King County Superior Court", "Regional Administrative Tribunal for Lazio": a court the
                # gazetteer lacks is a court still, so that it can rule and be reversed
                entity_type = "COURT"
            if (
                entity_type in ("ORG", "PLACE")  # (the model reads "the California Legislature" as a place)
                and words
                and words[-1] in ("assembly", "legislature")
                and named[-1].is_title
                and not any(w in ("shareholders", "annual", "stockholders", "members") for w in words)
            ):
                # "the General Assembly", "the Kentucky General Assembly": a legislature, not a company
                # (not a company's "Annual General Assembly")
                entity_type = "LEGISLATURE"
            entity_id, canonical = new_entity_id(entity_type, surface)
            ent._.entity_id, ent._.canonical, ent._.entity_type = entity_id, canonical, entity_type
            kept.append(ent)
        short = self._short_forms(doc, kept, self.agency_heads)
        if short:
            doc.ents = sorted(kept + short, key=lambda e: e.start)
        elif [(e.start, e.end) for e in kept] != [(e.start, e.end) for e in doc.ents]:
            doc.ents = kept
        return doc

    @staticmethod
    def _short_forms(doc: Doc, kept: list[Span], agency_heads: frozenset[str] = frozenset()) -> list[Span]:
        """ "Redhaw's safety problems" after "Redhaw Freight Lines LLC": a company's first name-word
        alone, later in the text, is the company (so "the company" can find it)."""
        by_word: dict[str, Span | None] = {}
        for ent in kept:
            first = ent[0]
            if (
                ent._.entity_type == "ORG"
                and len(ent) >= 2
                and first.is_title
                and len(first) >= 4
                and first.text not in _NAME_STOPWORDS
                # ("Board Orders Halvreth Games", a headline the model took for a name: "the Board" is a body)
                and first.lower_ not in agency_heads
                and ent[1].text not in ("&", "-", ",", "'s", "’s")
            ):
                if first.text not in by_word:
                    by_word[first.text] = ent  # the first full mention: short forms come after it
                elif by_word[first.text] is not None and by_word[first.text]._.entity_id != ent._.entity_id:
                    # two companies sharing a first word ("Redhaw Freight", "Redhaw Leasing"): say nothing
                    by_word[first.text] = None
        if not by_word:
            return []
        # "Karatau Air Freight LLP (Karatau)": a short form the text defines stays the company where
        # the model later takes it for a place (not a place the gazetteer knows: "Jordan", "China")
        defined = {
            ent[0].text
            for ent in kept
            if by_word.get(ent[0].text) is not None
            and by_word[ent[0].text]._.entity_id == ent._.entity_id
            and ent.end + 2 < len(doc)
            and doc[ent.end].text == "("
            and doc[ent.end + 1].text == ent[0].text
            and doc[ent.end + 2].text == ")"
        }
        misread = {
            e.start: e
            for e in kept
            if len(e) == 1
            and not e.ent_id_
            and (
                (e.text in defined and e._.entity_type == "PLACE")
                # "imposed a fine on Qingmo" after "chatbot maker Qingmo Intelligence": the model's
                # person or unknown place is the company's short form
                or (
                    e._.entity_type in ("PERSON", "PLACE")
                    and by_word.get(e.text) is not None
                    and e.start > by_word[e.text].end
                )
            )
        }
        if misread:
            kept[:] = [e for e in kept if e.start not in misread]
        taken = {t for e in kept for t in range(e.start, e.end)}
        found = []
        for token in doc:
            full = by_word.get(token.text)
            if full is None or token.i in taken or token.i < full.end:
                continue
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and following.is_title and following.text not in ("'s", "’s"):
                continue  # "Redhaw Leasing": another name beginning the same way
            span = Span(doc, token.i, token.i + 1, label="ORG")
            span._.entity_id, span._.canonical, span._.entity_type = full._.entity_id, full._.canonical, "ORG"
            found.append(span)
        return found
