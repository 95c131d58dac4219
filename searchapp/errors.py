"""Exceptions that carry a message meant for the user, never a traceback."""


class SearchappError(Exception):
    """Base class: the message is shown to the user as it is."""


class ConfigError(SearchappError):
    """A configuration file is missing, unreadable or holds a bad value."""

    def __init__(self, path: str, message: str, key: str | None = None) -> None:
        self.path = str(path)
        self.key = key
        self.message = message
        where = f"{self.path}: {key}: " if key else f"{self.path}: "
        super().__init__(where + message)


class IndexLockedError(SearchappError):
    """Another indexer holds the index's write lock."""


class QueryError(SearchappError):
    """A search request holds a bad parameter (maps to HTTP 400)."""

    def __init__(self, param: str, message: str, code: str = "invalid_parameter") -> None:
        self.param = param
        self.code = code
        super().__init__(message)
