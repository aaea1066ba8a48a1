"""Benchmark: xling's batched CTranslate2 path against argostranslate.translate.translate().

Run from the repository root::

    .venv/bin/python bench/translate.py            # beam 4 (argostranslate's default) and beam 1
    .venv/bin/python bench/translate.py --beam 4   # one beam size

What it does:

1. Builds the transformer-base test model (``python -m xling.testing.models copy --from fa --to
   en --size base``: 6+6 layers, d_model 512, 8 heads, FFN 2048, 32 000 pieces, seeded random
   weights, int8) once and caches it in ``.bench-cache/`` (``--cache-dir``); the cache key is a
   hash of the builder's source. Its hypotheses are garbage by design, not translations; each
   has exactly as many tokens as its source, so both paths do the same decoding work.
2. Installs it into a temporary ``ARGOS_PACKAGES_DIR`` with xling's validated install (which
   calls argostranslate's ``install_from_path``).
3. Segments the bundled article ``examples/putin-sharaa-2025-10-15.fa.txt`` with xling's
   segmenter (16 sentences) and adds 4 fixed Persian sentences: 20 sentences. Nothing is read
   from ``../shared``.
4. For each beam size, runs each path in its OWN child process (fresh imports, its own peak
   RSS), with ``HOME``/``XDG_*`` pointed at a temporary folder:

   * xling: ``xling.mt.argos.load_engine("fa", "en").translate_batch(sentences, beam_size=B)``:
     one CTranslate2 ``translate_batch`` over all sentences (sub-batches counted in tokens).
   * argostranslate: ``argostranslate.translate.translate("\\n".join(sentences), "fa", "en")``
     at its defaults (``ARGOS_BEAM_SIZE`` set to B; 4 is its default), which translates each
     line as its own batch of at most 32 tokens. Offline, its default sentence splitter
     (MiniSBD) would download a model on first use and fail, so in that child ONLY the
     splitter is replaced by one that keeps each line whole (no splitting work: this favours
     argostranslate). Everything else is argostranslate's own code.

   Each child first translates one short warm-up sentence (not part of the set), then times
   the 20 sentences ``--repeat`` times (default 2; argostranslate's paragraph cache is emptied
   before each run) and keeps the fastest run.
   The two children alternate for ``--rounds`` rounds (default 2); each path keeps its best.
5. Prints sentences per second (wall clock), the CPU seconds of the timed run (less sensitive
   to other processes on a shared machine), the throughput ratio, the peak RSS of each child
   (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) and its ratio, the import+load time, and
   whether both paths produced the same hypotheses (argostranslate turns ``_`` into spaces;
   that is undone before comparing).

6. Issue 16: one more row per engine kind of a converted model folder (``opus-mt``, ``nllb``,
   ``m2m100``): the transformer-base test model in that layout (``python -m xling.testing.models
   copy --kind KIND --langs fa,en --size base``: same sizes and builder, random weights, the
   kind's language tokens in the vocabulary), run fa→en through ``xling.mt.folder_engines``
   (``--kinds`` chooses; ``--kinds none`` skips them), on the same sentences and beam, in its own
   child process alternated with the others. Language tokens make NLLB/M2M-100 sources one
   token longer (and their hypotheses one forced prefix token longer) than Argos/OPUS-MT ones.

7. Row ``xling +stop``: the same engine call as ``xling argos`` with the progress callback of
   ``xling translate`` that checks a stop flag (issue 11, Ctrl-C), so CTranslate2 runs
   asynchronously and the running sub-batch is polled every ``xling.mt.ct2.POLL_SECONDS``: the
   cost of the Ctrl-C guarantee, in the same run.
8. ``--against DIR`` (e.g. ``/work/wt/baseline``, an older checkout): that checkout's own xling
   child runs on the same installed model, alternated in the same rounds, as row ``xling @SHA``:
   a speed regression of xling shows there, and not as a change of the argostranslate ratio
   between runs made at different times (argostranslate's row is the most sensitive one to the
   machine's load: many small calls on 2 intra-op threads).

Goal (issue 2): at least 3x argostranslate's throughput at the same beam size, lower peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "putin-sharaa-2025-10-15.fa.txt"
BUILDER_SOURCES = ["models.py", "ct2_build.py", "sp_train.py"]

EXTRA_SENTENCES = [
    "وزیر امور خارجه روسیه پیش از این دیدار با همتای سوری خود در مسکو گفت‌وگو کرده بود.",
    "دو طرف درباره آینده پایگاه‌های نظامی روسیه در سوریه و همکاری‌های اقتصادی بحث کردند.",
    "به گفته کرملین، این نخستین سفر رئیس دولت موقت سوریه به روسیه پس از تغییر حکومت است.",
    "مذاکرات حدود سه ساعت طول کشید و قرار است کمیسیون مشترک دو کشور به زودی تشکیل جلسه دهد.",
]
WARMUP = "این یک جمله کوتاه برای گرم کردن است."


def bench_sentences() -> list[str]:
    """The 20 benchmark sentences: the bundled article through xling's segmenter, plus 4 more."""
    from xling.io import read_text
    from xling.text.segment import segment_text

    text = read_text(ARTICLE)
    return [s.text.strip() for s in segment_text(text, "fa") if s.text.strip()] + EXTRA_SENTENCES


# ---------------------------------------------------------------- child processes


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child_xling(sentences: list[str], beam: int, repeat: int, *, stop_flag: bool = False) -> dict:
    t0 = time.perf_counter()
    import threading

    from xling.mt.argos import load_engine

    engine = load_engine("fa", "en")
    engine.translate_batch([WARMUP], beam_size=beam)
    load_s = time.perf_counter() - t0
    stop = threading.Event()

    def check_stop(n: int) -> None:  # as xling translate's progress callback: stop when Ctrl-C set the flag
        if stop.is_set():
            raise KeyboardInterrupt

    extra = {"on_progress": check_stop} if stop_flag else {}
    times, cpu = [], []
    for _ in range(repeat):
        t1, c1 = time.perf_counter(), time.process_time()
        outputs = engine.translate_batch(sentences, beam_size=beam, **extra)
        times.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c1)
    return {"load_s": load_s, "times_s": times, "cpu_s": cpu, "outputs": outputs}


def child_folder(sentences: list[str], beam: int, repeat: int, model_dir: str) -> dict:
    t0 = time.perf_counter()
    from xling.mt.folder import read_model_folder
    from xling.mt.folder_engines import load_folder_engine

    engine = load_folder_engine(read_model_folder(model_dir), "fa", "en")
    engine.translate_batch([WARMUP], beam_size=beam)
    load_s = time.perf_counter() - t0
    times, cpu = [], []
    for _ in range(repeat):
        t1, c1 = time.perf_counter(), time.process_time()
        outputs = engine.translate_batch(sentences, beam_size=beam)
        times.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c1)
    return {"load_s": load_s, "times_s": times, "cpu_s": cpu, "outputs": outputs}


def child_argos(sentences: list[str], beam: int, repeat: int) -> dict:
    t0 = time.perf_counter()
    from argostranslate import sbd, settings, translate

    assert settings.beam_size == beam, (settings.beam_size, beam)
    # Offline stand-in for MiniSBD (which would download a model): keep each line whole.
    sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [text]
    translate.translate(WARMUP, "fa", "en")
    load_s = time.perf_counter() - t0
    times, cpu = [], []
    for _ in range(repeat):
        # argostranslate caches paragraphs it has seen; empty that cache so every run decodes.
        for installed in translate.installed_translates:
            installed.cached_translation.cache = {}
        t1, c1 = time.perf_counter(), time.process_time()
        out = translate.translate("\n".join(sentences), "fa", "en")
        times.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c1)
    return {"load_s": load_s, "times_s": times, "cpu_s": cpu, "outputs": out.split("\n")}


def run_child(kind: str, sentences_file: Path, beam: int, repeat: int, model_dir: str | None = None) -> None:
    sentences = json.loads(sentences_file.read_text(encoding="utf-8"))
    if kind == "folder":
        report = child_folder(sentences, beam, repeat, str(model_dir))
    elif kind == "xling-stop":
        report = child_xling(sentences, beam, repeat, stop_flag=True)
    else:
        report = (child_xling if kind == "xling" else child_argos)(sentences, beam, repeat)
    report["translate_s"] = min(report["times_s"])
    report["translate_cpu_s"] = min(report["cpu_s"])
    report["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(report, ensure_ascii=False))


# ---------------------------------------------------------------- parent


def builder_hash() -> str:
    h = hashlib.sha256()
    for name in BUILDER_SOURCES:
        h.update((ROOT / "xling" / "testing" / name).read_bytes())
    return h.hexdigest()[:12]


def cached_base_model(cache_dir: Path, *, rebuild: bool = False) -> Path:
    """Build (or reuse) the transformer-base test model archive in ``cache_dir``."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"xling-test-base-fa_en-{builder_hash()}.argosmodel"
    if path.exists() and not rebuild:
        print(f"model: {path} (cached, {path.stat().st_size / 1e6:.0f} MB)")
        return path
    for stale in cache_dir.glob("xling-test-base-fa_en-*.argosmodel"):
        stale.unlink()  # built by an older version of the builder
    print("model: building the transformer-base test model (random weights; once) ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "xling.testing.models",
            "copy",
            "--from",
            "fa",
            "--to",
            "en",
            "--size",
            "base",
            "--out",
            str(path),
        ],
        check=True,
        cwd=ROOT,
    )
    return path


def cached_folder_model(cache_dir: Path, kind: str, *, rebuild: bool = False) -> Path:
    """Build (or reuse) the transformer-base test model folder of ``kind`` (fa,en) in ``cache_dir``."""
    h = hashlib.sha256(builder_hash().encode())
    h.update((ROOT / "xling" / "testing" / "folder_models.py").read_bytes())
    path = cache_dir / f"xling-test-base-{kind}-fa_en-{h.hexdigest()[:12]}"
    if path.is_dir() and not rebuild:
        print(f"model: {path} (cached)")
        return path
    for stale in cache_dir.glob(f"xling-test-base-{kind}-fa_en-*"):
        shutil.rmtree(stale)
    print(f"model: building the transformer-base {kind} test model folder (random weights; once) ...", flush=True)
    cmd = ["-m", "xling.testing.models", "copy", "--kind", kind, "--langs", "fa,en", "--size", "base"]
    subprocess.run([sys.executable, *cmd, "--out", str(path)], check=True, cwd=ROOT)
    return path


def child_env(home: Path, packages: Path, beam: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        ARGOS_PACKAGES_DIR=str(packages),
        ARGOS_BEAM_SIZE=str(beam),
        PYTHONPATH=str(ROOT),
    )
    return env


def install(archive: Path, home: Path, packages: Path) -> None:
    code = "import sys; from xling.mt.packages import install_file; print(install_file(sys.argv[1]).label())"
    proc = subprocess.run(
        [sys.executable, "-c", code, str(archive)],
        env=child_env(home, packages, 4),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        sys.exit(f"bench: install failed:\n{proc.stderr[-2000:]}")
    print(f"installed: {proc.stdout.strip()} into {packages}")


def measure(
    kind: str,
    sentences_file: Path,
    beam: int,
    repeat: int,
    home: Path,
    packages: Path,
    model_dir: Path | None = None,
    tree: Path | None = None,
) -> dict:
    """One child process: ``kind`` (xling, xling-stop, argos, or a folder kind with ``model_dir``);
    with ``tree``, that checkout's own bench script and xling (its xling child)."""
    extra = ["--model-dir", str(model_dir)] if model_dir else []
    env = child_env(home, packages, beam)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    proc = subprocess.run(
        [
            sys.executable,
            str(tree / "bench" / "translate.py" if tree else Path(__file__).resolve()),
            "--child",
            "folder" if model_dir else "xling" if tree else kind,
            "--beam",
            str(beam),
            "--repeat",
            str(repeat),
            "--sentences",
            str(sentences_file),
            *extra,
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=tree or ROOT,
    )
    if proc.returncode != 0:
        sys.exit(f"bench: the {kind} child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _best(reports: list[dict]) -> dict:
    """Combine the reports of several child runs: fastest wall and CPU time, highest peak RSS."""
    best = dict(min(reports, key=lambda r: r["translate_s"]))
    best["translate_cpu_s"] = min(r["translate_cpu_s"] for r in reports)
    best["load_s"] = min(r["load_s"] for r in reports)
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in reports)
    return best


def _commit(tree: Path) -> str:
    """The short commit id of the checkout ``tree`` (``?`` when it is not a git checkout)."""
    proc = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return proc.stdout.strip() or "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--beam", type=int, nargs="+", default=[4, 1], help="beam sizes (default: 4 1)")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / ".bench-cache", help="where the test model is cached")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached test model")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per child; the fastest counts (default 2)")
    parser.add_argument(
        "--rounds", type=int, default=2, help="child processes per path and beam, alternated (default 2)"
    )
    parser.add_argument(
        "--kinds",
        default="opus-mt,nllb,m2m100",
        help="model-folder engine kinds to add rows for (default: opus-mt,nllb,m2m100; none: no rows)",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (e.g. /work/wt/baseline) whose xling child runs in the same rounds (row xling @SHA)",
    )
    parser.add_argument("--child", choices=["xling", "xling-stop", "argos", "folder"], help=argparse.SUPPRESS)
    parser.add_argument("--sentences", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--model-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.sentences, args.beam[0], args.repeat, args.model_dir)
        return 0

    archive = cached_base_model(args.cache_dir, rebuild=args.rebuild)
    kinds = [k for k in args.kinds.split(",") if k and k != "none"]
    folders = {k: cached_folder_model(args.cache_dir, k, rebuild=args.rebuild) for k in kinds}
    sentences = bench_sentences()
    work = Path(tempfile.mkdtemp(prefix="xling-bench-"))
    try:
        home, packages = work / "home", work / "packages"
        home.mkdir()
        install(archive, home, packages)
        sentences_file = work / "sentences.json"
        sentences_file.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
        print(
            f"sentences: {len(sentences)} (bundled article via xling's segmenter + 4), "
            f"{sum(len(s) for s in sentences)} characters; CPU threads: {os.cpu_count()}"
        )
        print(
            f"timing: fastest of {args.repeat} runs in each of {args.rounds} alternated child processes per path, "
            f"after a warm-up sentence; "
            f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        print(
            "argostranslate child: MiniSBD sentence splitter replaced by a keep-the-line-whole "
            "splitter (offline; MiniSBD would download a model)"
        )
        print()
        header = (
            f"{'beam':>4}  {'path':<15} {'sent/s':>7} {'translate s':>11} {'CPU s':>7} "
            f"{'import+load s':>13} {'peak RSS MB':>11}"
        )
        rows = []
        against = f"xling @{_commit(args.against)}" if args.against else None
        for beam in args.beam:
            # Alternate the children over several rounds and keep each one's best round, so a
            # burst of load from other processes does not decide the ratio.
            xlings = ["xling", "xling-stop", *([against] if against else [])]
            runs: dict[str, list[dict]] = {k: [] for k in (*xlings, "argos", *kinds)}
            for _ in range(args.rounds):
                for kind in runs:
                    tree = args.against.resolve() if kind == against else None
                    runs[kind].append(
                        measure(kind, sentences_file, beam, args.repeat, home, packages, folders.get(kind), tree)
                    )
            best = {k: _best(v) for k, v in runs.items()}
            rows.append((beam, best))
        print(header)
        names = {"xling": "xling argos", "xling-stop": "xling +stop", "argos": "argostranslate"}
        for beam, best in rows:
            for key, r in best.items():
                name = names.get(key, key if key == against else f"xling {key}")
                print(
                    f"{beam:>4}  {name:<15} {len(sentences) / r['translate_s']:>7.2f} {r['translate_s']:>11.2f} "
                    f"{r['translate_cpu_s']:>7.2f} {r['load_s']:>13.2f} {r['peak_rss_mb']:>11.0f}"
                )
        print()
        for beam, best in rows:
            x, a = best["xling"], best["argos"]
            for k in kinds:
                r = best[k]
                print(
                    f"beam {beam}: {k} folder model throughput / xling argos = {x['translate_s'] / r['translate_s']:.2f}x "
                    f"(CPU time: {x['translate_cpu_s'] / r['translate_cpu_s']:.2f}x); peak RSS {r['peak_rss_mb']:.0f} MB"
                )
            for key in [k for k in best if k not in ("argos", *kinds)]:
                r = best[key]
                same = sum(xo.replace("_", " ").strip() == ao.strip() for xo, ao in zip(r["outputs"], a["outputs"]))
                print(
                    f"beam {beam}: throughput {names.get(key, key)}/argostranslate = {a['translate_s'] / r['translate_s']:.2f}x "
                    f"(CPU time: {a['translate_cpu_s'] / r['translate_cpu_s']:.2f}x); "
                    f"peak RSS {r['peak_rss_mb'] / a['peak_rss_mb']:.2f} "
                    f"({r['peak_rss_mb']:.0f} MB vs {a['peak_rss_mb']:.0f} MB); "
                    f"identical hypotheses: {same}/{len(sentences)}"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
