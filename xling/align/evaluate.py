"""Strict and lax precision, recall and F1 of a sentence alignment against a gold alignment.

Definitions of Sennrich & Volk (2011, *Iterative, MT-based sentence alignment of parallel
texts*), as used by the Vecalign (Thompson & Koehn 2019) and Bertalign (Liu & Zhu 2022)
evaluations:

- precision is computed over every test bead (1-0 and 0-1 beads included; a bead empty on both
  sides is ignored). Strict: the bead is exactly a gold bead. Lax: it is a gold bead, or it
  shares at least one source id and one target id with some gold bead.
- recall is the same count with test and gold swapped, after removing 1-0 and 0-1 beads from
  both (insertions and deletions are left out of recall).
- counts are summed over documents (micro average) before dividing; F1 is the harmonic mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xling.align.beads import Bead

Key = tuple[tuple[int, ...], tuple[int, ...]]


def _keys(beads: Iterable[Bead | Key]) -> list[Key]:
    out = []
    for b in beads:
        s, t = (b.src, b.tgt) if isinstance(b, Bead) else b
        out.append((tuple(s), tuple(t)))
    return out


def _counts(gold: list[Key], test: list[Key]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of ``test`` beads against ``gold``."""
    gold_set = set(gold)
    src_of: dict[int, list[int]] = {}
    for n, (s, _t) in enumerate(gold):
        for i in s:
            src_of.setdefault(i, []).append(n)
    ts = tf = ls = lf = 0
    for s, t in test:
        if not s and not t:
            continue
        if (s, t) in gold_set:
            ts += 1
            ls += 1
            continue
        tf += 1
        tset = set(t)
        cands = {n for i in s for n in src_of.get(i, [])}
        if any(tset.intersection(gold[n][1]) for n in cands):
            ls += 1
        else:
            lf += 1
    return ts, tf, ls, lf


def _prf(p_hit, p_miss, r_hit, r_miss) -> tuple[float, float, float]:
    p = p_hit / (p_hit + p_miss) if p_hit + p_miss else 0.0
    r = r_hit / (r_hit + r_miss) if r_hit + r_miss else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_documents(golds: Sequence[Iterable[Bead | Key]], tests: Sequence[Iterable[Bead | Key]]) -> dict[str, float]:
    """Micro-averaged strict/lax P/R/F1 over several documents.

    Args:
        golds, tests: one bead list per document, same order (beads or ``(src, tgt)`` tuples).

    Returns:
        dict with keys ``strict_precision``, ``strict_recall``, ``strict_f1``, ``lax_precision``,
        ``lax_recall``, ``lax_f1`` (floats in [0, 1]) and ``n_test``, ``n_gold`` (bead counts).
    """
    pc = [0, 0, 0, 0]
    rc = [0, 0, 0, 0]
    n_test = n_gold = 0
    for gold, test in zip(golds, tests, strict=True):
        g = _keys(gold)
        t = _keys(test)
        n_test += len(t)
        n_gold += len(g)
        pc = [x + y for x, y in zip(pc, _counts(g, t))]
        g11 = [b for b in g if b[0] and b[1]]
        t11 = [b for b in t if b[0] and b[1]]
        rc = [x + y for x, y in zip(rc, _counts(t11, g11))]
    sp, sr, sf = _prf(pc[0], pc[1], rc[0], rc[1])
    lp, lr, lf = _prf(pc[2], pc[3], rc[2], rc[3])
    return {
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": sf,
        "lax_precision": lp,
        "lax_recall": lr,
        "lax_f1": lf,
        "n_test": n_test,
        "n_gold": n_gold,
    }


def score_alignment(test: Iterable[Bead | Key], gold: Iterable[Bead | Key]) -> dict[str, float]:
    """Strict/lax P/R/F1 of one test alignment against its gold (see module docstring).

    Args:
        test: the beads to evaluate (:class:`~xling.align.beads.Bead` or ``(src ids, tgt ids)``).
        gold: the reference beads of the same document, same form.

    Returns the dict of :func:`score_documents` for one document.
    """
    return score_documents([list(gold)], [list(test)])
