"""Issue 11 regression tests in the glossary commands (defect numbers in the test names)."""

from __future__ import annotations

import json

from xling.glossary.check import format_success_rate
from xling.glossary.model import suggest_id


def test_8_list_at_80_columns_wraps_instead_of_cutting(cli, gpath):
    r = cli(["glossary", "list", "-g", gpath])  # CliRunner output is not a terminal: 80 columns
    assert r.exit_code == 0
    assert "…" not in r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    for term in ("Ahmed al-Sharaa", "Абу Мухаммад аль-Джулани", "وزير الدفاع", "abu-mohammad-al-jolani"):
        assert term in r.output


def test_8_list_json_and_tsv(cli, gpath):
    rows = json.loads(cli(["glossary", "list", "-g", gpath, "--format", "json"]).output)
    assert [r["id"] for r in rows] == ["ahmed-al-sharaa", "abu-mohammad-al-jolani", "defence-minister"]
    assert rows[0]["preferred"]["ru"] == "Ахмед аш-Шараа" and rows[0]["type"] == "person"
    tsv = cli(["glossary", "list", "-g", gpath, "-f", "tsv"]).output.splitlines()
    assert tsv[0].split("\t") == ["id", "type", "fa", "en", "ru", "ar", "variants"]
    assert tsv[1].split("\t")[:4] == ["ahmed-al-sharaa", "person", "احمد الشرع", "Ahmed al-Sharaa"]


def test_11_a_tbx_given_as_glossary_points_to_import(cli, tmp_path, gpath):
    tbx = tmp_path / "house.tbx"
    assert cli(["glossary", "export", tbx, "-g", gpath]).exit_code == 0
    for name in (tbx, tmp_path / "house.yaml"):
        if name != tbx:
            name.write_bytes(tbx.read_bytes())  # a TBX under a .yaml name is told by its content
        r = cli(["glossary", "list", "-g", name])
        assert r.exit_code == 1 and "broken YAML" not in r.output
        assert "TBX file" in r.output and f"xling glossary import {name}" in r.output
        assert len(r.output.strip().splitlines()) == 1


def test_12_import_of_a_folder_is_one_clear_line(cli, tmp_path, gpath):
    r = cli(["glossary", "import", tmp_path, "-g", gpath])
    assert r.exit_code == 1 and "Is a directory" not in r.output
    assert f"{tmp_path}: is a folder; give a TBX, CSV or TSV file" in r.output
    r = cli(["glossary", "list", "-g", tmp_path])
    assert r.exit_code == 1 and "is a folder; give a glossary YAML file" in r.output


def test_14_enforce_report_is_utf8_not_escaped(cli, tmp_path, gpath):
    src = tmp_path / "s.fa"
    src.write_text("احمد الشرع آمد.\n", encoding="utf-8")
    mt = tmp_path / "m.ru"
    mt.write_text("Пришёл Ахмед аш-Шара.\n", encoding="utf-8")
    report = tmp_path / "r.json"
    r = cli(["glossary", "enforce", mt, "--source", src, "--lang", "ru", "-g", gpath, "--report", report])
    assert r.exit_code == 0, r.output
    raw = report.read_text(encoding="utf-8")
    assert "\\u04" not in raw and "Ахмед" in raw


def test_17_new_ids_follow_the_documented_rule(cli, gpath):
    before = gpath.read_bytes()
    r = cli(["glossary", "add", "-g", gpath, "--id", "Vladimir_Putin.2", "--term", "fa=ولادیمیر"])
    assert r.exit_code == 1 and "lowercase letters, digits and '-'" in r.output
    assert "e.g. vladimir-putin-2" in r.output and gpath.read_bytes() == before
    r = cli(["glossary", "edit", "-g", gpath, "ahmed-al-sharaa", "--rename", "Al_Sharaa"])
    assert r.exit_code == 1 and "e.g. al-sharaa" in r.output
    help_text = " ".join(cli(["glossary", "add", "--help"]).output.replace("│", " ").split())
    assert "lowercase letters, digits and '-'" in help_text
    # validate's suggestion for an invalid id in a file is a valid new id
    assert suggest_id("Bad Id") == "bad-id" and suggest_id("2x") == "entry-2x" and suggest_id("…") == "entry-1"


def test_18_every_refusal_reason_is_named(cli, gpath):
    r = cli(
        [
            "glossary",
            "add",
            "-g",
            gpath,
            "--id",
            "twice",
            "--term",
            "fa=احمد الشرع",
            "--term",
            "en=X",
            "--related",
            "aka:nobody",
        ]
    )
    assert r.exit_code == 1
    assert "more problem" not in r.output
    assert "already used by entry 'ahmed-al-sharaa'" in r.output and "no entry has that id" in r.output


def test_23_counts_and_empty_csv(cli, tmp_path, gpath):
    bad = tmp_path / "bad.yaml"
    bad.write_text(gpath.read_text(encoding="utf-8").replace("target: ahmed-al-sharaa", "target: nobody"), "utf-8")
    r = cli(["glossary", "validate", "-g", bad])
    assert r.exit_code == 1 and "3 entries, 1 error, 0 warnings" in r.output
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    r = cli(["glossary", "import", empty, "-g", gpath])
    assert r.exit_code == 1 and "the file is empty" in r.output and "--lang" not in r.output


def test_23_one_success_rate_format():
    assert format_success_rate("en", 31, 30, 30) == "0.9677 (30/31)"
    assert format_success_rate("ar", 0, 0, 0) == "1.0000 (0/0)"
    assert format_success_rate("ru", 31, 29, 30) == "0.9677 (30/31) lemma-aware; exact 0.9355 (29/31)"
    assert format_success_rate("ru", 4, 4, 4) == "1.0000 (4/4) lemma-aware"
