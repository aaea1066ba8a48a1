"""TMX 1.4b output: DTD validation (subset of the 1.4b DTD for the elements written) and structure."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data" / "align"


def _dtd():
    from lxml import etree

    return etree.DTD(str(DATA / "tmx14-subset.dtd"))


def test_article_tmx_validates_against_the_tmx14_dtd():
    from lxml import etree

    from xling.align.multi import align_multi
    from xling.align.output import render
    from xling.io import read_lines

    src = read_lines(DATA / "sentences.fa.txt")
    tgts = {lang: read_lines(DATA / f"reference.{lang}.txt") for lang in ("en", "ru", "ar")}
    units, _ = align_multi(src, tgts, src_lang="fa")
    xml = render("tmx", units, src, tgts, src_lang="fa").encode("utf-8")
    root = etree.fromstring(xml)
    dtd = _dtd()
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr)
    assert header.get("segtype") == "sentence" and header.get("srclang") == "fa"
    assert root.get("version") == "1.4"
    tus = root.findall("body/tu")
    assert len(tus) == 15
    for tu in tus:
        langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.findall("tuv")]
        assert langs == ["fa", "en", "ru", "ar"]
        assert all(tuv.find("seg") is not None and tuv.find("seg").text for tuv in tu.findall("tuv"))


def test_dtd_rejects_a_missing_header_attribute():
    from lxml import etree

    from xling.formats.tmx import tmx_bytes

    root = etree.fromstring(tmx_bytes([{"fa": "سلام", "en": "hello"}], srclang="fa"))
    assert _dtd().validate(root)
    del root.find("header").attrib["srclang"]
    assert not _dtd().validate(root)


def test_control_characters_and_markup_are_safe():
    from xling.formats.tmx import read_tmx, tmx_bytes

    data = tmx_bytes([{"fa": "a\x0b<b>&c", "en": "x"}], srclang="fa")
    header, units = read_tmx(data)
    assert units == [{"fa": "a<b>&c", "en": "x"}]
    assert header["creationtool"] == "xling"
