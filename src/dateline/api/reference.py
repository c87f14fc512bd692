"""The API reference page at ``/docs``, rendered from the app's OpenAPI schema with no outside assets.

FastAPI's own ``/docs`` (Swagger UI) and ``/redoc`` pages load their scripts and styles from a CDN, so on an
analyst's offline machine they are blank. This page is plain HTML built on the server: every route with its
summary, its query parameters and its request body, and a link to the machine-readable ``/openapi.json``.
Every string taken from the schema is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["render_reference"]

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
          "h2{font-family:monospace;border-top:1px solid #ccc;padding-top:1rem}"
          ".m{display:inline-block;min-width:3.5rem;font-weight:bold}"
          "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}")


def _type(schema: dict[str, Any]) -> str:
    """Return a short type name for a parameter schema (``string``, ``integer``, ``string | null`` …)."""
    if "type" in schema:
        return str(schema["type"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    options = schema.get("anyOf") or schema.get("oneOf") or []
    return " | ".join(_type(o) for o in options) or "any"


def _parameters(op: dict[str, Any]) -> str:
    params = op.get("parameters") or []
    if not params:
        return ""
    rows = "".join(
        f"<tr><td><code>{escape(str(p.get('name', '')))}</code></td><td>{escape(str(p.get('in', '')))}</td>"
        f"<td>{escape(_type(p.get('schema', {})))}</td><td>{'yes' if p.get('required') else ''}</td>"
        f"<td>{escape(str(p.get('description') or p.get('schema', {}).get('description') or ''))}</td></tr>"
        for p in params)
    return ("<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th>meaning</th></tr>"
            f"{rows}</table>")


def _body(op: dict[str, Any], components: dict[str, Any]) -> str:
    content = (op.get("requestBody") or {}).get("content") or {}
    schema = (content.get("application/json") or {}).get("schema") or {}
    ref = str(schema.get("$ref", "")).rsplit("/", 1)[-1]
    fields = (components.get(ref) or {}).get("properties") or {}
    if not fields:
        return ""
    items = "".join(f"<li><code>{escape(name)}</code> ({escape(_type(spec))}) {escape(str(spec.get('description') or ''))}</li>"
                    for name, spec in fields.items())
    return f"<p>JSON body <code>{escape(ref)}</code>:</p><ul>{items}</ul>"


def render_reference(openapi: dict[str, Any]) -> str:
    """Return the HTML reference page for an OpenAPI schema dict.

    Args:
        openapi: the schema, as ``FastAPI.openapi()`` returns it.

    Returns:
        A complete HTML document with no external scripts, styles or fonts.
    """
    info = openapi.get("info") or {}
    components = (openapi.get("components") or {}).get("schemas") or {}
    parts = []
    for path, methods in sorted((openapi.get("paths") or {}).items()):
        for method, op in methods.items():
            parts.append(f"<h2><span class=m>{escape(method.upper())}</span> {escape(path)}</h2>"
                         f"<p>{escape(str(op.get('summary') or ''))}</p>{_parameters(op)}{_body(op, components)}")
    title = escape(str(info.get("title") or "API"))
    return (f"<!doctype html><html><head><meta charset=utf-8><title>{title} API reference</title>"
            f"<style>{_STYLE}</style></head><body><h1>{title} {escape(str(info.get('version') or ''))}</h1>"
            f"<p>{escape(str(info.get('description') or ''))}</p>"
            "<p>Every error is JSON <code>{\"error\": …, \"detail\": …}</code>. The machine-readable schema is at "
            "<a href=\"openapi.json\"><code>/openapi.json</code></a>.</p>"
            + "".join(parts) + "</body></html>")
