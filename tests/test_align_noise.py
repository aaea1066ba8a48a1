"""Scanned-book noise in the aligner: page headers and numbered captions found by their shape,
and kept out of merged beads (issue 12; the bench is ``bench/align_noisy.py``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from xling.align.anchors import figure_caption_lines, noise_lines, page_header_lines
from xling.align.beads import check_beads, read_beads
from xling.align.evaluate import score_alignment
from xling.align.search import AlignParams, align_sentences
from xling.io import read_lines

DATA = Path(__file__).parent / "data" / "align"


def _headed(lines: list[str], every: int, forms: tuple[str, str], first_page: int) -> tuple[list[str], list[int]]:
    """``lines`` with a running header after every ``every`` lines; returns (lines, header ids)."""
    out: list[str] = []
    heads = []
    page = first_page
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % every == 0 and n < len(lines):
            heads.append(len(out))
            out.append(forms[page % 2].format(p=page))
            page += 1
    return out, heads


def _gold_with_inserted(gold, heads: list[int]):
    """Gold beads with target lines ``heads`` inserted as 0-1 beads (target ids renumbered)."""
    out = []
    shift = 0
    for b in gold:
        while shift < len(heads) and heads[shift] <= (b.tgt[0] + shift if b.tgt else -1):
            out.append(((), (heads[shift],)))
            shift += 1
        out.append((b.src, tuple(j + shift for j in b.tgt)))
    out += [((), (h,)) for h in heads[shift:]]
    return out


def test_page_headers_are_found_by_shape_repetition_and_page_sequence():
    lines = [
        "Es ist 11 Uhr vormittags .",
        "270 DIE ALPEN",
        "9. September 1988 , bei Tagesanbruch",
        "Kingspitz-Nordostwand direkt 271",
        "Die Wand ist 600 m hoch und sehr steil , sagte er .",
        "272 DIE ALPEN",
        "231",
        "Inhalt 61",
    ]
    assert page_header_lines(lines).tolist() == [0, 1, 0, 1, 0, 1, 1, 0]


def test_numbered_captions_are_found_but_not_footnotes_or_dates():
    lines = [
        "1 Die Route im oberen Teil der Wand",
        "Fig. 2 Bivouac sous le sommet",
        "1 Petit club montagnard genevois .",
        "9. September 1988 , bei Tagesanbruch",
        "71 176 Exemplare .",
        "3 000 m über dem Meer",
    ]
    assert figure_caption_lines(lines).tolist() == [1, 1, 0, 0, 0, 0]
    assert noise_lines(["Photo : Kurt Reichen", "Photo :"], "fr").tolist() == [1, 0]


def test_article_with_page_headers_keeps_strict_f1_one():
    src = read_lines(DATA / "sentences.fa.txt")
    ref = read_lines(DATA / "reference.en.txt")
    tgt, heads = _headed(ref, 3, ("{p} THE WORLD TODAY", "PUTIN MEETS AL-SHARAA {p}"), 40)
    gold = _gold_with_inserted(read_beads(DATA / "gold.fa-en.txt"), heads)
    assert np.flatnonzero(noise_lines(tgt, "en")).tolist() == heads
    beads = align_sentences(src, tgt, src_lang="fa", tgt_lang="en")
    check_beads(beads, len(src), len(tgt))
    assert score_alignment(beads, gold)["strict_f1"] == 1.0


def test_a_header_between_two_sentences_is_not_merged_into_either():
    src = [
        "Wir stiegen um 10 Uhr auf den Gipfel des Nadelhorns und assen dort .",
        "Dann kam der Regen , und wir mussten rasch absteigen .",
        "Am Abend waren wir wieder in der Hütte .",
    ]
    tgt = [
        "Nous sommes arrivés au sommet du Nadelhorn à 10 heures et avons mangé .",
        "132 LES ALPES",
        "Puis vint la pluie , et nous avons dû descendre rapidement .",
        "Les Alpes 133",
        "Le soir , nous étions de retour à la cabane .",
    ]
    beads = align_sentences(src, tgt, src_lang="de", tgt_lang="fr")
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((), (3,)), ((2,), (4,))]
    for p in (AlignParams(noise_merge_penalty=0.0), AlignParams(noise_skip_discount=0.0)):  # either term suffices
        assert [b.key() for b in beads] == [
            b.key() for b in align_sentences(src, tgt, src_lang="de", tgt_lang="fr", params=p)
        ]
    blind = AlignParams(noise_merge_penalty=0.0, noise_skip_discount=0.0)
    merged = align_sentences(src, tgt, src_lang="de", tgt_lang="fr", params=blind)
    assert any(b.src and {1, 3} & set(b.tgt) for b in merged)  # without both, a header joins a sentence's bead


def test_a_sentence_broken_off_is_a_weak_boundary():
    from xling.align.anchors import boundary_weakness

    lines = ["Wir stiegen zur Hütte", "auf , die im Nebel lag .", "Der Weg war lang ,", "Dann kam Regen .", "Ende"]
    assert boundary_weakness(lines).tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]
