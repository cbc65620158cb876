# ruff: noqa: E501  (Chinese template text: full-width characters count double)
"""Synthetic enforcement documents with their truth, for the extraction test set.

Each document is built from a random case (deterministic per seed) and a kind; the text carries
the varieties real files have: letter-spaced titles, a clerk's line before the court name, legacy
case numbers, 之一 suffixes, masked names and IDs, amounts as 400，000 or 2677.1万元, Chinese-numeral
dates with 〇/O/零, statute text appended after the signature, party lists that disagree with
the body. ``truth`` holds what a perfect extractor returns."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from zhongben.identifiers import courts, id_card, uscc

COURTS = ("浙0483", "浙0683", "浙0782", "浙0381", "浙0602", "浙1002", "浙0521", "浙0106")
LEGACY_ABBR = {"浙0483": "嘉桐", "浙0683": "绍嵊", "浙0782": "金义", "浙0381": "温瑞",
               "浙0602": "绍越", "浙1002": "台椒", "浙0521": "湖德", "浙0106": "杭西"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玲海燕鹏飞晓东雪梅文斌婷宇浩"
STREETS = ("振兴路", "庆丰路", "人民路", "解放路", "中山路", "文昌路", "梧桐大道", "环城南路")
TOWNS = ("梧桐街道", "凤鸣街道", "乌镇镇", "濮院镇", "崇福镇", "洲泉镇", "屠甸镇", "高桥街道")
COMPANY_WORDS = ("恒丰", "宏达", "鑫源", "永盛", "华信", "金诚", "德隆", "泰和", "瑞丰", "佳禾")
TRADES = ("贸易", "纺织", "建材", "科技", "机械", "服饰", "物流", "五金")
CAUSES = ("民间借贷纠纷", "买卖合同纠纷", "金融借款合同纠纷", "追索劳动报酬纠纷", "机动车交通事故责任纠纷",
          "抚养费纠纷", "房屋租赁合同纠纷", "承揽合同纠纷")
BASIS_DOCS = ("民事判决书", "民事调解书")
CN = "〇一二三四五六七八九"


@dataclass
class Person:
    name: str
    id_no: str | None  # as the truth expects (normalised), None when absent or masked
    shown_id: str | None  # as printed
    masked: bool
    company: bool
    address: str
    line: str = ""


@dataclass
class Case:
    court_code: str
    court: str
    year: int
    seq: int
    legacy: bool
    applicants: list[Person]
    debtors: list[Person]
    cause: str
    basis_no: str
    basis_doc: str
    claim: float
    paid: float
    filed: date
    ruled: date
    judge: str

    @property
    def case_no(self) -> str:
        if self.legacy:
            return f"({self.year}){LEGACY_ABBR[self.court_code]}执字第{self.seq}号"
        return f"({self.year}){self.court_code}执{self.seq}号"


@dataclass
class Doc:
    kind: str
    title: str
    header: list[str]  # lines before the body (court, title, case number, parties)
    body: list[str]  # paragraphs
    signature: list[str]
    appendix: list[str] = field(default_factory=list)
    truth: dict[str, Any] = field(default_factory=dict)


def cn_date(day: date, rng: random.Random) -> str:
    zero = rng.choice("〇〇〇O零Ｏ")
    year = "".join(CN[int(c)] for c in str(day.year)).replace("〇", zero)
    return f"{year}年{cn_small(day.month)}月{cn_small(day.day)}日"


def cn_small(n: int) -> str:
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + ("" if ones == 0 else CN[ones])


def ar_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def person_id(rng: random.Random, region: str) -> str:
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(15000))
    first17 = f"{region}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_card.check_digit(first17)


def company_code(rng: random.Random, region: str) -> str:
    charset = uscc.CHARSET
    first17 = "91" + region + "".join(rng.choice(charset) for _ in range(9))
    return first17 + uscc.check_char(first17)


def make_person(rng: random.Random, region: str, company: bool, mask_style: str) -> Person:
    town = rng.choice(TOWNS)
    address = f"浙江省{town}{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
    if company:
        name = f"浙江{rng.choice(COMPANY_WORDS)}{rng.choice(TRADES)}有限公司"
        code = company_code(rng, region)
        return Person(name, code, code, False, True, address,
                      f"{name}，住所地{address}，统一社会信用代码{code}。")
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    pid = person_id(rng, region)
    born = f"{int(pid[6:10])}年{int(pid[10:12])}月{int(pid[12:14])}日"
    sex = "男" if int(pid[16]) % 2 else "女"
    shown: str | None = pid
    truth_id: str | None = pid
    masked = False
    if mask_style == "stars":
        shown, truth_id, masked = pid[:6] + "********" + pid[14:], None, True
    elif mask_style == "cross":
        shown, truth_id, masked = "×××", None, True
    elif mask_style == "name":
        name = name[0] + rng.choice(("**", "某", "某某", "××"))
        shown, truth_id, masked = None, None, True
    id_part = f"，公民身份号码{shown}" if shown else ""
    line = f"{name}，{sex}，{born}出生，汉族，住{address}{id_part}。"
    return Person(name, truth_id, shown, masked, False, address, line)


def make_case(rng: random.Random) -> Case:
    code = rng.choice(COURTS)
    region = courts.zhejiang_courts()[code].division
    legacy = rng.random() < 0.12
    year = rng.choice((2014, 2015)) if legacy else rng.choice((2019, 2020, 2021, 2022, 2023, 2024))
    filed = date(year, rng.randrange(1, 10), rng.randrange(1, 28))
    ruled = filed + timedelta(days=rng.randrange(95, 300))
    styles = ("plain", "plain", "plain", "stars", "cross", "name")
    applicants = [make_person(rng, region, rng.random() < 0.25, rng.choice(styles))]
    debtors = [make_person(rng, region, rng.random() < 0.3, rng.choice(styles))
               for _ in range(rng.choice((1, 1, 1, 2)))]
    claim = rng.choice((rng.randrange(5, 900) * 1000.0, rng.randrange(10000, 40000) * 1000.0))
    paid = rng.choice((0.0, 0.0, round(claim * rng.choice((0.05, 0.1, 0.2)), 2)))
    judge = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
    basis_year = year - 1
    basis_no = f"({basis_year}){code}民初{rng.randrange(100, 9999)}号"
    if legacy:
        basis_no = f"({basis_year}){LEGACY_ABBR[code]}民初字第{rng.randrange(100, 999)}号"
    return Case(code, courts.court_name(code) or "", year, rng.randrange(1, 9999), legacy,
                applicants, debtors, rng.choice(CAUSES), basis_no, rng.choice(BASIS_DOCS),
                claim, paid, filed, ruled, judge)


def amount_text(value: float, rng: random.Random) -> str:
    style = rng.choice(("plain", "comma", "fullcomma", "wan", "decimals"))
    if style == "wan" and value >= 100000 and value % 100 == 0:
        wan = value / 10000
        return (f"{wan:.2f}".rstrip("0").rstrip(".")) + "万元"
    if style == "comma":
        return f"{value:,.0f}元" if value == int(value) else f"{value:,.2f}元"
    if style == "fullcomma":
        return (f"{value:,.0f}" if value == int(value) else f"{value:,.2f}").replace(",", "，") + "元"
    if style == "decimals":
        return f"{value:.2f}元"
    return f"{value:.0f}元" if value == int(value) else f"{value:.2f}元"


def names(people: list[Person]) -> str:
    return "、".join(p.name for p in people)


def party_truth(case: Case) -> dict[str, Any]:
    return {
        "applicants": sorted(p.name for p in case.applicants),
        "debtors": sorted(p.name for p in case.debtors),
        "party_ids": sorted(f"{p.name}={p.id_no}" for p in case.applicants + case.debtors
                            if p.id_no),
        "masked_ids": sorted(p.name for p in case.applicants + case.debtors
                             if p.masked and p.shown_id),
    }
