"""Gale & Church (1993) length model on character lengths.

Gale, W. A. & Church, K. W. (1993). *A program for aligning sentences in bilingual corpora.*
Computational Linguistics 19(1): 75-102.

Each source character is assumed to produce a random number of target characters, with mean
``c`` and variance ``s2`` per source character. For a bead whose source side has ``l1``
characters and target side ``l2``, ``z = (l2 - c*l1) / sqrt(s2 * m)`` with ``m = (l1 + l2/c)/2``
(the symmetric form NLTK also uses, so that ``l1 = 0`` is defined). The bead's length cost is
``-log(2 * (1 - Phi(|z|)))`` (nats), the two-sided tail probability of a standard normal.
Unlike the paper (c = 1, s2 = 6.8 for en-de/fr), :func:`estimate_ratio` and
:func:`estimate_variance` estimate both from the documents themselves, so the same model serves
fa-en, fa-ar, fa-ru and de-fr.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from xling.text.keys import HARAKAT, TATWEEL

#: Gale & Church's (1993) variance of target characters per source character (en-de/fr).
GC_VARIANCE = 6.8
#: Median of a chi-square with one degree of freedom: turns a median of squared z-scores into a variance.
CHI2_1_MEDIAN = 0.455
#: Fewer aligned 1-1 beads than this and a variance estimate is noise: :data:`GC_VARIANCE` is used.
MIN_BEADS_FOR_VARIANCE = 5

_SKIP = re.compile(rf"[\s\u200c\u200d{TATWEEL}{HARAKAT}]")  # spaces, ZWNJ/ZWJ, tatweel, harakat


def char_length(text: str) -> int:
    """Length of a sentence for the length model, in characters.

    Counts every character except whitespace, ZWNJ/ZWJ, tatweel and Arabic harakat, so that
    optional Persian spacing and vowel marks do not change the length. Returns int >= 0.
    """
    return len(_SKIP.sub("", unicodedata.normalize("NFC", text)))


@dataclass(frozen=True)
class LengthModel:
    """Gale-Church parameters for one language pair and document.

    Attributes:
        ratio: expected target characters per source character (c, float > 0).
        variance: variance of target characters per source character (s2, float > 0).
    """

    ratio: float = 1.0
    variance: float = GC_VARIANCE

    def cost(self, l1: np.ndarray | float, l2: np.ndarray | float) -> np.ndarray:
        """Length cost ``-log P(|Z| >= |z|)`` in nats for source/target lengths (characters).

        ``l1`` and ``l2`` broadcast against each other (numpy arrays of float, any shape);
        returns a float64 array of that shape, >= 0. Two empty sides cost 0.
        """
        from scipy.special import log_ndtr

        l1 = np.asarray(l1, dtype=np.float64)
        l2 = np.asarray(l2, dtype=np.float64)
        c = self.ratio
        mean = (l1 + l2 / c) / 2.0
        z = np.abs(l2 - c * l1) / np.sqrt(self.variance * np.maximum(mean, 1e-9))
        return -(np.log(2.0) + log_ndtr(-z))


def estimate_ratio(src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> float:
    """Target/source character ratio of a document pair (float; 1.0 when a side is empty)."""
    s = float(np.sum(src_lengths))
    t = float(np.sum(tgt_lengths))
    if s <= 0 or t <= 0:
        return 1.0
    return t / s


def median_ratio(src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> float:
    """Target/source ratio of the median sentence lengths (characters; 1.0 when a side is empty
    or its median is 0): robust to a few sentences without a counterpart on the other side."""
    if not len(src_lengths) or not len(tgt_lengths):
        return 1.0
    s = float(np.median(src_lengths))
    t = float(np.median(tgt_lengths))
    return t / s if s > 0 and t > 0 else 1.0


def estimate_variance(
    l1: np.ndarray, l2: np.ndarray, ratio: float, *, floor: float = 1.0, ceiling: float = 60.0
) -> float:
    """Robust estimate of the Gale-Church variance ``s2`` from aligned 1-1 beads.

    Uses the median of ``((l2 - c*l1)^2 / m)`` divided by :data:`CHI2_1_MEDIAN`, so a few wrong
    beads do not inflate it. ``l1``/``l2``: lengths
    in characters of the source/target side of each bead (1-D arrays, same length). Returns a
    float clipped to ``[floor, ceiling]``; :data:`GC_VARIANCE` (the paper's value) when fewer than
    :data:`MIN_BEADS_FOR_VARIANCE` beads.
    """
    l1 = np.asarray(l1, dtype=np.float64)
    l2 = np.asarray(l2, dtype=np.float64)
    keep = (l1 > 0) & (l2 > 0)
    if keep.sum() < MIN_BEADS_FOR_VARIANCE:
        return GC_VARIANCE
    l1, l2 = l1[keep], l2[keep]
    m = (l1 + l2 / ratio) / 2.0
    q = (l2 - ratio * l1) ** 2 / m
    return float(np.clip(np.median(q) / CHI2_1_MEDIAN, floor, ceiling))
