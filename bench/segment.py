"""Benchmark: sentence segmentation throughput and linearity on one long paragraph.

Runs :func:`xling.text.segment.segment_text` on generated single-paragraph texts of 1x, 2x and
4x ``--mb`` megabytes (sentences of the bundled article's words, joined by spaces, no newline)
and prints MB/s (UTF-8 bytes of input per second) and the time ratio between sizes (about 2.0
per step when the work is linear). Reads only ``examples/`` (nothing from ../shared).

Usage::

    .venv/bin/python bench/segment.py [--mb 1] [--lang fa] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_text(words: list[str], mb: float, rng: random.Random) -> str:
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        n = rng.randint(5, 30)
        sentence = " ".join(rng.choice(words) for _ in range(n)) + rng.choice([".", ".", ".", "؟", "!"])
        out.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    return " ".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--lang", default="fa")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from xling.text.segment import segment_text

    article = (ROOT / "examples" / "putin-sharaa-2025-10-15.fa.txt").read_text(encoding="utf-8")
    words = [w.strip(".،؛:؟!") for w in article.split() if w.strip(".،؛:؟!")]
    rng = random.Random(args.seed)
    segment_text("گرم کردن.", args.lang)  # load spaCy first: measure the work, not the load
    previous = None
    for factor in (1, 2, 4):
        text = make_text(words, args.mb * factor, rng)
        nbytes = len(text.encode("utf-8"))
        t0 = time.perf_counter()
        n = len(segment_text(text, args.lang))
        dt = time.perf_counter() - t0
        ratio = f"   time x{dt / previous:.2f} for 2x input" if previous else ""
        print(
            f"segment_text  {nbytes / 1e6:6.1f} MB  {n:8d} sentences  {dt:7.2f} s  {nbytes / 1e6 / dt:5.2f} MB/s{ratio}"
        )
        previous = dt
    return 0


if __name__ == "__main__":
    sys.exit(main())
