"""Consistency checks on a termbase beyond the schema (``xling glossary validate``).

The pydantic model (:mod:`xling.glossary.model`) checks the shape of each entry; this module
checks the glossary as a whole. Errors (exit status 1 in the CLI):

* ``duplicate-id``: two entries share an id.
* ``duplicate-source-term``: the same source-language term (or short form) in two entries. Terms
  are compared by :func:`source_key` (the source matcher's key), so ``ابو محمد`` / ``ابومحمد`` /
  ``ابو‌محمد`` and ``ي``/``ی``, ``ك``/``ک``, ``ة``/``ه``, ``آ``/``ا`` spellings count as the same term.
* ``deprecated-is-preferred``: a deprecated term equals a preferred term (or short form of one)
  of another entry, or of its own entry, in the same language.
* ``no-preferred``: an entry has terms in a language but none preferred, or lacks a preferred
  term in one of the glossary's ``target_languages``.
* ``dangling-reference``: a cross-reference names an id that does not exist (or the entry itself).
* ``duplicate-term``: the same term text twice in one entry and language.

Warnings (reported, exit status 0 unless ``--strict``): ``use`` on a term that is not deprecated;
a ``use`` text that is not part of any preferred or admitted form of the entry; a deprecated
source-language term; an entry without a source-language term (``no-source-term``: it can never
match); when the glossary declares no ``target_languages``, an entry lacking a
language that other entries have (``missing-language``).

Each :class:`Problem` carries a ``loc`` path into the file (``("entries", 3, "terms", "en", 1)``)
that :class:`~xling.glossary.store.GlossaryDocument` turns into a line number.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from xling.glossary.model import Glossary, TermStatus
from xling.text.keys import source_term_key as source_key
from xling.text.keys import target_term_key as target_key

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of :func:`validate_glossary`.

    Attributes:
        severity: ``"error"`` or ``"warning"``.
        code: a stable kebab-case code (see the module docstring).
        message: one line, naming the entries involved and the fix.
        loc: path into the glossary data, for the line number.
        entry_id: the entry the problem is reported on (or ``None``).
    """

    severity: str
    code: str
    message: str
    loc: tuple[Any, ...]
    entry_id: str | None = None


def _term_loc(i: int, lang: str, j: int) -> tuple[Any, ...]:
    return ("entries", i, "terms", lang, j)


def source_term_conflicts(glossary: Glossary) -> list[Problem]:
    """``duplicate-source-term`` problems: one source term (by :func:`source_key`) in two entries."""
    src = glossary.source_language
    first: dict[str, tuple[str, str, int, int]] = {}
    out: list[Problem] = []
    for i, e in enumerate(glossary.entries):
        for j, t in enumerate(e.terms.get(src, [])):
            for surface in [t.text, *t.short_forms]:
                key = source_key(surface)
                if not key:
                    continue
                seen = first.get(key)
                if seen is None:
                    first[key] = (e.id, surface, i, j)
                elif seen[0] != e.id:
                    out.append(
                        Problem(
                            ERROR,
                            "duplicate-source-term",
                            f"{src} term {surface!r} of entry {e.id!r} is already used by entry {seen[0]!r} "
                            f"(as {seen[1]!r}); a source term must name one concept: remove it from one entry "
                            f"or merge the two entries",
                            _term_loc(i, src, j),
                            e.id,
                        )
                    )
    return out


def validate_glossary(glossary: Glossary) -> list[Problem]:
    """All consistency problems of ``glossary`` (errors and warnings), in file order.

    Returns:
        list of :class:`Problem`; an empty list means the glossary is consistent.
    """
    out: list[Problem] = []
    src = glossary.source_language
    ids: dict[str, int] = {}
    for i, e in enumerate(glossary.entries):
        if e.id in ids:
            out.append(
                Problem(
                    ERROR,
                    "duplicate-id",
                    f"entry id {e.id!r} is used twice (entries {ids[e.id] + 1} and {i + 1}); give one of them a new id",
                    ("entries", i, "id"),
                    e.id,
                )
            )
        else:
            ids[e.id] = i
    out.extend(source_term_conflicts(glossary))

    # preferred forms per language: key -> entry id
    preferred: dict[str, dict[str, str]] = {}
    for e in glossary.entries:
        for lang, terms in e.terms.items():
            for t in terms:
                if t.status == TermStatus.PREFERRED:
                    for s in [t.text, *t.short_forms]:
                        preferred.setdefault(lang, {}).setdefault(target_key(s), e.id)

    all_langs = [lg for lg in glossary.languages() if lg != src and any(lg in e.terms for e in glossary.entries)]
    for i, e in enumerate(glossary.entries):
        out.extend(_reference_problems(e, i, ids))
        for lang, terms in e.terms.items():
            out.extend(_term_problems(e, i, lang, terms, preferred, src))
        out.extend(_language_problems(e, i, glossary, all_langs))
    return out


def _reference_problems(e: Any, i: int, ids: dict[str, int]) -> list[Problem]:
    """``dangling-reference``: a cross-reference to the entry itself or to no entry."""
    out: list[Problem] = []
    for r, ref in enumerate(e.related):
        if ref.target == e.id:
            out.append(
                Problem(
                    ERROR,
                    "dangling-reference",
                    f"entry {e.id!r} refers to itself ({ref.type.value}); remove the cross-reference",
                    ("entries", i, "related", r),
                    e.id,
                )
            )
        elif ref.target not in ids:
            out.append(
                Problem(
                    ERROR,
                    "dangling-reference",
                    f"entry {e.id!r} has {ref.type.value} {ref.target!r}, but no entry has that id; fix the id or add the entry",
                    ("entries", i, "related", r, "target"),
                    e.id,
                )
            )
    return out


def _term_problems(
    e: Any, i: int, lang: str, terms: list[Any], preferred: dict[str, dict[str, str]], src: str
) -> list[Problem]:
    """The problems of one entry's terms in one language: no preferred term, a term listed twice,
    a deprecated form equal to a preferred one, a deprecated source term, misplaced ``use``."""
    out: list[Problem] = []
    if terms and not any(t.status == TermStatus.PREFERRED for t in terms):
        out.append(
            Problem(
                ERROR,
                "no-preferred",
                f"entry {e.id!r} has {lang} terms but no preferred one; mark one 'status: preferred'",
                ("entries", i, "terms", lang),
                e.id,
            )
        )
    seen_text: set[str] = set()
    forms = [s for t in terms if t.status != TermStatus.DEPRECATED for s in (t.text, *t.short_forms)]
    for j, t in enumerate(terms):
        if t.text in seen_text:
            out.append(
                Problem(
                    ERROR,
                    "duplicate-term",
                    f"entry {e.id!r} lists {lang} term {t.text!r} twice; remove one",
                    _term_loc(i, lang, j),
                    e.id,
                )
            )
        seen_text.add(t.text)
        if t.status == TermStatus.DEPRECATED:
            for s in [t.text, *t.short_forms]:
                owner = preferred.get(lang, {}).get(target_key(s))
                if owner is not None:
                    whose = "its own" if owner == e.id else f"entry {owner!r}'s"
                    out.append(
                        Problem(
                            ERROR,
                            "deprecated-is-preferred",
                            f"deprecated {lang} term {s!r} of entry {e.id!r} equals {whose} preferred term; a form cannot be both: drop the deprecated term or change its text",
                            _term_loc(i, lang, j),
                            e.id,
                        )
                    )
            if lang == src:
                out.append(
                    Problem(
                        WARNING,
                        "deprecated-source-term",
                        f"entry {e.id!r} has a deprecated {lang} (source) term {t.text!r}; list source spellings as admitted",
                        _term_loc(i, lang, j),
                        e.id,
                    )
                )
            if t.use is not None and not any(t.use in f for f in forms):
                out.append(
                    Problem(
                        WARNING,
                        "use-not-house-form",
                        f"entry {e.id!r}: 'use: {t.use}' of deprecated {lang} term {t.text!r} is not part of any preferred or admitted {lang} form of the entry",
                        _term_loc(i, lang, j) + ("use",),
                        e.id,
                    )
                )
        elif t.use is not None:
            out.append(
                Problem(
                    WARNING,
                    "use-not-deprecated",
                    f"entry {e.id!r}: {lang} term {t.text!r} is {t.status.value} but has 'use:'; 'use' only applies to deprecated terms",
                    _term_loc(i, lang, j) + ("use",),
                    e.id,
                )
            )
    return out


def _language_problems(e: Any, i: int, glossary: Glossary, all_langs: list[str]) -> list[Problem]:
    """An entry without a source-language term (warning), without terms in a declared target
    language (error), or, with none declared, in a language other entries have (warning)."""
    out: list[Problem] = []
    src = glossary.source_language
    if not e.terms.get(src):
        out.append(
            Problem(
                WARNING,
                "no-source-term",
                f"entry {e.id!r} has no {src} term, so no {src} source can ever name it; add its {src} term",
                ("entries", i, "terms"),
                e.id,
            )
        )
    for lang in glossary.target_languages:
        if lang not in e.terms:
            out.append(
                Problem(
                    ERROR,
                    "no-preferred",
                    f"entry {e.id!r} has no {lang} terms, but {lang} is a target language of the glossary; add a preferred {lang} term",
                    ("entries", i, "terms"),
                    e.id,
                )
            )
    if not glossary.target_languages:
        for lang in all_langs:
            if lang not in e.terms:
                out.append(
                    Problem(
                        WARNING,
                        "missing-language",
                        f"entry {e.id!r} has no {lang} terms while other entries have; add a preferred {lang} term, or declare 'target_languages:' to make this an error",
                        ("entries", i, "terms"),
                        e.id,
                    )
                )
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems with severity ``error``."""
    return [p for p in problems if p.severity == ERROR]


def glossary_errors(glossary: Glossary) -> list[Problem]:
    """The validation errors of ``glossary`` (what ``xling glossary validate`` exits 1 on), in
    :func:`validate_glossary` order; an empty list for a glossary that validates."""
    return errors(validate_glossary(glossary))


def require_valid(glossary: Glossary, name: str | os.PathLike[str] = "the glossary") -> None:
    """Refuse to run with a glossary that ``xling glossary validate`` rejects (a pre-flight check).

    Raises:
        GlossaryError: one line naming ``name``, every error, and ``xling glossary validate``.
    """
    from xling.errors import GlossaryError

    bad = glossary_errors(glossary)
    if bad:
        raise GlossaryError(
            f"{name}: the glossary does not validate: {'; '.join(p.message for p in bad)}; "
            f"see 'xling glossary validate -g {name}', fix it, then rerun"
        )
