"""The portable subset: SQL constructs a rule may not use, as data, with the reason in Chinese.

Each either fails on Spark or silently changes meaning between DuckDB and Spark (design.md,
"Portable SQL"). Date arithmetic goes through the helpers in ``macros.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

_DATES = "日期运算在 DuckDB 与 Spark 上含义不同：请用 zb_add_days / zb_add_months / zb_days_between"

FORBIDDEN_NODES: dict[type[exp.Expr], str] = {
    exp.Interval: "INTERVAL：" + _DATES,
    exp.DateDiff: _DATES,
    exp.DateAdd: _DATES,
    exp.DateSub: _DATES,
    exp.AddMonths: _DATES,
    exp.MonthsBetween: _DATES,
    exp.TsOrDsAdd: _DATES,
    exp.TimestampDiff: _DATES,
    exp.TimestampAdd: _DATES,
    exp.DatetimeDiff: _DATES,
    exp.DatetimeAdd: _DATES,
    exp.DayOfWeek: "星期几的编号在各引擎不同：请用 zb_calendar.is_workday",
    exp.DayOfWeekIso: "星期几的编号在各引擎不同：请用 zb_calendar.is_workday",
    exp.Try: "TRY() 在 Spark 上不可用",
    exp.TryCast: "TRY_CAST 在各引擎行为不同：请用 CAST",
    exp.RegexpReplace: "regexp_replace 在 DuckDB 只替换第一处、在 Spark 替换全部",
    exp.ArrayAgg: "array_agg 的顺序在 Spark 上不保证：证据请用 zb_evidence",
    exp.GroupConcat: "string_agg 的顺序在 Spark 上不保证",
    exp.Lambda: "lambda 表达式不可移植",
    exp.Pivot: "PIVOT 不可移植",
}


def _asof_join(node: exp.Expr) -> bool:
    return isinstance(node, exp.Join) and str(node.args.get("method") or "").upper() == "ASOF"


def _union_by_name(node: exp.Expr) -> bool:
    return isinstance(node, exp.SetOperation) and bool(node.args.get("by_name"))


def _distinct_window(node: exp.Expr) -> bool:
    return isinstance(node, exp.Window) and node.find(exp.Distinct) is not None


def _substring_zero(node: exp.Expr) -> bool:
    start = node.args.get("start") if isinstance(node, exp.Substring) else None
    return isinstance(start, exp.Literal) and start.this in ("0", 0)


def _star_modifiers(node: exp.Expr) -> bool:
    return isinstance(node, exp.Star) and any(
        node.args.get(k) for k in ("except", "replace", "rename")
    )


def _distinct_on(node: exp.Expr) -> bool:
    return isinstance(node, exp.Distinct) and node.args.get("on") is not None


FORBIDDEN_SHAPES: tuple[tuple[Callable[[exp.Expr], bool], str], ...] = (
    (_asof_join, "ASOF JOIN 在 Spark 上不可用：请用 NOT EXISTS 或窗口函数"),
    (_union_by_name, "UNION BY NAME 在 Spark 上不可用：请按列序 UNION ALL"),
    (_distinct_window, "count(DISTINCT …) OVER 在 Spark 上不可用"),
    (_substring_zero, "substring 从 0 开始在各引擎含义不同：位置从 1 开始"),
    (_star_modifiers, "SELECT * EXCLUDE/REPLACE 不可移植：请列出列名"),
    (_distinct_on, "DISTINCT ON 不可移植：请用 QUALIFY row_number() = 1"),
)


def unportable(node: exp.Expr) -> str | None:
    """The Chinese reason ``node`` is outside the portable subset, or None."""
    for kind, reason in FORBIDDEN_NODES.items():
        if isinstance(node, kind):
            return reason
    for test, reason in FORBIDDEN_SHAPES:
        if test(node):
            return reason
    return None
