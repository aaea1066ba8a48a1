"""``xling batch translate``: byte-identical to single runs, resumable, robust to bad documents
and to SIGKILL, the same on Ray. Copy test models; documents cut from the bundled article."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mt_helpers import copy_model, install_packages, run_xling, tree, xling_env

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "putin-sharaa-2025-10-15.fa.txt"
TARGETS = "en,ru,ar"


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


def _make_feed(folder: Path, n: int = 10) -> list[Path]:
    """``n`` small documents of 1–3 lines of the article, a third of them in sub-folders."""
    lines = [ln for ln in ARTICLE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    paths = []
    for i in range(n):
        sub = folder / ("2025/10" if i % 3 == 1 else "2025" if i % 3 == 2 else "")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"doc{i:02d}.fa.txt"
        p.write_text("\n\n".join(lines[(i + k) % len(lines)] for k in range(1 + i % 3)) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _record(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "batch.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _last_states(out: Path) -> dict[str, str]:
    return {e["id"]: e["state"] for e in _record(out)}


def _batch(feed: Path, out: Path, env: dict, *extra: str) -> subprocess.CompletedProcess:
    return run_xling(["batch", "translate", feed, "--from", "fa", "--to", TARGETS, "--out-dir", out, *extra], env)


@pytest.fixture(scope="module")
def batch_run(packages, tmp_path_factory):
    work = tmp_path_factory.mktemp("batch")
    env = xling_env(work / "home", packages)
    docs = _make_feed(work / "feed")
    proc = _batch(work / "feed", work / "out", env, "--chunk-chars", "600")
    return work, env, docs, proc


def test_batch_outputs_are_byte_identical_to_single_translate_runs(batch_run):
    work, env, docs, proc = batch_run
    assert proc.returncode == 0, proc.stderr
    for doc in (docs[0], docs[1], docs[5]):  # top level, 2025/10, 2025
        rel = doc.parent.relative_to(work / "feed")
        single = work / "single" / doc.name
        r = run_xling(["translate", doc, "--from", "fa", "--to", TARGETS, "--out-dir", single], env)
        assert r.returncode == 0, r.stderr
        want = tree(single)
        stem = doc.name.removesuffix(".fa.txt")
        got = {k: v for k, v in tree(work / "out" / rel).items() if k.split(".")[0] == stem}
        assert want and got == want
    assert {e["id"] for e in _record(work / "out") if e["state"] == "done"} == {
        d.relative_to(work / "feed").as_posix() for d in docs
    }


def test_rerun_does_no_work_and_records_skipped(batch_run):
    work, env, _, _ = batch_run
    before = {p: p.stat().st_mtime_ns for p in (work / "out").rglob("doc*")}
    proc = _batch(work / "feed", work / "out", env)
    assert proc.returncode == 0, proc.stderr
    assert set(_last_states(work / "out").values()) == {"skipped"}
    assert "0 documents to translate, 10 already done" in proc.stderr
    assert {p: p.stat().st_mtime_ns for p in (work / "out").rglob("doc*")} == before


def test_changed_document_is_redone(batch_run):
    work, env, docs, _ = batch_run
    lines = [ln for ln in ARTICLE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    docs[3].write_text(lines[-1] + "\n", encoding="utf-8")
    proc = _batch(work / "feed", work / "out", env)
    assert proc.returncode == 0, proc.stderr
    states = _last_states(work / "out")
    assert states.pop("doc03.fa.txt") == "done"
    assert set(states.values()) == {"skipped"}
    assert (work / "out" / "doc03.en.txt").read_text(encoding="utf-8") == lines[-1] + "\n"


def test_bad_documents_are_recorded_failed_and_the_rest_complete(packages, tmp_path):
    env = xling_env(tmp_path / "home", packages)
    feed = tmp_path / "feed"
    _make_feed(feed, 3)
    (feed / "empty.txt").write_text("  \n", encoding="utf-8")
    (feed / "legacy.txt").write_bytes("سلام بر شما، این یک متن است".replace("ی", "ي").encode("cp1256"))
    (feed / "notes.txt").mkdir()  # a folder and a dangling link named like documents were
    (feed / "gone.txt").symlink_to(tmp_path / "moved.txt")  # skipped without a word (red team)
    proc = _batch(feed, tmp_path / "out", env)
    assert proc.returncode == 1
    states = _last_states(tmp_path / "out")
    assert states["empty.txt"] == "failed" and states["legacy.txt"] == "failed"
    assert states["notes.txt"] == "failed" and states["gone.txt"] == "failed"
    assert [s for k, s in states.items() if "doc" in k] == ["done"] * 3
    errors = {e["id"]: e["error"] for e in _record(tmp_path / "out") if e["state"] == "failed"}
    assert "empty document" in errors["empty.txt"] and "--encoding" in errors["legacy.txt"]
    assert "is a folder" in errors["notes.txt"] and "moved.txt, which does not exist" in errors["gone.txt"]
    assert "failed documents" in proc.stderr and not list((tmp_path / "out").glob("empty*"))


def test_sigkill_mid_run_then_rerun_completes_with_identical_outputs(packages, tmp_path):
    """The run is killed while it waits on a document (a FIFO in the manifest), after the
    documents before it were recorded done; the rerun finishes with the same outputs as a run
    that was never killed."""
    env = xling_env(tmp_path / "home", packages)
    docs = _make_feed(tmp_path / "feed", 6)
    fifo = tmp_path / "feed" / "doc03.fa.txt"
    content = docs[3].read_bytes()
    fifo.unlink()
    os.mkfifo(fifo)
    manifest = tmp_path / "feed" / "manifest.txt"
    manifest.write_text("".join(f"{d.relative_to(tmp_path / 'feed')}\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "xling",
        "batch",
        "translate",
        str(manifest),
        "--from",
        "fa",
        "--to",
        TARGETS,
        "--out-dir",
        str(out),
        "--chunk-chars",
        "1",
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if (out / "batch.jsonl").exists() and sum(s == "done" for s in _last_states(out).values()) >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.3)  # blocked reading the FIFO
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    states = _last_states(out)
    assert sum(s == "done" for s in states.values()) == 3 and states["doc03.fa.txt"] == "pending"
    fifo.unlink()
    fifo.write_bytes(content)
    rerun = run_xling(cmd[3:], env)
    assert rerun.returncode == 0, rerun.stderr
    clean = run_xling(
        ["batch", "translate", manifest, "--from", "fa", "--to", TARGETS, "--out-dir", tmp_path / "clean"], env
    )
    assert clean.returncode == 0, clean.stderr
    strip = lambda t: {k: v for k, v in t.items() if k != "batch.jsonl"}  # noqa: E731
    assert strip(tree(out)) == strip(tree(tmp_path / "clean"))
    assert not [p for p in out.rglob("*.tmp")]


def test_ray_executor_gives_identical_outputs(batch_run):
    pytest.importorskip("ray", reason="ray is not installed: pip install 'xling[ray]' runs this test")
    work, env, _, _ = batch_run
    proc = _batch(work / "feed", work / "ray", env, "--executor", "ray", "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    strip = lambda t: {k: v for k, v in t.items() if k != "batch.jsonl"}  # noqa: E731
    local = work / "local-again"
    assert _batch(work / "feed", local, env).returncode == 0
    assert strip(tree(work / "ray")) == strip(tree(local))


def test_batch_warns_that_a_test_model_is_used(batch_run):
    """As ``xling translate`` does: a copy test model's output is never a translation."""
    proc = batch_run[3]
    assert "xling test model: copy fa→en" in proc.stderr and "not a translation" in proc.stderr


def test_encoding_applies_only_to_documents_that_are_not_utf8(tmp_path):
    """A mixed feed rerun with --encoding cp1256 (as a legacy document's error advises) keeps
    its UTF-8 documents UTF-8 instead of turning them into mojibake."""
    from xling.batch.manifest import BatchDocument
    from xling.batch.run import read_document

    utf8, legacy = tmp_path / "a.txt", tmp_path / "b.txt"
    utf8.write_text("سلام بر شما\n", encoding="utf-8")
    legacy.write_bytes("سلام بر شما\n".replace("ی", "ي").encode("cp1256"))
    assert read_document(BatchDocument("a.txt", utf8), "cp1256")[1] == "سلام بر شما\n"
    assert read_document(BatchDocument("b.txt", legacy), "cp1256")[1] == "سلام بر شما\n".replace("ی", "ي")


def test_manifest_errors_name_file_and_line(tmp_path):
    from xling.batch.manifest import discover
    from xling.errors import InputError

    m = tmp_path / "feed.jsonl"
    m.write_text('{"path": "a.txt"}\n{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"feed.jsonl:2: .*\"path\""):
        discover(m)
    m.write_text('{"path": "a.txt", "id": "same"}\n{"path": "b.txt", "id": "same"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="share the id 'same'"):
        discover(m)


def test_manifest_jsonl_ids_columns_and_subfolders(tmp_path):
    from xling.batch.manifest import discover

    (tmp_path / "2025").mkdir()
    m = tmp_path / "feed.jsonl"
    m.write_text('{"path": "2025/a.fa.txt", "id": 7, "en": "refs/a.en.txt"}\n# note\n\nb.fa.txt\n', encoding="utf-8")
    a, b = discover(m)
    assert (a.id, a.subdir, a.columns, a.path) == ("7", "2025", {"en": "refs/a.en.txt"}, tmp_path / "2025/a.fa.txt")
    assert (b.id, b.subdir) == ("b.fa.txt", "")


def test_folder_discovery_skips_the_output_folder_and_hidden_files(tmp_path):
    from xling.batch.manifest import discover

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.en.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert [d.id for d in discover(tmp_path, exclude=tmp_path / "out")] == ["a.txt"]


def test_record_ignores_a_torn_last_line_but_not_a_torn_middle_line(tmp_path):
    from xling.batch.record import BatchRecord
    from xling.errors import InputError

    path = tmp_path / "batch.jsonl"
    rec = BatchRecord(path)
    rec.append([{"id": "a", "state": "done"}])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('{"id": "b", "sta')
    again = BatchRecord(path)
    assert again.last["a"]["state"] == "done" and "b" not in again.last
    again.append([{"id": "c", "state": "failed"}])
    assert BatchRecord(path).last["c"]["state"] == "failed"
    path.write_text('{"id": "a"\n{"id": "b", "state": "done"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"batch.jsonl:1: not a JSON line"):
        BatchRecord(path)


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path):
    from xling.batch.driver import remove_stale_temporaries

    (tmp_path / "sub").mkdir()
    stale = tmp_path / "sub" / ".a.en.txt.k2j4h5g6.tmp"
    stale.write_text("half", encoding="utf-8")
    keep = tmp_path / ".notes.tmp"
    keep.write_text("mine", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path) == 1
    assert not stale.exists() and keep.exists()


def test_ray_missing_is_a_one_line_install_hint(monkeypatch):
    import builtins

    from xling.batch.executors import run_ray
    from xling.errors import InputError

    real_import = builtins.__import__

    def no_ray(name, *a, **k):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(InputError, match=r"pip install 'xling\[ray\]'"):
        list(run_ray(None, [], None, 1))  # type: ignore[arg-type]


DATA = Path(__file__).resolve().parent / "data" / "align"


def _corpus(folder: Path) -> Path:
    """Two documents (the article's sentences) with their en/ru/ar references beside them,
    the second in a sub-folder."""
    for sub, stem in (("", "putin"), ("2025", "putin2")):
        d = folder / sub
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{stem}.fa.txt").write_bytes((DATA / "sentences.fa.txt").read_bytes())
        for lang in ("en", "ru", "ar"):
            (d / f"{stem}.{lang}.txt").write_bytes((DATA / f"reference.{lang}.txt").read_bytes())
    return folder


def test_batch_align_writes_one_tmx_per_document_or_one_combined(cli, tmp_path):
    from xling.formats.tmx import read_tmx

    feed = _corpus(tmp_path / "feed")
    r = cli(
        ["batch", "align", feed, "--from", "fa", "--to", "en,ru,ar", "--out-dir", tmp_path / "tmx", "--presegmented"]
    )
    assert r.exit_code == 0, r.output
    one = read_tmx((tmp_path / "tmx" / "putin.tmx").read_bytes())[1]
    two = read_tmx((tmp_path / "tmx" / "2025" / "putin2.tmx").read_bytes())[1]
    assert one == two and len(one) == 15 and all(set(tu) == {"fa", "en", "ru", "ar"} for tu in one)
    r = cli(["batch", "align", feed, "--to", "en,ru,ar", "--out-dir", tmp_path / "all", "--presegmented", "--combine"])
    assert r.exit_code == 0, r.output
    assert read_tmx((tmp_path / "all" / "corpus.tmx").read_bytes())[1] == one + two


def test_batch_align_reports_a_document_without_translations(cli, tmp_path):
    feed = _corpus(tmp_path / "feed")
    (feed / "2025" / "putin2.ru.txt").unlink()
    r = cli(["batch", "align", feed, "--to", "en,ru,ar", "--out-dir", tmp_path / "tmx", "--presegmented"])
    assert r.exit_code == 1
    assert "putin2.ru.txt: no such file" in r.output
    assert (tmp_path / "tmx" / "putin.tmx").exists() and not (tmp_path / "tmx" / "2025").exists()


def test_batch_score_corpus_report(cli, tmp_path):
    import json

    feed = _corpus(tmp_path / "feed")
    hyp = _corpus(tmp_path / "hyp")
    en = (hyp / "2025" / "putin2.en.txt").read_text(encoding="utf-8").replace("1944", "1945")
    (hyp / "2025" / "putin2.en.txt").write_text(en, encoding="utf-8")
    r = cli(["batch", "score", feed, "--to", "en,ru", "--hyp-dir", hyp, "--ref-dir", feed, "--json"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["schema"] == "xling-batch-score/1"
    assert rep["corpus"]["ru"]["bleu"]["score"] == 100.0
    assert 99.0 < rep["corpus"]["en"]["bleu"]["score"] < 100.0
    assert "xling-norm:" in rep["corpus"]["en"]["chrf"]["signature"]
    rows = {(d["id"], d["lang"]): d for d in rep["documents"]}
    assert rows[("putin.fa.txt", "en")]["scores"]["bleu"] == 100.0
    assert rows[("2025/putin2.fa.txt", "en")]["counts"]["error"] >= 1  # the number mismatch
    assert rep["terms"]["en"]["success_rate"] == 1.0 and rep["terms"]["en"]["expected"] > 0
    assert rep["qa"]["en"]["error"] >= 1 and rep["qa"]["ru"]["error"] == 0


def test_batch_score_text_output_uses_the_one_rate_format_and_plurals(cli, tmp_path, monkeypatch):
    """Defect 23 (issue 11): ``term success rate en: 1.00 (31/31)`` and ``QA en: 1 errors``;
    now the one formatter of every command (``1.0000 (31/31)``) and ``1 error``."""
    import re

    feed = _corpus(tmp_path / "feed")
    hyp = _corpus(tmp_path / "hyp")
    en = (hyp / "2025" / "putin2.en.txt").read_text(encoding="utf-8").replace("1944", "1945")
    (hyp / "2025" / "putin2.en.txt").write_text(en, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "200")
    r = cli(["batch", "score", feed, "--to", "en", "--hyp-dir", hyp, "--ref-dir", feed])
    assert r.exit_code == 0, r.output
    assert re.search(r"^term success rate en: 1\.0000 \((\d+)/\1\)$", r.stdout, re.M), r.stdout
    assert re.search(r"│ 1\.0000 \(\d+/\d+\) +│", r.stdout), r.stdout  # the table's terms column
    assert re.search(r"^QA en: \d+ errors?, \d+ warnings?$", r.stdout, re.M) and " 1 errors" not in r.stdout


def test_encoding_is_part_of_the_settings_fingerprint(tmp_path):
    """A rerun with another --encoding redoes the documents (red team: it was skipped, and a
    legacy document kept the output of the old encoding)."""
    from xling.batch.run import BatchSettings, config_key
    from xling.pipeline import TranslateConfig

    config = TranslateConfig("fa", ("en",), glossary=None)
    keys = {config_key(config, BatchSettings(str(tmp_path), encoding=e)) for e in (None, "cp1256", "iso-8859-6")}
    assert len(keys) == 3


def test_sigint_stops_a_batch_at_the_next_sub_batch(packages, tmp_path):
    """Ctrl-C during `batch translate` used to be seen only when CTranslate2 returned from the
    whole leg of a chunk (a synchronous call): the leg ran to its end (its log line printed after
    the SIGINT; >10 s on 235 KB documents). Now the stop flag is checked at every sub-batch, as
    in `xling translate`: exit 130, one line, finished documents recorded, nothing else written."""
    import random

    words = [w for w in ARTICLE.read_text(encoding="utf-8").split() if w.isalpha()]
    rng = random.Random(7)
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "a-small.fa.txt").write_text("سلام دنیا.\n", encoding="utf-8")
    sentences = [" ".join(rng.choice(words) for _ in range(30)) + "." for _ in range(300)]
    (feed / "b-large.fa.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    out, err = tmp_path / "out", tmp_path / "err.txt"
    cmd = [sys.executable, "-m", "xling", "batch", "translate", feed, "--from", "fa", "--to", "en", "--out-dir", out]
    with open(err, "wb") as fh:
        proc = subprocess.Popen(
            [*map(str, cmd), "--chunk-chars", "1"], env=xling_env(tmp_path / "home", packages), stderr=fh
        )
        try:
            deadline = time.monotonic() + 240
            while proc.poll() is None and time.monotonic() < deadline:
                if (out / "batch.jsonl").exists() and _last_states(out).get("a-small.fa.txt") == "done":
                    break
                time.sleep(0.05)
            time.sleep(3.0)  # the large document's chunk is being translated (its leg takes ~25 s)
            assert proc.poll() is None, err.read_text(encoding="utf-8")
            marker = len(err.read_bytes())
            proc.send_signal(signal.SIGINT)
            rc = proc.wait(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    text = err.read_text(encoding="utf-8")
    after = err.read_bytes()[marker:].decode("utf-8")
    assert rc == 130, text
    assert (
        text.strip().splitlines()[-1]
        == "xling: interrupted; finished documents are recorded in batch.jsonl: rerun to resume"
    )
    assert "translate fa→en:" not in after, after  # the leg did not run to its end
    states = _last_states(out)
    assert states == {"a-small.fa.txt": "done", "b-large.fa.txt": "pending"}
    assert not list(out.glob("b-large*")) and not list(out.rglob("*.tmp"))
