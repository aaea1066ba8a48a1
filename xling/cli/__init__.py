"""xling's command line: a thin Typer shell over the Python API (parse, call, print)."""
