"""CSV/TSV export/import: the lossless multi-language form and the DeepL-style two-column form."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from xling.errors import GlossaryError
from xling.glossary.csvio import (
    MULTI_HEADER,
    glossary_to_multi_csv,
    glossary_to_pair_csv,
    multi_csv_to_glossary,
    pair_csv_to_glossary,
)
from xling.glossary.model import ConceptEntry, Glossary, Term, TermStatus
from xling.glossary.store import load_glossary

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.mark.parametrize("delimiter", [",", "\t"])
@pytest.mark.parametrize("source", ["small", "house"])
def test_multi_round_trip_is_identical(source, delimiter):
    g = load_glossary(DATA / "small.yaml") if source == "small" else load_glossary()
    text = glossary_to_multi_csv(g, delimiter=delimiter)
    assert multi_csv_to_glossary(text, delimiter=delimiter) == g


def test_multi_round_trip_of_awkward_values():
    g = Glossary(
        name="odd",
        description='quote " and, comma\nnewline',
        target_languages=[],
        entries=[
            ConceptEntry(
                id="e1",
                note="x;y",
                terms={
                    "fa": [Term(text="الف, ب")],
                    "en": [
                        Term(text='"A"', short_forms=["A", "B C"]),
                        Term(text="Ay", status=TermStatus.DEPRECATED, use="A"),
                    ],
                },
            ),
            ConceptEntry(id="e2"),
        ],
    )
    assert multi_csv_to_glossary(glossary_to_multi_csv(g)) == g


def test_multi_form_layout(gpath):
    text = glossary_to_multi_csv(load_glossary(gpath))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == MULTI_HEADER
    assert rows[1][:4] == ["glossary", "small", "", "fa"] and rows[1][-1] == "en ru ar"
    assert (
        rows[2][:3] == ["entry", "ahmed-al-sharaa", "person"] and rows[2][-1] == "also-known-as:abu-mohammad-al-jolani"
    )
    assert ["term", "ahmed-al-sharaa", "", "en", "Ahmed al-Sharaa", "preferred", "al-Sharaa", "", "", "", ""] in rows


def test_pair_form_is_deepl_style(gpath):
    text = glossary_to_pair_csv(load_glossary(gpath), "en")
    rows = list(csv.reader(io.StringIO(text)))
    assert all(len(r) == 2 for r in rows)
    assert ["احمد الشرع", "Ahmed al-Sharaa"] in rows and ["الشرع", "al-Sharaa"] in rows
    assert ["جولانی", "al-Jolani"] in rows and ["ابومحمد الجولانی", "Abu Mohammad al-Jolani"] in rows
    assert len({r[0] for r in rows}) == len(rows)  # unique sources
    g = pair_csv_to_glossary(text, "en")
    jol = next(e for e in g.entries if e.preferred("en").text == "Abu Mohammad al-Jolani")
    assert [t.text for t in jol.terms["fa"]] == ["ابو محمد جولانی", "ابومحمد الجولانی"]
    assert jol.terms["fa"][1].status == TermStatus.ADMITTED


def test_cli_csv_and_tsv_round_trip(cli, gpath, tmp_path):
    for ext in ("csv", "tsv"):
        out = tmp_path / f"g.{ext}"
        assert cli(["glossary", "export", "-g", gpath, out]).exit_code == 0
        new = tmp_path / f"new-{ext}.yaml"
        r = cli(["glossary", "import", out, "-g", new])
        assert r.exit_code == 0, r.output
        assert load_glossary(new) == load_glossary(gpath)
    assert "\t" in (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()[0]


def test_cli_two_column_export_and_import(cli, gpath, tmp_path):
    out = tmp_path / "fa-ru.tsv"
    assert cli(["glossary", "export", "-g", gpath, out, "--lang", "ru"]).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "احمد الشرع\tАхмед аш-Шараа"
    new = tmp_path / "new.yaml"
    r = cli(["glossary", "import", out, "-g", new])
    assert r.exit_code == 1 and "needs --to" in r.output and not new.exists()
    assert cli(["glossary", "import", out, "-g", new, "--lang", "ru"]).exit_code == 0
    g = load_glossary(new)
    assert [e.preferred("ru").text for e in g.entries] == [
        "Ахмед аш-Шараа",
        "Абу Мухаммад аль-Джулани",
        "министр обороны",
    ]


def test_bad_csv_errors_name_file_and_line(cli, gpath, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nc\n", encoding="utf-8")
    before = gpath.read_bytes()
    r = cli(["glossary", "import", bad, "-g", gpath, "--lang", "en"])
    assert r.exit_code == 1 and f"{bad}:2: expected two cells" in r.output
    bad.write_text(",".join(MULTI_HEADER) + "\nterm,x,,en,X,preferred,,,,,\n", encoding="utf-8")
    r = cli(["glossary", "import", bad, "-g", gpath])
    assert r.exit_code == 1 and f"{bad}:2: term row for entry 'x'" in r.output
    bad.write_text(",".join(MULTI_HEADER) + "\nentry,x,,,,,,,,,\nterm,x,,en,X,sure,,,,,\n", encoding="utf-8")
    r = cli(["glossary", "import", bad, "-g", gpath])
    assert r.exit_code == 1 and f"{bad}:2: entry 'x'" in r.output
    assert gpath.read_bytes() == before


def test_short_form_with_separator_cannot_be_written():
    g = Glossary(entries=[ConceptEntry(id="e", terms={"en": [Term(text="A", short_forms=["a|b"])]})])
    with pytest.raises(GlossaryError, match="contains '\\|'"):
        glossary_to_multi_csv(g)


def test_two_column_header_row_is_not_a_term_pair(tmp_path):
    from xling.glossary.csvio import pair_csv_to_glossary

    for header in ("fa\ten", "source\ttarget", "FA\tEN"):
        g = pair_csv_to_glossary(f"{header}\nکاخ سفید\tWhite House\n", "en", delimiter="\t")
        assert [e.terms["en"][0].text for e in g.entries] == ["White House"]


def test_import_with_encoding(cli, tmp_path):
    """The not-UTF-8 error says 'rerun with --encoding'; import has that option (Excel's
    "Unicode text" export is UTF-16 with a BOM)."""
    src = tmp_path / "pairs.tsv"
    src.write_bytes("کاخ سفید\tWhite House\r\n".encode("utf-16"))
    out = tmp_path / "new.yaml"
    r = cli(["glossary", "import", src, "--lang", "en", "-g", out])
    assert r.exit_code != 0 and "--encoding" in r.output and not out.exists()
    r = cli(["glossary", "import", src, "--lang", "en", "--encoding", "utf-16", "-g", out])
    assert r.exit_code == 0, r.output
    assert load_glossary(out).entries[0].terms["fa"][0].text == "کاخ سفید"
