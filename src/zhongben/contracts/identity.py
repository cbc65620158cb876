"""Identity registries: the mappings entity resolution uses as deterministic (Tier A) links —
travel documents to 身份证号, former names, ID changes, and a company's former names and
registration numbers. A row of these tables is a statement of an authority ("passport E1234 is
the person 3306…"), so an ID in them that fails its checksum quarantines the row instead of
being kept as written: a mapping from or to a wrong number would link the wrong people."""

from __future__ import annotations

from zhongben.contracts.model import Kind, Personal, Table, col

ID = Personal.IDENTIFIER
NAME = Personal.NAME

DOC_TYPES = ("护照", "港澳通行证", "台湾通行证", "外国人永久居留身份证", "其他")
DOC_TYPE_SYNONYMS = {
    "普通护照": "护照", "因私护照": "护照", "因公护照": "护照", "PASSPORT": "护照", "P": "护照",
    "往来港澳通行证": "港澳通行证", "港澳居民来往内地通行证": "港澳通行证",
    "往来台湾通行证": "台湾通行证", "台湾居民来往大陆通行证": "台湾通行证",
    "永居证": "外国人永久居留身份证",
}  # fmt: skip

IDENTITY_DOCUMENTS = Table(
    name="identity_documents", zh="出入境证件", group="identity", key=("doc_type", "doc_no"),
    synonyms=("出入境证件信息", "护照信息", "证件信息", "出入境证件登记"),
    doc="One row per travel document (passport, 通行证) issued to a person: the document number "
        "maps to the holder's 身份证号 whatever the date it was issued or used.",
    columns=(
        col("id_no", "身份证号", Kind.PERSON_ID, "公民身份号码", "持证人身份证号", "证件持有人身份证号",
            required=True, personal=ID, strict_id=True),
        col("doc_no", "证件号码", Kind.CODE, "护照号码", "护照号", "通行证号码", "出入境证件号码",
            required=True, personal=ID),
        col("doc_type", "证件类型", Kind.ENUM, "证件种类", "证件类别", values=DOC_TYPES,
            value_synonyms=DOC_TYPE_SYNONYMS, open_values=True, default="护照"),
        col("name_pinyin", "姓名拼音", Kind.TEXT, "拼音姓名", "英文姓名", "姓名(拼音)", personal=NAME),
        col("issued_on", "签发日期", Kind.DATE, "发证日期", "签发时间"),
        col("expires_on", "有效期至", Kind.DATE, "有效期截止日期", "失效日期", "证件有效期"),
    ),
)

NAME_KINDS = ("曾用名", "现用名", "别名")

PERSON_NAMES = Table(
    name="person_names", zh="曾用名", group="identity",
    key=("id_no", "name", "kind"),
    synonyms=("曾用名登记", "姓名变更", "姓名变更记录", "户籍姓名"),
    doc="Names a person was registered under (户籍): 曾用名 with the period they were in use.",
    columns=(
        col("id_no", "身份证号", Kind.PERSON_ID, "公民身份号码", "证件号码", required=True,
            personal=ID, strict_id=True),
        col("name", "姓名", Kind.TEXT, "曾用名", "使用姓名", required=True, personal=NAME),
        col("kind", "姓名类型", Kind.ENUM, "类型", values=NAME_KINDS,
            value_synonyms={"曾用": "曾用名", "现名": "现用名", "现用": "现用名"},
            open_values=True, default="曾用名"),
        col("from_on", "起始日期", Kind.DATE, "启用日期", "开始使用日期"),
        col("to_on", "截止日期", Kind.DATE, "变更日期", "停止使用日期"),
    ),
)

ID_CHANGES = Table(
    name="id_changes", zh="身份证号变更", group="identity", key=("old_id", "new_id"),
    synonyms=("公民身份号码变更", "身份证号码变更", "证件号码变更记录", "身份号码变更"),
    doc="A person's 身份证号 changed (重号, wrong birth date corrected …): both numbers are the "
        "same person.",
    columns=(
        col("old_id", "原身份证号", Kind.PERSON_ID, "原公民身份号码", "变更前身份证号", "旧身份证号",
            required=True, personal=ID, strict_id=True),
        col("new_id", "新身份证号", Kind.PERSON_ID, "现公民身份号码", "变更后身份证号", "现身份证号",
            required=True, personal=ID, strict_id=True),
        col("changed_on", "变更日期", Kind.DATE, "变更时间"),
    ),
)

HISTORY_ITEMS = ("名称", "注册号", "组织机构代码")

COMPANY_HISTORY = Table(
    name="company_history", zh="企业变更记录", group="identity",
    key=("uscc", "item", "old_value"),
    synonyms=("企业变更信息", "工商变更记录", "变更记录", "企业历史信息"),
    doc="A company's former names and former registration numbers (注册号, 组织机构代码): each "
        "maps to its 统一社会信用代码.",
    columns=(
        col("uscc", "统一社会信用代码", Kind.USCC, "信用代码", "社会信用代码", required=True,
            strict_id=True),
        col("item", "变更事项", Kind.ENUM, "变更项目", "事项", required=True, values=HISTORY_ITEMS,
            value_synonyms={"企业名称": "名称", "名称变更": "名称", "工商注册号": "注册号",
                            "营业执照注册号": "注册号", "机构代码": "组织机构代码"}),
        col("old_value", "变更前内容", Kind.TEXT, "变更前", "原内容", "原值", required=True),
        col("new_value", "变更后内容", Kind.TEXT, "变更后", "新内容", "新值"),
        col("changed_on", "变更日期", Kind.DATE, "核准日期", "变更时间"),
    ),
)

IDENTITY_TABLES: tuple[Table, ...] = (IDENTITY_DOCUMENTS, PERSON_NAMES, ID_CHANGES, COMPANY_HISTORY)
