"""Bead cost terms of the alignment DP, one function per term, each with its source.

A bead's cost (nats, lower is better) is

    prior(type) + length (or deletion) cost
    - weak-boundary bonus + punctuation penalty + noise-line penalty - anchor reward - MT reward

computed for many beads at once: every term takes :class:`Spans`, the source span
``[src_start, src_end)`` and target span ``[tgt_start, tgt_end)`` of one bead type ending in each
DP cell, and returns a float64 array with one value per cell. Per-sentence features are read
through prefix sums (:class:`SidePrefix`), so a span's total is two look-ups; pairwise scores
(shared anchors, chrF of MT) through :class:`PairBand`. :class:`BeadScorer` adds the terms up.
The recurrence and traceback that use these costs are in :mod:`xling.align.dp`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from xling.align.anchors import SideFeatures
from xling.align.lengths import LengthModel
from xling.align.params import AlignParams

BeadType = tuple[int, int]


class PairBand:
    """Pairwise scores ``v(r, t)`` in a ragged band, stored as per-row prefix sums.

    Row ``r`` (a source sentence) covers targets ``t`` in ``[lo[r], hi[r])``. ``prefix_many(r, x)``
    returns ``sum_{lo[r] <= t < x} v(r, t)`` for paired vectors of rows and columns.
    """

    def __init__(self, lo: np.ndarray, hi: np.ndarray):
        self.lo = lo
        self.len = hi - lo + 1  # prefix sums have one more entry than targets
        self.off = np.concatenate([[0], np.cumsum(self.len)[:-1]]).astype(np.int64)
        self.flat = np.zeros(int(self.len.sum()), dtype=np.float64)

    def set_row(self, r: int, values: np.ndarray) -> None:
        """Store the scores of row ``r`` (float array of ``hi[r] - lo[r]`` values)."""
        o = self.off[r]
        self.flat[o + 1 : o + self.len[r]] = np.cumsum(values)

    def prefix_many(self, r: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Prefix sums for paired int arrays of rows ``r`` and columns ``x`` (clipped to the band)."""
        idx = np.minimum(np.maximum(x - self.lo[r], 0), self.len[r] - 1)
        return self.flat[self.off[r] + idx]

    def span_sum(self, spans: Spans, n_rows: int) -> np.ndarray:
        """``sum v(r, t)`` over the source and target span of each bead (float64 array)."""
        total = np.zeros(len(spans.src_end))
        for q in range(1, spans.n_src + 1):
            r = np.clip(spans.src_end - q, 0, max(n_rows - 1, 0))
            total += self.prefix_many(r, spans.tgt_end) - self.prefix_many(r, spans.tgt_start)
        return total


def anchor_band(S: SideFeatures, T: SideFeatures, weights: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> PairBand:
    """Weighted count of anchor keys shared by each (source, target) sentence pair in the band."""
    band = PairBand(lo, hi)
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


def mt_band(mt_src: list[str], tgt: list[str], lo: np.ndarray, hi: np.ndarray) -> PairBand:
    """chrF / 100 of MT(source r) against target t for each pair in the band (sacrebleu chrF)."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    band = PairBand(lo, hi)
    for r, hyp in enumerate(mt_src):
        vals = [
            chrf.sentence_score(hyp, [tgt[t]]).score / 100.0 if hyp and tgt[t] else 0.0
            for t in range(int(lo[r]), int(hi[r]))
        ]
        band.set_row(r, np.asarray(vals, dtype=np.float64))
    return band


@dataclass(frozen=True)
class SidePrefix:
    """Prefix sums of one side's per-sentence features (entry ``i`` sums sentences ``0..i-1``).

    Attributes:
        lengths: characters (float64 ``(n+1,)``).
        punct: punctuation class counts (float64 ``(classes, n+1)``).
        key_weight: total anchor key weight (float64 ``(n+1,)``).
        weak: boundary weakness (float64 ``(n+1,)``).
        noise: caption, note and page-header lines (float64 ``(n+1,)``, see
            :func:`xling.align.anchors.noise_lines`).
    """

    lengths: np.ndarray
    punct: np.ndarray
    key_weight: np.ndarray
    weak: np.ndarray
    noise: np.ndarray

    @classmethod
    def of(cls, side: SideFeatures, weights: np.ndarray) -> SidePrefix:
        """Prefix sums of ``side``, with anchor keys weighted by ``weights``."""
        zero = np.zeros(1)
        punct = np.vstack([np.zeros((1, side.punct.shape[1])), np.cumsum(side.punct, axis=0)]).T.copy()
        kw = np.array([weights[k].sum() for k in side.keys]) if len(side) else np.zeros(0)
        return cls(
            lengths=np.concatenate([zero, np.cumsum(side.lengths)]),
            punct=punct,
            key_weight=np.concatenate([zero, np.cumsum(kw)]),
            weak=np.concatenate([zero, np.cumsum(side.weak_or_zeros())]),
            noise=np.concatenate([zero, np.cumsum(side.noise if side.noise is not None else np.zeros(len(side)))]),
        )


@dataclass(frozen=True)
class Spans:
    """Sentence spans of one bead type ``(n_src, n_tgt)`` ending in each of a set of DP cells.

    ``src_end``/``tgt_end`` are the cells' row/column (int64 arrays); ``src_start``/``tgt_start``
    are ``end - n`` clipped at 0 (cells where that clipping happened are ``outside`` the matrix).
    """

    n_src: int
    n_tgt: int
    src_start: np.ndarray
    src_end: np.ndarray
    tgt_start: np.ndarray
    tgt_end: np.ndarray
    outside: np.ndarray

    @classmethod
    def ending_at(cls, kind: BeadType, rows: np.ndarray, cols: np.ndarray) -> Spans:
        """Spans of bead type ``kind`` ending at cells ``(rows[k], cols[k])``."""
        a, b = kind
        s0, t0 = rows - a, cols - b
        return cls(a, b, np.maximum(s0, 0), rows, np.maximum(t0, 0), cols, (s0 < 0) | (t0 < 0))


def prior_costs(params: AlignParams) -> dict[BeadType, float]:
    """``-log prior`` per bead type (Gale & Church 1993, Table 5); 1-0/0-1 get ``skip_cost`` when set."""
    cost = {t: -math.log(p) for t, p in params.priors.items()}
    if params.skip_cost is not None:
        cost[(1, 0)] = cost[(0, 1)] = float(params.skip_cost)
    return cost


def length_cost(model: LengthModel, src: SidePrefix, tgt: SidePrefix, spans: Spans) -> np.ndarray:
    """Gale & Church (1993) length cost of each bead: ``-log P(|Z| >= |z|)`` on character lengths."""
    l1 = src.lengths[spans.src_end] - src.lengths[spans.src_start]
    l2 = tgt.lengths[spans.tgt_end] - tgt.lengths[spans.tgt_start]
    return model.cost(l1, l2)


def deletion_length_cost(lengths: np.ndarray, params: AlignParams) -> np.ndarray:
    """Length part of a 1-0/0-1 cost: ``w * (log1p(len) - log1p(skip_ref_chars))`` (len in characters).

    Vecalign's (Thompson & Koehn 2019) deletion penalty, made to grow slowly with the deleted
    length as Gale & Church's (1993) deletion cost does.
    """
    if not params.skip_len_weight:
        return np.zeros(len(lengths))
    return params.skip_len_weight * (np.log1p(lengths) - math.log1p(params.skip_ref_chars))


def noise_discount(side: SideFeatures, at: np.ndarray, params: AlignParams) -> np.ndarray:
    """Nats taken off deleting each sentence ``at`` that is a caption or note line (:func:`xling.align.anchors.noise_lines`).

    Scanned-book and news noise (Text+Berg's interleaved captions, an editor's note): such a
    line is a priori a 0-1/1-0 bead, as the Text+Berg gold writes it.
    """
    if side.noise is None or not params.noise_skip_discount:
        return np.zeros(len(at))
    return params.noise_skip_discount * side.noise[at]


def weak_boundaries(src: SidePrefix, tgt: SidePrefix, spans: Spans) -> np.ndarray:
    """Weakness summed over the boundaries inside each bead's merged side (1-n or n-1 beads).

    The bead-type prior conditioned on how the segmenter split: the boundaries after sentences
    ``start .. end-2`` of the side with more than one sentence (:func:`xling.align.anchors.boundary_weakness`).
    """
    weak = np.zeros(len(spans.src_end))
    if spans.n_src > 1:
        weak += src.weak[np.maximum(spans.src_end - 1, 0)] - src.weak[spans.src_start]
    if spans.n_tgt > 1:
        weak += tgt.weak[np.maximum(spans.tgt_end - 1, 0)] - tgt.weak[spans.tgt_start]
    return weak


def noise_inside(src: SidePrefix, tgt: SidePrefix, spans: Spans) -> np.ndarray:
    """Noise lines (captions, notes, page headers) inside each bead with both sides.

    In a 1-1 bead only a noise line facing a sentence counts (a caption facing its translated
    caption is a real bead); in every larger bead each noise line counts. Scanned-book noise is
    interleaved between sentences and has no share in their translation: the Text+Berg gold
    writes it as 0-1/1-0 beads beside the 2-1/1-2 beads around it.
    """
    ns = src.noise[spans.src_end] - src.noise[spans.src_start]
    nt = tgt.noise[spans.tgt_end] - tgt.noise[spans.tgt_start]
    if spans.n_src == 1 and spans.n_tgt == 1:
        return np.abs(ns - nt)
    return ns + nt


def punctuation_mismatch(src: SidePrefix, tgt: SidePrefix, spans: Spans) -> np.ndarray:
    """Marks of each punctuation class present on one side of the bead only (L1 distance of counts).

    Punctuation structure as alignment evidence, after Simard, Foster & Isabelle (1992).
    """
    pen = np.zeros(len(spans.src_end))
    for k in range(src.punct.shape[0]):
        s = src.punct[k, spans.src_end] - src.punct[k, spans.src_start]
        t = tgt.punct[k, spans.tgt_end] - tgt.punct[k, spans.tgt_start]
        pen += np.abs(s - t)
    return pen


def anchor_dice(
    anchors: PairBand, src: SidePrefix, tgt: SidePrefix, spans: Spans, n_src_sentences: int, smoothing: float
) -> np.ndarray:
    """Weighted Dice overlap of the anchor keys of each bead's two sides, in ``[0, 1)``.

    ``2 * shared / (src weight + tgt weight + smoothing)``: numbers, cognates (Simard et al.
    1992), glossary concepts and lexicon pairs (Moore 2002) shared by the spans.
    """
    shared = anchors.span_sum(spans, n_src_sentences)
    ks = src.key_weight[spans.src_end] - src.key_weight[spans.src_start]
    kt = tgt.key_weight[spans.tgt_end] - tgt.key_weight[spans.tgt_start]
    return 2.0 * shared / (ks + kt + smoothing)


def mt_similarity(mt: PairBand, spans: Spans, n_src_sentences: int) -> np.ndarray:
    """Mean chrF / 100 between MT of the source sentences and the target span, capped at 1.

    Bleualign's MT-based score (Sennrich & Volk 2010), with chrF in place of BLEU.
    """
    sim = mt.span_sum(spans, n_src_sentences)
    return np.minimum(sim / min(spans.n_src, spans.n_tgt), 1.0)


@dataclass(frozen=True)
class BeadScorer:
    """Adds the cost terms up for beads of every type (see the module docstring).

    Attributes:
        src, tgt: the two sides' features; ``src_prefix``/``tgt_prefix`` their prefix sums.
        model: the length model of this pass.
        params: the global parameters.
        anchors: shared anchor weights per sentence pair (None: no anchors).
        mt: chrF of MT per sentence pair (None: no MT).
    """

    src: SideFeatures
    tgt: SideFeatures
    src_prefix: SidePrefix
    tgt_prefix: SidePrefix
    model: LengthModel
    params: AlignParams
    anchors: PairBand | None
    mt: PairBand | None

    def cost(self, spans: Spans, prior: float) -> np.ndarray:
        """Cost in nats of each bead in ``spans`` (float64 array; not yet masked for the band)."""
        p = self.params
        n = len(self.src)
        if spans.n_tgt == 0 and p.skip_cost is not None:
            at = np.minimum(spans.src_start, max(n - 1, 0))
            return prior + deletion_length_cost(self.src.lengths[at], p) - noise_discount(self.src, at, p)
        cost = prior + length_cost(self.model, self.src_prefix, self.tgt_prefix, spans)
        if spans.n_tgt == 0:
            return cost
        a, b = spans.n_src, spans.n_tgt
        if p.weak_boundary_bonus and min(a, b) == 1 and max(a, b) > 1:
            cost -= p.weak_boundary_bonus * weak_boundaries(self.src_prefix, self.tgt_prefix, spans)
        if p.punct_weight:
            cost += p.punct_weight * punctuation_mismatch(self.src_prefix, self.tgt_prefix, spans)
        if p.noise_merge_penalty:
            cost += p.noise_merge_penalty * noise_inside(self.src_prefix, self.tgt_prefix, spans)

        if self.anchors is not None:
            dice = anchor_dice(self.anchors, self.src_prefix, self.tgt_prefix, spans, n, p.anchor_smoothing)
            cost -= p.anchor_weight * dice
        if self.mt is not None:
            cost -= p.mt_weight * mt_similarity(self.mt, spans, n)
        return cost

    def insertion_costs(self, prior: float) -> np.ndarray:
        """Cost of a 0-1 bead for each target sentence (float64 ``(M,)``)."""
        lengths = self.tgt.lengths
        if self.params.skip_cost is None:
            return prior + self.model.cost(0.0, lengths)
        everyone = np.arange(len(self.tgt))
        return prior + deletion_length_cost(lengths, self.params) - noise_discount(self.tgt, everyone, self.params)
