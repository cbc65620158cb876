"""DuckDB against Spark ``local[1]`` and ``local[2]`` (and ``local[N]`` up to the machine's cores)
on the same synthetic world: wall time of the whole screen and of its rule stage, peak memory of
the process tree (Python + the Spark JVM), the ratio to DuckDB and the rule stage's scaling with
cores. Every figure is measured in this run; nothing is compared against a stored number.

    .venv/bin/python benchmarks/spark_bench.py --scale city            # makes the world in /tmp
    .venv/bin/python benchmarks/spark_bench.py --db ws.duckdb --lake lake/ --as-of 2026-06-30
    .venv/bin/python benchmarks/spark_bench.py --db ws.duckdb --lake lake/ \
        --engines duckdb,local[2] --per-rule     # + the 10 slowest rules, engine beside engine

``--per-rule``: each rule's seconds from the ``progress`` boundaries of ``screen``, the shared
views it stores first counted apart (``materialise``), and the Spark session's start and the
lake's registration apart; the first rule also carries the screen's opening queries (as-of
views, data horizons). The engines must find the same leads (keys and scores) or it fails.

Each engine runs in its own child process (a fresh JVM for every Spark master), so peak memory
is that run's own: the resident set of the child and its descendants, sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def make_world(scale: str, folder: Path) -> tuple[Path, Path]:
    """A clean synthetic world of ``scale``, loaded with ``fast_world`` and exported as a lake."""
    db, lake, world = folder / "ws.duckdb", folder / "lake", folder / "world"
    if not db.exists():
        subprocess.run([str(ROOT / ".venv/bin/zhongben"), "synth", "--scale", scale, "--seed", "1",
                        "--exact-ids", "--out", str(world)], check=True)
        subprocess.run([PYTHON, str(ROOT / "benchmarks/fast_world.py"), str(world), str(db)],
                       check=True)
    if not lake.exists():
        subprocess.run([str(ROOT / ".venv/bin/zhongben"), "lake", "export", "--db", str(db),
                        "--out", str(lake)], check=True)
    return db, lake


def run_one(engine: str, db: Path, lake: Path, as_of: dt.date) -> dict[str, Any]:
    """In this (child) process: one screen on ``engine`` (``duckdb`` or a Spark master), with
    each rule's seconds (the shared views it stores first counted apart), the shared views'
    seconds and, on Spark, the session's start and the lake's registration."""
    from zhongben.engine.opener import open_read
    from zhongben.rules.loader import load_library
    from zhongben.rules.screen import screen

    library = load_library()
    started = time.perf_counter()
    last = [started]
    stored = [0.0]  # seconds storing shared views since the last rule boundary
    figures: dict[str, Any] = {"per_rule": {}, "materialise": 0.0}

    def progress(rule_id: str, done: int, total: int) -> None:
        now = time.perf_counter()
        figures["per_rule"][rule_id] = now - last[0] - stored[0]
        figures["materialise"] += stored[0]
        last[0], stored[0] = now, 0.0

    def timed(run: Callable[[str, str], None]) -> Callable[[str, str], None]:
        def materialise(name: str, sql: str) -> None:
            begun = time.perf_counter()
            run(name, sql)
            stored[0] += time.perf_counter() - begun
        return materialise

    if engine == "duckdb":
        from zhongben.engine.duckdb import DuckDBEngine

        with open_read(db) as con:
            duck = DuckDBEngine(con)
            duck.materialise = timed(duck.materialise)  # type: ignore[method-assign,assignment]
            last[0] = time.perf_counter()
            result = screen(duck, library, as_of, progress=progress)
    else:
        from zhongben.engine.spark import SparkEngine, register_lake
        from zhongben.engine.spark_session import build_session

        spark = SparkEngine(build_session(engine))
        figures["session"] = time.perf_counter() - started
        register_lake(spark, lake)
        figures["lake"] = time.perf_counter() - started - figures["session"]
        spark.materialise = timed(spark.materialise)  # type: ignore[method-assign,assignment]
        last[0] = time.perf_counter()
        result = screen(spark, library, as_of, progress=progress)
    rules_end = last[0]
    figures["rules"] = sum(figures["per_rule"].values()) + figures["materialise"]
    figures["after_rules"] = time.perf_counter() - rules_end
    figures.update(wall=time.perf_counter() - started, leads=len(result.leads),
                   lead_keys=hashlib.sha256("\n".join(
                       f"{x.key} {x.score}" for x in result.leads).encode()).hexdigest()[:16])
    return figures


def per_rule_table(results: dict[str, dict[str, Any]], top: int = 10) -> None:
    """The ``top`` slowest rules on the slowest Spark master, each engine's seconds beside them,
    then the shared views, the lake's registration and what follows the rules."""
    base = results["duckdb"]
    sparks = [e for e in results if e != "duckdb"]
    slowest = max(sparks, key=lambda e: results[e]["rules"])
    order = sorted(results[slowest]["per_rule"], key=lambda r: -results[slowest]["per_rule"][r])
    print(f"\n最慢的 {top} 条规则（按 {slowest} 排序，秒；共享视图的物化另计）")
    print(f"{'规则':<14}{'duckdb':>9}" + "".join(f"{e:>11}{'倍数':>7}" for e in sparks))
    for rule in order[:top]:
        duck = base["per_rule"][rule]
        cells = "".join(f"{results[e]['per_rule'][rule]:>11.2f}"
                        f"{results[e]['per_rule'][rule] / max(duck, 1e-3):>6.0f}×" for e in sparks)
        print(f"{rule:<14}{duck:>9.2f}{cells}")
    rows = (("共享视图物化", "materialise"), ("规则阶段合计", "rules"),
            ("规则之后", "after_rules"), ("会话启动", "session"), ("湖注册", "lake"))
    for label, key in rows:
        cells = "".join(f"{results[e].get(key, 0.0):>11.2f}{'':>7}" for e in sparks)
        print(f"{label:<12}{base.get(key, 0.0):>9.2f}  {cells}")


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(rss.get(p, 0) for p in family)


def measure(engine: str, db: Path, lake: Path,
            as_of: dt.date) -> dict[str, Any] | None:
    """``run_one`` in a child process, its process tree's peak memory sampled meanwhile."""
    args = [PYTHON, __file__, "--child", engine, "--db", str(db), "--lake", str(lake),
            "--as-of", as_of.isoformat()]
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], tree_rss(child.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    sampler.join()
    if child.returncode != 0:
        print(f"{engine} 运行失败（退出码 {child.returncode}，峰值内存 {peak[0] / 2**20:.0f} MB）",
              flush=True)
        return None
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    figures["peak_mb"] = peak[0] / 2**20
    print(f"{engine}：总耗时 {figures['wall']:.1f} s，规则阶段 {figures['rules']:.1f} s，"
          f"峰值内存 {figures['peak_mb']:.0f} MB，线索 {figures['leads']} 条", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="city", help="synthetic world: county / city / province")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lake", type=Path)
    parser.add_argument("--as-of", default="2026-06-30")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--engines", help="comma-separated, e.g. duckdb,local[2] (default: "
                        "duckdb and local[1] … local[cores])")
    parser.add_argument("--per-rule", action="store_true",
                        help="also print the 10 slowest rules on each engine")
    parser.add_argument("--child")
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    if args.child:
        print(json.dumps(run_one(args.child, args.db, args.lake, as_of)))
        return
    if args.db is None:
        db, lake = make_world(args.scale, Path(f"/tmp/zhongben-spark-bench-{args.scale}"))
    else:
        db, lake = args.db, args.lake or args.db.with_suffix(".lake")
    engines = args.engines.split(",") if args.engines else [
        "duckdb", *[f"local[{n}]" for n in range(1, max(2, args.cores) + 1)]]
    measured = {engine: measure(engine, db, lake, as_of) for engine in engines}
    results = {engine: r for engine, r in measured.items() if r is not None}
    if "duckdb" not in results or len(results) < len(engines):
        sys.exit("有引擎运行失败，见上")
    base = results["duckdb"]
    print(f"\n{'引擎':<12}{'总耗时 s':>10}{'规则阶段 s':>12}{'峰值内存 MB':>13}{'线索':>8}"
          f"{'相对 DuckDB':>12}")
    for engine, r in results.items():
        print(f"{engine:<12}{r['wall']:>10.1f}{r['rules']:>12.1f}{r['peak_mb']:>13.0f}"
              f"{r['leads']:>8}{r['wall'] / base['wall']:>11.1f}×")
    if "local[1]" in results:
        one = results["local[1]"]["rules"]
        for engine in [e for e in engines if e not in ("duckdb", "local[1]")]:
            print(f"规则阶段扩展：{engine} 比 local[1] 快 {one / results[engine]['rules']:.2f} 倍")
    if args.per_rule:
        per_rule_table(results)
    if len({(r["leads"], r["lead_keys"]) for r in results.values()}) != 1:
        sys.exit("两引擎线索不同（条数或线索键与分数）")


if __name__ == "__main__":
    main()
