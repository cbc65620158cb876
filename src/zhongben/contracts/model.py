"""The building blocks of the data contract: column kinds, columns and tables.

Everything else (ingest, rules, docs) reads these definitions; nothing else declares a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """How a column is parsed at ingest and typed in the workspace."""

    TEXT = "text"  # folded, stripped free text
    CODE = "code"  # an identifier without checksum (plate, unit_no, account): folded, upper-cased
    CASE_NO = "case_no"  # 案号, canonical half-width form
    DATE = "date"
    TIMESTAMP = "timestamp"
    MONTH = "month"  # YYYY-MM, stored as the first day of the month
    AMOUNT = "amount"  # yuan, DECIMAL(18,2); accepts commas, ¥, 万元
    NUMBER = "number"  # a plain decimal number (area, ratio)
    INTEGER = "integer"
    PERSON_ID = "person_id"  # 身份证号 (GB 11643), 15 digits converted to 18
    USCC = "uscc"  # 统一社会信用代码 (GB 32100)
    PARTY_ID = "party_id"  # either of the two; other document numbers kept as they are
    ENUM = "enum"  # one of a closed list of Chinese values (with synonyms and codes)


class Personal(StrEnum):
    """Personal-data class of a column: what the product must mask, log and pseudonymise."""

    NONE = "none"
    IDENTIFIER = "identifier"  # 身份证号 and other document numbers of natural persons
    NAME = "name"  # a person's name
    CONTACT = "contact"  # phone, address
    FINANCIAL = "financial"  # accounts, balances, transactions, contributions, premiums
    MOVEMENT = "movement"  # travel, vehicle sightings
    FAMILY = "family"  # kinship and marriage


SQL_TYPES: dict[Kind, str] = {
    Kind.TEXT: "VARCHAR",
    Kind.CODE: "VARCHAR",
    Kind.CASE_NO: "VARCHAR",
    Kind.DATE: "DATE",
    Kind.TIMESTAMP: "TIMESTAMP",
    Kind.MONTH: "DATE",
    Kind.AMOUNT: "DECIMAL(18,2)",
    Kind.NUMBER: "DOUBLE",
    Kind.INTEGER: "INTEGER",
    Kind.PERSON_ID: "VARCHAR",
    Kind.USCC: "VARCHAR",
    Kind.PARTY_ID: "VARCHAR",
    Kind.ENUM: "VARCHAR",
}

ID_KINDS = frozenset({Kind.PERSON_ID, Kind.USCC, Kind.PARTY_ID})


@dataclass(frozen=True)
class Column:
    """One column of a contract table."""

    name: str
    zh: str
    kind: Kind = Kind.TEXT
    required: bool = False
    synonyms: tuple[str, ...] = ()
    personal: Personal = Personal.NONE
    doc: str = ""
    values: tuple[str, ...] = ()  # the allowed values of an ENUM, canonical Chinese
    value_synonyms: dict[str, str] = field(default_factory=dict)  # other spellings/codes -> value
    open_values: bool = False  # an ENUM whose unknown values are kept (and reported) not refused
    default: str | None = None  # the value an empty cell takes (as the data contract states)
    strict_id: bool = False  # an ID kind whose value failing its checksum quarantines the row

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.kind]

    @property
    def invalid_column(self) -> str | None:
        """For an ID column: the companion column keeping a value that failed its checksum."""
        return f"{self.name}_invalid" if self.kind in ID_KINDS else None

    @property
    def header_names(self) -> tuple[str, ...]:
        """Every header text that names this column (canonical, Chinese, synonyms)."""
        return (self.name, self.zh, *self.synonyms)


@dataclass(frozen=True)
class Table:
    """One table of the data contract."""

    name: str
    zh: str
    group: str  # "court", "registry", "bank", "documents", "identity", "petitions"
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # natural key: a later load of the same key replaces the row
    synonyms: tuple[str, ...] = ()
    doc: str = ""

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate column names")
        missing = set(self.key) - set(names)
        if missing:
            raise ValueError(f"{self.name}: key columns {sorted(missing)} are not columns")

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def file_names(self) -> tuple[str, ...]:
        """Every file or sheet name (without extension) that names this table."""
        return (self.name, self.zh, *self.synonyms)


def col(
    name: str,
    zh: str,
    kind: Kind = Kind.TEXT,
    *synonyms: str,
    required: bool = False,
    personal: Personal = Personal.NONE,
    doc: str = "",
    values: tuple[str, ...] = (),
    value_synonyms: dict[str, str] | None = None,
    open_values: bool = False,
    default: str | None = None,
    strict_id: bool = False,
) -> Column:
    """Shorthand used by the table definitions."""
    return Column(
        name=name,
        zh=zh,
        kind=kind,
        required=required,
        synonyms=synonyms,
        personal=personal,
        doc=doc,
        values=values,
        value_synonyms=value_synonyms or {},
        open_values=open_values,
        default=default,
        strict_id=strict_id,
    )
