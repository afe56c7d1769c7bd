"""Rasa-side extensions (run inside bot/.venv, Python 3.10; no import of the aidguide package)."""
