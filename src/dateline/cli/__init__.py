"""The command-line interface: a Typer app, one small module per command group."""
