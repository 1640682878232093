"""When to remind: policy, working days, recurrence; the scheduler and the delivery outbox."""
