"""Objects the app shares with its blueprints (as Flask's tutorial keeps its `db` helper)."""

from __future__ import annotations

from flask import current_app

from searchapp.search.interface import SearchEngine

EXTENSION = "searchapp"


def engine() -> SearchEngine:
    """The search engine of the current app."""
    return current_app.extensions[EXTENSION]
