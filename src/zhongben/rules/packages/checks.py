"""The checks of a package before anything is installed: its manifest, its content hash, that its
files are the ones the manifest lists, the built-in rules it requires, and the data contract
(this version's, and the workspace's stored tables). Each returns Chinese reasons, empty when
the package passes."""

from __future__ import annotations

import json

from pydantic import ValidationError

from zhongben.contracts import TABLES
from zhongben.rules.packages.archive import PackageRefused, repeated
from zhongben.rules.packages.manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    README,
    Manifest,
    content_hash,
    rule_file,
    view_file,
)
from zhongben.rules.spec import Rule
from zhongben.rules.validate import known_columns


def parse_manifest(files: dict[str, bytes]) -> Manifest:
    if MANIFEST not in files:
        raise PackageRefused(["包中没有 manifest.json：这不是 zhongben 导出的模型包"])
    try:
        data = json.loads(files[MANIFEST].decode("utf-8"))
        manifest = Manifest.model_validate(data)
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        reason = f"manifest.json 无法读取（{exc}）：请向导出方重新索取模型包"
        raise PackageRefused([reason]) from None
    if manifest.format != FORMAT:
        raise PackageRefused([f"manifest.json 的格式 {manifest.format} 不是 {FORMAT}"])
    if manifest.format_version > FORMAT_VERSION:
        raise PackageRefused([f"模型包格式第 {manifest.format_version} 版比本程序支持的第 "
                              f"{FORMAT_VERSION} 版新：请升级 zhongben 后再导入"])
    return manifest


def check_hash(manifest: Manifest, files: dict[str, bytes]) -> list[str]:
    actual = content_hash(manifest, files)
    if actual == manifest.content_hash:
        return []
    return [f"内容哈希不符（清单记载 {manifest.content_hash[:12]}…，实际 {actual[:12]}…）："
            "模型包在导出后被改动或传输中损坏，请向导出方重新索取"]


def check_contents(manifest: Manifest, files: dict[str, bytes]) -> list[str]:
    """Exactly the files the manifest lists, each rule in its family's folder."""
    expected = {MANIFEST, README}
    reasons = []
    for entry in manifest.rules:
        expected |= {rule_file(entry.folder, entry.id), rule_file(entry.folder, entry.id,
                                                                   ".test.yaml")}
    expected |= {view_file(name) for name in manifest.views}
    reasons += [f"清单列出的文件 {name} 不在包中" for name in sorted(expected - set(files))]
    reasons += [f"包中的文件 {name} 未列在清单中" for name in sorted(set(files) - expected)]
    ids = [entry.id for entry in manifest.rules]
    reasons += [f"清单中规则 {i} 出现不止一次" for i in repeated(ids)]
    return reasons


def check_requires(manifest: Manifest, builtin: dict[str, Rule]) -> list[str]:
    reasons = []
    for rule_id, version in manifest.requires_rules.items():
        have = builtin.get(rule_id)
        if have is None:
            reasons.append(f"包中规则使用内置规则 {rule_id} 的结果，本程序没有这条规则：请升级 "
                           f"zhongben（导出方为 {manifest.zhongben_version}）")
        elif have.header.version != version:
            reasons.append(f"包中规则使用内置规则 {rule_id} 第 {version} 版的结果，本程序为第 "
                           f"{have.header.version} 版：请与导出方使用相同版本的 zhongben")
    return reasons


def check_builtin_ids(manifest: Manifest, builtin: dict[str, Rule]) -> list[str]:
    return [f"规则编号 {e.id} 与内置规则（{builtin[e.id].header.name}）相同：本地规则不能使用"
            f"内置编号，请导出方用 --rename {e.id}=新编号 重新导出"
            for e in manifest.rules if e.id in builtin]


def check_contract(manifest: Manifest, stored: dict[str, set[str]]) -> list[str]:
    """The tables and columns each rule reads: in this version's data contract, and stored in
    the workspace (``stored``: table → columns)."""
    reasons = []
    for entry in manifest.rules:
        for table, columns in entry.reads.items():
            if table not in TABLES:
                reasons.append(f"规则 {entry.id} 读取表 {table}，本版本数据契约中没有这张表："
                               f"请升级 zhongben（导出方为 {manifest.zhongben_version}）")
                continue
            zh = TABLES[table].zh
            unknown = sorted(set(columns) - known_columns(table))
            if unknown:
                reasons.append(f"规则 {entry.id} 读取 {table}（{zh}）的列 {'、'.join(unknown)}，"
                               "本版本数据契约中没有：请升级 zhongben")
            elif table not in stored:
                reasons.append(f"工作库中没有规则 {entry.id} 需要的表 {table}（{zh}）：请先用本版本"
                               " zhongben 导入该表的数据（zhongben ingest）再导入模型包")
            elif set(columns) - stored[table]:
                missing = "、".join(sorted(set(columns) - stored[table]))
                reasons.append(f"工作库的表 {table}（{zh}）缺少规则 {entry.id} 需要的列 {missing}："
                               "请先用本版本 zhongben 打开工作库（如 zhongben ingest）以升级表结构")
    return reasons
