"""A built rule through the same loader and validation as every rule file, previewed on the
workspace, and saved with its generated tests into the workspace's local library."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from zhongben.engine.base import Engine
from zhongben.leads.model import Lead
from zhongben.rules.builder.fixtures import gather, near_miss
from zhongben.rules.builder.generate import Generated, generate
from zhongben.rules.builder.pseudo import TestPseudonyms
from zhongben.rules.builder.spec import BuilderError, BuilderSpec
from zhongben.rules.families import BY_CODE
from zhongben.rules.loader import LIBRARY, load_library
from zhongben.rules.problems import RuleError
from zhongben.rules.run import prepare, run_rule
from zhongben.rules.spec import Rule
from zhongben.rules.testing import TestFile, run_tests

PREFIX = "ZD"  # 自定义: never a built-in family prefix
PREVIEW_ROWS = 10
DRAFT_ID = f"{PREFIX}-00"


def checked_rule(spec: BuilderSpec, rule_id: str = DRAFT_ID) -> tuple[Rule, Generated]:
    """The rule the spec makes, read back from a file by ``load_library`` (header, SQL parse,
    portable lint, contract tables): what reaches an engine is what any rule file would be."""
    generated = generate(spec, rule_id)
    with tempfile.TemporaryDirectory(prefix="zhongben-builder-") as tmp:
        folder = Path(tmp) / BY_CODE[spec.family].folder
        folder.mkdir()
        (folder / f"{rule_id}.sql").write_text(generated.text(), encoding="utf-8")
        try:
            rule = load_library(Path(tmp))[rule_id]
        except RuleError as exc:
            found = [f"生成的规则未通过校验：{p.message}" for p in exc.problems]
            raise BuilderError(found) from None
    return rule, generated


def preview(engine: Engine, rule: Rule, as_of: dt.date) -> list[Lead]:
    """Every lead the rule finds on the engine's tables as of ``as_of``."""
    prepare(engine)
    return run_rule(engine, rule, as_of)


Mark = Literal["right", "wrong"]


@dataclass(frozen=True)
class Marked:
    case_no: str
    subject_id: str
    mark: Mark


def make_tests(engine: Engine, rule: Rule, spec: BuilderSpec, as_of: dt.date,
               marks: list[Marked]) -> dict[str, Any]:
    """The YAML test file: a 对 lead's rows must give that lead, a 错 lead's rows no lead; and
    the first 对 lead's rows with the first condition unmet give none (the near miss). Every
    row is pseudonymised (``pseudo``): the local library holds no real ID, name or case no."""
    right = [m for m in marks if m.mark == "right"]
    if not right:
        raise BuilderError(["请在预览中至少将一条线索标为“对”，再保存（测试由标记生成）"])
    found = [gather(engine, rule, spec, m.case_no, m.subject_id) for m in marks]
    fake = TestPseudonyms(found)
    tests: list[dict[str, Any]] = []
    for number, (item, raw) in enumerate(zip(marks, found, strict=True), start=1):
        rows, case_no = fake.rows(raw), fake.case_no(item.case_no)
        expect = [{"case_no": case_no, "subject_id": fake.subject(item.subject_id)}]
        word = "对" if item.mark == "right" else "错"
        tests.append({
            "name": f"预览标为{word}：{case_no}（第{number}条，已脱敏）",
            "kind": "positive" if item.mark == "right" else "negative",
            "input": rows, "expect": expect if item.mark == "right" else []})
        if item is right[0]:
            tests.append({"name": f"近似未命中：{case_no} 不满足条件1", "kind": "near_miss",
                          "input": near_miss(spec, rows, case_no), "expect": []})
    return {"rule": rule.id, "as_of": as_of, "tests": tests}


def check_tests(rule: Rule, data: dict[str, Any]) -> None:
    """Run the generated tests on a fresh DuckDB; refuse (Chinese) any that fails."""
    problems = []
    for outcome in run_tests(rule, TestFile.model_validate(data)):
        problems += [f"测试「{outcome.case.name}」不通过：{f}" for f in outcome.failures]
    if problems:
        hint = "标为“错”的线索仍被命中时，请调整条件后重新预览，或取消该标记"
        raise BuilderError([*problems, hint])


def next_id(local: Path) -> str:
    """The first free ``ZD-nn`` of the local library (and never a built-in id)."""
    taken = {p.stem for p in local.glob("*/*.sql")} | {p.stem for p in LIBRARY.glob("*/*.sql")}
    for number in range(1, 100):
        candidate = f"{PREFIX}-{number:02d}"
        if candidate not in taken:
            return candidate
    raise BuilderError(["本地规则库的自定义编号已用完（ZD-01 至 ZD-99）"])


RULE_ID = re.compile(rf"^{PREFIX}-\d{{2}}$")


def save(local: Path, spec: BuilderSpec, rule_id: str, tests: dict[str, Any]) -> Path:
    """Write ``<rule_id>.sql`` and ``<rule_id>.test.yaml`` into the local library's family folder,
    each appearing whole or not at all; refuses an id that exists. Returns the rule file."""
    if not RULE_ID.match(rule_id) or (LIBRARY / BY_CODE[spec.family].folder / rule_id).exists():
        raise BuilderError([f"规则编号 {rule_id} 不可用（自定义规则编号为 ZD-01 至 ZD-99）"])
    if any(local.glob(f"*/{rule_id}.sql")):
        raise BuilderError([f"本地规则库中已有规则 {rule_id}，不覆盖"])
    folder = local / BY_CODE[spec.family].folder
    folder.mkdir(parents=True, exist_ok=True)
    rule_text = generate(spec, rule_id).text()
    test_text = yaml.safe_dump({**tests, "rule": rule_id}, allow_unicode=True, sort_keys=False,
                               width=1000)
    target, test_target = folder / f"{rule_id}.sql", folder / f"{rule_id}.test.yaml"
    _publish(folder, test_text, test_target)
    try:
        _publish(folder, rule_text, target)
    except BuilderError:
        test_target.unlink(missing_ok=True)
        raise
    return target


def _publish(folder: Path, text: str, target: Path) -> None:
    """``target`` with ``text``, created whole (a temporary file linked into place), never over an
    existing file."""
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".builder-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.link(temp, target)
    except FileExistsError:
        raise BuilderError([f"{target.name} 已存在，不覆盖"]) from None
    finally:
        os.unlink(temp)
