"""`xling translate` hardening (issue 11) with xling copy test models (output = a copy of the
source, not a translation): Ctrl-C, long segments, binary input, pre-flight checks, stale
outputs, the effective beam, progress log lines, --version, the segmented source output."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mt_helpers import ROOT, copy_model, install_packages, tree, xling_env

pytestmark = pytest.mark.slow

WORDS = "سلام دنیا کتاب خانه مدرسه رئیس جمهور روسیه دیدار گفتگو امروز فردا شهر".split()


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


@pytest.fixture
def xl(cli, packages, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return cli


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _one_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    return lines[0]


# ------------------------------------------------------------------------------ Ctrl-C (defect 5)


def test_sigint_stops_with_one_line_exit_130_and_nothing_written(packages, tmp_path):
    """SIGINT while the model runs: the process used to finish the whole translation (~20 s on
    751 sentences), print nothing, ignore a second Ctrl-C. Now: stop at the next sub-batch."""
    rng = random.Random(3)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 40))) + "." for _ in range(150)]
    src = tmp_path / "big.fa.txt"
    src.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    out, err = tmp_path / "out", tmp_path / "err.txt"
    with open(err, "wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "xling", "translate", src, "--to", "en,ru", "--no-glossary", "--out-dir", out],
            stderr=fh,
            env=xling_env(tmp_path / "home", packages),
        )
        deadline = time.monotonic() + 240
        while b"protect:" not in err.read_bytes() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, err.read_text()  # still translating
        proc.send_signal(signal.SIGINT)
        rc = proc.wait(timeout=60)
    assert rc == 130
    assert err.read_text(encoding="utf-8").splitlines()[-1] == "xling: interrupted; nothing written"
    assert not out.exists()
    assert not [p for p in tmp_path.rglob("*.tmp")]


#: A child xling whose output writing hangs once its first temporary file is open (as a slow disk
#: or a long model call that never reaches a stop check would): only a second Ctrl-C ends it.
_HANG_IN_WRITE = """
import contextlib, sys, time
import xling.io
_open = xling.io.AtomicOutputs.open
@contextlib.contextmanager
def hanging_open(self, path, **kw):
    with _open(self, path, **kw) as fh:
        if not str(path).endswith(".en.txt"):
            yield fh
            return
        sys.stderr.write("writing: " + str(path) + "\\n"); sys.stderr.flush()
        while True:
            time.sleep(0.05)
        yield fh
xling.io.AtomicOutputs.open = hanging_open
sys.argv = ["xling", *sys.argv[1:]]
from xling.cli.main import main
main()
"""


def test_second_sigint_exits_at_once_and_leaves_no_temporary_file(packages, tmp_path):
    """The first Ctrl-C only sets the stop flag; when the run does not reach a stop check (here:
    writing hangs with a temporary file open), a second Ctrl-C exits at once, 130, with the
    one-line message, removing the temporary files (before: none was removed, or it hung)."""
    src = tmp_path / "doc.fa.txt"
    src.write_text("سلام دنیا. کتاب خانه.\n", encoding="utf-8")
    out, err = tmp_path / "out", tmp_path / "err.txt"
    args = ["translate", src, "--to", "en", "--no-glossary", "--out-dir", out]
    with open(err, "wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-c", _HANG_IN_WRITE, *map(str, args)], stderr=fh, env=xling_env(tmp_path / "h", packages)
        )
        try:
            deadline = time.monotonic() + 120
            while b"writing:" not in err.read_bytes() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert proc.poll() is None and list(out.glob(".*.tmp")), err.read_text()
            proc.send_signal(signal.SIGINT)
            with pytest.raises(subprocess.TimeoutExpired):
                proc.wait(timeout=1)  # the first Ctrl-C waits for a stop check that never comes
            proc.send_signal(signal.SIGINT)
            rc = proc.wait(timeout=10)
        finally:  # a failed assertion must not leave the hanging child behind
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert rc == 130
    assert err.read_text(encoding="utf-8").splitlines()[-1] == "xling: interrupted; nothing written"
    assert not list(out.glob(".*.tmp")) and not list(out.glob("*.txt"))


def test_stop_flag_is_checked_between_sub_batches(packages, monkeypatch, tmp_path):
    """The library side: a set stop event raises Interrupted (exit status 130) and writes nothing."""
    import threading

    from xling.errors import EXIT_INTERRUPTED, Interrupted
    from xling.pipeline import TranslateConfig, translate_file

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    src = tmp_path / "doc.fa.txt"
    src.write_text("سلام دنیا.\n", encoding="utf-8")
    stop = threading.Event()
    stop.set()
    with pytest.raises(Interrupted) as exc:
        translate_file(src, tmp_path / "out", TranslateConfig("fa", ("en",)), stop=stop)
    assert exc.value.exit_code == EXIT_INTERRUPTED == 130 and not (tmp_path / "out").exists()


# ------------------------------------------------------------------------- long segments (defect 3)


def test_3000_word_unpunctuated_segment_translates_to_its_input(xl, tmp_path):
    """One segment longer than the copy model's 2048 positions failed the whole document
    ("No position encodings are defined for positions >= 2048", exit 2)."""
    rng = random.Random(5)
    text = " ".join(rng.choice(WORDS) for _ in range(3000))
    src = tmp_path / "long.fa.txt"
    src.write_text(text + "\n", encoding="utf-8")
    r = xl(["translate", src, "--to", "en", "--no-glossary", "--beam-size", "1", "--out-dir", tmp_path / "o"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "o" / "long.en.txt").read_text(encoding="utf-8") == text + "\n"
    [rec] = _records(tmp_path / "o" / "long.jsonl")
    tr = next(c for c in rec["changes"] if c["stage"] == "translate")
    assert tr["split"]["fa→en"] > 1  # the record says it was cut


def test_split_to_fit_prefers_clause_boundaries():
    from xling.mt.ct2 import split_to_fit

    count = lambda t: len(t.split())  # noqa: E731 - a word count as the token count
    text = "یک دو سه. چهار پنج، شش هفت هشت نه ده"
    assert split_to_fit(text, count, 3) == ["یک دو سه.", "چهار پنج،", "شش هفت هشت", "نه ده"]
    assert " ".join(split_to_fit(text, count, 3)) == text
    assert split_to_fit("واژه", count, 1) == ["واژه"]


def test_model_positions_are_read_from_model_bin(tmp_path):
    import zipfile

    from xling.mt.ct2 import model_max_positions

    with zipfile.ZipFile(copy_model("fa", "en")) as z:
        z.extractall(tmp_path)
    [model] = tmp_path.glob("*/model")
    assert model_max_positions(model) == 2048
    assert model_max_positions(tmp_path) is None  # no model.bin


# ---------------------------------------------------------------------------- binary input (defect 4)


@pytest.mark.parametrize("encoding", [[], ["--encoding", "cp1256"]])
def test_binary_input_refused_before_any_work(xl, tmp_path, encoding):
    prog = tmp_path / "prog"
    prog.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    r = xl(["translate", prog, "--to", "en", "--out-dir", tmp_path / "o", *encoding])
    assert r.exit_code == 1
    assert "looks like a binary file" in _one_line(r.output)  # refused before the test-model notices
    assert not (tmp_path / "o").exists()


def test_utf8_with_nul_bytes_is_refused(xl, tmp_path):
    src = tmp_path / "nul.fa.txt"
    src.write_bytes("سلام".encode() + b"\x00" * 1500 + "دنیا.\n".encode())
    r = xl(["translate", src, "--to", "en", "--out-dir", tmp_path / "o"])
    assert r.exit_code == 1 and "NUL byte" in _one_line(r.output)


# ------------------------------------------------------------------------------------- pre-flight


def test_unknown_language_code_is_refused_not_install_advice(xl, tmp_path):
    r = xl(["translate", "-", "--to", "ruu", "--out-dir", tmp_path / "o"], input="سلام.\n".encode())
    line = _one_line(r.output)
    assert r.exit_code == 2 and "--to 'ruu': unknown language code" in line and "install" not in line


def test_english_file_with_default_from_fa_is_refused(xl, tmp_path):
    src = tmp_path / "news.txt"
    src.write_text("The presidents of Russia and Syria met in Moscow on Wednesday.\n", encoding="utf-8")
    r = xl(["translate", src, "--to", "en,ru", "--out-dir", tmp_path / "o"])
    line = _one_line(r.output)
    assert r.exit_code == 2 and "mostly latin script" in line and "--from fa" in line
    assert not (tmp_path / "o").exists()


def test_invalid_glossary_stops_translate_naming_validate(xl, gpath, tmp_path):
    """A glossary that `xling glossary validate` rejects (a dangling cross-reference) was used
    silently (defect 19)."""
    text = gpath.read_text(encoding="utf-8")
    assert "target: ahmed-al-sharaa" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("target: ahmed-al-sharaa", "target: ahmed-al-shara", 1), encoding="utf-8")
    r = xl(["translate", "-", "--to", "en", "--glossary", bad, "--out-dir", tmp_path / "o"], input="سلام.\n".encode())
    line = _one_line(r.output)
    assert r.exit_code == 1 and "xling glossary validate" in line and str(bad) in line
    assert not (tmp_path / "o").exists()


def test_unwritable_out_dir_is_refused_before_the_models_load(xl, tmp_path):
    r = xl(["translate", "-", "--to", "en", "--no-glossary", "--out-dir", "/proc/xling-out"], input="سلام.\n".encode())
    line = _one_line(r.output)  # one line: no test-model notice, so no model was loaded
    assert r.exit_code == 1 and "--out-dir /proc/xling-out: cannot write" in line


def test_source_output_never_overwrites_the_input(xl, tmp_path):
    src = tmp_path / "doc.fa.txt"
    src.write_text("سلام دنیا. این آزمون است.\n", encoding="utf-8")
    before = src.read_bytes()
    r = xl(["translate", src, "--to", "en", "--no-glossary", "--out-dir", tmp_path])
    assert r.exit_code == 1 and "would overwrite the input" in _one_line(r.output)
    assert src.read_bytes() == before


# ------------------------------------------------------------------------ outputs (defects 10, 21)


def test_a_run_replaces_the_stems_whole_set_of_outputs(xl, tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    for name in ("doc.ru.txt", "doc.ar.txt", "doc.qa.json", "other.en.txt", "doc.notes.md"):
        (out / name).write_text("from an earlier run\n", encoding="utf-8")
    src = tmp_path / "doc.fa.txt"
    src.write_text("سلام دنیا.\n", encoding="utf-8")
    r = xl(["translate", src, "--to", "en", "--no-glossary", "--out-dir", out])
    assert r.exit_code == 0, r.output
    assert sorted(tree(out)) == ["doc.en.txt", "doc.fa.txt", "doc.jsonl", "doc.notes.md", "other.en.txt"]


def test_jsonl_records_the_beam_that_ran(xl, tmp_path):
    src = tmp_path / "doc.fa.txt"
    src.write_text("سلام دنیا.\n", encoding="utf-8")
    assert xl(["translate", src, "--to", "en", "--no-glossary", "--out-dir", tmp_path / "a"]).exit_code == 0
    tr = next(c for c in _records(tmp_path / "a" / "doc.jsonl")[0]["changes"] if c["stage"] == "translate")
    assert tr["beam_size"] == 4  # argostranslate's default, which ran (it said null)
    r = xl(["translate", src, "--to", "en", "--no-glossary", "--beam-size", "2", "--out-dir", tmp_path / "b"])
    tr = next(c for c in _records(tmp_path / "b" / "doc.jsonl")[0]["changes"] if c["stage"] == "translate")
    assert r.exit_code == 0 and tr["beam_size"] == 2


def test_segmented_source_lines_up_with_the_translations(xl, example_article, tmp_path):
    r = xl(["translate", example_article, "--to", "en", "--no-glossary", "--out-dir", tmp_path])
    assert r.exit_code == 0, r.output
    stem = "putin-sharaa-2025-10-15"
    src = (tmp_path / f"{stem}.fa.txt").read_text(encoding="utf-8").split("\n")
    hyp = (tmp_path / f"{stem}.en.txt").read_text(encoding="utf-8").split("\n")
    assert len(src) == len(hyp) and [bool(x) for x in src] == [bool(x) for x in hyp]
    assert [x for x in src if x] == [rec["source"] for rec in _records(tmp_path / f"{stem}.jsonl")]
    r = xl(["score", tmp_path / f"{stem}.en.txt", "--src", tmp_path / f"{stem}.fa.txt", "--lang", "en"])
    assert r.exit_code in (0, 1) and "line-count" not in r.output.lower()


# --------------------------------------------------------------------- progress, quiet, version, codes


def test_log_lines_per_stage_and_leg_without_a_terminal_and_quiet(xl, tmp_path):
    src = tmp_path / "doc.fa.txt"
    src.write_text("سلام دنیا. این آزمون است.\n", encoding="utf-8")
    r = xl(["translate", src, "--to", "en,ru", "--no-glossary", "--out-dir", tmp_path / "a"])
    assert r.exit_code == 0, r.output
    for line in (
        "xling: segment: 2 segments",
        "xling: normalize: 2 segments",
        "xling: translate fa→en (pivot for ru): 2 segments",
        "xling: translate en→ru: 2 segments",
    ):
        assert line in r.output, r.output
    assert "segments/s" in r.output
    r = xl(["translate", src, "--to", "en,ru", "--no-glossary", "--quiet", "--out-dir", tmp_path / "b"])
    assert r.exit_code == 0 and "xling: segment" not in r.output and "xling: translate" not in r.output


def test_version(cli):
    import xling

    r = cli(["--version"])
    assert r.exit_code == 0 and r.output.strip() == f"xling {xling.__version__}"


def test_exit_code_constants():
    from xling.errors import EXIT_INTERRUPTED, EXIT_MODEL, EXIT_USAGE, InputError, ModelError, UsageError

    assert (EXIT_USAGE, EXIT_MODEL, EXIT_INTERRUPTED) == (2, 2, 130)
    assert UsageError("x").exit_code == 2 and ModelError("x").exit_code == 2 and InputError("x").exit_code == 1


def test_empty_to_is_a_usage_error(xl, tmp_path):
    r = xl(["translate", "-", "--to", "", "--out-dir", tmp_path / "o"], input=b"x")
    assert r.exit_code == 2 and "--to" in r.output


_ = (ROOT, os)


def test_a_folder_given_to_translate_is_named_before_the_models(cli, tmp_path, monkeypatch):
    """Issue 11 defect 12 (as ``align /tmp /tmp``): ``translate /tmp`` said "no model installed"."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    r = cli(["translate", tmp_path, "--to", "en"])
    assert r.exit_code == 1 and "no model" not in r.output
    assert (
        r.output.strip()
        == f"xling: error: {tmp_path}: is a folder; give a text file (xling batch translate takes a folder)"
    )
