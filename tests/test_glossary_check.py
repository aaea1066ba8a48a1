"""Term check (WMT term success rate, exact and lemma-aware) and the enforce/check CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xling.glossary.check import check_terms
from xling.glossary.store import load_glossary

DATA = Path(__file__).parent / "data" / "glossary_enforce.yaml"

SRC = [
    "ولادیمیر پوتین رئیس جمهور روسیه در کرملین با احمد الشرع ملقب به ابو محمد جولانی دیدار کرد.",
    "رئیس جمهور روسیه خطاب به الشرع گفت.",
    "آندری بلوسوف وزیر دفاع و سرگئی لاوروف حضور داشتند.",
]
REF = {
    "en": [
        "Russian President Vladimir Putin met Ahmed al-Sharaa, known as Abu Mohammad al-Jolani, in the Kremlin.",
        "Addressing al-Sharaa, the Russian President said.",
        "Defence Minister Andrei Belousov and Sergei Lavrov attended.",
    ],
    "ru": [
        "Президент России Владимир Путин встретился в Кремле с Ахмедом аш-Шараа, известным как Абу Мухаммад аль-Джулани.",
        "Обращаясь к аш-Шараа, президент России сказал.",
        "Присутствовали министр обороны Андрей Белоусов и Сергей Лавров.",
    ],
    "ar": [
        "التقى الرئيس الروسي بوتين في الكرملين أحمد الشرع الملقب بأبو محمد الجولاني.",
        "وقال الرئيس الروسي مخاطباً الشرع.",
        "حضر وزير الدفاع أندريه بيلوسوف وسيرغي لافروف.",
    ],
}


@pytest.fixture(scope="module")
def g():
    return load_glossary(DATA)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_references_score_one(g, lang):
    rep = check_terms(SRC, REF[lang], lang, g)
    assert rep.expected == 9  # the test glossary has no entry for Putin
    assert rep.success_rate == 1.0 and rep.lemma_success_rate == 1.0
    assert not rep.failures


def test_russian_exact_versus_lemma(g):
    rep = check_terms(SRC, REF["ru"], "ru", g)
    # "в Кремле" is not the exact form "Кремль": exact misses it, lemma-aware counts it
    assert rep.matched == rep.expected - 1
    assert rep.lemma_success_rate == 1.0
    kremlin = [r for r in rep.rows if r.entry_id == "kremlin"][0]
    assert kremlin.status == "preferred" and kremlin.matched == 0 and kremlin.matched_lemma == 1


def test_statuses_missing_deprecated_admitted(g):
    src = ["آندری بلوسوف و جولانی و وزیر دفاع و کرملین"]
    tgt = ["Mr Bilosov and Golani and the Defense Minister"]
    rep = check_terms(src, tgt, "en", g)
    status = {r.entry_id: r.status for r in rep.rows}
    assert status == {
        "andrei-belousov": "missing",
        "abu-mohammad-al-jolani": "deprecated",
        "defence-minister": "admitted",
        "kremlin": "missing",
    }
    assert rep.success_rate == pytest.approx(1 / 4)


def test_counts_per_occurrence(g):
    rep = check_terms(["الشرع گفت و الشرع رفت"], ["al-Sharaa said and left"], "en", g)
    assert rep.expected == 2 and rep.matched == 1


def test_to_json_shape(g):
    d = json.loads(check_terms(SRC, REF["en"], "en", g).to_json())
    assert d["success_rate"] == 1.0 and d["lemma_success_rate"] == 1.0
    assert {"segment", "entry_id", "expected", "status", "matched", "matched_lemma"} <= set(d["rows"][0])
    assert d["entries"]["ahmed-al-sharaa"]["expected"] == 2


# ---------------------------------------------------------------------------- CLI


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    p = tmp_path / name
    p.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return p


def test_cli_enforce_prints_repaired_and_reports(cli, tmp_path):
    src = _write(tmp_path, "src.fa", ["گزارش کاستیوکوف به بلوسوف", "قوانین شریعت در این کشور اجرا می‌شود."])
    tr = _write(tmp_path, "mt.ru", ["доклад Кастюкова Блусову", "В этой стране действуют законы шариата."])
    report = tmp_path / "changes.json"
    r = cli(["glossary", "enforce", tr, "--source", src, "--lang", "ru", "--glossary", DATA, "--report", report])
    assert r.exit_code == 0, r.output
    assert r.stdout == "доклад Костюкова Белоусову\nВ этой стране действуют законы шариата.\n"
    d = json.loads(report.read_text(encoding="utf-8"))
    assert [(c["segment"], c["before"], c["after"], c["rule"]) for c in d["changes"]] == [
        (0, "Кастюкова", "Костюкова", "near-miss"),
        (0, "Блусову", "Белоусову", "deprecated"),
    ]
    assert all({"start", "end"} <= set(c) for c in d["changes"])


def test_cli_enforce_line_mismatch_pairs_with_the_aligner(cli, tmp_path):
    """A translation with another line count is paired with the sentence aligner, as check does,
    with a one-line note; the output keeps the TRANSLATION's lines. Defect 1 of issue 11: the old
    refusal suggested 'xling segment SRC > sentences.fa.txt', which empties SRC when SRC is that file."""
    src = _write(tmp_path, "sentences.fa.txt", ["الشرع به مسکو رفت.", "پوتین از او استقبال کرد."])
    tr = _write(tmp_path, "mt.en", ["The Sharia went to Moscow. Putin welcomed him."])
    report = tmp_path / "changes.json"
    r = cli(["glossary", "enforce", tr, "--source", src, "--lang", "en", "--glossary", DATA, "--report", report])
    assert r.exit_code == 0, r.output
    note = [ln for ln in r.stderr.splitlines() if "sentence aligner" in ln]
    assert len(note) == 1 and "1 line and" in note[0]
    assert r.stdout == "Al-Sharaa went to Moscow. Putin welcomed him.\n"
    assert f"> {src}" not in r.stderr and "> sentences.fa.txt" not in r.stderr
    assert src.read_text(encoding="utf-8").count("\n") == 2
    d = json.loads(report.read_text(encoding="utf-8"))
    assert d["pairing"] == "aligned" and d["segments"] == 1 and d["changes"][0]["segment"] == 0


def test_cli_check_json_strict_document(cli, tmp_path):
    src = _write(tmp_path, "src.fa", SRC)
    ref = _write(tmp_path, "ref.en", REF["en"])
    r = cli(["glossary", "check", ref, "--source", src, "--lang", "en", "--glossary", DATA, "--json", "--strict"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["success_rate"] == 1.0
    # differently segmented: two target lines merged into one
    merged = _write(tmp_path, "merged.en", [REF["en"][0] + " " + REF["en"][1], REF["en"][2]])
    r = cli(["glossary", "check", merged, "--source", src, "--lang", "en", "--glossary", DATA, "--json"])
    assert r.exit_code == 0 and "sentence aligner" in r.stderr  # paired by the aligner, and said so
    d = json.loads(r.stdout)
    assert d["pairing"] == "aligned" and d["success_rate"] == 1.0 and d["segments"] == 2
    r = cli(["glossary", "check", merged, "--source", src, "--lang", "en", "--glossary", DATA, "--json", "--document"])
    d = json.loads(r.stdout)
    assert d["pairing"] == "document" and d["success_rate"] == 1.0
    bad = _write(tmp_path, "bad.en", ["Putin met Blusov.", "x", "y"])
    r = cli(["glossary", "check", bad, "--source", src, "--lang", "en", "--glossary", DATA, "--strict"])
    assert r.exit_code == 1 and "missing or deprecated" in r.stderr
    assert "term success rate" in r.stdout


def test_headline_rate_is_lemma_aware_for_russian_only(g):
    ru = check_terms(SRC, REF["ru"], "ru", g)
    assert ru.success_rate == ru.lemma_success_rate == 1.0 and ru.exact_success_rate < 1.0
    d = json.loads(ru.to_json())
    assert d["success_rate"] == 1.0 and d["success_rate_kind"] == "lemma" and d["exact_success_rate"] < 1.0
    en = check_terms(SRC, REF["en"], "en", g)
    assert en.to_dict()["success_rate_kind"] == "exact"


def test_russian_surnames_in_oblique_cases():
    """pymorphy3 reads surnames as possessive adjectives (Белоусов → белоус, Белоусову →
    белоусов): the lemma-aware check also accepts the suffix model, so a declined house surname
    is the house form and a declined deprecated one is deprecated, not missing."""
    g = load_glossary()
    src = ["گزارش کاستیوکوف به بلوسوف", "پوتین با لاوروف و اوشاکوف دیدار کرد."]
    good = check_terms(src, ["доклад Костюкова Белоусову", "Путин встретился с Лавровым и Ушаковым."], "ru", g)
    assert good.lemma_success_rate == 1.0 and not good.failures
    bad = check_terms(src[:1], ["доклад Кастюкова Блусову"], "ru", g)
    assert {r.entry_id: r.status for r in bad.rows} == {"igor-kostyukov": "deprecated", "andrei-belousov": "deprecated"}


def test_cli_enforce_report_never_overwrites_an_input(cli, tmp_path):
    src = tmp_path / "src.fa.txt"
    mt = tmp_path / "mt.en.txt"
    src.write_text("بلوسوف گفت.\n", encoding="utf-8")
    mt.write_text("Blusov said.\n", encoding="utf-8")
    g = tmp_path / "g.yaml"
    g.write_bytes(DATA.read_bytes())
    for target in (mt, src, g):
        before = target.read_bytes()
        r = cli(["glossary", "enforce", mt, "--source", src, "--lang", "en", "-g", g, "--report", target])
        assert r.exit_code == 1 and "--report" in r.output
        assert target.read_bytes() == before


@pytest.mark.parametrize("cmd", ["check", "enforce"])
def test_cli_glossary_without_the_language_is_an_error(cli, tmp_path, cmd):
    """A glossary with en-US (not en) terms, e.g. imported from a CAT tool's TBX: check must not
    expect nothing and report a success rate of 1.0."""
    g = tmp_path / "g.yaml"
    g.write_text(
        "source_language: fa\nentries:\n  - id: c1\n    terms:\n      fa: [{text: کاخ سفید}]\n"
        "      en-US: [{text: White House}]\n",
        encoding="utf-8",
    )
    src, mt = tmp_path / "s.fa.txt", tmp_path / "m.en.txt"
    src.write_text("کاخ سفید\n", encoding="utf-8")
    mt.write_text("white hause\n", encoding="utf-8")
    r = cli(["glossary", cmd, mt, "--source", src, "--lang", "en", "-g", g])
    assert r.exit_code == 1 and "no en terms" in r.output and "en-US" in r.output


@pytest.mark.parametrize("cmd", ["check", "enforce"])
def test_cli_encoding_option_the_error_message_names(cli, tmp_path, cmd):
    """A Windows-1256 source is refused with 'rerun with --encoding cp1256': check and enforce
    must have that option (as score and align do); UTF-8 files stay UTF-8 whatever it says."""
    src, mt = tmp_path / "s.fa.txt", tmp_path / "m.en.txt"
    src.write_bytes("بلوسوف گفت.\n".encode("cp1256"))
    mt.write_text("Blusov said.\n", encoding="utf-8")
    r = cli(["glossary", cmd, mt, "--source", src, "--lang", "en", "-g", DATA])
    assert r.exit_code == 1 and "--encoding cp1256" in r.stderr
    r = cli(["glossary", cmd, mt, "--source", src, "--lang", "en", "-g", DATA, "--encoding", "cp1256"])
    assert r.exit_code == 0, r.output
    if cmd == "enforce":
        assert r.stdout == "Belousov said.\n"
    else:
        assert "term success rate" in r.stdout


def test_cli_check_names_translation_lines(cli, tmp_path):
    """The table's first column is the 1-based line of TRANSLATION, also when the files are paired
    by the aligner (it was the 0-based pair number: a bead index nobody can look up), and JSON
    rows carry it as "lines"."""
    src = _write(tmp_path, "src.fa", ["", SRC[0], "", SRC[2]])
    tr = _write(tmp_path, "mt.en", ["", "Intro.", REF["en"][0], "", "Putin met Blusov."])
    r = cli(["glossary", "check", tr, "--source", src, "--lang", "en", "--glossary", DATA, "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["rows"]
    assert {row["entry_id"]: row["lines"] for row in rows}["andrei-belousov"] == [5]
    assert all(row["lines"] and max(row["lines"]) <= 5 for row in rows)
    r = cli(["glossary", "check", tr, "--source", src, "--lang", "en", "--glossary", DATA])
    belousov = [line for line in r.stdout.splitlines() if "andrei-bel" in line][0]
    assert belousov.split()[1] == "5", r.stdout
    same = _write(tmp_path, "same.en", ["x", REF["en"][1], REF["en"][2]])
    r = cli(
        [
            "glossary",
            "check",
            same,
            "--source",
            _write(tmp_path, "s3.fa", SRC),
            "--lang",
            "en",
            "--glossary",
            DATA,
            "--json",
        ]
    )
    assert {row["entry_id"]: row["lines"] for row in json.loads(r.stdout)["rows"]}["andrei-belousov"] == [3]


def test_cli_enforce_report_dash_is_refused(cli, tmp_path, monkeypatch):
    """'--report -' wrote the report to a file named '-' in the current folder."""
    monkeypatch.chdir(tmp_path)
    src, mt = _write(tmp_path, "s.fa.txt", ["بلوسوف گفت."]), _write(tmp_path, "m.en.txt", ["Blusov said."])
    r = cli(["glossary", "enforce", mt, "--source", src, "--lang", "en", "-g", DATA, "--report", "-"])
    assert r.exit_code == 1 and "--report -" in r.stderr and not (tmp_path / "-").exists()
