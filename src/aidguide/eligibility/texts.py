"""The sentences of the explained answers, as English msgids (gettext domain ``eligibility``).

Only what the aid sheets do not say: the reasons per condition code, the amount wordings, the
disclaimers and the laws' titles. Aid names, how to apply, documents, deadlines and appeal come
from the sheets (content/aids/*.yml), so each fact is written once.
Plain language (B1): short sentences, everyday words, "vous"/"u". Conditions not yet known
are phrased as what is still needed ("To get it, you must also ...").
"""

from __future__ import annotations

from aidguide.i18n import N_

#: Legal basis per aid (facts §0-§4, ../shared/facts/belgian_aids.md): official titles,
#: translated in the catalogs with their official French and Dutch names.
LEGAL_BASIS = {
    "ris": [
        N_("Law of 26 May 2002 on the right to social integration"),
        N_("Royal Decree of 11 July 2002 (general regulation)"),
    ],
    "equivalent_aid": [
        N_("Organic Law of 8 July 1976 on the CPAS"),
        N_("Law of 2 April 1965, art. 5 (reimbursement by the State)"),
    ],
    "urgent_medical_aid": [
        N_("Organic Law of 8 July 1976 on the CPAS, art. 57 §2"),
        N_("Royal Decree of 12 December 1996 on urgent medical aid"),
    ],
    "heating_allowance": [
        N_("Programme Law of 27 December 2004; Royal Decree of 9 January 2005"),
        N_("Royal Decree of 27 March 2009, amended by the Royal Decree of 6 August 2022"),
    ],
    "installation_premium": [
        N_("Law of 26 May 2002, art. 14 §3"),
        N_("Organic Law of 8 July 1976 on the CPAS, art. 57bis; Royal Decree of 21 September 2004"),
    ],
    # No law title in the facts for the GRAPA: the official page is the reference.
    "grapa": [N_("Federal Pension Service: https://www.sfpd.fgov.be/fr/droit-a-la-pension/grapa")],
    "bim": [N_("Health insurance: increased reimbursement (health insurance fund)")],
}

#: (condition, status) -> msgid. Placeholders are filled by aidguide.eligibility.explain.
REASONS = {
    ("ris_age", "met"): N_("You meet the age condition."),
    ("ris_age", "not_met"): N_(
        "You must be 18 or older. Under 18, you must be married, pregnant or have a child to support."
    ),
    ("ris_age", "unknown"): N_(
        "To get it, you must also be 18 or older, or be married, pregnant or have a child to support."
    ),
    ("residence", "met"): N_("You live in Belgium."),
    ("residence", "not_met"): N_("You must really live in Belgium, most of the time."),
    ("residence", "unknown"): N_(
        "To get it, you must also really live in Belgium, most of the time."
    ),
    ("ris_status", "met"): N_("Your nationality or residence status gives a right to this aid."),
    ("ris_status", "not_met"): N_("Your residence status does not give a right to this aid."),
    ("ris_status", "not_met_foreigners_register"): N_(
        "You are in the foreigners register, so you do not get the integration income. You may get the equivalent social aid."
    ),
    ("ris_status", "not_met_eu_first_3_months"): N_(
        "In your first 3 months in Belgium, EU citizens do not get it. Workers and self-employed people are an exception."
    ),
    ("ris_status", "not_met_no_legal_stay"): N_(
        "Without a legal stay, you do not get this income. You may get urgent medical aid."
    ),
    ("ris_status", "unknown"): N_(
        "To get it, you must also be Belgian, a refugee, stateless, under subsidiary protection, in the population register, or an EU citizen here for over 3 months."
    ),
    ("resources", "met"): N_(
        "Your income is lower than the amount for your situation. The CPAS counts all income, except some parts."
    ),
    ("resources", "not_met"): N_(
        "Your income is higher than the amount for your situation, after the parts that do not count."
    ),
    ("resources", "unknown_no_amount"): N_(
        "To get it, your income must also be lower than the amount for your situation. We do not know that amount on this date: the CPAS compares."
    ),
    ("resources", "unknown"): N_(
        "To get it, your income must also be lower than the amount for your situation. Tell us your income and who you live with."
    ),
    ("work", "met"): N_(
        "You are ready to work, or health or studies prevent it. The CPAS checks this reason."
    ),
    ("work", "not_met"): N_("You must be ready to work, unless health or studies prevent it."),
    ("work", "unknown"): N_(
        "To get it, you must also be ready to work, unless health or studies prevent it."
    ),
    ("other_rights", "met"): N_("You have asked for the other benefits you may have."),
    ("other_rights", "required"): N_(
        "To get it, you must also first ask for the other benefits you may have. The CPAS may ask you to claim support from your family."
    ),
    ("equivalent_status", "met"): N_("You are in the foreigners register: this aid is for you."),
    ("equivalent_status", "not_met"): N_(
        "With your status, you can ask for the integration income instead."
    ),
    ("equivalent_status", "not_met_no_legal_stay"): N_(
        "Without a legal stay, you do not get this aid. You may get urgent medical aid."
    ),
    ("equivalent_status", "unknown"): N_(
        "To get it, you must also have a legal stay and be in the foreigners register."
    ),
    ("equivalent_other", "required"): N_(
        "The CPAS may ask other conditions, for example being ready to work."
    ),
    ("stay", "met"): N_("You have no legal stay: urgent medical aid is the aid for you."),
    ("stay", "not_met"): N_(
        "You have a legal stay. You can ask for other aids, such as the integration income."
    ),
    ("stay", "unknown"): N_(
        "This aid is for people without a legal stay. Tell us your residence status."
    ),
    ("need", "required"): N_(
        "To get it, the CPAS must also see that you are in need. A social worker will ask you questions."
    ),
    ("certificate", "required"): N_(
        "To get it, you also need a certificate from the doctor who treats you."
    ),
    ("fuel", "met"): N_("Your fuel is covered."),
    ("fuel", "not_met"): N_(
        "This fuel is not covered. The allowance is only for heating oil, kerosene bought at the pump, and propane in bulk."
    ),
    ("fuel", "unknown"): N_("To get it, you must also heat with heating oil, kerosene or propane."),
    ("heating_category", "met_cat1"): N_("You have the increased reimbursement (BIM)."),
    ("heating_category", "met_cat2"): N_(
        "Your household income is under the limit of {ceiling} per year."
    ),
    ("heating_category", "met_cat3"): N_("You are in debt mediation."),
    ("heating_category", "not_met"): N_(
        "Your household has no BIM, is not in debt mediation, and its income is above the limit of {ceiling} per year."
    ),
    ("heating_category", "unknown"): N_(
        "To get it, you must also have the BIM, be in debt mediation, or have a household income under {ceiling} per year."
    ),
    ("heating_category", "unknown_no_ceiling"): N_(
        "To get it, you must also have the BIM, be in debt mediation, or have a low household income. We do not know the income limit for this date."
    ),
    ("dependant", "info"): N_(
        "The limit rises by {per_dependant} for each dependant. A dependant earns less than {limit} net per year."
    ),
    ("home", "met"): N_("You do not live in a nursing home or a hospital."),
    ("home", "not_met"): N_("People who live in a nursing home or a hospital cannot get it."),
    ("home", "required"): N_("To get it, you must also not live in a nursing home or a hospital."),
    ("housing", "met"): N_("You are leaving homelessness to live in a home."),
    ("housing", "not_met"): N_(
        "This premium is for people who stop being homeless and move into a home."
    ),
    ("housing", "unknown"): N_(
        "To get it, you must also stop being homeless and move into a home as your main residence."
    ),
    ("premium_income", "met"): N_("You get the integration income or the equivalent aid."),
    ("premium_income", "unknown"): N_(
        "To get it, you must also get the integration income, another replacement income, or have a low income. The CPAS checks this."
    ),
    ("grapa_age", "met"): N_(
        "You are {age} or older. You may get the income guarantee for older people."
    ),
    ("grapa_age", "not_met"): N_("This aid starts at {age} years."),
    ("grapa_age", "unknown"): N_(
        "This aid is for older people. We do not know your age, or the age for this date."
    ),
    ("bim", "met_already"): N_("You already have the increased reimbursement."),
    ("bim", "met"): N_("You probably have a right to it. The health insurance fund checks."),
    ("bim", "not_met"): N_(
        "Your household income seems higher than both limits: {one_year} per year in general, and {one_month} when your income of last month counts (for example if you are unemployed, sick, retired or a single parent)."
    ),
    ("bim", "unknown"): N_(
        "To get it, your household income must also be under a limit. There are two: {one_year} per year in general (your income of last year), and {one_month} when your income of last month counts (for example if you are unemployed, sick, retired or a single parent). Add {extra_year} or {extra_month} for each extra person. The health insurance fund checks which one applies to you."
    ),
    ("bim", "unknown_no_ceiling"): N_(
        "To get it, your household income must also be under a limit. We do not know the limits for this date."
    ),
}

AMOUNT_MONTHLY = N_("About {amount} per month, from {date}.")
AMOUNT_ONCE = N_("{amount}, paid once, from {date}.")
AMOUNT_HEATING = N_("{amount} for this delivery (rules from {date}).")
AMOUNT_MONTHLY_COMPUTED = N_("{amount} per month, from {date} ({note}).")
AMOUNT_ONCE_COMPUTED = N_("{amount}, paid once, from {date} ({note}).")
AMOUNT_UNKNOWN = N_("We cannot compute the amount. Please ask your CPAS.")
AMOUNT_UNKNOWN_ON_DATE = N_(
    "We do not know the amount for your situation on this date. Please ask your CPAS."
)
LIMIT_COMPUTED = N_("Income limit: {note}.")
DOCUMENTS_STEP = N_("Documents to bring: {documents}")
AMOUNT_UNKNOWN_HEATING = N_(
    "We cannot compute the amount: tell us the fuel, the litres and the price per litre. For some dates, we do not know the rules."
)
REFORM_2026 = N_(
    "Since {date}, the income of more family members who live with you may count. Ask your CPAS."
)
ONCE_IN_LIFE = N_(
    "You get it once in your life. It pays for furniture and for water, gas or electricity connections, not for rent or the rental guarantee."
)

DISCLAIMER_CPAS = N_(
    "This is an indication, not a decision. The CPAS decides. Amounts valid from {date}; the CPAS confirms them."
)
DISCLAIMER_CPAS_NO_AMOUNT = N_("This is an indication, not a decision. The CPAS decides.")
DISCLAIMER_PENSION = N_(
    "This is an indication, not a decision. The Federal Pension Service decides."
)
DISCLAIMER_MUTUALITY = N_(
    "This is an indication, not a decision. Your health insurance fund decides. The income limits we know apply from {date}."
)
