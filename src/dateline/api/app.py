"""Routes of the API; every error is JSON ``{"error": ..., "detail": ...}``."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Any

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from dateline.api.guard import Guard, check_bind
from dateline.errors import ConfigError, DatelineError, InputError, StoreError
from dateline.store import open_db
from dateline.store import query as q
from dateline.store.query import Filters, parse_bbox

#: Largest request body accepted (bytes); articles are far smaller.
MAX_BODY_BYTES = 2_000_000
MAX_LIMIT = 5000

__all__ = ["ApiSettings", "check_bind", "create_app"]


@dataclass(frozen=True)
class ApiSettings:
    db: str
    token: str | None = None
    max_body: int = MAX_BODY_BYTES


class ReadRequest(BaseModel):
    text: str | None = Field(None, description="Article text (or give html).")
    html: str | None = Field(None, description="Article HTML.")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD.")
    title: str | None = None
    url: str | None = None
    home: str | None = Field(None, description="Where the outlet is at home (\"Alexandria, Louisiana\", a town, "
                                               "\"lat,lon\", or a country such as \"Ukraine\"): a weak prior for place "
                                               "names the text leaves open.")


def _filters(actor: str | None = None, place: str | None = None, bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
             date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
             type: str | None = None, status: str | None = None, limit: int = Query(100, ge=0, le=MAX_LIMIT),
             offset: int = Query(0, ge=0)) -> Filters:
    return Filters(actor=actor, place=place, bbox=parse_bbox(bbox), date_from=date_from, date_to=date_to,
                   type=type, status=status, limit=limit, offset=offset)


def _error(status: int, error: str, detail: Any) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_r: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, "http error", exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid request", [{"where": ".".join(map(str, e["loc"])), "problem": e["msg"]} for e in exc.errors()])

    @app.exception_handler(DatelineError)
    async def dateline_error(_r: Request, exc: DatelineError) -> JSONResponse:
        status = 400 if isinstance(exc, (InputError, ConfigError)) else 503 if isinstance(exc, StoreError) else 500
        return _error(status, type(exc).__name__, str(exc))

    @app.exception_handler(Exception)
    async def bug(_r: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal error", f"{type(exc).__name__}: {exc}")


def create_app(settings: ApiSettings) -> Any:
    """Build the FastAPI app for ``settings.db``, wrapped in the token and size guard."""
    # FastAPI's Swagger and ReDoc pages fetch their assets from a CDN; /docs is our own offline page instead
    app = FastAPI(title="dateline", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Facts with evidence from war and conflict reporting: the store of a dateline ingest.")
    engine = open_db(settings.db, create=False)  # a mistyped --db is an error, not a new empty database
    _install_errors(app)
    _routes(app, engine)
    return Guard(app, token=settings.token, max_body=settings.max_body)


def _routes(app: FastAPI, engine: Any) -> None:
    def rows(func: Any, f: Filters) -> list[dict[str, Any]]:
        with engine.connect() as conn:
            return func(conn, f)

    @app.get("/", response_class=HTMLResponse, summary="The HTML report of the whole database")
    def home() -> HTMLResponse:
        from dateline.report.html import render_report

        with engine.connect() as conn:
            return HTMLResponse(render_report(conn, Filters(limit=MAX_LIMIT)))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def reference() -> HTMLResponse:
        from dateline.api.reference import render_reference

        return HTMLResponse(render_reference(app.openapi()))

    for name, func in (("articles", q.articles), ("entities", q.entities), ("events", q.events),
                       ("quotes", q.quotes), ("disagreements", q.disagreements)):
        app.get(f"/{name}", summary=f"List stored {name}, filtered")(_list_endpoint(rows, func))

    @app.get("/search", summary="Full-text search over articles and quotes")
    def search(q_: str = Query(..., alias="q", min_length=1, max_length=500), limit: int = Query(50, ge=1, le=500)) -> list[dict[str, Any]]:
        from dateline.store import fts

        with engine.connect() as conn:
            return fts.search(conn, q_, limit=limit)

    @app.post("/read", summary="Read one article and return its facts (not stored)")
    def read(req: ReadRequest = Body(...)) -> dict[str, Any]:
        body = req.text or req.html
        if not body:
            raise InputError("give the article as 'text' or 'html'")
        from dateline.ingest import load_article

        article = load_article(body, published=req.published, title=req.title, url=req.url, html=bool(req.html) and not req.text)
        with _pipeline_lock:
            pipe = _pipeline()
            if req.home:
                from dataclasses import replace

                from dateline.resolve.placehome import home_from_name

                article = replace(article, home=home_from_name(req.home, pipe.resources.get("gazetteer"), option="'home'"))
            return pipe.run(article).to_dict()


def _list_endpoint(rows: Any, func: Any) -> Any:
    def endpoint(f: Filters = Depends(_filters)) -> list[dict[str, Any]]:
        return rows(func, f)

    return endpoint


_pipeline_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _pipeline() -> Any:
    from dateline.pipeline import Pipeline

    return Pipeline()
