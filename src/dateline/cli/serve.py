"""`dateline serve`: the HTTP API and the report, on loopback unless a token guards it."""

from __future__ import annotations

import os

import typer

from dateline.cli.common import handle_errors
from dateline.cli.store import DB_OPTION
from dateline.store.engine import redact


@handle_errors
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but loopback needs a token."),
    port: int = typer.Option(8000, "--port", help="Port."),
    token: str = typer.Option(None, "--token", help="Require this token on every request (or set DATELINE_TOKEN)."),
) -> None:
    """Serve /articles, /entities, /events, /quotes, /disagreements, /search, /read and the report."""
    import uvicorn

    from dateline.api import ApiSettings, check_bind, create_app

    token = token or os.environ.get("DATELINE_TOKEN") or None
    check_bind(host, token)
    app = create_app(ApiSettings(db=db, token=token))
    typer.echo(f"serving {redact(db)} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
