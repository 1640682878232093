"""The roles a person can hold, and the sets that grant rights: written once here
(no imports, so the CLI's argument parser can use them without loading the tables).

- official: their unit's tasks, reports, extension requests.
- head: as an official, plus the summary (/tonghop) of their own unit.
- office / admin: publish directives, assign tasks, decide extensions, summaries of
  every unit, exports.
"""
ROLES = ("official", "head", "office", "admin")
# Who may publish, assign, decide extensions and see every unit.
OFFICE_ROLES = ("office", "admin")
# Who may see a summary (/tonghop): a head for their own unit, the office for all.
SUMMARY_ROLES = ("head", "office", "admin")
