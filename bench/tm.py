"""Speed and size of the translation memory (``xling.tm``) beside a linear rapidfuzz scan.

Builds a TM of ``--units`` synthetic fa→en translation units (default 1,000,000; seeded, so every
run sees the same data): Persian-letter pseudo-words drawn from a Zipf-distributed vocabulary
of 30,000 words, 6-24 words a sentence. Then makes ``--lookups`` lookups (default 1,000):

- exact: a stored source, with its ZWNJs removed and its digits in Persian (equal after
  xling's normalization), through :meth:`TranslationMemory.exact`;
- fuzzy: a stored source with one word replaced, through :meth:`TranslationMemory.fuzzy`
  (min score 75); recall = the share of lookups whose best match is the unit it was made from.

Beside it, the linear scan: ``rapidfuzz.process.extractOne`` with ``fuzz.ratio`` over every
stored key in memory (what a TM without an index does); as that takes about a second per query
at 1M units it runs on ``--scan-sample`` of the fuzzy queries (default 20), and says so.

Before/after: ``--compare-with DIR`` (another checkout of xling, e.g. ``git archive COMMIT xling |
tar -x -C DIR``) runs the same fuzzy lookups, on the same database and queries, with DIR's
``xling.tm`` in a child process, and prints its line beside this one's.

Prints median and p95 (milliseconds, wall clock) of each with the median CPU time of the process
(on a shared machine the wall clock includes waiting for a core; ``uptime``'s load is printed),
the database size, and the build time (of a fresh database only).
Usage: ``.venv/bin/python bench/tm.py [--units 1000000] [--lookups 1000] [--db PATH] [--compare-with DIR]``.
Needs no data outside the repository; the database goes to a temporary folder unless ``--db``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    """``size`` distinct pseudo-words of 2-9 Persian letters."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 9))))
    return sorted(words)


def sentences(rng: random.Random, vocab: list[str], n: int) -> list[str]:
    """``n`` distinct sentences of 6-24 Zipf-drawn words, some with a number and a ZWNJ'd suffix."""
    from itertools import accumulate

    cum = list(accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    out: set[str] = set()
    while len(out) < n:
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(6, 24))
        if rng.random() < 0.3:
            words[rng.randrange(len(words))] += "\u200cها"
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(1, 2025)))
        out.add(" ".join(words) + ".")
    return sorted(out)  # not list(out): a set's order changes with PYTHONHASHSEED, and so would the picks


def ms(values: list[float], cpu: list[float] | None = None) -> str:
    """Median and p95 of wall-clock seconds, in ms (and the median CPU time of this process)."""
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    out = f"median {statistics.median(values) * 1000:8.3f} ms   p95 {p95 * 1000:8.3f} ms"
    return out + (f"   (CPU median {statistics.median(cpu) * 1000:.3f} ms)" if cpu else "")


def timed(fn, *args, **kw):
    """``(result, wall seconds, CPU seconds of this process)`` of one call."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn(*args, **kw)
    return result, time.perf_counter() - t0, time.process_time() - c0


def build(db: Path, srcs: list[str]) -> float:
    from xling.tm.store import TMUnit, TranslationMemory

    t0 = time.perf_counter()
    with TranslationMemory(db) as tm:
        chunk = 50_000
        for i in range(0, len(srcs), chunk):
            tm.add(TMUnit(s, f"english {i + j}", "fa", "en", "human") for j, s in enumerate(srcs[i : i + chunk]))
            print(f"  built {min(i + chunk, len(srcs)):,} units", file=sys.stderr, flush=True)
    return time.perf_counter() - t0


def one_word_change(rng: random.Random, sentence: str, vocab: list[str]) -> str:
    words = sentence.split(" ")
    words[rng.randrange(len(words))] = rng.choice(vocab)
    return " ".join(words)


def fuzzy_lookups(db: Path, picks: list[int], queries: list[str], srcs: list[str]) -> dict[str, object]:
    """Time :meth:`TranslationMemory.fuzzy` on ``queries``: ``{"wall": [s], "cpu": [s], "found": n}``."""
    from xling.tm.store import TranslationMemory

    wall_t, cpu_t, found = [], [], 0
    with TranslationMemory(db, create=False) as tm:
        for i, q in zip(picks, queries):
            ms_, wall, cpu = timed(tm.fuzzy, q, "fa", "en", min_score=75)
            wall_t.append(wall)
            cpu_t.append(cpu)
            found += bool(ms_) and ms_[0].source == srcs[i]
    return {"wall": wall_t, "cpu": cpu_t, "found": found}


def compare_with(checkout: Path, args: argparse.Namespace, db: Path) -> dict[str, object]:
    """The fuzzy lookups of ``checkout``'s xling (this script in a child process, same data)."""
    import json
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(checkout)}
    cmd = [sys.executable, __file__, "--units", str(args.units), "--lookups", str(args.lookups), "--db", str(db)]
    out = subprocess.run([*cmd, "--fuzzy-json"], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--lookups", type=int, default=1_000)
    ap.add_argument("--scan-sample", type=int, default=20)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--compare-with", type=Path, default=None, help="another xling checkout: its fuzzy lookups beside")
    ap.add_argument("--fuzzy-json", action="store_true", help=argparse.SUPPRESS)  # the child of --compare-with
    args = ap.parse_args()

    from rapidfuzz import fuzz, process

    from xling.tm.store import TranslationMemory, source_key

    rng = random.Random(13)
    vocab = vocabulary(rng)
    srcs = sentences(rng, vocab, args.units)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "tm.sqlite"
    fresh = not db.exists()
    build_s = build(db, srcs) if fresh else float("nan")
    picks = rng.sample(range(len(srcs)), args.lookups)
    exact_q = [srcs[i].replace("\u200c", "").translate(PERSIAN_DIGITS) for i in picks]
    fuzzy_q = [one_word_change(rng, srcs[i], vocab) for i in picks]
    if args.fuzzy_json:
        import json

        print(json.dumps(fuzzy_lookups(db, picks, fuzzy_q, srcs)))
        return
    before = compare_with(args.compare_with, args, db) if args.compare_with else None

    with TranslationMemory(db, create=False) as tm:
        exact_t, exact_c, hits = [], [], 0
        for i, q in zip(picks, exact_q):
            m, wall, cpu = timed(tm.exact, q, "fa", "en")
            exact_t.append(wall)
            exact_c.append(cpu)
            hits += m is not None and m.source == srcs[i]
        size = tm.stats()["bytes"]
    fuzzy = fuzzy_lookups(db, picks, fuzzy_q, srcs)
    fuzzy_t, fuzzy_c, found = fuzzy["wall"], fuzzy["cpu"], fuzzy["found"]

    keys = [source_key(s, "fa") for s in srcs]
    scan_t, scan_c, scan_found = [], [], 0
    sample = list(zip(picks, fuzzy_q))[: args.scan_sample]
    for i, q in sample:
        best, wall, cpu = timed(process.extractOne, source_key(q, "fa"), keys, scorer=fuzz.ratio, score_cutoff=75)
        scan_t.append(wall)
        scan_c.append(cpu)
        scan_found += best is not None and best[2] == i

    import os

    print(
        f"TM of {len(srcs):,} fa→en units; {args.lookups:,} lookups of each kind; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    if fresh:
        print(f"build: {build_s:.1f} s ({len(srcs) / build_s:,.0f} units/s)")
    print(f"database size: {size / 2**20:.1f} MiB ({size / len(srcs):.0f} bytes/unit)")
    print(f"exact  (hash index):            {ms(exact_t, exact_c)}   found {hits}/{len(exact_q)}")
    if before is not None:
        print(
            f"fuzzy  ({args.compare_with}):"
            f" {ms(before['wall'], before['cpu'])}   best = origin {before['found']}/{len(fuzzy_q)}"
        )
    print(f"fuzzy  (FTS5 trigram+rapidfuzz): {ms(fuzzy_t, fuzzy_c)}   best = origin {found}/{len(fuzzy_q)}")
    print(
        f"linear rapidfuzz scan (sample of {len(sample)} fuzzy queries, all {len(keys):,} keys in memory):"
        f" {ms(scan_t, scan_c)}   best = origin {scan_found}/{len(sample)}"
    )
    print(
        f"fuzzy speed-up over the scan: {statistics.median(scan_t) / statistics.median(fuzzy_t):.0f}× (medians);"
        f" goals: exact < 1 ms, fuzzy < 20 ms"
    )
    tmp.cleanup()


if __name__ == "__main__":
    main()
