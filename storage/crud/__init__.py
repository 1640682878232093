"""Data access as plain functions over a Session; callers own the transaction."""
