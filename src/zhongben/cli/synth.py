"""``zhongben synth``: generate a synthetic 终本 world (data, truth.csv, manifest.json)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    app.command("synth", help="生成合成终本数据集（含植入的违规线索与近似样本、truth.csv）。")(synth)


def synth(
    out: Path = typer.Option(..., "--out", help="输出目录"),
    scale: str = typer.Option("county", "--scale", help="规模：tiny | county | city | province"),
    seed: int = typer.Option(1, "--seed", help="随机种子（同一种子生成逐字节相同的文件）"),
    as_of: str | None = typer.Option(None, "--as-of", help="数据截止日期 YYYY-MM-DD"),
    messy: bool = typer.Option(False, "--messy", help="模拟真实台账的脏数据（编码、表头、日期、全角…）"),
    plants: int | None = typer.Option(None, "--plants", help="每条规则植入的真阳性数（近似样本同数）"),
) -> None:
    from zhongben.synth import generate

    cutoff = date.fromisoformat(as_of) if as_of else None
    result = generate(seed=seed, scale=scale, out=out, as_of=cutoff, messy=messy, plants=plants)
    console = Console()
    console.print(f"已生成 {result.out}：{sum(result.rows.values()):,} 行，"
                  f"truth {result.truth_rows} 条线索")
    for table, rows in result.rows.items():
        console.print(f"  {table:<20} {rows:>12,}")
    console.print(f"用时 {result.seconds:.1f} 秒，峰值内存 {result.peak_rss_mb:.0f} MB")
