"""Known entities (agencies, lists, laws, courts, companies...) loaded from data.

Each `data/gazetteers/*.jsonl` line is one entity with its stable id, its
canonical name and the aliases it goes by. `aliases` are matched without
regard to case (they are safe in lower-case text); `cased_aliases` only with
their exact capitals ("EAR", "Commerce", "Meta"), because in lower case they
are ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.datafiles import jsonl_objects

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteers"
_ALLOWED_KEYS = {"id", "type", "canonical", "aliases", "cased_aliases", "parent", "country", "note"}
_REQUIRED_KEYS = {"id", "type", "canonical"}
_ID = re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._-]*$")
TYPES = {"AGENCY", "GOV", "LIST", "LAW", "COURT", "LEGISLATURE", "ORG", "PRODUCT", "PERSON", "PLACE"}


class GazetteerError(ValueError):
    """A gazetteer file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    canonical: str
    aliases: tuple[str, ...] = ()
    cased_aliases: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None  # ISO code; ties an agency to its government ("gov:us")


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.entries

    def get(self, entity_id: str) -> Entry | None:
        return self.entries.get(entity_id)

    def find(self, name: str) -> Entry | None:
        """The entry a name is an alias of (case-insensitive), if any."""
        if not hasattr(self, "_by_alias"):
            self._by_alias = {
                alias.lower(): entry
                for entry in self.entries.values()
                for alias in (entry.canonical, *entry.aliases, *entry.cased_aliases)
            }
        return self._by_alias.get(" ".join(name.split()).lower())

    def possessive_forms(self, entry: Entry) -> set[str]:
        """ "South Korea's Fair Trade Commission" for the alias "South Korea Fair Trade Commission":
        a body named after its country is as often written with the country's possessive."""
        government = self.entries.get(f"gov:{(entry.country or '').lower()}")
        # ("United States Attorney" is an office's title, never "the United States's Attorney")
        if government is None or government.id == "gov:us" or entry.type not in ("AGENCY", "LEGISLATURE"):
            return set()
        # written places only: "U.S.'s" and "UK's" are rarely how a body's own name begins
        places = {
            name
            for name in (government.canonical, *government.aliases, *government.cased_aliases)
            if all(word[:1].isupper() and word[1:].islower() for word in name.split())
        }
        return {
            f"{place}'s {rest}"
            for alias in entry.aliases
            for place in places
            if alias.startswith(place + " ")
            and (rest := alias[len(place) + 1 :])[:1].isupper()
            and len(rest.split()) > 1
        }

    def truecase_forms(self) -> dict[str, str]:
        """Lower-case alias -> its written capitals, for restoring lower-case text."""
        forms: dict[str, str] = {}
        for entry in self.entries.values():
            for name in (entry.canonical, *entry.aliases):
                if name.lower() != name and len(name.lower()) == len(name):
                    forms.setdefault(name.lower(), name)
        return forms


def _load_file(path: Path, gazetteer: Gazetteer) -> None:
    for where, row in jsonl_objects(path, GazetteerError):
        unknown = set(row) - _ALLOWED_KEYS
        if unknown:
            raise GazetteerError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_ALLOWED_KEYS)}")
        missing = _REQUIRED_KEYS - set(row)
        if missing:
            raise GazetteerError(f"{where}: missing key(s) {sorted(missing)}")
        if not _ID.match(row["id"]):
            raise GazetteerError(f"{where}: id {row['id']!r} is not of the form kind:slug")
        if row["type"] not in TYPES:
            raise GazetteerError(f"{where}: type {row['type']!r} is not one of {sorted(TYPES)}")
        if row["id"] in gazetteer.entries:
            raise GazetteerError(f"{where}: duplicate id {row['id']!r}")
        for key in ("aliases", "cased_aliases"):
            value = row.get(key, [])
            if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
                raise GazetteerError(f"{where}: {key} must be a list of non-empty strings")
        gazetteer.entries[row["id"]] = Entry(
            id=row["id"],
            type=row["type"],
            canonical=row["canonical"],
            aliases=tuple(row.get("aliases", [])),
            cased_aliases=tuple(row.get("cased_aliases", [])),
            parent=row.get("parent"),
            country=row.get("country"),
        )


def load_gazetteer(directory: Path | str = DEFAULT_DIR) -> Gazetteer:
    """Load every `*.jsonl` file in `directory`; fail loudly on any malformed line."""
    gazetteer = Gazetteer()
    for path in sorted(Path(directory).glob("*.jsonl")):
        _load_file(path, gazetteer)
    return gazetteer


@lru_cache(maxsize=4)
def default_gazetteer(directory: str = str(DEFAULT_DIR)) -> Gazetteer:
    return load_gazetteer(directory)
