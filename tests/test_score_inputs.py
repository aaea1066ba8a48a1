"""Issue 11: what ``xling score`` reads. Blank paragraph-separator lines are not segments
(defect 13), translate's ``.jsonl`` is a hypothesis (with its source), and files whose segment
counts differ are paired with the aligner and a note instead of an error."""

from __future__ import annotations

import json

import pytest

from xling.score.api import run_checks, score_files

# xling translate's layout: a blank line between paragraphs (3 segments on 5 lines)
SRC = ["پوتین با الشرع در مسکو دیدار کرد.", "", "روابط دو کشور ۸۰ سال قدمت دارد.", "", "این دیدار دو ساعت طول کشید."]
HYP = [
    "Putin met al-Sharaa in Moscow.",
    "",
    "Relations between the two countries are 70 years old.",
    "",
    "این دیدار دو ساعت طول کشید.",
]


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records(hyp=HYP, src=SRC, lang="en"):
    segs = [(h, s) for h, s in zip(hyp, src) if h or s]
    return [
        {"id": n, "paragraph": n, "source": s, "text": s, "targets": {lang: h}, "models": {}, "changes": []}
        for n, (h, s) in enumerate(segs)
    ]


def write_jsonl(path, recs):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def test_blank_lines_are_not_segments_lines_stay_file_lines(tmp_path):
    rep = score_files(
        str(write(tmp_path / "h.en.txt", HYP)), lang="en", src=str(write(tmp_path / "s.fa.txt", SRC)), glossary=None
    )
    assert rep.hypothesis["segments"] == 3 and rep.source["segments"] == 3 and rep.qa.units == 3
    got = [(i.check, i.hyp, i.line) for i in rep.qa.issues]
    assert got == [("number-mismatch", (1,), 3), ("untranslated", (2,), 5)]
    assert [i.to_json()["src_line"] for i in rep.qa.issues] == [3, 5]


def test_hypothesis_only_segment_ids_skip_blank_lines():
    r = run_checks(None, HYP, src_lang="fa", tgt_lang="en")
    assert r.units == 3 and [(i.check, i.hyp, i.line) for i in r.issues] == [("untranslated", (2,), 5)]


def test_translate_layout_against_a_source_without_blank_lines_is_paired_without_the_aligner(tmp_path, monkeypatch):
    from xling.score import pairing

    monkeypatch.setattr(pairing, "_align_sentences", lambda *a, **k: pytest.fail("the aligner was called"))
    src = write(tmp_path / "sentences.fa.txt", [s for s in SRC if s])
    rep = score_files(str(write(tmp_path / "h.en.txt", HYP)), lang="en", src=str(src), glossary=None)
    assert rep.notes == [] and rep.aligned is False
    assert [(i.hyp, i.line, i.src_line) for i in rep.qa.issues] == [((1,), 3, 2), ((2,), 5, 3)]


def test_reference_scores_skip_blank_lines(cli, tmp_path):
    hyp = write(tmp_path / "h.en.txt", HYP)
    ref = write(tmp_path / "r.en.txt", [h for h in HYP if h])
    doc = json.loads(cli(["score", hyp, "--lang", "en", "--ref", ref, "--json"]).stdout)
    assert doc["hypothesis"]["segments"] == 3 and doc["reference"]["segments"] == 3
    assert [s["hyp_segments"] for s in doc["segments"]] == [[0], [1], [2]]
    assert doc["scores"]["bleu"]["score"] == 100.0 and doc["aligned"] is False


def test_line_count_mismatch_is_aligned_with_a_note(cli, tmp_path):
    pytest.importorskip("xling.align.search")
    hyp = write(tmp_path / "h.en.txt", ["Putin met al-Sharaa in Moscow.", "The talks lasted two hours and ended well."])
    src = write(
        tmp_path / "s.fa.txt", ["پوتین با الشرع در مسکو دیدار کرد. مذاکرات دو ساعت طول کشید و خوب به پایان رسید."]
    )
    r = cli(["score", hyp, "--lang", "en", "--src", src, "--no-glossary", "--json"])
    assert r.exit_code == 0 and r.stderr.count("\n") == 1 and "sentence aligner" in r.stderr
    doc = json.loads(r.stdout)
    assert doc["aligned"] is True and doc["qa"]["units"] == 1


def test_jsonl_is_a_hypothesis_with_its_source(cli, tmp_path):
    jl = write_jsonl(tmp_path / "doc.jsonl", records())
    r = cli(["score", jl, "--lang", "en", "--no-glossary", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["hypothesis"]["segments"] == 3 and doc["source"]["segments"] == 3 and doc["qa"]["units"] == 3
    assert [(i["check"], i["line"], i["hyp_segments"]) for i in doc["qa"]["issues"]] == [
        ("number-mismatch", 2, [1]),
        ("untranslated", 3, [2]),
    ]
    ref = write(tmp_path / "r.en.txt", [h for h in HYP if h])
    doc = json.loads(cli(["score", jl, "--lang", "en", "--ref", ref, "--no-glossary", "--json"]).stdout)
    assert doc["scores"]["chrf"]["score"] == 100.0


def test_jsonl_term_check_uses_its_source(cli, tmp_path):
    recs = records(["Vladimir Putin met Ahmed al-Sharaa."], ["ولادیمیر پوتین با احمد الشرع دیدار کرد."])
    doc = json.loads(cli(["score", write_jsonl(tmp_path / "d.jsonl", recs), "--lang", "en", "--json"]).stdout)
    assert doc["terms"] is not None and doc["terms"]["report"]["expected"] >= 2


@pytest.mark.parametrize(
    "content, extra, needle",
    [
        ("not json\n", [], "not JSON"),
        (json.dumps({"id": 0}) + "\n", [], "'paragraph'"),
        ("", [], "no segment records"),
        (None, ["--src", "S"], "drop --src"),
        (None, ["--lang", "ru"], "no ru target"),
    ],
)
def test_bad_jsonl_is_a_one_line_error(cli, tmp_path, content, extra, needle):
    jl = tmp_path / "d.jsonl"
    if content is None:
        write_jsonl(jl, records())
    else:
        jl.write_text(content, encoding="utf-8")
    src = write(tmp_path / "s.txt", ["x"])
    args = ["score", jl, *[str(src) if a == "S" else a for a in extra]]
    if "--lang" not in extra:
        args += ["--lang", "en"]
    r = cli(args + ["--no-glossary"])
    assert r.exit_code != 0 and r.stderr.count("\n") == 1 and needle in r.stderr, r.stderr
