"""Pure calendar arithmetic, below storage: Vietnamese working days (workdays.py) and
when a recurring duty falls due (recurrence.py). Imports nothing of the product."""
