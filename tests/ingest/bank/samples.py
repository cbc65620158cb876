"""Statement files in each institution's export layout, built from one list of transactions.

``write_all(folder)`` writes them; ``read_statement(path)`` reads one back the way the ingest
pipeline does (cells as strings, the header row found, title rows kept as the preamble).
Run ``python tests/ingest/bank/samples.py DIR`` to write the files for a manual look.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import xlsxwriter
from python_calamine import CalamineWorkbook

from zhongben.ingest.bank import BankLayout, locate_header

ACCOUNT = "6222021001123456789"


@dataclass(frozen=True)
class Txn:
    at: dt.datetime
    amount: float  # positive = in, negative = out
    balance: float
    cp_name: str
    cp_account: str
    summary: str


TXNS = (
    Txn(
        dt.datetime(2023, 5, 12, 10, 15, 3),
        5000.00,
        15000.00,
        "杭州恒达贸易有限公司",
        "33050161000000012345",
        "货款",
    ),
    Txn(
        dt.datetime(2023, 5, 13, 14, 2, 11),
        -1200.50,
        13799.50,
        "李四",
        "6217000010012345678",
        "转账",
    ),
    Txn(dt.datetime(2023, 5, 20, 9, 30, 0), -3000.00, 10799.50, "", "", "ATM取现"),
    Txn(
        dt.datetime(2023, 6, 1, 8, 0, 0),
        8000.00,
        18799.50,
        "嵊州市越达机械有限公司",
        "1211020109000012345",
        "工资",
    ),
)


def money(value: float) -> str:
    return f"{value:,.2f}"


Sheet = tuple[list[list[str]], list[str], list[list[str]], list[list[str]]]  # pre, head, rows, foot


def icbc() -> Sheet:
    pre = [
        ["中国工商银行借记卡账户历史明细清单"],
        [f"卡号：{ACCOUNT}", "户名：张三"],
        ["起止日期：2023-05-01 至 2023-06-30"],
    ]
    head = [
        "交易日期",
        "摘要",
        "交易场所",
        "交易国家或地区简称",
        "钞/汇",
        "交易金额（收入）",
        "交易金额（支出）",
        "交易币种",
        "记账金额（收入）",
        "记账金额（支出）",
        "记账币种",
        "余额",
        "对方户名",
        "对方账户",
    ]
    rows = [
        [
            t.at.strftime("%Y-%m-%d"),
            t.summary,
            "网上银行",
            "CHN",
            "钞",
            money(t.amount) if t.amount > 0 else "",
            money(-t.amount) if t.amount < 0 else "",
            "人民币",
            money(t.amount) if t.amount > 0 else "",
            money(-t.amount) if t.amount < 0 else "",
            "人民币",
            money(t.balance),
            t.cp_name,
            t.cp_account,
        ]
        for t in TXNS
    ]
    foot = [["合计", "", "", "", "", "13,000.00", "4,200.50"], ["以下空白"]]
    return pre, head, rows, foot


def ccb() -> Sheet:
    pre = [["中国建设银行个人活期账户交易明细"], [f"账号：{ACCOUNT}    户名：张三    币种：人民币"]]
    head = [
        "序号",
        "摘要",
        "币别",
        "钞汇",
        "交易日期",
        "交易时间",
        "交易金额",
        "账户余额",
        "交易地点/附言",
        "对方账号",
        "对方户名",
    ]
    rows = [
        [
            str(i + 1),
            t.summary,
            "人民币",
            "钞",
            t.at.strftime("%Y%m%d"),
            t.at.strftime("%H:%M:%S"),
            money(t.amount),
            money(t.balance),
            "手机银行",
            t.cp_account,
            t.cp_name,
        ]
        for i, t in enumerate(TXNS)
    ]
    foot = [["", "本页收入合计：13,000.00", "", "", "", "", "", "", "本页支出合计：4,200.50"]]
    return pre, head, rows, foot


def abc() -> Sheet:
    pre = [["中国农业银行银行卡交易明细清单"], [f"账户：{ACCOUNT}", "户名：张三"]]
    head = [
        "交易日期",
        "交易时间",
        "交易金额",
        "本次余额",
        "对手信息",
        "对方账号",
        "日志号",
        "交易渠道",
        "交易附言",
    ]
    rows = [
        [
            t.at.strftime("%Y%m%d"),
            t.at.strftime("%H%M%S"),
            ("+" if t.amount > 0 else "") + f"{t.amount:.2f}",
            f"{t.balance:.2f}",
            t.cp_name,
            t.cp_account,
            f"90{i:06d}",
            "网上银行",
            t.summary,
        ]
        for i, t in enumerate(TXNS)
    ]
    return pre, head, rows, [["共 4 笔"]]


def boc() -> Sheet:
    pre = [["中国银行交易流水明细清单"], [f"借记卡号：{ACCOUNT}"], ["客户姓名：张三"]]
    head = [
        "记账日期",
        "记账时间",
        "币别",
        "金额",
        "余额",
        "交易名称",
        "渠道",
        "网点名称",
        "附言",
        "对方账户名",
        "对方卡号/账号",
        "对方开户行",
    ]
    rows = [
        [
            t.at.strftime("%Y/%m/%d"),
            t.at.strftime("%H:%M:%S"),
            "人民币",
            money(t.amount),
            money(t.balance),
            t.summary,
            "网上银行",
            "杭州分行营业部",
            "",
            t.cp_name,
            t.cp_account,
            "中国建设银行" if t.cp_account else "",
        ]
        for t in TXNS
    ]
    return pre, head, rows, [["打印时间：2023-07-01 10:00:00"]]


def bocom() -> Sheet:
    pre = [["交通银行对私账户交易明细"], [f"卡号：{ACCOUNT}", "户名：张三"]]
    head = [
        "交易日期",
        "交易时间",
        "交易地点",
        "交易方式",
        "借贷标志",
        "交易金额",
        "余额",
        "对方账号",
        "对方户名",
        "对方行名",
        "摘要",
    ]
    rows = [
        [
            t.at.strftime("%Y-%m-%d"),
            t.at.strftime("%H:%M:%S"),
            "杭州",
            "网银",
            "贷" if t.amount > 0 else "借",
            money(abs(t.amount)),
            money(t.balance),
            t.cp_account,
            t.cp_name,
            "",
            t.summary,
        ]
        for t in TXNS
    ]
    return pre, head, rows, [["总笔数：4"]]


def psbc() -> Sheet:
    pre = [["中国邮政储蓄银行账户交易明细"], [f"账号：{ACCOUNT}"]]
    head = [
        "交易日期",
        "交易时间",
        "摘要",
        "收/付",
        "交易金额",
        "账户余额",
        "对方户名",
        "对方账号",
        "对方开户机构",
        "交易渠道",
        "交易机构",
    ]
    rows = [
        [
            t.at.strftime("%Y-%m-%d"),
            t.at.strftime("%H:%M:%S"),
            t.summary,
            "收" if t.amount > 0 else "付",
            money(abs(t.amount)),
            money(t.balance),
            t.cp_name,
            t.cp_account,
            "",
            "手机银行",
            "嵊州市支行",
        ]
        for t in TXNS
    ]
    return pre, head, rows, [["合计笔数：4"]]


def alipay() -> Sheet:
    pre = [
        ["支付宝支付科技有限公司  交易流水证明"],
        ["姓名：张三"],
        ["支付宝账户：13800001234"],
        ["起始时间：[2023-05-01 00:00:00]    终止时间：[2023-06-30 23:59:59]"],
        ["-" * 22 + "支付宝（中国）网络技术有限公司  电子客户回单" + "-" * 22],
    ]
    head = [
        "交易时间",
        "交易分类",
        "交易对方",
        "对方账号",
        "商品说明",
        "收/支",
        "金额",
        "收/付款方式",
        "交易状态",
        "交易订单号",
        "商家订单号",
        "备注",
    ]
    rows = [
        [
            t.at.strftime("%Y-%m-%d %H:%M:%S"),
            "转账红包",
            t.cp_name or "余额宝",
            t.cp_account,
            t.summary,
            "收入" if t.amount > 0 else "支出",
            f"{abs(t.amount):.2f}",
            "余额",
            "交易成功",
            f"2023{i:020d}\t",
            "",
            "",
        ]
        for i, t in enumerate(TXNS)
    ]
    rows.append(
        [
            "2023-06-02 12:00:00",
            "投资理财",
            "余额宝",
            "",
            "转入余额宝",
            "不计收支",
            "500.00",
            "余额",
            "交易成功",
            "20230602000000000099",
            "",
            "",
        ]
    )
    rows.append(
        [
            "2023-06-03 12:00:00",
            "日用百货",
            "某超市",
            "",
            "购物",
            "支出",
            "88.00",
            "余额",
            "交易关闭",
            "20230603000000000100",
            "",
            "",
        ]
    )
    return pre, head, rows, [["共6笔记录"], ["导出时间：[2023-07-01 10:00:00]"]]


def wechat() -> Sheet:
    pre = [
        ["微信支付账单明细"],
        ["微信昵称：[阿三]"],
        ["微信号：wxid_zhangsan01"],
        ["起始时间：[2023-05-01 00:00:00] 终止时间：[2023-06-30 23:59:59]"],
        ["导出类型：[全部]"],
        ["共5笔记录"],
        ["收入：2笔 13000.00元"],
        ["支出：2笔 4200.50元"],
        ["中性交易：1笔 100.00元"],
        ["注：", "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"],
        ["----------------------微信支付账单明细列表--------------------"],
    ]
    head = [
        "交易时间",
        "交易类型",
        "交易对方",
        "商品",
        "收/支",
        "金额(元)",
        "支付方式",
        "当前状态",
        "交易单号",
        "商户单号",
        "备注",
    ]
    rows = [
        [
            t.at.strftime("%Y-%m-%d %H:%M:%S"),
            "转账",
            t.cp_name or "零钱提现",
            "/",
            "收入" if t.amount > 0 else "支出",
            f"¥{abs(t.amount):.2f}",
            "零钱",
            "已收钱" if t.amount > 0 else "支付成功",
            f"1000{i:016d}",
            "/",
            "/",
        ]
        for i, t in enumerate(TXNS)
    ]
    rows.append(
        [
            "2023-06-05 09:00:00",
            "零钱提现",
            "招商银行(1234)",
            "/",
            "/",
            "¥100.00",
            "零钱",
            "提现已到账",
            "100000000000000099",
            "/",
            "服务费¥0.10",
        ]
    )
    return pre, head, rows, []


def tenpay() -> Sheet:
    head = [
        "用户ID",
        "交易单号",
        "大单号",
        "用户侧账号名称",
        "借贷类型",
        "交易业务类型",
        "交易用途类型",
        "交易时间",
        "交易金额(分)",
        "账户余额(分)",
        "用户银行卡号",
        "对手方ID",
        "对手侧账户名称",
        "对手方银行卡银行",
        "对手侧银行卡号",
        "备注1",
    ]
    rows = [
        [
            "wxid_zhangsan01",
            f"1000{i:016d}",
            "",
            "张三",
            "入" if t.amount > 0 else "出",
            "转账",
            t.summary,
            t.at.strftime("%Y-%m-%d %H:%M:%S"),
            str(round(abs(t.amount) * 100)),
            str(round(t.balance * 100)),
            "",
            t.cp_account,
            t.cp_name,
            "",
            "",
            "",
        ]
        for i, t in enumerate(TXNS)
    ]
    return [["财付通支付科技有限公司 协助查询结果"]], head, rows, []


def generic() -> Sheet:
    head = [
        "账号",
        "交易日期",
        "交易时间",
        "收入金额",
        "支出金额",
        "余额",
        "对方户名",
        "对方账号",
        "摘要",
    ]
    rows = [
        [
            ACCOUNT,
            t.at.strftime("%Y年%m月%d日"),
            t.at.strftime("%H:%M:%S"),
            money(t.amount) if t.amount > 0 else "",
            money(-t.amount) if t.amount < 0 else "",
            money(t.balance),
            t.cp_name,
            t.cp_account,
            t.summary,
        ]
        for t in TXNS
    ]
    return (
        [["某农村商业银行 账户交易明细"]],
        head,
        rows,
        [["合计", "", "", "13,000.00", "4,200.50"]],
    )


SAMPLES: dict[str, tuple[str, Callable[[], Sheet]]] = {
    "工商银行": ("icbc.xlsx", icbc),
    "建设银行": ("ccb.xlsx", ccb),
    "农业银行": ("abc.xlsx", abc),
    "中国银行": ("boc.xlsx", boc),
    "交通银行": ("bocom.xlsx", bocom),
    "邮储银行": ("psbc.csv", psbc),
    "支付宝": ("alipay.csv", alipay),
    "微信": ("wechat.csv", wechat),
    "微信（财付通调证）": ("tenpay.xlsx", tenpay),
    "通用": ("generic.xlsx", generic),
}


def write_sheet(path: Path, sheet: Sheet) -> None:
    pre, head, rows, foot = sheet
    lines = [*pre, head, *rows, *foot]
    if path.suffix == ".csv":
        encoding = "gb18030" if path.stem == "alipay" else "utf-8-sig"
        with path.open("w", newline="", encoding=encoding) as f:
            csv.writer(f).writerows(lines)
        return
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("明细")
    for r, line in enumerate(lines):
        for c, value in enumerate(line):
            ws.write_string(r, c, value)
    book.close()


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (file_name, build) in SAMPLES.items():
        write_sheet(folder / file_name, build())
        paths[name] = folder / file_name
    return paths


def read_cells(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("gb18030")
        return [list(r) for r in csv.reader(text.splitlines())]
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return [["" if v is None else str(v) for v in row] for row in sheet]


def read_statement(path: Path) -> tuple[BankLayout, pa.Table, list[list[str]]]:
    """(layout, rows below the header as VARCHAR + ``_row``, title rows) — as the pipeline does."""
    cells = read_cells(path)
    found = locate_header(cells)
    assert found is not None, f"{path.name}: no statement header found"
    index, layout = found
    header = cells[index]
    body = cells[index + 1 :]
    width = len(header)
    columns = {
        name: pa.array([(r[i] if i < len(r) else "") for r in body], pa.string())
        for i, name in enumerate(header)
        if name
    }
    columns["_row"] = pa.array(range(index + 2, index + 2 + len(body)), pa.int64())
    return layout, pa.table(columns), [r[:width] for r in cells[:index]]


if __name__ == "__main__":
    for label, written in write_all(Path(sys.argv[1])).items():
        print(label, written)
