"""TBX export and import: ISO 30042:2019 (TBX v3), TBX-Basic dialect, DCA style, and TBX v2
(ISO 30042:2008, ``martif``), the TBX-Basic form that OmegaT and translate-toolkit read.

Written with lxml; read with a hardened parser (no DTD, no entities, no network). The mapping of
the xling model (:mod:`xling.glossary.model`) onto TBX-Basic data categories:

===============================  ===========================================================
xling                            TBX (namespace ``urn:iso:std:iso:30042:ed-2``)
===============================  ===========================================================
Glossary.name                    ``tbxHeader/fileDesc/titleStmt/title``
Glossary.description             ``tbxHeader/fileDesc/titleStmt/note``
Glossary.source_language         ``tbx/@xml:lang``
Glossary.target_languages        ``sourceDesc/p`` = ``xling:target-languages en ru ar``
ConceptEntry.id                  ``conceptEntry/@id``
ConceptEntry.type                ``conceptEntry/descrip[@type="subjectField"]``
ConceptEntry.source              ``conceptEntry/admin[@type="source"]``
ConceptEntry.note                ``conceptEntry/note``
CrossReference                   ``conceptEntry/ref[@type="crossReference"][@target=ID]``, text = relation
terms[lang]                      ``langSec/@xml:lang``
Term.text                        ``termSec/term``; ``termNote[@type="termType"]`` = ``fullForm``
Term.status                      ``termNote[@type="administrativeStatus"]`` = ``preferredTerm-admn-sts`` …
Term.note                        ``termSec/note``
Term.use                         ``termSec/note`` whose text starts with ``use: ``
Term.short_forms[k]              its own ``termSec`` right after the full form, ``termType`` =
                                 ``shortForm``, same administrative status, and a
                                 ``ref[@type="crossReference"]`` to the full form's termSec id
===============================  ===========================================================

A term note that itself starts with ``use: `` is written as ``note: use: …`` and read back
unchanged, so every xling glossary survives export + import exactly. TBX files from other tools
are read with the same mapping: an unknown subjectField becomes type ``other``, a termSec without
administrativeStatus is ``admitted``, an unknown termType is a full term. administrativeStatus is
optional in TBX-Basic: in a langSec where no termSec has one, the first term is ``preferred`` and
the others ``admitted`` (as ``xling glossary add`` does), so such files can be imported at all.

**Administrative status values** other than xling's three (the ISO 12620 / TBX picklist, as
the official TBX-Basic sample uses them) are read as: ``standardizedTerm-admn-sts`` →
preferred; ``legalTerm-admn-sts``, ``regulatedTerm-admn-sts`` → admitted;
``supersededTerm-admn-sts`` → deprecated (a replaced form is not to be output). A langSec whose
terms have statuses but none preferred gets its first admitted term as preferred (xling needs a
house form per language); one with only deprecated terms stays so.

**TBX v2** (``<martif type="TBX-Basic">``, no namespace) has the same structure under other
names: ``martifHeader`` = ``tbxHeader``, ``termEntry`` = ``conceptEntry``, ``langSet`` =
``langSec``, ``tig`` = ``termSec`` (``ntig/termGrp`` is read as a ``tig``). Export with
``version=2`` writes the v3 tree with those names, no namespace and no ``style``; import
detects the version from the root element and reads v2 through the same mapping, so
v2 → import → v3 keeps every term, status, note and short form.

Spec: ISO 30042:2019 *Management of terminology resources — TermBase eXchange (TBX)*; TBX-Basic
dialect, https://www.tbxinfo.net/tbx-basic/ .
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from xling.errors import GlossaryError
from xling.glossary.model import ConceptEntry, CrossReference, EntryType, Glossary, RelationType, Term, TermStatus

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TARGETS_PREFIX = "xling:target-languages"
_USE_PREFIX = "use: "
_NOTE_ESCAPE = "note: "
_STATUS_BY_TBX = {s.tbx_value: s for s in TermStatus} | {
    "standardizedTerm-admn-sts": TermStatus.PREFERRED,
    "legalTerm-admn-sts": TermStatus.ADMITTED,
    "regulatedTerm-admn-sts": TermStatus.ADMITTED,
    "supersededTerm-admn-sts": TermStatus.DEPRECATED,
}
#: TBX v3 element name → its TBX v2 (``martif``) name; the others are the same in both.
V2_NAMES = {
    "tbx": "martif",
    "tbxHeader": "martifHeader",
    "conceptEntry": "termEntry",
    "langSec": "langSet",
    "termSec": "tig",
}
_V3_NAMES = {v2: v3 for v3, v2 in V2_NAMES.items()}


def _q(tag: str) -> str:
    return f"{{{TBX_NS}}}{tag}"


def glossary_to_tbx_bytes(glossary: Glossary, *, version: int = 3) -> bytes:
    """Serialize ``glossary`` as a TBX-Basic document (UTF-8 bytes with XML declaration).

    Args:
        version: 3 (ISO 30042:2019, ``<tbx>``) or 2 (ISO 30042:2008, ``<martif>``; see the
            module docstring).

    Raises:
        GlossaryError: ``version`` is not 2 or 3.
    """
    from lxml import etree

    if version not in (2, 3):
        raise GlossaryError(f"--tbx-version {version}: use 2 (TBX v2, martif) or 3 (TBX v3)")

    E = lambda tag, parent, text=None, **attrs: _sub(etree, parent, tag, text, attrs)  # noqa: E731
    root = etree.Element(_q("tbx"), nsmap={None: TBX_NS})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, glossary.source_language)
    header = E("tbxHeader", root)
    file_desc = E("fileDesc", header)
    title_stmt = E("titleStmt", file_desc)
    E("title", title_stmt, glossary.name)
    if glossary.description is not None:
        E("note", title_stmt, glossary.description)
    source_desc = E("sourceDesc", file_desc)
    E("p", source_desc, "Exported by xling (xling glossary export).")
    if glossary.target_languages:
        E("p", source_desc, " ".join([_TARGETS_PREFIX, *glossary.target_languages]))
    body = E("body", E("text", root))
    for entry in glossary.entries:
        ce = E("conceptEntry", body, id=entry.id)
        E("descrip", ce, entry.type.value, type="subjectField")
        if entry.source is not None:
            E("admin", ce, entry.source, type="source")
        if entry.note is not None:
            E("note", ce, entry.note)
        for ref in entry.related:
            E("ref", ce, ref.type.value, type="crossReference", target=ref.target)
        for lang, terms in entry.terms.items():
            ls = E("langSec", ce)
            ls.set(XML_LANG, lang)
            for j, term in enumerate(terms):
                full_id = f"{entry.id}.{lang}.{j}"
                ts = E("termSec", ls, id=full_id)
                E("term", ts, term.text)
                E("termNote", ts, term.status.tbx_value, type="administrativeStatus")
                E("termNote", ts, "fullForm", type="termType")
                if term.use is not None:
                    E("note", ts, _USE_PREFIX + term.use)
                if term.note is not None:
                    note = term.note
                    if note.startswith(_USE_PREFIX) or note.startswith(_NOTE_ESCAPE):
                        note = _NOTE_ESCAPE + note
                    E("note", ts, note)
                for k, short in enumerate(term.short_forms):
                    ss = E("termSec", ls, id=f"{full_id}.s{k}")
                    E("term", ss, short)
                    E("termNote", ss, term.status.tbx_value, type="administrativeStatus")
                    E("termNote", ss, "shortForm", type="termType")
                    E("ref", ss, term.text, type="crossReference", target=full_id)
    if version == 2:
        root = _to_v2(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _to_v2(root):
    """The v3 tree ``root`` as TBX v2: v2 element names, no namespace, no ``style``."""
    from lxml import etree

    for el in root.iter():
        name = etree.QName(el).localname
        el.tag = V2_NAMES.get(name, name)
    del root.attrib["style"]
    etree.cleanup_namespaces(root)
    return root


def _from_v2(root):
    """A TBX v2 tree as the v3 tree the reader expects (``ntig/termGrp`` flattened into a ``tig``)."""
    from lxml import etree

    for ntig in list(root.iter("ntig")):
        group = ntig.find("termGrp")
        if group is not None:
            for pos, child in enumerate(list(group)):
                ntig.insert(pos, child)
            ntig.remove(group)
        ntig.tag = "tig"
    for el in root.iter():
        if isinstance(el.tag, str):
            name = etree.QName(el).localname
            el.tag = _q(_V3_NAMES.get(name, name))
    etree.cleanup_namespaces(root, top_nsmap={None: TBX_NS})
    return root


def _sub(etree, parent, tag, text, attrs):
    el = etree.Element(_q(tag)) if parent is None else etree.SubElement(parent, _q(tag))
    if text is not None:
        el.text = text
    for k, v in attrs.items():
        el.set(k, v)
    return el


def _refuse_unsafe(data: bytes, name: str) -> None:
    """Raise GlossaryError if ``data`` has a DTD, entity declarations or external references."""
    import defusedxml
    from defusedxml import ElementTree as DET

    try:
        DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise GlossaryError(
            f"{name}: refused: the TBX has a DOCTYPE/DTD (entity expansion and external entities are not allowed); remove the <!DOCTYPE …> declaration"
        ) from None
    except defusedxml.EntitiesForbidden as exc:
        raise GlossaryError(
            f"{name}: refused: the TBX declares the entity {exc.name!r} (possible XML bomb or local-file read); remove entity declarations"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise GlossaryError(f"{name}: refused: the TBX references an external resource; remove it") from None
    except defusedxml.DefusedXmlException as exc:
        raise GlossaryError(f"{name}: refused unsafe XML: {exc}") from None
    except Exception:
        pass


def _text(el) -> str:
    return "".join(el.itertext()).strip()


#: The external-subset-only DOCTYPE that TBX v2 files from other tools carry (no internal subset,
#: so no entity can be declared); it is removed before parsing and the DTD is never loaded.
_V2_DOCTYPE = re.compile(
    rb"""\A(\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>)?\s*(<!--.*?-->\s*)*"""
    rb"""(<!DOCTYPE\s+martif\s+(SYSTEM|PUBLIC)(\s+("[^"]*"|'[^']*')){1,2}\s*>)""",
    re.DOTALL,
)


def _strip_v2_doctype(data: bytes) -> bytes:
    m = _V2_DOCTYPE.match(data)
    return data if m is None else data[: m.start(4)] + data[m.end(4) :]


def tbx_bytes_to_glossary(data: bytes, name: str = "<tbx>") -> Glossary:
    """Parse TBX v3 or v2 bytes into a :class:`Glossary` (see the module docstring for the mapping).

    Security: DTDs, entity declarations and external references are refused (defusedxml check),
    except the plain ``<!DOCTYPE martif SYSTEM "…">`` of TBX v2 files, which is dropped unread;
    the lxml parser runs with ``resolve_entities=False, no_network=True, load_dtd=False,
    huge_tree=False``.

    Raises:
        GlossaryError: unsafe or malformed XML (with the line), a root that is neither TBX v3
            ``<tbx>`` nor TBX v2 ``<martif>``, or data that do not fit the glossary model.
    """
    from pydantic import ValidationError

    root = _parse_root(_strip_v2_doctype(data), name)
    title = root.find(f"{_q('tbxHeader')}/{_q('fileDesc')}/{_q('titleStmt')}")
    gname = "glossary"
    description = None
    if title is not None:
        t = title.find(_q("title"))
        if t is not None and _text(t):
            gname = _text(t)
        n = title.find(_q("note"))
        if n is not None:
            description = n.text or ""
    targets: list[str] = []
    for p in root.iterfind(f"{_q('tbxHeader')}/{_q('fileDesc')}/{_q('sourceDesc')}/{_q('p')}"):
        words = _text(p).split()
        if words and words[0] == _TARGETS_PREFIX:
            targets = words[1:]
    body = root.find(f"{_q('text')}/{_q('body')}")
    concepts = body.iterfind(_q("conceptEntry")) if body is not None else iter([])
    entries = [_read_entry(ce, n, name) for n, ce in enumerate(concepts)]
    try:
        return Glossary(
            name=gname,
            description=description,
            source_language=root.get(XML_LANG) or "fa",
            target_languages=targets,
            entries=entries,
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        raise GlossaryError(f"{name}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None


def _parse_root(data: bytes, name: str):
    """The TBX root element, as a v3 tree (a v2 ``martif`` tree is renamed); see the caller's Raises."""
    from lxml import etree

    _refuse_unsafe(data, name)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else exc.lineno
        what = " ".join(str(exc.msg).split())  # libxml2 messages can hold a line break
        raise GlossaryError(f"{name}:{line}: not well-formed XML: {what}; fix the XML") from None
    if root.getroottree().docinfo.doctype:
        raise GlossaryError(f"{name}: refused: the TBX has a DOCTYPE; remove it")
    if root.tag == "martif":
        root = _from_v2(root)
    if root.tag != _q("tbx"):
        raise GlossaryError(
            f'{name}:{root.sourceline}: root is <{etree.QName(root).localname}> in namespace {etree.QName(root).namespace!r}; expected TBX v3 <tbx xmlns="{TBX_NS}"> or TBX v2 <martif>'
        )
    return root


def _read_entry(ce, n: int, name: str) -> ConceptEntry:
    """One ``conceptEntry`` (the ``n``-th, 0-based) as a :class:`ConceptEntry`."""
    from lxml import etree
    from pydantic import ValidationError

    def at(el) -> str:
        return f"{name}:{el.sourceline}"

    eid = ce.get("id") or f"entry-{n + 1}"
    etype = EntryType.OTHER
    note = source = None
    related: list[CrossReference] = []
    terms: dict[str, list[Term]] = {}
    for child in ce:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "descrip" and child.get("type") == "subjectField":
            try:
                etype = EntryType(_text(child))
            except ValueError:
                etype = EntryType.OTHER
        elif tag == "admin" and child.get("type") == "source":
            source = child.text or ""
        elif tag == "note":
            note = child.text or ""
        elif tag == "ref" and child.get("type") == "crossReference" and child.get("target"):
            try:
                rtype = RelationType(_text(child))
            except ValueError:
                rtype = RelationType.SEE_ALSO
            related.append(CrossReference(type=rtype, target=child.get("target")))
        elif tag == "langSec":
            lang = child.get(XML_LANG)
            if not lang:
                raise GlossaryError(f"{at(child)}: <langSec> without xml:lang in conceptEntry {eid!r}; add xml:lang")
            terms.setdefault(lang, []).extend(_read_lang_sec(child, at, eid))
    try:
        return ConceptEntry(id=eid, type=etype, note=note, source=source, related=related, terms=terms)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise GlossaryError(f"{at(ce)}: conceptEntry {eid!r}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None


def _read_lang_sec(ls, at, eid: str) -> list[Term]:
    from lxml import etree
    from pydantic import ValidationError

    out: list[Term] = []
    by_id: dict[str, Term] = {}
    last_full: Term | None = None
    has_status = any(tn.get("type") == "administrativeStatus" for tn in ls.iter(_q("termNote")))
    for ts in ls.iterfind(_q("termSec")):
        term_el = ts.find(_q("term"))
        if term_el is None or not _text(term_el):
            raise GlossaryError(f"{at(ts)}: <termSec> without <term> text in conceptEntry {eid!r}; add the term")
        text = term_el.text or _text(term_el)
        status = TermStatus.ADMITTED if has_status or out else TermStatus.PREFERRED
        term_type = "fullForm"
        notes: list[str] = []
        use = None
        ref_target = None
        for child in ts:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "termNote" and child.get("type") == "administrativeStatus":
                value = _text(child)
                if value not in _STATUS_BY_TBX:
                    raise GlossaryError(
                        f"{at(child)}: administrativeStatus {value!r} is not one of {', '.join(_STATUS_BY_TBX)}"
                    )
                status = _STATUS_BY_TBX[value]
            elif tag == "termNote" and child.get("type") == "termType":
                term_type = _text(child)
            elif tag == "note":
                value = child.text or ""
                if value.startswith(_USE_PREFIX) and use is None:
                    use = value[len(_USE_PREFIX) :]
                elif value.startswith(_NOTE_ESCAPE):
                    notes.append(value[len(_NOTE_ESCAPE) :])
                else:
                    notes.append(value)
            elif tag == "ref" and child.get("type") == "crossReference":
                ref_target = child.get("target")
        if term_type == "shortForm":
            owner = by_id.get(ref_target or "") or last_full
            if owner is not None:
                owner.short_forms.append(text)
                continue
        try:
            term = Term(text=text, status=status, use=use, note="\n".join(notes) if notes else None)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise GlossaryError(f"{at(ts)}: term {text!r} in conceptEntry {eid!r}: {err['msg']}") from None
        out.append(term)
        last_full = term
        if ts.get("id"):
            by_id[ts.get("id")] = term
    return _with_preferred(out)


def _with_preferred(terms: list[Term]) -> list[Term]:
    """``terms`` with the first admitted one made preferred when none is (module docstring)."""
    if any(t.status == TermStatus.PREFERRED for t in terms):
        return terms
    for n, t in enumerate(terms):
        if t.status == TermStatus.ADMITTED:
            return [*terms[:n], t.model_copy(update={"status": TermStatus.PREFERRED}), *terms[n + 1 :]]
    return terms


def read_tbx(path: str | os.PathLike[str]) -> Glossary:
    """Read the TBX file at ``path`` (see :func:`tbx_bytes_to_glossary`).

    Raises:
        GlossaryError: missing file, unsafe or malformed XML, or invalid data.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read: {exc.strerror}") from None
    return tbx_bytes_to_glossary(data, str(path))
