import subprocess
import sys


def test_help_lists_every_command(cli):
    r = cli(["--help"])
    assert r.exit_code == 0
    for name in ("translate", "normalize", "segment", "align", "score", "models", "glossary"):
        assert name in r.output


def test_import_does_no_heavy_work(tmp_path):
    """Importing xling and its CLI loads none of the heavy libraries and creates no folder."""
    code = (
        "import sys, xling, xling.cli.main;"
        "heavy = [m for m in ('torch','stanza','spacy','ctranslate2','hazm','argostranslate','sentencepiece','sacrebleu') if m in sys.modules];"
        "print(','.join(heavy))"
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
    r = cli(["--no-such-option"])
    assert r.exit_code == 2 and r.output.strip().splitlines() == ["xling: error: No such option: --no-such-option (see 'xling --help')"]


def test_group_without_command_prints_its_help(cli):
    r = cli(["models"])
    assert r.exit_code == 0 and "install" in r.output and "remove" in r.output
