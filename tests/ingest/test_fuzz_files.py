"""Bad input at scale, property-based: CSV in every encoding with absurd dates, amounts and huge
fields; truncated and bomb workbooks; broken PDFs. Whatever the bytes, ingest does not crash: a
file is refused whole with a Chinese message naming it (nothing of it stored), or it loads and
every row not stored is quarantined with its file, row and column. A bounded budget here
(``FUZZ_EXAMPLES``); ``benchmarks/fuzz_bench.py`` runs the same properties for longer."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhongben.extract.readers import UnreadableFile, read_any
from zhongben.ingest.zipguard import MAX_EXPANDED
from zhongben.workspace import Workspace

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
HEADER = ["案号", "执行法院", "立案日期", "结案日期", "申请执行标的金额", "承办人"]
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5", "latin-1")
CHINESE = re.compile(r"[\u4e00-\u9fff]")

dates = st.one_of(
    st.dates().map(str), st.sampled_from(["0000-00-00", "2023-02-30", "99999-01-01", "1900-1-1",
                                          "二〇二三年十三月一日", "45000", "-1", "9" * 40, "—"]),
    st.text(max_size=12))
amounts = st.one_of(st.decimals(allow_nan=True, allow_infinity=True).map(str),
                    st.sampled_from(["sNaN", "1e400", "-0", "１２,３４５.６元", "12.5万元", "¥"]),
                    st.text(max_size=10))
# up to past Python csv's 128 KiB field limit
huge = st.tuples(st.characters(), st.integers(1_000, 140_000)).map(lambda t: t[0] * t[1])
cells = st.one_of(st.text(max_size=30), huge,
                  st.sampled_from(["", "\x00", '"', "a\nb", "=HYPERLINK(\"x\")"]))
rows = st.lists(st.tuples(cells, cells, dates, dates, amounts, cells), max_size=6)


def _counts(workspace: Workspace) -> dict[str, int]:
    with workspace.connect(read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("cases", "parties", "actions")}


def _check(workspace: Workspace, path: Path, rows_written: int | None = None) -> None:
    before = _counts(workspace)
    report = workspace.ingest([path])  # raises nothing: that is the first property
    after = _counts(workspace)
    if not report.ok:
        assert after == before, "a refused file stored something"
        for refusal in report.refused:
            assert path.name in refusal.file and CHINESE.search(refusal.message)
        return
    for cell in report.quarantine:
        assert path.name in cell.file and cell.row >= 1 and cell.column and CHINESE.search(
            cell.reason)
    if rows_written is not None:
        loads = [s for s in report.sheets if s.file.endswith(path.name)]
        stored = sum(after.values()) - sum(before.values())
        quarantined = sum(s.quarantined_rows for s in loads)
        repeated = sum(s.duplicates + s.replaced for s in loads)
        assert stored + quarantined + repeated <= rows_written


@pytest.mark.slow
@FUZZ
@given(body=rows, encoding=st.sampled_from(ENCODINGS), tab=st.booleans())
def test_any_csv_in_any_encoding_loads_or_is_refused_whole(
        tmp_path: Path, body: list[tuple[str, ...]], encoding: str, tab: bool) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter="\t" if tab else ",").writerows([tuple(HEADER), *body])
    text = out.getvalue()
    path = tmp_path / f"cases-{abs(hash((encoding, tab, text))) % 10**8}.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _check(Workspace(tmp_path / "w.duckdb"), path, len(body))


def _xlsx(rows: int) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("执行案件")
    sheet.write_row(0, 0, HEADER)
    for r in range(1, rows + 1):
        sheet.write_row(r, 0, [f"(2024)浙0683执{r}号", "嵊州市人民法院", "2024-01-02", "",
                               "1000", "张三"])
    book.close()
    return out.getvalue()


@pytest.mark.slow  # the fuzz budget
@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.999), flip=st.integers(0, 10_000))
def test_a_truncated_or_damaged_workbook_is_refused_whole(
        tmp_path: Path, cut: float, flip: int) -> None:
    data = bytearray(_xlsx(40))
    data = data[: int(len(data) * cut)]
    if data and flip < len(data):
        data[flip] ^= 0xFF
    path = tmp_path / f"执行案件-{int(cut * 1000)}-{flip}.xlsx"
    path.write_bytes(bytes(data))
    _check(Workspace(tmp_path / "w.duckdb"), path)


def _bomb(path: Path, expanded: int) -> None:
    """A real workbook whose sheet is ``expanded`` bytes of repeated rows (compresses ~1000×)."""
    base = zipfile.ZipFile(io.BytesIO(_xlsx(1)))
    row = b'<row><c t="inlineStr"><is><t>' + b"0" * 200 + b"</t></is></c></row>"
    head, tail = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' \
                 b"<sheetData>", b"</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in base.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                out.writestr(item, base.read(item))
                continue
            with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(head)
                block = row * (1 << 20 // len(row))
                for _ in range(expanded // len(block)):
                    sheet.write(block)
                sheet.write(tail)


@pytest.mark.slow  # builds and opens zip bombs
@pytest.mark.parametrize("expanded", [60 << 20, 1_200_000_000], ids=["ratio", "1.2GB"])
def test_a_zip_bomb_is_refused_from_its_directory_before_parsing(
        tmp_path: Path, expanded: int) -> None:
    path = tmp_path / "执行案件.xlsx"
    _bomb(path, expanded)
    assert path.stat().st_size < expanded // 100
    # The child reports its own peak as its memory's high-water mark (VmHWM, kB): RUSAGE_CHILDREN
    # would be the largest of every child this test process has waited for, and Linux carries
    # RUSAGE_SELF's ru_maxrss over the exec from the forking pytest worker (1.3 GB late in a run).
    code = ("import re, sys; from pathlib import Path; from zhongben.workspace import "
            "Workspace; r = Workspace(sys.argv[2]).ingest([Path(sys.argv[1])]); "
            "print(r.refused[0].message if r.refused else 'LOADED'); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text())[1])")
    done = subprocess.run([sys.executable, "-c", code, str(path), str(tmp_path / "w.duckdb")],
                          capture_output=True, text=True, timeout=120, check=True)
    peak_mib = int(done.stdout.split()[-1]) / 1024
    assert "执行案件.xlsx" in done.stdout and ("压缩炸弹" in done.stdout or "上限" in done.stdout)
    if expanded > MAX_EXPANDED:
        assert "上限" in done.stdout
    assert peak_mib < 600, f"{peak_mib:.0f} MiB: the workbook was expanded"


def _pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for i in range(pages):
        page.drawString(72, 720, f"(2024)浙0683执{i}号 执行裁定书")
        page.showPage()
    page.save()
    return out.getvalue()


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=1.0), junk=st.binary(max_size=64),
       at=st.integers(0, 4000))
def test_a_broken_pdf_is_reported_not_crashed_on(tmp_path: Path, cut: float, junk: bytes,
                                                  at: int) -> None:
    data = _pdf(2)
    data = data[: int(len(data) * cut)]
    data = data[:at] + junk + data[at + len(junk):]
    path = tmp_path / "裁定书.pdf"
    path.write_bytes(data)
    try:
        read_any(path, use_ocr=False)
    except UnreadableFile as exc:
        assert "裁定书.pdf" in str(exc) and CHINESE.search(str(exc))
