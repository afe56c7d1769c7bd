"""Running the whole assistant locally: train the Rasa model, start Rasa and the app.

Tooling, not a service: used by ``make run`` and by the test session fixture.
"""
