"""The termbase data model, after ISO 30042:2019 (TBX) concept orientation.

A :class:`Glossary` holds :class:`ConceptEntry` objects. Each entry is one concept (a person,
organization, title, place or other), with per-language lists of :class:`Term` objects. Each
term carries an ISO 30042 *administrative status*: ``preferred`` (the form to output),
``admitted`` (acceptable, left alone) or ``deprecated`` (a non-house variant to replace).
Cross-references (``related``) link entries without merging them, e.g. al-Sharaa
``also-known-as`` al-Jolani.

Conventions the matcher and the enforcer (:mod:`xling.glossary.match`,
:mod:`xling.glossary.enforce`) rely on:

* The source language (``fa``) lists every spelling that occurs as its own term: the preferred
  form as written in house copy, plus ``admitted`` variants that differ by ZWNJ / space /
  joining (``ابو محمد`` / ``ابومحمد``), by the Arabic article (``جولانی`` / ``الجولانی``) or by
  Arabic letters (``ي``/``ی``, ``ك``/``ک``). Source terms are never ``deprecated``: a source
  spelling is data, not a fault.
* ``short_forms`` of a term name the same concept in running text (a surname with its article:
  ``al-Sharaa``, ``аш-Шараа``, ``الشرع``). A short form of a preferred term is the preferred
  output when the translation uses the short form.
* A ``deprecated`` target term is a non-house variant to replace. Its ``use`` field gives the
  replacement. Three kinds occur:

  - a full-name variant (``Sergey Lavrov``): ``use`` is ``None`` and the replacement is the
    entry's preferred term;
  - a **partial** variant, i.e. a surname-only or given-name-only variant (``Blusov``,
    ``Julani``, ``Кастюков``, ``سيرجي``, ``Sergey``): ``use`` is the house form of that same part
    (``Belousov``, ``al-Jolani``, ``Костюков``, ``سيرغي``, ``Sergei``), so the enforcer replaces
    the span it found and keeps the rest of the name and any inflection around it;
  - a variant that differs only by the article (``Джулани`` for ``аль-Джулани``, ``جولاني`` for
    ``الجولاني``): ``use`` is the house form with the article. A deprecated form that is a
    substring of a preferred or admitted form of the same entry (``Джулани`` inside
    ``аль-Джулани``) is a fault only where no preferred/admitted form covers the span
    (longest match wins).

* ``Glossary.target_languages``: when set, every entry must have a preferred term in each of
  them (``xling glossary validate`` checks this).

This module holds data and simple look-ups only; reading and writing files lives in
:mod:`xling.glossary.store`, TBX in :mod:`xling.glossary.tbx`, matching in
:mod:`xling.glossary.match` and enforcement in :mod:`xling.glossary.enforce`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: A BCP 47 language tag, as TBX's ``langSec/@xml:lang`` takes: a 2-3 letter language subtag
#: with optional subtags (``fa``, ``en-GB``, ``zh-Hant-TW``).
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

#: An entry id: an XML name without a colon (TBX ``conceptEntry/@id`` is an xsd:ID).
_ENTRY_ID = re.compile(r"^[^\W\d][\w.-]*$")
#: the id form xling gives new entries (``glossary add``, ``edit --rename``): lowercase ASCII
#: letters, digits and single ``-`` between them, starting with a letter
HOUSE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
HOUSE_ID_RULE = "lowercase letters, digits and '-', starting with a letter"


def suggest_id(text: str) -> str:
    """A :data:`HOUSE_ID` made from ``text``: accents removed, lower case, every other run of
    characters one ``-`` (``"Vladimir_Putin.2"`` → ``"vladimir-putin-2"``; ``"entry-1"`` when
    nothing is left, ``"entry-"`` + the rest when it would start with a digit)."""
    import unicodedata

    t = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if not t:
        return "entry-1"
    return t if t[0].isalpha() else f"entry-{t}"


class TermStatus(str, Enum):
    """ISO 30042 administrative status of a term (TBX ``administrativeStatus``)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"

    @property
    def tbx_value(self) -> str:
        """The TBX-Basic picklist value, e.g. ``preferredTerm-admn-sts``."""
        return f"{self.value}Term-admn-sts"


class EntryType(str, Enum):
    """What a concept entry names."""

    PERSON = "person"
    ORGANIZATION = "organization"
    TITLE = "title"
    PLACE = "place"
    OTHER = "other"


class RelationType(str, Enum):
    """Kinds of cross-reference between concept entries."""

    ALSO_KNOWN_AS = "also-known-as"
    SEE_ALSO = "see-also"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=True)


class Term(_Strict):
    """One term of a concept in one language.

    Attributes:
        text: the term as written (str, non-empty, no leading/trailing space).
        status: :class:`TermStatus`; default ``preferred``.
        short_forms: shorter forms of the same term that also name the concept in running text
            (``al-Sharaa`` for ``Ahmed al-Sharaa``); they share the term's status.
        use: for a deprecated term, the form that replaces it; ``None`` means the entry's
            preferred term (or its matching short form). ``Sergey`` → ``Sergei`` needs ``use``.
        note: free text for reviewers.
    """

    text: str = Field(min_length=1)
    status: TermStatus = TermStatus.PREFERRED
    short_forms: list[str] = Field(default_factory=list)
    use: str | None = None
    note: str | None = None

    @field_validator("use", "note", mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        return None if v == "" else v

    @field_validator("short_forms")
    @classmethod
    def _clean_short_forms(cls, v: list[str]) -> list[str]:
        for s in v:
            if not s or s != s.strip():
                raise ValueError(f"short form {s!r} is empty or has leading or trailing white space")
        return v

    @field_validator("text", "use")
    @classmethod
    def _no_outer_space(cls, v: str | None) -> str | None:
        if v is not None and v != v.strip():
            raise ValueError("has leading or trailing white space")
        return v


class CrossReference(_Strict):
    """A link from one concept entry to another (TBX ``crossReference``).

    Attributes:
        type: :class:`RelationType` (``see-also`` by default, or ``also-known-as``).
        target: the id of the related concept entry (str, non-empty).
    """

    type: RelationType = RelationType.SEE_ALSO
    target: str = Field(min_length=1, description="id of the related concept entry")


class ConceptEntry(_Strict):
    """One concept: its id, type, notes, cross-references and per-language terms.

    Attributes:
        id: unique, stable identifier (str): an XML name without a colon, as TBX's
            ``conceptEntry/@id`` (xsd:ID) requires: a letter or ``_`` first, then letters, digits,
            ``-``, ``_`` or ``.`` (so imported TBX ids load); xling gives new entries a :data:`HOUSE_ID`.
        type: :class:`EntryType`.
        note: why the house forms were chosen (str or None).
        source: where the house forms come from (str or None).
        related: cross-references to other entries.
        terms: language code (``fa``, ``en``, ``ru``, ``ar``) → list of :class:`Term`.
    """

    id: str = Field(min_length=1)
    type: EntryType = EntryType.OTHER
    note: str | None = None
    source: str | None = None
    related: list[CrossReference] = Field(default_factory=list)
    terms: dict[str, list[Term]] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _xml_id(cls, v: str) -> str:
        if not _ENTRY_ID.match(v):
            example = suggest_id(v)
            raise ValueError(
                f"{v!r} is not a valid id: start with a letter or _, then use letters, digits, -, _ or . (no spaces), e.g. {example}"
            )
        return v

    @field_validator("terms")
    @classmethod
    def _language_codes(cls, v: dict[str, list[Term]]) -> dict[str, list[Term]]:
        for code in v:
            if not _LANGUAGE_CODE.match(code):
                raise ValueError(f"{code!r} is not a language code (BCP 47, e.g. fa, en, ru, ar, en-GB)")
        return v

    @field_validator("note", "source", mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        return None if v == "" else v

    def terms_for(self, lang: str, status: TermStatus | None = None) -> list[Term]:
        """Terms in ``lang``, optionally only those with ``status``."""
        return [t for t in self.terms.get(lang, []) if status is None or t.status == status]

    def forms(self, lang: str) -> Iterator[tuple[str, Term, bool]]:
        """Yield ``(surface, term, is_short_form)`` for every term and short form in ``lang``."""
        for t in self.terms.get(lang, []):
            yield t.text, t, False
            for s in t.short_forms:
                yield s, t, True

    def replacement(self, lang: str, term: Term) -> str | None:
        """The text that replaces deprecated ``term`` in ``lang``: ``term.use`` or the preferred term
        (:func:`xling.glossary.morphology.house_form`)."""
        from xling.glossary.morphology import house_form

        return house_form(self, lang, term=term)

    def preferred(self, lang: str) -> Term | None:
        """The first preferred term in ``lang``, or ``None``."""
        found = self.terms_for(lang, TermStatus.PREFERRED)
        return found[0] if found else None


class Glossary(_Strict):
    """A termbase: a named, ordered list of concept entries.

    Attributes:
        name: short name of the glossary (str).
        description: what it covers (str or None).
        source_language: language of the documents it protects (default ``fa``).
        target_languages: languages every entry must have a preferred term in (may be empty).
        entries: the concept entries, in file order.
    """

    name: str = "glossary"
    description: str | None = None
    source_language: str = "fa"
    target_languages: list[str] = Field(default_factory=list)
    entries: list[ConceptEntry] = Field(default_factory=list)

    @field_validator("description", mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        return None if v == "" else v

    def get(self, entry_id: str) -> ConceptEntry | None:
        """The entry with ``entry_id``, or ``None``."""
        for e in self.entries:
            if e.id == entry_id:
                return e
        return None

    def languages(self) -> list[str]:
        """All language codes that occur in the glossary, source language first."""
        seen: dict[str, None] = {self.source_language: None}
        for e in self.entries:
            for lang in e.terms:
                seen.setdefault(lang, None)
        return list(seen)
