"""A small workspace for the petition tests: four 终本 cases, their parties, and a 12309
register naming them by 案号 variants, by ID, by name only, or not at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zhongben.identifiers import id_card
from zhongben.workspace import Workspace

AS_OF = dt.date(2026, 6, 30)
A, B, C, D = ("(2023)浙0683执1234号", "(2023)浙0683执2000号", "(2024)浙0683执300号",
              "(2024)浙0683执301号")


def person(first17: str) -> str:
    return first17 + id_card.check_digit(first17)


LI_SI = person("33068319800101123")
CHEN_1, CHEN_2 = person("33068319700101111"), person("33068319900101222")

CASES = f"""案号,执行法院,立案日期,结案日期,结案方式,申请执行标的金额,执行到位金额,承办人
{A},嵊州市人民法院,2023-01-05,2023-03-01,终结本次执行程序,80000,0,张法官
{B},嵊州市人民法院,2023-02-05,2023-09-01,终结本次执行程序,50000,0,李法官
{C},嵊州市人民法院,2024-01-05,2024-06-01,终结本次执行程序,30000,0,张法官
{D},新昌县人民法院,2024-01-06,2024-06-02,终结本次执行程序,20000,0,李法官
"""
PARTIES = f"""案号,诉讼地位,姓名或名称,证件号码
{A},申请执行人,张三,
{A},被执行人,王五,
{B},申请执行人,李四,{LI_SI}
{B},被执行人,赵六,
{C},申请执行人,陈七,{CHEN_1}
{C},被执行人,孙八,
{D},申请执行人,陈七,{CHEN_2}
{D},被执行人,周九,
"""
PETITIONS = f"""申请编号,收到日期,来源渠道,申请人,申请人证件号,案号,当事人,诉求
P1,2026-06-01,12309网站,张三,,（２０２３）浙0683执 1234号,,法院未查财产即终本
P2,2026-06-02,来信,李四,,〔2023〕浙0683执2000号,,被执行人有车辆
P3,2026-06-03,12309热线,李四,{LI_SI},,,终本后未恢复执行
P4,2026-06-04,来访,陈七,,,,执行不力
P5,2026-06-05,12309网站,无名氏,,,无此人,执行不力
P6,2026-06-06,来访,陈七,,,周九,被执行人转移财产
"""


def build(folder: Path, petitions: str = PETITIONS) -> Workspace:
    source = folder / "in"
    source.mkdir(parents=True, exist_ok=True)
    for name, text in (("cases.csv", CASES), ("parties.csv", PARTIES),
                       ("12309申请.csv", petitions)):
        (source / name).write_text(text, encoding="utf-8")
    workspace = Workspace(folder / "ws.duckdb")
    assert workspace.ingest([source]).ok
    return workspace
