"""Errors a user can act on: what went wrong, where, and what to do."""

from __future__ import annotations


class FileRefused(Exception):
    """A file that cannot be used at all: nothing of it is loaded."""

    def __init__(self, file: str, problem: str, advice: str) -> None:
        self.file = file
        self.problem = problem
        self.advice = advice
        super().__init__(f"{file}：{problem}。{advice}")


class NotAStatement(Exception):
    """A PDF with no statement table (a court document, say): skipped, not refused."""
