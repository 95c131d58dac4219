"""Generated inputs (schemathesis, from /api/openapi.json) against the real app: never a 5xx, and every
response conforms to the description."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

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
    case.validate_response(response, excluded_checks=[schemathesis.checks.positive_data_acceptance])


def test_spec_lists_the_configured_outlets(client, engine):
    served = client.get("/api/openapi.json").get_json()
    assert served == openapi_document(engine.outlet_slugs())
    outlet = next(p for p in served["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "outlet")
    assert {"kontan", "kompas-tv", "cakapcakap", "unknown"} <= set(outlet["schema"]["items"]["enum"])
