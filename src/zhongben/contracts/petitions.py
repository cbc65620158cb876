"""Petitions (申请监督) a procuratorate receives through 12309 (website, hotline), letters and
visits: one row per petition. ``zhongben petitions match`` links each to its case and screens
it at once (docs/reference/petitions.md)."""

from __future__ import annotations

from zhongben.contracts.model import Kind, Personal, Table, col

CHANNELS = ("12309网站", "12309热线", "来信", "来访")
CHANNEL_SYNONYMS = {
    "12309": "12309网站", "网站": "12309网站", "网上信访": "12309网站", "12309网上": "12309网站",
    "12309检察服务中心": "12309网站", "网络": "12309网站", "热线": "12309热线",
    "电话": "12309热线", "12309电话": "12309热线", "信件": "来信", "来信来件": "来信",
    "走访": "来访", "当面": "来访", "窗口": "来访",
}

PETITIONS = Table(
    name="petitions", zh="申请监督", group="petitions", key=("petition_no",),
    synonyms=("信访件", "12309申请", "监督申请", "申请监督登记", "来信来访"),
    doc="One row per application for supervision (12309, letter or visit). A petition names "
        "its case by 案号, or only by a party's name or ID; matching is described in "
        "docs/reference/petitions.md.",
    columns=(
        col("petition_no", "申请编号", Kind.CODE, "信访编号", "登记编号", "受理编号", "编号",
            required=True),
        col("received_on", "收到日期", Kind.DATE, "来信来访日期", "申请日期", "登记日期",
            "接收日期", required=True),
        col("channel", "来源渠道", Kind.ENUM, "渠道", "来源", "申请方式", required=True,
            values=CHANNELS, value_synonyms=CHANNEL_SYNONYMS),
        col("applicant_name", "申请人", Kind.TEXT, "申请人姓名", "申请人名称", "信访人",
            required=True, personal=Personal.NAME),
        col("applicant_id", "申请人证件号", Kind.PARTY_ID, "申请人身份证号", "证件号码",
            "身份证号", personal=Personal.IDENTIFIER),
        col("case_no", "案号", Kind.CASE_NO, "执行案号", "涉及案号",
            doc="the enforcement case the applicant names, if any"),
        col("party_name", "当事人", Kind.TEXT, "被执行人", "对方当事人", "涉及当事人",
            personal=Personal.NAME, doc="a party of the case, when no 案号 is given"),
        col("claim_text", "诉求", Kind.TEXT, "申请事项", "诉求内容", "反映问题", "主要诉求",
            required=True),
        col("court", "执行法院", Kind.TEXT, "法院", "涉及法院"),
        col("accepted_on", "受理日期", Kind.DATE, "决定受理日期",
            doc="the date the procuratorate decided to accept "
                "(监督规则 第三十三条 counts from it)"),
        col("notified_on", "受理通知书发送日期", Kind.DATE, "受理通知日期", "通知日期"),
    ),
)

PETITION_TABLES: tuple[Table, ...] = (PETITIONS,)
