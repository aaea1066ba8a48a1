"""``xling models list|install|remove``: Argos Translate packages (see :mod:`xling.mt.packages`).

Honours ``ARGOS_PACKAGES_DIR`` (where packages live) and ``ARGOS_PACKAGE_INDEX`` (the online index).
"""

from __future__ import annotations

import typer

app = typer.Typer(help="List, install and remove Argos Translate model packages.", no_args_is_help=True)


def _echo(line: str = "") -> None:
    typer.echo(line)


@app.command("list")
def list_(
    available: bool = typer.Option(
        False, "--available", help="Also list the packages of the Argos index (when reachable)."
    ),
    timeout: float = typer.Option(5.0, "--timeout", help="Seconds to wait for the index."),
) -> None:
    """List installed packages: from→to, version and path."""
    from xling.errors import ModelError
    from xling.mt import packages

    problems: list[str] = []
    installed = packages.installed_packages(warnings=problems)
    _echo(f"installed in {packages.packages_dir()}:")
    if not installed:
        _echo("  (none)")
    for p in installed:
        tag = f"  [xling test model: {p.test_model}; output is not a translation]" if p.test_model else ""
        _echo(f"  {p.pair:<8} {p.package_version or '-':<8} {p.path}{tag}")
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
        ..., metavar="FROM|FILE.argosmodel", help="Source language code (with TO), or a .argosmodel file."
    ),
    to_code: str | None = typer.Argument(None, metavar="[TO]", help="Target language code (online install)."),
    replace: bool = typer.Option(False, "--replace", help="Replace an installed package for the same pair."),
    timeout: float = typer.Option(
        5.0, "--timeout", help="Seconds to wait for the index or a download before giving up."
    ),
) -> None:
    """Install a package: `install FROM TO` from the Argos index (online), or `install FILE.argosmodel` (offline).

    A file is validated before anything is extracted: one top-level folder, metadata.json with
    from_code and to_code, a CTranslate2 model folder and a tokenizer.
    """
    from pathlib import Path

    from xling.errors import InputError
    from xling.mt import packages

    looks_like_file = source.endswith(".argosmodel") or Path(source).exists()
    if looks_like_file:
        if to_code is not None:
            raise InputError(f"give either FROM TO or one FILE.argosmodel, not {source} {to_code}")
        pkg = packages.install_file(source, replace=replace)
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
    from_code: str = typer.Argument(..., metavar="FROM"),
    to_code: str = typer.Argument(..., metavar="TO"),
) -> None:
    """Uninstall the package(s) for FROM→TO."""
    from xling.mt import packages

    for pkg in packages.remove(from_code, to_code):
        _echo(f"removed {pkg.label()} from {pkg.path}")
