"""``xling models list|install|remove``: Argos Translate packages (:mod:`xling.mt.packages`) and
converted CTranslate2 model folders, OPUS-MT / NLLB-200 / M2M-100 (:mod:`xling.mt.folder`).

Honours ``ARGOS_PACKAGES_DIR`` (where packages live), ``ARGOS_PACKAGE_INDEX`` (the online index)
and ``XLING_MODELS_DIR`` (where model folders are installed).
"""

from __future__ import annotations

import re

import typer

app = typer.Typer(
    help="List, install and remove translation models: Argos packages and converted CTranslate2 model folders.",
    no_args_is_help=True,
)


def _echo(line: str = "") -> None:
    typer.echo(line)


@app.command("list")
def list_(
    available: bool = typer.Option(
        False, "--available", help="Also list the packages of the Argos index (when reachable)."
    ),
    timeout: float = typer.Option(5.0, "--timeout", help="Seconds to wait for the index."),
) -> None:
    """List installed models: Argos packages (from→to, version, path), then model folders (kind, languages)."""
    from xling.errors import ModelError
    from xling.mt import folder, packages

    problems: list[str] = []
    installed = packages.installed_packages(warnings=problems)
    _echo(f"installed in {packages.packages_dir()}:")
    if not installed:
        _echo("  (none)")
    for p in installed:
        tag = f"  [xling test model: {p.test_model}; output is not a translation]" if p.test_model else ""
        _echo(f"  {p.pair:<8} argos    {p.package_version or '-':<8} {p.path}{tag}")
    models = folder.installed_models(warnings=problems)
    if models:
        _echo(f"model folders in {folder.models_dir()}:")
    for m in models:
        tag = f"  [xling test model: {m.test_model}; output is not a translation]" if m.test_model else ""
        _echo(f"  {m.languages_label():<14} {m.kind:<8} {m.version or '-':<8} {m.name}  {m.path}{tag}")
    for line in problems:
        typer.echo(f"xling: warning: {line}", err=True)
    if available:
        try:
            rows = packages.available_packages(timeout=timeout)
        except ModelError as exc:
            typer.echo(f"xling: warning: {exc}", err=True)
            return
        have = {(p.from_code, p.to_code) for p in installed}
        _echo(f"available from {packages.index_url()}:")
        for r in rows:
            mark = " (installed)" if (r["from_code"], r["to_code"]) in have else ""
            _echo(f"  {r['from_code'] + '→' + r['to_code']:<8} {r['version']:<8} {r['name']}{mark}")


@app.command("install")
def install(
    source: str = typer.Argument(
        ...,
        metavar="FROM|FILE.argosmodel|DIR",
        help="Source language code (with TO), a .argosmodel file, or a converted CTranslate2 model folder.",
    ),
    to_code: str | None = typer.Argument(None, metavar="[TO]", help="Target language code (online install)."),
    replace: bool = typer.Option(
        False, "--replace", help="Replace an installed package for the same pair (model folder: the same name)."
    ),
    timeout: float = typer.Option(
        5.0, "--timeout", help="Seconds to wait for the index or a download before giving up."
    ),
) -> None:
    """Install a model: `install FROM TO` from the Argos index (online), `install FILE.argosmodel`
    or `install DIR` (a converted OPUS-MT / NLLB / M2M-100 folder with xling-model.json), offline.

    Everything is validated before anything is copied: a file's one top-level folder,
    metadata.json, CTranslate2 model and tokenizer; a folder's xling-model.json (kind,
    languages), model.bin, config.json, SentencePiece model(s) and the language tokens in its
    vocabulary. Then the new model is loaded and translates one segment; only after that does
    it replace an installed one (--replace).
    """
    from pathlib import Path

    from xling.errors import InputError, UsageError
    from xling.mt import folder, packages

    if Path(source).is_dir() and folder.is_model_folder(source):
        if to_code is not None:
            raise UsageError(f"give either FROM TO or one model folder, not {source} {to_code}")
        model = folder.install_model_folder(source, replace=replace)
        _echo(f"installed {model.label()} in {model.path}")
        if model.test_model:
            typer.echo(f"xling: warning: {model.label()} — its output is not a translation", err=True)
        return
    looks_like_file = source.endswith(".argosmodel") or Path(source).exists()
    if looks_like_file:
        if to_code is not None:
            raise UsageError(f"give either FROM TO or one FILE.argosmodel, not {source} {to_code}")
        pkg = packages.install_file(source, replace=replace)
    elif to_code is None and re.fullmatch(r"[a-z]{2,3}", source.strip().lower()):
        raise UsageError(
            f"models install {source}: give the target language too, e.g. `xling models install {source} en`"
        )
    elif to_code is None:
        raise InputError(
            f"{source}: no such file; give FROM TO (e.g. `xling models install fa en`) or a FILE.argosmodel"
        )
    else:
        pkg = packages.install_online(source, to_code, timeout=timeout, replace=replace)
    _echo(f"installed {pkg.label()} in {pkg.path}")
    if pkg.test_model:
        typer.echo(f"xling: warning: {pkg.label()} — its output is not a translation", err=True)


@app.command("remove")
def remove(
    from_code: str = typer.Argument(
        ..., metavar="FROM|NAME", help="Source language of an Argos package (with TO), or a model folder's name."
    ),
    to_code: str | None = typer.Argument(None, metavar="[TO]", help="Target language of the Argos package."),
) -> None:
    """Uninstall the Argos package(s) for FROM→TO, or the model folder NAME (as `models list` names it)."""
    from xling.mt import folder, packages

    if to_code is None:
        model = folder.remove_model(from_code)
        _echo(f"removed {model.name} from {model.path}")
        return
    for pkg in packages.remove(from_code, to_code):
        _echo(f"removed {pkg.label()} from {pkg.path}")
