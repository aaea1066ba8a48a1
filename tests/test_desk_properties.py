"""Property tests of the desk readers: whatever bytes they get, the XLIFF reader, the TMX reader
and the TM import return a valid object or raise an XlingError with a one-line message."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xling.errors import XlingError
from xling.formats.xliff import XliffDocument, XliffUnit, read_xliff, xliff_bytes
from xling.tm.exchange import import_file, units_from_tmx
from xling.tm.store import TranslationMemory

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
TAGS = [
    "<xliff",
    "<file",
    "<unit",
    "<segment",
    "<source>",
    "<target>",
    "</",
    ">",
    "<tmx",
    "<tu",
    "<tuv",
    "<seg>",
    "<body>",
    "&",
    '"',
    "id=",
    "xml:lang=",
]


def soup():
    """Random XML-ish bytes built from the formats' own element names."""
    return st.lists(st.one_of(st.sampled_from(TAGS), texts), max_size=25).map(lambda xs: "".join(xs).encode("utf-8"))


def one_line(exc: XlingError) -> None:
    assert str(exc) and "\n" not in str(exc)


@SETTINGS
@given(soup())
def test_xliff_reader_never_crashes(data):
    try:
        doc = read_xliff(data, "x.xlf")
    except XlingError as exc:
        one_line(exc)
        return
    assert isinstance(doc, XliffDocument) and all(isinstance(u, XliffUnit) for u in doc.units)


@SETTINGS
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=5), st.sampled_from(["2.1", "1.2"]))
def test_xliff_write_then_read_keeps_the_texts(pairs, version):
    units = [XliffUnit(str(i), i // 2, s, t) for i, (s, t) in enumerate(pairs)]
    doc = read_xliff(xliff_bytes(XliffDocument(version, "fa", "en", "a", units)))
    from xling.formats.tmx import xml_safe

    assert [(u.source, u.target) for u in doc.units] == [(xml_safe(s), xml_safe(t)) for s, t in pairs]


@SETTINGS
@given(soup())
def test_tmx_reader_never_crashes(data):
    try:
        units = list(units_from_tmx(b"<tmx><header srclang='fa'/><body>" + data + b"</body></tmx>", "x.tmx"))
        units += list(units_from_tmx(data, "x.tmx"))
    except XlingError as exc:
        one_line(exc)
        return
    assert all(u.source.strip() and u.target.strip() for u in units)


@SETTINGS
@given(soup())
def test_tm_import_stores_all_or_nothing(data):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.tmx"
        src.write_bytes(data)
        with TranslationMemory(Path(tmp) / "tm.sqlite") as tm:
            try:
                added, _ = import_file(tm, src)
            except XlingError as exc:
                one_line(exc)
                assert tm.stats()["units"] == 0
                return
            assert tm.stats()["units"] == added
