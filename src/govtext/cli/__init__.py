"""Command-line interface (Typer). ``govtext.cli.app:main`` is the console script."""
