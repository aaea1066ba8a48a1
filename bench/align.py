"""Speed and memory of ``xling align`` against a full-matrix Gale-Church run, side by side.

For each size (default 1k, 10k, 50k beads) a synthetic bitext is generated with
``make_bitext`` from ``tests/align_synthetic.py`` (seeded, so every run sees the same data; ~4% more
sentences than beads). Each aligner runs in its own subprocess, which reports wall time and
peak resident memory (``ru_maxrss``) minus the resident memory before aligning, plus strict F1
against the generated gold.

- ``xling``: :func:`xling.align.search.align_sentences` (banded coarse-to-fine DP, anchors).
- ``gc-full``: Gale & Church (1993) on character lengths over the FULL (N+1)×(M+1) matrix
  (numpy, one row at a time, float64 costs + int8 back-pointers: O(N·M) time and memory).
  Skipped where the matrix would exceed ``--gc-max-cells``.
- ``nltk``: ``nltk.translate.gale_church.align_blocks`` (pure Python, full matrix), only at 1k.

Usage: ``.venv/bin/python bench/align.py [--sizes 1000,10000,50000]``. Needs no data outside
the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def gc_full(src: list[str], tgt: list[str]):
    """Full-matrix Gale-Church (paper parameters c=1, s2=6.8; beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2)."""
    import numpy as np
    from scipy.special import log_ndtr

    ls = np.array([len(s) for s in src], float)
    lt = np.array([len(t) for t in tgt], float)
    N, M = len(ls), len(lt)
    PLs = np.concatenate([[0], np.cumsum(ls)])
    PLt = np.concatenate([[0], np.cumsum(lt)])
    pri = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}
    types = [(1, 1), (1, 0), (2, 1), (1, 2), (2, 2)]

    def cost(a, b, l1, l2):
        mean = np.maximum((l1 + l2) / 2.0, 1e-9)
        z = np.abs(l2 - l1) / np.sqrt(6.8 * mean)
        return -math.log(pri[(a, b)]) - (math.log(2) + log_ndtr(-z))

    D = np.full((N + 1, M + 1), np.inf)
    B = np.full((N + 1, M + 1), -1, dtype=np.int8)
    c01 = cost(0, 1, 0.0, lt)
    for i in range(N + 1):
        X = np.full(M + 1, np.inf)
        arg = np.full(M + 1, -1, dtype=np.int8)
        if i == 0:
            X[0] = 0
        for code, (a, b) in enumerate(types):
            if i < a:
                continue
            prev = np.full(M + 1, np.inf)
            prev[b:] = D[i - a, : M + 1 - b]
            l2 = np.zeros(M + 1)
            l2[b:] = PLt[b:] - PLt[: M + 1 - b]
            cand = prev + cost(a, b, PLs[i] - PLs[i - a], l2)
            better = cand < X
            X[better] = cand[better]
            arg[better] = code
        C = np.concatenate([[0], np.cumsum(c01)])
        Y = X - C
        Mn = np.minimum.accumulate(Y)
        arg[Mn < Y] = len(types)
        D[i] = Mn + C
        B[i] = arg
    beads = []
    i, jj = N, M
    allt = types + [(0, 1)]
    while i > 0 or jj > 0:
        a, b = allt[B[i, jj]]
        beads.append((tuple(range(i - a, i)), tuple(range(jj - b, jj))))
        i, jj = i - a, jj - b
    return beads[::-1]


def child(kind: str, n: int) -> None:
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from align_synthetic import make_bitext

    from xling.align.evaluate import score_alignment

    src, tgt, gold = make_bitext(n, seed=7)
    base = _rss_mb()
    t0 = time.perf_counter()
    if kind == "xling":
        from xling.align.search import align_sentences

        beads = align_sentences(src, tgt, src_lang="de", tgt_lang="fr")
    elif kind == "gc-full":
        beads = gc_full(src, tgt)
    else:
        from nltk.translate.gale_church import align_blocks

        from xling.align.beads import links_to_beads

        links = align_blocks([len(s) for s in src], [len(t) for t in tgt])
        beads = links_to_beads(links, len(src), len(tgt))
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base
    f1 = score_alignment(beads, gold)["strict_f1"]
    print(json.dumps({"n_src": len(src), "n_tgt": len(tgt), "seconds": dt, "peak_mb": peak, "f1": f1}))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="xling align speed/memory vs full-matrix Gale-Church")
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--gc-max-cells", type=float, default=1.2e8, help="largest full matrix to try (cells)")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    print(
        f"{'beads':>7} {'aligner':<8} {'src':>6} {'tgt':>6} {'seconds':>8} {'sent/s':>8} {'peak MB':>8} {'strict F1':>9}  ratio vs xling (time, memory)"
    )
    for n in [int(x) for x in args.sizes.split(",")]:
        results = {}
        kinds = ["xling", "gc-full"] + (["nltk"] if n <= 1000 else [])
        for kind in kinds:
            if kind == "gc-full" and (n * 1.05) ** 2 > args.gc_max_cells:
                print(
                    f"{n:>7} {kind:<8} skipped: full matrix of ~{(n * 1.05) ** 2:.1e} cells would need ~{(n * 1.05) ** 2 * 9 / 2**30:.0f} GB"
                )
                continue
            out = subprocess.run([sys.executable, __file__, "--child", kind, str(n)], capture_output=True, text=True)
            if out.returncode != 0:
                print(
                    f"{n:>7} {kind:<8} failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}"
                )
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results[kind] = r
            ratio = ""
            if kind != "xling" and "xling" in results:
                x = results["xling"]
                ratio = f"  {r['seconds'] / x['seconds']:.1f}x time, {r['peak_mb'] / max(x['peak_mb'], 1):.1f}x memory"
            sps = (r["n_src"] + r["n_tgt"]) / r["seconds"]
            print(
                f"{n:>7} {kind:<8} {r['n_src']:>6} {r['n_tgt']:>6} {r['seconds']:>8.2f} {sps:>8.0f} {r['peak_mb']:>8.1f} {r['f1']:>9.3f}{ratio}",
                flush=True,
            )
    print("sent/s counts source + target sentences; peak MB = peak RSS minus RSS before aligning.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
