"""Strict/lax P/R/F1 (Sennrich & Volk 2011 as in the Vecalign/Bertalign scripts) on hand-made cases."""

from __future__ import annotations

import pytest

from xling.align.beads import Bead, format_bead, parse_bead, read_beads
from xling.align.evaluate import score_alignment, score_documents
from xling.errors import AlignmentError


def test_hand_made_case():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2, 3), (3,)), ((), (4,)), ((4,), (5,))]
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2, 3), (3, 4)), ((4,), (5,))]
    r = score_alignment(test, gold)
    # precision over 5 test beads: strict hits [0]:[0], [4]:[5]; lax adds [1]:[1] and [2,3]:[3,4]
    assert r["strict_precision"] == pytest.approx(2 / 5)
    assert r["lax_precision"] == pytest.approx(4 / 5)
    # recall over 4 gold beads (the 0-1 left out), against test beads without 0-1/1-0:
    # strict 2/4; lax: [1]:[1,2] overlaps [1]:[1], [2,3]:[3] overlaps [2,3]:[3,4] -> 4/4
    assert r["strict_recall"] == pytest.approx(2 / 4)
    assert r["lax_recall"] == pytest.approx(1.0)
    assert r["strict_f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert r["lax_f1"] == pytest.approx(2 * 0.8 / 1.8)


def test_deletions_count_in_precision_only():
    gold = [((0,), (0,)), ((1,), ())]
    assert score_alignment([((0,), (0,)), ((1,), ())], gold)["strict_f1"] == 1.0
    r = score_alignment([((0,), (0,)), ((1,), (1,))], [((0,), (0,)), ((1,), ()), ((), (1,))])
    assert r["strict_precision"] == 0.5 and r["strict_recall"] == 1.0


def test_counts_are_summed_over_documents():
    g1 = [((0,), (0,))]
    g2 = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    t2 = [((0,), (0,)), ((1, 2), (1, 2))]
    r = score_documents([g1, g2], [g1, t2])
    assert r["strict_precision"] == pytest.approx(2 / 3)  # micro: (1 + 1) / (1 + 2)
    assert r["strict_recall"] == pytest.approx(2 / 4)


def test_bead_text_format(tmp_path):
    assert format_bead(Bead((0,), (0, 1))) == "[0]:[0,1]"
    assert format_bead(Bead((), (3,))) == "[]:[3]"
    assert parse_bead("[4, 7]:[4, 5]") == Bead((4, 7), (4, 5))
    p = tmp_path / "g.txt"
    p.write_text("[0]:[0, 1]\n\n[]:[2]\nnonsense\n", encoding="utf-8")
    with pytest.raises(AlignmentError, match=r"g.txt:4: not a bead"):
        read_beads(p)
