"""The alignment DP as separate steps, as in Vecalign (Thompson & Koehn 2019): band, costs,
recurrence, traceback, and the coarse-to-fine search around them.

Cells: row ``i`` (source sentences consumed, ``0..N``) and column ``j`` (target sentences
consumed) inside a band ``lo[i] <= j <= hi[i]`` (:class:`Band`), stored flat row after row.

1. :func:`chunk_bead_costs`: for a run of rows, the cost of every bead type ending in each cell
   and the cell it starts from (:class:`xling.align.costs.BeadScorer` adds the cost terms).
2. :func:`recurrence`: ``D[i, j] = min over bead types (a, b) of D[i-a, j-b] + cost``; 0-1
   beads, which depend on the same row, by a prefix minimum. Stores a back-pointer per cell.
3. :func:`traceback`: the best path from ``(N, M)`` back to ``(0, 0)``.

:func:`search` runs the DP at a coarse resolution first (blocks of ``coarse_factor`` sentences,
recursively), projects the coarse path to sentences and re-runs the DP in a band around it,
doubling the band while the best path touches its edge. Time and memory are linear in the
document length; documents of at most ``full_cells`` cells are searched exhaustively.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from xling.align.anchors import SideFeatures
from xling.align.costs import BeadScorer, BeadType, SidePrefix, Spans, anchor_band, mt_band, prior_costs
from xling.align.lengths import LengthModel
from xling.align.params import AlignParams
from xling.errors import AlignmentError

#: One bead of a path: ``(src_start, src_end, tgt_start, tgt_end, cost)`` (ends exclusive, nats).
Step = tuple[int, int, int, int, float]


class Band:
    """The DP's cells: row ``i`` holds columns ``lo[i]..hi[i]`` (int64 arrays ``(N+1,)``), flat."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray):
        self.lo = lo
        self.hi = hi
        self.width = (hi - lo + 1).astype(np.int64)
        self.offset = np.concatenate([[0], np.cumsum(self.width)]).astype(np.int64)

    @property
    def n_cells(self) -> int:
        """Number of cells in the band."""
        return int(self.offset[-1])

    def index(self, i: int, j: int) -> int:
        """Flat index of cell ``(i, j)``."""
        return int(self.offset[i] + j - self.lo[i])

    def cells(self, r0: int, r1: int) -> tuple[np.ndarray, np.ndarray]:
        """Row and column (int64 arrays) of every cell of rows ``r0..r1-1``, in flat order."""
        rows = np.repeat(np.arange(r0, r1), self.width[r0:r1])
        cols = np.arange(self.offset[r0], self.offset[r1]) - np.repeat(
            self.offset[r0:r1] - self.lo[r0:r1], self.width[r0:r1]
        )
        return rows, cols

    def on_inner_edge(self, i: int, j: int, n_tgt: int) -> bool:
        """True when ``(i, j)`` lies on an edge of the band that is not an edge of the matrix."""
        return bool((j == self.lo[i] and self.lo[i] > 0) or (j == self.hi[i] and self.hi[i] < n_tgt))


def pair_rows(band: Band, max_src: int, max_tgt: int, n_tgt: int) -> tuple[np.ndarray, np.ndarray]:
    """Target range ``[lo, hi)`` each source sentence ``r`` can meet in a bead ending in rows ``r+1..r+max_src``."""
    n = len(band.lo) - 1
    r = np.arange(n)
    plo = np.clip(band.lo[r + 1] - max_tgt, 0, n_tgt)
    phi = np.clip(band.hi[np.minimum(r + max_src, n)], 0, n_tgt)
    return plo, np.maximum(phi, plo)


def chunk_bead_costs(
    scorer: BeadScorer, band: Band, types: list[BeadType], priors: dict[BeadType, float], r0: int, r1: int
) -> tuple[np.ndarray, np.ndarray]:
    """Cost of each bead type ending in each cell of rows ``r0..r1-1``, and the cell it starts from.

    Returns ``(costs, prev)``: float64 and int64 arrays ``(len(types), cells)``; ``prev`` is the
    flat index of the start cell (0, with cost inf, when the start lies outside the band).
    """
    rows, cols = band.cells(r0, r1)
    costs = np.empty((len(types), len(rows)))
    prev = np.zeros((len(types), len(rows)), dtype=np.int64)
    for code, kind in enumerate(types):
        spans = Spans.ending_at(kind, rows, cols)
        cost = scorer.cost(spans, priors[kind])
        start_col = (cols - kind[1]) - band.lo[spans.src_start]
        bad = spans.outside | (start_col < 0) | (start_col >= band.width[spans.src_start])
        cost[bad] = np.inf
        costs[code] = cost
        prev[code] = np.where(bad, 0, band.offset[spans.src_start] + start_col)
    return costs, prev


def _row_chunks(band: Band, chunk_cells: int) -> list[tuple[int, int]]:
    """Runs of rows ``[r0, r1)`` of about ``chunk_cells`` cells each (at least one row)."""
    n = len(band.lo) - 1
    out = []
    r0 = 0
    while r0 <= n:
        r1 = r0 + 1
        while r1 <= n and band.offset[r1 + 1] - band.offset[r0] <= chunk_cells:
            r1 += 1
        out.append((r0, r1))
        r0 = r1
    return out


def _insertions(row: np.ndarray, arg: np.ndarray, cols: np.ndarray, insert_cost: np.ndarray, code: int) -> np.ndarray:
    """Relax a row with 0-1 beads: ``D[j] = min_{j' <= j} row[j'] + sum of insert_cost[j'..j-1]``.

    A prefix minimum over ``row - C`` with ``C`` the running insertion cost; updates ``arg``
    (back-pointer codes) in place where an insertion wins.
    """
    step = np.zeros(len(cols))
    step[1:] = insert_cost[cols[1:] - 1]
    running = np.cumsum(step)
    shifted = row - running
    best = np.minimum.accumulate(shifted)
    arg[best < shifted] = code
    return best + running


def recurrence(
    scorer: BeadScorer, band: Band, types: list[BeadType], priors: dict[BeadType, float], chunk_cells: int
) -> tuple[np.ndarray, np.ndarray]:
    """Fill the DP: best cost to reach each cell, and the code of the bead that reached it.

    ``types`` are the bead types with a source side (codes ``0..len(types)-1``); a 0-1 bead, when
    ``priors`` has one, is code ``len(types)``. Returns ``(D, back)``: float64 and int8 arrays
    over the band's flat cells (``back`` is -1 where a cell cannot be reached).
    """
    D = np.full(band.n_cells, np.inf)
    back = np.full(band.n_cells, -1, dtype=np.int8)
    insert_cost = scorer.insertion_costs(priors[(0, 1)]) if (0, 1) in priors else None
    for r0, r1 in _row_chunks(band, chunk_cells):
        costs, prevs = chunk_bead_costs(scorer, band, types, priors, r0, r1)
        for i in range(r0, r1):
            cols = np.arange(band.lo[i], band.hi[i] + 1)
            here = slice(band.offset[i] - band.offset[r0], band.offset[i + 1] - band.offset[r0])
            if i == 0:
                row = np.full(len(cols), np.inf)
                arg = np.full(len(cols), -1, dtype=np.int8)
                if band.lo[0] == 0:
                    row[0] = 0.0
            else:
                cand = D[prevs[:, here]] + costs[:, here]
                arg = np.argmin(cand, axis=0).astype(np.int8)
                row = cand[arg, np.arange(len(cols))]
                arg[~np.isfinite(row)] = -1
            if insert_cost is not None and len(cols) > 1:
                row = _insertions(row, arg, cols, insert_cost, len(types))
            D[band.offset[i] : band.offset[i + 1]] = row
            back[band.offset[i] : band.offset[i + 1]] = arg
    return D, back


def traceback(D: np.ndarray, back: np.ndarray, band: Band, codes: list[BeadType]) -> tuple[list[Step], bool]:
    """Follow back-pointers from ``(N, M)`` to ``(0, 0)``.

    Returns ``(path, touched)``: the beads from start to end, each with its cost (the difference
    of ``D`` over the bead), and whether the path runs along an inner edge of the band.

    Raises:
        AlignmentError: no path inside the band, or a broken back-pointer (internal errors).
    """
    n, m = len(band.lo) - 1, int(band.hi[-1])
    if not (band.lo[n] <= m <= band.hi[n]) or not np.isfinite(D[band.index(n, m)]):
        raise AlignmentError("internal: no alignment path inside the search band")
    path: list[Step] = []
    touched = False
    i, j = n, m
    while i > 0 or j > 0:
        cell = band.index(i, j)
        code = int(back[cell])
        if code < 0:
            raise AlignmentError("internal: broken back-pointer in the alignment search")
        touched = touched or band.on_inner_edge(i, j, m)
        a, b = codes[code]
        pi, pj = i - a, j - b
        path.append((pi, i, pj, j, float(D[cell] - D[band.index(pi, pj)])))
        i, j = pi, pj
    path.reverse()
    return path, touched


@dataclass(frozen=True)
class DPInput:
    """What one DP run reads: both sides' features, key weights, length model and parameters.

    ``mt`` is ``(MT of the source sentences, target sentences)`` or None.
    """

    src: SideFeatures
    tgt: SideFeatures
    weights: np.ndarray
    model: LengthModel
    params: AlignParams
    mt: tuple[list[str], list[str]] | None = None


def run_dp(inp: DPInput, band: Band) -> tuple[list[Step], bool]:
    """One banded DP: costs, recurrence, traceback. Returns :func:`traceback`'s ``(path, touched)``."""
    params = inp.params
    types = [t for t in params.priors if t != (0, 1) and t[0] > 0]
    max_src = max(a for a, _ in params.priors)
    max_tgt = max(b for _, b in params.priors)
    plo, phi = pair_rows(band, max_src, max_tgt, len(inp.tgt))
    scorer = BeadScorer(
        src=inp.src,
        tgt=inp.tgt,
        src_prefix=SidePrefix.of(inp.src, inp.weights),
        tgt_prefix=SidePrefix.of(inp.tgt, inp.weights),
        model=inp.model,
        params=params,
        anchors=anchor_band(inp.src, inp.tgt, inp.weights, plo, phi) if len(inp.weights) else None,
        mt=mt_band(inp.mt[0], inp.mt[1], plo, phi) if inp.mt is not None else None,
    )
    priors = prior_costs(params)
    D, back = recurrence(scorer, band, types, priors, params.chunk_cells)
    return traceback(D, back, band, types + [(0, 1)])


def band_around(path: list[Step], n: int, m: int, w: int) -> Band:
    """The band within ``w`` sentences of a projected path (monotone and connected)."""
    cmin = np.full(n + 1, m, dtype=np.int64)
    cmax = np.zeros(n + 1, dtype=np.int64)
    for s0, s1, t0, t1, _ in path:
        rows = np.arange(s0, s1 + 1)
        if s1 > s0:
            centre = t0 + (rows - s0) * (t1 - t0) / (s1 - s0)
            c_lo = np.floor(centre).astype(np.int64)
            c_hi = np.ceil(centre).astype(np.int64)
        else:
            c_lo = np.array([t0])
            c_hi = np.array([t1])
        cmin[rows] = np.minimum(cmin[rows], c_lo)
        cmax[rows] = np.maximum(cmax[rows], c_hi)
    lo = np.clip(cmin - w, 0, m)
    hi = np.clip(cmax + w, 0, m)
    lo[0] = 0
    hi[n] = m
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return Band(lo, hi)


def project(coarse_path: list[Step], k: int, n: int, m: int) -> list[Step]:
    """Map a path over blocks of ``k`` sentences to sentence coordinates."""
    return [(min(s0 * k, n), min(s1 * k, n), min(t0 * k, m), min(t1 * k, m), c) for s0, s1, t0, t1, c in coarse_path]


def search(inp: DPInput, guide: list[Step] | None = None) -> list[Step]:
    """Coarse-to-fine banded search (Vecalign); ``guide``, a sentence-level path, replaces the coarse pass."""
    n, m = len(inp.src), len(inp.tgt)
    params = inp.params
    if guide is None and (n + 1) * (m + 1) <= params.full_cells:
        full = Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
        return run_dp(inp, full)[0]
    if guide is None:
        k = params.coarse_factor
        coarse = DPInput(inp.src.coarsen(k), inp.tgt.coarsen(k), inp.weights, inp.model, params)
        guide = project(search(coarse), k, n, m)
        w = params.band
    else:
        w = max(params.guided_band_min, params.band // 2)
    while True:
        band = band_around(guide, n, m, w)
        path, touched = run_dp(inp, band)
        if not touched or bool(np.all(band.lo == 0) and np.all(band.hi == m)):
            return path
        w *= 2
        guide = path
