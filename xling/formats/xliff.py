"""XLIFF 2.1 and 1.2 reader and writer (OASIS XML Localisation Interchange File Format), with lxml.

One file holds one language pair. xling writes one ``unit`` (1.2: ``trans-unit``) per segment,
grouped by paragraph, with the unit id equal to the segment id of the ``.jsonl`` record:

====================  ============================================  =========================================
xling                 XLIFF 2.1 (core + matches module)             XLIFF 1.2 (strict)
====================  ============================================  =========================================
document              ``file[@id="f1"][@original]``                 ``file[@original][@datatype="plaintext"]``
paragraph *n*         ``group[@id="p<n>"]``                         ``group[@id="p<n>"]``
segment *i*           ``unit[@id="<i>"]/segment[@id="s<i>"]``       ``trans-unit[@id="<i>"]``
MT output             ``segment/@state="initial"``,                 ``target/@state="needs-review-translation"``,
                      ``@subState="xling:mt"``                      ``@state-qualifier="mt-suggestion"``
TM exact match        ``state="translated"``, ``xling:tm-exact``     ``state="translated"``, ``exact-match``
joined segments       head: ``translated``, ``xling:tm-joined``;     head: ``translated``, ``leveraged-tm``;
                      joined: ``translated``, ``xling:joined``,       joined: ``translated``,
                      empty target; ``note[@category="xling:tm"]``   ``leveraged-inherited``; ``note[@from="xling:tm"]``
post-edited           ``state="reviewed"``, ``xling:post-edited``    ``state="signed-off"``
term hit / QA issue   ``notes/note[@category="xling:terms"|"xling:qa"]``  ``note[@from="xling:terms"|"xling:qa"]``
TM fuzzy match        ``mtc:matches/mtc:match[@type="tm"]``          ``alt-trans[@match-quality][@origin]``
                      ``[@similarity][@origin][@ref="#s<i>"]``
====================  ============================================  =========================================

Joined segments (:mod:`xling.tm.stage`: one TM unit for several consecutive segments) stay one
unit per segment, so unit ids remain segment ids: the first (the head) holds the TM target, each
following one has an empty target, and a note on each says which segments were joined.
:func:`join_units` folds them back into one unit (the TM import does).

A unit counts as *confirmed* by a translator when its state says so: 2.1 ``reviewed`` or
``final``; 1.2 ``signed-off`` or ``final``, or ``trans-unit/@approved="yes"``. Whether the
target was edited is decided against the ``.jsonl`` record, not here.

Specs: XLIFF Version 2.1, OASIS Standard, 13 February 2018 (core §4, matches module §5.2);
XLIFF Version 1.2, OASIS Standard, 1 February 2008. The writer's output is validated against the
official schemas in the tests (``tests/data/standards/``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xling.errors import InputError

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VERSIONS = ("2.1", "1.2")

#: xling state → (2.1 state, 2.1 subState, 1.2 target state, 1.2 state-qualifier or None).
STATES: dict[str, tuple[str, str, str, str | None]] = {
    "mt": ("initial", "xling:mt", "needs-review-translation", "mt-suggestion"),
    "tm-exact": ("translated", "xling:tm-exact", "translated", "exact-match"),
    "post-edited": ("reviewed", "xling:post-edited", "signed-off", None),
    "tm-joined": ("translated", "xling:tm-joined", "translated", "leveraged-tm"),
    "joined": ("translated", "xling:joined", "translated", "leveraged-inherited"),
}
_CONFIRMED_20 = {"reviewed", "final"}
_CONFIRMED_12 = {"signed-off", "final"}


@dataclass
class Alternative:
    """A TM fuzzy match offered beside the target.

    Attributes:
        source / target: the stored unit's texts.
        score: similarity 0-100 (:attr:`xling.tm.store.Match.score`).
        origin: where it came from (``xling-tm:<origin>``, e.g. ``xling-tm:human``).
    """

    source: str
    target: str
    score: float
    origin: str = "xling-tm"


@dataclass
class XliffUnit:
    """One segment.

    Attributes:
        id: the segment id (``str(Segment.id)``).
        paragraph: the paragraph number (groups ``p<n>``).
        source / target: the texts.
        state: an xling state of :data:`STATES` (``mt``, ``tm-exact``, ``post-edited``) or,
            when read from another tool, the file's own state value (``""`` if none).
        notes: ``(category, text)`` pairs, e.g. ``("xling:terms", "president-of-russia: preferred")``.
        alternatives: TM fuzzy matches.
        confirmed: read only: the file's state marks the unit as confirmed (module docstring).
    """

    id: str
    paragraph: int
    source: str
    target: str
    state: str = "mt"
    notes: list[tuple[str, str]] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    confirmed: bool = False


@dataclass
class XliffDocument:
    """An XLIFF file of one language pair.

    Attributes:
        version: ``2.1`` or ``1.2``.
        src_lang / tgt_lang: language codes.
        original: the source document's name (``file/@original``).
        units: the segments in order.
    """

    version: str
    src_lang: str
    tgt_lang: str
    original: str
    units: list[XliffUnit]


# ---------------------------------------------------------------------------------- writing


def xliff_bytes(doc: XliffDocument) -> bytes:
    """Serialize ``doc`` as XLIFF ``doc.version`` (UTF-8 bytes with an XML declaration).

    Characters XML 1.0 forbids are dropped (:func:`xling.formats.tmx.xml_safe`).

    Raises:
        InputError: ``doc.version`` is not one of :data:`VERSIONS`.
    """
    from lxml import etree

    if doc.version == "2.1":
        root = _root_20(doc)
    elif doc.version == "1.2":
        root = _root_12(doc)
    else:
        raise InputError(f"--xliff-version {doc.version!r}: choose one of {', '.join(VERSIONS)}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    from lxml import etree

    from xling.formats.tmx import xml_safe

    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = xml_safe(text)
    return el


def _groups(units: list[XliffUnit]) -> list[tuple[int, list[XliffUnit]]]:
    out: list[tuple[int, list[XliffUnit]]] = []
    for unit in units:
        if not out or out[-1][0] != unit.paragraph:
            out.append((unit.paragraph, []))
        out[-1][1].append(unit)
    return out


def _root_20(doc: XliffDocument) -> Any:
    from lxml import etree

    q = lambda tag: f"{{{NS20}}}{tag}"  # noqa: E731
    root = etree.Element(
        q("xliff"), {"version": "2.1", "srcLang": doc.src_lang, "trgLang": doc.tgt_lang}, nsmap={None: NS20, "mtc": MTC}
    )
    file_el = _el(root, q("file"), id="f1", original=doc.original)
    for paragraph, units in _groups(doc.units):
        group = _el(file_el, q("group"), id=f"p{paragraph}")
        for unit in units:
            u = _el(group, q("unit"), id=unit.id)
            if unit.alternatives:
                matches = _el(u, f"{{{MTC}}}matches")
                for alt in unit.alternatives:
                    m = _el(
                        matches,
                        f"{{{MTC}}}match",
                        ref=f"#s{unit.id}",
                        type="tm",
                        similarity=f"{alt.score:.2f}",
                        origin=alt.origin,
                    )
                    _el(m, q("source"), alt.source)
                    _el(m, q("target"), alt.target)
            if unit.notes:
                notes = _el(u, q("notes"))
                for category, text in unit.notes:
                    _el(notes, q("note"), text, category=category)
            state, sub, _, _ = STATES.get(unit.state, STATES["mt"])
            seg = _el(u, q("segment"), id=f"s{unit.id}", state=state, subState=sub)
            _el(seg, q("source"), unit.source)
            _el(seg, q("target"), unit.target)
    return root


def _root_12(doc: XliffDocument) -> Any:
    from lxml import etree

    q = lambda tag: f"{{{NS12}}}{tag}"  # noqa: E731
    root = etree.Element(q("xliff"), version="1.2", nsmap={None: NS12})
    file_el = _el(
        root,
        q("file"),
        original=doc.original,
        datatype="plaintext",
        **{"source-language": doc.src_lang, "target-language": doc.tgt_lang},
    )
    body = _el(file_el, q("body"))
    for paragraph, units in _groups(doc.units):
        group = _el(body, q("group"), id=f"p{paragraph}")
        for unit in units:
            tu = _el(group, q("trans-unit"), id=unit.id)
            _el(tu, q("source"), unit.source).set(XML_LANG, doc.src_lang)
            _, _, state, qualifier = STATES.get(unit.state, STATES["mt"])
            target = _el(tu, q("target"), unit.target, state=state)
            target.set(XML_LANG, doc.tgt_lang)
            if qualifier:
                target.set("state-qualifier", qualifier)
            for category, text in unit.notes:
                _el(tu, q("note"), text, **{"from": category})
            for alt in unit.alternatives:
                at = _el(tu, q("alt-trans"), origin=alt.origin, **{"match-quality": f"{alt.score:.0f}"})
                _el(at, q("source"), alt.source).set(XML_LANG, doc.src_lang)
                _el(at, q("target"), alt.target).set(XML_LANG, doc.tgt_lang)
    return root


def join_units(units: list[XliffUnit]) -> list[XliffUnit]:
    """``units`` with every ``joined`` unit folded into the unit before it (its source added
    after a space; its target too, if a translator filled it in): one unit per TM translation
    unit, as ``xling translate --tm`` found it (see the module docstring)."""
    out: list[XliffUnit] = []
    for unit in units:
        if unit.state == "joined" and out:
            head = out[-1]
            head.source = " ".join(t for t in (head.source, unit.source) if t)
            head.target = " ".join(t for t in (head.target, unit.target) if t)
            continue
        out.append(
            XliffUnit(
                unit.id,
                unit.paragraph,
                unit.source,
                unit.target,
                unit.state,
                list(unit.notes),
                list(unit.alternatives),
                unit.confirmed,
            )
        )
    return out


# ---------------------------------------------------------------------------------- reading


def read_xliff(data: bytes, name: str = "<xliff>") -> XliffDocument:
    """Parse XLIFF 2.x or 1.2 bytes (version from the root's namespace) into an :class:`XliffDocument`.

    Only the first ``file`` is read. Inline markup inside ``source``/``target`` is flattened to
    its text. Units outside paragraph groups get paragraph 0 (or the previous group's number).
    Parsing is hardened: no DTD, no entities, no network.

    Raises:
        InputError: not well-formed XML (with the line), not XLIFF, no ``file``, a unit without
            id or source, or a duplicate unit id; each names the file and line.
    """
    from lxml import etree

    from xling.formats.xmlparse import parse_xml

    root = parse_xml(data, name, "fix or re-export the file")
    ns = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if not isinstance(root.tag, str) or etree.QName(root).localname != "xliff" or ns not in (NS20, NS12):
        raise InputError(f"{name}:{root.sourceline}: not an XLIFF 1.2 or 2.x file (root <xliff> in {NS20} or {NS12})")
    file_el = root.find(f"{{{ns}}}file")
    if file_el is None:
        raise InputError(f"{name}:{root.sourceline}: XLIFF without a <file> element")
    if ns == NS20:
        doc = XliffDocument(
            root.get("version", "2.0"),
            root.get("srcLang", ""),
            root.get("trgLang", ""),
            file_el.get("original", ""),
            [],
        )
        units = _read_units_20(file_el, name)
    else:
        doc = XliffDocument(
            "1.2",
            file_el.get("source-language", ""),
            file_el.get("target-language", ""),
            file_el.get("original", ""),
            [],
        )
        units = _read_units_12(file_el, name)
    seen: set[str] = set()
    for unit, line in units:
        if unit.id in seen:
            raise InputError(f"{name}:{line}: unit id {unit.id!r} occurs twice; give each unit its own id")
        seen.add(unit.id)
        doc.units.append(unit)
    return doc


def _text(el: Any) -> str:
    return "" if el is None else "".join(el.itertext())


def _score(value: str | None) -> float:
    """A match score attribute (``86.40``, 1.2's free-form ``86%``) as a float; 0 if unreadable."""
    try:
        return float((value or "0").strip().rstrip("%"))
    except ValueError:
        return 0.0


def _paragraph(el: Any, previous: int) -> int:
    group = el.getparent()
    gid = group.get("id", "") if group is not None else ""
    if gid.startswith("p") and gid[1:].isdigit():
        return int(gid[1:])
    return previous


def _read_units_20(file_el: Any, name: str) -> list[tuple[XliffUnit, int]]:
    q = lambda tag: f"{{{NS20}}}{tag}"  # noqa: E731
    out: list[tuple[XliffUnit, int]] = []
    paragraph = 0
    for u in file_el.iter(q("unit")):
        uid = u.get("id")
        segs = u.findall(q("segment"))
        if not uid or not segs or segs[0].find(q("source")) is None:
            raise InputError(f"{name}:{u.sourceline}: <unit> without an id or a <segment><source>; fix the file")
        paragraph = _paragraph(u, paragraph)
        source = " ".join(_text(s.find(q("source"))) for s in segs)
        target = " ".join(_text(s.find(q("target"))) for s in segs)
        state, sub = segs[0].get("state", "initial"), segs[0].get("subState", "")
        xstate = next((k for k, v in STATES.items() if v[1] == sub and v[0] == state), state)
        notes = [(n.get("category", ""), _text(n)) for n in u.iterfind(f"{q('notes')}/{q('note')}")]
        alts = [
            Alternative(
                _text(m.find(q("source"))),
                _text(m.find(q("target"))),
                _score(m.get("similarity")),
                m.get("origin", ""),
            )
            for m in u.iterfind(f"{{{MTC}}}matches/{{{MTC}}}match")
        ]
        unit = XliffUnit(uid, paragraph, source, target, xstate, notes, alts, state in _CONFIRMED_20)
        out.append((unit, u.sourceline))
    return out


def _read_units_12(file_el: Any, name: str) -> list[tuple[XliffUnit, int]]:
    q = lambda tag: f"{{{NS12}}}{tag}"  # noqa: E731
    out: list[tuple[XliffUnit, int]] = []
    paragraph = 0
    for tu in file_el.iter(q("trans-unit")):
        uid, src = tu.get("id"), tu.find(q("source"))
        if not uid or src is None:
            raise InputError(f"{name}:{tu.sourceline}: <trans-unit> without an id or a <source>; fix the file")
        paragraph = _paragraph(tu, paragraph)
        tgt = tu.find(q("target"))
        state = tgt.get("state", "") if tgt is not None else ""
        qualifier = tgt.get("state-qualifier") if tgt is not None else None
        xstate = next((k for k, v in STATES.items() if v[2] == state and v[3] == qualifier), state)
        notes = [(n.get("from", ""), _text(n)) for n in tu.iterfind(q("note"))]
        alts = [
            Alternative(
                _text(at.find(q("source"))),
                _text(at.find(q("target"))),
                _score(at.get("match-quality")),
                at.get("origin", ""),
            )
            for at in tu.iterfind(q("alt-trans"))
        ]
        confirmed = state in _CONFIRMED_12 or tu.get("approved") == "yes"
        out.append((XliffUnit(uid, paragraph, _text(src), _text(tgt), xstate, notes, alts, confirmed), tu.sourceline))
    return out
