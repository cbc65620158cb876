"""Court documents read by ``zhongben extract`` (OCR and field extraction): one row per document.
Rules of family L (WS-01 … WS-03) read this table."""

from __future__ import annotations

from zhongben.contracts.model import Column, Kind, Table, col

DOCUMENT_KINDS = (
    "终结本次执行程序裁定书", "终结执行裁定书", "查封冻结扣划裁定书", "恢复执行裁定书",
    "执行裁定书",
    "执行通知书", "结案通知书", "恢复执行通知书", "限制消费令", "报告财产令", "失信决定书", "其他",
)
YES_NO = ("是", "否")
YES_NO_SYNONYMS = {"true": "是", "false": "否", "1": "是", "0": "否", "True": "是", "False": "否",
                   "Y": "是", "N": "否", "有": "是", "无": "否"}


def _flag(name: str, zh: str, *synonyms: str, doc: str = "") -> Column:
    return col(name, zh, Kind.ENUM, *synonyms, values=YES_NO, value_synonyms=YES_NO_SYNONYMS,
               doc=doc)


DOCUMENTS = Table(
    name="documents", zh="法律文书", group="documents", key=("doc_id",),
    synonyms=("文书", "裁判文书", "执行文书", "文书信息"),
    doc="One row per court document read by extraction (file, kind, dates, flags, citations).",
    columns=(
        col("doc_id", "文书编号", Kind.CODE, "文书ID", required=True,
            doc="file name and a hash of the text read"),
        col("case_no", "案号", Kind.CASE_NO, "执行案号", required=True,
            doc="the case the document belongs to (without 之一 suffix)"),
        col("doc_no", "文书号", Kind.TEXT, "文书案号", doc="as printed, with 之一/之二 suffix"),
        col("kind", "文书类型", Kind.ENUM, "文书种类", required=True, values=DOCUMENT_KINDS,
            open_values=True),
        col("title", "标题", Kind.TEXT, "文书标题"),
        col("court", "法院", Kind.TEXT, "执行法院", "作出法院"),
        col("ruled_on", "落款日期", Kind.DATE, "裁定日期", "文书日期", "作出日期"),
        col("filed_on", "立案日期", Kind.DATE),
        col("closed_on", "结案日期", Kind.DATE, "终结日期"),
        col("basis_no", "执行依据文号", Kind.CASE_NO, "执行依据"),
        col("claim_amount", "申请执行标的金额", Kind.AMOUNT, "执行标的"),
        col("paid_amount", "执行到位金额", Kind.AMOUNT, "到位金额"),
        col("outstanding_amount", "未履行金额", Kind.AMOUNT, "尚欠金额", "未执行到位金额"),
        _flag("states_property_search", "载明财产调查", "财产调查情况",
              doc="the document reports a property search (查询/查控/调查 …)"),
        col("searches", "财产调查项目", Kind.TEXT, "查控项目",
            doc="categories searched, ';'-separated: 网络查控;存款;车辆;不动产 …"),
        _flag("restricts_consumption", "已限制消费", "限制消费"),
        _flag("lists_dishonest", "已纳入失信", "纳入失信"),
        _flag("informs_resume_right", "告知恢复执行权利", "告知申请恢复执行",
              doc="the body tells the applicant it may apply to resume when property is found"),
        col("cited_articles", "援引条文", Kind.TEXT, "法律依据",
            doc="';'-separated, e.g. 民诉法解释第517条;民事诉讼法第264条"),
        col("source_file", "源文件", Kind.TEXT, "文件名"),
        col("pages", "页数", Kind.INTEGER),
        col("method", "读取方式", Kind.TEXT, doc="text-pdf, ocr-pdf, ocr-image, docx, txt, html"),
        col("confidence", "置信度", Kind.NUMBER, doc="the lowest field confidence, 0–1"),
        col("warnings", "提示", Kind.TEXT),
    ),
)

DOCUMENT_TABLES: tuple[Table, ...] = (DOCUMENTS,)
