"""Glossary maintenance operations behind ``xling glossary add/edit/remove/merge/import/export``.

Every operation that changes a file runs inside :func:`xling.glossary.store.edit_glossary`: it
holds the file lock, works on a copy, refuses the edit when it would introduce a new
:mod:`~xling.glossary.validate` error (the same source term in two entries, a deprecated term
equal to a preferred one, a dangling cross-reference, a duplicate id, a language without a
preferred term), and only then writes the file atomically. A refused edit leaves the file
byte for byte unchanged.

The term-level changes come in as a :class:`TermChanges` value; the CLI's string forms of them
(``LANG=TEXT``, ``LANG:TEXT=STATUS`` ...) are parsed in :mod:`xling.cli.glossary_args`. Nothing
here prints: every function returns what it did.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from pydantic import ValidationError

from xling.errors import EXIT_USAGE, GlossaryError
from xling.glossary.model import (
    HOUSE_ID,
    HOUSE_ID_RULE,
    ConceptEntry,
    CrossReference,
    EntryType,
    Glossary,
    Term,
    TermStatus,
    suggest_id,
)
from xling.glossary.store import (
    create_glossary,
    default_glossary_path,
    edit_glossary,
    editable_house_path,
    validation_message,
)
from xling.glossary.validate import errors, validate_glossary


class ConflictPolicy(str, Enum):
    """What a merge or import does with an id present in both glossaries with different content."""

    ERROR = "error"
    OURS = "ours"
    THEIRS = "theirs"
    COMBINE = "combine"


class ExchangeFormat(str, Enum):
    """Exchange file formats of ``glossary import/export``: TBX-Basic, CSV, TSV."""

    TBX = "tbx"
    CSV = "csv"
    TSV = "tsv"


CONFLICT_POLICIES = tuple(p.value for p in ConflictPolicy)
_FORMAT_BY_SUFFIX = {
    ".tbx": ExchangeFormat.TBX,
    ".xml": ExchangeFormat.TBX,
    ".csv": ExchangeFormat.CSV,
    ".tsv": ExchangeFormat.TSV,
    ".tab": ExchangeFormat.TSV,
}


# ----------------------------------------------------------------------------- entry edits


@dataclass
class TermChanges:
    """Term-level changes to one entry (the CLI builds them with
    :func:`xling.cli.glossary_args.term_changes`).

    Attributes:
        add: ``(lang, text)`` terms to add (``--term``).
        status: ``(lang, text, status)`` (``--status``).
        short: ``(lang, text, short form)`` (``--short``).
        use: ``(lang, text, the term to use instead)`` (``--use``, for deprecated terms).
        remove: ``(lang, text)`` terms to remove (``--remove-term``).
        note: ``(lang, text, note)`` (``--term-note``).
    """

    add: list[tuple[str, str]] = field(default_factory=list)
    status: list[tuple[str, str, TermStatus]] = field(default_factory=list)
    short: list[tuple[str, str, str]] = field(default_factory=list)
    use: list[tuple[str, str, str]] = field(default_factory=list)
    remove: list[tuple[str, str]] = field(default_factory=list)
    note: list[tuple[str, str, str]] = field(default_factory=list)


def _find_term(entry: ConceptEntry, lang: str, text: str) -> Term | None:
    for t in entry.terms.get(lang, []):
        if t.text == text:
            return t
    return None


def _ensure_term(entry: ConceptEntry, lang: str, text: str, status: TermStatus | None = None) -> Term:
    t = _find_term(entry, lang, text)
    if t is None:
        terms = entry.terms.setdefault(lang, [])
        if status is None:
            status = (
                TermStatus.ADMITTED if any(x.status == TermStatus.PREFERRED for x in terms) else TermStatus.PREFERRED
            )
        t = Term(text=text, status=status)
        terms.append(t)
    return t


def apply_term_changes(entry: ConceptEntry, ch: TermChanges) -> None:
    """Apply ``ch`` to ``entry`` in place: removals, additions, statuses, short forms, uses, notes.

    Setting a term ``preferred`` makes the previous preferred term of that language ``admitted``
    (one preferred term per language).

    Raises:
        GlossaryError: removing, or adding a short form / use / note to, a term the entry lacks.
    """
    for lang, text in ch.remove:
        if _find_term(entry, lang, text) is None:
            raise GlossaryError(f"entry {entry.id!r} has no {lang} term {text!r} to remove")
        entry.terms[lang] = [t for t in entry.terms[lang] if t.text != text]
        if not entry.terms[lang]:
            del entry.terms[lang]
    for lang, text in ch.add:
        _ensure_term(entry, lang, text)
    for lang, text, status in ch.status:
        t = _ensure_term(entry, lang, text, status)
        if status == TermStatus.PREFERRED:
            for other in entry.terms[lang]:
                if other is not t and other.status == TermStatus.PREFERRED:
                    other.status = TermStatus.ADMITTED
        t.status = status
        if status != TermStatus.DEPRECATED:
            t.use = None
    for attr, items in (("short", ch.short), ("use", ch.use), ("note", ch.note)):
        for lang, text, value in items:
            found = _find_term(entry, lang, text)
            if found is None:
                raise GlossaryError(
                    f"entry {entry.id!r} has no {lang} term {text!r}; add it with --term {lang}={text!r} first"
                )
            if attr == "short":
                if value not in found.short_forms:
                    found.short_forms = [*found.short_forms, value]
            elif attr == "use":
                found.use = value
            else:
                found.note = value


def refuse_new_errors(before: Glossary, after: Glossary) -> None:
    """Raise :class:`GlossaryError` if ``after`` has validation errors that ``before`` did not.

    The message names every new error (each names the entries involved).
    """
    old = {(p.code, p.message) for p in errors(validate_glossary(before))}
    new = [p for p in errors(validate_glossary(after)) if (p.code, p.message) not in old]
    if new:
        raise GlossaryError(f"refused: {'; '.join(p.message for p in new)}; the glossary file was not changed")


def check_new_id(entry_id: str, option: str = "--id") -> None:
    """Refuse an id for a new (or renamed) entry that is not a :data:`~xling.glossary.model.HOUSE_ID`.

    Raises:
        GlossaryError: naming the rule and a suggestion (``Vladimir_Putin.2`` → ``vladimir-putin-2``).
    """
    if not HOUSE_ID.match(entry_id):
        raise GlossaryError(
            f"{option} {entry_id!r} is not a valid id: use {HOUSE_ID_RULE}, e.g. {suggest_id(entry_id)}; "
            "the glossary is unchanged"
        )


def _path(path: str | os.PathLike[str] | None) -> Path:
    """The file an edit writes: ``path``, or the user's house glossary (copied on first use)."""
    return Path(path) if path is not None else editable_house_path()


def add_entry(
    path: str | os.PathLike[str] | None,
    entry_id: str,
    *,
    type: EntryType = EntryType.OTHER,
    changes: TermChanges | None = None,
    note: str | None = None,
    source: str | None = None,
    related: Sequence[CrossReference] = (),
) -> ConceptEntry:
    """Add a new concept entry to the glossary file at ``path`` (``None``: house glossary).

    Returns:
        the entry as written.

    Raises:
        GlossaryError: the id exists, the entry has no terms, or the entry would break an
            invariant (e.g. its Persian term is already used by another entry: the message names both).
    """
    check_new_id(entry_id)
    try:
        entry = ConceptEntry(id=entry_id, type=type, note=note, source=source, related=list(related))
    except ValidationError as exc:
        raise GlossaryError(
            f"{path or default_glossary_path()}: entry {entry_id!r} refused, the glossary is unchanged: {validation_message(exc)}"
        ) from None
    apply_term_changes(entry, changes or TermChanges())
    if not entry.terms:
        raise GlossaryError(f"entry {entry_id!r} has no terms; give at least one --term LANG=TEXT")
    p = _path(path)
    with edit_glossary(p, check=refuse_new_errors) as g:
        if g.get(entry_id) is not None:
            raise GlossaryError(
                f"{p}: entry {entry_id!r} already exists; use 'xling glossary edit {entry_id}' or choose another --id"
            )
        g.entries.append(entry)
    return entry


def _require(g: Glossary, entry_id: str, path: Path) -> ConceptEntry:
    e = g.get(entry_id)
    if e is None:
        raise GlossaryError(f"{path}: no entry with id {entry_id!r}; see 'xling glossary list'")
    return e


def edit_entry(
    path: str | os.PathLike[str] | None,
    entry_id: str,
    *,
    new_id: str | None = None,
    type: EntryType | None = None,
    note: str | None = None,
    source: str | None = None,
    changes: TermChanges | None = None,
    add_related: Sequence[CrossReference] = (),
    remove_related: Sequence[str] = (),
) -> ConceptEntry:
    """Change the entry ``entry_id`` in place (``note``/``source`` ``""`` clears them).

    ``new_id`` renames the entry and updates every cross-reference to it.

    Raises:
        GlossaryError: no such entry, a bad term change, or the edit would break an invariant.
    """
    if new_id is not None and new_id != entry_id:
        check_new_id(new_id, "--rename")
    p = _path(path)
    with edit_glossary(p, check=refuse_new_errors) as g:
        e = _require(g, entry_id, p)
        if type is not None:
            e.type = type
        if note is not None:
            e.note = note
        if source is not None:
            e.source = source
        if changes is not None:
            apply_term_changes(e, changes)
        for target in remove_related:
            if not any(r.target == target for r in e.related):
                raise GlossaryError(f"entry {entry_id!r} has no cross-reference to {target!r}")
            e.related = [r for r in e.related if r.target != target]
        for ref in add_related:
            if ref not in e.related:
                e.related = [*e.related, ref]
        if new_id is not None and new_id != entry_id:
            if g.get(new_id) is not None:
                raise GlossaryError(f"{p}: cannot rename {entry_id!r} to {new_id!r}: that id exists")
            e.id = new_id
            for other in g.entries:
                other.related = [
                    CrossReference(type=r.type, target=new_id) if r.target == entry_id else r for r in other.related
                ]
        result = e.model_copy(deep=True)
    return result


def remove_entry(path: str | os.PathLike[str] | None, entry_id: str, *, force: bool = False) -> None:
    """Remove entry ``entry_id``. Cross-references to it are an error unless ``force`` (then removed too).

    Raises:
        GlossaryError: no such entry, or other entries refer to it and ``force`` is false.
    """
    p = _path(path)
    with edit_glossary(p, check=refuse_new_errors) as g:
        _require(g, entry_id, p)
        referrers = [o.id for o in g.entries if o.id != entry_id and any(r.target == entry_id for r in o.related)]
        if referrers and not force:
            raise GlossaryError(
                f"{p}: entry {entry_id!r} is cross-referenced by {', '.join(map(repr, referrers))}; remove those references or pass --force to drop them"
            )
        g.entries = [o for o in g.entries if o.id != entry_id]
        for o in g.entries:
            if any(r.target == entry_id for r in o.related):
                o.related = [r for r in o.related if r.target != entry_id]


def combine_entries(keep: ConceptEntry, other: ConceptEntry) -> ConceptEntry:
    """``keep`` with ``other``'s terms, short forms and cross-references added (a new object).

    Terms are matched by language and text; ``keep``'s status wins. A preferred term of ``other``
    in a language where ``keep`` already has a preferred term becomes admitted. Notes and sources
    of both are joined with a space when they differ. Cross-references between the two are dropped.
    """
    out = keep.model_copy(deep=True)
    for lang, terms in other.terms.items():
        for t in terms:
            mine = _find_term(out, lang, t.text)
            if mine is None:
                new = t.model_copy(deep=True)
                if new.status == TermStatus.PREFERRED and out.preferred(lang) is not None:
                    new.status = TermStatus.ADMITTED
                out.terms.setdefault(lang, []).append(new)
            else:
                mine.short_forms = [*mine.short_forms, *[s for s in t.short_forms if s not in mine.short_forms]]
                if mine.use is None and t.use is not None and mine.status == TermStatus.DEPRECATED:
                    mine.use = t.use
                if mine.note is None and t.note is not None:
                    mine.note = t.note
    for attr in ("note", "source"):
        a, b = getattr(out, attr), getattr(other, attr)
        if b and b != a:
            setattr(out, attr, f"{a} {b}" if a else b)
    ids = {keep.id, other.id}
    out.related = [r for r in out.related if r.target not in ids]
    for r in other.related:
        if r.target not in ids and r not in out.related:
            out.related.append(r)
    return out


def merge_entries(path: str | os.PathLike[str] | None, keep_id: str, other_id: str) -> ConceptEntry:
    """Merge entry ``other_id`` into ``keep_id`` (see :func:`combine_entries`), retarget references, drop ``other_id``.

    Raises:
        GlossaryError: either id is missing, the two ids are equal, or the result breaks an invariant.
    """
    p = _path(path)
    if keep_id == other_id:
        raise GlossaryError(f"cannot merge entry {keep_id!r} with itself")
    with edit_glossary(p, check=refuse_new_errors) as g:
        keep, other = _require(g, keep_id, p), _require(g, other_id, p)
        merged = combine_entries(keep, other)
        g.entries = [merged if e.id == keep_id else e for e in g.entries if e.id != other_id]
        for e in g.entries:
            if e.id != keep_id and any(r.target == other_id for r in e.related):
                rel: list[CrossReference] = []
                for r in e.related:
                    r2 = CrossReference(type=r.type, target=keep_id) if r.target == other_id else r
                    if r2 not in rel:
                        rel.append(r2)
                e.related = rel
        return merged.model_copy(deep=True)


def merge_into(base: Glossary, other: Glossary, on_conflict: ConflictPolicy | str = ConflictPolicy.ERROR) -> Glossary:
    """``base`` with the entries of ``other`` merged in (a new Glossary; ``base`` metadata kept).

    Entries with a new id are appended in ``other``'s order. For an id present in both with
    different content, ``on_conflict`` decides: ``error`` (refuse, naming the ids), ``ours`` (keep
    ``base``'s entry), ``theirs`` (take ``other``'s), ``combine`` (:func:`combine_entries`).

    Raises:
        GlossaryError: ``on_conflict`` is unknown, or ``error`` and some ids conflict.
    """
    try:
        on_conflict = ConflictPolicy(on_conflict)
    except ValueError:
        raise GlossaryError(f"--on-conflict {on_conflict!r}: use one of {', '.join(CONFLICT_POLICIES)}") from None
    out = base.model_copy(deep=True)
    index = {e.id: i for i, e in enumerate(out.entries)}
    conflicts = [e.id for e in other.entries if e.id in index and out.entries[index[e.id]] != e]
    if conflicts and on_conflict == "error":
        shown = ", ".join(map(repr, conflicts[:5])) + (" …" if len(conflicts) > 5 else "")
        raise GlossaryError(
            f"{len(conflicts)} entr{'y differs' if len(conflicts) == 1 else 'ies differ'} in both glossaries ({shown}); choose --on-conflict ours, theirs or combine"
        )
    for e in other.entries:
        if e.id not in index:
            out.entries.append(e.model_copy(deep=True))
            index[e.id] = len(out.entries) - 1
        elif e.id in conflicts:
            i = index[e.id]
            if on_conflict == "theirs":
                out.entries[i] = e.model_copy(deep=True)
            elif on_conflict == "combine":
                out.entries[i] = combine_entries(out.entries[i], e)
    for lang in other.target_languages:
        if lang not in out.target_languages and not base.entries:
            out.target_languages.append(lang)
    return out


def merge_glossary_file(
    path: str | os.PathLike[str] | None, other: Glossary, *, on_conflict: ConflictPolicy | str = ConflictPolicy.ERROR
) -> tuple[int, int]:
    """Merge ``other`` into the glossary file at ``path``; returns ``(entries added, entries changed)``.

    Raises:
        GlossaryError: see :func:`merge_into`; also when the result breaks an invariant
            (e.g. another entry already uses one of the incoming source terms).
    """
    counts = [0, 0]
    with edit_glossary(_path(path), check=refuse_new_errors) as g:
        before = {e.id: e for e in g.entries}
        merged = merge_into(g, other, on_conflict)
        counts[0] = sum(1 for e in merged.entries if e.id not in before)
        counts[1] = sum(1 for e in merged.entries if e.id in before and before[e.id] != e)
        g.entries = merged.entries
        g.target_languages = merged.target_languages
    return counts[0], counts[1]


# ----------------------------------------------------------------------------- import / export


def detect_format(path: str | os.PathLike[str], fmt: ExchangeFormat | str | None) -> ExchangeFormat:
    """The :class:`ExchangeFormat` given by ``fmt``, or else told by the file extension.

    Raises:
        GlossaryError: unknown format, or ``"-"`` / an unknown extension without ``--format``.
    """
    if fmt:
        try:
            return ExchangeFormat(str(fmt.value if isinstance(fmt, ExchangeFormat) else fmt).lower())
        except ValueError:
            raise GlossaryError(f"--format {fmt!r}: use tbx, csv or tsv") from None
    suffix = Path(str(path)).suffix.lower()
    found = _FORMAT_BY_SUFFIX.get(suffix)
    if found is None:
        raise GlossaryError(f"{path}: cannot tell the format from the name; give --format tbx, csv or tsv")
    return found


def read_exchange_file(
    path: str | os.PathLike[str],
    *,
    fmt: ExchangeFormat | str | None = None,
    lang: str | None = None,
    source_lang: str = "fa",
    encoding: str | None = None,
) -> Glossary:
    """Read a TBX or CSV/TSV file into a :class:`Glossary`.

    CSV/TSV whose first cell is ``record`` is the multi-language form; otherwise the two-column
    form, which needs ``lang`` (the target language of the second column). ``encoding`` applies
    to CSV/TSV (default UTF-8, with or without a BOM; e.g. ``utf-16`` for Excel's "Unicode
    text"); a TBX file declares its own.

    Raises:
        GlossaryError: unsafe/malformed input (file and line in the message), or ``lang`` missing.
    """
    if Path(path).is_dir():
        raise GlossaryError(f"{path}: is a folder; give a TBX, CSV or TSV file to import")
    f = detect_format(path, fmt)
    if f == "tbx":
        from xling.glossary.tbx import read_tbx

        return read_tbx(path)
    from xling.glossary import csvio
    from xling.io import read_text

    text = read_text(path, encoding=encoding)
    delim = "\t" if f == "tsv" else ","
    if not text.strip():
        raise GlossaryError(f"{path}: the file is empty; nothing to import")
    if csvio.is_multi(text, delim):
        return csvio.multi_csv_to_glossary(text, delimiter=delim, name=str(path))
    if not lang:
        raise GlossaryError(
            f"{path}: two-column {f.value.upper()} (no 'record' header) needs --to, the language of the second column"
        )
    return csvio.pair_csv_to_glossary(text, lang, source_lang=source_lang, delimiter=delim, name=str(path))


def import_file(
    path: str | os.PathLike[str] | None,
    source: str | os.PathLike[str],
    *,
    fmt: ExchangeFormat | str | None = None,
    lang: str | None = None,
    on_conflict: ConflictPolicy | str = ConflictPolicy.ERROR,
    replace: bool = False,
    encoding: str | None = None,
) -> tuple[int, int]:
    """Import ``source`` (TBX or CSV/TSV) into the glossary file ``path``.

    A glossary file that does not exist yet is created with the imported glossary as is.
    ``replace`` makes the glossary equal to the imported one (entries that also exist keep their
    comments). Otherwise entries are merged (:func:`merge_into` with ``on_conflict``).

    Returns:
        ``(entries added, entries changed)``.

    Raises:
        GlossaryError: unreadable or unsafe input, or an invalid result; the glossary is unchanged.
    """
    incoming = read_exchange_file(source, fmt=fmt, lang=lang, encoding=encoding)
    bad = errors(validate_glossary(incoming))
    p = _path(path)
    if not p.exists():
        if bad:
            raise GlossaryError(f"{source}: refused: {'; '.join(p.message for p in bad)}")
        if create_glossary(incoming, p):
            return len(incoming.entries), 0
    if replace:
        with edit_glossary(p, check=refuse_new_errors) as g:
            before = {e.id: e for e in g.entries}
            for name in ("name", "description", "source_language", "target_languages", "entries"):
                setattr(g, name, getattr(incoming, name))
        return sum(1 for e in incoming.entries if e.id not in before), sum(
            1 for e in incoming.entries if e.id in before and before[e.id] != e
        )
    return merge_glossary_file(p, incoming, on_conflict=on_conflict)


def require_language(glossary: Glossary, lang: str) -> None:
    """Refuse a ``--to LANG`` the glossary has no terms in (a bad option value: exit status 2).

    Raises:
        GlossaryError: ``lang`` is not among ``glossary.languages()`` (``exit_code`` 2).
    """
    if lang not in glossary.languages():
        raise GlossaryError(
            f"--to {lang}: the glossary has no {lang} terms; languages: {', '.join(glossary.languages())}",
            exit_code=EXIT_USAGE,
        )


def render_exchange(
    glossary: Glossary, fmt: ExchangeFormat | str, *, lang: str | None = None, tbx_version: int = 3
) -> str:
    """``glossary`` as TBX-Basic text, or CSV/TSV (multi-language; the two-column form with ``lang``).

    ``tbx_version``: 3 (TBX v3, default) or 2 (TBX v2 ``martif``, for OmegaT and translate-toolkit).

    Raises:
        GlossaryError: ``lang`` has no terms in the glossary, or the glossary cannot be written as
            CSV (see :mod:`xling.glossary.csvio`).
    """
    f = detect_format("", fmt)
    if f == ExchangeFormat.TBX:
        from xling.glossary.tbx import glossary_to_tbx_bytes

        return glossary_to_tbx_bytes(glossary, version=tbx_version).decode("utf-8")
    from xling.glossary import csvio

    delim = "\t" if f == ExchangeFormat.TSV else ","
    if lang:
        require_language(glossary, lang)
        return csvio.glossary_to_pair_csv(glossary, lang, delimiter=delim)
    return csvio.glossary_to_multi_csv(glossary, delimiter=delim)


def export_file(
    glossary: Glossary,
    dest: str | os.PathLike[str],
    *,
    fmt: ExchangeFormat | str | None = None,
    lang: str | None = None,
    tbx_version: int = 3,
) -> str:
    """Write ``glossary`` to ``dest`` (atomically) as TBX, or CSV/TSV (see :func:`render_exchange`).

    ``dest`` ``"-"`` writes nothing: the text is returned for the caller to print (``fmt`` is
    required then).

    Returns:
        the text written (str).

    Raises:
        GlossaryError: the format cannot be told from ``dest``, or see :func:`render_exchange`.
        InputError: ``dest`` cannot be written.
    """
    text = render_exchange(glossary, detect_format(dest, fmt), lang=lang, tbx_version=tbx_version)
    if str(dest) != "-":
        from xling.io import atomic_write_text

        atomic_write_text(dest, text)
    return text
