"""Moving translation units between the TM and interchange files: TMX 1.4 and XLIFF 1.2/2.x.

- TMX import (:func:`units_from_tmx`): each ``tu`` gives one unit per language besides the
  source language (the header's ``srclang``, or the first ``tuv`` when it is ``*all*``), so a
  four-language TMX of ``xling align`` gives fa→en, fa→ru and fa→ar units. A ``tu`` without the
  source language or with an empty segment gives nothing for that pair.
- XLIFF import (:func:`units_from_xliff`): every unit with a non-empty target; origin
  ``post-edited`` when the unit is confirmed (state reviewed/final, 1.2 signed-off/final or
  approved), else ``imported``. Segments that ``xling translate --tm`` joined (a head and its
  ``joined`` units, :func:`xling.formats.xliff.join_units`) give one unit with the joined source.
- TMX export (:func:`tm_to_tmx`): one ``tu`` per stored source segment with a ``tuv`` per target
  language (a language with several stored targets gets a further ``tu`` for each), the unit
  origins as ``prop type="x-xling-origin"`` (``en=human ru=imported``).

Spec: TMX 1.4b (LISA OSCAR, 2004), §3 (``tu``, ``tuv``, ``srclang``); XLIFF: see
:mod:`xling.formats.xliff`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from xling.errors import InputError
from xling.tm.store import TMUnit, TranslationMemory


def _lang(code: str | None) -> str:
    """A TMX/XLIFF language tag as xling's code: ``fa-IR`` → ``fa``, ``EN`` → ``en``."""
    return (code or "").split("-")[0].split("_")[0].strip().lower()


def units_from_tmx(data: bytes, name: str = "<tmx>") -> Iterator[TMUnit]:
    """The translation units of a TMX document (see the module docstring), origin ``imported``.

    Raises:
        InputError: see :func:`xling.formats.tmx.read_tmx` (the one TMX reader); also a language
            tag that names no language (``-x``).
    """
    from xling.formats.tmx import read_tmx

    header, tus = read_tmx(data, name)
    srclang = _lang(header.get("srclang"))
    for tu in tus:
        segs: dict[str, str] = {}
        for tag, text in tu.items():
            lang = _lang(tag)
            if not lang:
                raise InputError(f"{name}: <tuv xml:lang={tag!r}> names no language; fix the language tag")
            segs.setdefault(lang, text.strip())
        src = srclang if srclang and srclang != "*all*" else next(iter(segs), "")
        if not segs.get(src):
            continue
        for lang, text in segs.items():
            if lang != src and text:
                yield TMUnit(segs[src], text, src, lang, "imported", name)


def units_from_xliff(data: bytes, name: str = "<xliff>") -> Iterator[TMUnit]:
    """The translated units of an XLIFF file (see the module docstring).

    Raises:
        InputError: see :func:`xling.formats.xliff.read_xliff`; also a file without source or
            target language.
    """
    from xling.formats.xliff import join_units, read_xliff

    doc = read_xliff(data, name)
    src, tgt = _lang(doc.src_lang), _lang(doc.tgt_lang)
    if not src or not tgt:
        raise InputError(f"{name}: the XLIFF file names no source or target language; set srcLang/trgLang")
    for unit in join_units(doc.units):
        if unit.source.strip() and unit.target.strip():
            origin = "post-edited" if unit.confirmed else "imported"
            yield TMUnit(unit.source, unit.target, src, tgt, origin, doc.original or name)


def import_file(tm: TranslationMemory, path: str | os.PathLike[str]) -> tuple[int, int]:
    """Store the units of a ``.tmx`` or ``.xlf``/``.xliff`` file in ``tm`` (one transaction).

    The format is told by the root element, so the extension may be anything.

    Returns:
        ``(added, updated)`` as :meth:`TranslationMemory.add`.

    Raises:
        InputError: unreadable file, or not TMX or XLIFF (see the readers).
    """
    from xling.io import read_bytes

    data = read_bytes(path)  # the one file read with one-line errors ("is a folder; give ...")
    head = data[:4096].lstrip()
    units = units_from_xliff(data, str(path)) if b"<xliff" in head else units_from_tmx(data, str(path))
    return tm.add(list(units))


def tm_to_tmx(tm: TranslationMemory) -> bytes:
    """Every unit of ``tm`` as a TMX 1.4b document (see the module docstring).

    The header's ``srclang`` is the source language of the first unit (``*all*`` when the TM
    holds several source languages).
    """
    from xling.formats.tmx import tmx_bytes

    tus: list[dict[str, str]] = []
    props: list[dict[str, str]] = []
    src_langs: set[str] = set()
    current: tuple[str, str] | None = None
    for src_lang, source, tgt_lang, target, origin, _doc, _changed, _used in tm.iter_units():
        src_langs.add(src_lang)
        if current != (src_lang, source) or tgt_lang in tus[-1]:
            tus.append({src_lang: source})
            props.append({})
            current = (src_lang, source)
        tus[-1][tgt_lang] = target
        props[-1]["x-xling-origin"] = " ".join(filter(None, [props[-1].get("x-xling-origin"), f"{tgt_lang}={origin}"]))
    srclang = next(iter(src_langs)) if len(src_langs) == 1 else "*all*"
    return tmx_bytes(tus, srclang=srclang, tu_props=props)
