"""The OpenAPI 3.1 description of the JSON API (the tests validate every response against it)."""

from __future__ import annotations

from typing import Any

from searchapp import __version__

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
# Forms submit empty fields, so an empty date means "no limit"; a year or month stands for its span.
_MONTH, _DAY = r"(0?[1-9]|1[0-2])", r"(0?[1-9]|[12]\d|3[01])"
DATE_PARAMETER = {"type": "string",
                  "pattern": rf"^[ \t]*(\d{{4}}(-{_MONTH}(-{_DAY})?)?|{_DAY}/{_MONTH}/\d{{4}})?[ \t]*$"}

FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected", "toggle_url"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
        "toggle_url": {"type": "string"},
    },
    "additionalProperties": False,
}

HIT_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string"},
    "title": {"type": "string"},
    "title_html": {"type": "string", "description": "title, HTML-escaped, query words in <mark>"},
    "url": NULLABLE_STRING,
    "outlet": {**NULLABLE_STRING, "description": "outlet slug; null when unknown"},
    "outlet_name": NULLABLE_STRING,
    "date": NULLABLE_DATE,
    "people": {"type": "array", "items": {"type": "string"}},
    "reporter": NULLABLE_STRING,
    "editor": NULLABLE_STRING,
}

COPY = {
    "type": "object",
    "required": ["id", "title", "url", "outlet", "outlet_name", "date"],
    "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "url": NULLABLE_STRING,
                   "outlet": NULLABLE_STRING, "outlet_name": NULLABLE_STRING, "date": NULLABLE_DATE},
    "additionalProperties": False,
}

HIT = {
    "type": "object",
    "required": [*HIT_PROPERTIES, "score", "snippet", "partial", "story", "copies"],
    "properties": {
        **HIT_PROPERTIES,
        "score": {"type": ["number", "null"], "description": "BM25F score; null when sorted by date"},
        "snippet": {"type": "string", "description": "1-3 passages, HTML-escaped, matches in <mark>"},
        "partial": {"type": "boolean", "description": "holds some, not all, of the query's words"},
        "story": {**NULLABLE_STRING, "description": "the story (its smallest article id) when the article has "
                                                    "copies: the same text, syndicated or lightly rewritten"},
        "copies": {"type": "array", "maxItems": 50, "items": COPY,
                   "description": "the story's other articles, wherever they were published"},
    },
    "additionalProperties": False,
}

SEARCH_RESULT = {
    "type": "object",
    "required": ["query", "filters", "sort", "collapse", "total", "stories", "page", "per_page", "pages", "took_ms",
                 "results", "facets", "suggestion", "relaxed", "partial", "urls"],
    "properties": {
        "query": {"type": "string"},
        "filters": {
            "type": "object",
            "required": ["outlet", "rubrik", "person", "from", "to"],
            "properties": {
                "outlet": {"type": "array", "items": {"type": "string"}},
                "rubrik": {"type": "array", "items": {"type": "string"}},
                "person": {"type": "array", "items": {"type": "string"}},
                "from": NULLABLE_DATE,
                "to": NULLABLE_DATE,
            },
        },
        "sort": {"enum": ["relevance", "newest", "oldest"]},
        "collapse": {"type": "boolean", "description": "each story once, at its best-ranked article"},
        "total": {"type": "integer", "minimum": 0,
                  "description": "articles holding every word of the query within the filters (copies each "
                                 "counted); what the facets count too"},
        "stories": {"type": "integer", "minimum": 0,
                    "description": "the stories they tell: copies of one text count once (pages count these "
                                   "when collapse is true)"},
        "page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
        "pages": {"type": "integer", "minimum": 1},
        "took_ms": {"type": "number", "minimum": 0},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
        "facets": {
            "type": "object",
            "required": ["outlet", "person", "month", "rubrik", "unknown"],
            "properties": {
                "outlet": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                "person": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                "month": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                "rubrik": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"},
                           "description": "the outlets' rubrics, where the corpus states them"},
                "unknown": {
                    "type": "object",
                    "required": ["outlet", "date"],
                    "properties": {"outlet": {"type": "integer"}, "date": {"type": "integer"}},
                },
            },
        },
        "suggestion": {**NULLABLE_STRING, "description": "a corrected query (did you mean)"},
        "relaxed": {"type": "boolean",
                    "description": "no article held every word of the query; results hold some of them"},
        "partial": {"type": "integer", "minimum": 0,
                    "description": "articles holding only some of the words, listed after the `total` that "
                                   "hold every word when fewer than search.partial_below (10) do (each marked "
                                   "`partial`); counted neither in `total` nor in the facets"},
        "urls": {
            "type": "object",
            "required": ["self", "next", "previous", "suggestion"],
            "properties": {k: NULLABLE_STRING for k in ("self", "next", "previous", "suggestion")},
        },
    },
}

DOCUMENT = {
    "type": "object",
    "required": [*HIT_PROPERTIES, "body", "paragraphs_html", "matches", "source", "related", "story", "copies"],
    "properties": {
        **HIT_PROPERTIES,
        "partial": {"type": "boolean"},
        "story": HIT["properties"]["story"],
        "copies": HIT["properties"]["copies"],
        "body": {"type": "string"},
        "paragraphs_html": {"type": "array", "items": {"type": "string"}},
        "matches": {"type": "integer", "minimum": 0},
        "source": NULLABLE_STRING,
        "published_at": {**NULLABLE_STRING, "description": "the stated moment of publication, ISO with its zone"},
        "updated": {"type": "boolean", "description": "published_at is the site's last update"},
        "summary": NULLABLE_STRING,
        "category": {**NULLABLE_STRING, "description": "the outlet's rubric"},
        "raw": {"type": "string", "description": "with raw=1: the text as read, publisher boilerplate included"},
        "related": {"type": "array", "maxItems": 5, "items": {"$ref": "#/components/schemas/Hit"}},
    },
}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "param"],
            "properties": {
                "code": {"type": "string"}, "message": {"type": "string"}, "param": NULLABLE_STRING,
                "choices": {"type": "array", "items": {"type": "string"},
                            "description": "with code ambiguous_person: the people the `person` value names "
                                           "(send one of them); with unknown_person: empty"},
            },
        }
    },
}


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
                "parameters": [
                    _param("q", "query text (words, \"phrases\", OR, -word, outlet:, orang:, tanggal:)",
                           {"type": "string", "maxLength": 1000}),
                    _param("outlet", "outlet slug, several OR'ed ('unknown': no known outlet)",
                           outlet_schema, repeat=True),
                    _param("rubrik", "an outlet's rubric (category), several OR'ed",
                           {"type": "string", "maxLength": 100}, repeat=True),
                    _param("person", "a person: a name as indexed, or words that open one name (`putin`); "
                                     "several AND'ed; 400 when it names several people or nobody",
                           {"type": "string"}, repeat=True),
                    _param("from", "earliest date: YYYY-MM-DD or DD/MM/YYYY (YYYY-MM, YYYY: from its first day; "
                                   "empty: open)",
                           DATE_PARAMETER),
                    _param("to", "latest date: YYYY-MM-DD or DD/MM/YYYY (YYYY-MM, YYYY: to its last day; empty: open)",
                           DATE_PARAMETER),
                    _param("sort", "order of results (empty: relevance)",
                           {"enum": ["relevance", "newest", "oldest", ""]}),
                    _param("page", "page number (empty: 1)",
                           _or_empty({"type": "integer", "minimum": 1, "maximum": 1000})),
                    _param("per_page", "results per page (empty: 10)",
                           _or_empty({"type": "integer", "minimum": 1, "maximum": 100})),
                    _param("collapse", "false: every article, copies of one story too (empty: true)",
                           {"enum": ["true", "false", "1", "0", ""]}),
                ],
                "responses": {"200": _json("SearchResult", "the search result"), **ERRORS},
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
            "Document": DOCUMENT, "Error": ERROR,
        }},
    }
