"""Reading the free answers people give to the eligibility questions (no Rasa, no web)."""
