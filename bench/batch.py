"""Benchmark: a corpus run (``xling batch translate``) against the ways an Argos user would do it.

Run from the repository root::

    .venv/bin/python bench/batch.py                     # 100 documents of 20-60 sentences, beam 4
    .venv/bin/python bench/batch.py --docs 8 --max 30   # a smaller run (say so when quoting it)

What it does:

1. Builds (or reuses, in ``.bench-cache/``) the transformer-base test models fa→en, en→ru and
   fa→ar (``python -m xling.testing.models copy --from X --to Y --size base``: 6+6 layers,
   d_model 512, 32k pieces, random weights: NOT translation models; each hypothesis has as many
   tokens as its source, so every path does the same decoding work) and installs them into a
   temporary ``ARGOS_PACKAGES_DIR``.
2. Generates ``--docs`` documents (default 100) of ``--min``..``--max`` sentences (default
   20-60), drawn with a fixed seed from the bundled article's 16 sentences and bench/translate.py's
   4 extra ones, shuffled and recombined, a paragraph every 3 sentences.
3. Translates all of them to en, ru (through the en pivot) and ar at beam ``--beam`` (4) along
   each path, each in its own child process tree whose peak RSS (sum over the tree, sampled every
   0.1 s with psutil) is recorded:

   * ``argos-loop``: ``argostranslate.translate.translate(doc, "fa", lang)`` per document and
     target, as an Argos user would (its fa→ru pivot redoes fa→en); the MiniSBD splitter is
     replaced by one that keeps each line whole (offline; favours argostranslate) and its
     paragraph cache is emptied before each call (the documents repeat sentences, and a cache
     hit is not translation work);
   * ``xling-procs``: one ``xling translate DOC --to en,ru,ar`` process per document;
   * ``batch-1`` / ``batch-2``: ``xling batch translate FOLDER`` with ``--workers 1`` / ``2``;
   * ``batch-ray``: ``xling batch translate FOLDER --executor ray --workers 2`` (a local Ray
     instance with 2 CPUs), when Ray is installed;
   * ``ct2-limit``: the physical limit: one bare CTranslate2 ``translate_batch`` per leg over
     every segment, pre-tokenized with SentencePiece, in one process (tokenizing and loading
     not timed).

   xling's paths run with ``--no-glossary`` (argostranslate has no termbase step). The ZWNJ
   lexicon cache is built before the paths run (as after a user's first run; ``--cold-lexicon``
   leaves it to the first xling path, whose peak then includes hazm's imports, about 240 MB).
4. Prints documents/s, segments/s, wall seconds and peak RSS per path, with the throughput ratio
   against the argostranslate loop and against the CTranslate2 limit.

Goals (issue 14): batch ≥ 6x the argostranslate loop; within 10 % of the CTranslate2 limit; Ray
within 20 % of local at the same core count; ``batch-1`` peak memory ≤ one argostranslate process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from translate import EXTRA_SENTENCES, builder_hash, child_env  # noqa: E402

LEGS = [("fa", "en"), ("en", "ru"), ("fa", "ar")]
TARGETS = ["en", "ru", "ar"]
PATHS = ["argos-loop", "xling-procs", "batch-1", "batch-2", "batch-ray", "ct2-limit"]


def cached_model(cache_dir: Path, src: str, tgt: str) -> Path:
    """The transformer-base test model src→tgt, built once per builder version."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"xling-test-base-{src}_{tgt}-{builder_hash()}.argosmodel"
    if not path.exists():
        print(f"model: building the transformer-base test model {src}→{tgt} (random weights; once) ...", flush=True)
        cmd = ["-m", "xling.testing.models", "copy", "--from", src, "--to", tgt, "--size", "base", "--out", str(path)]
        subprocess.run([sys.executable, *cmd], check=True, cwd=ROOT)
    return path


def make_documents(folder: Path, n: int, lo: int, hi: int, seed: int = 14) -> list[Path]:
    """``n`` documents of ``lo``..``hi`` sentences (one a line, a blank line every 3)."""
    from xling.text.segment import segment_text

    article = (ROOT / "examples" / "putin-sharaa-2025-10-15.fa.txt").read_text(encoding="utf-8")
    pool = [s.one_line() for s in segment_text(article, "fa")] + EXTRA_SENTENCES
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        sents = [rng.choice(pool) for _ in range(rng.randint(lo, hi))]
        paras = ["\n".join(sents[k : k + 3]) for k in range(0, len(sents), 3)]
        p = folder / f"doc{i:03d}.fa.txt"
        p.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


# ------------------------------------------------------------------------------ children

ARGOS_CHILD = r"""
import json, sys
from argostranslate import sbd, translate
sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [text]
docs = json.load(open(sys.argv[1], encoding="utf-8"))
translate.translate("سلام", "fa", "en")
for text in docs:
    for lang in ("en", "ru", "ar"):
        for it in translate.get_installed_languages():
            for t in getattr(it, "translations_from", []):
                if hasattr(t, "cached_translation"):
                    t.cached_translation.cache = {}
        for installed in getattr(translate, "installed_translates", []):
            installed.cached_translation.cache = {}
        translate.translate(text, "fa", lang)
"""

CT2_CHILD = r"""
import json, sys, time
import ctranslate2, sentencepiece
from xling.mt.packages import find_package
docs = json.load(open(sys.argv[1], encoding="utf-8"))
beam = int(sys.argv[2])
segs = [line for text in docs for line in text.split("\n") if line.strip()]
models = {}
for src, tgt in (("fa", "en"), ("en", "ru"), ("fa", "ar")):
    pkg = find_package(src, tgt)
    sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.path / "sentencepiece.model"))
    models[(src, tgt)] = (ctranslate2.Translator(str(pkg.path / "model"), device="cpu", inter_threads=1, intra_threads=2), sp)
tok = {"fa": [models[("fa", "en")][1].encode(s, out_type=str) for s in segs]}
t0 = time.perf_counter()
def run(leg, batch):
    tr, _ = models[leg]
    res = tr.translate_batch(batch, beam_size=beam, length_penalty=0.2, max_batch_size=2048, batch_type="tokens")
    return [r.hypotheses[0] for r in res]
en = run(("fa", "en"), tok["fa"])
run(("en", "ru"), en)
run(("fa", "ar"), tok["fa"])
print(json.dumps({"translate_s": time.perf_counter() - t0}))
"""


def sample_tree(proc: subprocess.Popen) -> float:
    """Wait for ``proc`` and return the peak RSS of its process tree, in MB."""
    import psutil

    peak = 0.0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()) / 1e6)
        except psutil.Error:
            pass
        time.sleep(0.1)
    return peak


def run_path(name: str, docs: list[Path], work: Path, env: dict[str, str], beam: int) -> dict:
    """Run one path in its own process tree; returns wall seconds, peak RSS and any timing it printed."""
    docs_json = work / "docs.json"
    docs_json.write_text(
        json.dumps([d.read_text(encoding="utf-8") for d in docs], ensure_ascii=False), encoding="utf-8"
    )
    xling = [sys.executable, "-m", "xling"]
    common = ["--from", "fa", "--to", ",".join(TARGETS), "--no-glossary", "--beam-size", str(beam)]
    out = work / name
    if name == "argos-loop":
        cmds = [[sys.executable, "-c", ARGOS_CHILD, str(docs_json)]]
    elif name == "ct2-limit":
        cmds = [[sys.executable, "-c", CT2_CHILD, str(docs_json), str(beam)]]
    elif name == "xling-procs":
        cmds = [[*xling, "translate", str(d), *common, "--out-dir", str(out)] for d in docs]
    else:
        extra = {
            "batch-1": ["--workers", "1"],
            "batch-2": ["--workers", "2"],
            "batch-ray": ["--executor", "ray", "--workers", "2"],
        }[name]
        cmds = [[*xling, "batch", "translate", str(docs[0].parent), *common, "--out-dir", str(out), "--quiet", *extra]]
    t0 = time.perf_counter()
    peak, printed = 0.0, {}
    for cmd in cmds:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = max(peak, sample_tree(proc))
        stdout, stderr = proc.communicate()
        if proc.returncode not in (0,):
            sys.exit(f"bench: {name} failed ({proc.returncode}):\n{stderr[-2000:]}")
        if name == "ct2-limit":
            printed = json.loads(stdout.strip().splitlines()[-1])
    wall = time.perf_counter() - t0
    result = {"wall_s": printed.get("translate_s", wall), "total_s": wall, "peak_rss_mb": peak}
    if name.startswith("batch-"):
        # The same command again: every document is skipped, so this is the fixed cost
        # (imports, session, model loading, hashing); wall minus it is the translation work.
        t1 = time.perf_counter()
        subprocess.run(cmds[0], env=env, cwd=ROOT, capture_output=True, check=True)
        result["overhead_s"] = time.perf_counter() - t1
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--min", type=int, default=20)
    ap.add_argument("--max", type=int, default=60)
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--paths", default=",".join(PATHS), help="comma-separated subset of " + ",".join(PATHS))
    ap.add_argument("--cache-dir", type=Path, default=ROOT / ".bench-cache")
    ap.add_argument(
        "--cold-lexicon",
        action="store_true",
        help="do not build the ZWNJ lexicon cache first (the first xling path then builds it, importing hazm)",
    )
    args = ap.parse_args(argv)
    paths = [p for p in args.paths.split(",") if p]
    if "batch-ray" in paths:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("batch-ray: skipped (Ray not installed: pip install 'xling[ray]')")
            paths.remove("batch-ray")
    with tempfile.TemporaryDirectory(prefix="xling-bench-batch-") as tmp:
        work = Path(tmp)
        home, packages = work / "home", work / "packages"
        env = child_env(home, packages, args.beam)
        for src, tgt in LEGS:
            code = "import sys; from xling.mt.packages import install_file; install_file(sys.argv[1])"
            subprocess.run(
                [sys.executable, "-c", code, str(cached_model(args.cache_dir, src, tgt))], env=env, check=True, cwd=ROOT
            )
        if not args.cold_lexicon:
            # Set-up, like the model installs: the ZWNJ lexicon index a user's first run builds
            # once and caches (XDG cache). Building it imports hazm (about 240 MB that stay in
            # the process), so a cold first run would carry that in every xling path's peak.
            code = "from xling.text.zwnj import load_lexicon; load_lexicon()"
            subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)
        print(
            f"ZWNJ lexicon cache: {'cold (built by the first xling path)' if args.cold_lexicon else 'built before the paths run'}"
        )
        docs = make_documents(work / "feed", args.docs, args.min, args.max)
        n_segs = sum(sum(1 for ln in d.read_text(encoding="utf-8").splitlines() if ln.strip()) for d in docs)
        print(
            f"documents: {len(docs)} ({args.min}-{args.max} sentences), {n_segs} segments, targets en,ru(via en),ar, beam {args.beam}, CPUs {os.cpu_count()}"
        )
        results = {}
        for name in paths:
            print(f"running {name} ...", flush=True)
            results[name] = run_path(name, docs, work, env, args.beam)
        report(results, len(docs), n_segs)
    return 0


def report(results: dict[str, dict], n_docs: int, n_segs: int) -> None:
    """The table: rates, memory, and ratios against the Argos loop and the CTranslate2 limit."""
    base = results.get("argos-loop")
    limit = results.get("ct2-limit")
    print(
        f"{'path':12} {'docs/s':>8} {'segs/s':>8} {'seconds':>8} {'peak MB':>8} {'x argos':>8} {'/limit':>7} {'net/limit':>9}"
    )
    for name, r in results.items():
        rate = n_segs / r["wall_s"]
        vs_argos = f"{base['wall_s'] / r['wall_s']:8.2f}" if base else f"{'':>8}"
        vs_limit = f"{limit['wall_s'] / r['wall_s']:7.2f}" if limit else f"{'':>7}"
        net = r["wall_s"] - r.get("overhead_s", 0.0)
        vs_net = f"{limit['wall_s'] / net:9.2f}" if limit and "overhead_s" in r and net > 0 else f"{'':>9}"
        row = f"{name:12} {n_docs / r['wall_s']:8.3f} {rate:8.2f} {r['wall_s']:8.1f} {r['peak_rss_mb']:8.0f}"
        print(f"{row} {vs_argos} {vs_limit} {vs_net}")
    print(
        "seconds: wall time of the path (for ct2-limit: the translate_batch calls only); /limit: share of the"
        " limit's throughput; net/limit: the same after subtracting the batch command's fixed cost (a rerun"
        " that skips every document: imports, model loading, hashing)"
    )


if __name__ == "__main__":
    sys.exit(main())
