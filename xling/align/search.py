"""Sentence alignment search: banded, coarse-to-fine dynamic programming over beads.

The cost of a bead combines

- the Gale & Church (1993) length model on character lengths (:mod:`xling.align.lengths`),
  with the length ratio and variance estimated from the document pair itself (a first pass with
  the paper's variance, then a second pass with the variance re-estimated from its 1-1 beads),
- a prior per bead type (Gale & Church 1993, Table 5), raised for a merge across a weak
  boundary (a segment ending in ``;``), which translators often join,
- a reward for anchors both sides share (:mod:`xling.align.anchors`): weighted Dice overlap of
  numbers, cognate/shared-script words and glossary concepts,
- a penalty for different punctuation structure (question marks, colons, quotes, parentheses),
- in the second pass, anchors from a word lexicon learnt from the first pass's beads (word
  pairs that keep co-occurring in aligned beads; Moore 2002, *Fast and accurate sentence
  alignment of bilingual corpora*, trains IBM Model 1 on first-pass beads in the same spirit),
- optionally (off by default) a reward for chrF between a machine translation of the source
  span and the target span, as Bleualign does with BLEU (Sennrich & Volk 2010, 2011). Pass any
  ``translate(list[str]) -> list[str]``; the CLI's ``--mt`` uses an installed Argos model.

Search. As in Vecalign (Thompson & Koehn 2019), the documents are first aligned at a coarse
resolution (blocks of ``coarse_factor`` sentences, recursively), the coarse path is projected to
sentence level and the DP runs only in a band of ``band`` sentences on either side of it. If the
best path touches the band's edge, the band is doubled and the DP re-run. Time and memory are
therefore linear in document length; beyond ``full_cells`` the full N×M matrix is never built
(documents whose ``(N+1)*(M+1)`` is at most ``full_cells`` are searched exhaustively). Each DP row is vectorised
with numpy; 0-1 beads, which depend on the same row, use a prefix-minimum.

Bead types default to 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3 and 3-1 (Bertalign, Liu & Zhu 2022,
also allows larger beads; 1-3/3-1 occur in the Text+Berg gold). 1-0 and 0-1 beads cost
``skip_cost`` plus a small term in the log of the deleted length, as Vecalign's deletion
penalty, rather than the length model's cost, so that a long untranslated caption is not
forced into a neighbouring bead while OCR debris of a few characters is cheap to leave out.

Global parameters (:class:`AlignParams`) were set once on the 4 Text+Berg de-fr development
documents and are used unchanged for every pair (fa-en/ru/ar included): skip cost 6 nats,
anchor weight 10, punctuation weight 1, lexicon Dice >= 0.7, deletion length weight 1,
variance floor 3, weak-boundary bonus 1 nat. Each sat on a plateau of the development score
(neighbouring values within about 1 point of strict F1); the last three were also checked
leave-one-document-out (chosen on 3 documents, scored on the 4th).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from xling.align.anchors import SideFeatures, build_features
from xling.align.beads import Bead
from xling.align.lengths import LengthModel, estimate_ratio, estimate_variance
from xling.errors import AlignmentError

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary

#: Prior probability of each bead type (Gale & Church 1993 Table 5; 1-3/3-1 added, small).
DEFAULT_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (1, 2): 0.089 / 2,
    (2, 1): 0.089 / 2,
    (2, 2): 0.011,
    (1, 3): 0.005,
    (3, 1): 0.005,
}


@dataclass(frozen=True)
class AlignParams:
    """Global parameters of the aligner (the same for every language pair and document).

    Attributes:
        priors: bead type ``(n_src, n_tgt)`` → prior probability; its keys are the bead types searched.
        anchor_weight: nats of reward for a bead whose anchors match perfectly (Dice = 1).
        anchor_smoothing: added to the Dice denominator (anchor weight units) so that one shared
            frequent word is weak evidence.
        punct_weight: nats of penalty per punctuation mark present on one side only.
        mt_weight: nats of reward for chrF = 100 between MT(source span) and target span.
        coarse_factor: sentences per block at each coarse level.
        band: half-width of the search band around the projected coarse path, in sentences.
        full_cells: documents with ``(N+1)*(M+1)`` at most this are searched without a band.
        skip_cost: nats for a 1-0 or 0-1 bead of an 80-character sentence (None: prior + length cost).
        skip_len_weight: the 1-0/0-1 cost is ``skip_cost + skip_len_weight * (log(1+len) -
            log(81))`` (len in characters): deleting OCR debris, a lone ``!`` or a caption
            fragment is cheap, deleting a long sentence dear. Gale & Church (1993) also make a
            deletion's cost grow with the deleted length; a log keeps long captions deletable.
        refine: number of further passes, each with the length ratio and variance re-estimated
            from the previous pass (0: one pass only).
        lexicon: in that second pass, add anchors for word pairs learnt from the first pass's beads
            (:func:`xling.align.anchors.learn_lexicon`, after Moore 2002).
        lexicon_min_pairs, lexicon_min_dice: thresholds of that lexicon.
        variance_floor: lower bound of the Gale-Church variance re-estimated from the first
            pass (:func:`xling.align.lengths.estimate_variance`). The median estimate of clean
            1-1 beads in a short document can be 1-2, which makes a 30 % length difference
            cost more than all lexical evidence; real length ratios are heavy-tailed. The floor
            is about half the paper's 6.8.
        weak_boundary_bonus: nats taken off a merge bead (1-2, 2-1, 1-3, 3-1) per weak boundary
            (:data:`xling.align.anchors.WEAK_BOUNDARY`, a semicolon) inside its merged side: the
            bead-type prior conditioned on how the segmenter split, since translators join
            clauses split at ``;`` several times more often than sentences split at ``.``. Not
            applied to 2-2 beads: weak boundaries on both sides face each other and say nothing.
    """

    priors: dict[tuple[int, int], float] = field(default_factory=lambda: dict(DEFAULT_PRIORS))
    skip_cost: float | None = 6.0
    skip_len_weight: float = 1.0
    anchor_weight: float = 10.0
    anchor_smoothing: float = 0.5
    punct_weight: float = 1.0
    mt_weight: float = 4.0
    coarse_factor: int = 8
    band: int = 24
    full_cells: int = 250_000
    refine: int = 1
    lexicon: bool = True
    lexicon_min_pairs: int = 2
    lexicon_min_dice: float = 0.7
    variance_floor: float = 3.0
    weak_boundary_bonus: float = 1.0


class _PairBand:
    """Pairwise scores ``v(r, t)`` in a ragged band, stored as per-row prefix sums.

    Row ``r`` (a source sentence) covers targets ``t`` in ``[lo[r], hi[r])``. ``span(r, x)``
    returns ``sum_{lo[r] <= t < x} v(r, t)`` for a vector of ``x``.
    """

    def __init__(self, lo: np.ndarray, hi: np.ndarray):
        self.lo = lo
        self.len = hi - lo + 1  # prefix sums have one more entry than targets
        self.off = np.concatenate([[0], np.cumsum(self.len)[:-1]]).astype(np.int64)
        self.flat = np.zeros(int(self.len.sum()), dtype=np.float64)

    def set_row(self, r: int, values: np.ndarray) -> None:
        o = self.off[r]
        self.flat[o + 1 : o + self.len[r]] = np.cumsum(values)

    def prefix_many(self, r: np.ndarray, x: np.ndarray) -> np.ndarray:
        """``prefix`` for paired vectors of rows ``r`` and columns ``x``."""
        idx = np.minimum(np.maximum(x - self.lo[r], 0), self.len[r] - 1)
        return self.flat[self.off[r] + idx]


def _anchor_band(S: SideFeatures, T: SideFeatures, weights: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> _PairBand:
    """Weighted count of shared anchor keys for each (source, target) pair in the band."""
    band = _PairBand(lo, hi)
    postings: dict[int, list[int]] = {}
    for t, keys in enumerate(T.keys):
        for k in keys.tolist():
            postings.setdefault(k, []).append(t)
    post = {k: np.asarray(v, dtype=np.int64) for k, v in postings.items()}
    for r, keys in enumerate(S.keys):
        if not len(keys):
            continue
        lo_r, hi_r = int(lo[r]), int(hi[r])
        row = np.zeros(hi_r - lo_r, dtype=np.float64)
        for k in keys.tolist():
            p = post.get(k)
            if p is None:
                continue
            a, b = np.searchsorted(p, (lo_r, hi_r))
            if b > a:
                row[p[a:b] - lo_r] += weights[k]
        band.set_row(r, row)
    return band


def _mt_band(mt_src: list[str], tgt: list[str], lo: np.ndarray, hi: np.ndarray) -> _PairBand:
    """chrF / 100 of MT(source r) against target t for each pair in the band (sacrebleu chrF)."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    band = _PairBand(lo, hi)
    for r, hyp in enumerate(mt_src):
        vals = [
            chrf.sentence_score(hyp, [tgt[t]]).score / 100.0 if hyp and tgt[t] else 0.0
            for t in range(int(lo[r]), int(hi[r]))
        ]
        band.set_row(r, np.asarray(vals, dtype=np.float64))
    return band


def _pair_rows(lo: np.ndarray, hi: np.ndarray, N: int, M: int, amax: int, bmax: int) -> tuple[np.ndarray, np.ndarray]:
    """Target range each source sentence r can meet in a bead ending in rows r+1..r+amax."""
    r = np.arange(N)
    plo = np.clip(lo[r + 1] - bmax, 0, M)
    phi = np.clip(hi[np.minimum(r + amax, N)], 0, M)
    return plo, np.maximum(phi, plo)


def _skip_len(lengths: np.ndarray, params: AlignParams) -> np.ndarray:
    """Length-dependent part of a 1-0/0-1 bead's cost: ``w * (log1p(len) - log1p(80))``."""
    if not params.skip_len_weight:
        return np.zeros(len(lengths))
    return params.skip_len_weight * (np.log1p(lengths) - math.log1p(80.0))


def _dp(
    S: SideFeatures,
    T: SideFeatures,
    weights: np.ndarray,
    model: LengthModel,
    params: AlignParams,
    lo: np.ndarray,
    hi: np.ndarray,
    mt: tuple[list[str], list[str]] | None = None,
    chunk_cells: int = 1 << 18,
) -> tuple[list[tuple[int, int, int, int, float]], bool]:
    """Banded DP. Rows i = 0..N (source sentences consumed), columns j in [lo[i], hi[i]].

    Bead costs are computed with numpy for a chunk of rows at a time (about ``chunk_cells``
    cells), then the recurrence runs row by row over those precomputed costs.

    Returns ``(path, touched)``: path is a list of ``(s0, s1, t0, t1, cost)`` spans from start
    to end; ``touched`` is True when the path runs along a band edge that is not a document edge.
    """
    N, M = len(S), len(T)
    types = [t for t in params.priors if t != (0, 1) and t[0] > 0]
    amax = max(a for a, _ in params.priors)
    bmax = max(b for _, b in params.priors)
    prior_cost = {t: -math.log(p) for t, p in params.priors.items()}
    if params.skip_cost is not None:
        prior_cost[(1, 0)] = prior_cost[(0, 1)] = float(params.skip_cost)
    PLs = np.concatenate([[0.0], np.cumsum(S.lengths)])
    PLt = np.concatenate([[0.0], np.cumsum(T.lengths)])
    PPs = np.vstack([np.zeros((1, S.punct.shape[1])), np.cumsum(S.punct, axis=0)]).T.copy()
    PPt = np.vstack([np.zeros((1, T.punct.shape[1])), np.cumsum(T.punct, axis=0)]).T.copy()
    ws = np.array([weights[k].sum() for k in S.keys]) if N else np.zeros(0)
    wt = np.array([weights[k].sum() for k in T.keys]) if M else np.zeros(0)
    PKs = np.concatenate([[0.0], np.cumsum(ws)])
    PKt = np.concatenate([[0.0], np.cumsum(wt)])
    PWs = np.concatenate([[0.0], np.cumsum(S.weak_or_zeros())])
    PWt = np.concatenate([[0.0], np.cumsum(T.weak_or_zeros())])
    plo, phi = _pair_rows(lo, hi, N, M, amax, bmax)
    anchors = _anchor_band(S, T, weights, plo, phi) if len(weights) else None
    mtband = _mt_band(mt[0], mt[1], plo, phi) if mt is not None else None

    wid = (hi - lo + 1).astype(np.int64)
    doff = np.concatenate([[0], np.cumsum(wid)]).astype(np.int64)
    D = np.full(int(doff[-1]), np.inf)
    back = np.full(int(doff[-1]), -1, dtype=np.int8)
    c01_all = None
    if (0, 1) in params.priors:
        c01_all = prior_cost[(0, 1)] + (
            model.cost(0.0, T.lengths) if params.skip_cost is None else _skip_len(T.lengths, params)
        )
    ins01 = len(types)  # code of a 0-1 bead in `back`

    def chunk_costs(r0: int, r1: int) -> tuple[np.ndarray, np.ndarray]:
        """Cost of each bead type ending in each cell of rows r0..r1-1, and its previous cell.

        Returns ``(costs, prev)``: float64 and int64 arrays ``(n_types, cells)``; ``prev`` is the
        flat index in ``D`` of the cell the bead starts from (0 with cost inf when outside).
        """
        Ic = np.repeat(np.arange(r0, r1), wid[r0:r1])
        J = np.arange(doff[r0], doff[r1]) - np.repeat(doff[r0:r1] - lo[r0:r1], wid[r0:r1])
        out = np.empty((len(types), len(Ic)))
        prev = np.zeros((len(types), len(Ic)), dtype=np.int64)
        for code, (a, b) in enumerate(types):
            P = Ic - a
            JB = J - b
            bad = (P < 0) | (JB < 0)
            Pc = np.maximum(P, 0)
            JBc = np.maximum(JB, 0)
            if b == 0 and params.skip_cost is not None:
                cost = prior_cost[(a, b)] + _skip_len(S.lengths[np.minimum(Pc, max(N - 1, 0))], params)
            else:
                cost = prior_cost[(a, b)] + model.cost(PLs[Ic] - PLs[Pc], PLt[J] - PLt[JBc])
            if b > 0:
                if params.weak_boundary_bonus and min(a, b) == 1 and max(a, b) > 1:
                    weak = np.zeros(len(Ic))
                    if a > 1:
                        weak += PWs[np.maximum(Ic - 1, 0)] - PWs[Pc]
                    if b > 1:
                        weak += PWt[np.maximum(J - 1, 0)] - PWt[JBc]
                    cost -= params.weak_boundary_bonus * weak
                if params.punct_weight:
                    pen = np.zeros(len(Ic))
                    for k in range(PPs.shape[0]):
                        pen += np.abs((PPs[k, Ic] - PPs[k, Pc]) - (PPt[k, J] - PPt[k, JBc]))
                    cost += params.punct_weight * pen
                if anchors is not None:
                    ov = np.zeros(len(Ic))
                    for q in range(1, a + 1):
                        r = np.clip(Ic - q, 0, max(N - 1, 0))
                        ov += anchors.prefix_many(r, J) - anchors.prefix_many(r, JBc)
                    ks = PKs[Ic] - PKs[Pc]
                    kt = PKt[J] - PKt[JBc]
                    cost -= params.anchor_weight * (2.0 * ov / (ks + kt + params.anchor_smoothing))
                if mtband is not None:
                    sim = np.zeros(len(Ic))
                    for q in range(1, a + 1):
                        r = np.clip(Ic - q, 0, max(N - 1, 0))
                        sim += mtband.prefix_many(r, J) - mtband.prefix_many(r, JBc)
                    cost -= params.mt_weight * np.minimum(sim / min(a, b), 1.0)
            k = JB - lo[Pc]
            bad |= (k < 0) | (k >= wid[Pc])
            cost[bad] = np.inf
            out[code] = cost
            prev[code] = np.where(bad, 0, doff[Pc] + k)
        return out, prev

    r0 = 0
    while r0 <= N:
        r1 = r0 + 1
        while r1 <= N and doff[r1 + 1] - doff[r0] <= chunk_cells:
            r1 += 1
        costs, prevs = chunk_costs(r0, r1)
        for i in range(r0, r1):
            j = np.arange(lo[i], hi[i] + 1)
            cs = slice(doff[i] - doff[r0], doff[i + 1] - doff[r0])
            if i == 0:
                X = np.full(len(j), np.inf)
                arg = np.full(len(j), -1, dtype=np.int8)
                if lo[0] == 0:
                    X[0] = 0.0
            else:
                cand = D[prevs[:, cs]] + costs[:, cs]
                arg = np.argmin(cand, axis=0).astype(np.int8)
                X = cand[arg, np.arange(len(j))]
                arg[~np.isfinite(X)] = -1
            if c01_all is not None and len(j) > 1:
                c = np.zeros(len(j))
                c[1:] = c01_all[j[1:] - 1]
                C = np.cumsum(c)
                Y = X - C
                Mn = np.minimum.accumulate(Y)
                row = Mn + C
                arg[Mn < Y] = ins01
            else:
                row = X
            D[doff[i] : doff[i + 1]] = row
            back[doff[i] : doff[i + 1]] = arg
        r0 = r1

    if not (lo[N] <= M <= hi[N]) or not np.isfinite(D[doff[N] + M - lo[N]]):
        raise AlignmentError("internal: no alignment path inside the search band")
    path = []
    touched = False
    i, jj = N, M
    all_types = types + [(0, 1)]
    while i > 0 or jj > 0:
        cell = doff[i] + jj - lo[i]
        code = int(back[cell])
        if code < 0:
            raise AlignmentError("internal: broken back-pointer in the alignment search")
        if (jj == lo[i] and lo[i] > 0) or (jj == hi[i] and hi[i] < M):
            touched = True
        a, b = all_types[code]
        pi, pj = i - a, jj - b
        cost = float(D[cell] - D[doff[pi] + pj - lo[pi]])
        path.append((pi, i, pj, jj, cost))
        i, jj = pi, pj
    path.reverse()
    return path, touched


def _band_from_path(
    path: list[tuple[int, int, int, int, float]], N: int, M: int, w: int
) -> tuple[np.ndarray, np.ndarray]:
    """Rows' column ranges ``[lo, hi]`` within ``w`` of a projected path (monotone, connected)."""
    cmin = np.full(N + 1, M, dtype=np.int64)
    cmax = np.zeros(N + 1, dtype=np.int64)
    for s0, s1, t0, t1, _ in path:
        rows = np.arange(s0, s1 + 1)
        if s1 > s0:
            cen = t0 + (rows - s0) * (t1 - t0) / (s1 - s0)
            c_lo = np.floor(cen).astype(np.int64)
            c_hi = np.ceil(cen).astype(np.int64)
        else:
            c_lo = np.array([t0])
            c_hi = np.array([t1])
        cmin[rows] = np.minimum(cmin[rows], c_lo)
        cmax[rows] = np.maximum(cmax[rows], c_hi)
    lo = np.clip(cmin - w, 0, M)
    hi = np.clip(cmax + w, 0, M)
    lo[0] = 0
    hi[N] = M
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return lo, hi


def _project(coarse_path, k: int, N: int, M: int):
    """Map a path over blocks of ``k`` sentences to sentence coordinates."""
    return [(min(s0 * k, N), min(s1 * k, N), min(t0 * k, M), min(t1 * k, M), c) for s0, s1, t0, t1, c in coarse_path]


def _search(S, T, weights, model, params, guide=None, mt=None):
    """Coarse-to-fine search; ``guide`` (a sentence-level path) replaces the coarse pass."""
    N, M = len(S), len(T)
    if guide is None and (N + 1) * (M + 1) <= params.full_cells:
        lo = np.zeros(N + 1, dtype=np.int64)
        hi = np.full(N + 1, M, dtype=np.int64)
        return _dp(S, T, weights, model, params, lo, hi, mt)[0]
    if guide is None:
        k = params.coarse_factor
        coarse = _search(S.coarsen(k), T.coarsen(k), weights, model, params)
        guide = _project(coarse, k, N, M)
        w = params.band
    else:
        w = max(4, params.band // 2)
    while True:
        lo, hi = _band_from_path(guide, N, M, w)
        path, touched = _dp(S, T, weights, model, params, lo, hi, mt)
        full = bool(np.all(lo == 0) and np.all(hi == M))
        if not touched or full:
            return path
        w *= 2
        guide = path


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | None = None,
    translate: Callable[[list[str]], list[str]] | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align two lists of sentences; return beads covering both in order.

    Args:
        src, tgt: sentences (lists of str, one sentence each, e.g. the lines of a presegmented
            file). Empty or whitespace-only sentences keep their ids but take no part in the
            search: each comes out as a 1-0 (source) or 0-1 (target) bead at its place, or inside
            the bead that spans it when its neighbours were merged.
        src_lang, tgt_lang: ISO 639-1 codes, e.g. ``"fa"``, ``"en"`` (choose scripts compared
            for shared words, and the glossary's languages).
        glossary: optional :class:`xling.glossary.model.Glossary` (or a YAML path); its concept entries become
            anchors (source term ↔ any term of the same concept in ``tgt_lang``).
        translate: optional MT function (source sentences → ``tgt_lang`` sentences, same
            length); when given, chrF of MT(source) vs target is added to the bead cost
            (Bleualign-style, Sennrich & Volk 2010). Off by default.
        params: :class:`AlignParams`; defaults tuned on the Text+Berg de-fr development set.

    Returns:
        list of :class:`~xling.align.beads.Bead`, monotone, covering every source id
        ``0..len(src)-1`` and target id ``0..len(tgt)-1`` exactly once; ``cost`` in nats
        (lower is better; empty-line beads cost 0).

    Raises:
        AlignmentError: ``translate`` returned the wrong number of sentences.

    Algorithm: Gale & Church (1993) length model + anchors, coarse-to-fine banded DP as in
    Vecalign (Thompson & Koehn 2019); optional MT scoring after Bleualign (Sennrich & Volk 2010).
    """
    if isinstance(glossary, (str, os.PathLike)):
        from xling.glossary.store import load_glossary

        glossary = load_glossary(glossary)
    src = list(src)
    tgt = list(tgt)
    keep_s = [i for i, x in enumerate(src) if x.strip()]
    keep_t = [j for j, x in enumerate(tgt) if x.strip()]
    if len(keep_s) == len(src) and len(keep_t) == len(tgt):
        return _align_nonempty(
            src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary, translate=translate, params=params
        )
    core = _align_nonempty(
        [src[i] for i in keep_s],
        [tgt[j] for j in keep_t],
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        glossary=glossary,
        translate=translate,
        params=params,
    )
    return _restore_empty(core, keep_s, keep_t, len(src), len(tgt))


def _restore_empty(core: list[Bead], keep_s: list[int], keep_t: list[int], n_src: int, n_tgt: int) -> list[Bead]:
    """Map compacted ids back to line ids and put empty lines back as 1-0/0-1 beads (or inside spans)."""
    empty_s = sorted(set(range(n_src)) - set(keep_s))
    empty_t = sorted(set(range(n_tgt)) - set(keep_t))
    out: list[Bead] = []
    es = et = 0
    for b in core:
        s = [keep_s[i] for i in b.src]
        t = [keep_t[j] for j in b.tgt]
        while es < len(empty_s) and s and empty_s[es] < s[0]:
            out.append(Bead((empty_s[es],), (), 0.0))
            es += 1
        while et < len(empty_t) and t and empty_t[et] < t[0]:
            out.append(Bead((), (empty_t[et],), 0.0))
            et += 1
        if s:
            s = list(range(s[0], s[-1] + 1))  # empty lines inside a merged span join it
            while es < len(empty_s) and empty_s[es] <= s[-1]:
                es += 1
        if t:
            t = list(range(t[0], t[-1] + 1))
            while et < len(empty_t) and empty_t[et] <= t[-1]:
                et += 1
        out.append(Bead(tuple(s), tuple(t), b.cost))
    out += [Bead((i,), (), 0.0) for i in empty_s[es:]]
    out += [Bead((), (j,), 0.0) for j in empty_t[et:]]
    return out


def _align_nonempty(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_lang: str,
    tgt_lang: str,
    glossary: Glossary | None = None,
    translate: Callable[[list[str]], list[str]] | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align sentences that are all non-empty (see :func:`align_sentences`)."""
    src = list(src)
    tgt = list(tgt)
    params = params or AlignParams()
    N, M = len(src), len(tgt)
    if N == 0 or M == 0:
        return [Bead((i,), ()) for i in range(N)] + [Bead((), (j,)) for j in range(M)]
    S, T, weights = build_features(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
    mt = None
    if translate is not None:
        hyps = list(translate(src))
        if len(hyps) != N:
            raise AlignmentError(f"MT returned {len(hyps)} sentences for {N} source sentences; check the MT engine")
        mt = (hyps, tgt)
    ratio = estimate_ratio(S.lengths, T.lengths)
    if not 0.5 <= M / N <= 2.0:  # many insertions/deletions: compare mean sentence lengths instead
        ratio = float(np.clip(ratio * N / M, 0.25, 4.0))
    model = LengthModel(ratio=ratio, variance=6.8 * max(ratio, 1.0))
    path = _search(S, T, weights, model, params, mt=mt)
    S0, T0, w0 = S, T, weights
    words = None
    for _ in range(params.refine if isinstance(params.refine, int) else int(bool(params.refine))):
        pairs = [(s0, s1, t0, t1) for s0, s1, t0, t1, _ in path if s1 > s0 and t1 > t0]
        one = [(s0, t0) for s0, s1, t0, t1 in pairs if s1 - s0 == 1 and t1 - t0 == 1]
        if len(one) < 5:
            break
        ls = sum(float(S.lengths[s0:s1].sum()) for s0, s1, _, _ in pairs)
        lt = sum(float(T.lengths[t0:t1].sum()) for _, _, t0, t1 in pairs)
        ratio = float(np.clip(lt / ls, 0.25, 4.0)) if ls > 0 and lt > 0 else ratio
        l1 = S.lengths[[s for s, _ in one]]
        l2 = T.lengths[[t for _, t in one]]
        model = LengthModel(ratio=ratio, variance=estimate_variance(l1, l2, ratio, floor=params.variance_floor))
        if params.lexicon:
            from xling.align.anchors import add_lexicon_keys, learn_lexicon, sentence_words

            if words is None:
                words = ([sentence_words(x) for x in src], [sentence_words(x) for x in tgt])
            lex = learn_lexicon(*words, pairs, min_pairs=params.lexicon_min_pairs, min_dice=params.lexicon_min_dice)
            S, T, weights = add_lexicon_keys(S0, T0, w0, *words, lex)
        path = _search(S, T, weights, model, params, guide=path, mt=mt)
    return [Bead(tuple(range(s0, s1)), tuple(range(t0, t1)), cost) for s0, s1, t0, t1, cost in path]
