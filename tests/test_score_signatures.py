"""Issue 11: plain chrF beside chrF++, BLEU on short segments, xling's normalization in the printed
signature, signatures never broken at 80 columns (defect 9), plurals (defect 23)."""

from __future__ import annotations

import io
import json

import pytest

from xling.score.api import score_segments

HYP = [
    "Дипломатические отношения двух стран установлены в ١٩٤٤ году и длятся уже ٨٠ лет.",
    "В Москве учатся более ٤٠٠٠ сирийских студентов, сообщил министр ١٥ октября.",
]
REF = [
    "Дипломатические отношения двух стран установлены в 1944 году и длятся уже 80 лет.",
    "В Москве учатся более 4000 сирийских студентов, сообщил министр 15 октября.",
]


def test_plain_chrf_is_sacrebleus_default_beside_chrf_plus_plus():
    from sacrebleu.metrics import CHRF

    hyp = ["Putin met the Syrian president in Moscow."]
    ref = ["Putin held talks with the Syrian leader in the Kremlin."]
    _, m = score_segments(hyp, ref, lang="en")
    plain = CHRF().corpus_score(hyp, [ref])
    plus = CHRF(word_order=2).corpus_score(hyp, [ref])
    assert m["chrf_plain"].score == pytest.approx(plain.score, abs=1e-4)
    assert m["chrf"].score == pytest.approx(plus.score, abs=1e-4)
    assert m["chrf_plain"].score != m["chrf"].score
    assert "nw:0" in m["chrf_plain"].signature and "nw:2" in m["chrf"].signature


def test_signature_names_xlings_normalization_and_keeps_sacrebleus_part():
    from sacrebleu.metrics import BLEU

    _, m = score_segments(HYP, REF, lang="ru")
    raw = BLEU(tokenize="intl")
    raw_score = raw.corpus_score(HYP, [REF]).score
    assert m["bleu"].score == 100.0 and raw_score < 80  # the digits make the difference
    assert m["bleu"].signature == str(raw.get_signature())  # sacrebleu's part, byte for byte
    assert (
        m["bleu"].full_signature
        == str(raw.get_signature()) + "|xling-norm:v1,nfc,zwnj-remove,unify-letters-ru,digits-ascii"
    )
    for metric in m.values():
        assert metric.full_signature.startswith(metric.signature + "|xling-norm:v1,")


def test_printed_and_json_signatures(cli, tmp_path):
    hyp, ref = tmp_path / "hyp.ru.txt", tmp_path / "ref.ru.txt"
    hyp.write_text("\n".join(HYP) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    doc = json.loads(cli(["score", hyp, "--lang", "ru", "--ref", ref, "--json"]).stdout)
    assert doc["schema"] == "xling-score/2"
    assert set(doc["scores"]) == {"bleu", "chrf_plain", "chrf", "ter"}
    assert doc["scores"]["chrf_plain"]["metric"] == "chrF"
    for s in doc["scores"].values():
        assert s["full_signature"] == s["signature"] + "|xling-norm:v1,nfc,zwnj-remove,unify-letters-ru,digits-ascii"


@pytest.mark.parametrize("width", [60, 80, 100])
def test_signatures_are_never_broken(width):
    from rich.console import Console

    from xling.score.api import score_files  # noqa: F401  (the report comes from the same code)
    from xling.score.normalization import normalization_record
    from xling.score.report import QAReport, ScoreReport, render

    pairs, metrics = score_segments(HYP, REF, lang="ru")
    report = ScoreReport(
        {"path": "hyp.ru.txt", "lang": "ru", "segments": 2},
        {"path": "ref.ru.txt", "lang": "ru", "segments": 2},
        None,
        False,
        normalization_record("ru"),
        metrics,
        pairs,
        QAReport([], [], 2),
    )
    out = io.StringIO()
    render(report, Console(file=out, width=width, force_terminal=False))
    lines = out.getvalue().splitlines()
    for m in metrics.values():
        assert m.full_signature in lines or any(line.endswith(" " + m.full_signature) for line in lines)


def test_bleu_on_short_segments_warns(cli, tmp_path):
    _, m = score_segments(["Yes.", "He left early today."], ["Yes.", "He went away early."], lang="en")
    assert len(m["bleu"].warnings) == 1 and "1 of 2" in m["bleu"].warnings[0] and "4 tokens" in m["bleu"].warnings[0]
    _, m = score_segments(["He left the room early today."], ["He went out of the room early."], lang="en")
    assert m["bleu"].warnings == []
    hyp, ref = tmp_path / "h.txt", tmp_path / "r.txt"
    hyp.write_text("Yes.\nNo.\n", encoding="utf-8")
    ref.write_text("Yes.\nNo!\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en", "--ref", ref])
    assert "warning: BLEU: 2 of 2 scored segments have fewer than 4 tokens" in r.stdout.replace("\n", " ")
    doc = json.loads(cli(["score", hyp, "--lang", "en", "--ref", ref, "--json"]).stdout)
    assert any("fewer than 4 tokens" in n for n in doc["notes"])


def test_counts_are_singular_or_plural(cli, tmp_path):
    hyp = tmp_path / "h.en.txt"
    hyp.write_text("He said that that the the talks went well.\n", encoding="utf-8")
    r = cli(["score", hyp, "--lang", "en"])
    assert "1 warning," in r.stdout and "0 errors" in r.stdout and "1 warnings" not in r.stdout
