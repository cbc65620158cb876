"""Generates the workflow diagram (Mermaid) from ``CaseWorkflow`` into docs/workflow.md, between
the markers below. ``python -m zhongben.workflow.diagram [docs/workflow.md]``; a test fails when
the committed diagram differs from the machine."""

from __future__ import annotations

import sys
from pathlib import Path

from zhongben.workflow.machine import EVENT_LABELS, CaseWorkflow

BEGIN, END = "<!-- workflow-diagram:begin -->", "<!-- workflow-diagram:end -->"


def mermaid() -> str:
    lines = ["stateDiagram-v2", "    direction LR"]
    lines += [f'    state "{s.name}" as {s.id}' for s in CaseWorkflow.states]
    lines.append(f"    [*] --> {CaseWorkflow.initial_state.id}")
    for state in CaseWorkflow.states:
        for t in state.transitions:
            for event in t.event.split():
                lines.append(f"    {t.source.id} --> {t.target.id} : {EVENT_LABELS[event]}")
        if state.final:
            lines.append(f"    {state.id} --> [*]")
    return "\n".join(lines)


def block() -> str:
    return f"{BEGIN}\n```mermaid\n{mermaid()}\n```\n{END}"


def update(path: Path) -> bool:
    """Rewrite the diagram block in ``path``; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + block() + text[end:]
    path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    update(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/workflow.md"))
