"""The code-shape rules of the project that a machine can check: no function in xling/ is
longer than 80 lines (decorators excluded, docstring included)."""

from __future__ import annotations

import ast
from pathlib import Path

LIMIT = 80
PACKAGE = Path(__file__).resolve().parent.parent / "xling"


def test_no_function_in_xling_is_longer_than_80_lines():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > LIMIT:
                    long.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name} ({n} lines)")
    assert not long, "split these functions: " + "; ".join(long)
