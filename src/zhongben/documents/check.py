"""Checks a program runs against a .docx before it is sent (../shared/documents.md §7): the page,
the page-number field, the required parts in order, and what must never be printed — an ISO date,
a 待复核/待核实 marker, a template brace, an English word, an unmasked ID, a law's short name."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import docx
from docx.shared import Mm

from zhongben.documents.law import FULL_NAMES

ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
FULL_ID = re.compile(r"(?<![0-9A-Za-z*])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
ENGLISH = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")
ALLOWED_WORDS = frozenset({"PDF"})
SHORT_NAME = re.compile("(?<![《〈\u4e00-\u9fff])(" + "|".join(
    k for k in FULL_NAMES if k not in ("民法典", "刑法")) + ")")
CHINESE_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
CASE_NO = r"[（(]\d{4}[）)][\u4e00-\u9fa5]{1,2}\d{0,4}执(恢)?\d+号"
PARTS: dict[str, list[tuple[str, str]]] = {
    "检察建议书": [
        ("标题", r"^检察建议书$"), ("主送法院", r"人民法院：$"),
        ("案件来源", r"本院(依职权)?对.*执行活动进行(了)?审查"),
        ("案件事实", r"^现查明"), ("申请执行人与执行依据", r"申请执行人.+依据.+生效法律文书"),
        ("终本裁定及日期（或结案情况）", CHINESE_DATE + r"作出.*执行裁定，终结本次执行程序|"
         r"^该案于" + CHINESE_DATE + r"以.+方式结案|^该案至今尚未结案"),
        ("未履行金额", r"尚有[0-9,.]+元未履行|尚未结案"), ("证据", r"证据证实"),
        ("违法情形", r"^本院认为"), ("监督职权", r"《中华人民共和国民事诉讼法》第二百四十六条"),
        ("建议内容", r"特提出(如下)?检察建议"), ("建议条目", r"^一、"),
        ("异议期限", r"如有异议.*收到.*之日起.{1,6}日内"),
        ("回复期限", r"收到.*之日起三个月内.*书面回复本院"),
        ("落款", r".+人民检察院$"), ("日期", r"^(" + CHINESE_DATE + r"|　*年　+月　+日)$"),
    ],
    "说明案件执行情况通知书": [
        ("标题", r"^说明案件执行情况通知书$"), ("主送法院", r"人民法院：$"),
        ("怠于履行职责", r"可能存在怠于履行职责"),
        ("申请执行人与执行依据", r"申请执行人.+依据.+生效法律文书"),
        ("依据", r"《人民检察院民事诉讼监督规则》第一百零五条"),
        ("说明事项", r"说明该案的执行情况及理由"), ("事项条目", r"^一、"),
        ("回复期限", r"十五日内书面回复"), ("落款", r".+人民检察院$"),
    ],
    "调查核实报告": [
        ("标题", r"调查核实报告$"), ("案件来源", r"^一、案件来源"),
        ("案件基本情况", r"^二、案件基本情况"), ("调查核实过程", r"^三、调查核实过程"),
        ("证据", r"^四、调查取得的证据"), ("认定的事实", r"^五、认定的事实"),
        ("处理意见", r"^七、处理意见"), ("承办检察官", r"^承办检察官"),
    ],
}


@dataclass(frozen=True)
class Problem:
    severity: str  # 不合格 / 提示
    message: str


def paragraphs(content: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(content))
    return [p.text.strip() for p in document.paragraphs]


def check_docx(content: bytes, kind: str, issued: bool = False) -> list[Problem]:
    document = docx.Document(io.BytesIO(content))
    texts = [p.text.strip() for p in document.paragraphs]
    problems = _page(document) + _order(texts, kind) + _forbidden("\n".join(texts))
    if kind == "说明案件执行情况通知书" and any(re.search("特提出.*检察建议", t) for t in texts):
        problems.append(Problem("不合格", "通知书不得提出检察建议（监督规则 第一百零五条）"))
    if issued and kind != "调查核实报告":
        pattern = r"^[\u4e00-\u9fa5]{1,8}检民(（行）)?执监[\u4e00-\u9fa5]?〔(19|20)\d{2}〕\d+号$"
        if not any(re.match(pattern, t) for t in texts):
            problems.append(Problem("不合格", "签发的文书没有符合格式的文号"))
    return problems


def _page(document: docx.document.Document) -> list[Problem]:
    out = []
    section = document.sections[0]
    width, height = section.page_width or 0, section.page_height or 0
    if abs(width - Mm(210)) > Mm(1) or abs(height - Mm(297)) > Mm(1):
        out.append(Problem("不合格", "纸张不是A4（210×297毫米）"))
    footers = "".join(f._element.xml for s in document.sections
                      for f in (s.footer, s.even_page_footer))
    if "PAGE" not in footers or "fldChar" not in footers:
        out.append(Problem("不合格", "页脚没有页码域"))
    return out


def _order(texts: list[str], kind: str) -> list[Problem]:
    out, position = [], 0
    for name, pattern in PARTS[kind]:
        found = next((i for i in range(position, len(texts)) if re.search(pattern, texts[i])),
                     None)
        if found is None:
            earlier = any(re.search(pattern, t) for t in texts[:position])
            out.append(Problem("不合格", f"缺少“{name}”" + ("（顺序不对）" if earlier else "")))
        else:
            position = found
    return out


def _forbidden(text: str) -> list[Problem]:
    out = []
    for label, pattern in (("ISO 格式日期", ISO_DATE), ("未遮蔽的身份证号", FULL_ID)):
        if found := pattern.search(text):
            out.append(Problem("不合格", f"文中有{label}：{found.group(0)}"))
    for marker in ("待复核", "待核实", "{", "}", "（未载明）"):
        if marker in text:
            out.append(Problem("不合格", f"文中有不应出现的标记“{marker}”"))
    words = sorted({w for w in ENGLISH.findall(text) if w.upper() not in ALLOWED_WORDS})
    if words:
        out.append(Problem("不合格", f"文中有英文词：{'、'.join(words[:5])}"))
    if found := SHORT_NAME.search(text.replace("中华人民共和国民事诉讼法", "")):
        out.append(Problem("不合格", f"法律名称未写全称：{found.group(0)}"))
    return out
