"""CSV / TSV import and export of glossaries (Python :mod:`csv` module, UTF-8, RFC 4180 quoting).

Two forms:

**Two-column (DeepL style)**: one language pair, no header, each row ``source,target``. Export
writes one row per source spelling (every non-deprecated source term and short form) with the
entry's preferred target term; a source short form gets the preferred target *short form* in the
same position when there is one (``الشرع,al-Sharaa``). Rows are unique by source, as DeepL
requires. Import groups rows by target text: all sources of one target become one entry
(``type: other``, id from the target text); the first source is preferred, the others admitted.
This form is lossy by design (no statuses, types, notes).

**Multi-language (lossless)**: a header row, then one row per record, column ``record`` says which:

=========  ================================================================================
record     columns used
=========  ================================================================================
glossary   ``id`` = name, ``lang`` = source language, ``note`` = description,
           ``related`` = target languages separated by spaces
entry      ``id``, ``type``, ``note``, ``source``, ``related`` = ``TYPE:ID`` items separated by ``;``
term       ``id`` (of its entry), ``lang``, ``text``, ``status``, ``short_forms`` separated by
           `` | ``, ``use``, ``note``
=========  ================================================================================

Header: ``record,id,type,lang,text,status,short_forms,use,note,source,related``. Term rows follow
their entry row; order is kept. An empty cell is "not set". Export then import gives an identical
:class:`~xling.glossary.model.Glossary`. A short form containing ``|`` or an id containing ``;``
cannot be written in this form and raises :class:`GlossaryError`.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from xling.errors import GlossaryError
from xling.glossary.model import ConceptEntry, EntryType, Glossary, Term, TermStatus

MULTI_HEADER = ["record", "id", "type", "lang", "text", "status", "short_forms", "use", "note", "source", "related"]
_SF_SEP = " | "


# ----------------------------------------------------------------------------- export


def glossary_to_multi_csv(glossary: Glossary, *, delimiter: str = ",") -> str:
    """The lossless multi-language form (see the module docstring) as text.

    Raises:
        GlossaryError: a cross-reference target holds ``;`` or ``:``, or a short form holds
            ``|`` (the CSV separators); the message names the entry and suggests TBX or YAML.
    """
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(MULTI_HEADER)

    def row(**kw) -> list[str]:
        return [kw.get(c) or "" for c in MULTI_HEADER]

    w.writerow(
        row(
            record="glossary",
            id=glossary.name,
            lang=glossary.source_language,
            note=glossary.description,
            related=" ".join(glossary.target_languages),
        )
    )
    for e in glossary.entries:
        for ref in e.related:
            if ";" in ref.target or ":" in ref.target:
                raise GlossaryError(
                    f"entry {e.id!r}: cross-reference target {ref.target!r} contains ';' or ':' and cannot be written as CSV; use TBX or YAML"
                )
        related = ";".join(f"{r.type.value}:{r.target}" for r in e.related)
        w.writerow(row(record="entry", id=e.id, type=e.type.value, note=e.note, source=e.source, related=related))
        for lang, terms in e.terms.items():
            for t in terms:
                for s in t.short_forms:
                    if "|" in s:
                        raise GlossaryError(
                            f"entry {e.id!r}: short form {s!r} contains '|' and cannot be written as CSV; use TBX or YAML"
                        )
                w.writerow(
                    row(
                        record="term",
                        id=e.id,
                        lang=lang,
                        text=t.text,
                        status=t.status.value,
                        short_forms=_SF_SEP.join(t.short_forms),
                        use=t.use,
                        note=t.note,
                    )
                )
    return buf.getvalue()


def glossary_to_pair_csv(glossary: Glossary, target_lang: str, *, delimiter: str = ",") -> str:
    """The two-column DeepL form ``source,target`` for ``source_language → target_lang``.

    Entries without a preferred ``target_lang`` term are skipped.
    """
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    seen: set[str] = set()
    src = glossary.source_language
    for e in glossary.entries:
        pref = e.preferred(target_lang)
        if pref is None:
            continue
        for t in e.terms.get(src, []):
            if t.status == TermStatus.DEPRECATED:
                continue
            pairs = [(t.text, pref.text)]
            for k, s in enumerate(t.short_forms):
                pairs.append(
                    (
                        s,
                        pref.short_forms[k]
                        if k < len(pref.short_forms)
                        else (pref.short_forms[0] if pref.short_forms else pref.text),
                    )
                )
            for source, target in pairs:
                if source not in seen:
                    seen.add(source)
                    w.writerow([source, target])
    return buf.getvalue()


# ----------------------------------------------------------------------------- import


def _rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        out = []
        for row in reader:
            if row and any(c.strip() for c in row):
                out.append((reader.line_num, row))
        return out
    except csv.Error as exc:
        raise GlossaryError(f"{name}: not valid CSV: {exc}; fix the quoting") from None


def is_multi(text: str, delimiter: str) -> bool:
    """True when ``text`` starts with the multi-language header row."""
    first = text.split("\n", 1)[0].lstrip("\ufeff")
    return first.split(delimiter)[0].strip().lower() == "record"


def _entry_data(get) -> dict:
    """The ConceptEntry data of an ``entry`` row (``get(column)`` gives a cell or None)."""
    related = []
    for item in (get("related") or "").split(";"):
        if not item.strip():
            continue
        rtype, _, target = item.partition(":")
        related.append({"type": rtype.strip(), "target": target.strip()})
    return {
        "id": get("id"),
        "type": get("type") or "other",
        "note": get("note"),
        "source": get("source"),
        "related": related,
        "terms": {},
    }


def _add_term(get, entries: list[dict], name: str, line: int) -> None:
    """Add the term of a ``term`` row to the entry row it follows.

    Raises:
        GlossaryError: the row does not follow its entry's row, or has no ``lang``.
    """
    if not entries or entries[-1]["data"]["id"] != get("id"):
        raise GlossaryError(
            f"{name}:{line}: term row for entry {get('id')!r} does not follow that entry's 'entry' row; put term rows right after their entry"
        )
    sf = get("short_forms")
    term = {
        "text": get("text"),
        "status": get("status") or "preferred",
        "short_forms": sf.split(_SF_SEP) if sf else [],
        "use": get("use"),
        "note": get("note"),
    }
    lang = get("lang")
    if not lang:
        raise GlossaryError(f"{name}:{line}: term row without 'lang'; give a language code")
    entries[-1]["data"]["terms"].setdefault(lang, []).append(term)


def multi_csv_to_glossary(text: str, *, delimiter: str = ",", name: str = "<csv>") -> Glossary:
    """Parse the multi-language form back into a :class:`Glossary`.

    Raises:
        GlossaryError: a missing header column, an unknown record kind, a term row before any
            entry row or for another entry, or a value the model refuses; the message gives file:line.
    """
    from pydantic import ValidationError

    rows = _rows(text, delimiter, name)
    if not rows:
        raise GlossaryError(f"{name}: empty CSV; expected the header {','.join(MULTI_HEADER)}")
    header_line, header = rows[0]
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in MULTI_HEADER if c not in header]
    if missing:
        raise GlossaryError(
            f"{name}:{header_line}: header lacks column(s) {', '.join(missing)}; expected {','.join(MULTI_HEADER)}"
        )
    col = {c: header.index(c) for c in MULTI_HEADER}
    meta: dict = {}
    entries: list[dict] = []
    for line, row in rows[1:]:

        def get(c: str, row: list[str] = row) -> str | None:
            i = col[c]
            v = row[i] if i < len(row) else ""
            return v if v != "" else None

        kind = (get("record") or "").strip()
        if kind == "glossary":
            meta = {
                "name": get("id") or "glossary",
                "description": get("note"),
                "source_language": get("lang") or "fa",
                "target_languages": (get("related") or "").split(),
            }
        elif kind == "entry":
            entries.append({"line": line, "data": _entry_data(get)})
        elif kind == "term":
            _add_term(get, entries, name, line)
        else:
            raise GlossaryError(f"{name}:{line}: unknown record kind {kind!r}; use glossary, entry or term")
    built = []
    for e in entries:
        try:
            built.append(ConceptEntry.model_validate(e["data"]))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise GlossaryError(
                f"{name}:{e['line']}: entry {e['data']['id']!r}: {'.'.join(map(str, err['loc']))}: {err['msg']}"
            ) from None
    try:
        return Glossary(**meta, entries=built)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise GlossaryError(f"{name}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^\w]+", "-", t).strip("-")
    return t or "entry"


def pair_csv_to_glossary(
    text: str, target_lang: str, *, source_lang: str = "fa", delimiter: str = ",", name: str = "<csv>"
) -> Glossary:
    """Parse the two-column form into a :class:`Glossary` (rows grouped by target; lossy).

    Raises:
        GlossaryError: a row without exactly two non-empty cells (file:line in the message).
    """
    groups: dict[str, list[str]] = {}
    rows = _rows(text, delimiter, name)
    if rows and [c.strip().lower() for c in rows[0][1]] in (
        [source_lang.lower(), target_lang.lower()],
        ["source", "target"],
    ):
        rows = rows[1:]  # a header row naming the columns (fa,en or source,target) is not a term pair
    for line, row in rows:
        cells = [c.strip() for c in row]
        if len(cells) != 2 or not cells[0] or not cells[1]:
            raise GlossaryError(
                f"{name}:{line}: expected two cells 'source{delimiter}target', got {len(cells)}; the two-column form has one term pair a row and no header"
            )
        groups.setdefault(cells[1], [])
        if cells[0] not in groups[cells[1]]:
            groups[cells[1]].append(cells[0])
    entries = []
    used: set[str] = set()
    for target, sources in groups.items():
        base = _slug(target)
        eid, n = base, 2
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used.add(eid)
        terms = {
            source_lang: [
                Term(text=s, status=TermStatus.PREFERRED if i == 0 else TermStatus.ADMITTED)
                for i, s in enumerate(sources)
            ],
            target_lang: [Term(text=target)],
        }
        entries.append(ConceptEntry(id=eid, type=EntryType.OTHER, terms=terms))
    return Glossary(name="imported", source_language=source_lang, target_languages=[target_lang], entries=entries)
