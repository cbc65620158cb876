"""Petitions (12309 申请监督) as a lead source: matching a petition to its case
(``match``), screening the matched cases at once and recording each lead's source (``intake``),
and the acceptance/reply periods of an application (``deadlines``).
See docs/reference/petitions.md."""
