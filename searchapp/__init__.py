"""searchapp: a search engine for Indonesian-language news."""

__version__ = "0.1.0"
