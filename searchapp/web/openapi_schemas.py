"""The JSON schemas of the API's responses (the tests validate every response against them)."""

from __future__ import annotations

from typing import Any

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
LINKED_FACET_VALUE = {  # a person or an outlet: also the API's profile of it (null for the unknown outlet)
    **FACET_VALUE, "required": [*FACET_VALUE["required"], "profile_url"],
    "properties": {**FACET_VALUE["properties"], "profile_url": NULLABLE_STRING},
}

HIT_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string"},
    "title": {"type": "string"},
    "title_html": {"type": "string", "description": "title, HTML-escaped, query words in <mark>"},
    "url": NULLABLE_STRING,
    "outlet": {**NULLABLE_STRING, "description": "outlet slug; null when unknown"},
    "outlet_name": NULLABLE_STRING,
    "date": NULLABLE_DATE,
    "published_at": {**NULLABLE_STRING, "description": "the stated moment of publication, ISO with its zone; "
                                                      "null when the source states only the day"},
    "updated": {"type": "boolean", "description": "date and published_at are the site's last update "
                                                  "(\"Diperbarui\"), not the first publication"},
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
        "story": {**NULLABLE_STRING, "description": "the story (the id of one of its articles) when the article has "
                                                    "copies: the same text, syndicated or lightly rewritten"},
        "copies": {"type": "array", "maxItems": 50, "items": COPY,
                   "description": "the story's other articles, wherever they were published"},
    },
    "additionalProperties": False,
}

SEARCH_RESULT = {
    "type": "object",
    "required": ["query", "filters", "sort", "collapse", "total", "stories", "page", "per_page", "pages", "took_ms",
                 "results", "facets", "suggestion", "relaxed", "partial", "after", "urls"],
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
                "outlet": {"type": "array", "items": {"$ref": "#/components/schemas/LinkedFacetValue"}},
                "person": {"type": "array", "items": {"$ref": "#/components/schemas/LinkedFacetValue"}},
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
        "after": {**NULLABLE_STRING, "description": "a cursor to the next page (send it as `after`): pages past "
                                                    "the 1,000th, valid while the index stays as it is"},
        "urls": {
            "type": "object",
            "required": ["self", "next", "previous", "suggestion", "next_after"],
            "properties": {k: NULLABLE_STRING for k in ("self", "next", "previous", "suggestion", "next_after")},
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


TIMELINE = {
    "type": "object",
    "required": ["query", "interval", "total", "dated", "undated", "buckets"],
    "properties": {
        "query": {"type": "string"},
        "interval": {"enum": ["day", "week", "month", "year"]},
        "total": {"type": "integer", "minimum": 0, "description": "the search's total (as /api/search)"},
        "dated": {"type": "integer", "minimum": 0, "description": "of them dated: the sum of the buckets' counts"},
        "undated": {"type": "integer", "minimum": 0},
        "buckets": {"type": "array", "maxItems": 1000, "items": {
            "type": "object", "required": ["start", "end", "count", "total", "share", "url"],
            "properties": {"start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
                           "count": {"type": "integer", "minimum": 0},
                           "total": {"type": "integer", "minimum": 0,
                                     "description": "every article of the index in the period"},
                           "share": {"type": "number", "minimum": 0, "maximum": 1},
                           "url": {"type": "string", "description": "the search narrowed to the period"}},
            "additionalProperties": False}},
    },
}
