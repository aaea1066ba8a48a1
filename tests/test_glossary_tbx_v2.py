"""TBX v2 (martif) export and v2/v3 import (xling.glossary.tbx): valid against the TBX v2 core
DTD, read by translate-toolkit and by OmegaT's own TBX reader (where installed), the official
TBX-Basic sample imports, and v2 → import → v3 keeps every term and status."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from xling.glossary.model import TermStatus
from xling.glossary.store import load_glossary
from xling.glossary.tbx import glossary_to_tbx_bytes, read_tbx, tbx_bytes_to_glossary

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "standards" / "tbx" / "Example_Astronomy_DCA_VALID.tbx"
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


@pytest.fixture(scope="module")
def house():
    return load_glossary(None)  # the shipped house glossary


def pairs(g, src: str, tgt: str) -> set[tuple[str, str]]:
    out = set()
    for e in g.entries:
        for s, _t, _short in e.forms(src):
            for t, _tt, _ in e.forms(tgt):
                out.add((s, t))
    return out


def test_v2_export_is_valid_martif_and_reads_back_equal(house):
    data = glossary_to_tbx_bytes(house, version=2)
    root = etree.fromstring(data)
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.nsmap == {}
    dtd = etree.DTD(str(DATA / "standards" / "tbx" / "TBXcoreStructV02.dtd"))
    assert dtd.validate(root), dtd.error_log
    assert tbx_bytes_to_glossary(data) == house


def test_v2_to_v3_keeps_every_term_and_status(house):
    via_v2 = tbx_bytes_to_glossary(glossary_to_tbx_bytes(house, version=2))
    v3 = glossary_to_tbx_bytes(via_v2, version=3)
    assert v3 == glossary_to_tbx_bytes(house)
    statuses = [
        (e.id, lang, t.text, t.status, tuple(t.short_forms))
        for e in via_v2.entries
        for lang, ts in e.terms.items()
        for t in ts
    ]
    assert statuses == [
        (e.id, lang, t.text, t.status, tuple(t.short_forms))
        for e in house.entries
        for lang, ts in e.terms.items()
        for t in ts
    ]
    assert {s for *_, s, _ in statuses} == set(TermStatus)  # all three statuses are exercised


def test_translate_toolkit_reads_every_term_and_language(house, tmp_path):
    from translate.storage import tbx

    path = tmp_path / "house.tbx"
    path.write_bytes(glossary_to_tbx_bytes(house, version=2))
    store = tbx.tbxfile.parsefile(str(path))
    assert len(store.units) == len(house.entries)
    for unit, entry in zip(store.units, house.entries):
        got = {"fa": unit.get_source_terms()} | {lang: unit.get_target_terms(lang) for lang in ("en", "ru", "ar")}
        for lang, terms in got.items():
            want = [(s, t.status.tbx_value) for s, t, _short in entry.forms(lang)]
            assert sorted((t.text, t.administrative_status) for t in terms) == sorted(want), (entry.id, lang)


def test_v3_export_is_not_read_by_translate_toolkit_so_v2_is_needed(house, tmp_path):
    from translate.storage import tbx

    path = tmp_path / "v3.tbx"
    path.write_bytes(glossary_to_tbx_bytes(house))
    with pytest.raises(AssertionError):  # it expects a <martif> root
        tbx.tbxfile.parsefile(str(path))


@pytest.mark.skipif(
    not (OMEGAT_JAR.exists() and shutil.which("javac")), reason="OmegaT (Debian omegat) or javac is not installed"
)
def test_omegat_reads_the_v2_export(house, tmp_path):
    """OmegaT 3.6's console mode loads no glossary, so its own TBX reader class is called."""
    classes = tmp_path / "classes"
    subprocess.run(
        ["javac", "-cp", str(OMEGAT_JAR), "-d", classes, DATA / "omegat" / "ReadTbx.java"], check=True, timeout=120
    )
    path = tmp_path / "house.tbx"
    path.write_bytes(glossary_to_tbx_bytes(house, version=2))
    for tgt in ("en", "ru", "ar"):
        proc = subprocess.run(
            ["java", "-cp", f"{classes}:{OMEGAT_JAR}", "ReadTbx", path, "fa", tgt, tmp_path],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        got = {tuple(line.split("\t")) for line in proc.stdout.splitlines()}
        assert got == pairs(house, "fa", tgt)


def test_the_official_tbx_basic_sample_imports():
    g = read_tbx(SAMPLE)
    assert len(g.entries) == 45 and g.languages() == ["en", "es", "zu"]
    terms = {(t.text, t.status) for e in g.entries for ts in e.terms.values() for t in ts}
    assert len(terms) > 100
    root = etree.parse(str(SAMPLE))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    # every administrativeStatus value of the sample maps: superseded → deprecated
    superseded = root.xpath("//t:termSec[t:termNote='supersededTerm-admn-sts']/t:term/text()", namespaces=ns)
    assert superseded and all((s, TermStatus.DEPRECATED) in terms for s in superseded)
    # every language section has a preferred term where it has an admitted one
    for e in g.entries:
        for ts in e.terms.values():
            if any(t.status == TermStatus.ADMITTED for t in ts):
                assert any(t.status == TermStatus.PREFERRED for t in ts), e.id


def test_langsec_without_a_preferred_term_gets_its_first_admitted_one():
    data = b"""<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="c1"><langSet xml:lang="en">
<tig><term>old</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
<ntig><termGrp><term>ok</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
<tig><term>also</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
</langSet></termEntry></body></text></martif>"""
    terms = tbx_bytes_to_glossary(data).entries[0].terms["en"]
    assert [(t.text, t.status) for t in terms] == [
        ("old", TermStatus.DEPRECATED),
        ("ok", TermStatus.PREFERRED),
        ("also", TermStatus.ADMITTED),
    ]


def test_cli_export_tbx_version_2(cli, tmp_path):
    out = tmp_path / "g.tbx"
    r = cli(["glossary", "export", out, "--tbx-version", "2"])
    assert r.exit_code == 0, r.output
    assert etree.parse(str(out)).getroot().tag == "martif"
    r = cli(["glossary", "export", tmp_path / "h.tbx", "--tbx-version", "4"])
    assert r.exit_code == 1 and "--tbx-version 4: use 2" in r.output


def test_a_v2_file_with_the_usual_doctype_imports_and_one_with_entities_is_refused(house):
    from xling.errors import GlossaryError

    body = glossary_to_tbx_bytes(house, version=2).split(b"?>", 1)[1]
    plain = b'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">' + body
    assert tbx_bytes_to_glossary(plain) == house
    evil = b'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "x.dtd" [<!ENTITY e "boom">]>' + body
    with pytest.raises(GlossaryError, match="refused"):
        tbx_bytes_to_glossary(evil)


def test_malformed_xml_error_is_one_line():
    """Regression: libxml2's message for a NUL byte holds a line break, which reached the user."""
    from xling.errors import GlossaryError

    with pytest.raises(GlossaryError) as exc:
        tbx_bytes_to_glossary(b"<martif type='TBX-Basic'>\x00</martif>", "g.tbx")
    assert str(exc.value).startswith("g.tbx:1: not well-formed XML") and "\n" not in str(exc.value)
