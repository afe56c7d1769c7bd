"""AidGuide: which social aids exist in Belgium, which CPAS/OCMW to contact, and an
indicative eligibility check, in French and Dutch. Stores no personal data."""

__version__ = "0.1.0"
