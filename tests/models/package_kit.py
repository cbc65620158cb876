"""Small workspaces and hand-made packages for the model package tests."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner, Result

from zhongben.cli.main import app
from zhongben.engine.opener import open_write
from zhongben.rules.loader import LIBRARY, load_library
from zhongben.rules.packages.archive import read_zip, write_zip
from zhongben.rules.packages.manifest import MANIFEST, Manifest, content_hash, manifest_json
from zhongben.rules.testing import _merge, insert_rows, read_tests

# DC-04 reads contract tables only; FL-06 uses the shared view fund_moves
RULES = ("DC-04", "FL-06")
RENAMES = {"DC-04": "LC-04", "FL-06": "LK-06"}
runner = CliRunner()


def build_workspace(path: Path, rules: tuple[str, ...] = RULES) -> Path:
    """A workspace holding the rows of the positive test case of each rule."""
    library = load_library()
    with open_write(path) as con:
        for rule_id in rules:
            tests = read_tests(library[rule_id].test_path)
            positive = next(case for case in tests.tests if case.kind == "positive")
            for table, rows in _merge(tests.input, positive.input).items():
                insert_rows(con, table, rows)
    return path


def copy_workspace(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


def cli(*args: str) -> Result:
    return runner.invoke(app, [str(a) for a in args])


def repack(source: Path, target: Path, change: Callable[[dict[str, bytes]], None],
           rehash: bool = True) -> Path:
    """``source`` with ``change`` applied to its files; the manifest's hash recomputed unless
    ``rehash`` is False (a tampered package)."""
    files = read_zip(source)
    change(files)
    if rehash:
        manifest = Manifest.model_validate_json(files[MANIFEST])
        manifest.content_hash = content_hash(manifest, files)
        files[MANIFEST] = manifest_json(manifest)
    write_zip(target, files)
    return target


def library_digest(root: Path = LIBRARY) -> str:
    """One hash of every file of the built-in library (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
