"""What the assistant does, transport-neutral: a neutral `Incoming` in, `Reply`s out.

Where things live: `/nhiemvu` in tasks.py, status dialogues and the report quality
gate in reports.py and quality.py, invitations and /help in start.py, routing and
the cross-cutting concerns (session, person, language, errors) in router.py.
"""
