"""Rasa custom actions: thin adapters between the Rasa tracker and the aidguide services.

Loaded by the rasa-sdk executor mounted at /webhook in the FastAPI app.
"""
