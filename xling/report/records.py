"""Reading the ``.jsonl`` record of ``xling translate`` (README, "The .jsonl record").

One JSON object a line, per segment: ``id``, ``paragraph``, ``source``, ``text``, ``targets``
(``{lang: output}``), ``models``, ``test_models`` (only when a test model was used) and
``changes`` (what each stage did). The report also reads, per target, where its text came
from: :func:`target_origin`.
"""

from __future__ import annotations

import json
import os
from typing import Any

from xling.errors import InputError

#: Where a target segment's text came from (``origin[lang]`` in the record, as ``xling translate
#: --tm`` and ``xling xliff import`` write it; the XLIFF states of :mod:`xling.formats.xliff`) →
#: the label shown. ``mt`` (or no ``origin``) is machine translation and is not marked.
ORIGIN_LABELS = {
    "mt": "machine translation",
    "tm-exact": "TM exact match",
    "tm-joined": "TM exact match of joined segments",
    "joined": "joined into the segment before (TM)",
    "post-edited": "post-edited (XLIFF)",
    "human": "human translation",
}

_REQUIRED = (("id", int), ("paragraph", int), ("source", str), ("targets", dict))


def read_record(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read and check a ``.jsonl`` record written by ``xling translate``.

    Args:
        path: the ``<stem>.jsonl`` file (UTF-8).

    Returns:
        The segment records (dicts) in file order; blank lines are skipped.

    Raises:
        InputError: the file is missing or unreadable, or a line is not a segment record
            (``FILE:LINE: ...`` naming the field and the fix).
    """
    from xling.io import read_text

    return parse_records(read_text(path, utf8_first=True), str(path))


def looks_like_records(text: str) -> bool:
    """True when ``text`` opens with a segment record (its first non-blank line is a JSON object
    with ``targets``): a ``.jsonl`` of ``xling translate`` read from standard input, where there
    is no file name to go by. A translation whose first line merely starts with ``{`` is text."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        rec = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(rec, dict) and "targets" in rec


def parse_records(text: str, name: str) -> list[dict[str, Any]]:
    """The segment records of a ``.jsonl`` already read as ``text`` (see :func:`read_record`;
    ``name`` is the file named in errors, e.g. ``<stdin>``)."""
    path = name
    records = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}:{n}: not JSON ({exc.msg}, column {exc.colno}); give the .jsonl that xling translate writes"
            ) from None
        check_segment_record(rec, f"{path}:{n}")
        records.append(rec)
    return records


def check_segment_record(rec: Any, where: str) -> None:
    """Raise :class:`InputError` (``WHERE: ...``) unless ``rec`` has the fields the report needs."""
    if not isinstance(rec, dict):
        raise InputError(f"{where}: not a segment record (a JSON object); give the .jsonl that xling translate writes")
    for key, kind in _REQUIRED:
        if not isinstance(rec.get(key), kind) or (kind is int and isinstance(rec.get(key), bool)):
            raise InputError(
                f"{where}: segment record without a valid {key!r} ({kind.__name__}); "
                f"give the .jsonl that xling translate writes"
            )
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in rec["targets"].items()):
        raise InputError(f"{where}: 'targets' must map language codes to strings")


def target_languages(records: list[dict[str, Any]]) -> list[str]:
    """Target language codes in output order (the first record's order, then any new ones)."""
    langs: dict[str, None] = {}
    for rec in records:
        langs.update(dict.fromkeys(rec["targets"]))
    return list(langs)


def source_language(records: list[dict[str, Any]], default: str = "fa") -> str:
    """The source language: the first code of the first model pair on any route (``fa-en`` → ``fa``)."""
    for rec in records:
        for route in (rec.get("models") or {}).values():
            for model in route or []:
                pair = str(model.get("pair", ""))
                if "-" in pair:
                    return pair.split("-", 1)[0]
    return default


def test_model_names(records: list[dict[str, Any]]) -> list[str]:
    """The xling test models named by ``test_models`` in any record (sorted, unique)."""
    names: set[str] = set()
    for rec in records:
        names.update(str(n) for n in rec.get("test_models") or [])
    return sorted(names)


def target_origin(rec: dict[str, Any], lang: str) -> str | None:
    """Where the ``lang`` target of a segment record came from: a key of :data:`ORIGIN_LABELS`.

    The record carries it as ``origin``: ``{lang: origin}`` (or one string for every target).
    Without it, or with ``mt``, the segment is machine translation (``None``: nothing to mark).
    """
    origin = rec.get("origin")
    if isinstance(origin, dict):
        origin = origin.get(lang)
    return origin if isinstance(origin, str) and origin != "mt" else None


def tm_matches(rec: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The TM matches offered (not used) for the ``lang`` target, best first: ``tm_matches[lang]``
    as ``xling translate --tm`` writes it, dicts with ``source``, ``target``, ``score`` (0-100),
    ``exact`` (an exact match offered where the segment still went to MT) and ``origin``."""
    found = (rec.get("tm_matches") or {}).get(lang) or []
    return [m for m in found if isinstance(m, dict) and isinstance(m.get("target"), str)]


def text_before_post_edit(rec: dict[str, Any], lang: str) -> str | None:
    """The ``lang`` target as it was before the first post-edit (the ``before`` of the record's
    first ``post-edit`` change for ``lang``: MT output or a TM match), or ``None``."""
    for ch in changes(rec, "post-edit", lang):
        if isinstance(ch.get("before"), str):
            return ch["before"]
    return None


def changes(rec: dict[str, Any], stage: str, lang: str | None = None) -> list[dict[str, Any]]:
    """The ``changes`` entries of ``stage`` (for ``lang`` when given), in record order."""
    return [
        c
        for c in rec.get("changes") or []
        if isinstance(c, dict) and c.get("stage") == stage and (lang is None or c.get("lang") == lang)
    ]
