"""TMX 1.4b writer (Translation Memory eXchange, LISA OSCAR 2004), built with lxml.

Writes ``<tmx version="1.4">`` with a ``<header>`` carrying every attribute the 1.4b DTD
requires (``creationtool``, ``creationtoolversion``, ``segtype``, ``o-tmf``, ``adminlang``,
``srclang``, ``datatype``) and a ``<body>`` of ``<tu>`` elements, each with one ``<tuv xml:lang>``
per language holding a ``<seg>``. Characters XML 1.0 forbids (C0 controls other than tab/LF/CR)
are dropped from segments, since no TMX reader could load them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF)."""
    return _BAD_XML.sub("", text)


def tmx_bytes(
    units: Iterable[Mapping[str, str]],
    *,
    srclang: str,
    creationtool: str = "xling",
    creationtoolversion: str | None = None,
    adminlang: str = "en",
    datatype: str = "plaintext",
    segtype: str = "sentence",
    o_tmf: str = "xling",
    tu_props: Iterable[Mapping[str, str]] | None = None,
) -> bytes:
    """Serialize translation units to a TMX 1.4b document (UTF-8 bytes, with XML declaration).

    Args:
        units: one mapping per ``tu``: language code → segment text, in the order the ``tuv``
            elements should appear (put the source language first). Languages absent from a
            mapping get no ``tuv`` in that ``tu``.
        srclang: the header's source language (ISO 639 code, e.g. ``fa``).
        creationtool, creationtoolversion, adminlang, datatype, segtype, o_tmf: header attributes
            (TMX 1.4b §3.1); ``creationtoolversion`` defaults to ``xling.__version__``.
        tu_props: optional, one mapping per unit of ``<prop type=...>`` values (e.g. source ids).

    Returns:
        the document as bytes (UTF-8).
    """
    from lxml import etree

    if creationtoolversion is None:
        from xling import __version__ as creationtoolversion
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": creationtool,
            "creationtoolversion": creationtoolversion,
            "segtype": segtype,
            "o-tmf": o_tmf,
            "adminlang": adminlang,
            "srclang": srclang,
            "datatype": datatype,
        },
    )
    body = etree.SubElement(root, "body")
    props_iter = iter(tu_props) if tu_props is not None else None
    for n, unit in enumerate(units, 1):
        tu = etree.SubElement(body, "tu", tuid=str(n))
        props = next(props_iter, None) if props_iter is not None else None
        for key, value in (props or {}).items():
            prop = etree.SubElement(tu, "prop", type=key)
            prop.text = value
        for lang, text in unit.items():
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            seg = etree.SubElement(tuv, "seg")
            seg.text = xml_safe(text)
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    )


def read_tmx(data: bytes, name: str = "<tmx>") -> tuple[dict[str, str], list[dict[str, str]]]:
    """Parse TMX bytes (safely: no entities, no DTD, no network) into ``(header attributes, units)``.

    The one TMX reader of xling (the TM import, :func:`xling.tm.exchange.units_from_tmx`, builds
    on it). Each unit is a dict language tag (``xml:lang`` as written, or TMX 1.1's ``lang``) →
    the text of its ``seg`` (inline markup dropped, as ``itertext``), one per ``tu`` of the
    ``body`` in order; a ``tuv`` without a ``seg`` is left out, and of two ``tuv`` with one tag the
    first counts. TMX 1.4b (LISA OSCAR 2004) §3: ``header``, ``body``, ``tu``, ``tuv``, ``seg``.

    Args:
        data: the file's bytes; name: the file named in errors.

    Raises:
        InputError: one line naming the file and the line: not well-formed XML, not TMX (no
            ``<tmx>`` root with a ``<body>``), or a ``tuv`` without a language.
    """
    from xling.errors import InputError
    from xling.formats.xmlparse import parse_xml

    root = parse_xml(data, name, "fix or re-export the TMX")
    body = root.find("body")
    if root.tag != "tmx" or body is None:
        raise InputError(f"{name}:{root.sourceline}: not a TMX file (expected <tmx> with a <body>)")
    header = root.find("header")
    units = []
    for tu in body.iter("tu"):
        unit: dict[str, str] = {}
        for tuv in tu.iterfind("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").strip()
            if not lang:
                raise InputError(f"{name}:{tuv.sourceline}: <tuv> without xml:lang; add the language")
            seg = tuv.find("seg")
            if seg is not None:
                unit.setdefault(lang, "".join(seg.itertext()))
        units.append(unit)
    return dict(header.attrib) if header is not None else {}, units
