"""Benchmark: ZWNJ restoration quality and throughput, xling beside hazm's ``Normalizer()``.

Quality: precision, recall and F1 of inserted ZWNJs (U+200C) against gold texts, for xling's
``normalize(text, "fa")`` and for hazm 0.10's ``Normalizer().normalize(text)`` with default
options, counting آنها and آن‌ها as equally correct (``tests/zwnj_metrics.py``). hazm also
changes digits, spacing and punctuation, so its output is aligned to the input character by
character (difflib) first; a ZWNJ hazm puts in place of a space (``مطرح شده`` → ``مطرح‌شده``)
counts as a false positive. Gold texts:

- ``../shared/corpus/putin-sharaa-2025-10-15/article.fa.zwnj-gold.txt`` (READS ../shared; skipped
  with a message when absent);
- ``tests/data/zwnj-gold*.fa.txt`` (written for xling's tests).

Throughput: MB/s (UTF-8 bytes of input per second) of ``normalize(text, "fa")`` on generated
single-line files of 1x, 2x and 4x ``--mb`` megabytes (words of the gold texts in random order;
no newline), with the time ratio between sizes (about 2.0 each step when the work is linear),
and hazm's ``Normalizer().normalize`` on a ``--hazm-mb`` slice for comparison. Also the time to
build the lexicon (``import hazm`` included) in a fresh process.

Usage::

    .venv/bin/python bench/zwnj.py [--mb 5] [--hazm-mb 1] [--seed 1]
"""

from __future__ import annotations

import argparse
import difflib
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # zwnj_metrics: the scoring helper shared with the tests
SHARED_GOLD = ROOT.parent / "shared" / "corpus" / "putin-sharaa-2025-10-15" / "article.fa.zwnj-gold.txt"
Z = "\u200c"


def hazm_sites(raw: str, hyp: str) -> tuple[set[int], int]:
    """ZWNJ sites of hazm's output mapped onto ``raw``; also the count of unmappable ZWNJs (false positives)."""
    sites: set[int] = set()
    unmapped = 0
    matcher = difflib.SequenceMatcher(None, raw, hyp, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or Z not in hyp[j1:j2]:
            continue
        segment = hyp[j1:j2]
        if segment.replace(Z, "") == raw[i1:i2]:
            k = i1
            for ch in segment:
                if ch == Z:
                    sites.add(k)
                else:
                    k += 1
        else:
            unmapped += segment.count(Z)  # e.g. a space turned into ZWNJ
    return sites, unmapped


def score(gold: str, sites: set[int], extra_fp: int = 0) -> dict:
    from zwnj_metrics import optional_sites, zwnj_sites

    plain = gold.replace(Z, "")
    optional = optional_sites(plain)
    g = zwnj_sites(gold) - optional
    h = sites - optional
    tp = len(g & h)
    n_h = len(h) + extra_fp
    p = tp / n_h if n_h else 1.0
    r = tp / len(g) if g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": n_h - tp, "fn": len(g) - tp, "gold": len(g)}


def quality(golds: list[Path]) -> None:
    import hazm
    from zwnj_metrics import zwnj_sites

    from xling.text.normalize import normalize

    normalizer = hazm.Normalizer()
    print(f"{'gold text':38} {'sites':>5} | {'xling P':>7} {'R':>5} {'F1':>5} | {'hazm P':>6} {'R':>5} {'F1':>5}")
    for path in golds:
        gold = path.read_text(encoding="utf-8")
        raw = gold.replace(Z, "")
        ours = score(gold, zwnj_sites(normalize(raw, "fa")))
        theirs_sites, unmapped = hazm_sites(raw, normalizer.normalize(raw))
        theirs = score(gold, theirs_sites, unmapped)
        print(
            f"{path.name:38} {ours['gold']:5d} | {ours['p']:7.3f} {ours['r']:5.3f} {ours['f1']:5.3f} | {theirs['p']:6.3f} {theirs['r']:5.3f} {theirs['f1']:5.3f}"
            f"   (xling fp={ours['fp']} fn={ours['fn']}; hazm tp={theirs['tp']} fp={theirs['fp']})"
        )


def make_text(words: list[str], mb: float, rng: random.Random) -> str:
    target = int(mb * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        w = rng.choice(words)
        out.append(w)
        size += len(w.encode("utf-8")) + 1
    return " ".join(out)


def throughput(words: list[str], mb: float, hazm_mb: float, seed: int) -> None:
    import hazm

    from xling.text.normalize import normalize

    rng = random.Random(seed)
    normalize("گرم کردن", "fa")  # lexicon already built: measure the work, not the load
    print(f"\nthroughput on generated single-line files (words in random order, seed {seed})")
    previous = None
    for factor in (1, 2, 4):
        text = make_text(words, mb * factor, rng)
        nbytes = len(text.encode("utf-8"))
        t0 = time.perf_counter()
        normalize(text, "fa")
        dt = time.perf_counter() - t0
        ratio = f"   time x{dt / previous:.2f} for 2x input" if previous else ""
        print(f"  xling normalize  {nbytes / 1e6:7.1f} MB  {dt:7.2f} s  {nbytes / 1e6 / dt:6.2f} MB/s{ratio}")
        previous = dt
    xling_rate = nbytes / 1e6 / dt
    text = make_text(words, hazm_mb, rng)
    nbytes = len(text.encode("utf-8"))
    t0 = time.perf_counter()
    hazm.Normalizer().normalize(text)
    dt = time.perf_counter() - t0
    print(
        f"  hazm Normalizer  {nbytes / 1e6:7.1f} MB  {dt:7.2f} s  {nbytes / 1e6 / dt:6.2f} MB/s   xling/hazm speed ratio {xling_rate / (nbytes / 1e6 / dt):.2f}"
    )


def load_time() -> None:
    code = "import time; t=time.perf_counter(); from xling.text.zwnj import build_lexicon; build_lexicon(); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    code_import = "import time; t=time.perf_counter(); import hazm; print(time.perf_counter()-t)"
    imp = subprocess.run([sys.executable, "-c", code_import], cwd=ROOT, capture_output=True, text=True, check=True)
    print(
        f"lexicon build in a fresh process: {float(out.stdout):.2f} s (of which `import hazm` alone: {float(imp.stdout):.2f} s)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the smallest generated file in MB (then 2x and 4x)")
    ap.add_argument("--hazm-mb", type=float, default=1.0, help="size of the file hazm normalizes, MB")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    golds = sorted((ROOT / "tests" / "data").glob("zwnj-gold*.fa.txt"))
    if SHARED_GOLD.exists():
        golds.insert(0, SHARED_GOLD)
    else:
        print(f"note: {SHARED_GOLD} not found (this benchmark reads ../shared); scoring the test gold texts only")
    load_time()
    quality(golds)
    words = [w for p in golds for w in p.read_text(encoding="utf-8").replace(Z, "").split()]
    throughput(words, args.mb, args.hazm_mb, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
