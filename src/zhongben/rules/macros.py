"""Engine-aware helper functions a rule may call; each expands per dialect on the SQLGlot AST.

Dates are where DuckDB and Spark silently disagree (docs in design.md, "Portable SQL"), so rules
never do date arithmetic directly: they call these helpers, which expand to SQL with the same
meaning on every engine (same-day-number months clamped to the month's end; whole calendar days;
working days from the ``zb_calendar`` table the engine registers).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sqlglot
from sqlglot import exp

CALENDAR_TABLE = "zb_calendar"
DIALECTS = ("duckdb", "spark")


@dataclass(frozen=True)
class Macro:
    name: str
    args: tuple[str, ...]
    doc: str  # Chinese, for rule authors
    templates: dict[str, str]  # dialect -> SQL with __a0, __a1 … standing for the arguments


_AGE = (
    "YEAR(__a1) - YEAR(__a0) - CASE WHEN MONTH(__a1) * 100 + DAY(__a1)"
    " < MONTH(__a0) * 100 + DAY(__a0) THEN 1 ELSE 0 END"
)
# TRY_CAST inside the helper only: DuckDB's CAST raises on an impossible date, Spark's returns null
_BIRTH = (
    "CASE WHEN LENGTH(__a0) = 18 THEN TRY_CAST(CONCAT(SUBSTR(__a0, 7, 4), '-',"
    " SUBSTR(__a0, 11, 2), '-', SUBSTR(__a0, 13, 2)) AS DATE) END"
)
_WORKDAYS = (
    "(SELECT MIN(__w.day) FROM zb_calendar AS __s JOIN zb_calendar AS __w"
    " ON __w.workday_index = __s.workday_index + __a1 AND __w.is_workday"
    " WHERE __s.day = __a0)"
)

MACROS: dict[str, Macro] = {
    m.name: m
    for m in (
        Macro(
            "zb_add_months",
            ("日期", "月数"),
            "日期加 N 个月，取同一日号，无此日则取月末（2023-01-31 加 1 个月 = 2023-02-28）",
            {
                "duckdb": "CAST(__a0 + TO_MONTHS(CAST(__a1 AS INTEGER)) AS DATE)",
                "spark": "ADD_MONTHS(__a0, __a1)",
            },
        ),
        Macro(
            "zb_add_days",
            ("日期", "天数"),
            "日期加 N 个自然日（N 可为负）",
            {
                "duckdb": "CAST(__a0 + TO_DAYS(CAST(__a1 AS INTEGER)) AS DATE)",
                "spark": "DATE_ADD(__a0, __a1)",
            },
        ),
        Macro(
            "zb_days_between",
            ("起日", "止日"),
            "止日减起日的自然日数（时间戳先取日期）",
            {
                "duckdb": "DATE_DIFF('day', CAST(__a0 AS DATE), CAST(__a1 AS DATE))",
                "spark": "DATEDIFF(CAST(__a1 AS DATE), CAST(__a0 AS DATE))",
            },
        ),
        Macro(
            "zb_add_workdays",
            ("日期", "工作日数"),
            "日期之后第 N 个工作日（中国法定节假日及调休，zb_calendar 表）",
            {"duckdb": _WORKDAYS, "spark": _WORKDAYS},
        ),
        Macro(
            "zb_month_index",
            ("日期",),
            "月序号 年×12+月，相邻月份相差 1（用于连续月份判断）",
            {"duckdb": "YEAR(__a0) * 12 + MONTH(__a0)", "spark": "YEAR(__a0) * 12 + MONTH(__a0)"},
        ),
        Macro(
            "zb_id_birth",
            ("身份证号",),
            "18 位身份证号中的出生日期（不是日期时为空）",
            {"duckdb": _BIRTH, "spark": _BIRTH},
        ),
        Macro(
            "zb_age",
            ("出生日期", "日期"),
            "某日的周岁年龄",
            {"duckdb": _AGE, "spark": _AGE},
        ),
    )
}
EVIDENCE = "zb_evidence"  # select-list only: zb_evidence(alias, col, …), expanded by compile.py


def expand_macros(tree: exp.Expr, dialect: str) -> exp.Expr:
    """Replace every macro call in ``tree`` (innermost first) by its expansion for ``dialect``."""
    calls = [node for node in tree.find_all(exp.Anonymous) if str(node.name).lower() in MACROS]
    # find_all is pre-order: reversed expands nested calls first; the index keeps aliases unique
    for index, call in enumerate(reversed(calls), start=1):
        call.replace(_expand(call, dialect, index))
    return tree


def _expand(call: exp.Anonymous, dialect: str, suffix: int) -> exp.Expr:
    template = _template(str(call.name).lower(), dialect).copy()
    args = list(call.expressions)
    for column in list(template.find_all(exp.Column)):
        name = column.name
        if name.startswith("__a"):
            column.replace(args[int(name[3:])].copy())
    for ident in template.find_all(exp.Identifier):
        if ident.name in ("__s", "__w"):
            ident.set("this", f"zbc{suffix}{ident.name[1:]}")
    return exp.paren(template) if not isinstance(template, exp.Subquery) else template


@lru_cache(maxsize=64)
def _template(name: str, dialect: str) -> exp.Expr:
    return sqlglot.parse_one(MACROS[name].templates[dialect], read=dialect)


def macro_arity_problem(call: exp.Anonymous) -> str | None:
    """A Chinese message when a macro call has the wrong number of arguments."""
    macro = MACROS[str(call.name).lower()]
    if len(call.expressions) != len(macro.args):
        return f"{macro.name} 需要 {len(macro.args)} 个参数（{'、'.join(macro.args)}）"
    return None
