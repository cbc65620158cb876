"""Rule engine speed on a synthetic world (province by default).

Measured in one run, on one workspace:
- the full library through the engine (screen, leads stored) twice, each in a fresh process on a
  fresh copy: inlining every shared view in each rule that reads it, then computing each once per
  screen (zhongben.rules.materialise, the default): wall time, peak memory (RSS), peak disk spill
  of DuckDB's temp directory, the rules that read shared views, and whether both found the same
  leads (facts, evidence, explanations);
- 5 representative rules three ways — the engine (compile, as-of views, evidence, grouping,
  explanations), hand-written minimal DuckDB SQL returning only the lead identities, and a
  straightforward pandas implementation (tables loaded from the workspace, then merged and
  filtered) — with the ratios engine / hand SQL (goal ≤ 1.2) and pandas / engine (goal ≥ 20).
  The three must find the same leads; a difference is printed.

    flock /tmp/zb-bench.lock .venv/bin/python benchmarks/rules_bench.py \
        --db /tmp/province.duckdb --as-of 2026-06-30
    (make the workspace with: zhongben synth --scale province --seed 1 --exact-ids --out DIR &&
     python benchmarks/fast_world.py DIR /tmp/province.duckdb; --as-of is the world's, in
     DIR/manifest.json. The engine's time is almost all DuckDB's: compiling, grouping and
     explaining take ~40 ms of the five rules' ~1.3 s on the province world.)
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import multiprocessing
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from zhongben.engine.duckdb import DuckDBEngine
from zhongben.leads.model import Lead
from zhongben.rules.compile import _template
from zhongben.rules.loader import load_library
from zhongben.rules.materialise import TABLE_PREFIX
from zhongben.rules.run import run_rule
from zhongben.rules.screen import screen, unchanged_tables

Identity = tuple[Any, Any]
ZB = "终结本次执行程序"
DEBTORS = f"""
  SELECT c.case_no, c.closed_on, p.id_no FROM cases c JOIN parties p ON p.case_no = c.case_no
  WHERE c.close_method = '{ZB}' AND c.closed_on <= $as_of AND p.role = '被执行人'
    AND p.id_no IS NOT NULL"""

HAND_SQL: dict[str, str] = {
    "ZB-01": f"""SELECT case_no, NULL FROM cases WHERE close_method = '{ZB}'
        AND closed_on <= $as_of AND closed_on <= CAST(filed_on + INTERVAL 3 MONTH AS DATE)""",
    "CC-01": f"""WITH d AS ({DEBTORS}), k AS (SELECT unnest(['存款','车辆','不动产','证券']) AS cat)
        SELECT DISTINCT d.case_no, d.id_no FROM d, k WHERE NOT EXISTS (
          SELECT 1 FROM actions a WHERE a.case_no = d.case_no AND a.action = '网络查控'
            AND a.target_type = k.cat AND a.acted_on <= d.closed_on
            AND (a.target_id IS NULL OR a.target_id = d.id_no))""",
    "DC-01": f"""WITH d AS ({DEBTORS}), a AS (
          SELECT plate AS id, owner_id, registered_on AS f, transferred_on AS t FROM vehicles
          UNION ALL SELECT unit_no, owner_id, acquired_on, disposed_on FROM real_estate)
        SELECT DISTINCT d.case_no, d.id_no FROM d JOIN a ON a.owner_id = d.id_no
          AND a.f <= d.closed_on AND (a.t IS NULL OR a.t > d.closed_on OR a.t > $as_of)
        WHERE NOT EXISTS (SELECT 1 FROM actions x WHERE x.case_no = d.case_no
          AND x.action IN ('查封','扣押','冻结') AND x.target_id = a.id
          AND x.acted_on <= $as_of)""",
    "DC-02": f"""WITH s AS (SELECT DISTINCT c.case_no, c.closed_on, a.target_id AS plate
          FROM cases c JOIN actions a ON a.case_no = c.case_no AND a.action = '查封'
            AND a.target_type = '车辆' AND a.acted_on <= $as_of
          WHERE c.close_method = '{ZB}' AND c.closed_on <= $as_of AND NOT EXISTS (
            SELECT 1 FROM actions k WHERE k.case_no = c.case_no AND k.action = '扣押'
              AND k.target_id = a.target_id AND k.acted_on <= $as_of))
        SELECT s.case_no, NULL FROM s JOIN vehicle_sightings v ON v.plate = s.plate
          AND CAST(v.seen_at AS DATE) > s.closed_on AND CAST(v.seen_at AS DATE) <= $as_of
        GROUP BY s.case_no HAVING count(*) >= 3""",
    "DC-04": f"""WITH d AS ({DEBTORS})
        SELECT d.case_no, d.id_no FROM d JOIN social_insurance s ON s.employer_uscc = d.id_no
          AND s.month > d.closed_on AND s.month <= $as_of
        GROUP BY d.case_no, d.id_no HAVING count(DISTINCT s.month) >= 3
        UNION
        SELECT d.case_no, d.id_no FROM d JOIN companies o ON o.uscc = d.id_no
          JOIN companies n ON n.uscc <> o.uscc AND n.established_on > d.closed_on
            AND n.established_on <= $as_of
            AND (n.address = o.address OR n.legal_rep_id = o.legal_rep_id)""",
}


def pandas_rules(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict[str, Callable[[], set]]:
    """What an analyst would write: load the tables, then merge and filter in pandas."""
    import pandas as pd

    day = pd.Timestamp(as_of)

    def load(table: str, columns: str) -> pd.DataFrame:
        frame = con.execute(f"SELECT {columns} FROM {table}").df()
        for col in frame.columns:
            if col.endswith(("_on", "_at")) or col == "month":
                frame[col] = pd.to_datetime(frame[col])
        return frame

    def debtors() -> pd.DataFrame:
        cases = load("cases", "case_no, closed_on, close_method")
        parties = load("parties", "case_no, role, id_no")
        cases = cases[(cases.close_method == ZB) & (cases.closed_on <= day)]
        parties = parties[(parties.role == "被执行人") & parties.id_no.notna()]
        return cases.merge(parties, on="case_no")[["case_no", "closed_on", "id_no"]]

    def zb01() -> set:
        c = load("cases", "case_no, filed_on, closed_on, close_method")
        c = c[(c.close_method == ZB) & (c.closed_on <= day)]
        limit = c.apply(lambda r: r.filed_on + pd.DateOffset(months=3), axis=1)
        return {(n, None) for n in c[c.closed_on <= limit].case_no}

    def cc01() -> set:
        d = debtors()
        a = load("actions", "case_no, action, acted_on, target_type, target_id")
        a = a[a.action == "网络查控"].merge(d.drop_duplicates(), on="case_no")
        # a search counts for the debtor it names, or for every debtor when it names nobody
        a = a[(a.acted_on <= a.closed_on) & (a.target_id.isna() | (a.target_id == a.id_no))]
        done = a.groupby(["case_no", "id_no"]).target_type.apply(set)
        core = {"存款", "车辆", "不动产", "证券"}
        d["done"] = [done.get((c, i)) for c, i in zip(d.case_no, d.id_no, strict=True)]
        missing = d[d.done.apply(lambda s: not isinstance(s, set) or not core <= s)]
        return set(zip(missing.case_no, missing.id_no, strict=True))

    def dc01() -> set:
        d = debtors()
        v = load("vehicles", "plate, owner_id, registered_on, transferred_on")
        r = load("real_estate", "unit_no, owner_id, acquired_on, disposed_on")
        v.columns = r.columns = ["asset", "owner_id", "since", "until"]
        held = d.merge(pd.concat([v, r]), left_on="id_no", right_on="owner_id")
        held = held[(held.since <= held.closed_on)
                    & (held.until.isna() | (held.until > held.closed_on))]  # fmt: skip
        a = load("actions", "case_no, action, target_id")
        seized = a[a.action.isin(["查封", "扣押", "冻结"])][["case_no", "target_id"]]
        held = held.merge(seized, left_on=["case_no", "asset"], right_on=["case_no", "target_id"],
                          how="left")  # fmt: skip
        held = held[held.target_id.isna()]
        return set(zip(held.case_no, held.id_no, strict=True))

    def dc02() -> set:
        c = load("cases", "case_no, closed_on, close_method")
        c = c[(c.close_method == ZB) & (c.closed_on <= day)]
        a = load("actions", "case_no, action, target_type, target_id")
        seized = a[(a.action == "查封") & (a.target_type == "车辆")]
        kept = a[a.action == "扣押"][["case_no", "target_id"]].assign(kept=True)
        s = c.merge(seized, on="case_no").merge(kept, on=["case_no", "target_id"], how="left")
        s = s[s.kept.isna()][["case_no", "closed_on", "target_id"]].drop_duplicates()
        v = load("vehicle_sightings", "plate, seen_at")
        m = s.merge(v, left_on="target_id", right_on="plate")
        m = m[m.seen_at.dt.normalize() > m.closed_on]
        counts = m.groupby("case_no").size()
        return {(n, None) for n in counts[counts >= 3].index}

    def dc04() -> set:
        d = debtors()
        s = load("social_insurance", "employer_uscc, month")
        m = d.merge(s, left_on="id_no", right_on="employer_uscc")
        m = m[m.month > m.closed_on]
        months = m.groupby(["case_no", "id_no"]).month.nunique()
        out = {k for k, n in months.items() if n >= 3}
        comp = load("companies", "uscc, address, legal_rep_id, established_on")
        old = d.merge(comp, left_on="id_no", right_on="uscc")
        for key in ("address", "legal_rep_id"):
            new = old.merge(comp, on=key, suffixes=("", "_new")).dropna(subset=[key])
            new = new[(new.uscc_new != new.uscc) & (new.established_on_new > new.closed_on)]
            out |= set(zip(new.case_no, new.id_no, strict=True))
        return out

    return {"ZB-01": zb01, "CC-01": cc01, "DC-01": dc01, "DC-02": dc02, "DC-04": dc04}


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def compare_five(con: duckdb.DuckDBPyConnection, as_of: dt.date, repeat: int) -> None:
    library = load_library()
    engine = DuckDBEngine(con)
    engine.prepare()
    pandas_impl = pandas_rules(con, as_of)
    start = time.perf_counter()
    whole = unchanged_tables(con, as_of)  # once per screen run, as screen() does
    print(f"（每次筛查一次：检查无筛查日后数据的表 {time.perf_counter() - start:.2f} s，"
          f"{len(whole)} 张表免用视图）")  # fmt: skip
    print(f"{'规则':<7}{'引擎 s':>9}{'手写SQL s':>11}{'pandas s':>10}{'引擎/手写':>10}"
          f"{'pandas/引擎':>12}  线索数  一致")  # fmt: skip
    totals = [0.0, 0.0, 0.0]
    for rule_id, sql in HAND_SQL.items():

        def engine_run(r: str = rule_id) -> list[Lead]:
            _template.cache_clear()  # count compilation every time, as in a fresh screen
            return run_rule(engine, library[r], as_of, None, whole)

        t_engine, leads = timed(engine_run, repeat)
        t_hand, rows = timed(lambda s=sql: con.execute(s, {"as_of": as_of}).fetchall(), repeat)
        t_pandas, found = timed(pandas_impl[rule_id], 1)
        ids = {(lead.case_no, lead.subject_id) for lead in leads}
        same = ids == set(rows) == found
        totals = [totals[0] + t_engine, totals[1] + t_hand, totals[2] + t_pandas]
        print(
            f"{rule_id:<7}{t_engine:>9.3f}{t_hand:>11.3f}{t_pandas:>10.2f}"
            f"{t_engine / t_hand:>10.2f}{t_pandas / t_engine:>12.1f}  {len(ids):>6}  "
            f"{'是' if same else f'否 (手写 {len(set(rows))}, pandas {len(found)})'}"
        )
    e, h, p = totals
    print(f"{'合计':<7}{e:>9.3f}{h:>11.3f}{p:>10.2f}{e / h:>10.2f}{p / e:>12.1f}")


@dataclasses.dataclass
class FullRun:
    share: bool
    wall: float
    peak_gb: float  # the process's peak RSS
    spill_gb: float  # the peak size of DuckDB's temp directory
    rules: int
    leads: int
    digest: str  # of every lead's fields, in the screen's order
    per_rule: dict[str, float]
    stored: list[tuple[str, float, int]]  # each table stored once: name, seconds, rows


def full_library(db: str, as_of: dt.date, share: bool) -> FullRun:
    """One full screen in this (fresh) process; the leads are stored into ``db``."""
    con = duckdb.connect(db)
    con.execute("SET enable_progress_bar = false")  # a spawned process would draw it on stdout
    spill = Path(f"{db}.tmp")  # DuckDB's temp directory for a workspace file
    peak_spill = [0]
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.5):
            size = sum(f.stat().st_size for f in spill.glob("*") if f.is_file())
            peak_spill[0] = max(peak_spill[0], size)

    per_rule: dict[str, float] = {}
    last = [time.perf_counter()]

    def progress(rule_id: str, _done: int, _total: int) -> None:
        now = time.perf_counter()
        per_rule[rule_id] = now - last[0]
        last[0] = now

    stored: list[tuple[str, float, int]] = []
    materialise = DuckDBEngine.materialise

    def timed_materialise(engine: DuckDBEngine, name: str, sql: str) -> None:
        begin = time.perf_counter()
        materialise(engine, name, sql)
        rows = engine.con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
        stored.append((name, time.perf_counter() - begin, rows))

    DuckDBEngine.materialise = timed_materialise  # type: ignore[method-assign,assignment]
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = last[0] = time.perf_counter()
    result = screen(con, as_of, progress=progress, share=share)
    wall = time.perf_counter() - start
    stop.set()
    watcher.join()
    con.close()
    records = repr([dataclasses.asdict(lead) for lead in result.leads]).encode()
    return FullRun(
        share,
        wall,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024,
        peak_spill[0] / 1024**3,
        len(result.rules),
        len(result.leads),
        hashlib.sha256(records).hexdigest(),
        per_rule,
        stored,
    )


def compare_full(source: Path, tmp: Path, as_of: dt.date) -> None:
    """The full library without, then with, shared views computed once per screen."""
    runs: list[FullRun] = []
    context = multiprocessing.get_context("spawn")  # a fresh process: its own peak RSS
    for share in (False, True):
        db = tmp / f"full_{int(share)}.duckdb"
        shutil.copy(source, db)
        with context.Pool(1) as pool:
            runs.append(pool.apply(full_library, (str(db), as_of, share)))
        db.unlink()
    label = {False: "每条规则内联共用视图", True: "共用视图每次筛查只算一次"}
    for run in runs:
        print(f"全部 {run.rules} 条规则（{label[run.share]}）：{run.wall:.1f} s，"
              f"线索 {run.leads:,} 条，峰值内存 {run.peak_gb:.2f} GB（目标 ≤ 8 GB），"
              f"临时目录峰值 {run.spill_gb:.2f} GB")  # fmt: skip
    inlined, shared = runs
    print(f"  只算一次 / 内联 = {shared.wall / inlined.wall:.2f}，"
          f"省 {inlined.wall - shared.wall:.1f} s；线索完全相同："
          f"{'是' if shared.digest == inlined.digest else '否'}")  # fmt: skip
    print("  存表（只算一次时）：" + "，".join(
        f"{name.removeprefix(TABLE_PREFIX).rsplit('_', 1)[0]} {seconds:.1f} s {rows:,} 行"
        for name, seconds, rows in shared.stored))  # fmt: skip
    library = load_library()
    readers = [r for r in library if library[r].used]
    print("  读共用视图的规则（内联 s → 只算一次 s）：" + "，".join(
        f"{r} {inlined.per_rule[r]:.1f} → {shared.per_rule[r]:.1f}" for r in readers))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="an ingested workspace")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for engine and hand SQL")
    parser.add_argument("--skip-full", action="store_true", help="only the five rules")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.db.parent) as tmp:
        con = duckdb.connect(str(args.db), read_only=True)
        cases = con.execute("SELECT count(*) FROM cases").fetchall()[0][0]
        con.close()
        print(f"工作库 {args.db}：{cases:,} 件案件，筛查日期 {args.as_of}")
        if not args.skip_full:  # the screen stores leads: never touch the given workspace
            compare_full(args.db, Path(tmp), args.as_of)
        con = duckdb.connect(str(args.db), read_only=True)
        compare_five(con, args.as_of, args.repeat)
        con.close()


if __name__ == "__main__":
    main()
