"""``zhongben models …``: the model lifecycle (模型优选). This module owns the Typer group; each
sub-module in ``MODEL_COMMAND_MODULES`` adds its commands to the group in ``register(group)``."""

from __future__ import annotations

import importlib

import typer

MODEL_COMMAND_MODULES: tuple[str, ...] = (
    "models_report",
    "models_package",
)


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="模型管理：成效回测、版本比较、模型包导出与导入。",
                        no_args_is_help=True)
    for name in MODEL_COMMAND_MODULES:
        importlib.import_module(f"zhongben.cli.{name}").register(group)
    app.add_typer(group, name="models")
