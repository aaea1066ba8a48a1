"""`xling translate ... --report` writes OUT/<stem>.html with the other outputs, all or nothing,
and the page is the one `xling report OUT/<stem>.jsonl` makes from the written record."""

from __future__ import annotations

import pytest
from mt_helpers import copy_model, install_packages, tree
from report_helpers import ARTICLE, STEM

from xling.errors import InputError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


@pytest.fixture
def in_process(cli, packages, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return cli


def test_translate_report_writes_the_page_of_the_record(in_process, tmp_path):
    out = tmp_path / "out"
    result = in_process(["translate", ARTICLE, "--to", "en,ru,ar", "--out-dir", out, "--report"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"{STEM}.{x}" for x in ("en.txt", "ru.txt", "ar.txt", "fa.txt", "jsonl", "html")])
    again = in_process(["report", out / f"{STEM}.jsonl", "-o", tmp_path / "again.html"])
    assert again.exit_code == 0, again.output
    page = (out / f"{STEM}.html").read_text(encoding="utf-8")
    assert page == (tmp_path / "again.html").read_text(encoding="utf-8")
    assert page.count('<tr class="segment') == 16 and "NOT a translation" in page


def test_translate_report_is_written_with_the_rest_or_not_at_all(in_process, tmp_path, monkeypatch):
    from xling.report import api

    out = tmp_path / "out"
    first = in_process(["translate", ARTICLE, "--to", "en", "--out-dir", out])
    assert first.exit_code == 0, first.output
    before = tree(out)

    def broken(*args, **kwargs):
        raise InputError("report: simulated failure")

    monkeypatch.setattr(api, "document_html", broken)
    result = in_process(["translate", ARTICLE, "--to", "en", "--out-dir", out, "--report", "--no-glossary"])
    assert result.exit_code == 1 and "simulated failure" in result.output
    assert tree(out) == before  # the earlier outputs are untouched, no page, no temporary file
