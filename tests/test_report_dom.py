"""`xling report` on the bundled article (copy test models, human references as --ref): the DOM
of the page, parsed with lxml.html."""

from __future__ import annotations

import re

import lxml.html
import pytest
from report_helpers import (
    ERROR_LANG,
    ERROR_SEGMENT,
    REFERENCES,
    article_run,  # noqa: F401 - the session fixture
    record_with_error,
)

pytestmark = pytest.mark.slow

LANGS = ["fa", "en", "ru", "ar"]


@pytest.fixture(scope="module")
def page(article_run, tmp_path_factory, cli_module):  # noqa: F811
    work = tmp_path_factory.mktemp("report-dom")
    record = record_with_error(article_run, work / "out")
    out = work / "report.html"
    args = ["report", record, "-o", out]
    for lang, path in REFERENCES.items():
        args += ["--ref", f"{lang}={path}"]
    result = cli_module(args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    return html, lxml.html.fromstring(html)


@pytest.fixture(scope="module")
def cli_module():
    from typer.testing import CliRunner

    from xling.cli.main import app

    runner = CliRunner()
    return lambda args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def rows(doc):
    return doc.xpath("//table[@id='segments']/tbody/tr[contains(@class, 'segment')]")


def test_sixteen_segment_rows_with_four_language_columns(page):
    _, doc = page
    segs = rows(doc)
    assert len(segs) == 16
    assert [r.get("data-segment") for r in segs] == [str(i) for i in range(16)]
    for row in segs:
        cells = row.xpath("./td")
        assert [c.get("lang") for c in cells] == LANGS
    heads = doc.xpath("//table[@id='segments']/thead/tr/th[@scope='col']")
    assert len(heads) == 5  # segment number + 4 languages
    # paragraphs are row groups with a heading row each
    groups = doc.xpath("//table[@id='segments']/tbody[contains(@class, 'paragraph')]")
    assert len(groups) == 13
    assert all(g.xpath("./tr[contains(@class, 'paragraph-head')]/th[@scope='rowgroup']") for g in groups)


def test_direction_of_every_cell(page):
    _, doc = page
    for row in rows(doc):
        dirs = {c.get("lang"): c.get("dir") for c in row.xpath("./td")}
        assert dirs == {"fa": "rtl", "en": "ltr", "ru": "ltr", "ar": "rtl"}


def test_the_issue_put_in_one_segment_is_shown_on_that_segment_only(page):
    _, doc = page
    found = doc.xpath("//li[contains(@class, 'issue')][@data-check='placeholder']")
    assert len(found) == 1
    issue = found[0]
    row = issue.xpath("ancestor::tr[1]")[0]
    cell = issue.xpath("ancestor::td[1]")[0]
    assert row.get("data-segment") == str(ERROR_SEGMENT) and cell.get("lang") == ERROR_LANG
    assert issue.get("data-severity") == "error" and "error" in issue.get("class").split()
    assert issue.xpath("string(.//code[@class='check'])") == "placeholder"
    assert "⟦" in issue.xpath("string(.//span[@class='message'])")
    assert row.get("data-severity") == "error"
    # the summary table counts it under its check and language
    summary = doc.xpath("//table[contains(@class, 'qa-summary')]/tbody/tr[@data-check='placeholder']")[0]
    assert [td.text_content() for td in summary.xpath("./td[contains(@class, 'num')]")] == ["1", "0", "0", "1"]


def _terms(doc, entry, lang):
    return doc.xpath(f"//td[@lang='{lang}']//a[contains(@class, 'term')][@data-entry='{entry}']")


@pytest.mark.parametrize(
    "entry, en",
    [("ahmed-al-sharaa", "al-Sharaa"), ("andrei-belousov", "Belousov"), ("igor-kostyukov", "Kostyukov")],
)
def test_term_marks_with_status_and_concept_entry(page, entry, en):
    _, doc = page
    for lang in LANGS:
        marks = _terms(doc, entry, lang)
        assert marks, f"no {entry} mark in {lang}"
        assert all(m.get("href") == f"#entry-{entry}" and m.get("data-status") == "preferred" for m in marks)
    assert any(en in m.text_content() for m in _terms(doc, entry, "en"))
    card = doc.get_element_by_id(f"entry-{entry}")
    term_langs = {th.text_content() for th in card.xpath(".//table//tbody/tr/th[@scope='row']")}
    assert term_langs == set(LANGS)
    assert card.xpath("string(.//h3/code)") == entry


def test_references_and_scores_with_signatures(page):
    _, doc = page
    for lang in ("en", "ru", "ar"):
        row = doc.xpath(f"//table[contains(@class, 'scores')]/tbody/tr[@data-lang='{lang}']")[0]
        for metric in ("bleu", "chrf", "ter"):
            assert re.fullmatch(r"\d+\.\d\d", row.xpath(f"string(./td[contains(@class, '{metric}')])"))
        refs = doc.xpath(f"//td[@lang='{lang}']/div[@class='reference']")
        scored = [r for r in refs if r.xpath(".//span[@class='chrf']")]
        assert len(scored) >= 14, lang  # every hypothesis segment is in a scored bead
        assert all(re.fullmatch(r"chrF\+\+ \d+\.\d", r.xpath("string(.//span[@class='chrf'])")) for r in scored)
    sigs = [c.text_content() for c in doc.xpath("//code[@class='signature']")]
    assert len(sigs) == 9 and all(s.startswith("nrefs:1|") for s in sigs)  # BLEU, chrF++, TER x 3
    assert all("|xling-norm:" in s for s in sigs)  # as xling score prints them
    assert any("tok:13a" in s for s in sigs) and any("tok:intl" in s for s in sigs)
    # ru reference has 15 lines for 16 segments: the aligner put segments 8 and 9 in one bead
    ru9 = doc.xpath("//tr[@data-segment='9']/td[@lang='ru']/div[@class='reference']")[0]
    assert "segment 8" in ru9.text_content()


def test_test_model_banner(page):
    _, doc = page
    banner = doc.xpath("//div[contains(@class, 'banner')][@role='alert']")[0].text_content()
    assert "NOT a translation" in banner
    for leg in ("fa→en", "en→ru", "fa→ar"):
        assert f"xling test model: copy {leg}" in banner


def test_self_contained_nothing_fetched(page):
    html, doc = page
    assert not doc.xpath("//script[@src] | //link[@rel='stylesheet'] | //img | //iframe")
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html)
    assert "@import" not in html and "url(" not in html
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    assert doc.xpath("//style") and doc.xpath("//script")


def test_accessible_structure(page):
    _, doc = page
    assert doc.xpath("//h1") and len(doc.xpath("//h2")) >= 4
    assert all(t.xpath("./caption") for t in doc.xpath("//table[not(ancestor::article)]"))
    radios = doc.xpath("//fieldset/input[@type='radio'] | //fieldset/label/input[@type='radio']")
    assert {r.get("value") for r in radios} == {"all", "issues"}
    assert doc.xpath("//fieldset/legend")
    assert "@media print" in page[0]
