"""``--fail-under`` and ``--fail-over`` specifications for CI pipelines.

``--fail-under chrf=50,bleu=20,terms=90`` fails (exit status 1) when a higher-is-better score is
below its minimum: ``bleu``, ``chrf`` (chrF++), ``chrf_plain`` (chrF) and ``terms`` (term success
rate in percent).
TER is lower-is-better, so it has its own option: ``--fail-over ter=60`` fails when TER is above 60.
A metric on the wrong option, an unknown metric, or a value that is not a number is a one-line
:class:`~xling.errors.InputError` with exit status 2 (a bad option value, as click's usage errors).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from xling.errors import EXIT_USAGE, InputError

HIGHER_IS_BETTER = ("bleu", "chrf", "chrf_plain", "terms")
LOWER_IS_BETTER = ("ter",)
#: The values each metric can take (sacrebleu's 0-100 scale; TER, edits per reference word in
#: percent, has no upper bound): a limit outside them passes or fails every run.
BOUNDS: dict[str, tuple[float, float]] = {
    "bleu": (0.0, 100.0),
    "chrf": (0.0, 100.0),
    "chrf_plain": (0.0, 100.0),
    "terms": (0.0, 100.0),
    "ter": (0.0, math.inf),
}


@dataclass(frozen=True)
class Threshold:
    """One bound: ``metric`` must be ``>= limit`` (kind ``min``) or ``<= limit`` (kind ``max``)."""

    metric: str
    kind: str
    limit: float

    def passes(self, value: float) -> bool:
        """True when ``value`` satisfies the bound."""
        return value >= self.limit if self.kind == "min" else value <= self.limit


def parse_thresholds(spec: str | None, *, kind: str) -> list[Threshold]:
    """Parse ``"chrf=50,bleu=20"``.

    Args:
        spec: the option value, or ``None``/empty for no thresholds.
        kind: ``min`` (``--fail-under``) or ``max`` (``--fail-over``).

    Raises:
        InputError: (exit status 2) malformed item, unknown metric, metric on the wrong option, not a number, or
            a limit outside the metric's :data:`BOUNDS`.
    """
    if not spec:
        return []
    option, allowed, other = (
        ("--fail-under", HIGHER_IS_BETTER, "--fail-over")
        if kind == "min"
        else ("--fail-over", LOWER_IS_BETTER, "--fail-under")
    )
    out = []
    for item in spec.split(","):
        item = item.strip()
        name, sep, value = item.partition("=")
        name = name.strip().lower().replace("chrf++", "chrf")
        if not sep or not name:
            raise InputError(
                f"{option} {spec!r}: write METRIC=NUMBER items separated by commas, e.g. {option} {'chrf=50,bleu=20' if kind == 'min' else 'ter=60'}",
                exit_code=EXIT_USAGE,
            )
        if name not in allowed:
            if name in HIGHER_IS_BETTER + LOWER_IS_BETTER:
                raise InputError(
                    f"{option} {name}: {name} is {'lower' if kind == 'min' else 'higher'}-is-better; use {other} {name}={value}",
                    exit_code=EXIT_USAGE,
                )
            raise InputError(f"{option} {name}: unknown metric; use one of {', '.join(allowed)}", exit_code=EXIT_USAGE)
        try:
            limit = float(value)
        except ValueError:
            limit = math.nan
        if not math.isfinite(limit):  # nan would fail every run, inf pass or fail every run
            raise InputError(f"{option} {item!r}: {value!r} is not a number", exit_code=EXIT_USAGE)
        low, high = BOUNDS[name]
        if not low <= limit <= high:
            span = f"from {low:g} to {high:g}" if math.isfinite(high) else f"{low:g} or more"
            raise InputError(
                f"{option} {item!r}: {name} is {span} (percent); give a limit in that range", exit_code=EXIT_USAGE
            )
        out.append(Threshold(name, kind, limit))
    return out
