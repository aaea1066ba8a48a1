"""Pairing hypothesis segments with reference or source segments.

Without alignment the pairing is line by line, and the line counts must agree. With alignment,
xling's sentence aligner (:func:`xling.align.search.align_sentences`, Gale & Church 1993 plus
anchors, see :mod:`xling.align`) maps the other side (source or reference) to the hypothesis in *beads*;
the sentences of a bead are joined with one space, so a reference that merges two sentences
is scored against the two hypothesis sentences together.
"""

from __future__ import annotations

from dataclasses import dataclass

from xling.errors import ScoreError


@dataclass(frozen=True)
class Pair:
    """One scored or checked unit: hypothesis segments paired with other-side segments.

    Attributes:
        hyp: hypothesis segment ids (0-based; empty for a bead with no hypothesis).
        other: reference or source segment ids (0-based; empty for a bead with no counterpart).
        hyp_text: the hypothesis segments joined with one space.
        other_text: the other-side segments joined with one space.
    """

    hyp: tuple[int, ...]
    other: tuple[int, ...]
    hyp_text: str
    other_text: str


def _align_sentences(src, tgt, *, src_lang, tgt_lang, glossary=None):
    """Call :func:`xling.align.search.align_sentences` (a seam tests may replace)."""
    from xling.align.search import align_sentences

    return align_sentences(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)


def pair_segments(
    hypotheses: list[str],
    others: list[str],
    *,
    align: bool,
    hyp_lang: str,
    other_lang: str,
    hyp_name: str = "hypothesis",
    other_name: str = "reference",
    glossary=None,
) -> list[Pair]:
    """Pair ``hypotheses`` with ``others`` (a reference or the source).

    Args:
        hypotheses: hypothesis segments, one per line.
        others: reference or source segments, one per line.
        align: align with :func:`xling.align.search.align_sentences` (``others`` is its ``src``
            side, ``hypotheses`` its ``tgt`` side) instead of pairing line by line.
        hyp_lang, other_lang: language codes passed to the aligner.
        hyp_name, other_name: names used in error messages (file names in the CLI).
        glossary: optional termbase passed to the aligner as anchors.

    Returns:
        Pairs in document order. Line by line: one pair per line. Aligned: one pair per bead,
        including 1-0 and 0-1 beads (their missing side is the empty string).

    Raises:
        ScoreError: line counts differ and ``align`` is false (the message suggests ``--align``).
    """
    if not align:
        if len(hypotheses) != len(others):
            raise ScoreError(
                f"{hyp_name} has {len(hypotheses)} lines but {other_name} has {len(others)}; "
                f"rerun with --align to align them sentence by sentence"
            )
        return [Pair((i,), (i,), h, o) for i, (h, o) in enumerate(zip(hypotheses, others))]
    beads = _align_sentences(list(others), list(hypotheses), src_lang=other_lang, tgt_lang=hyp_lang, glossary=glossary)
    pairs = []
    for bead in beads:
        hyp_ids, other_ids = tuple(bead.tgt), tuple(bead.src)
        pairs.append(
            Pair(hyp_ids, other_ids, " ".join(hypotheses[i] for i in hyp_ids), " ".join(others[i] for i in other_ids))
        )
    return pairs
