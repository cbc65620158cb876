"""The ``zhongben`` command. Each command group lives in its own module under ``zhongben.cli``
and exposes ``register(app)``; this module only assembles them."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="zhongben",
    help="终本案件检察监督平台：数据导入、规则筛查、线索评估。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One line per command module; a module adds its commands to ``app`` in ``register``.
COMMAND_MODULES: tuple[str, ...] = (
    "extract",
    "ingest",
    "synth",
    "screen",
    "evaluate",
    "flows",
    "rules",
    "serve",
    "users",
    "screenshots",
    "audit",
    "backup",
    "lake",
    "documents",
    "entities",
    "ids",
    "calendar_cmd",
    "templates",
    "models",
    "export_cmd",
    "petitions",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"zhongben.cli.{_name}").register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
