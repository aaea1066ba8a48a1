"""xling.align.output.render: formats of an alignment whose files have blank lines."""

from __future__ import annotations

from xling.align.beads import Bead
from xling.align.output import render, units_from_beads


def test_tsv_leaves_out_units_with_no_text():
    """xling translate and xling segment put a blank line between paragraphs; those lines come
    out as [i]:[] and []:[j] beads. TSV (for CAT import) must not get a row of nothing but a TAB
    for each, as TMX does not get an empty tu; a one-sided unit with text keeps its row."""
    src = ["Salam.", "", "Dobro.", "Extra."]
    tgt = ["Hello.", "", "Good."]
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,)), Bead((3,), ())]
    out = render("tsv", units_from_beads(beads, "en"), src, {"en": tgt}, src_lang="fa")
    assert out == "Salam.\tHello.\nDobro.\tGood.\nExtra.\t\n"
    # beads and jsonl keep every unit: their ids are the line numbers
    assert render("beads", units_from_beads(beads, "en"), src, {"en": tgt}, src_lang="fa").count("\n") == 5


def test_cli_out_dash_is_standard_output(cli, tmp_path, monkeypatch):
    """'-o -' wrote the alignment to a file named '-' and printed nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.fa.txt").write_text("سلام.\n", encoding="utf-8")
    (tmp_path / "t.en.txt").write_text("Hello.\n", encoding="utf-8")
    r = cli(["align", "s.fa.txt", "t.en.txt", "--presegmented", "--no-glossary", "-o", "-"])
    assert r.exit_code == 0, r.output
    assert r.stdout == "[0]:[0]\n" and not (tmp_path / "-").exists()
