"""Text+Berg de-fr sentence alignment: xling vs a Gale-Church baseline, strict/lax P/R/F1.

Reads ``../shared/text+berg`` (override with ``--data DIR``): ``de/NNN``, ``fr/NNN`` (one
sentence a line) and ``gold/NNN`` (beads ``[src]:[tgt]``). Prints, per document and overall
(micro-averaged as in the Vecalign/Bertalign evaluations, Sennrich & Volk 2011), the scores of

- ``xling``: :func:`xling.align.search.align_sentences` (length model + anchors, no neural model);
- ``gale-church``: NLTK's ``nltk.translate.gale_church.align_blocks`` on character lengths
  (Gale & Church 1993, the paper's parameters), beads rebuilt from its 1-1 links.

Then the honest figure (issue 12): leave-one-document-out. For each held-out document the
parameters in :data:`GRID` are chosen on the other documents only (coordinate descent from the
shipped defaults, one parameter at a time, keeping a value only when it raises the training
documents' micro strict F1), and the held-out document is aligned with them. Printed: each
fold's chosen changes and held-out strict/lax P/R/F1, then the mean over the held-out folds
beside the in-sample figure (the shipped defaults on all documents). ``--no-loo`` skips it.

Usage: ``.venv/bin/python bench/align_textberg.py [--data DIR] [--no-loo]``. Exits 0 with a
message when the data directory is absent (it is not part of the repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "text+berg"

#: Candidate values of each chosen parameter (the shipped default is always among them).
GRID: dict[str, list[float]] = {
    "skip_cost": [4.0, 5.0, 6.0, 7.0, 8.0],
    "anchor_weight": [6.0, 8.0, 10.0, 12.0, 15.0],
    "punct_weight": [0.5, 1.0, 1.5],
    "skip_len_weight": [0.5, 1.0, 1.5],
    "variance_floor": [2.0, 3.0, 4.5],
    "weak_boundary_bonus": [0.0, 0.5, 1.0, 1.5],
    "lexicon_min_dice": [0.5, 0.6, 0.7, 0.8],
}
KEYS = ("strict_precision", "strict_recall", "strict_f1", "lax_precision", "lax_recall", "lax_f1")


def gale_church_beads(src: list[str], tgt: list[str]):
    """NLTK Gale-Church alignment (character lengths, paper parameters) as beads."""
    from nltk.translate.gale_church import align_blocks

    from xling.align.beads import links_to_beads

    return links_to_beads(align_blocks([len(s) for s in src], [len(t) for t in tgt]), len(src), len(tgt))


class Runs:
    """Alignments of each document under each parameter setting, computed once and cached."""

    def __init__(self, docs: dict[str, tuple[list[str], list[str], list]]):
        self.docs = docs
        self.cache: dict[tuple, list] = {}

    def beads(self, setting: tuple, name: str) -> list:
        from xling.align.search import AlignParams, align_sentences

        key = (setting, name)
        if key not in self.cache:
            src, tgt, _ = self.docs[name]
            self.cache[key] = align_sentences(
                src, tgt, src_lang="de", tgt_lang="fr", params=AlignParams(**dict(setting))
            )
        return self.cache[key]

    def score(self, setting: tuple, names: list[str]) -> dict[str, float]:
        from xling.align.evaluate import score_documents

        return score_documents([self.docs[n][2] for n in names], [self.beads(setting, n) for n in names])


def choose(runs: Runs, train: list[str]) -> tuple:
    """Coordinate descent over :data:`GRID` on the ``train`` documents; returns the setting."""
    setting: dict[str, float] = {}
    best = runs.score((), train)["strict_f1"]
    for name, values in GRID.items():
        for v in values:
            trial = dict(setting, **{name: v})
            f1 = runs.score(tuple(sorted(trial.items())), train)["strict_f1"]
            if f1 > best + 1e-12:
                best, setting = f1, trial
    return tuple(sorted(setting.items()))


def leave_one_out(runs: Runs, in_sample: dict[str, float]) -> None:
    """Print per-fold and mean held-out strict/lax figures beside the in-sample ones."""
    names = sorted(runs.docs)
    print("\nleave-one-document-out (parameters chosen on the other documents)")
    row = "{:<8} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {}"
    print(row.format("held-out", "P", "R", "F1", "laxP", "laxR", "laxF1", "chosen (changes from the defaults)"))
    folds = []
    for held in names:
        setting = choose(runs, [n for n in names if n != held])
        r = runs.score(setting, [held])
        folds.append(r)
        chosen = ", ".join(f"{k}={v:g}" for k, v in setting) or "defaults"
        print(row.format(held, *(f"{r[k]:.3f}" for k in KEYS), chosen))
    mean = {k: sum(f[k] for f in folds) / len(folds) for k in KEYS}
    print(row.format("mean", *(f"{mean[k]:.3f}" for k in KEYS), "mean over held-out folds"))
    print(row.format("in-samp", *(f"{in_sample[k]:.3f}" for k in KEYS), "shipped defaults, all documents"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--no-loo", action="store_true", help="skip the leave-one-document-out figures")
    args = ap.parse_args(argv)
    if not (args.data / "gold").is_dir():
        print(f"bench/align_textberg.py: {args.data} not found (Text+Berg is not in the repository); skipping.")
        return 0
    from xling.align.beads import read_beads
    from xling.align.evaluate import score_documents
    from xling.align.search import align_sentences
    from xling.io import read_lines

    docs = sorted(p.name for p in (args.data / "gold").iterdir())
    golds, ours, gcs = [], [], []
    t_ours = t_gc = 0.0
    row = "{:<8} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}"
    print("strict/lax precision, recall, F1 (Sennrich & Volk 2011)")
    print(row.format("doc", "xP", "xR", "xF1", "xlaxP", "xlaxR", "xlaxF", "gcP", "gcR", "gcF1", "gcLP", "gcLR", "gcLF"))

    def fmt(d):
        return [
            f"{d[k]:.3f}"
            for k in ("strict_precision", "strict_recall", "strict_f1", "lax_precision", "lax_recall", "lax_f1")
        ]

    for name in docs:
        src = read_lines(args.data / "de" / name)
        tgt = read_lines(args.data / "fr" / name)
        gold = read_beads(args.data / "gold" / name)
        t0 = time.perf_counter()
        test = align_sentences(src, tgt, src_lang="de", tgt_lang="fr")
        t1 = time.perf_counter()
        gc = gale_church_beads(src, tgt)
        t2 = time.perf_counter()
        t_ours += t1 - t0
        t_gc += t2 - t1
        golds.append(gold)
        ours.append(test)
        gcs.append(gc)
        print(row.format(name, *fmt(score_documents([gold], [test])), *fmt(score_documents([gold], [gc]))))
    print(row.format("ALL", *fmt(score_documents(golds, ours)), *fmt(score_documents(golds, gcs))))
    print(f"time: xling {t_ours:.2f} s, gale-church (nltk) {t_gc:.2f} s")
    if not args.no_loo:
        runs = Runs(
            {n: (read_lines(args.data / "de" / n), read_lines(args.data / "fr" / n), g) for n, g in zip(docs, golds)}
        )
        runs.cache.update({((), n): b for n, b in zip(docs, ours)})
        leave_one_out(runs, score_documents(golds, ours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
