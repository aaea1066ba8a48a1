"""``python -m xling.demo FILE --out-dir DIR`` (what ``make demo`` runs): the main job on a document.

If real Argos models for fa→en, fa→ru and fa→ar are installed (directly or through an English
pivot), it runs what ``xling translate FILE --from fa --to en,ru,ar --out-dir DIR`` runs
(house glossary enforced).

Otherwise it says so, says whether one could be downloaded (is the Argos index reachable?) and
how to install one from a file, and then runs the same pipeline with xling's copy *test* models
(:mod:`xling.testing.models`), installed into a temporary ``ARGOS_PACKAGES_DIR``, writing to
``DIR/test-model/``. That output is a copy of the (normalized) source, NOT a translation; the
folder gets a ``NOT-A-TRANSLATION.txt`` note and every message says so. Exit status 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

FROM = "fa"
TARGETS = ["en", "ru", "ar"]
#: Copy test models: fa→en, en→ru (so ru exercises the pivot), fa→ar.
TEST_PAIRS = [("fa", "en"), ("en", "ru"), ("fa", "ar")]

NOTICE = """\
THIS FOLDER HOLDS XLING TEST-MODEL OUTPUT. IT IS NOT A TRANSLATION.

The files were made by xling's copy test models (xling test model: copy fa→en, copy en→ru,
copy fa→ar): each output line is the normalized Persian source segment, copied. They show that
the pipeline (segmentation, normalization, batching, the en pivot, the outputs) runs end to end.
Install real Argos models to get translations:
  online:  xling models install fa en ; xling models install en ru ; xling models install en ar
  offline: xling models install FILE.argosmodel   (e.g. translate-fa_en-*.argosmodel copied from
           a machine with network access; https://www.argosopentech.com/argospm/index/)
"""


def _run(file: str, out_dir: Path, reporter, extra: dict[str, str] | None = None) -> list[Path]:
    """Translate ``file`` into ``out_dir`` as ``xling translate`` does (house glossary enforced);
    ``extra`` files join the same all-or-nothing group."""
    from xling.pipeline import HOUSE_GLOSSARY, TranslateConfig, translate_file

    config = TranslateConfig(from_code=FROM, targets=tuple(TARGETS), glossary=HOUSE_GLOSSARY)
    return translate_file(file, out_dir, config, extra=extra, reporter=reporter).paths


def _real_routes_missing() -> str | None:
    """None when real models cover fa→en,ru,ar (direct or via en); else the missing-model message."""
    from xling.errors import ModelMissingError
    from xling.mt.packages import installed_packages
    from xling.mt.pivot import plan_routes

    real = {(p.from_code, p.to_code) for p in installed_packages() if not p.test_model}
    try:
        plan_routes(FROM, TARGETS, pairs=real)
    except ModelMissingError as exc:
        return ", ".join(f"{a}→{b}" for a, b in getattr(exc, "missing", [])) or str(exc)
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m xling.demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="the Persian document, e.g. examples/putin-sharaa-2025-10-15.fa.txt")
    parser.add_argument("--out-dir", default="out")
    args = parser.parse_args(argv)

    from xling.cli.translate import RichReporter
    from xling.errors import XlingError
    from xling.mt.packages import DEFAULT_TIMEOUT, OFFLINE_HINT, fetch_index, packages_dir

    reporter = RichReporter()

    def say(msg, style=""):
        return reporter.console.print(f"[{style}]{msg}[/]" if style else msg, highlight=False, soft_wrap=True)

    out_dir = Path(args.out_dir)
    try:
        missing = _real_routes_missing()
        if missing is None:
            paths = _run(args.file, out_dir, reporter)
            say("xling demo: translated with the installed Argos models → " + ", ".join(map(str, paths)), "bold green")
            return 0

        say(
            f"xling demo: no real translation model is installed in {packages_dir()} for fa→en, fa→ru, fa→ar (missing: {missing}; ru and ar may go through en).",
            "bold red",
        )
        try:
            fetch_index(timeout=DEFAULT_TIMEOUT)
            say(
                "The Argos package index is reachable: install real models with `xling models install fa en`, `xling models install en ru`, `xling models install en ar`, then rerun `make demo`."
            )
        except XlingError as exc:
            # the error's own advice is the offline install line printed next
            say(f"None can be downloaded here: {str(exc).replace('; ' + OFFLINE_HINT, '')}.")
        say(
            "To install a model from a file (offline): `xling models install FILE.argosmodel`, e.g. translate-fa_en-1_5.argosmodel copied from a machine with network access."
        )

        from xling.testing.models import build_test_model

        test_dir = out_dir / "test-model"
        say(
            f"Running the same pipeline with xling's copy TEST models instead, into {test_dir}/ — this output is NOT a translation.",
            "bold yellow",
        )
        old_env = os.environ.get("ARGOS_PACKAGES_DIR")
        with tempfile.TemporaryDirectory(prefix="xling-demo-") as tmp:
            os.environ["ARGOS_PACKAGES_DIR"] = str(Path(tmp) / "packages")
            try:
                from xling.mt.packages import install_file

                for a, b in TEST_PAIRS:
                    with reporter.status(f"Building xling test model: copy {a}→{b}"):
                        path = build_test_model("copy", a, b, Path(tmp) / f"xling-test-copy-{a}_{b}.argosmodel")
                    install_file(path)
                test_dir.mkdir(parents=True, exist_ok=True)
                # the notice is written with the outputs, all or nothing: never outputs without it
                paths = _run(args.file, test_dir, reporter, extra={"NOT-A-TRANSLATION.txt": NOTICE})
            finally:
                if old_env is None:
                    os.environ.pop("ARGOS_PACKAGES_DIR", None)
                else:
                    os.environ["ARGOS_PACKAGES_DIR"] = old_env
        say(
            "xling test-model output (a copy of the source, NOT a translation): " + ", ".join(map(str, paths)),
            "bold yellow",
        )
        return 0
    except XlingError as exc:
        print(f"xling: error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
