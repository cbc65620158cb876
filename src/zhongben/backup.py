"""``zhongben backup`` / ``zhongben restore``: the analytical workspace (every table, exported by
DuckDB as Parquet with its schema, so the copy does not depend on the DuckDB file format), its
quarantine lists, and the application database (``zhongben.store.backup``), in one folder with a
manifest holding each file's SHA-256 (a damaged backup is refused before anything is restored).

The workspace is read through a read-only connection: no writer can change it meanwhile."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from zhongben.engine.dump import export_workspace, import_workspace, table_counts
from zhongben.store.backup import BackupError, backup_app, restore_app
from zhongben.workspace import Workspace

MANIFEST = "backup.json"


@dataclass
class BackupReport:
    folder: Path
    workspace_tables: dict[str, int] = field(default_factory=dict)
    app_tables: dict[str, int] = field(default_factory=dict)


def _digests(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        with path.open("rb") as handle:
            found[str(path.relative_to(folder))] = hashlib.file_digest(handle, "sha256").hexdigest()
    return found


def backup(workspace: Workspace, app_db: str | None, out: Path) -> BackupReport:
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"备份目录 {out} 已存在且不为空：请指定新的目录")
    out.mkdir(parents=True, exist_ok=True)
    report = BackupReport(out)
    if workspace.path.exists():
        export_workspace(workspace.path, out / "workspace")
        report.workspace_tables = table_counts(workspace.path)
        if workspace.quarantine_dir.is_dir():
            shutil.copytree(workspace.quarantine_dir, out / "quarantine")
    if app_db and workspace.has_app_database(app_db):
        report.app_tables = backup_app(app_db, out / "app")
    manifest = {"created_at": datetime.now().isoformat(timespec="seconds"),
                "workspace": str(workspace.path), "workspace_tables": report.workspace_tables,
                "app_tables": report.app_tables, "files": _digests(out)}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return report


def _checked_manifest(folder: Path) -> dict[str, object]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} 不是 zhongben 备份（缺少或无法读取 {MANIFEST}）") from exc
    found = _digests(folder)
    damaged = sorted(n for n, d in manifest["files"].items() if found.get(n) != d)
    if damaged:
        raise BackupError(f"备份已损坏或不完整（{len(damaged)} 个文件与备份时不符，如 "
                          f"{damaged[0]}）：未恢复任何内容")
    return dict(manifest)


def restore(folder: Path, workspace: Workspace, app_db: str | None) -> BackupReport:
    manifest = _checked_manifest(folder)
    if workspace.path.exists():
        raise BackupError(f"工作库 {workspace.path} 已存在：请恢复到新的位置，以免覆盖现有数据")
    report = BackupReport(folder)
    if (folder / "workspace").is_dir():
        workspace.path.parent.mkdir(parents=True, exist_ok=True)
        import_workspace(folder / "workspace", workspace.path)
        report.workspace_tables = table_counts(workspace.path)
    if (folder / "quarantine").is_dir():
        shutil.copytree(folder / "quarantine", workspace.quarantine_dir, dirs_exist_ok=True)
    if (folder / "app").is_dir() and manifest.get("app_tables"):
        report.app_tables = restore_app(folder / "app", workspace.app_database(app_db))
    return report
