"""Text+Berg de-fr sentence alignment: xling vs a Gale-Church baseline, strict/lax P/R/F1.

Reads ``../shared/text+berg`` (override with ``--data DIR``): ``de/NNN``, ``fr/NNN`` (one
sentence a line) and ``gold/NNN`` (beads ``[src]:[tgt]``). Prints, per document and overall
(micro-averaged as in the Vecalign/Bertalign evaluations, Sennrich & Volk 2011), the scores of

- ``xling``: :func:`xling.align.search.align_sentences` (length model + anchors, no neural model);
- ``gale-church``: NLTK's ``nltk.translate.gale_church.align_blocks`` on character lengths
  (Gale & Church 1993, the paper's parameters), beads rebuilt from its 1-1 links.

Usage: ``.venv/bin/python bench/align_textberg.py [--data DIR]``. Exits 0 with a message when the
data directory is absent (it is not part of the repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "text+berg"


def gale_church_beads(src: list[str], tgt: list[str]):
    """NLTK Gale-Church alignment (character lengths, paper parameters) as beads."""
    from nltk.translate.gale_church import align_blocks

    from xling.align.beads import links_to_beads

    return links_to_beads(align_blocks([len(s) for s in src], [len(t) for t in tgt]), len(src), len(tgt))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
