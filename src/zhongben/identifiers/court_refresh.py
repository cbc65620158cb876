"""Build the national court table (``data/courts.csv``) from the lists of 行政区划代码 and the
curated exceptions: ``zhongben ids courts-refresh LIST...``.

A division list is the 民政部's 《中华人民共和国县以上行政区划代码》 of one year (GB/T 2260 as
maintained): a text file of ``代码 名称`` lines, or the CSV/Excel table it is published as (a
6-digit code cell followed by the name cell, header and notes ignored). The year is the first
four-digit number of the file name (``2024.txt``, ``2024年中华人民共和国县以上行政区划代码.xlsx``).
Give several years: a court of a division abolished since then is kept (``current`` = 0), so
案号 from before the change still name their court.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path

from zhongben.identifiers.court_rules import CourtRow, Division, court_for_division

CODE_RE = re.compile(r"^[1-8][0-9]{5}$")
YEAR_RE = re.compile(r"(19|20)[0-9]{2}")
COLUMNS = tuple(f.name for f in fields(CourtRow))


class RefreshError(ValueError):
    """A list that cannot be read (message in Chinese, naming the file)."""


def list_year(path: Path) -> int:
    found = YEAR_RE.search(path.name)
    if found is None:
        raise RefreshError(f"{path}：文件名中没有年份（例如 2024.txt），无法判断区划代码的年度")
    return int(found.group())


def read_division_list(path: Path) -> dict[str, str]:
    """Code → name from one published list (text, CSV or Excel)."""
    rows = _excel_rows(path) if path.suffix.lower() in (".xlsx", ".xls") else _text_rows(path)
    found: dict[str, str] = {}
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        for i, cell in enumerate(cells[:-1]):
            if CODE_RE.match(cell):
                found[cell] = cells[i + 1]
                break
    if not found:
        raise RefreshError(
            f"{path}：没有读到任何“6位代码 名称”的行，请确认是民政部的行政区划代码表")
    return found


def _text_rows(path: Path) -> Iterable[Sequence[str]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RefreshError(f"{path}：无法识别文件编码（需要 UTF-8 或 GB18030）")
    first = text.splitlines()[0] if text else ""
    if "," in first or "\t" in first:
        dialect = "excel-tab" if "\t" in first else "excel"
        return list(csv.reader(io.StringIO(text), dialect=dialect))
    return [line.replace("\u3000", " ").split() for line in text.splitlines()]


def _excel_rows(path: Path) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    rows: list[list[str]] = []
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            rows.append([_cell(v) for v in row])
    return rows


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def divisions_over_years(lists: dict[int, dict[str, str]]) -> tuple[list[Division], dict[str, str]]:
    """Every division of any year (its newest name), whether it is in the newest list, and the
    code → name map used for the names of provinces and cities."""
    newest = max(lists)
    names: dict[str, str] = {}
    for year in sorted(lists):
        names.update(lists[year])
    divisions = [Division(code, names[code], code in lists[newest]) for code in sorted(names)]
    return divisions, names


def build_courts(lists: dict[int, dict[str, str]], curated: Path) -> list[CourtRow]:
    """The court table: every court the rule derives, then the curated file applied."""
    divisions, names = divisions_over_years(lists)
    courts: dict[str, CourtRow] = {}
    for division in divisions:
        court = court_for_division(division, names)
        if court is not None and court.code not in courts:
            courts[court.code] = court
    apply_curated(courts, read_curated(curated), names)
    return sorted(courts.values(), key=_order)


def read_curated(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def apply_curated(courts: dict[str, CourtRow], entries: list[dict[str, str]],
                  names: dict[str, str]) -> None:
    for entry in entries:
        action, code = entry["action"], entry["code"]
        if action == "drop":
            courts.pop(code, None)
        elif action == "add":
            courts[code] = _curated_row(entry, names)
        elif action == "set":
            if code not in courts:
                raise RefreshError(f"修订表：set 的法院 {code} 不在按规则生成的法院中")
            _override(courts[code], entry)
        else:
            raise RefreshError(f"修订表：未知操作“{action}”（{code}），应为 add / set / drop")


def _curated_row(entry: dict[str, str], names: dict[str, str]) -> CourtRow:
    division = entry["division"]
    province = names.get(division[:2] + "0000", "")
    city = names.get(division[:4] + "00", "") if not division.endswith("0000") else ""
    county = names.get(division, "") if not division.endswith("00") else ""
    if not county and entry["level"] == "basic" and not entry["special"]:
        county = entry["name"].removesuffix("人民法院").removeprefix(city)
    return CourtRow(entry["code"], entry["name"], entry["level"], entry["special"], division,
                    province, city, county, entry["parent"], entry["procuratorate"],
                    entry["current"] or "1", entry["basis"])


def _override(court: CourtRow, entry: dict[str, str]) -> None:
    for name in ("name", "level", "special", "division", "parent", "procuratorate", "current"):
        if entry.get(name):
            setattr(court, name, entry[name])
    court.source = f"{court.source}+{entry['basis']}"


def _order(court: CourtRow) -> tuple[int, str, int, str]:
    supreme = court.level != "supreme"
    return (int(supreme), court.code[:1], len(court.code), court.code)


def write_courts(courts: list[CourtRow], out: Path, sources: list[str]) -> None:
    """The CSV with a header comment naming its sources and the date it was built."""
    buffer = io.StringIO()
    buffer.write(f"# 全国法院代字表，{date.today():%Y-%m-%d} "
                 "由 `zhongben ids courts-refresh` 生成。\n")
    for source in sources:
        buffer.write(f"# 来源：{source}\n")
    buffer.write("# source 列：rule = 按法〔2015〕137号配套标准的编号规则由行政区划代码推导，"
                 "未与最高法法院代字表逐一核对；其余取自 courts_curated.csv 的依据"
                 "（published / zhejiang / structure）。\n")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for court in courts:
        writer.writerow(asdict(court))
    out.write_text(buffer.getvalue(), "utf-8")


def refresh(paths: list[Path], curated: Path, out: Path,
            source_note: str | None = None) -> list[CourtRow]:
    lists = {list_year(p): read_division_list(p) for p in paths}
    courts = build_courts(lists, curated)
    years = "、".join(str(y) for y in sorted(lists))
    sources = [
        f"民政部《中华人民共和国县以上行政区划代码》{years} 年版（GB/T 2260），"
        + (source_note or "文件：" + "、".join(p.name for p in paths)),
        f"修订表 {curated.name}（专门法院、直辖市中级法院等规则以外的法院）",
    ]
    write_courts(courts, out, sources)
    return courts
