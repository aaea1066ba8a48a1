"""``xling normalize`` and ``xling segment`` on the bundled article and on bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
Z = "\u200c"
PERSIAN_LETTER = re.compile("[\u0600-\u06ff\u200c]")


def test_segment_article_prints_the_16_gold_sentences(cli, example_article):
    r = cli(["segment", example_article, "--lang", "fa"])
    assert r.exit_code == 0, r.output
    expected = (DATA / "putin-sharaa.sentences.fa.txt").read_text(encoding="utf-8").splitlines()
    lines = r.stdout.split("\n")
    assert [line for line in lines if line] == expected
    # paragraphs: blank line between paragraphs, none inside
    blocks = r.stdout.rstrip("\n").split("\n\n")
    assert len(blocks) == 13 and blocks[2].count("\n") == 1


def test_segment_line_break_ends_a_segment_unless_join_lines(cli):
    text = "Title without period\nFirst sentence. Second.\n\nA hard\nwrapped one.\n"
    r = cli(["segment", "-", "--lang", "en"], input=text)
    assert r.exit_code == 0, r.output
    assert r.stdout == "Title without period\nFirst sentence.\nSecond.\n\nA hard\nwrapped one.\n"
    r = cli(["segment", "-", "--lang", "en", "--join-lines"], input=text)
    assert r.exit_code == 0, r.output
    assert r.stdout == "Title without period First sentence.\nSecond.\n\nA hard wrapped one.\n"


def test_normalize_article_changes_only_persian_words(cli, example_article):
    source = example_article.read_text(encoding="utf-8")
    r = cli(["normalize", example_article, "--lang", "fa"])
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith(" date 2025-10-15 ")
    assert out.replace(Z, "") == source
    assert PERSIAN_LETTER.sub("", out) == PERSIAN_LETTER.sub("", source)  # every non-Persian character as it was
    assert f"رئیس{Z}جمهور" in out and f"می{Z}شود" in out and "۱۹۴۴" in out


def test_normalize_digits_ascii(cli):
    r = cli(["normalize", "-", "--lang", "fa", "--digits", "ascii"], input="سال ۱۹۴۴ و ۳٫۵ درصد")
    assert r.stdout == "سال 1944 و 3.5 درصد"
    r = cli(["normalize", "-", "--lang", "fa", "--digits", "roman"], input="x")
    assert r.exit_code == 2 and "--digits" in r.stderr  # a bad option value: a usage error (defect 20)


def test_empty_input(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for cmd in ("normalize", "segment"):
        r = cli([cmd, empty, "--lang", "fa"])
        assert r.exit_code == 0 and r.stdout == ""
        r = cli([cmd, "-", "--lang", "fa"], input="")
        assert r.exit_code == 0 and r.stdout == ""


def test_bom_and_crlf(cli, tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffمیشود.\r\n\r\nدوم.\r\n".encode("utf-8"))
    r = cli(["normalize", f, "--lang", "fa"])
    assert r.stdout == f"می{Z}شود.\n\nدوم.\n"
    r = cli(["segment", f, "--lang", "fa"])
    assert r.stdout == "میشود.\n\nدوم.\n"


def test_cp1256_file_names_encoding_option(cli, tmp_path):
    f = tmp_path / "legacy.txt"
    # Windows-1256 has no Persian ی/ک: legacy files carry the Arabic ي/ك, which normalize unifies.
    text = "ولادیمیر پوتین رئیس جمهور روسیه روز چهارشنبه در کرملین با احمد الشرع دیدار کرد.\n"
    f.write_bytes(text.replace("ی", "ي").replace("ک", "ك").encode("cp1256"))
    for cmd in ("normalize", "segment"):
        r = cli([cmd, f, "--lang", "fa"])
        assert r.exit_code == 1
        assert "--encoding" in r.stderr and "cp1256" in r.stderr and "legacy.txt" in r.stderr
    r = cli(["normalize", f, "--lang", "fa", "--encoding", "cp1256"])
    assert r.exit_code == 0 and r.stdout == text


def test_unknown_language(cli):
    r = cli(["segment", "-", "--lang", "de"], input="Hallo.")
    assert r.exit_code == 2 and "--from 'de'" in r.stderr  # --lang is the old name of --from (issue 11)


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_segment_other_languages(cli, lang):
    text = {
        "en": "Dr. Smith came. He left.\n\nNew one.",
        "ru": "Проф. Иванов пришёл. Ушёл.\n\nНовый.",
        "ar": "جاء د. أحمد. ثم غادر.\n\nجديد.",
    }[lang]
    r = cli(["segment", "-", "--lang", lang], input=text)
    assert r.stdout.count("\n") == 4 and r.stdout.split("\n")[2] == ""


@pytest.mark.parametrize("cmd", ["normalize", "segment"])
def test_stdout_redirected_into_the_input_file_is_refused(cmd, tmp_path):
    """``xling segment F >> F`` doubled F and ``> F`` emptied it, both with exit 0: the input is refused as the output."""
    import os
    import subprocess
    import sys

    src = tmp_path / "s.fa.txt"
    text = "سلام دنیا. خوب است.\n"
    src.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with open(src, "ab") as out:  # the shell's `>> s.fa.txt`
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "xling",
                cmd,
                str(src),
                "--lang",
                "fa",
                *(["--no-zwnj"] if cmd == "normalize" else []),
            ],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    assert r.returncode == 1
    assert src.read_text(encoding="utf-8") == text  # nothing appended
    [line] = r.stderr.strip().splitlines()
    assert str(src) in line and "standard output" in line and "another file" in line
