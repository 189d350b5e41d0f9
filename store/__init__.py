"""The SQL store (SQLAlchemy Core) and the Python-shell API."""
