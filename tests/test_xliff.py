"""XLIFF 2.1 / 1.2 writer and reader (xling.formats.xliff), validated against the official OASIS
schemas (unchanged copies in tests/data/standards/) and read by translate-toolkit."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from xling.errors import InputError
from xling.formats.xliff import Alternative, XliffDocument, XliffUnit, read_xliff, xliff_bytes

STANDARDS = Path(__file__).resolve().parent / "data" / "standards"
SCHEMAS = {
    "2.1": STANDARDS / "xliff-2.1" / "xling-validate.xsd",  # core + matches module
    "1.2": STANDARDS / "xliff-1.2" / "xliff-core-1.2-strict.xsd",
}


def schema(version: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS[version])))


def assert_valid(data: bytes, version: str) -> None:
    s = schema(version)
    assert s.validate(etree.fromstring(data)), s.error_log


def sample() -> list[XliffUnit]:
    return [
        XliffUnit("0", 0, "date 2025-10-15", "date 2025-10-15", "mt"),
        XliffUnit(
            "1",
            1,
            "ولادیمیر پوتین گفت <و> & رفت",
            "Vladimir Putin said <and> & left\x01",
            "mt",
            notes=[("xling:terms", "vladimir-putin: preferred"), ("xling:qa", "warning length-ratio: long")],
            alternatives=[Alternative("ولادیمیر پوتین گفت", "Vladimir Putin said", 86.4, "xling-tm:human")],
        ),
        XliffUnit("2", 1, "این خبر در حال تکمیل است.", "This report is being updated.", "tm-exact"),
    ]


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_writer_output_is_schema_valid_and_reads_back(version):
    data = xliff_bytes(XliffDocument(version, "fa", "en", "a.fa.txt", sample()))
    assert_valid(data, version)
    doc = read_xliff(data, "a.xlf")
    assert (doc.version, doc.src_lang, doc.tgt_lang, doc.original) == (version, "fa", "en", "a.fa.txt")
    assert [u.id for u in doc.units] == ["0", "1", "2"]
    assert [u.paragraph for u in doc.units] == [0, 1, 1]
    assert [u.state for u in doc.units] == ["mt", "mt", "tm-exact"]
    assert doc.units[1].target == "Vladimir Putin said <and> & left"  # the C0 control is dropped
    assert doc.units[1].notes == sample()[1].notes
    alt = doc.units[1].alternatives[0]
    assert (alt.source, alt.target, alt.origin) == ("ولادیمیر پوتین گفت", "Vladimir Putin said", "xling-tm:human")
    assert alt.score == pytest.approx(86.4, abs=0.5)
    assert not any(u.confirmed for u in doc.units)


def test_a_broken_file_fails_schema_validation():
    """The validation is real: an invalid state is refused by the 2.1 schema."""
    data = xliff_bytes(XliffDocument("2.1", "fa", "en", "a", sample())).replace(b'state="initial"', b'state="done"')
    assert not schema("2.1").validate(etree.fromstring(data))


def test_translate_toolkit_reads_both_versions(tmp_path):
    from translate.storage import xliff, xliff2

    for version in ("2.1", "1.2"):
        (tmp_path / f"{version}.xlf").write_bytes(xliff_bytes(XliffDocument(version, "fa", "en", "a", sample())))
    v2 = xliff2.Xliff2File.parsefile(str(tmp_path / "2.1.xlf"))
    v1 = xliff.xlifffile.parsefile(str(tmp_path / "1.2.xlf"))
    for store in (v2, v1):
        assert [u.source for u in store.units] == [u.source for u in sample()]
        assert [u.target for u in store.units] == [u.target.replace("\x01", "") for u in sample()]
    assert [a.target for a in v1.units[1].getalttrans()] == ["Vladimir Putin said"]


def test_confirmed_states():
    v2 = xliff_bytes(XliffDocument("2.1", "fa", "en", "a", sample())).replace(b'state="initial"', b'state="final"', 1)
    assert [u.confirmed for u in read_xliff(v2).units] == [True, False, False]
    v1 = xliff_bytes(XliffDocument("1.2", "fa", "en", "a", sample())).replace(
        b'<trans-unit id="1"', b'<trans-unit id="1" approved="yes"'
    )
    assert [u.confirmed for u in read_xliff(v1).units] == [False, True, False]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<xliff", r"f.xlf:1: not well-formed XML"),
        (b"<tmx version='1.4'/>", r"f.xlf:1: not an XLIFF"),
        (b"<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1'/>", "without a <file>"),
        (
            b"<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'><file><body>\n"
            b"<trans-unit id='1'><source>a</source></trans-unit>\n<trans-unit id='1'><source>b</source></trans-unit>"
            b"</body></file></xliff>",
            r"f.xlf:3: unit id '1' occurs twice",
        ),
        (
            b"<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1'><file id='f'>\n<unit id='3'/></file></xliff>",
            r"f.xlf:2: <unit> without an id or a <segment><source>",
        ),
    ],
)
def test_bad_files_give_one_line_errors(data, message):
    with pytest.raises(InputError, match=message) as exc:
        read_xliff(data, "f.xlf")
    assert "\n" not in str(exc.value)


def test_entities_are_not_expanded():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1' srcLang='fa' trgLang='en'>"
        b"<file id='f'><unit id='1'><segment><source>&e;</source></segment></unit></file></xliff>"
    )
    assert "root" not in read_xliff(data).units[0].source
