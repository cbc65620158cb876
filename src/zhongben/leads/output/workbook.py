"""The Chinese workbook a prosecutor opens and filters: a summary sheet (leads per model, court,
severity), one sheet per model with explanation, legal basis and evidence (amounts as numbers,
dates as Excel dates, autofilter, frozen header), and a 说明 sheet with each rule's explanation
and legal basis."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xlsxwriter.worksheet import Worksheet

from zhongben.leads.model import Lead
from zhongben.leads.output.labels import (
    SEVERITY_ZH,
    basis_text,
    evidence_text,
    template_text,
    terms_text,
)
from zhongben.protect.cells import new_workbook
from zhongben.protect.mark import ExportMark
from zhongben.protect.stamp import stamp_xlsx

SUMMARY = "汇总"
NOTES = "说明"
NO_SUBJECT = "（针对案件本身，当事人见该案被执行人）"
COLUMNS: tuple[tuple[str, int], ...] = (
    ("评分", 8), ("规则编号", 9), ("规则名称", 22), ("严重程度", 8), ("案号", 24),
    ("当事人", 12), ("证件号码", 20), ("执行法院", 18), ("未履行金额（元）", 14), ("民生案件", 8),
    ("线索说明", 60), ("法律依据", 40), ("证据（来源文件、行号、批次）", 70), ("评分构成", 50),
    ("筛查日期", 11), ("规则版本", 8), ("线索编号", 42),
)  # fmt: skip
_INVALID = str.maketrans({c: "_" for c in "[]:*?/\\"})


def write_xlsx(leads: Sequence[Lead], path: Path, mark: ExportMark | None = None) -> None:
    workbook = new_workbook(str(path))
    try:
        styles = {
            "head": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "money": workbook.add_format({"num_format": "#,##0.00", "valign": "top"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        }
        _summary(workbook.add_worksheet(SUMMARY), leads, styles)
        by_model: dict[str, list[Lead]] = {}
        for lead in leads:
            by_model.setdefault(lead.family or "其他", []).append(lead)
        for model, rows in sorted(by_model.items()):
            _model_sheet(workbook.add_worksheet(sheet_name(model)), rows, styles)
        _notes_sheet(workbook.add_worksheet(NOTES), leads, styles)
        if mark is not None:
            stamp_xlsx(workbook, mark)
    finally:
        workbook.close()


def sheet_name(model: str) -> str:
    return model.translate(_INVALID)[:31]


def _summary(sheet: Worksheet, leads: Sequence[Lead], styles: dict[str, Any]) -> None:
    sheet.write(0, 0, f"线索总数：{len(leads)}", styles["head"])
    column = 0
    for title, counter in (
        ("模型", Counter(lead.family for lead in leads)),
        ("执行法院", Counter(lead.court or "（无案件）" for lead in leads)),
        ("严重程度", Counter(SEVERITY_ZH.get(lead.severity, lead.severity) for lead in leads)),
    ):
        sheet.write(2, column, title, styles["head"])
        sheet.write(2, column + 1, "线索数", styles["head"])
        for row, (key, count) in enumerate(counter.most_common(), start=3):
            sheet.write(row, column, key)
            sheet.write_number(row, column + 1, count)
        sheet.set_column(column, column, 24)
        column += 3
    sheet.freeze_panes(3, 0)


def _model_sheet(sheet: Worksheet, leads: Sequence[Lead], styles: dict[str, Any]) -> None:
    for col, (title, width) in enumerate(COLUMNS):
        sheet.write(0, col, title, styles["head"])
        sheet.set_column(col, col, width, styles["wrap"] if width >= 40 else None)
    for row, lead in enumerate(leads, start=1):
        for col, value in enumerate(_row(lead)):
            if col == 8 and value is not None:
                sheet.write_number(row, col, float(value), styles["money"])
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()),
                                     styles["date"])
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(row, col, value)
            else:
                sheet.write_string(row, col, "" if value is None else str(value))
    sheet.autofilter(0, 0, max(len(leads), 1), len(COLUMNS) - 1)
    sheet.freeze_panes(1, 0)


def _row(lead: Lead) -> list[Any]:
    return [
        lead.score, lead.rule_id, lead.rule_name, SEVERITY_ZH.get(lead.severity, lead.severity),
        lead.case_no or "（跨案件）", lead.subject_name or (NO_SUBJECT if lead.case_no else ""),
        lead.subject_id, lead.court, lead.unpaid_amount,
        "是" if lead.livelihood else "否", lead.explanation, basis_text(lead.legal_basis),
        evidence_text(lead.evidence), terms_text(lead.score_terms, lead.score),
        lead.as_of, lead.rule_version, lead.key,
    ]  # fmt: skip


def _notes_sheet(sheet: Worksheet, leads: Sequence[Lead], styles: dict[str, Any]) -> None:
    """What the columns mean, and each rule's explanation and legal basis."""
    rules: dict[str, Lead] = {}
    for lead in leads:
        rules.setdefault(lead.rule_id, lead)
    rows = [("评分", "各项因子相乘：严重程度 × 未履行金额 × 民生案件 × 证据强度 × 重复信号"),
            ("未履行金额", "单位为元，数值格式"), ("筛查日期", "Excel 日期格式"),
            *[(f"{rid} {lead.rule_name}", f"说明：{template_text(rid)}\n"
               f"法律依据：{basis_text(lead.legal_basis)}") for rid, lead in sorted(rules.items())]]
    for col, title in enumerate(("项目", "说明")):
        sheet.write(0, col, title, styles["head"])
    for row, (item, text) in enumerate(rows, start=1):
        sheet.write_string(row, 0, item)
        sheet.write_string(row, 1, text, styles["wrap"])
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 100)
    sheet.autofilter(0, 0, len(rows), 1)
    sheet.freeze_panes(1, 0)
