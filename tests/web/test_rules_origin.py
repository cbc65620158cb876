"""The rules page shows where each rule of the workspace's library comes from: 内置 for the
built-in library, 导入 with the package, its hash and the exporting office for an imported one,
in the page and in its Excel export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chinese import xlsx_texts
from fastapi.testclient import TestClient
from helpers import login
from sqlalchemy.orm import Session, sessionmaker
from tests.models.package_kit import build_workspace, cli

from zhongben.web.app import Settings, create_app

ROW = re.compile(r'<td><a href="/leads\?rule=([A-Z]{2}-\d{2})">.*?<td class="origin">(.*?)</td>',
                 re.S)


@pytest.mark.slow  # > 1 s on an idle machine (CI durations, 2026-12-04)
def test_the_rules_page_shows_each_rules_origin(
    seeded: sessionmaker[Session], app_db: str, tmp_path: Path
) -> None:
    workspace = build_workspace(tmp_path / "ws.duckdb", ("DC-04",))
    package = tmp_path / "本院改写.zip"
    exported = cli("models", "export", "DC-04", "--db", workspace, "--out", package,
                   "--rename", "DC-04=LC-04", "--office", "嵊州市人民检察院")
    assert exported.exit_code == 0, exported.output
    assert cli("models", "import", package, "--db", workspace).exit_code == 0
    client = TestClient(create_app(Settings(db=app_db, workspace=str(workspace),
                                            secret_key="t")))
    login(client, "fzr")
    page = client.get("/rules")
    assert page.status_code == 200 and "<th>来源</th>" in page.text
    origins = dict(ROW.findall(page.text))
    assert origins["DC-04"] == "内置"
    assert origins["LC-04"].startswith("导入：本院改写（哈希 ")
    assert "来自 嵊州市人民检察院" in origins["LC-04"]
    workbook = client.get("/rules/export.xlsx?purpose=核查")
    texts = [text for _, text in xlsx_texts(workbook.content)]
    assert "来源" in texts and origins["LC-04"] in texts
    plain = TestClient(create_app(Settings(db=app_db, secret_key="t")))  # no workspace
    login(plain, "fzr")
    assert "LC-04" not in plain.get("/rules").text
