"""The aligner's global parameters: every constant of the bead cost and the search, with its reason.

The same values serve every language pair and document (fa-en/ru/ar included). They were set
on the Text+Berg de-fr development documents; ``bench/align_textberg.py`` reports them
leave-one-document-out (see the README's alignment section).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xling.align.lengths import GC_VARIANCE

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

    Bead cost (nats; see :mod:`xling.align.costs`):
        priors: bead type ``(n_src, n_tgt)`` → prior probability; its keys are the bead types
            searched. Gale & Church (1993) Table 5.
        skip_cost: nats for a 1-0 or 0-1 bead of a ``skip_ref_chars``-character sentence (None:
            prior + length cost, as Gale & Church). A flat deletion penalty as Vecalign's.
        skip_len_weight: the 1-0/0-1 cost is ``skip_cost + skip_len_weight * (log(1+len) -
            log(1+skip_ref_chars))``: deleting OCR debris, a lone ``!`` or a caption fragment is
            cheap, deleting a long sentence dear; a log keeps long captions deletable.
        skip_ref_chars: the sentence length (characters) at which a deletion costs exactly
            ``skip_cost``: about a typical Text+Berg sentence.
        anchor_weight: nats of reward for a bead whose anchors match perfectly (Dice = 1).
        anchor_smoothing: added to the Dice denominator (anchor weight units) so that one shared
            frequent word is weak evidence.
        punct_weight: nats of penalty per punctuation mark present on one side only.
        mt_weight: nats of reward for chrF = 100 between MT(source span) and target span
            (Bleualign-style, off unless a ``translate`` function is given).
        weak_boundary_bonus: nats taken off a merge bead (1-2, 2-1, 1-3, 3-1) per weak boundary
            (:data:`xling.align.anchors.WEAK_BOUNDARY`, a semicolon) inside its merged side:
            translators join clauses split at ``;`` several times more often than sentences
            split at ``.``. Not applied to 2-2 beads (weak boundaries facing each other say nothing).
        noise_skip_discount: nats taken off a 1-0/0-1 bead of a caption or note line
            (:func:`xling.align.anchors.noise_lines`): half the deletion cost, so that such a line
            stands alone unless real evidence ties it to a sentence of the other side. No line of
            Text+Berg's clean development documents is marked; checked on the fa-en robustness
            set (``tests/data/align/robust``) and, by leave-one-out, on the noisy copies
            (``bench/align_noisy.py``; the folds choose 3 or 4, each scored with its own choice).
        noise_merge_penalty: nats added per noise line (caption, note, page header) inside a
            bead with both sides, except a noise line facing another in a 1-1 bead
            (:func:`xling.align.costs.noise_inside`): a short header costs little length, so
            without it the DP swallows headers into 2-1 beads.

    Length model (Gale & Church 1993, :mod:`xling.align.lengths`):
        first_pass_variance: variance per target character of the first pass, times the ratio
            when it exceeds 1 (the paper's 6.8 for en-de/fr, scaled with the longer side).
        count_ratio_range: when the sentence-count ratio ``M/N`` falls outside this range, many
            sentences have no counterpart and the total-length ratio mixes translation with
            deletions; the ratio of mean sentence lengths is used instead.
        ratio_range: plausible target/source characters per character for any language pair;
            estimates are clipped into it.
        median_ratio_below: a document pair whose sentence counts differ and whose shorter
            side has fewer sentences than this takes the ratio of median sentence lengths in
            the first pass: there one unmatched sentence is a large share of the total length
            (a sentence MT dropped from 5: 1.3 read as 0.79). Longer documents keep the total
            ratio, the better estimate there: Text+Berg's many short caption lines pull the
            median (0.70 against 1.00 on document 001; 40 is where the lexicon starts, too).
        variance_floor: lower bound of the variance re-estimated from the first pass. The median
            over the clean 1-1 beads of a short document can be 1-2, which makes a 30 % length
            difference cost more than all lexical evidence; real ratios are heavy-tailed.
        variance_ceiling: upper bound of that estimate (a document of mostly wrong beads must
            not switch the length model off).

    Passes:
        refine: further passes, each with the length ratio and variance re-estimated from the
            previous pass (0: one pass only).
        refine_min_one_to_one: fewer 1-1 beads than this in a pass and the re-estimate would be
            noise: stop refining.
        lexicon: in those passes, add anchors for word pairs learnt from the previous beads
            (:func:`xling.align.anchors.learn_lexicon`, after Moore 2002).
        lexicon_min_pairs, lexicon_min_dice: thresholds of that lexicon (co-occurrence count,
            Dice over beads).
        lexicon_min_beads: learn that lexicon only from at least this many beads with both
            sides. Words in more than 5 % of the sentences are left out of it, so below about 40
            beads only words seen exactly twice are left, and any two such words that share
            their two beads get Dice 1: chance pairs (on the 16-sentence fa-en article they
            moved correct beads).

    Search (Vecalign-style coarse-to-fine, :mod:`xling.align.dp`):
        coarse_factor: sentences per block at each coarse level.
        band: half-width of the search band around the projected coarse path, in sentences.
        guided_band_min: half-width (sentences) of the band around a previous pass's path
            (``max(guided_band_min, band // 2)``): that path is already at sentence level.
        full_cells: documents with ``(N+1)*(M+1)`` at most this are searched without a band.
        chunk_cells: DP cells whose bead costs are built at once (bounds the memory of the
            numpy cost arrays, about 100 bytes a cell).
    """

    priors: dict[tuple[int, int], float] = field(default_factory=lambda: dict(DEFAULT_PRIORS))
    skip_cost: float | None = 6.0
    skip_len_weight: float = 1.0
    skip_ref_chars: float = 80.0
    anchor_weight: float = 10.0
    anchor_smoothing: float = 0.5
    punct_weight: float = 1.0
    mt_weight: float = 4.0
    weak_boundary_bonus: float = 1.0
    first_pass_variance: float = GC_VARIANCE
    count_ratio_range: tuple[float, float] = (0.5, 2.0)
    ratio_range: tuple[float, float] = (0.25, 4.0)
    median_ratio_below: int = 40
    variance_floor: float = 3.0
    variance_ceiling: float = 60.0
    refine: int = 1
    refine_min_one_to_one: int = 5
    lexicon: bool = True
    lexicon_min_pairs: int = 2
    lexicon_min_dice: float = 0.7
    coarse_factor: int = 8
    band: int = 24
    guided_band_min: int = 4
    full_cells: int = 250_000
    chunk_cells: int = 1 << 18
    lexicon_min_beads: int = 40
    noise_skip_discount: float = 3.0
    noise_merge_penalty: float = 3.0
