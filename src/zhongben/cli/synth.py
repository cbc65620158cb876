"""``zhongben synth``: generate a synthetic 终本 world (data, truth.csv, manifest.json)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

HELP = "生成合成终本数据集（含植入的违规线索与近似样本、truth.csv、manifest.json）。"


def register(app: typer.Typer) -> None:
    app.command("synth", help=HELP)(synth)


def synth(
    out: Annotated[Path, typer.Option("--out", help="输出目录")],
    scale: Annotated[
        str,
        typer.Option(
            "--scale", help="规模：tiny | county（约2万案）| city（约20万）| province（约100万）"
        ),
    ] = "county",
    seed: Annotated[int, typer.Option("--seed", help="随机种子：同一种子生成逐字节相同的文件")] = 1,
    as_of: Annotated[str | None, typer.Option("--as-of", help="数据截止日 YYYY-MM-DD")] = None,
    messy: Annotated[
        bool, typer.Option("--messy", help="模拟真实台账：GB18030、中文表头、混合日期、全角、万元…")
    ] = False,
    plants: Annotated[
        int | None, typer.Option("--plants", help="每条规则植入的真阳性数（近似样本同数）")
    ] = None,
    exact_ids: Annotated[
        bool,
        typer.Option("--exact-ids", help="不植入身份噪声：每条记录都带准确的身份证号/信用代码"),
    ] = False,
) -> None:
    from zhongben.synth import generate

    cutoff = date.fromisoformat(as_of) if as_of else None
    result = generate(seed=seed, scale=scale, out=out, as_of=cutoff, messy=messy, plants=plants,
                      exact_ids=exact_ids)
    console = Console()
    console.print(
        f"已生成 {result.out}：{sum(result.rows.values()):,} 行，"
        f"truth.csv {result.truth_rows} 条线索"
    )
    for table, rows in result.rows.items():
        console.print(f"  {table:<20} {rows:>12,}")
    console.print(f"用时 {result.seconds:.1f} 秒，峰值内存 {result.peak_rss_mb:.0f} MB")
