"""The OpenAPI 3.1 description of the JSON API (the tests validate every response against it)."""

from __future__ import annotations

from typing import Any

from searchapp import __version__
from searchapp.web.openapi_schemas import (
    DATE_PARAMETER,
    DOCUMENT,
    ERROR,
    FACET_VALUE,
    HIT,
    LINKED_FACET_VALUE,
    SEARCH_RESULT,
    TIMELINE,
)


def _json(schema_ref: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}}


def _or_empty(schema: dict) -> dict:
    """A parameter that may also be sent empty, as a web form sends an empty field: the default."""
    return {"anyOf": [schema, {"const": ""}]}


def _param(name: str, description: str, schema: dict, repeat: bool = False) -> dict:
    param = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if repeat:
        param.update({"schema": {"type": "array", "items": schema}, "style": "form", "explode": True})
    return param


ERRORS = {"400": _json("Error", "a malformed parameter"), "503": _json("Error", "no index yet")}


def search_parameters(outlet_schema: dict) -> list[dict]:
    """The parameters of a search, shared by the endpoints that take one."""
    return [
        _param("q", "query text (words, \"phrases\", OR, -word, outlet:, orang:, tanggal:)",
               {"type": "string", "maxLength": 1000}),
        _param("outlet", "outlet slug, several OR'ed ('unknown': no known outlet); a configured outlet's name, "
                         "alias or host is read as its slug too", outlet_schema, repeat=True),
        _param("rubrik", "an outlet's rubric (category), several OR'ed", {"type": "string", "maxLength": 100},
               repeat=True),
        _param("person", "a person: a name as indexed, or words that open one name (`putin`); several AND'ed; "
                         "400 when it names several people or nobody", {"type": "string"}, repeat=True),
        _param("from", "earliest date: YYYY-MM-DD or DD/MM/YYYY (YYYY-MM, YYYY: from its first day; empty: open)",
               DATE_PARAMETER),
        _param("to", "latest date: YYYY-MM-DD or DD/MM/YYYY (YYYY-MM, YYYY: to its last day; empty: open)",
               DATE_PARAMETER),
        _param("sort", "order of results (empty: relevance)", {"enum": ["relevance", "newest", "oldest", ""]}),
        _param("page", "page number (empty: 1)", _or_empty({"type": "integer", "minimum": 1, "maximum": 1000})),
        _param("per_page", "results per page (empty: 10)",
               _or_empty({"type": "integer", "minimum": 1, "maximum": 100})),
        _param("collapse", "false: every article, copies of one story too (empty: true)",
               {"enum": ["true", "false", "1", "0", ""]}),
    ]


_MOVED_BODY = {"application/json": {"schema": {"type": "object", "required": ["moved_to"],
                                               "properties": {"moved_to": {"type": "string"}}}}}
MOVED_OUTLET = {"description": "the slug names a configured outlet by its name, alias or host (one its articles "
                               "had before the outlet table knew it): its profile's address in Location and "
                               "`moved_to`", "content": _MOVED_BODY}
MOVED_PERSON = {"description": "the slug names one indexed person another way (an alias config/people.yaml gives, "
                               "`jokowi`, or words opening one name alone): its profile's address in Location "
                               "and `moved_to`", "content": _MOVED_BODY}


def openapi_document(outlets: list[str] | None = None) -> dict:
    """The description; *outlets*: the slugs the ``outlet`` parameter accepts (besides ``unknown``)."""
    outlet_schema: dict[str, Any] = {"type": "string"}
    if outlets is not None:
        outlet_schema = {"enum": sorted(set(outlets)) + ["unknown", ""]}  # "": an empty form field, no filter
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "searchapp API",
            "version": __version__,
            "description": "Search Indonesian news: ranked, highlighted, faceted results. "
                           "Query syntax: see README.md.",
        },
        "paths": {
            "/api/search": {"get": {
                "summary": "Search articles",
                "operationId": "search",
                "parameters": [*search_parameters(outlet_schema),
                               _param("after", "a cursor from a previous page's `after` (instead of page and "
                                               "per_page): deep paging", {"type": "string", "maxLength": 200})],
                "responses": {"200": _json("SearchResult", "the search result"), **ERRORS},
            }},
            "/api/timeline": {"get": {
                "summary": "A search's articles per day, week or month, and their share of all articles then",
                "operationId": "timeline",
                "parameters": [*search_parameters(outlet_schema),
                               _param("interval", "bucket size (empty or auto: from the span: days up to two "
                                                  "months, weeks up to two years, months up to fifty years, else "
                                                  "years)",
                                      {"enum": ["auto", "day", "week", "month", "year", ""]})],
                "responses": {"200": _json("Timeline", "the buckets"), **ERRORS},
            }},
            "/api/compare": {"get": {
                "summary": "Up to four queries over one span and interval, each its total and its timeline",
                "operationId": "compare",
                "parameters": [*search_parameters(outlet_schema)[1:],
                               _param("q", "a query; repeat for each (1 to 4)", {"type": "string", "maxLength": 1000},
                                      repeat=True),
                               _param("interval", "bucket size, as for /api/timeline",
                                      {"enum": ["auto", "day", "week", "month", "year", ""]})],
                "responses": {"200": {"description": "one series per query", "content": {"application/json": {
                    "schema": {"type": "object", "required": ["interval", "series"],
                               "properties": {"interval": {"enum": ["day", "week", "month", "year"]},
                                              "series": {"type": "array", "maxItems": 4,
                                                         "items": {"$ref": "#/components/schemas/Timeline"}}}}}}},
                              **ERRORS},
            }},
            "/api/significant": {"get": {
                "summary": "Words and two-word phrases over-represented in a search's best matches (at most 200 "
                           "read) against the index",
                "operationId": "significant",
                "parameters": search_parameters(outlet_schema),
                "responses": {"200": {"description": "the words, most significant first (JLH score)",
                                      "content": {"application/json": {"schema": {
                    "type": "object", "required": ["query", "total", "sampled", "words"],
                    "properties": {"query": {"type": "string"}, "total": {"type": "integer", "minimum": 0},
                                   "sampled": {"type": "integer", "minimum": 0, "maximum": 200},
                                   "words": {"type": "array", "maxItems": 20, "items": {
                                       "type": "object",
                                       "required": ["word", "phrase", "score", "in_sample", "in_index", "url"],
                                       "properties": {"word": {"type": "string"}, "phrase": {"type": "boolean"},
                                                      "score": {"type": "number"},
                                                      "in_sample": {"type": "integer"},
                                                      "in_index": {"type": "integer"},
                                                      "url": {"type": "string"}}}}}}}}},
                              **ERRORS},
            }},
            "/api/export": {"get": {
                "summary": "Every article of a search (not a page), streamed as CSV or JSON Lines",
                "operationId": "export",
                "parameters": [*search_parameters(outlet_schema),
                               _param("format", "csv (default) or jsonl", {"enum": ["csv", "jsonl", ""]})],
                "responses": {"200": {"description": "one row per article, in the search's order; header "
                                                     "X-Total-Count: how many (at most 100,000)",
                                      "content": {"text/csv": {"schema": {"type": "string"}},
                                                  "application/x-ndjson": {"schema": {"type": "string"}}}},
                              **ERRORS},
            }},
            "/api/documents/{id}": {"get": {
                "summary": "One article, with related articles",
                "operationId": "document",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    _param("q", "query whose words to highlight", {"type": "string", "maxLength": 1000}),
                    _param("raw", "1: also the text as read, publisher boilerplate included",
                           {"type": "string", "enum": ["", "0", "1"]}),
                ],
                "responses": {"200": _json("Document", "the article"),
                              "404": _json("Error", "no such article"), **ERRORS},
            }},
            "/api/outlets": {"get": {
                "summary": "Outlets with their article counts",
                "operationId": "outlets",
                "responses": {"200": {"description": "outlets", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["outlets"],
                    "properties": {"outlets": {"type": "array", "items": {
                        "type": "object", "required": ["slug", "name", "count"],
                        "properties": {"slug": {"type": "string"}, "name": {"type": "string"},
                                       "count": {"type": "integer", "minimum": 0}}}}}}}}},
                    **ERRORS},
            }},
            "/api/people": {"get": {
                "summary": "People mentioned, by number of articles (for filters and autocomplete)",
                "operationId": "people",
                "parameters": [
                    _param("prefix", "start of a word of the name", {"type": "string", "maxLength": 100}),
                    _param("limit", "how many (empty: 20)",
                           _or_empty({"type": "integer", "minimum": 1, "maximum": 100})),
                ],
                "responses": {"200": {"description": "people", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["people"],
                    "properties": {"people": {"type": "array", "items": {
                        "type": "object", "required": ["name", "count"],
                        "properties": {"name": {"type": "string"}, "count": {"type": "integer"}}}}}}}}},
                    **ERRORS},
            }},
            "/api/people/{slug}": {"get": {
                "summary": "A person's profile: aliases, articles over time, outlets, people named with them, "
                           "latest articles",
                "operationId": "person",
                "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the profile", "content": {"application/json": {
                    "schema": {"type": "object", "required": ["name", "aliases", "total", "timeline", "outlets",
                                                              "people", "latest"]}}}},
                              "301": MOVED_PERSON,
                              "404": _json("Error", "no such person"), **ERRORS},
            }},
            "/api/outlets/{slug}": {"get": {
                "summary": "An outlet's profile: articles over time, the people it names most, latest articles",
                "operationId": "outlet",
                "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the profile", "content": {"application/json": {
                    "schema": {"type": "object", "required": ["slug", "name", "count", "total", "timeline",
                                                              "outlets", "people", "latest"]}}}},
                              "301": MOVED_OUTLET,
                              "404": _json("Error", "no such outlet"), **ERRORS},
            }},
            "/api/health": {"get": {
                "summary": "Index status",
                "operationId": "health",
                "responses": {"200": {"description": "status", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["status", "documents", "last_modified", "version"],
                    "properties": {"status": {"type": "string",
                                              "description": "ok, no index, or index unreadable (see problem)"},
                                   "problem": {"type": "string", "description": "why the index cannot be read"},
                                   "documents": {"type": "integer"},
                                   "last_modified": {"type": ["string", "null"], "format": "date-time"},
                                   "version": {"type": "string"}}}}}}},
            }},
            "/api/openapi.json": {"get": {
                "summary": "This description",
                "operationId": "openapi",
                "responses": {"200": {"description": "OpenAPI 3.1 document",
                                      "content": {"application/json": {"schema": {"type": "object"}}}}},
            }},
        },
        "components": {"schemas": {
            "SearchResult": SEARCH_RESULT, "Hit": HIT, "FacetValue": FACET_VALUE,
            "LinkedFacetValue": LINKED_FACET_VALUE,
            "Document": DOCUMENT, "Error": ERROR, "Timeline": TIMELINE,
        }},
    }
