"""The per-debtor flow report: where the money leaving a debtor's accounts went, hop by hop, and
where each chain ends — as a table of traced paths (CSV), a picture (PNG) and an interactive page
(HTML, offline). Everything shown is read from the statements; nothing is inferred."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

import duckdb
import rustworkx as rx

from zhongben.graph.links import debtor_links
from zhongben.graph.moves import MOVES_TABLE, build_moves
from zhongben.graph.trace import (
    TARGETS_TABLE,
    Seed,
    TracedPath,
    TraceParams,
    register_seeds,
    trace,
    traced_paths,
)
from zhongben.protect.cells import csv_cell

REPORT_PARAMS = TraceParams(hops=3, window_days=30, min_amount=10_000)
LOOKBACK_DAYS = 365
MAX_CYCLES = 20


def _same(value: str) -> str:
    return value


@dataclass(frozen=True)
class Shown:
    """How identifiers appear to the reader: as they are (the default), or masked for a reader
    who may not see them (account numbers, ID numbers, and both inside free text)."""

    account: Callable[[str], str] = _same
    id_no: Callable[[str], str] = _same
    text: Callable[[str], str] = _same


@dataclass
class FlowReport:
    debtor_id: str
    debtor_name: str
    as_of: dt.date
    params: TraceParams
    since: dt.datetime | None
    own_accounts: list[str]
    labels: dict[str, str]  # account → 户名（与被执行人关系）
    kinds: dict[str, str]  # account → own / linked / other / not_obtained
    paths: list[TracedPath] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    cycles: list[list[str]] = field(default_factory=list)
    shown: Shown = field(default_factory=Shown)
    cited: list[str] = field(default_factory=list)  # accounts the lead cites, traced as seeds

    def label(self, account: str | None) -> str:
        if account is None:
            return "（无对方账号）"
        return f"{self.labels.get(account, '户名未知')}（{self.shown.account(account)}）"

    def account(self, account: str) -> str:
        return self.shown.account(account)

    def debtor(self) -> str:
        """The debtor's ID number as the reader may see it."""
        return self.shown.id_no(self.debtor_id)

    def note(self, text: str | None) -> str:
        """Free text from a statement (summary, file name) as the reader may see it: the
        report's account numbers in it are shown like the accounts themselves."""
        if not text:
            return ""
        if self.shown.account is not _same:
            for account in sorted(self.labels, key=len, reverse=True):
                if len(account) > 4:  # a short key would match inside ordinary words
                    text = text.replace(account, self.shown.account(account))
        return self.shown.text(text)

    def masked(self, shown: Shown) -> FlowReport:
        """The same report, identifiers shown through ``shown``."""
        return replace(self, shown=shown)


def build_flow_report(
    con: duckdb.DuckDBPyConnection,
    debtor_id: str,
    as_of: dt.date,
    params: TraceParams = REPORT_PARAMS,
    lookback_days: int = LOOKBACK_DAYS,
    cited: Sequence[str] = (),
) -> FlowReport:
    """Trace from every account the debtor holds — and from every account ``cited`` by the lead
    the report is opened from (its evidence's payers, payees and counterparties), so the report
    follows the money the lead speaks of — and collect what the report shows."""
    name, filed_on = _debtor(con, debtor_id, as_of)
    since = (
        dt.datetime.combine(filed_on - dt.timedelta(days=lookback_days), dt.time())
        if filed_on
        else None
    )
    own = [
        a
        for (a,) in con.execute(
            "SELECT account_no FROM bank_accounts WHERE holder_id = ? ORDER BY account_no",
            [debtor_id],
        ).fetchall()
    ]
    build_moves(con, as_of, params.min_amount)
    extra = sorted({a for a in cited if a and a not in own})
    register_seeds(con, [Seed(debtor_id, account, since) for account in [*own, *extra]])
    linked = _register_targets(con, debtor_id)
    report = FlowReport(debtor_id, name, as_of, params, since, own, {}, {}, cited=extra)
    report.counts = trace(con, params)
    report.paths = sorted(traced_paths(con, debtor_id), key=_path_order)
    _label_accounts(con, report, linked)
    report.cycles = find_cycles(con, report)
    return report


def _debtor(
    con: duckdb.DuckDBPyConnection, debtor_id: str, as_of: dt.date
) -> tuple[str, dt.date | None]:
    rows = con.execute(
        "SELECT MIN(p.name), MIN(c.filed_on) FROM parties AS p "
        "LEFT JOIN cases AS c ON c.case_no = p.case_no AND c.filed_on <= ? "
        "WHERE p.id_no = ? AND p.role = '被执行人'",
        [as_of, debtor_id],
    ).fetchall()
    name, filed_on = rows[0] if rows else (None, None)
    if name is None:
        holder = con.execute(
            "SELECT MIN(holder_name) FROM bank_accounts WHERE holder_id = ?", [debtor_id]
        ).fetchall()
        name = holder[0][0] if holder and holder[0][0] else "（姓名未知）"
    return str(name), filed_on


def _register_targets(con: duckdb.DuckDBPyConnection, debtor_id: str) -> dict[str, str]:
    """Accounts of the debtor's relatives and linked companies (the chains' targets)."""
    links = {
        linked: link
        for linked, kind, link in debtor_links(con, debtor_id)
        if kind in ("kin", "head", "company", "employee")
    }
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {TARGETS_TABLE} "
        "(seed_id VARCHAR, account_no VARCHAR, label VARCHAR)"
    ).fetchall()
    accounts: dict[str, str] = {}
    for linked, link in links.items():
        for account, holder in con.execute(
            "SELECT account_no, holder_name FROM bank_accounts WHERE holder_id = ?", [linked]
        ).fetchall():
            accounts[account] = f"{holder or ''}（{link}）"
            con.execute(
                f"INSERT INTO {TARGETS_TABLE} VALUES (?, ?, ?)", [debtor_id, account, link]
            ).fetchall()
    return accounts


def _label_accounts(
    con: duckdb.DuckDBPyConnection, report: FlowReport, linked: dict[str, str]
) -> None:
    accounts = {h.to_account for p in report.paths for h in p.hops if h.to_account}
    accounts |= set(report.own_accounts) | set(report.cited)
    names = {h.to_account: h.to_name for p in report.paths for h in p.hops if h.to_name}
    obtained = {
        a for (a,) in con.execute("SELECT account_no FROM zb_statement_accounts").fetchall()
    }
    for account in accounts:
        rows = con.execute(
            "SELECT holder_name FROM bank_accounts WHERE account_no = ?", [account]
        ).fetchall()
        holder = rows[0][0] if rows and rows[0][0] else names.get(account) or "户名未知"
        if account in report.own_accounts:
            report.labels[account], report.kinds[account] = f"{holder}（本人）", "own"
        elif account in linked:
            report.labels[account], report.kinds[account] = linked[account], "linked"
        elif account in report.cited:
            report.labels[account], report.kinds[account] = f"{holder}（线索所指账户）", "cited"
        else:
            report.labels[account] = holder
            report.kinds[account] = "other" if account in obtained else "not_obtained"


REPORT_ORDER = ("target", "not_obtained", "cash", "no_account", "stayed", "max_hops")


def _path_order(path: TracedPath) -> tuple[int, dt.datetime, float]:
    rank = REPORT_ORDER.index(path.end_kind)
    return (rank, path.hops[0].txn_at, -path.hops[0].amount)


def find_cycles(con: duckdb.DuckDBPyConnection, report: FlowReport) -> list[list[str]]:
    """Money that comes back: simple cycles (rustworkx) among the accounts the report shows,
    over every move between them — a hint to look at, not a finding (FL-04 is the rule)."""
    accounts = sorted(report.labels)
    if len(accounts) < 2:
        return []
    graph: rx.PyDiGraph = rx.PyDiGraph()
    index = {a: graph.add_node(a) for a in accounts}
    rows = con.execute(
        f"SELECT DISTINCT from_account, to_account FROM {MOVES_TABLE} "
        "WHERE from_account IN (SELECT unnest($a)) AND to_account IN (SELECT unnest($a))",
        {"a": accounts},
    ).fetchall()
    for src, dst in rows:
        if src != dst:
            graph.add_edge(index[src], index[dst], None)
    cycles = []
    for cycle in rx.simple_cycles(graph):
        cycles.append([accounts[i] for i in cycle])
        if len(cycles) >= MAX_CYCLES:
            break
    return cycles


PATH_COLUMNS = (
    "序号",
    "层数",
    "层次",
    "转出账户",
    "转入账户",
    "交易时间",
    "金额（元）",
    "摘要",
    "来源文件",
    "行号",
    "链条终点",
    "终点说明",
)


AMOUNT_COLUMN = PATH_COLUMNS.index("金额（元）")
# 序号, 层数, 层次, 转出账户, 转入账户, 交易时间, 金额, 摘要, 来源文件, 行号, 链条终点, 终点说明
PathRow = tuple[int, int, int, str, str, str, float, str, str, int | str, str, str]


def path_rows(report: FlowReport) -> list[PathRow]:
    """The traced paths, one row per hop, in the order of ``PATH_COLUMNS`` — what the CSV, the
    Excel export and the web page show."""
    rows = []
    for number, traced in enumerate(report.paths, start=1):
        end = report.label(traced.hops[-1].to_account)
        for level, hop in enumerate(traced.hops, start=1):
            rows.append((
                number,
                len(traced.hops),
                level,
                report.label(hop.from_account),
                report.label(hop.to_account),
                f"{hop.txn_at:%Y-%m-%d %H:%M}",
                hop.amount,
                report.note(hop.summary),
                report.note(PurePath(hop.file).name if hop.file else None),
                hop.row or "",
                end,
                traced.end_text,
            ))
    return rows


def write_paths_csv(report: FlowReport, path: Path) -> None:
    """The traced paths, one row per hop (UTF-8 with BOM so Excel opens it)."""
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(PATH_COLUMNS)
        for row in path_rows(report):
            cells: list[object] = list(row)
            cells[AMOUNT_COLUMN] = f"{row[AMOUNT_COLUMN]:.2f}"
            writer.writerow([csv_cell(cell) for cell in cells])


def write_flow_report(
    con: duckdb.DuckDBPyConnection,
    debtor_id: str,
    out_dir: Path,
    as_of: dt.date,
    params: TraceParams = REPORT_PARAMS,
) -> list[Path]:
    """Write paths.csv, flows.png and flows.html for one debtor into ``out_dir``."""
    from zhongben.graph.render import write_html, write_png

    report = build_flow_report(con, debtor_id, as_of, params)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "paths.csv", out_dir / "flows.png"]
    write_paths_csv(report, written[0])
    write_png(report, written[1])
    written += write_html(report, out_dir / "flows.html")
    return written
