"""The two entities of the model: a person, and the household (ménage / huishouden) they live in.

The RIS is a personal right whose category depends on the household; the heating allowance is
given per household. Each household has exactly one applicant (the person asking) and may list
other members; the answers we get come from the applicant, so most inputs sit on the person.
"""

from __future__ import annotations

from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="persons",
    label="Person (personne / persoon)",
    doc="A person who asks whether an aid applies to them.",
    is_person=True,
)

Household = build_entity(
    key="household",
    plural="households",
    label="Household (ménage / huishouden)",
    doc=(
        "The people who live under the same roof. The heating allowance is granted per "
        "household; the RIS category depends on who one lives with."
    ),
    roles=[
        {
            "key": "applicant",
            "plural": "applicants",
            "label": "Applicant (demandeur / aanvrager)",
            "max": 1,
            "doc": "The person who asks for the aid.",
        },
        {
            "key": "member",
            "plural": "members",
            "label": "Other member (autre membre / ander lid)",
            "doc": "Anyone else living in the household.",
        },
    ],
)

entities = [Person, Household]
