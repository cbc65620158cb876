"""The defects --messy injects, chosen so that none can create or remove a lead:
- wrong 身份证 check digits only on background citizens' travel and housing-fund rows (citizens are
  never restricted and never debtors, so these rows matter to no rule);
- exact duplicates only of rows in keyed tables (cases, vehicles, real_estate, companies);
- rows to quarantine only as extra, broken copies of existing rows (the original still loads).
Counts go to ``world.notes`` and into manifest.json."""

from __future__ import annotations

import numpy as np

from zhongben.synth.frame import Frame, length
from zhongben.synth.ids import corrupt_check
from zhongben.synth.world import World

BAD_ID_ROWS = {"travel": ("person_id", 5), "housing_fund": ("person_id", 3)}
DUPLICATES = {"cases": 3, "vehicles": 2, "real_estate": 2, "companies": 2}
# table -> (column, broken value): a required column made unreadable or empty
QUARANTINE = {
    "actions": ("acted_on", "2023-13-45"),
    "payments": ("amount", "约五万元"),
    "parties": ("name", ""),
    "vehicle_sightings": ("seen_at", "昨天下午"),
}
QUARANTINE_ROWS = 2


def bad_ids(
    world: World, citizens: np.ndarray, table: str, frame: Frame, rng: np.random.Generator
) -> Frame:
    """Wrong check digits on a few background citizens' rows."""
    if table not in BAD_ID_ROWS or not length(frame):
        return frame
    column, count = BAD_ID_ROWS[table]
    known = set(citizens.tolist())
    eligible = np.flatnonzero([v in known for v in frame[column]])
    pick = np.sort(rng.choice(eligible, size=min(count, len(eligible)), replace=False))
    out = dict(frame)
    out[column] = frame[column].copy()
    out[column][pick] = corrupt_check(frame[column][pick])
    world.notes[f"bad_check_digits.{table}"] += len(pick)
    world.messy_ids.append((table, column, pick))
    return out


def extra_rows(
    world: World,
    table: str,
    columns: list[str],
    cells: list[list[object]],
    rng: np.random.Generator,
) -> list[list[object]]:
    """Rendered rows plus exact duplicates and broken copies (appended at the end)."""
    n = len(cells)
    if n == 0:
        return cells
    out = list(cells)
    if table in DUPLICATES:
        pick = np.sort(rng.choice(n, size=min(n, DUPLICATES[table]), replace=False))
        out.extend(list(cells[i]) for i in pick)
        world.notes[f"duplicate_rows.{table}"] += len(pick)
    if table in QUARANTINE:
        column, value = QUARANTINE[table]
        at = columns.index(column)
        for i in np.sort(rng.choice(n, size=QUARANTINE_ROWS, replace=False)):
            row = list(cells[i])
            row[at] = value
            out.append(row)
        world.notes[f"quarantine_rows.{table}"] += QUARANTINE_ROWS
    return out
