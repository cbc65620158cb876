"""Passwords attackers try first. The policy (``users_admin.check_password``) already asks for
10 characters mixing letters and digits or signs, so the list holds only the common ones that pass
that rule: keyboard walks, ``password`` and ``admin`` with digits, pinyin words with a year or a
run of digits, the product and office words staff reach for. Compared case-insensitively, and
also with leading and trailing runs of digits or signs removed (``Zhongben2026!`` is
``zhongben``)."""

from __future__ import annotations

import re

WORDS = frozenset({
    "password", "passw0rd", "p@ssword", "p@ssw0rd", "admin", "administrator", "root",
    "qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx", "1qaz2wsx3edc", "qazwsx",
    "abc", "abcd", "abcdef", "a1b2c3", "aa", "aaa", "iloveyou", "welcome", "letmein",
    "woaini", "nihao", "zhongguo", "china", "beijing", "jiancha", "jianchayuan", "jcy",
    "fayuan", "zhongben", "zhixing", "test", "user", "guest", "changeme", "mima", "default",
})
TAIL = re.compile(r"[\d\W_]+$")
DIGITS_FIRST = re.compile(r"^[\d\W_]+")


def is_common(password: str) -> bool:
    folded = password.casefold()
    stem = TAIL.sub("", DIGITS_FIRST.sub("", folded))
    # a stem of under three characters is a run of digits with a letter or two: a123456789
    return folded in WORDS or stem in WORDS or len(stem) < 3
