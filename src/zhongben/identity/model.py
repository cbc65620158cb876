"""The Tier-B linkage model as Splink settings, written once and engine-neutral: comparisons and
blocking rules are Splink's library levels or SQL in the DuckDB dialect that Splink transpiles
(through SQLGlot) for the backend it runs on — DuckDB now, Spark with the scale-out work.

Rows are records (unresolved mentions) and profile rows (an entity with a valid ID, one row per
name it is known by). Two profile rows are never compared: two valid IDs are never one entity
unless a registry says so (Tier A). No blocking rule and no strong level rests on a name alone.
"""

from __future__ import annotations

from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator
from splink.blocking_rule_library import And, CustomRule, block_on

NOT_TWO_PROFILES = "l.is_profile + r.is_profile < 2"
KEYS = (
    ("region6", "birth8"),  # a typo in the last digits
    ("birth8", "tail4"),  # a typo in the region
    ("region6", "tail4"),  # a typo in the birth date
    ("region4", "tail4"),  # a masked number
    ("phone",),  # no number at all, but a phone
    ("address", "surname_py"),  # no number, no phone: the same address and surname
)


def blocking(columns: tuple[str, ...]) -> Any:
    return And(block_on(*columns), CustomRule(NOT_TWO_PROFILES, sql_dialect="duckdb"))


def _null(*columns: str) -> Any:
    either = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in columns)
    return cll.CustomLevel(f"({either})", label_for_charts="无从比较",
                           base_dialect_str="duckdb").configure(is_null_level=True)


def _level(level: Any, label: str, m: float) -> Any:
    """A level with its m probability: how often a true match lands in it. Set from how the
    sources err (below), not trained: there are too few records for EM to learn them, and
    they then score the same in every workspace. u is estimated from the workspace's data."""
    return level.configure(label_for_charts=label, m_probability=m)


def _name() -> Any:
    return cl.CustomComparison(
        output_column_name="name",
        comparison_description="姓名",
        comparison_levels=[
            _null("name_py"),
            _level(cll.ExactMatchLevel("name_s").configure(tf_adjustment_column="name_s"),
                   "姓名相同", 0.80),
            _level(cll.ExactMatchLevel("name_py"), "读音相同（同音字、繁简、拼音）", 0.10),
            _level(cll.And(cll.ExactMatchLevel("surname_py"),
                           cll.JaroWinklerLevel("given_py", 0.88)), "同姓、名字读音相近", 0.04),
            _level(cll.ArrayIntersectLevel("chars", 2), "两字相同", 0.02),
            _level(cll.ElseLevel(), "姓名不同", 0.04),
        ],
    )


def _digits(column: str, label: str, exact: float, near: float | None) -> Any:
    levels = [_null(column), _level(cll.ExactMatchLevel(column), f"{label}相同", exact)]
    if near is not None:  # one digit changed or two neighbours swapped
        levels.append(_level(cll.DamerauLevenshteinLevel(column, 1), f"{label}差一位", near))
    levels.append(_level(cll.ElseLevel(), f"{label}不同", 1.0 - exact - (near or 0.0)))
    return cl.CustomComparison(output_column_name=column, comparison_description=label,
                               comparison_levels=levels)


def _birth_year() -> Any:
    """The birth year a masked number may show (``3306831990****1234``); only where the whole
    birth date is not known on both sides (else the birth date says it already)."""
    return cl.CustomComparison(
        output_column_name="birth4", comparison_description="出生年份",
        comparison_levels=[
            cll.CustomLevel("(birth4_l IS NULL OR birth4_r IS NULL OR (birth8_l IS NOT NULL "
                            "AND birth8_r IS NOT NULL))", label_for_charts="无从比较",
                            base_dialect_str="duckdb").configure(is_null_level=True),
            _level(cll.ExactMatchLevel("birth4").configure(u_probability=1 / 60),
                   "出生年份相同", 0.95),
            _level(cll.ElseLevel().configure(u_probability=59 / 60), "出生年份不同", 0.05),
        ])


def _same(column: str, label: str, m: float, u: float) -> Any:
    """Agreement on one of several values (phones, addresses, documents); ``u``: how often two
    people share one — the default where the workspace's sample has none to count."""
    return cl.CustomComparison(
        output_column_name=column, comparison_description=label,
        comparison_levels=[
            _null(column),
            _level(cll.ArrayIntersectLevel(column, 1).configure(u_probability=u), f"{label}相同",
                   m),
            _level(cll.ElseLevel().configure(u_probability=1 - u), f"{label}不同", 1.0 - m)])


# m of the ID parts: a mistyped number differs in one digit (of 4 region, 2 county, 8 birth, 4
# last digits), a masked one is unknown in its middle (a null level) and right where it shows.
TITLES = {"name": "姓名", "region4": "地市码", "county2": "县区码", "birth8": "出生日期",
          "birth4": "出生年份", "tail4": "号码末四位", "phones": "电话", "addresses": "住址",
          "docs": "证件号"}
ID_PARTS = (
    ("region4", "地市码（前4位）", 0.95, None),
    ("county2", "县区码（5–6位）", 0.92, None),
    ("birth8", "出生日期", 0.62, 0.36),
    ("tail4", "号码末四位", 0.86, 0.12),
)


def settings(probability_two_random_records_match: float) -> SettingsCreator:
    """The model before training."""
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="uid",
        probability_two_random_records_match=probability_two_random_records_match,
        comparisons=[
            _name(),
            *(_digits(c, label, exact, near) for c, label, exact, near in ID_PARTS),
            _birth_year(),
            _same("phones", "电话", 0.75, 1e-5),
            _same("addresses", "住址", 0.6, 1e-4),
            _same("docs", "证件号", 0.5, 1e-6),
        ],
        blocking_rules_to_generate_predictions=[blocking(k) for k in KEYS],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        additional_columns_to_retain=["is_profile", "key", "pattern"],
    )
