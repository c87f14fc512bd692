"""The HTTP API: FastAPI over the store, plus the HTML report as the home page.

    >>> from dateline.api import ApiSettings, create_app
    >>> app = create_app(ApiSettings(db="dateline.db"))
"""

from __future__ import annotations

from dateline.api.app import ApiSettings, check_bind, create_app

__all__ = ["ApiSettings", "check_bind", "create_app"]
