"""Fuzzing over the OpenAPI description (schemathesis): every operation, a bounded number of
generated requests each, valid and invalid; no answer may be a server error or differ from
what the description promises (status, content type, body schema, headers).

Rasa is replaced at the transport level: the app's real Rasa client talks to an httpx mock
transport that answers as Rasa's HTTP API does (tests/fake_rasa.py), so /api/chat runs its
whole path, masking and checks included, without a trained model.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from aidguide.api.app import create_app
from aidguide.api.chat import get_rasa_client

from .fake_rasa import rasa_over_mock_transport

#: Generated requests per operation: enough to find the classes of bad input, bounded so
#: that `make test` stays quick.
EXAMPLES_PER_OPERATION = 40

_app = create_app()
_app.dependency_overrides[get_rasa_client] = rasa_over_mock_transport
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
