"""Fetching the DOF: edition indexes, note bodies, the raw archive, and a local mirror."""
