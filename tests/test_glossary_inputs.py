"""Inputs a newcomer gets wrong with the glossary commands (found by trying them): standard output
redirected into an input, a source or translation in the wrong language, an emptied glossary file,
an entry that can never match, a missing OTHER.yaml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "احمد الشرع به مسکو رفت.\nابو محمد جولانی سخن گفت.\n"
EN = "Ahmed al-Sharaa went to Moscow.\nAbu Mohammad al-Jolani spoke.\n"
RU = "Ахмед аш-Шараа поехал в Москву.\nАбу Мухаммад аль-Джулани выступил.\n"


def _error(result) -> str:
    """The one ``xling: error:`` line of a failed run (its message after the prefix)."""
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("xling: error: ")]
    return line.removeprefix("xling: error: ")


@pytest.fixture
def pair(tmp_path):
    src = tmp_path / "src.fa.txt"
    src.write_text(SOURCE, encoding="utf-8")
    en = tmp_path / "mt.en.txt"
    en.write_text(EN, encoding="utf-8")
    return src, en


@pytest.mark.parametrize("cmd", ["enforce", "check"])
@pytest.mark.parametrize("which", ["translation", "source"])
@pytest.mark.parametrize("mode", ["ab", "wb"])
def test_stdout_redirected_into_an_input_is_refused(cmd, which, mode, pair, gpath):
    """``xling glossary enforce T --source S --lang en > T`` emptied T and ``>> T`` appended the
    report to it, exit 0 both: now refused with one line (as normalize, segment and align do)."""
    src, en = pair
    target = en if which == "translation" else src
    before = target.read_text(encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(target, mode) as out:  # the shell's `>> F` / `> F`
        r = subprocess.run(
            [sys.executable, "-m", "xling", "glossary", cmd, str(en), "--source", str(src), "--lang", "en"]
            + ["--glossary", str(gpath)],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    assert r.returncode == 1
    if mode == "ab":
        assert target.read_text(encoding="utf-8") == before  # nothing appended
    [line] = r.stderr.strip().splitlines()
    assert str(target) in line and "standard output" in line


@pytest.mark.parametrize("cmd", ["enforce", "check"])
def test_a_source_that_is_not_persian_is_refused(cmd, cli, pair, gpath, tmp_path):
    """``check REF.ru --source REF.en --lang ru`` found no expected term and printed a term
    success rate of 1.0000 (0/0), so ``--strict`` passed: the source is not in the glossary's
    source language."""
    _, en = pair
    ru = tmp_path / "mt.ru.txt"
    ru.write_text(RU, encoding="utf-8")
    r = cli(
        ["glossary", cmd, ru, "--source", en, "--lang", "ru", "--glossary", gpath, *(["--strict"] * (cmd == "check"))]
    )
    assert r.exit_code == 1
    msg = _error(r)
    assert "\n" not in msg and str(en) in msg and "Latin" in msg and "fa" in msg and "--source" in msg


@pytest.mark.parametrize("cmd", ["enforce", "check"])
def test_a_translation_in_another_language_than_lang_is_refused(cmd, cli, pair, gpath, tmp_path):
    """``check reference.ru.txt --lang en`` reported every term missing (0/31): the file is Cyrillic."""
    src, _ = pair
    ru = tmp_path / "mt.ru.txt"
    ru.write_text(RU, encoding="utf-8")
    r = cli(["glossary", cmd, ru, "--source", src, "--lang", "en", "--glossary", gpath])
    assert r.exit_code == 1
    msg = _error(r)
    assert "\n" not in msg and str(ru) in msg and "Cyrillic" in msg and "--to en" in msg and "ru" in msg


def test_an_untranslated_copy_of_the_source_is_still_checked(cli, pair, gpath):
    """Persian left in an en output (a test model's copy, MT that failed) is what check must
    report, not refuse: the source language's script is allowed."""
    src, _ = pair
    r = cli(["glossary", "check", src, "--source", src, "--lang", "en", "--glossary", gpath, "--strict"])
    assert r.exit_code == 1 and "missing" in r.stdout


@pytest.mark.parametrize("text", ["", "\n  \n"])
def test_an_emptied_glossary_file_is_refused(cli, tmp_path, text):
    """``xling glossary list -g g.yaml > g.yaml`` empties the glossary; afterwards every command
    (validate too) read it as a valid glossary of 0 entries and translate enforced nothing."""
    g = tmp_path / "g.yaml"
    g.write_text(text, encoding="utf-8")
    for args in (["glossary", "validate"], ["glossary", "list"]):
        r = cli([*args, "--glossary", g])
        assert r.exit_code == 1
        msg = _error(r)
        assert "\n" not in msg and str(g) in msg and "empty" in msg


def test_an_entry_without_a_source_term_is_a_warning(cli, gpath):
    """An entry with en/ru/ar terms but no fa term can never be matched in a Persian source;
    validate said 0 warnings."""
    r = cli(
        ["glossary", "add", "--id", "no-source", "--type", "person", "--term", "en=Testy", "--term", "ru=Тести"]
        + ["--term", "ar=تستي", "--glossary", gpath]
    )
    assert r.exit_code == 0, r.output
    r = cli(["glossary", "validate", "--glossary", gpath])
    assert r.exit_code == 0 and "1 warning" in r.output and "no-source" in r.output and "fa" in r.output
    assert cli(["glossary", "validate", "--glossary", gpath, "--strict"]).exit_code == 1


def test_merge_names_the_missing_other_file(cli, gpath, tmp_path):
    """``merge nonexist.yaml`` said '... give an existing glossary with --glossary PATH', the wrong fix."""
    r = cli(["glossary", "merge", tmp_path / "nonexist.yaml", "--glossary", gpath])
    assert r.exit_code == 1
    msg = _error(r)
    assert "nonexist.yaml" in msg and "--glossary" not in msg and "OTHER" in msg
