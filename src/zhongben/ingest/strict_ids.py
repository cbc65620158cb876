"""A data-request template coming back (数据要素模版): an ID whose check digit fails is not kept
as "flagged" as in other files but quarantined, with its sheet, row and column, so the agency
corrects it — the template told it the check digit must be right."""

from __future__ import annotations

import duckdb

from zhongben.identifiers.describe import describe_id_no, describe_uscc
from zhongben.ingest.plan import SheetPlan
from zhongben.ingest.rows import Loaded, label
from zhongben.ingest.sql_text import ident

Problem = tuple[int, str, str | None, str]


def invalid_id_problems(con: duckdb.DuckDBPyConnection, plan: SheetPlan,
                        loaded: Loaded) -> list[Problem]:
    """The rows of this load holding an ID that failed its check; they are set aside."""
    problems: list[Problem] = []
    for mapped in plan.columns:
        column = mapped.column
        if mapped.source is None or column.invalid_column is None:
            continue
        rows = con.execute(
            f"SELECT _row, {ident(column.invalid_column)} FROM {loaded.sql} "
            f"WHERE {ident(column.invalid_column)} IS NOT NULL ORDER BY _row").fetchall()
        problems += [(int(row), label(column), value, _reason(value)) for row, value in rows]
    if problems:
        loaded.set_aside(", ".join(str(p[0]) for p in problems))
    return sorted(problems)


def _reason(value: str) -> str:
    described = describe_id_no(value)
    if described.get("error", "").startswith("不是18位") and len(value) == 18:
        described = describe_uscc(value)
    error = described.get("error") or "证件号码校验未通过"
    return f"{error}（数据要素模版中的证件号码须通过校验，请填报单位核对后重新报送）"
