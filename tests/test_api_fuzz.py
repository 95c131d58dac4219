"""Generated inputs (schemathesis, from /api/openapi.json) against the real app: never a 5xx, and every
response conforms to the description."""

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.failures import AcceptedNegativeData, FailureGroup

from searchapp.web.openapi import openapi_document


@pytest.fixture(scope="session")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_conforms(case):
    response = case.call()
    assert response.status_code < 500, response.text[:500]
    # Every check but positive_data_acceptance: a request can satisfy the schema parameter by parameter
    # and still be wrong as a whole (from after to); it gets a 400 on purpose.
    try:
        case.validate_response(response, excluded_checks=[schemathesis.checks.positive_data_acceptance])
    except FailureGroup as failures:
        # schemathesis 4.32 can judge a 200 by a negative value that never reached the wire (an array
        # mutated to an object is sent as `person=`): such a case is wrong only if what was sent is.
        if not all(isinstance(f, AcceptedNegativeData) for f in failures.exceptions) or not sent_query_conforms(
                case, response.request.url):
            raise


def sent_query_conforms(case, url: str) -> bool:
    """Whether the query string actually sent satisfies each parameter's schema (text is all a URL holds:
    digits count as an integer)."""
    operation = case.operation.schema.raw_schema["paths"][case.path][case.method.lower()]
    declared = {p["name"]: p["schema"] for p in operation.get("parameters", []) if p["in"] == "query"}
    sent = parse_qs(urlsplit(url).query, keep_blank_values=True)
    if set(sent) - set(declared):
        return False
    for name, values in sent.items():
        schema = declared[name]
        if schema.get("type") == "array":
            schema, many = schema["items"], True
        else:
            many = False
        if len(values) > 1 and not many:
            return False
        if not all(_conforms(value, schema) for value in values):
            return False
    return True


def _conforms(value: str, schema: dict) -> bool:
    candidates = [value] + ([int(value)] if re.fullmatch(r"-?\d+", value) else [])
    return any(jsonschema.Draft202012Validator(schema).is_valid(candidate) for candidate in candidates)


def test_spec_lists_the_configured_outlets(client, engine):
    served = client.get("/api/openapi.json").get_json()
    assert served == openapi_document(engine.outlet_slugs())
    outlet = next(p for p in served["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "outlet")
    assert {"kontan", "kompas-tv", "cakapcakap", "unknown"} <= set(outlet["schema"]["items"]["enum"])


def test_only_a_query_valid_on_the_wire_excuses_an_accepted_negative_case():
    spec = SimpleNamespace(schema=SimpleNamespace(raw_schema=openapi_document(["kontan"])))
    case = SimpleNamespace(path="/api/search", method="GET", operation=spec)
    assert sent_query_conforms(case, "http://t/api/search?person=&per_page=20&outlet=kontan&outlet=")
    for wrong in ("per_page=0", "per_page=x", "zzz=1", "page=1&page=2", "outlet=nowhere", "sort=best"):
        assert not sent_query_conforms(case, f"http://t/api/search?{wrong}"), wrong
