"""Anonymised export for research and teaching (脱敏, issue 18 part 6)."""
