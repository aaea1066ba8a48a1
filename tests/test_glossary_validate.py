"""`xling glossary validate`: the shipped glossary passes; each kind of error is caught with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from xling.glossary.store import load_glossary
from xling.glossary.validate import errors, source_key, validate_glossary

DATA = Path(__file__).parent / "data" / "glossary"


def test_shipped_glossary_validates(cli):
    r = cli(["glossary", "validate"])
    assert r.exit_code == 0, r.output
    assert "0 errors" in r.output
    assert errors(validate_glossary(load_glossary())) == []


def test_small_fixture_validates(cli):
    r = cli(["glossary", "validate", "--glossary", DATA / "small.yaml"])
    assert r.exit_code == 0, r.output


def _broken(tmp_path, old: str, new: str, count: int = 1) -> tuple[Path, int]:
    p = tmp_path / "g.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, count)
    p.write_text(text, encoding="utf-8")
    return p, text


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    hits = [i for i, lg in enumerate(text.splitlines(), 1) if needle in lg]
    return hits[nth - 1]


CASES = {
    # code: (old, new, needle for the expected line, nth hit)
    "duplicate-id": ("  - id: defence-minister", "  - id: ahmed-al-sharaa", "id: ahmed-al-sharaa", 2),
    "duplicate-source-term": ("        - text: وزیر دفاع", "        - text: ابو محمد جولاني", "ابو محمد جولاني", 1),
    "deprecated-is-preferred": (
        "        - text: Julani\n",
        "        - text: Defence Minister\n",
        "Defence Minister",
        1,
    ),
    "no-preferred": (
        "        - text: Ахмед аш-Шараа\n",
        "        - text: Ахмед аш-Шараа\n          status: admitted\n",
        "ru:",
        1,
    ),
    "dangling-reference": (
        "        target: ahmed-al-sharaa",
        "        target: ahmed-al-shara",
        "target: ahmed-al-shara",
        1,
    ),
    "duplicate-term": ("        - text: al-Shara\n", "        - text: Ahmed al-Sharaa\n", "- text: Ahmed al-Sharaa", 2),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_error_is_reported_with_file_and_line(cli, tmp_path, code):
    old, new, needle, nth = CASES[code]
    p, text = _broken(tmp_path, old, new)
    before = p.read_bytes()
    r = cli(["glossary", "validate", "--glossary", p])
    assert r.exit_code == 1
    line = _line_of(text, needle, nth)
    assert f"{p}:{line}: error: [{code}]" in r.output, r.output
    assert p.read_bytes() == before


def test_target_language_missing_entirely(cli, tmp_path):
    p, _text = _broken(tmp_path, "      ar:\n        - text: وزير الدفاع\n", "")
    r = cli(["glossary", "validate", "--glossary", p])
    assert r.exit_code == 1
    assert "[no-preferred]" in r.output and "no ar terms" in r.output


def test_schema_error_exits_nonzero_with_file_and_line(cli, tmp_path):
    p, text = _broken(tmp_path, "    type: title", "    type: job")
    r = cli(["glossary", "validate", "--glossary", p])
    assert r.exit_code == 1
    assert f"{p}:{_line_of(text, 'type: job')}: entries.2.type" in r.output


def test_broken_yaml_exits_nonzero(cli, tmp_path):
    p, _text = _broken(tmp_path, "    type: title", "    type: [title")
    r = cli(["glossary", "validate", "--glossary", p])
    assert r.exit_code == 1
    assert f"xling: error: {p}:" in r.output and "broken YAML" in r.output


def test_warnings_do_not_fail_unless_strict(cli, tmp_path):
    p, _ = _broken(
        tmp_path,
        "        - text: Defense Minister\n",
        "        - text: Defense Minister\n          use: Defence Minister\n",
    )
    assert cli(["glossary", "validate", "--glossary", p]).exit_code == 0
    r = cli(["glossary", "validate", "--glossary", p, "--strict"])
    assert r.exit_code == 1 and "[use-not-deprecated]" in r.output


def test_source_key_folds_spelling_variants():
    assert source_key("ابو محمد جولانی") == source_key("ابومحمد جولاني") == source_key("ابو\u200cمحمد جولانی")
    assert source_key("ابو قصره") == source_key("ابو قصرة")
    assert source_key("جولانی") != source_key("الجولانی")


def test_source_key_is_the_matchers_key():
    # two terms the source matcher cannot tell apart are one term for validation too
    from xling.glossary.match import fold_key

    for a, b in [("آستانه", "استانه"), ("رئیس", "رییس"), ("G20", "g20"), ("نشست ۲۰", "نشست 20")]:
        assert source_key(a) == source_key(b) == fold_key(b)


def test_missing_language_is_a_warning_without_declared_targets(cli, tmp_path):
    p, _ = _broken(tmp_path, "target_languages: [en, ru, ar]\n", "")
    text = p.read_text(encoding="utf-8").replace("      ar:\n        - text: وزير الدفاع\n", "")
    p.write_text(text, encoding="utf-8")
    r = cli(["glossary", "validate", "-g", p])
    assert r.exit_code == 0 and "warning: [missing-language] entry 'defence-minister' has no ar terms" in r.output
    assert cli(["glossary", "validate", "-g", p, "--strict"]).exit_code == 1


def test_entry_ids_and_language_codes_are_checked(tmp_path, cli):
    """An id that is not an XML name (TBX conceptEntry/@id) or a term language that is not a
    language code is refused with one line, and the glossary file is unchanged."""
    import shutil

    from xling.glossary.store import default_glossary_path

    g = tmp_path / "g.yaml"
    shutil.copy(default_glossary_path(), g)
    before = g.read_bytes()
    r = cli(["glossary", "add", "-g", g, "--id", "bad id", "--type", "person", "--term", "fa=تست", "--term", "en=Test"])
    assert r.exit_code == 1 and "'bad id' is not a valid id" in r.output and "bad-id" in r.output
    r = cli(
        ["glossary", "add", "-g", g, "--id", "test-x", "--type", "person", "--term", "fa=تست", "--term", "xx1=Test"]
    )
    assert r.exit_code == 1 and "'xx1' is not a language code" in r.output
    assert g.read_bytes() == before
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: t\nentries:\n  - id: 1st\n    terms:\n      fa: [{text: تست}]\n", encoding="utf-8")
    r = cli(["glossary", "validate", "-g", bad])
    assert r.exit_code == 1 and f"{bad}:3:" in r.output and "'1st' is not a valid id" in r.output
