"""Pairing hypothesis segments with reference or source segments.

A blank line (empty or only spaces) is a paragraph separator, not a segment (``xling translate``
writes one between paragraphs). Segment ids count segments only, so the ids of a file written
by ``xling translate`` are its ``.jsonl`` ids; every pair also keeps the 1-based *file* lines
its segments came from, which is what a reader looks up.

Three ways, tried in order:

1. **Line by line**, when both files have the same number of lines (blank lines included, as
   ``xling translate`` output and the source ``xling segment`` split): line i pairs with line i;
   a line pair blank on both sides is left out, and a blank line against a non-blank one stays
   (an empty translation). Segment id = the pair's number.
2. **Segment by segment**, when the files differ only in their blank lines: the non-blank lines
   are paired in order.
3. **Aligned** otherwise, or when asked (``--align``): xling's sentence aligner
   (:func:`xling.align.search.align_sentences`: Gale & Church 1993 plus anchors, see
   :mod:`xling.align`) maps the other side (source or reference) to the hypothesis in *beads*;
   the sentences of a bead are joined with one space, so a reference that merges two sentences
   is scored against the two hypothesis sentences together. When the files were not meant to
   be aligned (no ``--align``), :attr:`Pairing.note` says that the aligner paired them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary


@dataclass(frozen=True)
class Pair:
    """One scored or checked unit: hypothesis segments paired with other-side segments.

    Attributes:
        hyp: hypothesis segment ids (0-based; empty for a bead with no hypothesis).
        other: reference or source segment ids (0-based; empty for a bead with no counterpart).
        hyp_text: the hypothesis segments joined with one space.
        other_text: the other-side segments joined with one space.
        hyp_lines, other_lines: the 1-based file lines of those segments.
        other_texts: the other-side segments one by one (for checks that look inside a bead).
    """

    hyp: tuple[int, ...]
    other: tuple[int, ...]
    hyp_text: str
    other_text: str
    hyp_lines: tuple[int, ...] = ()
    other_lines: tuple[int, ...] = ()
    other_texts: tuple[str, ...] = ()


@dataclass
class Pairing:
    """The result of :func:`pairing`.

    Attributes:
        pairs: the pairs in document order.
        aligned: True when the sentence aligner made them.
        note: one line for people when the aligner was used without being asked, else ``None``.
    """

    pairs: list[Pair] = field(default_factory=list)
    aligned: bool = False
    note: str | None = None


def _align_sentences(
    src: list[str], tgt: list[str], *, src_lang: str, tgt_lang: str, glossary: Glossary | None = None
) -> list:
    """Call :func:`xling.align.search.align_sentences` (a seam tests may replace)."""
    from xling.align.search import align_sentences

    return align_sentences(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)


def segments_of(lines: list[str]) -> tuple[list[str], list[int]]:
    """The segments of a file's ``lines``: ``(texts, 1-based line numbers)``, blank lines left out."""
    kept = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    return [t for _, t in kept], [n for n, _ in kept]


def _pair(h: list[str], hl: list[int], o: list[str], ol: list[int], hyp_ids: list[int], other_ids: list[int]) -> Pair:
    return Pair(
        tuple(hyp_ids),
        tuple(other_ids),
        " ".join(h[i] for i in hyp_ids),
        " ".join(o[i] for i in other_ids),
        tuple(hl[i] for i in hyp_ids),
        tuple(ol[i] for i in other_ids),
        tuple(o[i] for i in other_ids),
    )


def pairing(
    hypotheses: list[str],
    others: list[str],
    *,
    align: bool,
    hyp_lang: str,
    other_lang: str,
    hyp_name: str = "hypothesis",
    other_name: str = "reference",
    glossary: Glossary | None = None,
    hyp_lines: list[int] | None = None,
) -> Pairing:
    """Pair ``hypotheses`` with ``others`` (a reference or the source), as in the module docstring.

    Args:
        hypotheses: hypothesis lines (blank lines are paragraph separators).
        others: reference or source lines.
        align: always use the sentence aligner (``--align``).
        hyp_lang, other_lang: language codes passed to the aligner.
        hyp_name, other_name: names used in the note (file names in the CLI).
        glossary: optional termbase passed to the aligner as anchors.
        hyp_lines: the 1-based lines of ``hypotheses`` when they are not lines 1..n of a file
            (segments read from a ``.jsonl``); default 1..n.

    Returns:
        A :class:`Pairing`. Aligned: one pair per bead, including 1-0 and 0-1 beads (their
        missing side is the empty string).
    """
    lines_h = hyp_lines or list(range(1, len(hypotheses) + 1))
    if not align and len(hypotheses) == len(others):
        kept = [i for i, (h, o) in enumerate(zip(hypotheses, others)) if h.strip() or o.strip()]
        pairs = [
            Pair((k,), (k,), hypotheses[i], others[i], (lines_h[i],), (i + 1,), (others[i],))
            for k, i in enumerate(kept)
        ]
        return Pairing(pairs)
    h, hl = segments_of(hypotheses)
    hl = [lines_h[n - 1] for n in hl]
    o, ol = segments_of(others)
    if not align and len(h) == len(o):
        return Pairing([_pair(h, hl, o, ol, [i], [i]) for i in range(len(h))])
    beads = _align_sentences(o, h, src_lang=other_lang, tgt_lang=hyp_lang, glossary=glossary)
    pairs = [_pair(h, hl, o, ol, list(b.tgt), list(b.src)) for b in beads]
    note = None
    if not align:
        note = (
            f"{hyp_name} has {len(h)} segments and {other_name} has {len(o)}: "
            "pairing them with the sentence aligner (as --align)"
        )
    return Pairing(pairs, aligned=True, note=note)


def pair_segments(
    hypotheses: list[str],
    others: list[str],
    *,
    align: bool,
    hyp_lang: str,
    other_lang: str,
    hyp_name: str = "hypothesis",
    other_name: str = "reference",
    glossary: Glossary | None = None,
) -> list[Pair]:
    """The pairs of :func:`pairing` (same arguments), without its note."""
    return pairing(
        hypotheses,
        others,
        align=align,
        hyp_lang=hyp_lang,
        other_lang=other_lang,
        hyp_name=hyp_name,
        other_name=other_name,
        glossary=glossary,
    ).pairs
