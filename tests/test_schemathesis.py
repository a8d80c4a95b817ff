"""Schema-driven fuzzing of the API (issue #4 acceptance): no server error on any endpoint.

Schemathesis reads the app's own ``/openapi.json`` and calls every GET operation
in-process over ASGI against the hand-built graph of ``tests/test_api.py``,
with a bounded number of generated examples per operation (Hypothesis drives
each operation's strategy; schemathesis' pytest plugin is not used because its
lazy-fixture mode does not run under pytest 9). Only ``not_a_server_error`` is
asserted: 4xx answers to nonsense are the point. ``POST /documents`` is left
out: it needs a file and an API key, and would write to the shared read-only
graph (its errors are tested in test_api.py).
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from api.app import create_app  # noqa: E402
from api.deps import GraphProvider  # noqa: E402
from tests.test_api import chain_graph  # noqa: E402,F401 - fixture reused

#: Examples per operation: enough to hit every parameter's edges, small enough for CI.
MAX_EXAMPLES = 25

#: The app the schema is read from; its graph is set per test (``app.state.graph_provider``).
APP = create_app()
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP).exclude(method="POST")
OPERATIONS = {r.ok().label: r.ok() for r in SCHEMA.get_all_operations()}


@pytest.fixture
def app_on_chain(chain_graph, settings_for):  # noqa: F811 - the imported fixture
    """Point the schema's app at the hand-built graph for one test."""
    before = (APP.state.settings, APP.state.graph_provider)
    APP.state.settings = settings_for(chain_graph)
    APP.state.graph_provider = GraphProvider(APP.state.settings, chain_graph)
    yield APP
    APP.state.settings, APP.state.graph_provider = before


def test_every_get_endpoint_is_fuzzed():
    assert len(OPERATIONS) >= 12 and all(label.startswith("GET ") for label in OPERATIONS)


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_errors(app_on_chain, label):
    operation = OPERATIONS[label]
    seen: list[int] = []

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case):
        response = case.call()
        seen.append(response.status_code)
        case.validate_response(response, checks=[not_a_server_error])

    run()
    for strategy in operation.get_strategies_from_examples():  # the /docs examples (real sample ids) too

        @given(case=strategy)
        @settings(max_examples=5, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run_example(case):
            response = case.call()
            seen.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])

        run_example()
    assert seen and all(code < 500 for code in seen)


def test_openapi_documents_every_endpoint_with_examples(make_client, chain_graph):  # noqa: F811
    spec = make_client(chain_graph).get("/openapi.json").json()
    expected = {"/documents", "/documents/{doc_id}", "/documents/{doc_id}/lineage", "/documents/{doc_id}/tasks",
                "/agencies", "/agencies/{agency_id}", "/agencies/{agency_id}/duties",
                "/agencies/{agency_id}/coordination", "/tasks", "/search", "/health", "/health/live"}
    assert expected <= set(spec["paths"])
    assert "post" in spec["paths"]["/documents"]
    for path in expected - {"/health", "/health/live"}:
        op = spec["paths"][path]["get"]
        assert op.get("description") or op.get("summary"), path
        with_examples = [p for p in op.get("parameters", []) if p.get("examples") or p.get("example")]
        assert with_examples, f"{path}: no parameter example"
    lineage = spec["paths"]["/documents/{doc_id}/lineage"]["get"]
    doc_param = next(p for p in lineage["parameters"] if p["name"] == "doc_id")
    assert any(e["value"] == "85-kh-ubnd--2020--soc-trang--chau-thanh" for e in doc_param["examples"].values())
