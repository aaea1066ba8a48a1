"""`xling translate` end to end with xling copy test models (fa→en, en→ru, fa→ar; ru via the en pivot).

The copy models return what they are sent, so every output line must equal the normalized
source segment recorded in the .jsonl: this checks segmentation, batching, the pivot, ordering,
paragraph layout and the outputs without a real model. Their output is not a translation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mt_helpers import copy_model, install_packages, run_xling, tree, xling_env

pytestmark = pytest.mark.slow

STEM = "putin-sharaa-2025-10-15"
TARGETS = ["en", "ru", "ar"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


@pytest.fixture(scope="module")
def main_job(packages, tmp_path_factory, example_article_path):
    """The README's main-job command, run once in its own process."""
    work = tmp_path_factory.mktemp("job")
    env = xling_env(work / "home", packages)
    proc = run_xling(
        ["translate", example_article_path, "--from", "fa", "--to", "en,ru,ar", "--out-dir", work / "out"], env
    )
    return proc, work / "out"


@pytest.fixture(scope="module")
def example_article_path():
    return Path(__file__).resolve().parent.parent / "examples" / f"{STEM}.fa.txt"


@pytest.fixture
def in_process(cli, packages, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return cli


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_main_job_writes_three_files_of_16_segments(main_job):
    proc, out = main_job
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{STEM}.{t}.txt" for t in TARGETS] + [f"{STEM}.jsonl", f"{STEM}.fa.txt"]
    )
    records = _records(out / f"{STEM}.jsonl")
    assert len(records) == 16
    for lang in TARGETS:
        text = (out / f"{STEM}.{lang}.txt").read_text(encoding="utf-8")
        segments = [line for line in text.splitlines() if line]
        assert len(segments) == 16, lang
        assert [r["targets"][lang] for r in records] == segments, lang
        # a blank line exactly where the paragraph number changes
        by_para: dict[int, list[str]] = {}
        for r in records:
            by_para.setdefault(r["paragraph"], []).append(r["targets"][lang])
        assert [b.split("\n") for b in text.rstrip("\n").split("\n\n")] == [by_para[p] for p in sorted(by_para)]
        assert text.startswith("date 2025-10-15 "), lang


def test_copy_model_returns_the_text_sent_segment_by_segment(in_process, example_article_path, tmp_path):
    """Without glossary protection the text sent is the normalized segment: the copy models
    (fa→en, fa→en→ru through the pivot, fa→ar) must give it back exactly, in order."""
    r = in_process(["translate", example_article_path, "--to", "en,ru,ar", "--no-glossary", "--out-dir", tmp_path])
    assert r.exit_code == 0, r.output
    records = _records(tmp_path / f"{STEM}.jsonl")
    assert len(records) == 16
    assert all(c["stage"] != "protect" for rec in records for c in rec["changes"])
    for lang in TARGETS:
        lines = [line for line in (tmp_path / f"{STEM}.{lang}.txt").read_text(encoding="utf-8").splitlines() if line]
        assert lines == [rec["text"] for rec in records], lang
    assert records[0]["text"].startswith("date 2025-10-15 ")


def test_test_models_are_named_as_such(main_job):
    proc, out = main_job
    for pair in ("fa→en", "en→ru", "fa→ar"):
        assert f"xling test model: copy {pair} — output is a copy, not a translation" in proc.stderr
    rec = _records(out / f"{STEM}.jsonl")[0]
    assert rec["test_models"] == [
        "xling test model: copy en→ru",
        "xling test model: copy fa→ar",
        "xling test model: copy fa→en",
    ]


def test_jsonl_records(main_job, example_article_path):
    _, out = main_job
    source = example_article_path.read_text(encoding="utf-8")
    records = _records(out / f"{STEM}.jsonl")
    assert [r["id"] for r in records] == list(range(16))
    assert [r["paragraph"] for r in records] == sorted(r["paragraph"] for r in records)
    for r in records:
        assert set(r) >= {"id", "paragraph", "source", "text", "targets", "models", "changes"}
        seg = next(c for c in r["changes"] if c["stage"] == "segment")
        assert source[seg["start"] : seg["end"]] == r["source"]  # source is the input, verbatim
        assert r["models"]["en"] == [
            {"pair": "fa-en", "name": "translate-fa_en", "version": "1.0", "test_model": "copy", "engine": "argos"}
        ]
        assert [m["pair"] for m in r["models"]["ru"]] == ["fa-en", "en-ru"]
        assert [m["pair"] for m in r["models"]["ar"]] == ["fa-ar"]
        tr = next(c for c in r["changes"] if c["stage"] == "translate")
        assert tr["routes"] == {"en": "fa→en", "ru": "fa→en→ru", "ar": "fa→ar"}
        assert sorted(tr["legs"]) == ["en→ru", "fa→ar", "fa→en"]  # the fa→en pivot leg ran once
    # glossary terms were protected before MT (default house glossary)
    assert any(c["stage"] == "protect" for r in records for c in r["changes"])
    # normalization is recorded: Persian digits (۸۰, ۱۹۴۴) sent to the model as ASCII
    digit_edits = [
        e for r in records for c in r["changes"] if c["stage"] == "normalize" for e in c["edits"] if e["op"] == "digits"
    ]
    assert {"before": "۸۰", "after": "80"}.items() <= next(e for e in digit_edits if e["before"] == "۸۰").items()
    assert records[0]["source"].startswith("date 2025-10-15 ") and records[0]["text"].startswith("date 2025-10-15 ")


def test_stdin(in_process, tmp_path):
    text = "سلام دنیا. این یک آزمون است.\n\nبند دوم ۱۲ کلمه دارد.\n"
    r = in_process(
        ["translate", "-", "--to", "en,ru", "--no-glossary", "--out-dir", tmp_path / "o"], input=text.encode("utf-8")
    )
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "stdin.en.txt",
        "stdin.fa.txt",
        "stdin.jsonl",
        "stdin.ru.txt",
    ]
    assert (tmp_path / "o" / "stdin.ru.txt").read_text(
        encoding="utf-8"
    ) == "سلام دنیا.\nاین یک آزمون است.\n\nبند دوم 12 کلمه دارد.\n"


def test_empty_input_gives_empty_outputs(in_process, tmp_path):
    empty = tmp_path / "empty.fa.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    r = in_process(["translate", empty, "--to", "en,ar", "--out-dir", tmp_path / "o"])
    assert r.exit_code == 0, r.output
    assert tree(tmp_path / "o") == {"empty.en.txt": b"", "empty.ar.txt": b"", "empty.jsonl": b"", "empty.fa.txt": b""}
    assert "the source names no glossary term" in r.output and "(0/0)" not in r.output


def test_non_utf8_input_names_encoding_and_writes_nothing(in_process, tmp_path):
    legacy = tmp_path / "legacy.fa.txt"
    legacy.write_bytes("سلام دنيا. اين كتاب است.\n".encode("cp1256"))  # cp1256 has Arabic ي and ك only
    r = in_process(["translate", legacy, "--to", "en", "--out-dir", tmp_path / "o"])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "--encoding" in lines[0] and str(legacy) in lines[0]
    assert not (tmp_path / "o").exists()
    r = in_process(
        ["translate", legacy, "--to", "en", "--no-glossary", "--out-dir", tmp_path / "o", "--encoding", "cp1256"]
    )
    assert r.exit_code == 0, r.output
    # normalization unified the letters to Persian ی and ک before the copy model saw them
    assert (tmp_path / "o" / "legacy.en.txt").read_text(encoding="utf-8") == "سلام دنیا.\nاین کتاب است.\n"


def test_missing_model_exits_2_before_any_work(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    out = tmp_path / "o"
    out.mkdir()
    (out / "doc.en.txt").write_text("an older output\n", encoding="utf-8")
    before = tree(out)
    # the input does not even exist: the model check comes first
    r = cli(["translate", tmp_path / "doc.fa.txt", "--from", "fa", "--to", "en,ru,ar", "--out-dir", out])
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xling: error: no model installed for fa→en, en→ru, en→ar")
    assert "`xling models install fa en`" in lines[0] and "`xling models install FILE.argosmodel`" in lines[0]
    assert tree(out) == before


def test_partly_missing_model_names_the_missing_leg(in_process, tmp_path):
    r = in_process(["translate", "-", "--to", "en,de", "--out-dir", tmp_path / "o"], input=b"x")
    assert r.exit_code == 2
    assert "no model installed for en→de" in r.output and "`xling models install en de`" in r.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("where", ["file", "under-file"])
def test_out_dir_that_is_a_file_is_refused_before_any_work(in_process, tmp_path, where):
    afile = tmp_path / "afile"
    afile.write_text("keep me\n", encoding="utf-8")
    out = afile if where == "file" else afile / "sub"
    r = in_process(["translate", "-", "--to", "en", "--no-glossary", "--out-dir", out], input="سلام.\n".encode())
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1, r.output  # refused before the models are loaded (no test-model notice)
    assert str(afile) in lines[0] and "not a folder" in lines[0] and "--out-dir" in lines[0]
    assert afile.read_text(encoding="utf-8") == "keep me\n"


def test_language_codes_are_case_insensitive(in_process, tmp_path):
    # Argos codes are lower case: --to EN is en (it was "no model installed for en→EN")
    r = in_process(
        ["translate", "-", "--from", "FA", "--to", "EN, Ar", "--no-glossary", "--out-dir", tmp_path / "o"],
        input="سلام.\n".encode(),
    )
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "stdin.ar.txt",
        "stdin.en.txt",
        "stdin.fa.txt",
        "stdin.jsonl",
    ]


def test_unknown_engine_is_refused(in_process, tmp_path):
    r = in_process(["translate", "-", "--engine", "nope", "--out-dir", tmp_path / "o"], input=b"x")
    assert r.exit_code == 2 and "--engine 'nope'" in r.output  # a usage error, as click's (defect 20)


def test_score_flag_runs_qa_checks_on_the_output(in_process, example_article_path, tmp_path):
    """A copy test model's output is the Persian source, so `--score` must flag every English
    segment as untranslated, and write the QA report beside the outputs."""
    r = in_process(["translate", example_article_path, "--to", "en", "--no-glossary", "--score", "--out-dir", tmp_path])
    assert r.exit_code == 0, r.output
    report = json.loads((tmp_path / f"{STEM}.qa.json").read_text(encoding="utf-8"))
    assert list(report) == ["en"]
    # issue lines are lines of the written .en.txt (blank lines between paragraphs included), as
    # `xling score` on that file gives them: the table said "line 8" for what is on line 13
    lines = (tmp_path / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()
    flagged = {i["line"] for i in report["en"]["issues"] if i["check"] == "untranslated"}
    assert flagged == {n + 1 for n, line in enumerate(lines) if line} and len(flagged) == 16
    # defect 13: segment ids are the .jsonl ids (blank paragraph-separator lines are not segments)
    ids = [json.loads(x)["id"] for x in (tmp_path / f"{STEM}.jsonl").read_text(encoding="utf-8").splitlines()]
    segment_of_line = dict(zip([n + 1 for n, line in enumerate(lines) if line], ids))
    assert all(tuple(i["hyp_segments"]) == (segment_of_line[i["line"]],) for i in report["en"]["issues"])
    assert report["en"]["units"] == 16
    assert "QA issues" in r.output and "untranslated" in r.output


def test_line_breaks_end_segments_unless_join_lines(in_process, tmp_path):
    doc = tmp_path / "wrapped.fa.txt"
    doc.write_text("تیتر خبر بدون نقطه\nجمله اول اینجاست. جمله دوم.\n", encoding="utf-8")
    r = in_process(["translate", doc, "--to", "en", "--no-glossary", "--out-dir", tmp_path / "a"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "a" / "wrapped.en.txt").read_text(encoding="utf-8").splitlines() == [
        "تیتر خبر بدون نقطه",
        "جمله اول اینجاست.",
        "جمله دوم.",
    ]
    r = in_process(["translate", doc, "--to", "en", "--no-glossary", "--join-lines", "--out-dir", tmp_path / "b"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "b" / "wrapped.en.txt").read_text(encoding="utf-8").splitlines() == [
        "تیتر خبر بدون نقطه جمله اول اینجاست.",
        "جمله دوم.",
    ]
