"""The workflow's error: a request that cannot be carried out, with a Chinese message."""

from __future__ import annotations


class WorkflowError(ValueError):
    """A workflow request that cannot be carried out; the message is shown to the user."""
