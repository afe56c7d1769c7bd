"""The slow parts load while the app starts, and the app reports ready only once they have."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aidguide.api.app import create_app
from aidguide.api.chat import get_rasa_client
from aidguide.content import search
from aidguide.i18n.detect import language_identifier
from aidguide.rules.system import tax_benefit_system
from aidguide.vocabulary import assistant_vocabulary
from aidguide.warmup import WarmUp, WarmUpState

from .fake_rasa import FakeRasa


def test_parts_load_in_order_and_the_state_becomes_ready() -> None:
    loaded: list[str] = []
    warm_up = WarmUp({name: (lambda name=name: loaded.append(name)) for name in ("a", "b", "c")})
    assert warm_up.state is WarmUpState.NOT_STARTED and not warm_up.is_blocking
    warm_up.run()
    assert loaded == ["a", "b", "c"]
    assert warm_up.state is WarmUpState.READY and warm_up.describe() == "ok"
    assert not warm_up.is_blocking


def test_a_failing_part_stops_the_warm_up_and_is_named() -> None:
    loaded: list[str] = []

    def broken() -> None:
        raise OSError("model file missing")

    warm_up = WarmUp(
        {"a": lambda: loaded.append("a"), "b": broken, "c": lambda: loaded.append("c")}
    )
    warm_up.run()  # does not raise: the request that needs "b" will
    assert loaded == ["a"]
    assert warm_up.is_blocking
    assert warm_up.describe() == "failed: b"


@pytest.fixture
def app() -> Iterator[FastAPI]:
    application = create_app()
    application.dependency_overrides[get_rasa_client] = FakeRasa  # Rasa up, model loaded
    yield application


@pytest.mark.parametrize(
    ("state", "status", "shown"),
    [
        (WarmUpState.WARMING, 503, "warming"),
        (WarmUpState.FAILED, 503, "failed: sheet_search"),
        (WarmUpState.READY, 200, "ok"),
        (WarmUpState.NOT_STARTED, 200, "not started"),  # no lifespan: parts load on first use
    ],
)
def test_health_is_ready_only_once_warm(
    app: FastAPI, state: WarmUpState, status: int, shown: str
) -> None:
    app.state.warm_up.state = state
    app.state.warm_up.failed_part = "sheet_search" if state is WarmUpState.FAILED else None
    response = TestClient(app).get("/health")  # no `with`: the lifespan does not run
    assert response.status_code == status
    assert response.json()["components"]["warm_up"] == shown


def test_the_app_loads_every_slow_part_while_it_starts(app: FastAPI) -> None:
    """The first person to write waits for none of them."""
    caches = [assistant_vocabulary, language_identifier, search._index, tax_benefit_system]
    for cache in caches:
        cache.cache_clear()
    with TestClient(app) as client:
        pass  # start-up and shut-down only: no message is sent
    assert [cache.cache_info().currsize > 0 for cache in caches] == [True] * len(caches)
    assert search._index.cache_info().currsize == 2  # French and Dutch
    assert app.state.warm_up.state is WarmUpState.READY
    assert client.get("/health").json()["components"]["warm_up"] == "ok"
