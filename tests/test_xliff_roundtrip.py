"""The CAT round trip on the bundled article with xling copy test models (their output is a copy
of the source, not a translation): XLIFF from the translate record, a target edited with lxml,
`xling xliff import` into <stem>.<lang>.txt, the .jsonl record and the TM."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from mt_helpers import copy_model, install_packages, run_xling, xling_env

from xling.formats.roundtrip import xliff_documents
from xling.formats.xliff import NS12, NS20, xliff_bytes

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
STEM = "putin-sharaa-2025-10-15"
ARTICLE = ROOT / "examples" / f"{STEM}.fa.txt"
EDIT = "This report is being updated (post-edited)."


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return folder


@pytest.fixture
def translated(packages, tmp_path) -> Path:
    out = tmp_path / "out"
    env = xling_env(tmp_path / "home", packages)
    proc = run_xling(["translate", ARTICLE, "--from", "fa", "--to", "en,ru,ar", "--out-dir", out], env)
    assert proc.returncode == 0, proc.stderr
    return out


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / f"{STEM}.jsonl").read_text(encoding="utf-8").splitlines()]


def write_xliff(out: Path, version: str) -> Path:
    doc = xliff_documents(records(out), ["en"], src_lang="fa", original=ARTICLE.name, version=version)["en"]
    path = out / f"{STEM}.en.xlf"
    path.write_bytes(xliff_bytes(doc))
    return path


def edit_target(path: Path, unit_id: str, text: str, version: str) -> None:
    tree = etree.parse(str(path))
    ns = {"x": NS20 if version == "2.1" else NS12}
    where = f"//x:unit[@id='{unit_id}']//x:target" if version == "2.1" else f"//x:trans-unit[@id='{unit_id}']/x:target"
    (target,) = tree.xpath(where, namespaces=ns)
    target.text = text
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_edited_target_goes_into_the_text_file_the_record_and_the_tm(cli, translated, tmp_path, version):
    before = records(translated)
    text_before = (translated / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()
    xlf = write_xliff(translated, version)
    edit_target(xlf, "15", EDIT, version)
    tm = tmp_path / "tm.sqlite"
    r = cli(["xliff", "import", xlf, "--out-dir", translated, "--tm", tm])
    assert r.exit_code == 0, r.output
    assert "16 units, 1 edited, 1 post-edited, 1 new in the TM" in r.output
    lines = (translated / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [*text_before[:-1], EDIT]  # translate's layout; only the edited line changed
    after = records(translated)
    assert after[15]["targets"]["en"] == EDIT and after[15]["origin"] == {"en": "post-edited"}
    pe = after[15]["changes"][-1]
    assert pe["stage"] == "post-edit" and pe["mt"] == before[15]["targets"]["en"] and pe["lang"] == "en"
    assert after[:15] == before[:15] and after[15]["targets"]["ru"] == before[15]["targets"]["ru"]
    r = cli(["tm", "lookup", before[15]["source"], "--from", "fa", "--to", "en", "--tm", tm, "--json"])
    (m,) = json.loads(r.output)
    assert m["target"] == EDIT and m["origin"] == "post-edited" and m["exact"]


def test_a_changed_source_is_refused_naming_the_unit(cli, translated):
    xlf = write_xliff(translated, "2.1")
    tree = etree.parse(str(xlf))
    (src,) = tree.xpath("//x:unit[@id='3']//x:source", namespaces={"x": NS20})
    src.text = "متنی دیگر"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    files = {p.name: p.read_bytes() for p in translated.iterdir()}
    r = cli(["xliff", "import", xlf, "--out-dir", translated])
    assert r.exit_code == 1
    assert f"xling: error: {xlf}: unit 3: the source no longer matches segment 3" in r.output
    assert {p.name: p.read_bytes() for p in translated.iterdir()} == files  # nothing written


def test_no_record_in_out_dir(cli, translated, tmp_path):
    xlf = write_xliff(translated, "2.1")
    r = cli(["xliff", "import", xlf, "--out-dir", tmp_path / "elsewhere"])
    assert r.exit_code == 1 and "no such record" in r.output
