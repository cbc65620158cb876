"""Bank accounts and statements. Citizens and companies trade freely; debtors' accounts carry only
small cash deposits and small purchases, so no fund-flow rule fires on the background.
Transactions are generated and written in chunks of accounts (bounded memory, deterministic)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from zhongben.synth import assets
from zhongben.synth.config import SynthConfig
from zhongben.synth.factory import Factory
from zhongben.synth.frame import Frame
from zhongben.synth.rng import stream
from zhongben.synth.schema import kinds

YEARS = 2
CHUNK_ACCOUNTS = 100_000
MERCHANTS = (
    "财付通支付科技有限公司",
    "支付宝(中国)网络技术有限公司",
    "浙江物美超市有限公司",
    "中国石化销售股份有限公司浙江绍兴石油分公司",
    "国网浙江省电力有限公司",
    "嵊州市自来水有限公司",
)
SUMMARIES = np.array(
    ["现金存入", "消费", "工资", "转账", "货款", "消费", "转账", "货款"], dtype=object
)
CHANNELS = np.array(["网银", "柜面", "ATM", "第三方支付"], dtype=object)


def accounts_frame(factory: Factory, holders: Frame, kinds: np.ndarray) -> Frame:
    """One account per holder (id, name); ``kinds``: 0 citizen, 1 company, 2 debtor."""
    rng = stream(factory.config.seed, "bank-accounts")
    n = len(holders["id"])
    bank = rng.integers(0, len(assets.BANKS), n)
    number = assets.accounts(factory.serials.take("account", n), bank)
    return {
        "account_no": number,
        "bank": np.array(assets.BANKS, dtype=object)[bank],
        "bank_index": bank,
        "holder_name": holders["name"],
        "holder_id": holders["id"],
        "opened_on": factory.as_of - rng.integers(800, 365 * 15, n),
        "kind": kinds,
    }


def write_transactions(
    factory: Factory, out: Path, config: SynthConfig, chinese: bool = False
) -> int:
    """Generate statements for every background account and write ``transactions.csv``
    (``银行交易流水.csv`` with the Chinese column names when ``chinese``)."""
    accts = factory.bank_accounts
    n = len(accts["account_no"])
    total = 0
    schema = pa.schema(
        [
            (
                c,
                pa.float64()
                if c in ("amount", "balance")
                else pa.timestamp("s")
                if c == "txn_at"
                else pa.string(),
            )
            for c in kinds("transactions")
        ]
    )
    plain = schema
    if chinese:
        from zhongben.contracts import TABLES

        table = TABLES["transactions"]
        schema = pa.schema(
            [pa.field(c.zh, f.type) for c, f in zip(table.columns, schema, strict=True)]
        )
    path = out / ("银行交易流水.csv" if chinese else "transactions.csv")
    with path.open("wb") as sink:
        for chunk, start in enumerate(range(0, n, CHUNK_ACCOUNTS)):
            rng = stream(config.seed, f"transactions-{chunk}")
            sel = np.arange(start, min(n, start + CHUNK_ACCOUNTS))
            table = _statements(factory, rng, accts, sel, config.scale.txn_per_account_year)
            total += _append(sink, table.rename_columns(schema.names), header=chunk == 0)
        for extra in factory.world.tables.get("transactions", []):
            table = extra.cast(plain).rename_columns(schema.names)
            total += _append(sink, table, header=total == 0)
        if total == 0:
            _append(sink, schema.empty_table(), header=True)
    return total


def _append(sink: BinaryIO, table: pa.Table, header: bool) -> int:
    """Append a chunk as CSV (dictionary-coded text is written as its values)."""
    buf = io.BytesIO()
    pacsv.write_csv(table, buf, pacsv.WriteOptions(include_header=header, quoting_style="needed"))
    sink.write(buf.getvalue())
    return int(table.num_rows)


def _coded(index: np.ndarray, pool: np.ndarray, valid: np.ndarray | None = None) -> pa.Array:
    """A string column as dictionary indices into ``pool`` (no per-row Python objects)."""
    mask = None if valid is None else ~valid
    codes = pa.array(index.astype(np.int32), mask=mask)
    return pa.DictionaryArray.from_arrays(codes, pa.array(pool, type=pa.string()))


def _statements(
    factory: Factory, rng: np.random.Generator, accts: Frame, sel: np.ndarray, per_year: float
) -> pa.Table:
    count = rng.poisson(per_year * YEARS, len(sel))
    idx = np.repeat(sel, count)
    m = len(idx)
    debtor = accts["kind"][idx] == 2
    start = (factory.as_of - 365 * YEARS).astype("datetime64[s]")
    at = start + (rng.random(m) * YEARS * 365 * 86400).astype(np.int64)
    inflow = rng.random(m) < np.where(debtor, 0.4, 0.45)
    amount = np.where(debtor, rng.uniform(20, 1500, m), rng.lognormal(7.2, 1.3, m).clip(1, 19000))
    amount = np.round(amount, 2)
    other = rng.integers(0, len(accts["account_no"]), m)
    other_ok = (accts["kind"][other] != 2) & ~debtor & (rng.random(m) < 0.6)
    merchant = rng.integers(0, len(MERCHANTS), m)
    summary = np.where(
        debtor,
        np.where(inflow, 0, 1),
        np.where(inflow, 2 + rng.integers(0, 3, m), 5 + rng.integers(0, 3, m)),
    )
    summary = np.where(~other_ok & ~debtor & inflow, 0, summary)
    order = np.lexsort((at, idx))
    signed = np.where(inflow, amount, -amount)[order]
    names = np.concatenate([accts["holder_name"], np.array(MERCHANTS, dtype=object)])
    name_idx = np.where(other_ok, other, len(accts["holder_name"]) + merchant)
    has_name = other_ok | ~inflow
    bank_pool = np.array(assets.BANKS, dtype=object)
    bank_idx = accts["bank_index"][other]
    cols = {
        "account_no": _coded(idx[order], accts["account_no"]),
        "txn_at": pa.array(at[order], type=pa.timestamp("s")),
        "amount": pa.array(amount[order]),
        "direction": _coded(np.where(inflow, 0, 1)[order], np.array(["in", "out"], dtype=object)),
        "counterparty_name": _coded(name_idx[order], names, has_name[order]),
        "counterparty_account": _coded(other[order], accts["account_no"], other_ok[order]),
        "counterparty_bank": _coded(bank_idx[order], bank_pool, other_ok[order]),
        "summary": _coded(summary[order], SUMMARIES),
        "balance": pa.array(_balances(idx[order], signed, rng)),
        "channel": _coded(rng.integers(0, 4, m), CHANNELS),
    }
    return pa.table(cols)


def _balances(group: np.ndarray, signed: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Running balance per account, never negative: opening = deficit + a random cushion."""
    if not len(group):
        return np.empty(0)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    cum = np.cumsum(signed)
    base = np.repeat(cum[starts] - signed[starts], np.diff(np.r_[starts, len(group)]))
    within = cum - base
    low = np.minimum.reduceat(within, starts)
    opening = -np.minimum(low, 0) + np.round(rng.uniform(100, 20000, len(starts)), 2)
    return np.round(within + np.repeat(opening, np.diff(np.r_[starts, len(group)])), 2)


def account_rows(accts: Frame) -> Frame:
    n = len(accts["account_no"])
    return {
        "account_no": accts["account_no"],
        "bank": accts["bank"],
        "holder_name": accts["holder_name"],
        "holder_id": accts["holder_id"],
        "opened_on": accts["opened_on"],
        "closed_on": np.full(n, np.datetime64("NaT", "D")),
    }


def setup_accounts(factory: Factory) -> None:
    """Accounts of citizens (one or two), employers and most person debtors."""
    rng = stream(factory.config.seed, "bank-holders")
    cit, comp, debt = factory.citizens, factory.employers, factory.debtors
    second = np.flatnonzero(rng.random(len(cit["id"])) < 0.3)
    persons = np.flatnonzero((debt["party_type"] == "自然人") & (rng.random(len(debt["id"])) < 0.7))
    holders = {
        "id": np.concatenate([cit["id"], cit["id"][second], comp["uscc"], debt["id"][persons]]),
        "name": np.concatenate(
            [cit["name"], cit["name"][second], comp["name"], debt["name"][persons]]
        ),
    }
    kinds_ = np.concatenate(
        [
            np.zeros(len(cit["id"]) + len(second), dtype=np.int8),
            np.ones(len(comp["uscc"]), dtype=np.int8),
            np.full(len(persons), 2, dtype=np.int8),
        ]
    )
    factory.bank_accounts = accounts_frame(factory, holders, kinds_)
    factory.world.add("bank_accounts", account_rows(factory.bank_accounts))
