"""Beads: the units of a sentence alignment, and their text format.

A *bead* maps a run of source sentence ids to a run of target sentence ids (either side may be
empty: a 1-0 deletion or a 0-1 insertion). The text format is the one used by Vecalign
(Thompson & Koehn 2019) and Bertalign (Liu & Zhu 2022), one bead a line, 0-based ids::

    [0]:[0, 1]
    [1, 2]:[2]
    []:[3]

:func:`format_bead` writes ``[0]:[0,1]`` (no spaces, as ``xling align --format beads``);
:func:`parse_bead` and :func:`read_beads` accept both spellings, and Vecalign's scored lines
``[0]:[0, 1]:0.157`` (the third field, the bead's cost, is kept in :attr:`Bead.cost`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from xling.errors import AlignmentError

_BEAD_RE = re.compile(
    r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]\s*(?::\s*([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?))?\s*$"
)


@dataclass(frozen=True)
class Bead:
    """One bead of a sentence alignment.

    Attributes:
        src: source sentence ids (tuple of int, 0-based, ascending; empty for a 0-1 bead).
        tgt: target sentence ids (tuple of int, 0-based, ascending; empty for a 1-0 bead).
        cost: the aligner's cost for this bead (float, lower is better; 0.0 when read from a file).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    cost: float = 0.0

    @property
    def kind(self) -> tuple[int, int]:
        """The bead type as ``(len(src), len(tgt))``, e.g. ``(1, 2)`` for a 1-2 bead."""
        return (len(self.src), len(self.tgt))

    def key(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``(src, tgt)`` without the cost: what evaluation compares."""
        return (self.src, self.tgt)


def format_bead(bead: Bead) -> str:
    """Format a bead as ``[0]:[0,1]`` (empty side ``[]``)."""
    return "[" + ",".join(map(str, bead.src)) + "]:[" + ",".join(map(str, bead.tgt)) + "]"


def parse_bead(line: str, *, name: str = "<beads>", lineno: int = 0) -> Bead:
    """Parse one bead line (``[4, 7]:[4, 5]``, ``[4,7]:[4,5]`` or Vecalign's ``[4, 7]:[4, 5]:0.157``).

    Returns a :class:`Bead` whose ``cost`` is the third field when there is one, else 0.0.

    Raises:
        AlignmentError: the line is not a bead; the message names ``name`` and ``lineno``.
    """
    m = _BEAD_RE.match(line)
    if not m:
        raise AlignmentError(
            f"{name}:{lineno}: not a bead: {line.strip()[:60]!r}; expected '[0]:[0,1]' (0-based ids, empty side '[]')"
        )
    src = tuple(int(x) for x in m.group(1).replace(",", " ").split())
    tgt = tuple(int(x) for x in m.group(2).replace(",", " ").split())
    return Bead(src, tgt, float(m.group(3)) if m.group(3) else 0.0)


def read_beads(path: str | os.PathLike[str], *, n_src: int | None = None, n_tgt: int | None = None) -> list[Bead]:
    """Read a bead file (one bead a line; blank lines skipped) into a list of :class:`Bead`.

    Args:
        path: the bead file.
        n_src, n_tgt: when given, the number of source / target sentences the beads describe;
            an id outside ``0..n-1`` is an error naming the file and line (a gold file for
            another document or another target would otherwise be scored silently).

    Raises:
        InputError / EncodingError: the file cannot be read (from :func:`xling.io.read_text`).
        AlignmentError: a line is not a bead, or an id is out of range.
    """
    from xling.io import read_text

    text = read_text(path)
    beads = []
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            bead = parse_bead(line, name=str(path), lineno=n)
            for ids, size, side in ((bead.src, n_src, "source"), (bead.tgt, n_tgt, "target")):
                if size is not None and ids and max(ids) >= size:
                    raise AlignmentError(
                        f"{path}:{n}: {side} id {max(ids)} is out of range: there are {size} {side} sentences "
                        f"(ids 0-{size - 1}); is this the gold file for these documents, in TARGET order?"
                    )
            beads.append(bead)
    return beads


def check_beads(beads: list[Bead], n_src: int, n_tgt: int) -> None:
    """Check that beads cover ``0..n_src-1`` and ``0..n_tgt-1`` exactly once, in order.

    Raises:
        AlignmentError: a sentence is missing, repeated or out of order.
    """
    s = [i for b in beads for i in b.src]
    t = [j for b in beads for j in b.tgt]
    if s != list(range(n_src)) or t != list(range(n_tgt)):
        raise AlignmentError(f"beads do not cover the {n_src} source and {n_tgt} target sentences once each, in order")


def links_to_beads(links, n_src: int, n_tgt: int) -> list[Bead]:
    """Beads from sentence links ``(i, j)`` (as NLTK's ``align_blocks`` returns), in order.

    Consecutive links that share a source or target sentence form one bead; sentences that no
    link touches become 1-0 / 0-1 beads at their place.
    """
    groups: list[tuple[list[int], list[int]]] = []
    for i, j in sorted(links):
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            if i not in groups[-1][0]:
                groups[-1][0].append(i)
            if j not in groups[-1][1]:
                groups[-1][1].append(j)
        else:
            groups.append(([i], [j]))
    seen_s = {i for g in groups for i in g[0]}
    seen_t = {j for g in groups for j in g[1]}
    beads = [Bead(tuple(s), tuple(t)) for s, t in groups]
    beads += [Bead((i,), ()) for i in range(n_src) if i not in seen_s]
    beads += [Bead((), (j,)) for j in range(n_tgt) if j not in seen_t]
    return beads
