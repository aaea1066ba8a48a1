"""The report page from small hand-made records (no model): repairs, origins, escaping, the
record reader's errors, the folder (corpus) index."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from xling.errors import InputError

SOURCE = "آندری بلوسوف وزیر دفاع روسیه و ایگور کاستیوکوف گفتند."


@pytest.fixture(scope="module")
def glossary():
    from xling.glossary.store import load_glossary

    return load_glossary(None)


def _record(i: int, source: str, targets: dict[str, str], paragraph: int = 0, **extra) -> dict:
    return {
        "id": i,
        "paragraph": paragraph,
        "source": source,
        "text": source,
        "targets": targets,
        "changes": [],
        **extra,
    }


def _repaired(glossary, mt: str, lang: str) -> tuple[str, list[dict]]:
    from xling.glossary.repair import repair_segment

    r = repair_segment(SOURCE, mt, lang, glossary)
    return r.text, [c.to_dict() for c in r.changes]


def _render(records, glossary, **kw):
    from xling.report.api import document_html

    return lxml.html.fromstring(document_html(records, title="t", glossary=glossary, **kw))


def test_repair_shows_before_after_and_rule(glossary):
    en, changes = _repaired(glossary, "Andrei Blousov, the Russian defence minister, and Igor Kastyukov said.", "en")
    ru, ru_changes = _repaired(glossary, "Андрей Блусовым и Игорь Кастюкова сказали.", "ru")
    assert len(changes) == 2 and len(ru_changes) == 2  # the glossary's repair did its work
    rec = _record(0, SOURCE, {"en": en, "ru": ru})
    rec["changes"] = [
        {"stage": "repair", "lang": "en", "changes": changes},
        {"stage": "repair", "lang": "ru", "changes": ru_changes},
    ]
    doc = _render([rec], glossary)
    for lang, pairs in {
        "en": [("Andrei Blousov", "Andrei Belousov"), ("Igor Kastyukov", "Igor Kostyukov")],
        "ru": [("Андрей Блусовым", "Андрей Белоусовым"), ("Игорь Кастюкова", "Игорь Костюкова")],
    }.items():
        reps = doc.xpath(f"//td[@lang='{lang}']//span[@class='repair']")
        assert [(r.xpath("string(./del)"), r.xpath("string(./ins)")) for r in reps] == pairs
        assert [r.xpath("string(./span[@class='rule'])") for r in reps] == ["near-miss", "near-miss"]
        entries = [r.xpath("string(./ins/a/@data-entry)") for r in reps]
        assert entries == ["andrei-belousov", "igor-kostyukov"]
    # the text around the repairs is kept whole
    cell = doc.xpath("//td[@lang='en']/p[@class='text']")[0]
    assert (
        cell.text_content().replace("Andrei Blousov → ", "").replace("Igor Kastyukov → ", "").replace(" near-miss", "")
        == en
    )


def test_a_repair_not_where_its_offsets_say_is_listed_beside_the_cell(glossary):
    rec = _record(0, SOURCE, {"en": "Andrei Belousov said."})
    rec["changes"] = [
        {
            "stage": "repair",
            "lang": "en",
            "changes": [{"start": 30, "end": 34, "before": "X", "after": "Y", "rule": "literal"}],
        }
    ]
    doc = _render([rec], glossary)
    assert doc.xpath("string(//td[@lang='en']/p[@class='note'])") == "repair (literal): X → Y"


def test_deprecated_and_admitted_terms_are_marked_by_status(glossary):
    src = "احمد الشرع گفت."
    doc = _render([_record(0, src, {"en": "al-Shara said.", "ar": "أحمد الشرع قال."})], glossary)
    en = doc.xpath("//td[@lang='en']//a[contains(@class,'term')]")
    assert [(a.text_content(), a.get("data-status")) for a in en] == [("al-Shara", "deprecated")]
    assert "deprecated" in en[0].get("class").split()
    # the issue of the term check sits on the same cell
    assert doc.xpath("//td[@lang='en']//li[@data-check='term-deprecated']")


def test_origin_marks_for_tm_and_post_edit(glossary):
    """The record fields of xling translate --tm and xling xliff import: origin[lang],
    tm_matches[lang] and the post-edit change keeping the MT text."""
    post_edit = {
        "stage": "post-edit",
        "lang": "en",
        "before": "Bye.",
        "mt": "Bye.",
        "file": "x.en.xlf",
        "confirmed": True,
    }
    recs = [
        _record(0, "سلام.", {"en": "Hello.", "ru": "Привет."}, origin={"en": "tm-exact", "ru": "mt"}),
        _record(1, "خداحافظ.", {"en": "Goodbye.", "ru": "Пока."}, origin={"en": "post-edited"}),
        _record(
            2,
            "باشه.",
            {"en": "OK.", "ru": "Ладно."},
            tm_matches={
                "en": [{"source": "باشه!", "target": "Okay!", "score": 88.9, "exact": False, "origin": "human"}],
                "ru": [
                    {"source": "باشه.", "target": "Хорошо.", "score": 100.0, "exact": True, "origin": "post-edited"}
                ],
            },
        ),
    ]
    recs[1]["changes"].append(post_edit)
    doc = _render(recs, glossary)
    marks = {
        (row.get("data-segment"), td.get("lang")): td.xpath("string(./p[contains(@class,'origin')])")
        for row in doc.xpath("//tr[contains(@class,'segment')]")
        for td in row.xpath("./td[contains(@class,'target')]")
    }
    assert marks == {
        ("0", "en"): "TM exact match",
        ("0", "ru"): "",
        ("1", "en"): "post-edited (XLIFF)",
        ("1", "ru"): "",
        ("2", "en"): "",
        ("2", "ru"): "",
    }
    assert doc.xpath("string(//tr[@data-segment='1']/td[@lang='en']/p[@class='before-post-edit']/del)") == "Bye."
    fuzzy = doc.xpath("string(//tr[@data-segment='2']/td[@lang='en']/p[@class='tm-match'])")
    assert fuzzy == "TM fuzzy match 89 % (human): Okay!"
    offered = doc.xpath("string(//tr[@data-segment='2']/td[@lang='ru']/p[@class='tm-match'])")
    assert offered == "TM exact match 100 % (post-edited): Хорошо."


def test_text_is_escaped_not_interpreted(glossary):
    evil = '<script>alert("x")</script><b onclick="y">'
    html_doc = _render([_record(0, "سلام.", {"en": evil})], glossary)
    assert not html_doc.xpath("//td//script | //td//b")
    assert html_doc.xpath("string(//td[@lang='en']/p[@class='text'])") == evil


def test_without_glossary_no_term_marks(glossary):
    doc = _render([_record(0, SOURCE, {"en": "Andrei Belousov said."})], None)
    assert not doc.xpath("//a[contains(@class,'term')]")
    assert "no glossary" in doc.xpath("string(//header)")


def test_no_banner_for_real_models(glossary):
    rec = _record(0, "سلام.", {"en": "Hello."})
    rec["models"] = {"en": [{"pair": "fa-en", "name": "translate-fa_en", "version": "1.9", "test_model": None}]}
    assert not _render([rec], glossary).xpath("//div[contains(@class,'banner')]")


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "bad.jsonl:2: not JSON"),
        ('{"id": 1}', "bad.jsonl:2: segment record without a valid 'paragraph'"),
        ("[1, 2]", "bad.jsonl:2: not a segment record"),
        ('{"id": 1, "paragraph": 0, "source": "x", "targets": {"en": 3}}', "bad.jsonl:2: 'targets' must map"),
    ],
)
def test_bad_record_is_one_clear_error_and_nothing_is_written(tmp_path, line, message):
    from xling.report.api import report_record

    good = json.dumps(_record(0, "سلام.", {"en": "Hello."}), ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="^" + str(tmp_path).replace("\\", "\\\\") + "/" + message.replace("(", r"\(")):
        report_record(bad)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


def test_ref_specs_are_checked_before_work(tmp_path):
    from xling.report.references import parse_ref_specs

    ref = tmp_path / "r.txt"
    ref.write_text("x\n", encoding="utf-8")
    assert parse_ref_specs([f"en={ref}"], ["en", "ru"]) == {"en": str(ref)}
    for spec, msg in [
        ("en", "give LANG=FILE"),
        (f"de={ref}", "no de target"),
        ("en=missing.txt", "no such file"),
    ]:
        with pytest.raises(InputError, match=msg):
            parse_ref_specs([spec], ["en", "ru"])
    with pytest.raises(InputError, match="a second reference for en"):
        parse_ref_specs([f"en={ref}", f"EN={ref}"], ["en"])


def _write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_folder_report_index_links_every_document(tmp_path, glossary, cli):
    out = tmp_path / "out"
    _write(
        out / "a" / "one.jsonl",
        [_record(0, "آندری بلوسوف و ایگور کاستیوکوف گفتند.", {"en": "Andrei Belousov and Igor Kostyukov said."})],
    )
    _write(
        out / "a" / "b" / "two.jsonl",
        [_record(0, "سلام ۸۰.", {"en": "Hello 81."}), _record(1, "خوب.", {"en": "Good."}, paragraph=1)],
    )
    (out / "batch.jsonl").write_text('{"path": "a/one.txt", "state": "done"}\n', encoding="utf-8")
    refs = tmp_path / "refs"
    (refs / "a" / "b").mkdir(parents=True)
    (refs / "a" / "b" / "two.en.txt").write_text("Hello 80.\nGood.\n", encoding="utf-8")
    result = cli(["report", out, "--ref-dir", refs])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "batch.jsonl" in result.output
    index = lxml.html.parse(str(out / "index.html")).getroot()
    docs = index.xpath("//table[@id='documents']/tbody/tr")
    assert [d.xpath("string(./th/a)") for d in docs] == ["a/b/two", "a/one"]
    for d in docs:
        href = d.xpath("string(./th/a/@href)")
        assert (out / href).is_file() and not href.startswith("/")
    two, one = docs
    cell = {td.get("class").split()[1]: td.text_content() for td in two.xpath("./td[@data-lang='en']")}
    assert cell["errors"] == "1"  # number-mismatch 80 ≠ 81
    assert cell["bleu"] != "–" and cell["chrf"] != "–"
    cell = {td.get("class").split()[1]: td.text_content() for td in one.xpath("./td[@data-lang='en']")}
    assert cell["terms"] == "1.0000 (2/2)" and cell["bleu"] == "–"  # as the CLI prints it (defect 23)
    page = lxml.html.parse(str(out / "a" / "b" / "two.html")).getroot()
    assert page.xpath("//li[@data-check='number-mismatch']")
    assert len(page.xpath("//tbody[contains(@class,'paragraph')]")) == 2


def test_folder_without_records_is_an_error(tmp_path, cli):
    from xling.report.api import report_folder

    with pytest.raises(InputError, match=r"no \.jsonl record found"):
        report_folder(tmp_path)


def test_term_success_rate_is_printed_as_everywhere_else(glossary):
    """Defect 23 (issue 11): the page showed ``100.0 %`` where the CLI prints ``1.0000 (2/2)``;
    now one formatter (:func:`xling.glossary.check.format_success_rate`) for both."""
    from xling.glossary.check import format_success_rate

    doc = _render(
        [_record(0, SOURCE, {"en": "Andrei Belousov, the Russian defence minister, and Igor Kostyukov said."})],
        glossary,
    )
    [cell] = doc.xpath("//td[contains(@class, 'terms')]")
    text = cell.text_content().strip()
    expected = int(text.split("/")[-1].rstrip(")"))
    assert expected >= 2 and text == format_success_rate("en", expected, expected, expected)


def test_a_reference_in_another_language_is_refused(tmp_path):
    """``xling report X.jsonl --ref en=reference.ru.txt`` rendered a page scoring the English
    targets against Russian (chrF++ near 0) without a word: the file is refused in one line."""
    from xling.report.references import score_reference

    ref = tmp_path / "reference.ru.txt"
    ref.write_text("Владимир Путин встретился в Кремле с Ахмедом аш-Шараа.\n", encoding="utf-8")
    records = [{"id": 0, "source": "پوتین", "targets": {"en": "Vladimir Putin met Ahmed al-Sharaa in the Kremlin."}}]
    with pytest.raises(InputError, match=r"reference\.ru\.txt: its letters are mostly Cyrillic.*--ref en=.*\(ru\)"):
        score_reference(records, "en", str(ref))
