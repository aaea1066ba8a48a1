"""Multi-target alignment: one source, several translations, multi-parallel translation units.

Each target is aligned with the source on its own (:func:`xling.align.search.align_sentences`).
The pairwise alignments are then merged on the source side:

- every pairwise alignment cuts the source into spans (the source sides of its beads);
- a multi-parallel unit is a span between two cuts that **every** pairwise alignment makes, i.e.
  the smallest source span that is a union of whole beads in each pair. Where the pairs agree
  (e.g. all 1-1), a unit is one source sentence; where they disagree (the Russian merges source
  8+9 while the English keeps them apart), the unit grows to the smallest common span
  (source 8-9 with English 9-10 and Russian 8), so every unit stays a consistent translation;
- a 0-1 bead (a target sentence with no source) joins the unit before it (the first unit when it
  comes first); a 1-0 bead leaves that language's side of the unit empty;
- ``agreed`` on a unit is True when the unit is exactly one bead in every pair.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from xling.align.beads import Bead

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary


@dataclass
class MultiUnit:
    """One multi-parallel translation unit.

    Attributes:
        src: source sentence ids (tuple of int, ascending; may be empty only when the source is empty).
        tgt: target language code → target sentence ids (tuple of int, ascending; possibly empty).
        agreed: True when this unit is exactly one bead in every pairwise alignment.
        cost: sum of the costs of the pairwise beads inside the unit (nats).
    """

    src: tuple[int, ...]
    tgt: dict[str, tuple[int, ...]] = field(default_factory=dict)
    agreed: bool = True
    cost: float = 0.0


def merge_alignments(pairwise: dict[str, list[Bead]], n_src: int) -> list[MultiUnit]:
    """Merge pairwise alignments (language → beads against the same source) into units.

    Args:
        pairwise: target language code → beads (each covering ``0..n_src-1`` on the source side).
        n_src: number of source sentences.

    Returns:
        list of :class:`MultiUnit` in source order (see the module docstring for the rules).
    """
    langs = list(pairwise)
    if n_src == 0:
        return (
            [
                MultiUnit(
                    (),
                    {lang: tuple(j for b in pairwise[lang] for j in b.tgt) for lang in langs},
                    agreed=all(len(pairwise[lang]) <= 1 for lang in langs),
                )
            ]
            if any(pairwise.values())
            else []
        )
    cuts = set(range(n_src + 1))
    for beads in pairwise.values():
        own = {0, n_src}
        for b in beads:
            if b.src:
                own.add(b.src[0])
                own.add(b.src[-1] + 1)
        cuts &= own
    starts = sorted(cuts - {n_src})
    units = [MultiUnit(tuple(range(s, e)), {lang: () for lang in langs}) for s, e in zip(starts, starts[1:] + [n_src])]
    beads_in = [[0] * len(langs) for _ in units]
    for k, lang in enumerate(langs):
        pos = 0  # next source id
        for b in pairwise[lang]:
            if b.src:
                u = bisect.bisect_right(starts, b.src[0]) - 1
                pos = b.src[-1] + 1
            else:
                u = max(bisect.bisect_right(starts, pos - 1) - 1, 0)
            unit = units[u]
            unit.tgt[lang] = tuple(sorted(unit.tgt[lang] + b.tgt))
            unit.cost += b.cost
            beads_in[u][k] += 1 if b.src else 0
    for unit, counts in zip(units, beads_in):
        unit.agreed = all(c == 1 for c in counts) and len(unit.src) > 0
    return units


def align_multi(
    src: Sequence[str],
    targets: Mapping[str, Sequence[str]],
    *,
    src_lang: str,
    glossary: Glossary | None = None,
    translators: Mapping[str, Callable[..., list[str]]] | None = None,
) -> tuple[list[MultiUnit], dict[str, list[Bead]]]:
    """Align ``src`` with each target and merge into multi-parallel units.

    Args:
        src: source sentences. targets: language code → target sentences.
        src_lang: source language code. glossary: optional termbase (anchors).
        translators: optional language → MT function for the Bleualign-style mode.

    Returns:
        ``(units, pairwise)``: the merged :class:`MultiUnit` list and the pairwise beads.
    """
    from xling.align.search import align_sentences

    translators = translators or {}
    pairwise = {
        lang: align_sentences(
            src, tgt, src_lang=src_lang, tgt_lang=lang, glossary=glossary, translate=translators.get(lang)
        )
        for lang, tgt in targets.items()
    }
    return merge_alignments(pairwise, len(src)), pairwise
