"""What an identifier says, as a plain dict (the JSON lines of ``zhongben ids``): a 案号's
year, court, level, region, type and serial; a 身份证号's check, birth date, sex and region; a
统一社会信用代码's check, registering authority, organisation type and region."""

from __future__ import annotations

from functools import cache
from typing import Any

from zhongben.identifiers import id_card, uscc
from zhongben.identifiers.case_no import CaseNo, CaseNoError, fold_case_no, parse_case_no
from zhongben.identifiers.case_types import CASE_TYPES
from zhongben.identifiers.court_rules import LEVELS_ZH, SPECIALS_ZH
from zhongben.identifiers.courts import KINDS_ZH, Court, all_courts, court_kind, province
from zhongben.identifiers.legacy_courts import legacy_court

Described = dict[str, Any]
# GB 32100: the first character (登记管理部门) and, for the commonest, the second (机构类别).
AUTHORITIES = {"1": "机构编制", "5": "民政", "9": "工商（市场监管）", "Y": "其他",
               "2": "外交", "3": "司法行政", "4": "文化", "6": "旅游", "7": "宗教", "8": "工会",
               "A": "中央军委改革", "N": "农业"}
TYPES_9 = {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}
TYPES_5 = {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}
TYPES_1 = {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"}


def describe_court(court: Court) -> Described:
    return {
        "court": court.name,
        "court_level": LEVELS_ZH.get(court.level, ""),
        "court_special": SPECIALS_ZH.get(court.special, ""),
        "province": court.province,
        "city": court.city,
        "county": court.county,
        "region": court.region,
        "division": court.division,
        "parent_court": _name(court.parent),
        "procuratorate": court.procuratorate,
        "court_current": court.current,
        "court_source": court.source,
    }


def _name(code: str) -> str:
    parent = all_courts().get(code)
    return parent.name if parent else ""


def describe_case_no(raw: str, province_hint: str | None = None) -> Described:
    """Everything a case number says; ``valid`` False with the Chinese ``error`` otherwise."""
    out: Described = {"input": raw}
    try:
        parsed = parse_case_no(raw)
    except CaseNoError as error:
        return {**out, "valid": False, "error": str(error), "folded": fold_case_no(raw)}
    out |= {"valid": True, "canonical": parsed.canonical, "scheme": "旧" if parsed.legacy else "新",
            "year": parsed.year, "court_code": parsed.court_code}
    out |= _court_part(parsed, province_hint)
    out |= {"type_code": parsed.type_code, "type": CASE_TYPES.get(parsed.type_code, ""),
            "enforcement": parsed.type_code.startswith("执"), "serial": parsed.seq,
            "suffix": parsed.suffix}
    return out


def _court_part(parsed: CaseNo, province_hint: str | None) -> Described:
    if parsed.legacy:
        match = legacy_court(parsed.court_code, province_hint)
        if match.court is not None:
            return describe_court(match.court)
        names = [c.name for c in match.candidates]
        note = ("旧案号的法院简称对应多个法院，请结合执行法院核对" if names
                else "旧案号的法院简称未能对应到法院表中的法院")
        return {"court": None, "court_candidates": names, "court_note": note}
    court = all_courts().get(parsed.court_code)
    if court is not None:
        return describe_court(court)
    kind = court_kind(parsed.court_code)
    return {"court": None, "court_level": KINDS_ZH.get(kind or "", "").removesuffix("人民法院"),
            "province": province(parsed.court_code),
            "court_note": "法院代字不在全国法院表中（可用 zhongben ids courts-refresh 更新）"}


@cache
def _regions() -> dict[str, str]:
    """Division code → region name, from the court table's seats (county, city and province)."""
    found: dict[str, str] = {}
    for court in all_courts().values():
        if court.division and court.province:
            found.setdefault(court.division, court.region)
            found.setdefault(court.division[:2] + "0000", court.province)
    return found


def region_name(code: str) -> str | None:
    regions = _regions()
    return regions.get(code) or regions.get(code[:4] + "00") or regions.get(code[:2] + "0000")


def describe_id_no(raw: str) -> Described:
    text = id_card.clean_id(raw)
    out: Described = {"input": raw, "cleaned": text}
    if id_card.ID15_RE.fullmatch(text):
        out["upgraded_from_15"] = True
        text = id_card.upgrade_15(text)
    if not id_card.ID18_RE.fullmatch(text):
        reason = "证件号为空" if not text else f"不是18位（或15位）身份证号：共 {len(text)} 位"
        return {**out, "valid": False, "error": reason}
    expected = id_card.check_digit(text[:17])
    born = id_card.birth_date(text)
    out |= {"id_no": text, "check_digit": text[17], "expected_check_digit": expected,
            "birth_date": born.isoformat() if born else None, "sex": id_card.sex(text),
            "region_code": text[:6], "region": region_name(text[:6])}
    if expected != text[17]:
        return {**out, "valid": False, "error": _check_error(expected, text[17])}
    if born is None:
        return {**out, "valid": False, "error": f"出生日期无效：{text[6:14]}"}
    return {**out, "valid": True}


def describe_uscc(raw: str) -> Described:
    text = id_card.clean_id(raw)
    out: Described = {"input": raw, "cleaned": text}
    if not uscc.looks_like(text):
        reason = ("代码为空" if not text else
                  f"不是18位统一社会信用代码（共 {len(text)} 位，或含 I/O/S/V/Z 等不用的字符）")
        return {**out, "valid": False, "error": reason}
    expected = uscc.check_char(text[:17])
    types = {"9": TYPES_9, "5": TYPES_5, "1": TYPES_1}.get(text[0], {})
    out |= {"uscc": text, "authority": AUTHORITIES.get(text[0], "未知"),
            "org_type": types.get(text[1], ""), "region_code": text[2:8],
            "region": region_name(text[2:8]), "org_code": text[8:17],
            "check_char": text[17], "expected_check_char": expected}
    if expected != text[17]:
        return {**out, "valid": False, "error": _check_error(expected, text[17])}
    return {**out, "valid": True}


def _check_error(expected: str, actual: str) -> str:
    return f"校验码错误：第18位应为 {expected}，实为 {actual}"
