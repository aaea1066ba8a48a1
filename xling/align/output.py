"""Render an alignment as beads, TSV, JSON Lines or TMX (``xling align --format``).

Every format takes the same input: the source sentences, a mapping target language → target
sentences, and a list of units (``src`` ids, per-language ``tgt`` ids, ``cost``). A pairwise
alignment is the one-target case (each bead is a unit).

- ``beads``: ``[0]:[0,1]`` one unit a line (Vecalign/Bertalign format); with several targets,
  one ``:[...]`` field per target in the order given: ``[8,9]:[9,10]:[8]:[8,9]``.
- ``tsv``: source text, TAB, each target's text; merged sentences joined by one space; tabs and
  newlines inside a sentence become spaces. A unit with no text (blank lines) gets no row.
- ``jsonl``: one JSON object a unit: ``{"src_ids": [...], "src": "...", "tgt_ids": {...},
  "tgt": {...}, "cost": float}`` (plus ``"agreed"`` with several targets).
- ``tmx``: TMX 1.4b (:mod:`xling.formats.tmx`), one ``tu`` per unit, a ``tuv`` per language that
  has text in it (the source first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from xling.align.beads import Bead
from xling.align.multi import MultiUnit

FORMATS = ("beads", "tsv", "jsonl", "tmx")
_WS = re.compile(r"[\t\r\n]+")


def units_from_beads(beads: list[Bead], lang: str) -> list[MultiUnit]:
    """Wrap pairwise beads as single-target units."""
    return [MultiUnit(b.src, {lang: b.tgt}, True, b.cost) for b in beads]


def _join(sents: Sequence[str], ids: Sequence[int]) -> str:
    return " ".join(_WS.sub(" ", sents[i]).strip() for i in ids if sents[i].strip())


def tmx_units(
    units: list[MultiUnit], src: Sequence[str], targets: Mapping[str, Sequence[str]], *, src_lang: str
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The TMX translation units of an alignment: ``(tus, props)``, one language → text mapping
    per ``tu`` (units with no text left out) and its ``x-src-ids`` / ``x-tgt-ids-LANG`` props."""
    langs = list(targets)
    tus, props = [], []
    for u in units:
        tu = {}
        if u.src and _join(src, u.src):
            tu[src_lang] = _join(src, u.src)
        for lang in langs:
            text = _join(targets[lang], u.tgt[lang])
            if text:
                tu[lang] = text
        if not tu:
            continue
        tus.append(tu)
        p = {"x-src-ids": ",".join(map(str, u.src))}
        p.update({f"x-tgt-ids-{lang}": ",".join(map(str, u.tgt[lang])) for lang in langs})
        props.append(p)
    return tus, props


def render(
    fmt: str, units: list[MultiUnit], src: Sequence[str], targets: Mapping[str, Sequence[str]], *, src_lang: str
) -> str:
    """The alignment as text in ``fmt`` (one of :data:`FORMATS`); TMX is returned decoded (UTF-8).

    Args:
        fmt: ``beads``, ``tsv``, ``jsonl`` or ``tmx`` (see the module docstring).
        units: the aligned units in document order (pairwise beads: :func:`units_from_beads`).
        src: source sentences (list of str, indexed by the units' ``src`` ids).
        targets: target language code → target sentences (indexed by ``tgt[lang]`` ids).
        src_lang: source language code (the TMX ``srclang`` and source ``tuv``).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS` (the CLI offers only those).
    """
    langs = list(targets)
    if fmt == "beads":
        lines = []
        for u in units:
            fields = ["[" + ",".join(map(str, u.src)) + "]"] + [
                "[" + ",".join(map(str, u.tgt[lang])) + "]" for lang in langs
            ]
            lines.append(":".join(fields))
        return "".join(line + "\n" for line in lines)
    if fmt == "tsv":
        rows = (([_join(src, u.src)] + [_join(targets[lang], u.tgt[lang]) for lang in langs]) for u in units)
        return "".join("\t".join(row) + "\n" for row in rows if any(row))
    if fmt == "jsonl":
        out = []
        for u in units:
            rec = {
                "src_ids": list(u.src),
                "src": _join(src, u.src),
                "tgt_ids": {lang: list(u.tgt[lang]) for lang in langs},
                "tgt": {lang: _join(targets[lang], u.tgt[lang]) for lang in langs},
                "cost": round(u.cost, 4),
            }
            if len(langs) > 1:
                rec["agreed"] = u.agreed
            out.append(json.dumps(rec, ensure_ascii=False) + "\n")
        return "".join(out)
    if fmt == "tmx":
        from xling.formats.tmx import tmx_bytes

        tus, props = tmx_units(units, src, targets, src_lang=src_lang)
        return tmx_bytes(tus, srclang=src_lang, tu_props=props).decode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
