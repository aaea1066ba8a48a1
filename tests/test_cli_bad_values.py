"""A bad option value is a usage error, exit status 2 (README "Options and exit codes"), in every
command: an unknown ``--encoding`` codec, a malformed ``--fail-under``/``--fail-over`` and a
threshold that needs an option not given (red-team rt4 findings)."""

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "score"
REF = DATA / "reference.en.txt"


@pytest.mark.parametrize(
    "args",
    [
        ["segment", REF, "--from", "en", "--encoding", "no-such-codec"],
        ["normalize", REF, "--from", "en", "--encoding", "no-such-codec"],
        ["score", REF, "--to", "en", "--encoding", "no-such-codec"],
        ["align", DATA / "sentences.fa.txt", REF, "--from", "fa", "--to", "en", "--encoding", "rot13"],
    ],
)
def test_unknown_encoding_is_exit_2(cli, args):
    r = cli(args)
    assert r.exit_code == 2, r.stderr
    assert r.stderr.startswith("xling: error: ") and r.stderr.count("\n") == 1 and "unknown encoding" in r.stderr


@pytest.mark.parametrize(
    "option,spec",
    [
        ("--fail-under", "chrf50"),
        ("--fail-under", "meteor=5"),
        ("--fail-under", "bleu=high"),
        ("--fail-under", "chrf=-5"),
        ("--fail-under", "terms=101"),
        ("--fail-under", "ter=60"),
        ("--fail-over", "chrf=10"),
    ],
)
def test_bad_threshold_value_is_exit_2(cli, option, spec):
    r = cli(["score", REF, "--to", "en", "--ref", REF, option, spec])
    assert r.exit_code == 2, r.stderr
    assert r.stderr.startswith("xling: error: --fail-") and r.stderr.count("\n") == 1


def test_threshold_without_its_reference_is_exit_2(cli):
    r = cli(["score", REF, "--to", "en", "--fail-under", "bleu=20"])
    assert r.exit_code == 2 and "--ref" in r.stderr and r.stderr.count("\n") == 1


def test_failed_threshold_stays_exit_1(cli):
    r = cli(["score", REF, "--to", "en", "--ref", DATA / "reference.ru.txt", "--fail-under", "chrf=99"])
    assert r.exit_code == 1 and "FAILED" in r.stdout


def test_score_help_shows_one_target_language(cli):
    """score takes one --to language (``--to en,ru`` is refused), so its help shows LANG, not LANGS."""
    r = cli(["score", "--help"])
    line = next(x for x in r.stdout.splitlines() if "--to " in x)
    assert " LANG " in line and "LANGS" not in line
