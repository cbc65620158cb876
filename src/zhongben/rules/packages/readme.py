"""The package's ``README.md``: each rule's documentation in Chinese, from its header."""

from __future__ import annotations

from zhongben.rules.families import BY_CODE
from zhongben.rules.packages.manifest import Manifest
from zhongben.rules.spec import Rule

BASIS_STATUS = {"V": "已核实", "S": "二手来源", "U": "待核实"}


def readme(manifest: Manifest, rules: dict[str, Rule]) -> str:
    """``rules``: the packaged rules by their id in the package."""
    lines = [f"# 模型包 {manifest.name}", "",
             f"- 导出时间：{manifest.created_at}",
             f"- zhongben 版本：{manifest.zhongben_version}",
             f"- 导出单位：{manifest.office or '未填写'}",
             "- 导入：`zhongben models import <本文件所在的 zip> --db <工作库>`；"
             "导入时校验内容哈希、数据契约、可移植写法，并运行包内测试。", ""]
    if manifest.requires_rules:
        needed = "、".join(f"{k}（第 {v} 版）" for k, v in manifest.requires_rules.items())
        lines += [f"需要导入方的内置规则：{needed}", ""]
    for entry in manifest.rules:
        lines += _rule_lines(rules[entry.id], entry.reads, entry.renamed_from)
    return "\n".join(lines) + "\n"


def _rule_lines(rule: Rule, reads: dict[str, list[str]], renamed_from: str) -> list[str]:
    h = rule.header
    family = BY_CODE[h.family].name if h.family in BY_CODE else h.family
    lines = [f"## {h.id} {h.name}（第 {h.version} 版）", "",
             f"- 模型：{family}（{h.family}）", f"- 风险等级：{h.severity.zh}"]
    if renamed_from:
        lines.append(f"- 由内置规则 {renamed_from} 改编号导出")
    lines += [f"- 法律依据：{b.text}（{BASIS_STATUS.get(b.status, b.status)}）" for b in h.basis]
    for name, p in h.params.items():
        kind = "办案政策设定" if p.policy else "法定"
        lines.append(f"- 参数 {name} = {p.default}{p.unit}（{p.label}；{kind}）")
    if h.uses:
        lines.append(f"- 使用的共用视图或规则：{'、'.join(h.uses)}")
    lines += [f"- 读取 {t}：{'、'.join(c) or '（仅判断有无记录）'}" for t, c in reads.items()]
    lines += [f"- 线索说明模板：{h.explanation.strip()}", ""]
    return lines
