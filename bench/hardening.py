"""Benchmark: the crash-safety times of issue 11, measured with xling's copy test models.

Three measurements, each beside a baseline run in the same invocation (a test model's output is
a copy of its source, **not a translation**; these figures time xling, not a model):

- **Ctrl-C.** A generated single-line Persian file of about 200 KB (751 sentences of the bundled
  article's words) is translated to en,ru,ar; once the log says the translate stage started and 5 s
  more have passed (mid-translation), SIGINT is sent. Printed: seconds from SIGINT to exit, the exit status (130 expected), the last
  stderr line, and whether anything was written into ``--out-dir``. Baseline: the time the same
  run needs to reach that point (what an uninterruptible run would still have ahead of it is
  printed too: the time of a full run).
- **Binary input.** ``/bin/ls`` given to ``xling translate``, with and without
  ``--encoding cp1256``: seconds to the refusal and the exit status. Baseline: ``xling --version``
  (the process start-up every command pays).
- **A 3,000-word unpunctuated segment** at ``--beam-size 1``: seconds, whether the output equals
  the input, and how many pieces the record says it was split into. Baseline: the same words
  with a full stop every 25 words (ordinary sentences).

Wall clock, seconds; ``uptime``'s load average is printed (the machine may be shared).
Reads only ``examples/`` (nothing from ../shared).

Usage::

    .venv/bin/python bench/hardening.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: seconds between the log's "protect:" line (the translate stage starts next) and the SIGINT
MID_TRANSLATION_S = 5.0

ARTICLE = ROOT / "examples" / "putin-sharaa-2025-10-15.fa.txt"


def article_words() -> list[str]:
    """The bundled article's words without sentence punctuation."""
    text = ARTICLE.read_text(encoding="utf-8")
    return [w.strip(".،؛:؟!«»") for w in text.split() if w.strip(".،؛:؟!«»")]


def make_single_line(words: list[str], sentences: int, rng: random.Random) -> str:
    """``sentences`` sentences of 20-40 words on one line (about 200 KB for 751)."""
    out = [" ".join(rng.choice(words) for _ in range(rng.randint(20, 40))) + "." for _ in range(sentences)]
    return " ".join(out) + "\n"


def install_copy_models(packages: Path) -> None:
    """Build and install copy test models fa→en, en→ru, fa→ar into ``packages``."""
    from xling.mt.packages import install_file
    from xling.testing.models import build_test_model

    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    for src, tgt in (("fa", "en"), ("en", "ru"), ("fa", "ar")):
        install_file(build_test_model("copy", src, tgt, packages.parent / f"copy-{src}_{tgt}.argosmodel"))


def child_env(home: Path, packages: Path) -> dict[str, str]:
    """Environment of a child xling: its own HOME, the test packages, no terminal progress."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env.update(HOME=str(home), ARGOS_PACKAGES_DIR=str(packages), PYTHONPATH=str(ROOT))
    return env


def xling(*args: object) -> list[str]:
    return [sys.executable, "-m", "xling", *map(str, args)]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return time.monotonic() - start, proc


def sigint_run(src: Path, work: Path, env: dict[str, str]) -> dict[str, object]:
    """One interrupted translate: seconds to the translate stage, seconds from SIGINT to exit."""
    out, err = work / "out", work / "err.txt"
    shutil.rmtree(out, ignore_errors=True)
    start = time.monotonic()
    with open(err, "wb") as fh:
        proc = subprocess.Popen(xling("translate", src, "--to", "en,ru,ar", "--out-dir", out), stderr=fh, env=env)
        while b"protect:" not in err.read_bytes() and proc.poll() is None:
            time.sleep(0.02)
        reached = time.monotonic() - start
        time.sleep(MID_TRANSLATION_S)  # the model is running by now, mid-document
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        rc = proc.wait()
        latency = time.monotonic() - sent
    last = err.read_text(encoding="utf-8").strip().splitlines()[-1]
    written = sorted(p.name for p in out.rglob("*")) if out.exists() else []
    return {"to_stage_s": reached, "sigint_to_exit_s": latency, "rc": rc, "last": last, "written": written}


def bench_sigint(words: list[str], work: Path, env: dict[str, str], repeat: int) -> None:
    src = work / "single-line.fa.txt"
    src.write_text(make_single_line(words, 751, random.Random(1)), encoding="utf-8")
    print(f"Ctrl-C: {src.stat().st_size / 1000:.0f} KB, one line, 751 sentences, --to en,ru,ar")
    full, proc = timed(xling("translate", src, "--to", "en,ru,ar", "--out-dir", work / "full"), env)
    print(f"  baseline: full run {full:.2f} s (exit {proc.returncode})")
    for i in range(repeat):
        r = sigint_run(src, work, env)
        print(
            f"  run {i + 1}: translate stage reached after {r['to_stage_s']:.2f} s, SIGINT {MID_TRANSLATION_S:.0f} s later; → exit "
            f"{r['sigint_to_exit_s']:.2f} s ({r['sigint_to_exit_s'] / full:.3f} of a full run), exit {r['rc']}, "
            f"last line {r['last']!r}, files written: {r['written'] or 'none'}"
        )


def bench_binary(work: Path, env: dict[str, str], repeat: int) -> None:
    print("binary input: /bin/ls")
    base = min(timed(xling("--version"), env)[0] for _ in range(repeat))
    print(f"  baseline: xling --version {base:.2f} s")
    for extra in ([], ["--encoding", "cp1256"]):
        runs = [
            timed(xling("translate", "/bin/ls", "--to", "en", *extra, "--out-dir", work / "bin"), env)
            for _ in range(repeat)
        ]
        best = min(t for t, _ in runs)
        proc = runs[-1][1]
        label = " ".join(extra) or "(no --encoding)"
        print(
            f"  {label}: refused in {best:.2f} s ({best / base:.2f}× --version), exit {proc.returncode}: "
            f"{proc.stderr.strip().splitlines()[-1]!r}"
        )


def bench_long_segment(words: list[str], work: Path, env: dict[str, str]) -> None:
    rng = random.Random(5)
    chosen = [rng.choice(words) for _ in range(3000)]
    print("3,000-word segment, --to en --beam-size 1 --no-glossary")
    for label, text in (
        (
            "baseline, a full stop every 25 words",
            " ".join(w + ("." if i % 25 == 24 else "") for i, w in enumerate(chosen)),
        ),
        ("unpunctuated", " ".join(chosen)),
    ):
        src = work / "long.fa.txt"
        src.write_text(text + "\n", encoding="utf-8")
        out = work / "long"
        shutil.rmtree(out, ignore_errors=True)
        args = ("translate", src, "--to", "en", "--no-glossary", "--beam-size", "1", "--out-dir", out)
        seconds, proc = timed(xling(*args), env)
        if proc.returncode != 0:
            print(f"  {label}: {seconds:.2f} s, exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1]!r}")
            continue
        produced = (out / "long.en.txt").read_text(encoding="utf-8").split()
        records = [json.loads(line) for line in (out / "long.jsonl").read_text(encoding="utf-8").splitlines()]
        normalized = [w for r in records for w in r["text"].split()]  # the copy model's input
        pieces = [c["split"] for r in records for c in r["changes"] if c["stage"] == "translate" and c.get("split")]
        print(
            f"  {label}: {seconds:.2f} s, exit 0, output equals the normalized input word for word: "
            f"{produced == normalized} ({len(produced)} words), segments {len(records)}, split {pieces or 'none'}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; xling copy test models (not translations)")
    with tempfile.TemporaryDirectory(prefix="xling-bench-hardening-") as tmp:
        work = Path(tmp)
        packages = work / "argos" / "packages"
        packages.mkdir(parents=True)
        install_copy_models(packages)
        env = child_env(work / "home", packages)
        words = article_words()
        bench_binary(work, env, args.repeat)
        bench_sigint(words, work, env, args.repeat)
        bench_long_segment(words, work, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
