"""Readers of alignment files: Vecalign's scored bead lines, folders given as inputs, and fuzzing.

The property tests (hypothesis) feed arbitrary text and bytes to the bead reader and the TMX
reader: each returns a valid object or raises XlingError with a one-line message, never another
exception and never a hang. Examples are capped so the file runs in a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xling.align.beads import Bead, parse_bead, read_beads
from xling.align.evaluate import score_alignment
from xling.errors import XlingError

DATA = Path(__file__).parent / "data" / "align"
FUZZ = settings(max_examples=150, deadline=1000, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_vecalign_scored_bead_lines_read_as_beads(tmp_path):
    # regression (issue 11): `[0]:[0, 1]:0.157`, as Vecalign writes, was "not a bead"
    p = tmp_path / "vecalign.txt"
    p.write_text("[0]:[0, 1]:0.157\n[1, 2]:[2]:0.0\n[]:[3]:0.5\n[3]:[4]:1e-03\n", encoding="utf-8")
    beads = read_beads(p, n_src=4, n_tgt=5)
    assert [b.key() for b in beads] == [((0,), (0, 1)), ((1, 2), (2,)), ((), (3,)), ((3,), (4,))]
    assert [b.cost for b in beads] == [0.157, 0.0, 0.5, 0.001]
    assert score_alignment(beads, beads)["strict_f1"] == 1.0


def test_a_malformed_score_is_still_not_a_bead():
    with pytest.raises(XlingError, match="not a bead"):
        parse_bead("[0]:[0]:fast", name="g.txt", lineno=3)


@pytest.mark.parametrize("which", ["both", "target", "gold"])
def test_align_names_a_folder_before_anything_else(cli, tmp_path, which):
    # regression (issue 11, defect 12): `xling align /tmp /tmp` complained about the language first
    src, tgt = DATA / "sentences.fa.txt", DATA / "reference.en.txt"
    args = {
        "both": [tmp_path, tmp_path],
        "target": [src, tmp_path],
        "gold": [src, tgt, "--gold", tmp_path],
    }[which]
    r = cli(["align", *args])
    assert r.exit_code != 0
    lines = r.output.strip().splitlines()
    assert lines == [f"xling: error: {tmp_path}: is a folder; give a text file"]


bead_like = st.text(alphabet="[]:,0123456789 .-e\t", max_size=40)


@FUZZ
@given(lines=st.lists(st.one_of(bead_like, st.text(max_size=30)), max_size=12), n=st.integers(0, 50))
def test_bead_reader_returns_beads_or_a_one_line_error(tmp_path, lines, n):
    p = tmp_path / "beads.txt"
    p.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        beads = read_beads(p, n_src=n, n_tgt=n)
    except XlingError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    for b in beads:
        assert isinstance(b, Bead)
        assert all(0 <= i < n for i in b.src + b.tgt)


@FUZZ
@given(data=st.binary(max_size=200))
def test_bead_reader_on_arbitrary_bytes(tmp_path, data):
    p = tmp_path / "beads.bin"
    p.write_bytes(data)
    try:
        beads = read_beads(p)
    except XlingError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert all(isinstance(b, Bead) for b in beads)


tmx_like = st.sampled_from(
    [
        b'<?xml version="1.0"?><tmx version="1.4"><header srclang="fa"/><body>',
        b'<tu><tuv xml:lang="fa"><seg>',
        b"</seg></tuv>",
        b"</tu>",
        b"</body></tmx>",
        b"<tuv>",
        b"<!DOCTYPE tmx [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
        b"&e;",
        "\u0633\u0644\u0627\u0645".encode(),
        b"\x00",
    ]
)


@settings(max_examples=80, deadline=1000)
@given(parts=st.lists(st.one_of(tmx_like, st.binary(max_size=20)), max_size=12))
def test_tmx_reader_returns_units_or_a_one_line_error(parts):
    from xling.formats.tmx import read_tmx

    try:
        header, units = read_tmx(b"".join(parts))
    except XlingError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert isinstance(header, dict) and all(isinstance(u, dict) for u in units)


def test_tmx_reader_errors_name_the_file_and_the_line():
    """read_tmx let lxml's XMLSyntaxError (bad XML) and AttributeError (no header, a tuv without
    seg) through; now one line, file:line, and the TM importer uses the same reader."""
    from xling.errors import InputError
    from xling.formats.tmx import read_tmx

    with pytest.raises(InputError, match=r"^x\.tmx:2: not well-formed XML: .*; fix or re-export the TMX$"):
        read_tmx(b"<tmx><body>\n<tu></body></tmx>", "x.tmx")
    with pytest.raises(InputError, match=r"^x\.tmx:1: not a TMX file"):
        read_tmx(b"<xliff/>", "x.tmx")
    with pytest.raises(InputError, match=r"^x\.tmx:3: <tuv> without xml:lang"):
        read_tmx(b"<tmx><body>\n<tu>\n<tuv><seg>a</seg></tuv></tu></body></tmx>", "x.tmx")
    header, units = read_tmx(
        b'<tmx><body><tu><tuv xml:lang="fa"/><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>'
    )
    assert header == {} and units == [{"en": "a"}]
