"""Arrow's threaded and one-thread CSV reads give the same body, row numbers and unreadable rows
(which read is used depends on the machine's cores: both must be right wherever the tests run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhongben.ingest import sources
from zhongben.ingest.sources import Body, sniff_csv

HEADER = "案号,案由,承办人,申请执行标的金额(元)\n"


def _rows(n: int) -> list[str]:
    rows = []
    for i in range(n):
        cause = f'"民间借贷纠纷，第{i}号\n（含换行）"' if i % 97 == 0 else "买卖合同纠纷"
        amount = f'"{i:,}.50"' if i % 5 == 0 else f"{i}.00"
        rows.append(f"(2023)浙0683执{i + 1}号,{cause},王法官,{amount}\n")
    return rows


def _read(path: Path, threaded: bool, monkeypatch: pytest.MonkeyPatch) -> Body:
    monkeypatch.setattr(sources, "THREADED_READ", threaded)
    dialect = sniff_csv(path)
    return sources._read_csv_body(path, dialect, 0, HEADER.strip().split(","))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_both_reads_agree_across_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    rows = _rows(60_000)  # several 1 MB blocks, quoted newlines and commas among them
    rows[30_001] = "(2023)浙0683执多余号,买卖合同纠纷,王法官,1.00,多余的一列\n"  # a bad row
    path = tmp_path / "cases.csv"
    path.write_bytes((HEADER + "".join(rows)).encode(encoding))
    threaded, serial = _read(path, True, monkeypatch), _read(path, False, monkeypatch)
    assert threaded.table.equals(serial.table)
    assert threaded.unreadable == serial.unreadable and len(serial.unreadable) == 1
    assert serial.table.num_rows == 59_999
    numbers = serial.table.column("_row").to_pylist()
    assert numbers[0] == 2 and 30_003 not in numbers  # the bad row's number is skipped


def test_both_reads_number_a_clean_file_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(HEADER + "".join(_rows(40_000)), encoding="utf-8")
    threaded, serial = _read(path, True, monkeypatch), _read(path, False, monkeypatch)
    assert threaded.table.equals(serial.table) and not serial.unreadable
    assert serial.table.column("_row").to_pylist() == list(range(2, 40_002))
    assert serial.table.column("案由")[0].as_py() == "民间借贷纠纷，第0号\n（含换行）"
