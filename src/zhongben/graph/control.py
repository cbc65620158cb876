"""股权穿透: effective stakes through layered shareholdings, in plain Python over the edges the
relation graph read (``zhongben.graph.relations``).

A holder's effective stake in a company is the sum, over every simple path of shareholdings from
the holder down to the company, of the product of the ratios along the path. A path never visits
an entity twice, so a cycle of cross-holdings (A holds B, B holds A) adds each loop once at most
and the sums are finite; paths are cut at ``MAX_LAYERS`` layers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MAX_LAYERS = 6
CONTROL = 0.5  # an effective stake above half controls the company


@dataclass(frozen=True)
class Holding:
    holder: str
    company: str
    ratio: float  # a fraction of the company, 0–1


def fraction(value: float | None) -> float:
    """A stored ratio as a fraction: 0.3 stays, 30 (a percentage) becomes 0.3."""
    if value is None:
        return 0.0
    number = float(value)
    return number / 100 if number > 1 else number


def _index(holdings: Iterable[Holding], down: bool) -> dict[str, list[tuple[str, float]]]:
    index: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for h in holdings:
        if down:
            index[h.holder].append((h.company, h.ratio))
        else:
            index[h.company].append((h.holder, h.ratio))
    return index


def _walk(start: str, index: dict[str, list[tuple[str, float]]]) -> dict[str, float]:
    """The sum over simple paths from ``start`` of the product of ratios, per reached entity."""
    stakes: dict[str, float] = defaultdict(float)
    stack: list[tuple[str, float, frozenset[str]]] = [(start, 1.0, frozenset({start}))]
    while stack:
        node, product, seen = stack.pop()
        if len(seen) > MAX_LAYERS:
            continue
        for other, ratio in index.get(node, ()):
            if other in seen or ratio <= 0:
                continue
            stakes[other] += product * ratio
            stack.append((other, product * ratio, seen | {other}))
    return dict(stakes)


def stakes_held(holder: str, holdings: Iterable[Holding]) -> dict[str, float]:
    """Every company ``holder`` holds directly or through other companies, with its stake."""
    return _walk(holder, _index(holdings, down=True))


def stakes_in(company: str, holdings: Iterable[Holding]) -> dict[str, float]:
    """Every holder of ``company`` directly or through other companies, with its stake."""
    return _walk(company, _index(holdings, down=False))


def ultimate_controllers(company: str, holdings: Iterable[Holding]) -> list[tuple[str, float]]:
    """The top holders of ``company`` — held by nobody themselves (natural persons, the state) —
    with their effective stakes, largest first. A company inside a cycle of cross-holdings is
    held, so the cycle never names itself the controller."""
    rows = list(holdings)
    held = {h.company for h in rows}
    tops = [(who, stake) for who, stake in stakes_in(company, rows).items() if who not in held]
    return sorted(tops, key=lambda t: (-t[1], t[0]))


def controlled(holder: str, holdings: Iterable[Holding]) -> dict[str, float]:
    """The companies ``holder`` controls through shareholdings (effective stake over half)."""
    return {c: s for c, s in stakes_held(holder, holdings).items() if s > CONTROL}
