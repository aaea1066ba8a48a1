"""`xling tm import|export|lookup|stats` on the TMX that `xling align` writes for the bundled
article and its three human references (committed copies in tests/data/align/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xling.formats.tmx import read_tmx

DATA = Path(__file__).resolve().parent / "data" / "align"


@pytest.fixture
def article_tmx(cli, tmp_path) -> Path:
    out = tmp_path / "article.tmx"
    refs = [DATA / f"reference.{lang}.txt" for lang in ("en", "ru", "ar")]
    r = cli(["align", DATA / "sentences.fa.txt", *refs, "--presegmented", "--format", "tmx", "-o", out])
    assert r.exit_code == 0, r.output
    return out


def test_import_the_four_language_tmx_of_xling_align(cli, tmp_path, article_tmx):
    tm = tmp_path / "tm.sqlite"
    r = cli(["tm", "import", article_tmx, "--tm", tm])
    assert r.exit_code == 0, r.output
    _, tus = read_tmx(article_tmx.read_bytes())
    assert f"{3 * len(tus)} units added" in r.output
    r = cli(["tm", "stats", "--tm", tm, "--json"])
    st = json.loads(r.output)
    assert st["pairs"] == {"fa-ar": len(tus), "fa-en": len(tus), "fa-ru": len(tus)}
    assert st["segments"] == len(tus) and st["origins"] == {"imported": 3 * len(tus)}
    again = cli(["tm", "import", article_tmx, "--tm", tm])
    assert "0 units added" in again.output and cli(["tm", "stats", "--tm", tm, "--json"]).output == r.output


def test_lookup_exact_and_one_word_change(cli, tmp_path, article_tmx):
    tm = tmp_path / "tm.sqlite"
    cli(["tm", "import", article_tmx, "--tm", tm])
    src = (DATA / "sentences.fa.txt").read_text(encoding="utf-8").splitlines()[15]  # این خبر در حال تکمیل است.
    ref = (DATA / "reference.en.txt").read_text(encoding="utf-8").splitlines()[-1]
    r = cli(["tm", "lookup", src, "--from", "fa", "--to", "en", "--tm", tm, "--json"])
    best = json.loads(r.output)[0]
    assert best["exact"] and best["score"] == 100 and best["target"] == ref
    changed = src.replace("تکمیل", "بروزرسانی")
    r = cli(["tm", "lookup", changed, "--from", "fa", "--to", "en", "--tm", tm, "--min-score", "75", "--json"])
    best = json.loads(r.output)[0]
    assert not best["exact"] and best["score"] >= 75 and best["target"] == ref
    r = cli(["tm", "lookup", "متنی دیگر و بی‌ربط", "--tm", tm])
    assert r.exit_code == 1 and "no match at or above 75" in r.output


def test_export_round_trips_through_import(cli, tmp_path, article_tmx):
    tm, out, tm2 = tmp_path / "a.sqlite", tmp_path / "out.tmx", tmp_path / "b.sqlite"
    cli(["tm", "import", article_tmx, "--tm", tm])
    assert cli(["tm", "export", out, "--tm", tm]).exit_code == 0
    header, tus = read_tmx(out.read_bytes())
    assert header["srclang"] == "fa"
    assert tus == read_tmx(article_tmx.read_bytes())[1]  # the same four-language units back
    cli(["tm", "import", out, "--tm", tm2])
    assert json.loads(cli(["tm", "stats", "--tm", tm2, "--json"]).output)["units"] == 3 * len(tus)


def test_export_is_valid_against_the_tmx_dtd(cli, tmp_path, article_tmx):
    from lxml import etree

    tm, out = tmp_path / "a.sqlite", tmp_path / "out.tmx"
    cli(["tm", "import", article_tmx, "--tm", tm])
    cli(["tm", "export", out, "--tm", tm])
    dtd = etree.DTD(str(DATA.parent / "standards" / "tmx-1.4" / "tmx14.dtd"))  # the official DTD
    assert dtd.validate(etree.parse(str(out))), dtd.error_log


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<tmx version='1.4'><header srclang='fa'/>", "not well-formed XML"),
        (b"<tmx version='1.4'><header srclang='fa'/></tmx>", "not a TMX file"),
        (
            b"<tmx><header srclang='fa'/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            r":2: <tuv> without xml:lang",
        ),
    ],
)
def test_bad_files_are_one_line_errors(cli, tmp_path, content, message):
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(content)
    tm = tmp_path / "tm.sqlite"
    r = cli(["tm", "import", bad, "--tm", tm])
    assert r.exit_code == 1
    assert r.output.startswith(f"xling: error: {bad}") and message.split(":")[-1].strip() in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_missing_tm_for_lookup_names_the_fix(cli, tmp_path):
    r = cli(["tm", "stats", "--tm", tmp_path / "none.sqlite"])
    assert r.exit_code == 1 and "no such TM" in r.output and not (tmp_path / "none.sqlite").exists()


def test_import_of_a_folder_is_one_clear_line(cli, tmp_path):
    """Issue 11 defect 12 (as ``glossary import /tmp``): ``tm import /tmp`` said "cannot read: Is a directory"."""
    r = cli(["tm", "import", tmp_path, "--tm", tmp_path / "tm.sqlite"])
    assert r.exit_code == 1 and "Is a directory" not in r.output
    assert r.output.strip() == f"xling: error: {tmp_path}: is a folder; give a text file"
