"""Services for frontline CPAS / OCMW workers: every parameter of the rules engine at a date
and its history (:mod:`.catalogue`), the calculation steps of an eligibility answer from
OpenFisca's own trace (:mod:`.steps`), a search over sheets, parameters and legal bases
(:mod:`.search`), a step chart drawn as SVG (:mod:`.chart`) and the reader of amount-at-date
questions ("combien était le RIS cohabitant en août 2023 ?", :mod:`.question`).

Texts come from the ``pro`` gettext domain; figures only from :mod:`aidguide.rules`. Nothing a
worker types is kept.
"""
