"""`xling translate --tm/--xliff` on the bundled article with xling copy test models (their output
is a copy of the source, not a translation), against a TM imported from the TMX that
`xling align` writes for the article and its three human references (tests/data/align/)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from mt_helpers import copy_model, install_packages, run_xling, xling_env

from xling.formats.tmx import read_tmx
from xling.formats.xliff import NS12, NS20, read_xliff

pytestmark = pytest.mark.slow
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
ALIGN = TESTS / "data" / "align"
STANDARDS = TESTS / "data" / "standards"
STEM = "putin-sharaa-2025-10-15"
ARTICLE = ROOT / "examples" / f"{STEM}.fa.txt"
TARGETS = ("en", "ru", "ar")
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    work = tmp_path_factory.mktemp("desk")
    install_packages(work / "packages", copy_model("fa", "en"), copy_model("en", "ru"), copy_model("fa", "ar"))
    return xling_env(work / "home", work / "packages")


@pytest.fixture(scope="module")
def article_tm(env, tmp_path_factory) -> tuple[Path, list[dict[str, str]]]:
    """A TM holding the align TMX of the article and its references; the TMX's units."""
    work = tmp_path_factory.mktemp("tm")
    tmx, tm = work / "article.tmx", work / "tm.sqlite"
    refs = [ALIGN / f"reference.{t}.txt" for t in TARGETS]
    args = ["align", ALIGN / "sentences.fa.txt", *refs, "--presegmented", "--format", "tmx", "-o", tmx]
    assert run_xling(args, env).returncode == 0
    assert run_xling(["tm", "import", tmx, "--tm", tm], env).returncode == 0
    return tm, read_tmx(tmx.read_bytes())[1]


def translate(env, out: Path, *extra) -> subprocess.CompletedProcess:
    proc = run_xling(["translate", ARTICLE, "--from", "fa", "--to", ",".join(TARGETS), "--out-dir", out, *extra], env)
    assert proc.returncode == 0, proc.stderr
    return proc


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / f"{STEM}.jsonl").read_text(encoding="utf-8").splitlines()]


def schema(version: str) -> etree.XMLSchema:
    xsd = {"2.1": "xliff-2.1/xling-validate.xsd", "1.2": "xliff-1.2/xliff-core-1.2-strict.xsd"}[version]
    return etree.XMLSchema(etree.parse(str(STANDARDS / xsd)))


@pytest.fixture(scope="module")
def xliff21(env, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("x21") / "out"
    translate(env, out, "--xliff")
    return out


@pytest.fixture(scope="module")
def with_tm(env, article_tm, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("tm12") / "out"
    return out, translate(env, out, "--tm", article_tm[0], "--xliff", "--xliff-version", "1.2")


def test_xliff_21_three_files_of_16_units_valid_and_read_by_translate_toolkit(xliff21):
    from translate.storage import xliff2

    recs = records(xliff21)
    for lang in TARGETS:
        path = xliff21 / f"{STEM}.{lang}.xlf"
        root = etree.parse(str(path)).getroot()
        assert schema("2.1").validate(root), schema("2.1").error_log
        units = root.findall(f".//{{{NS20}}}unit")
        assert [u.get("id") for u in units] == [str(r["id"]) for r in recs] and len(units) == 16
        groups = root.findall(f".//{{{NS20}}}group")
        assert [g.get("id") for g in groups] == [f"p{p}" for p in dict.fromkeys(r["paragraph"] for r in recs)]
        doc = read_xliff(path.read_bytes())
        assert [u.target for u in doc.units] == [r["targets"][lang] for r in recs]
        assert {u.state for u in doc.units} == {"mt"}
        assert any(c == "xling:terms" for u in doc.units for c, _ in u.notes)  # term hits as notes
        store = xliff2.Xliff2File.parsefile(str(path))
        assert [u.source for u in store.units] == [r["source"] for r in recs]


def test_outputs_other_than_xliff_are_unchanged_by_xliff(env, xliff21, tmp_path):
    plain = tmp_path / "plain"
    translate(env, plain)
    for name in [f"{STEM}.{t}.txt" for t in TARGETS] + [f"{STEM}.jsonl"]:
        assert (plain / name).read_bytes() == (xliff21 / name).read_bytes()


def test_tm_exact_matches_are_the_human_references_and_skip_mt(with_tm, article_tm):
    """Every segment from the TM, 0 MT: 14 one-segment units, and segments 8+9 joined (they are one
    2-1 bead in every reference alignment, so the TMX has a unit "fa8 fa9" and none for either)."""
    out, proc = with_tm
    _, tus = article_tm
    by_source = {tu["fa"]: tu for tu in tus}
    recs = records(out)
    assert sum(r["source"] in by_source for r in recs) == 14
    for r in recs:
        assert not any(c["stage"] == "translate" for c in r["changes"])  # no model saw it
        assert any(c["stage"] == "tm" for c in r["changes"])
        if r["id"] == 9:
            assert r["origin"] == dict.fromkeys(TARGETS, "joined") and r["joined_into"] == 8
            assert r["targets"] == dict.fromkeys(TARGETS, "")
            continue
        tu = by_source[r["source"] if r["id"] != 8 else f"{r['source']} {recs[9]['source']}"]
        assert set(r["origin"].values()) == {"tm-joined" if r["id"] == 8 else "tm-exact"}
        assert r["targets"] == {t: tu[t] for t in TARGETS}
    assert all("mt" not in r["origin"].values() for r in recs)
    lines = (out / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()
    src_lines = (out / f"{STEM}.fa.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(src_lines) and recs[8]["targets"]["en"] in lines  # one line for 8+9
    assert src_lines[lines.index(recs[8]["targets"]["en"])] == f"{recs[8]['source']} {recs[9]['source']}"
    assert by_source[recs[15]["source"]]["en"] in lines
    assert "TM: 16 of 16 segments" in proc.stderr and "MT on 0" in proc.stderr


def test_tm_xliff_12_is_valid_with_states(with_tm):
    from translate.storage import xliff

    out, _ = with_tm
    for lang in TARGETS:
        path = out / f"{STEM}.{lang}.xlf"
        root = etree.parse(str(path)).getroot()
        assert schema("1.2").validate(root), schema("1.2").error_log
        states = [t.get("state-qualifier") for t in root.iterfind(f".//{{{NS12}}}trans-unit/{{{NS12}}}target")]
        assert states.count("exact-match") == 14 and states.count("mt-suggestion") == 0
        assert states.count("leveraged-tm") == 1 and states.count("leveraged-inherited") == 1  # 8 and 9 joined
        assert len(xliff.xlifffile.parsefile(str(path)).units) == 16


def test_one_word_change_gives_a_fuzzy_match_in_the_record_and_the_xliff(env, article_tm, tmp_path):
    src = ARTICLE.read_text(encoding="utf-8")
    sentence = "وی ادامه داد: با وجود اینکه سوریه در حال حاضر دوران سختی را"
    assert sentence in src
    changed = tmp_path / f"{STEM}.fa.txt"
    changed.write_text(src.replace(sentence, sentence.replace("سختی", "دشواری")), encoding="utf-8")
    out = tmp_path / "out"
    proc = run_xling(
        ["translate", changed, "--to", "en,ru,ar", "--out-dir", out, "--tm", article_tm[0], "--xliff"], env
    )
    assert proc.returncode == 0, proc.stderr
    rec = records(out)[10]
    assert rec["origin"] == {t: "mt" for t in TARGETS}
    best = rec["tm_matches"]["en"][0]
    assert 75 <= best["score"] < 100 and not best["exact"]
    root = etree.parse(str(out / f"{STEM}.en.xlf")).getroot()
    assert schema("2.1").validate(root), schema("2.1").error_log
    matches = root.findall(f".//{{{NS20}}}unit[@id='10']//{{urn:oasis:names:tc:xliff:matches:2.0}}match")
    assert matches and float(matches[0].get("similarity")) == pytest.approx(best["score"], abs=0.01)


def test_translate_xliff_then_lxml_edit_then_import_into_txt_and_tm(cli, xliff21, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(xliff21, out)
    xlf = out / f"{STEM}.en.xlf"
    tree = etree.parse(str(xlf))
    (target,) = tree.xpath("//x:unit[@id='15']//x:target", namespaces={"x": NS20})
    target.text = "This report is being updated."
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    tm = tmp_path / "tm.sqlite"
    r = cli(["xliff", "import", xlf, "--out-dir", out, "--tm", tm])
    assert r.exit_code == 0, r.output
    assert (out / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()[-1] == "This report is being updated."
    rec = records(out)[15]
    assert rec["origin"]["en"] == "post-edited" and rec["changes"][-1]["mt"] == records(xliff21)[15]["targets"]["en"]
    r = cli(["tm", "lookup", rec["source"], "--tm", tm, "--json"])
    assert json.loads(r.output)[0]["target"] == "This report is being updated."


@pytest.mark.skipif(
    not OMEGAT_JAR.exists() or shutil.which("java") is None, reason="OmegaT (Debian omegat) is not installed"
)
def test_omegat_console_mode_opens_the_12_file(with_tm, cli, tmp_path):
    """OmegaT 3.6 loads every unit of the XLIFF 1.2 file and writes it back; xling imports that."""
    out, _ = with_tm
    project = tmp_path / "omegat"
    for sub in ("source", "target", "tm", "glossary", "omegat", "dictionary"):
        (project / sub).mkdir(parents=True)
    shutil.copy(TESTS / "data" / "omegat" / "omegat.project", project / "omegat.project")
    shutil.copy(out / f"{STEM}.en.xlf", project / "source")
    proc = subprocess.run(
        ["java", "-jar", OMEGAT_JAR, "--mode=console-translate", f"--config-dir={tmp_path / 'config'}",
         "--disable-project-locking", "--no-team", project],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    total = next(line for line in stats.splitlines() if line.startswith("Total:"))
    # OmegaT found 15 units to translate: unit 9 (joined into 8 by the TM, its target is in unit 8)
    # has an empty target, which OmegaT 3.6's XLIFF filter leaves alone (seen: also without a <target>)
    assert total.split()[1] == "15"
    written = project / "target" / f"{STEM}.en.xlf"
    doc = read_xliff(written.read_bytes())
    assert len(doc.units) == 16 and [u.id for u in doc.units if not u.target] == ["9"]
    back = tmp_path / "back"
    shutil.copytree(out, back)
    shutil.copy(written, back / written.name)
    r = cli(["xliff", "import", back / written.name, "--out-dir", back])
    assert r.exit_code == 0, r.output
    assert "16 units, 0 edited" in r.output


@pytest.mark.parametrize("which", ["xliff21", "with_tm"])
def test_edited_target_goes_into_the_text_file_the_record_and_the_tm(cli, request, which, tmp_path):
    """2.1 (MT targets) and 1.2 (TM targets): only the edited line and record change."""
    made = request.getfixturevalue(which)
    out = tmp_path / "copy"
    shutil.copytree(made if which == "xliff21" else made[0], out)
    before = records(out)
    text_before = (out / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()
    xlf = out / f"{STEM}.en.xlf"
    tree = etree.parse(str(xlf))
    ns = NS20 if which == "xliff21" else NS12
    where = "//x:unit[@id='3']//x:target" if which == "xliff21" else "//x:trans-unit[@id='3']/x:target"
    (target,) = tree.xpath(where, namespaces={"x": ns})
    target.text = "We have kept our diplomatic relations for more than 80 years (post-edited)."
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    tm = tmp_path / "tm.sqlite"
    r = cli(["xliff", "import", xlf, "--out-dir", out, "--tm", tm])
    assert r.exit_code == 0, r.output
    assert "16 units, 1 edited, 1 post-edited, 1 new in the TM" in r.output
    lines = (out / f"{STEM}.en.txt").read_text(encoding="utf-8").splitlines()
    line = text_before.index(before[3]["targets"]["en"])
    assert lines == [*text_before[:line], target.text, *text_before[line + 1 :]]  # translate's layout
    after = records(out)
    assert after[3]["targets"]["en"] == target.text and after[3]["origin"]["en"] == "post-edited"
    pe = after[3]["changes"][-1]
    assert pe["stage"] == "post-edit" and pe["before"] == before[3]["targets"]["en"]
    assert pe["mt"] == (before[3]["targets"]["en"] if which == "xliff21" else None)  # a TM target is no MT
    assert after[:3] == before[:3] and after[4:] == before[4:]
    assert after[3]["targets"]["ru"] == before[3]["targets"]["ru"]
    (m,) = json.loads(cli(["tm", "lookup", before[3]["source"], "--tm", tm, "--json"]).output)
    assert m["target"] == target.text and m["origin"] == "post-edited" and m["exact"]


def test_a_changed_source_is_refused_naming_the_unit(cli, xliff21, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(xliff21, out)
    xlf = out / f"{STEM}.en.xlf"
    tree = etree.parse(str(xlf))
    (src,) = tree.xpath("//x:unit[@id='3']//x:source", namespaces={"x": NS20})
    src.text = "متنی دیگر"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    files = {p.name: p.read_bytes() for p in out.iterdir()}
    r = cli(["xliff", "import", xlf, "--out-dir", out])
    assert r.exit_code == 1
    assert f"xling: error: {xlf}: unit 3: the source no longer matches segment 3" in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files  # nothing written


def test_import_without_the_record_in_out_dir(cli, xliff21, tmp_path):
    r = cli(["xliff", "import", xliff21 / f"{STEM}.en.xlf", "--out-dir", tmp_path / "elsewhere"])
    assert r.exit_code == 1 and "no such record" in r.output
