"""``xling score`` end to end: table, --json against schema.json, --align, thresholds, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xling.score.report import SCHEMA_ID, load_schema

DATA = Path(__file__).parent / "data" / "score"
REF = {lang: DATA / f"reference.{lang}.txt" for lang in ("en", "ru", "ar")}
SRC = DATA / "sentences.fa.txt"


def validate(doc: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.validate(doc, load_schema())


def run_json(cli, args):
    r = cli(["score", *map(str, args), "--json"])
    doc = json.loads(r.stdout)
    validate(doc)
    return r, doc


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_reference_against_itself(cli, lang):
    r, doc = run_json(cli, [REF[lang], "--lang", lang, "--ref", REF[lang]])
    assert r.exit_code == 0
    assert {k: v["score"] for k, v in doc["scores"].items()} == {
        "bleu": 100.0,
        "chrf_plain": 100.0,
        "chrf": 100.0,
        "ter": 0.0,
    }
    assert ("tok:13a" if lang == "en" else "tok:intl") in doc["scores"]["bleu"]["signature"]
    assert doc["normalization"]["steps"] == ["nfc", "zwnj-remove", "unify-letters", "digits-ascii"]
    assert len(doc["segments"]) == doc["hypothesis"]["segments"]
    assert doc["qa"]["issues"] == [] and doc["schema"] == SCHEMA_ID


def test_table_output_has_scores_signatures_and_issues(cli, tmp_path):
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("He met the the president (in Moscow.\n", encoding="utf-8")
    ref = tmp_path / "ref.en.txt"
    ref.write_text("He met the president in Moscow.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--ref", ref])
    assert r.exit_code == 0
    for text in ("BLEU", "chrF++", "TER", "tok:13a", "repeated-word", "unpaired-bracket", "normalization"):
        assert text in r.stdout


def test_changed_year_flagged_with_source_and_align(cli, tmp_path):
    pytest.importorskip("xling.align.search")
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text(REF["en"].read_text(encoding="utf-8").replace("1944", "1945"), encoding="utf-8")
    _r, doc = run_json(cli, [hyp, "--lang", "en", "--ref", REF["en"], "--src", SRC, "--align", "--no-glossary"])
    assert doc["aligned"] is True
    issues = [i for i in doc["qa"]["issues"] if i["check"] == "number-mismatch"]
    assert [(i["line"], i["src_segments"], i["details"]) for i in issues] == [
        (4, [3], {"missing": ["1944"], "unexpected": ["1945"]})
    ]
    assert (
        doc["scores"]["bleu"]["score"] < 100
        and doc["scores"]["chrf"]["score"] < 100
        and doc["scores"]["ter"]["score"] > 0
    )
    assert [i["check"] for i in doc["qa"]["issues"]] == ["number-mismatch"]


def test_ru_16_lines_against_15(cli, tmp_path):
    ref = REF["ru"].read_text(encoding="utf-8").splitlines()
    first, rest = ref[8].split(" — это", 1)
    hyp = tmp_path / "hyp.ru.txt"
    hyp.write_text("\n".join(ref[:8] + [first + ".", "Это" + rest] + ref[9:]) + "\n", encoding="utf-8")
    pytest.importorskip("xling.align.search")
    # issue 11: a line-count mismatch is paired with the aligner, with a one-line note on stderr
    r, doc = run_json(cli, [hyp, "--lang", "ru", "--ref", REF["ru"]])
    assert r.exit_code == 0
    assert r.stderr.count("\n") == 1 and "16 segments" in r.stderr and "15" in r.stderr and "aligner" in r.stderr
    assert doc["aligned"] is True and any("aligner" in n for n in doc["notes"])
    r2, forced = run_json(cli, [hyp, "--lang", "ru", "--ref", REF["ru"], "--align"])
    assert r2.exit_code == 0 and r2.stderr == ""
    assert forced["scores"] == doc["scores"] and forced["segments"] == doc["segments"]
    assert 95 < doc["scores"]["chrf"]["score"] < 100
    assert [s["hyp_segments"] for s in doc["segments"] if len(s["hyp_segments"]) > 1] == [[8, 9]]


def test_untranslated_segment_in_english_file(cli, tmp_path):
    lines = REF["en"].read_text(encoding="utf-8").splitlines()
    lines[6] = SRC.read_text(encoding="utf-8").splitlines()[6]
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _r, doc = run_json(cli, [hyp, "--lang", "en"])
    assert doc["scores"] is None and doc["reference"] is None
    assert [(i["check"], i["line"]) for i in doc["qa"]["issues"]] == [("untranslated", 7)]


def test_fail_under_and_fail_over(cli, tmp_path):
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("Putin met the president of Syria today.\n", encoding="utf-8")
    ref = tmp_path / "ref.en.txt"
    ref.write_text("Putin held talks with the Syrian leader on Wednesday.\n", encoding="utf-8")
    r, doc = run_json(cli, [hyp, "--lang", "en", "--ref", ref, "--fail-under", "chrf=50,bleu=20"])
    assert r.exit_code == 1 and doc["passed"] is False
    assert [(t["metric"], t["passed"]) for t in doc["thresholds"]] == [("chrf", False), ("bleu", False)]
    r, doc = run_json(
        cli, [ref, "--lang", "en", "--ref", ref, "--fail-under", "chrf=50,bleu=20", "--fail-over", "ter=10"]
    )
    assert r.exit_code == 0 and doc["passed"] is True
    r = cli(["score", hyp, "--lang", "en", "--ref", ref, "--fail-over", "ter=10"])
    assert r.exit_code == 1 and "FAILED" in r.stdout


@pytest.mark.parametrize(
    "spec,needle",
    [
        ("chrf50", "METRIC=NUMBER"),
        ("ter=60", "--fail-over"),
        ("meteor=5", "unknown metric"),
        ("bleu=high", "not a number"),
        ("chrf=nan", "not a number"),
        ("bleu=inf", "not a number"),
    ],
)
def test_bad_fail_under_spec_is_one_line_error(cli, spec, needle):
    r = cli(["score", REF["en"], "--lang", "en", "--ref", REF["en"], "--fail-under", spec])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("xling: error: --fail-") and r.stderr.count("\n") == 1 and needle in r.stderr


def test_threshold_on_a_score_not_computed(cli):
    r = cli(["score", REF["en"], "--lang", "en", "--fail-under", "bleu=20"])
    assert r.exit_code == 2 and "--ref" in r.stderr


def test_fail_on_qa_severity(cli, tmp_path):
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("He met the the president.\n", encoding="utf-8")
    assert cli(["score", hyp, "--lang", "en"]).exit_code == 0
    assert cli(["score", hyp, "--lang", "en", "--fail-on", "error"]).exit_code == 0
    assert cli(["score", hyp, "--lang", "en", "--fail-on", "warning"]).exit_code == 1


def test_fail_on_is_in_the_json_passed_and_the_api(cli, tmp_path):
    """--fail-on made the exit status 1 while the --json report said "passed": true, and the
    Python API (score_files, which "does everything the command does") had no fail_on at all."""
    from xling.score.api import score_files

    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("He met the the president.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--json", "--fail-on", "warning"])
    assert r.exit_code == 1 and json.loads(r.stdout)["passed"] is False
    r = cli(["score", hyp, "--lang", "en", "--json", "--fail-on", "error"])
    assert r.exit_code == 0 and json.loads(r.stdout)["passed"] is True
    assert score_files(str(hyp), lang="en", fail_on="warning").passed is False
    assert score_files(str(hyp), lang="en").passed is True
    r = cli(["score", hyp, "--lang", "en", "--fail-on", "warning"])  # the table says why it failed
    assert r.exit_code == 1 and "--fail-on warning: FAILED (1 issue)" in r.stdout


def test_missing_file_is_one_line_error(cli, tmp_path):
    r = cli(["score", tmp_path / "nope.txt", "--lang", "en"])
    assert r.exit_code == 1 and "nope.txt" in r.stderr and r.stderr.count("\n") == 1


def test_schema_rejects_a_broken_report(cli):
    jsonschema = pytest.importorskip("jsonschema")
    _, doc = run_json(cli, [REF["en"], "--lang", "en", "--ref", REF["en"]])
    broken = dict(doc, qa=dict(doc["qa"], issues=[{"check": "no-such-check", "severity": "error"}]))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, load_schema())
    del doc["scores"]["ter"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, load_schema())


def test_schema_lists_every_check_id():
    from xling.score.qa import all_check_ids

    assert load_schema()["$defs"]["check_id"]["enum"] == list(all_check_ids())


def test_report_keys_without_jsonschema(cli):
    """The top-level keys, checked without jsonschema (it may be missing on a fresh machine)."""
    r = cli(["score", REF["en"], "--lang", "en", "--ref", REF["en"], "--json"])
    doc = json.loads(r.stdout)
    assert sorted(doc) == sorted(load_schema()["required"])
    assert sorted(doc["qa"]) == ["checks", "counts", "issues", "units"]


def test_term_success_rate_with_house_glossary(cli, tmp_path):
    pytest.importorskip("xling.glossary.check")
    pytest.importorskip("xling.align.search")
    r, doc = run_json(cli, [REF["en"], "--lang", "en", "--src", SRC, "--align", "--fail-under", "terms=100"])
    assert r.exit_code == 0
    assert doc["terms"]["success_rate"] == 1.0 and doc["terms"]["report"]["expected"] > 0
    assert "term-deprecated" in doc["qa"]["checks"] and doc["qa"]["issues"] == []
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text(REF["en"].read_text(encoding="utf-8").replace("al-Jolani", "al-Golani"), encoding="utf-8")
    r, doc = run_json(cli, [hyp, "--lang", "en", "--src", SRC, "--align", "--fail-under", "terms=100"])
    assert r.exit_code == 1 and doc["terms"]["success_rate"] < 1.0
    assert {i["check"] for i in doc["qa"]["issues"]} == {"term-deprecated"}
    r, doc = run_json(cli, [hyp, "--lang", "en", "--src", SRC, "--align", "--no-glossary"])
    assert doc["terms"] is None and doc["qa"]["issues"] == []


def test_segment_scores_in_table(cli, tmp_path):
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("He met the president in Moscow.\nThis story is being updated.\n", encoding="utf-8")
    ref = tmp_path / "ref.en.txt"
    ref.write_text("He met the president in the Kremlin.\nThis story is being updated.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--ref", ref, "--segments"])
    assert r.exit_code == 0 and "Segment scores" in r.stdout and "100.00" in r.stdout


def test_encoding_applies_only_to_files_that_are_not_utf8(cli, tmp_path):
    # A legacy cp1256 hypothesis scored against the UTF-8 reference: --encoding cp1256 must not
    # turn the UTF-8 reference (and source) into mojibake.
    hyp = tmp_path / "hyp.ar.txt"
    hyp.write_bytes(REF["ar"].read_text(encoding="utf-8").encode("cp1256"))
    r, doc = run_json(cli, [hyp, "--lang", "ar", "--ref", REF["ar"], "--encoding", "cp1256", "--no-glossary"])
    assert r.exit_code == 0, r.output
    assert doc["scores"]["bleu"]["score"] == 100.0 and doc["scores"]["chrf"]["score"] == 100.0


def test_table_numbers_every_file_from_line_1(cli, tmp_path):
    # The issue table showed "Line 4 | Src 3" for one and the same sentence (1-based hypothesis
    # line beside a 0-based source id); both are line numbers now, as the message a user reads.
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("First line.\nIn 1945 it began.\n", encoding="utf-8")
    src = tmp_path / "src.fa.txt"
    src.write_text("خط اول.\nدر سال ۱۹۴۴ آغاز شد.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--src", src, "--no-glossary"])
    row = next(line for line in r.stdout.splitlines() if "number-mismatch" in line)
    assert row.split("│")[1].strip() == "2" and row.split("│")[2].strip() == "2"
    r = cli(["score", hyp, "--lang", "en", "--ref", hyp, "--segments"])
    rows = [line.split("│") for line in r.stdout.splitlines() if line.count("│") >= 5]
    assert [(c[1].strip(), c[2].strip()) for c in rows] == [("1", "1"), ("2", "2")]


def test_glossary_and_no_glossary_together_is_an_error(cli, tmp_path):
    """As in translate and align: --no-glossary silently won over --glossary PATH."""
    hyp = tmp_path / "hyp.en.txt"
    hyp.write_text("Putin spoke.\n", encoding="utf-8")
    g = tmp_path / "g.yaml"
    g.write_text("source_language: fa\nentries: []\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--src", hyp, "--glossary", g, "--no-glossary"])
    assert r.exit_code == 2 and "not both" in r.stderr and r.stderr.count("\n") == 1


def test_terms_threshold_prints_the_rate_as_everywhere_else(cli, tmp_path):
    """Defect 23 (issue 11): ``threshold terms >= 50: 100.00`` beside ``term success rate:
    1.0000 (9/9)``; now the threshold line shows the same form (its limit in percent)."""
    import re

    data = Path(__file__).parent / "data" / "align"
    src, hyp = tmp_path / "s.fa.txt", tmp_path / "h.en.txt"
    for path, name in ((src, "sentences.fa.txt"), (hyp, "reference.en.txt")):
        lines = (data / name).read_text(encoding="utf-8").splitlines()[:3]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli(["score", hyp, "--src", src, "--lang", "en", "--fail-under", "terms=50"])
    assert r.exit_code == 0, r.output
    rate = re.search(r"^term success rate: (1\.0000 \(\d+/\d+\))$", r.stdout, re.M)
    assert rate and f"threshold terms >= 50 %: {rate.group(1)} ok" in r.stdout


# --- red-team findings (issue 11 follow-up) ------------------------------------------------


def _records_file(path: Path, sources: list[str], en: list[str]) -> Path:
    import json

    recs = [
        {"id": i, "paragraph": 0, "source": s, "text": s, "targets": {"en": t}, "changes": []}
        for i, (s, t) in enumerate(zip(sources, en))
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


RT_SRC = ["قیمت ۸۰ دلار است.", "او دیروز آمد."]
RT_HYP = ["The price is 80 dollars.", "He came yesterday."]


def test_an_empty_reference_or_source_is_refused_in_one_line(cli, tmp_path):
    """Red team: an empty reference was scored (BLEU 0, exit 0)."""
    hyp, empty = tmp_path / "h.en.txt", tmp_path / "empty.txt"
    hyp.write_text("\n".join(RT_HYP) + "\n", encoding="utf-8")
    empty.write_text("\n\n", encoding="utf-8")
    for option, what in (("--ref", "reference"), ("--src", "source")):
        r = cli(["score", hyp, "--lang", "en", option, empty])
        assert r.exit_code != 0
        assert r.stderr.count("\n") == 1 and str(empty) in r.stderr and f"the {what} has no segments" in r.stderr


def test_a_translate_jsonl_is_read_as_records_as_src_or_ref(cli, tmp_path):
    """Red team: ``--src X.jsonl`` / ``--ref X.jsonl`` were read as text (each JSON line one segment)."""
    import json

    rec = _records_file(tmp_path / "doc.jsonl", RT_SRC, RT_HYP)
    hyp = tmp_path / "h.en.txt"
    hyp.write_text("The price is 81 dollars.\nHe came yesterday.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--src", rec, "--ref", rec, "--json", "--no-glossary"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["source"]["segments"] == 2 and rep["reference"]["segments"] == 2 and not rep["aligned"]
    assert [i["check"] for i in rep["qa"]["issues"]] == ["number-mismatch"]  # 80 read from the source
    assert 0 < rep["scores"]["bleu"]["score"] < 100
    r = cli(["score", hyp, "--lang", "ru", "--ref", rec])
    assert r.exit_code != 0 and "no ru target" in r.stderr


def test_a_jsonl_on_standard_input_is_recognised(cli, tmp_path):
    import json

    text = _records_file(tmp_path / "doc.jsonl", RT_SRC, RT_HYP).read_text(encoding="utf-8")
    r = cli(["score", "-", "--lang", "en", "--json", "--no-glossary"], input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["hypothesis"]["segments"] == 2 and rep["source"]["segments"] == 2
    plain = cli(["score", "-", "--lang", "en", "--json"], input=b"{not a record} said the text\n")
    assert plain.exit_code == 0 and json.loads(plain.stdout)["hypothesis"]["segments"] == 1


def test_run_checks_refuses_an_unknown_language_code():
    """Red team: ``run_checks(src_lang="xx")`` was accepted in Python (the CLI refused it)."""
    from xling.errors import InputError
    from xling.score.api import run_checks

    with pytest.raises(InputError, match="src_lang 'xx'"):
        run_checks(RT_SRC, RT_HYP, src_lang="xx", tgt_lang="en")
    with pytest.raises(InputError, match="tgt_lang 'english'"):
        run_checks(RT_SRC, RT_HYP, src_lang="fa", tgt_lang="english")


@pytest.mark.parametrize(
    "option, spec",
    [
        ("--fail-under", "chrf=500"),
        ("--fail-under", "bleu=-1"),
        ("--fail-under", "terms=101"),
        ("--fail-over", "ter=-5"),
    ],
)
def test_a_threshold_outside_its_metric_range_is_refused(cli, tmp_path, option, spec):
    """Red team: ``--fail-under chrf=500`` was accepted (and failed every run)."""
    hyp = tmp_path / "h.en.txt"
    hyp.write_text("\n".join(RT_HYP) + "\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--ref", hyp, option, spec])
    assert r.exit_code != 0 and r.stderr.count("\n") == 1 and spec.split("=")[0] in r.stderr and "range" in r.stderr
    ok = cli(["score", hyp, "--lang", "en", "--ref", hyp, "--fail-over", "ter=150"])  # TER may exceed 100
    assert ok.exit_code == 0, ok.output
