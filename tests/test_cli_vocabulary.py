"""Issue 11: one option vocabulary across the commands (hidden old names), exit codes by one
rule (defect 20), help text (defect 24) and folder messages (defect 12).

The help and option tests walk every command of the app, so a new command is checked too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer

from xling.cli.main import app, polish_help

CLI_DIR = Path(__file__).resolve().parents[1] / "xling" / "cli"


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    from mt_helpers import copy_model, install_packages

    folder = tmp_path_factory.mktemp("argos") / "packages"
    install_packages(folder, copy_model("fa", "en"))
    return folder


@pytest.fixture
def in_process():
    """``in_process(args, input=None, env=None) -> Result``: xling in-process."""
    from typer.testing import CliRunner

    runner = CliRunner()

    def run(args, input=None, env=None):
        return runner.invoke(app, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return run


def _root():
    cmd = typer.main.get_command(app)
    polish_help(cmd)
    return cmd


def _leaves(cmd, path=()):
    subs = getattr(cmd, "commands", None)
    if subs:
        for name, sub in sorted(subs.items()):
            yield from _leaves(sub, (*path, name))
    else:
        yield path, cmd


COMMANDS = [" ".join(p) for p, _ in _leaves(_root())]


def _command(path: str):
    cmd = _root()
    for part in path.split():
        cmd = cmd.commands[part]
    return cmd


def _params(path: str, args: list[str]) -> dict:
    """The parameter values ``xling PATH ARGS`` parses to, without running the command."""
    cmd = _command(path)
    ctx = cmd.make_context(path, list(args), resilient_parsing=True)
    return ctx.params


# ------------------------------------------------------------------ one vocabulary, old names hidden

#: (command, old form, new form, parameter, value): every old form of earlier issues and the README
OLD_FORMS = [
    ("align", ["S", "T", "--src-lang", "fa"], ["S", "T", "--from", "fa"], "src_lang", "fa"),
    ("align", ["S", "T", "--tgt-lang", "en"], ["S", "T", "--to", "en"], "tgt_lang", "en"),
    ("score", ["H", "--lang", "en"], ["H", "--to", "en"], "lang", "en"),
    ("score", ["H", "--tgt-lang", "ru"], ["H", "--to", "ru"], "lang", "ru"),
    ("score", ["H", "--source", "s.txt"], ["H", "--src", "s.txt"], "src", "s.txt"),
    ("score", ["H", "--src-lang", "fa"], ["H", "--from", "fa"], "src_lang", "fa"),
    ("glossary enforce", ["T", "--source", "s", "--lang", "en"], ["T", "--src", "s", "--to", "en"], "lang", "en"),
    ("glossary enforce", ["T", "-s", "s", "-l", "ru"], ["T", "--src", "s", "--to", "ru"], "source", "s"),
    ("glossary check", ["T", "--source", "s", "--lang", "ar"], ["T", "--src", "s", "--to", "ar"], "lang", "ar"),
    ("glossary list", ["--lang", "en"], ["--to", "en"], "lang", "en"),
    ("glossary list", ["-l", "ru"], ["--to", "ru"], "lang", "ru"),
    ("glossary import", ["F.csv", "--lang", "en"], ["F.csv", "--to", "en"], "lang", "en"),
    ("glossary export", ["F.csv", "--lang", "en"], ["F.csv", "--to", "en"], "lang", "en"),
    ("segment", ["F", "--lang", "en"], ["F", "--from", "en"], "lang", "en"),
    ("normalize", ["F", "-l", "ar"], ["F", "--from", "ar"], "lang", "ar"),
    ("translate", ["F", "--src-lang", "fa", "--tgt-lang", "en"], ["F", "--from", "fa", "--to", "en"], "to", "en"),
    ("tm lookup", ["TEXT", "--lang", "ru"], ["TEXT", "--to", "ru"], "to", "ru"),
]


@pytest.mark.parametrize(("path", "old", "new", "param", "value"), OLD_FORMS)
def test_old_option_names_still_parse_to_the_same_parameter(path, old, new, param, value):
    assert _params(path, old)[param] == value
    assert _params(path, old) == _params(path, new)


#: command forms named in earlier issues and the README, exactly as written there
NAMED_FORMS = [
    ("batch translate", ["DIR", "--from", "fa", "--to", "en,ru,ar", "--out-dir", "OUT"]),
    ("tm lookup", ["TEXT", "--from", "fa", "--to", "en", "--tm", "P", "--min-score", "75", "--json"]),
    ("xliff import", ["FILE.xlf", "--out-dir", "DIR", "--tm", "P"]),
    ("align", ["S", "T", "--src-lang", "fa", "--tgt-lang", "en", "--presegmented", "--format", "tsv", "-o", "x"]),
    ("glossary enforce", ["mt.en.txt", "--source", "sentences.fa.txt", "--lang", "en"]),
    ("segment", ["sentences.fa.txt", "--lang", "fa"]),
    ("translate", ["F", "--to", "en,ru", "--no-glossary", "--out-dir", "O", "-q"]),
    ("score", ["H", "--ref", "R", "--lang", "en", "--source", "S", "--json"]),
]


@pytest.mark.parametrize(("path", "args"), NAMED_FORMS)
def test_named_command_forms_parse(path, args):
    _command(path).make_context(path, list(args))  # raises click's UsageError on an unknown option


def _help(run, path: str, columns: int = 80) -> str:
    r = run([*path.split(), "--help"], env={"COLUMNS": str(columns)})
    assert r.exit_code == 0, r.output
    return r.output


@pytest.mark.parametrize("path", COMMANDS)
def test_old_names_are_hidden_and_shared_names_mean_one_thing(in_process, path):
    from xling.cli.options import HIDDEN_ALIASES

    cmd = _command(path)
    rows = _help(in_process, path, 200).splitlines()
    for param in cmd.params:
        shown = [o for o in getattr(param, "opts", ()) if o in HIDDEN_ALIASES]
        for canonical in shown:
            row = next(r for r in rows if re.search(rf"│\s+(\*\s+)?{re.escape(canonical)}\s", r))
            cells = row.split("│")[1].split()[:4]  # the name columns, before the help text
            for alias in HIDDEN_ALIASES[canonical]:
                assert alias not in cells, f"xling {path}: old name {alias} shown: {row}"
        assert not set(getattr(param, "opts", ())) & set(getattr(param, "hidden_opts", ()))
    names = {o for p in cmd.params for o in getattr(p, "opts", ())}
    # one meaning per shared name: a short name is always the same long option
    for short, long in (("-o", "--out"), ("-g", "--glossary"), ("-s", "--src"), ("-f", "--format"), ("-q", "--quiet")):
        if short in names:
            assert any(short in p.opts and long in p.opts for p in cmd.params), f"{path}: {short} is not {long}"


def test_hidden_aliases_are_not_in_help(in_process):
    out = in_process(["glossary", "check", "--help"], env={"COLUMNS": "200"}).output
    assert "--to" in out and "--src" in out
    assert not re.search(r"--lang\b|--source\b|--tgt-lang\b|(?<![\w-])-l\b", out)
    out = in_process(["align", "--help"], env={"COLUMNS": "200"}).output
    assert "--from" in out and not re.search(r"--src-lang|--tgt-lang", out)


#: option names of the shared vocabulary: only xling/cli/options.py declares them
SHARED_NAMES = {
    "--from",
    "--to",
    "--src",
    "--src-lang",
    "--tgt-lang",
    "--lang",
    "--out",
    "-o",
    "--out-dir",
    "--glossary",
    "-g",
    "--format",
    "-f",
    "--encoding",
    "--quiet",
    "-q",
    "--tm",
}


def test_only_options_module_declares_the_shared_options():
    offenders = []
    for path in sorted(CLI_DIR.glob("*.py")):
        if path.name == "options.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Option":
                names = {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
                if names & SHARED_NAMES:
                    offenders.append(f"{path.name}:{node.lineno} {sorted(names & SHARED_NAMES)}")
    assert not offenders, offenders


# --------------------------------------------------------------------------- exit codes (defect 20)


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "doc.fa.txt"
    p.write_text("سلام دنیا.\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "args",
    [
        ["--to", "fa"],
        ["--to", ""],
        ["--to", "ruu"],
        ["--engine", "foo"],
        ["--beam-size", "0"],
        ["--glossary", "g.yaml", "--no-glossary"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_of_translate_exit_2(in_process, packages, monkeypatch, doc, tmp_path, args):
    """Was: --to fa → 2, --to '' → 1, --engine foo → 1, --beam-size 0 → 2 (a fa→en copy model is
    installed, so a 2 here is not the missing-model code)."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    r = in_process(["translate", doc, "--out-dir", tmp_path / "o", *args])
    assert r.exit_code == 2 and "no model" not in r.output, r.output
    assert len(r.output.strip().splitlines()) == 1 and r.output.startswith("xling: error: ")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["segment", "-", "--from", "de"],
        ["normalize", "-", "--digits", "roman"],
        ["glossary", "check", "T", "--src", "S", "--to", "xx"],
        ["align", "S", "T", "--from", "fas", "--presegmented"],
        ["score", "H", "--to", "xx"],
        ["batch", "translate", "DIR", "--to", "", "--out-dir", "O"],
        ["models", "install", "fa"],  # was exit 1, "fa: no such file"
        ["glossary", "list", "--to", "xx"],  # was an empty table, exit 0
        ["glossary", "export", "O.csv", "--to", "xx"],  # was exit 1 while list said 2
    ],
)
def test_bad_option_values_exit_2_in_every_command(in_process, tmp_path, args):
    for name in ("T", "S", "H"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    (tmp_path / "DIR").mkdir()
    (tmp_path / "DIR" / "a.txt").write_text("سلام.\n", encoding="utf-8")
    args = [str(tmp_path / a) if a in ("T", "S", "H", "DIR", "O", "O.csv") else a for a in args]
    r = in_process(args, input="x")
    assert r.exit_code == 2, r.output
    assert len(r.output.strip().splitlines()) == 1 and r.output.startswith("xling: error: ")


def test_file_errors_exit_1_in_models_install_as_elsewhere(in_process, tmp_path):
    """Was: a missing or malformed package file gave 2 (the missing-model code) in models install, 1 elsewhere."""
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip")
    for args in (
        ["models", "install", tmp_path / "missing.argosmodel"],
        ["models", "install", bad],
        ["segment", tmp_path / "missing.txt"],
        ["score", tmp_path / "missing.txt", "--to", "en"],
        ["glossary", "import", tmp_path / "missing.tbx", "-g", tmp_path / "g.yaml"],
    ):
        r = in_process(args)
        assert r.exit_code == 1, (args, r.output)
        assert len(r.output.strip().splitlines()) == 1 and r.output.startswith("xling: error: "), r.output


def test_missing_model_stays_exit_2(cli, doc, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    r = cli(["translate", doc, "--to", "en", "--out-dir", tmp_path / "o"])
    assert r.exit_code == 2 and "no model installed" in r.output


def test_exit_constants_follow_the_rule():
    from xling import errors

    assert (errors.EXIT_OK, errors.EXIT_ERROR, errors.EXIT_USAGE, errors.EXIT_MODEL) == (0, 1, 2, 2)
    assert errors.EXIT_INTERRUPTED == 130
    assert errors.UsageError("x").exit_code == 2 and errors.InputError("x").exit_code == 1
    assert errors.ModelFileError("x").exit_code == 1 and errors.ModelMissingError("x").exit_code == 2


# ------------------------------------------------------------------------------- help (defect 24)


@pytest.mark.parametrize("path", COMMANDS)
def test_help_has_no_type_labels_or_odd_usage(in_process, path):
    out = _help(in_process, path)
    assert not re.search(r"<(bool|str|int|float|path|file|directory|list\[)[^>]*>", out), out
    usage = next(line for line in out.splitlines() if "Usage:" in line)
    assert "{" not in usage and "[[" not in usage and "]]" not in usage, usage


@pytest.mark.parametrize("path", COMMANDS)
def test_every_argument_and_option_has_help(path):
    cmd = _command(path)
    missing = [p.name for p in cmd.params if not (getattr(p, "help", None) or "").strip()]
    assert not missing, f"xling {path}: no help for {missing}"


@pytest.mark.parametrize("path", COMMANDS)
def test_help_prose_is_wrapped_to_the_terminal_not_to_the_source_lines(in_process, path):
    """A docstring paragraph is one paragraph of the help: at 200 columns a short one fits one line,
    a long one fills its first line (it used to keep the source's line breaks, ragged at 80 columns)."""
    import inspect

    cmd = _command(path)
    out = _help(in_process, path, 200)
    rows = [" ".join(line.split()) for line in out.splitlines()]
    checked = 0
    for para in (inspect.getdoc(cmd.callback) or "").split("\n\n"):
        text = " ".join(para.split())
        if text and not re.search(r"^\s*[-*]\s", para, re.M):
            head = text if len(text) < 150 else text[:140].rsplit(" ", 1)[0]  # what one 200-column row holds
            assert any(r.startswith(head) for r in rows), (head, out[:600])
            checked += 1
    assert checked, f"xling {path}: no docstring paragraph checked"


def test_unwrap_keeps_list_items_and_paragraphs():
    from xling.cli.main import unwrap_help

    text = "First line\n    continues.\n\nA list:\n- one\n- two\n  wrapped"
    assert unwrap_help(text) == "First line continues.\n\nA list:\n- one\n- two wrapped"


# ------------------------------------------------------------------------- folders (defect 12)


@pytest.mark.parametrize(
    "args",
    [
        ["glossary", "list", "--glossary", "{d}"],
        ["glossary", "validate", "--glossary", "{d}"],
        ["glossary", "import", "{d}", "-g", "{d}/g.yaml"],
        ["segment", "{d}"],
        ["normalize", "{d}"],
        ["align", "{d}", "{d}"],
        ["models", "install", "{d}"],
        ["score", "{d}", "--to", "en"],
    ],
)
def test_a_folder_gets_one_line_saying_give_once(in_process, tmp_path, args):
    """`glossary list --glossary /tmp` said "is a folder; give a text file; give an existing glossary"."""
    r = in_process([a.format(d=tmp_path) for a in args])
    lines = r.output.strip().splitlines()
    assert r.exit_code == 1 and len(lines) == 1, r.output
    assert "folder" in lines[0] and len(re.findall(r"\bgive\b", lines[0])) <= 1, lines[0]


_FILE_OR_LANG_OPTIONS = (
    r"--(ref|ref-dir|routes|gold|translations|hyp-dir|report|pivot|src|tm|out|out-dir|glossary|from|to)"
)


@pytest.mark.parametrize("path", COMMANDS)
def test_file_folder_and_language_values_are_named_so(in_process, path):
    """A file shown as TEXT (score --ref, report --ref, translate --routes), a folder as PATH
    (batch --translations/--ref-dir/--hyp-dir), --pivot as TEXT: the value names are FILE, DIR, LANG."""
    out = _help(in_process, path)
    bad = re.findall(_FILE_OR_LANG_OPTIONS + r"\s+(?:-\w\s+)?(TEXT|PATH)\b", out)
    assert not bad, f"xling {path}: {bad}"
