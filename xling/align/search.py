"""Sentence alignment: :func:`align_sentences`, the entry point, and its passes.

A bead's cost (:mod:`xling.align.costs`, one function per term) combines

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

The search (:mod:`xling.align.dp`) is Vecalign's (Thompson & Koehn 2019): coarse-to-fine,
banded, linear in document length, with the cost building, the recurrence and the traceback as
separate steps.

Bead types default to 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3 and 3-1 (Bertalign, Liu & Zhu 2022,
also allows larger beads; 1-3/3-1 occur in the Text+Berg gold). 1-0 and 0-1 beads cost
``skip_cost`` plus a small term in the log of the deleted length, as Vecalign's deletion
penalty, so that a long untranslated caption is not forced into a neighbouring bead while OCR
debris of a few characters is cheap to leave out.

The global parameters (:class:`~xling.align.params.AlignParams`, each with its reason) are the
same for every pair (fa-en/ru/ar included).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from xling.align.anchors import SideFeatures, build_features
from xling.align.beads import Bead
from xling.align.dp import DPInput, Step, search
from xling.align.lengths import LengthModel, estimate_ratio, estimate_variance, median_ratio
from xling.align.params import DEFAULT_PRIORS, AlignParams
from xling.errors import AlignmentError

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary

__all__ = ["DEFAULT_PRIORS", "AlignParams", "align_sentences"]


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
        params: :class:`~xling.align.params.AlignParams` (default: ``AlignParams()``).

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
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    S, T, weights = build_features(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
    mt = None
    if translate is not None:
        hyps = list(translate(src))
        if len(hyps) != n:
            raise AlignmentError(f"MT returned {len(hyps)} sentences for {n} source sentences; check the MT engine")
        mt = (hyps, tgt)
    model = first_pass_model(S, T, params)
    path = search(DPInput(S, T, weights, model, params, mt))
    words = None
    for _ in range(int(params.refine)):
        model_or_none = refined_model(S, T, path, model.ratio, params)
        if model_or_none is None:
            break
        model = model_or_none
        S2, T2, w2 = S, T, weights
        if params.lexicon and len(_pairs(path)) >= params.lexicon_min_beads:
            from xling.align.anchors import add_lexicon_keys, learn_lexicon, sentence_words

            if words is None:
                words = ([sentence_words(x) for x in src], [sentence_words(x) for x in tgt])
            pairs = _pairs(path)
            lex = learn_lexicon(*words, pairs, min_pairs=params.lexicon_min_pairs, min_dice=params.lexicon_min_dice)
            S2, T2, w2 = add_lexicon_keys(S, T, weights, *words, lex)
        path = search(DPInput(S2, T2, w2, model, params, mt), guide=path)
    return [Bead(tuple(range(s0, s1)), tuple(range(t0, t1)), cost) for s0, s1, t0, t1, cost in path]


def first_pass_model(S: SideFeatures, T: SideFeatures, params: AlignParams) -> LengthModel:
    """Length model of the first pass: the document's length ratio, Gale & Church's variance.

    The ratio is total target over total source characters when both sides have as many
    sentences. When the counts differ, some sentences have no counterpart (a sentence MT
    dropped, a caption), and the totals mix translation with deletion: a dropped long sentence
    made a 5-sentence document's ratio 0.79 where its 1-1 beads have 1.3, and the aligner then
    shifted every later pairing instead of leaving the sentence out. So in a short document
    (fewer than :attr:`AlignParams.median_ratio_below` sentences on a side, but at least 3: a
    median of one or two lengths is the ratio of a merged pair, not robust) the ratio of the
    median sentence lengths is used (:func:`~xling.align.lengths.median_ratio`, robust to a few
    unmatched sentences). When the counts differ by more than
    :attr:`AlignParams.count_ratio_range`, the ratio of mean sentence lengths is used.
    The variance is ``first_pass_variance * max(ratio, 1)``.
    """
    n, m = len(S), len(T)
    ratio = estimate_ratio(S.lengths, T.lengths)
    low, high = params.count_ratio_range
    if not low <= m / n <= high:
        ratio = float(np.clip(ratio * n / m, *params.ratio_range))
    elif n != m and 3 <= min(n, m) < params.median_ratio_below:
        ratio = float(np.clip(median_ratio(S.lengths, T.lengths), *params.ratio_range))
    return LengthModel(ratio=ratio, variance=params.first_pass_variance * max(ratio, 1.0))


def _pairs(path: list[Step]) -> list[tuple[int, int, int, int]]:
    """Spans of the beads with both sides."""
    return [(s0, s1, t0, t1) for s0, s1, t0, t1, _ in path if s1 > s0 and t1 > t0]


def refined_model(
    S: SideFeatures, T: SideFeatures, path: list[Step], ratio: float, params: AlignParams
) -> LengthModel | None:
    """Length model re-estimated from a pass's beads (None: too few 1-1 beads to trust).

    Ratio: characters over all beads with both sides; variance: robust estimate over the 1-1
    beads (:func:`xling.align.lengths.estimate_variance`), within the floor and ceiling.
    """
    pairs = _pairs(path)
    one = [(s0, t0) for s0, s1, t0, t1 in pairs if s1 - s0 == 1 and t1 - t0 == 1]
    if len(one) < params.refine_min_one_to_one:
        return None
    ls = sum(float(S.lengths[s0:s1].sum()) for s0, s1, _, _ in pairs)
    lt = sum(float(T.lengths[t0:t1].sum()) for _, _, t0, t1 in pairs)
    ratio = float(np.clip(lt / ls, *params.ratio_range)) if ls > 0 and lt > 0 else ratio
    l1 = S.lengths[[s for s, _ in one]]
    l2 = T.lengths[[t for _, t in one]]
    variance = estimate_variance(l1, l2, ratio, floor=params.variance_floor, ceiling=params.variance_ceiling)
    return LengthModel(ratio=ratio, variance=variance)
