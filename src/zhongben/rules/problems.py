"""Problems found in rule files, reported all at once with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str  # Chinese, says what to do

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class RuleError(Exception):
    """One or more rule files are unusable; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("规则文件有误：\n" + "\n".join(str(p) for p in problems))
