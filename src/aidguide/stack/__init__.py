"""Development tooling, apart from the runtime: train the Rasa model, start Rasa and the app
together, evaluate the chat on real messages.

Used by ``make run``/``make train``/``make eval``, the test session fixture and ``bench/``.
Nothing the assistant runs in production imports it: the app (``aidguide.api``), the
services and the actions (``actions/``) are checked by ``tests/test_layers.py``. A deployment
starts ``uvicorn aidguide.api.app:app`` and Rasa with its own process manager.
"""
