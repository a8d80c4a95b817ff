"""Provinces and districts of Viet Nam (pre-2025 legacy units and 2025 units), from ``vietnamadminunits``."""
