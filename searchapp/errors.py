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


class CorruptIndexError(SearchappError):
    """The index's files cannot be read (truncated, damaged, written by an incompatible version)."""

    def __init__(self, root: object, cause: BaseException) -> None:
        self.root = root
        super().__init__(f"the index in {root} cannot be read ({type(cause).__name__}: {str(cause)[:120]}); "
                         "run 'searchapp index --rebuild' to build it again")


class QueryError(SearchappError):
    """A search request holds a bad parameter (maps to HTTP 400)."""

    def __init__(self, param: str, message: str, code: str = "invalid_parameter") -> None:
        self.param = param
        self.code = code
        super().__init__(message)


class PersonChoiceError(QueryError):
    """A person filter names no indexed person, or several (*choices*): maps to HTTP 400 in the API, and
    to a notice with the choices in the page."""

    def __init__(self, typed: str, choices: list[str]) -> None:
        self.typed = typed
        self.choices = choices
        if choices:
            message = f"{typed[:100]!r} names several people: {'; '.join(choices)}; give one of them"
        else:
            message = f"no person in the index is named {typed[:100]!r}"
        super().__init__("person", message, "ambiguous_person" if choices else "unknown_person")


class ExportTooLargeError(SearchappError):
    """A search matches more articles than an export may hold."""

    def __init__(self, total: int, limit: int) -> None:
        self.total, self.limit = total, limit
        super().__init__(f"this search matches {total:,} articles; an export holds at most {limit:,}: narrow it "
                         "by date (from, to), outlet or person, and export each part")


class UnavailableError(SearchappError):
    """Part of a sharded index cannot be searched now (a shard being written, gone, or not answering):
    HTTP 503, worth trying again."""


class MissingExtraError(SearchappError):
    """An optional part is used without the package it needs (installed with an extra of setup.cfg)."""
