"""Text+Berg de-fr sentence alignment: xling vs a Gale-Church baseline, strict/lax P/R/F1.

Reads ``../shared/text+berg`` (override with ``--data DIR``): ``de/NNN``, ``fr/NNN`` (one
sentence a line) and ``gold/NNN`` (beads ``[src]:[tgt]``). Prints, per document and overall
(micro-averaged as in the Vecalign/Bertalign evaluations, Sennrich & Volk 2011), the scores of

- ``xling``: :func:`xling.align.search.align_sentences` (length model + anchors, no neural model);
- ``gale-church``: NLTK's ``nltk.translate.gale_church.align_blocks`` on character lengths
  (Gale & Church 1993, the paper's parameters), beads rebuilt from its 1-1 links.

The same table follows for the noisy copies of the documents (``bench/align_noisy.py``: page
headers, captions, hyphenated line breaks, dropped, split and merged sentences, gold updated;
``--no-noisy`` leaves them out).

Then the honest figure (issue 12): leave-one-document-out. For each held-out document the
parameters in :data:`GRID` are chosen on the other documents only, their clean and noisy copies
together (coordinate descent from the shipped defaults, one parameter at a time, keeping a value
only when it raises the training documents' micro strict F1), and the held-out document, clean
and noisy, is aligned with them. Printed: each fold's chosen changes and held-out strict/lax
P/R/F1, then the mean over the held-out folds beside the in-sample figure (the shipped defaults
on all documents). ``--no-loo`` skips it.

Usage: ``.venv/bin/python bench/align_textberg.py [--data DIR] [--no-loo] [--no-noisy]``. Exits
0 with a message when the data directory is absent (it is not part of the repository).
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
    "noise_skip_discount": [0.0, 2.0, 3.0, 4.0],
    "noise_merge_penalty": [0.0, 1.5, 3.0, 5.0],
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


def choose(runs: Runs, train: list[str], min_gain: float = 0.0) -> tuple:
    """Coordinate descent over :data:`GRID` on the ``train`` documents; returns the setting.

    A value replaces the current one only when it raises the training strict F1 by more than
    ``min_gain``.
    """
    setting: dict[str, float] = {}
    best = runs.score((), train)["strict_f1"]
    for name, values in GRID.items():
        for v in values:
            trial = dict(setting, **{name: v})
            f1 = runs.score(tuple(sorted(trial.items())), train)["strict_f1"]
            if f1 > best + min_gain + 1e-12:
                best, setting = f1, trial
    return tuple(sorted(setting.items()))


NOISY = "~noisy"  # suffix of a noisy copy's name in :class:`Runs`


def leave_one_out(runs: Runs, in_sample: dict[str, dict[str, float]], min_gain: float = 0.0) -> None:
    """Print per-fold and mean held-out strict/lax figures beside the in-sample ones.

    ``in_sample``: ``"clean"``/``"noisy"`` → the shipped defaults' scores over all documents.
    A fold holds out one document, its clean and noisy copies both.
    """
    names = sorted(n for n in runs.docs if not n.endswith(NOISY))
    variants = [v for v in ("clean", "noisy") if v in in_sample]
    print(
        f"\nleave-one-document-out (parameters chosen on the other documents, clean and noisy; min gain {min_gain:g})"
    )
    row = "{:<8} {:<6} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {}"
    print(row.format("held-out", "set", "P", "R", "F1", "laxP", "laxR", "laxF1", "chosen (changes from the defaults)"))
    folds: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
    for held in names:
        train = [n for n in runs.docs if n.split("~")[0] != held]
        setting = choose(runs, train, min_gain)
        chosen = ", ".join(f"{k}={v:g}" for k, v in setting) or "defaults"
        for v in variants:
            r = runs.score(setting, [held + (NOISY if v == "noisy" else "")])
            folds[v].append(r)
            print(row.format(held, v, *(f"{r[k]:.3f}" for k in KEYS), chosen))
    for v in variants:
        mean = {k: sum(f[k] for f in folds[v]) / len(folds[v]) for k in KEYS}
        print(row.format("mean", v, *(f"{mean[k]:.3f}" for k in KEYS), "mean over held-out folds"))
        print(row.format("in-samp", v, *(f"{in_sample[v][k]:.3f}" for k in KEYS), "shipped defaults, all documents"))


def table(docs: dict[str, tuple[list[str], list[str], list]], title: str) -> tuple[dict[str, float], dict]:
    """Print the per-document xling / Gale-Church table; returns (xling's overall scores, xling's beads)."""
    from xling.align.evaluate import score_documents
    from xling.align.search import align_sentences

    golds, ours, gcs = [], [], []
    t_ours = t_gc = 0.0
    row = "{:<8} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}"
    print(f"{title}: strict/lax precision, recall, F1 (Sennrich & Volk 2011)")
    print(row.format("doc", "xP", "xR", "xF1", "xlaxP", "xlaxR", "xlaxF", "gcP", "gcR", "gcF1", "gcLP", "gcLR", "gcLF"))

    def fmt(d):
        return [f"{d[k]:.3f}" for k in KEYS]

    beads = {}
    for name, (src, tgt, gold) in docs.items():
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
        beads[name] = test
        print(row.format(name, *fmt(score_documents([gold], [test])), *fmt(score_documents([gold], [gc]))))
    overall = score_documents(golds, ours)
    print(row.format("ALL", *fmt(overall), *fmt(score_documents(golds, gcs))))
    print(f"time: xling {t_ours:.2f} s, gale-church (nltk) {t_gc:.2f} s")
    return overall, beads


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--no-loo", action="store_true", help="skip the leave-one-document-out figures")
    ap.add_argument("--no-noisy", action="store_true", help="skip the noisy copies (bench/align_noisy.py)")
    ap.add_argument("--noisy-seed", type=int, default=None, help="seed of the noisy copies (default: align_noisy.SEED)")
    ap.add_argument("--min-gain", type=float, nargs="*", default=[0.0], help="LOO: strict F1 a change must gain")
    args = ap.parse_args(argv)
    if not (args.data / "gold").is_dir():
        print(f"bench/align_textberg.py: {args.data} not found (Text+Berg is not in the repository); skipping.")
        return 0
    from xling.align.beads import read_beads
    from xling.io import read_lines

    names = sorted(p.name for p in (args.data / "gold").iterdir())
    clean = {
        n: (read_lines(args.data / "de" / n), read_lines(args.data / "fr" / n), read_beads(args.data / "gold" / n))
        for n in names
    }
    in_sample = {}
    in_sample["clean"], beads = table(clean, "clean documents")
    docs = dict(clean)
    if not args.no_noisy:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from align_noisy import SEED, noisy_documents

        seed = SEED if args.noisy_seed is None else args.noisy_seed
        noisy = {n + NOISY: v for n, v in noisy_documents(args.data, seed).items()}
        print()
        in_sample["noisy"], more = table(noisy, "noisy copies (bench/align_noisy.py)")
        beads.update(more)
        docs.update(noisy)
    if not args.no_loo:
        runs = Runs(docs)
        runs.cache.update({((), n): b for n, b in beads.items()})
        for gain in args.min_gain:
            leave_one_out(runs, in_sample, gain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
