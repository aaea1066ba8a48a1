import subprocess
import sys


def test_help_lists_every_command(cli):
    r = cli(["--help"])
    assert r.exit_code == 0
    for name in ("translate", "normalize", "segment", "align", "score", "models", "glossary"):
        assert name in r.output


HEAVY = (
    "torch",
    "stanza",
    "spacy",
    "ctranslate2",
    "hazm",
    "argostranslate",
    "sentencepiece",
    "sacrebleu",
    "pymorphy3",
    "lxml",
    "numpy",
)


def test_import_does_no_heavy_work(tmp_path):
    """Importing xling and its CLI, and every --help, load none of the heavy libraries and create no folder."""
    helps = [
        ["--help"],
        ["translate", "--help"],
        ["normalize", "--help"],
        ["segment", "--help"],
        ["align", "--help"],
        ["score", "--help"],
        ["models", "--help"],
        ["models", "install", "--help"],
        ["glossary", "--help"],
        ["glossary", "check", "--help"],
        ["glossary", "import", "--help"],
    ]
    code = (
        "import contextlib, io, sys, xling, xling.cli.main;"
        f"heavy = {HEAVY!r};"
        "loaded = [m for m in heavy if m in sys.modules];"
        f"helps = {helps!r};"
        "\nfor argv in helps:"
        "\n    with contextlib.redirect_stdout(io.StringIO()):"
        "\n        try: xling.cli.main.app(argv, prog_name='xling')"
        "\n        except SystemExit: pass"
        "\n    loaded += [' '.join(argv) + ':' + m for m in heavy if m in sys.modules and m not in loaded]"
        "\nprint(','.join(loaded))"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == ""
    assert list(tmp_path.iterdir()) == []


def test_usage_errors_are_one_line_naming_the_help(cli):
    r = cli(["align", "a.txt", "b.txt", "--format", "nope"])
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xling: error: ") and "--format" in lines[0]
    assert lines[0].endswith("(see 'xling align --help')")
    assert lines[0].startswith("xling: error: Invalid value for '--format' / '-f': 'nope' is not one of")
    r = cli(["--no-such-option"])
    assert r.exit_code == 2 and r.output.strip().splitlines() == [
        "xling: error: No such option: --no-such-option (see 'xling --help')"
    ]


def test_group_without_command_prints_its_help(cli):
    r = cli(["models"])
    assert r.exit_code == 0 and "install" in r.output and "remove" in r.output


def test_source_file_option_has_the_same_names_everywhere(cli, tmp_path):
    """score (--src) and glossary check/enforce (--source) accept both spellings."""
    src = tmp_path / "s.fa.txt"
    hyp = tmp_path / "h.en.txt"
    src.write_text("پوتین در کرملین سخنرانی کرد.\n", encoding="utf-8")
    hyp.write_text("Putin gave a speech in the Kremlin.\n", encoding="utf-8")
    for args in (
        ["score", hyp, "--lang", "en", "--source", src, "--json"],
        ["glossary", "check", hyp, "--src", src, "--lang", "en", "--json"],
        ["glossary", "enforce", hyp, "--src", src, "--lang", "en"],
    ):
        r = cli(args)
        assert r.exit_code == 0, (args, r.output)
