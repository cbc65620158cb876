"""Ingest: read court and registry files into the workspace, normalised to the data contract."""
