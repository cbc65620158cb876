"""Leads: what a rule run produces — grouping, scoring, storage across runs, outputs, evaluation."""
