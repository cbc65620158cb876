"""Zhejiang administrative divisions (GB/T 2260 codes) and their basic courts.

The court 代字 of a basic court is 浙 + the last four digits of its county's code (浙0683 =
嵊州市人民法院); intermediate courts are 浙01 … 浙11. ``court_catalogue`` is the one switch point to
``zhongben.identifiers.courts`` once that catalogue is available.
"""

from __future__ import annotations

from dataclasses import dataclass

CITIES: dict[str, str] = {
    "3301": "杭州市",
    "3302": "宁波市",
    "3303": "温州市",
    "3304": "嘉兴市",
    "3305": "湖州市",
    "3306": "绍兴市",
    "3307": "金华市",
    "3308": "衢州市",
    "3309": "舟山市",
    "3310": "台州市",
    "3311": "丽水市",
}

COUNTIES: dict[str, str] = {
    "330102": "上城区",
    "330105": "拱墅区",
    "330106": "西湖区",
    "330108": "滨江区",
    "330109": "萧山区",
    "330110": "余杭区",
    "330111": "富阳区",
    "330112": "临安区",
    "330122": "桐庐县",
    "330127": "淳安县",
    "330182": "建德市",
    "330203": "海曙区",
    "330205": "江北区",
    "330206": "北仑区",
    "330211": "镇海区",
    "330212": "鄞州区",
    "330213": "奉化区",
    "330225": "象山县",
    "330226": "宁海县",
    "330281": "余姚市",
    "330282": "慈溪市",
    "330302": "鹿城区",
    "330303": "龙湾区",
    "330304": "瓯海区",
    "330305": "洞头区",
    "330324": "永嘉县",
    "330326": "平阳县",
    "330327": "苍南县",
    "330328": "文成县",
    "330329": "泰顺县",
    "330381": "瑞安市",
    "330382": "乐清市",
    "330402": "南湖区",
    "330411": "秀洲区",
    "330421": "嘉善县",
    "330424": "海盐县",
    "330481": "海宁市",
    "330482": "平湖市",
    "330483": "桐乡市",
    "330502": "吴兴区",
    "330503": "南浔区",
    "330521": "德清县",
    "330522": "长兴县",
    "330523": "安吉县",
    "330602": "越城区",
    "330603": "柯桥区",
    "330604": "上虞区",
    "330624": "新昌县",
    "330681": "诸暨市",
    "330683": "嵊州市",
    "330702": "婺城区",
    "330703": "金东区",
    "330723": "武义县",
    "330726": "浦江县",
    "330727": "磐安县",
    "330781": "兰溪市",
    "330782": "义乌市",
    "330783": "东阳市",
    "330784": "永康市",
    "330802": "柯城区",
    "330803": "衢江区",
    "330822": "常山县",
    "330824": "开化县",
    "330825": "龙游县",
    "330881": "江山市",
    "330902": "定海区",
    "330903": "普陀区",
    "330921": "岱山县",
    "330922": "嵊泗县",
    "331002": "椒江区",
    "331003": "黄岩区",
    "331004": "路桥区",
    "331022": "三门县",
    "331023": "天台县",
    "331024": "仙居县",
    "331081": "温岭市",
    "331082": "临海市",
    "331083": "玉环市",
    "331102": "莲都区",
    "331121": "青田县",
    "331122": "缙云县",
    "331123": "遂昌县",
    "331124": "松阳县",
    "331125": "云和县",
    "331126": "庆元县",
    "331127": "景宁畲族自治县",
    "331181": "龙泉市",
}

COUNTY_SEAT = "330683"  # the county world: 嵊州
CITY_SEAT = "3306"  # the city world: 绍兴


@dataclass(frozen=True)
class Court:
    code: str  # 法院代字, e.g. 浙0683
    name: str
    region: str  # 6-digit division code of its seat


def court_name(region: str) -> str:
    county = COUNTIES[region]
    if county.endswith("区"):
        return f"{CITIES[region[:4]]}{county}人民法院"
    return f"{county}人民法院"


def court_catalogue() -> list[Court]:
    """Every current basic court of Zhejiang, in code order (from ``identifiers.courts``; the
    names derived here are the fallback)."""
    try:
        from zhongben.identifiers.courts import zhejiang_courts
    except ImportError:  # pragma: no cover - the catalogue is part of the package
        return [Court(f"浙{r[2:]}", court_name(r), r) for r in sorted(COUNTIES)]
    courts = [
        Court(c.code, c.name, c.division)
        for c in zhejiang_courts().values()
        if c.kind == "basic" and c.current and c.division in COUNTIES
    ]
    return sorted(courts, key=lambda c: c.code)


def courts_for(region: str) -> list[Court]:
    """The courts of a world: 'county' (嵊州), 'city' (绍兴's basic courts) or 'province'."""
    courts = court_catalogue()
    if region == "county":
        return [c for c in courts if c.region == COUNTY_SEAT]
    if region == "city":
        return [c for c in courts if c.region.startswith(CITY_SEAT)]
    return courts


def address_prefix(region: str) -> str:
    return f"浙江省{CITIES[region[:4]]}{COUNTIES[region]}"
