"""How good a resolution is, against a truth file (``entities_truth.csv``: table, source_row,
column, true_entity, noise): pairwise and cluster precision and recall per stratum, and the size
of the review band.

Strata are the truth's, not the resolver's: **Tier A** — mentions whose ID is usable or that a
registry maps (clean, 15-digit, old ID, passport, old 注册号 …); **Tier B** — a person's mention
with a mistyped or masked number or none at all, by that noise (typo / masked / none) and by
surname (common: 王 李 张 刘 陈; else rare).

Pairwise, anchored at a stratum's mentions: for each mention m, the other mentions predicted with
it (pred), truly with it (true) and both (tp); precision = Σtp / Σpred, recall = Σtp / Σtrue.
Cluster: a predicted cluster touching the stratum is pure when it holds one true entity
(precision = pure / clusters); a true entity touching the stratum is recovered when exactly its
mentions form one predicted cluster (recall = recovered / entities). "Band resolved" scores the
same after the review band's pairs were decided as the truth says."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zhongben.identity.backend import Backend
from zhongben.identity.sources import SOURCES

ENTITIES_TRUTH = "entities_truth.csv"  # written by ``zhongben synth`` beside truth.csv
TRUTH = "_zb_truth"
JUDGED = "_zb_judged"  # truth joined with the prediction: one row per mention
COMMON_SURNAMES = "王李张刘陈"
TIER_B_NOISE = {"typo": "typo", "check_digit": "typo", "masked": "masked", "missing": "none",
                "name_only": "name_only"}
# A mention that carries a name and nothing to compare (a petition giving only the applicant's
# name) cannot be linked by design — never on a name alone — so it is scored in a stratum of its
# own and kept out of Tier B's figures.
NAME_ONLY = "name_only"


@dataclass(frozen=True)
class StratumScore:
    stratum: str
    mentions: int
    pair_precision: float | None
    pair_recall: float | None
    cluster_precision: float | None
    cluster_recall: float | None
    band_pair_recall: float | None = None  # with the review band resolved by the truth
    band_pair_precision: float | None = None


@dataclass(frozen=True)
class EntityEvaluation:
    scores: list[StratumScore]
    review_band: int
    unmatched_truth: int  # truth rows naming a mention the workspace does not have


def _stratum_sql() -> str:
    kinds = " ".join(
        f"WHEN noise LIKE '%{k}%' THEN '{v}'" for k, v in TIER_B_NOISE.items()
    )
    person = ("regexp_matches(true_entity, '^[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])[0-9]{5}"
              "[0-9X]$')")
    return f"CASE WHEN {person} THEN CASE {kinds} END END"


def load_truth(backend: Backend, path: Path) -> None:
    backend.execute(
        f"CREATE OR REPLACE TEMP TABLE {TRUTH} AS SELECT \"table\" AS tbl, "
        f"CAST(source_row AS INTEGER) AS source_row, \"column\" AS col, true_entity, "
        f"coalesce(noise, '') AS noise FROM read_csv(?, header = true, all_varchar = true)",
        [str(path)],
    )


def _predicted_sql() -> str:
    parts = []
    for s in SOURCES:
        name = f'"{s.name}"' if s.name else "CAST(NULL AS VARCHAR)"
        parts.append(
            f"SELECT '{s.table}' AS tbl, '{s.column}' AS col, _row AS source_row, "
            f'"{s.entity}" AS pred, {name} AS name FROM "{s.table}"'
        )
    return " UNION ALL ".join(parts)


def judge(backend: Backend) -> int:
    """Join the truth with the prediction; a mention with no entity is its own cluster."""
    backend.execute(
        f"""CREATE OR REPLACE TEMP TABLE {JUDGED} AS
        SELECT t.tbl, t.col, t.source_row, t.true_entity, t.noise,
               coalesce(p.pred, 'none:' || t.tbl || ':' || t.col || ':' || t.source_row) AS pred,
               {_stratum_sql()} AS tier_b,
               CASE WHEN strpos('{COMMON_SURNAMES}', substr(coalesce(p.name, ''), 1, 1)) > 0
                    OR strpos('王李張劉陳', substr(coalesce(p.name, ''), 1, 1)) > 0
                    THEN 'common' ELSE 'rare' END AS surname
        FROM {TRUTH} AS t
        LEFT JOIN ({_predicted_sql()}) AS p
          ON p.tbl = t.tbl AND p.col = t.col AND p.source_row = t.source_row"""
    )
    return int(backend.rows(
        f"SELECT count(*) FROM {TRUTH} t WHERE NOT EXISTS (SELECT 1 FROM ({_predicted_sql()}) p "
        f"WHERE p.tbl = t.tbl AND p.col = t.col AND p.source_row = t.source_row)")[0][0])


def _ratio(num: object, den: object) -> float | None:
    return None if not den else round(float(num or 0) / float(den), 4)  # type: ignore[arg-type]


def score(backend: Backend, where: str, pred: str = "pred") -> tuple[float | None, ...]:
    """Pairwise precision, recall and cluster precision, recall of the mentions ``where``."""
    (p, r, tp, n) = backend.rows(
        f"""WITH j AS (SELECT *, {pred} AS cluster FROM {JUDGED}),
        pc AS (SELECT cluster, count(*) AS n FROM j GROUP BY 1),
        tc AS (SELECT true_entity, count(*) AS n FROM j GROUP BY 1),
        ptc AS (SELECT cluster, true_entity, count(*) AS n FROM j GROUP BY 1, 2)
        SELECT sum(pc.n - 1), sum(tc.n - 1), sum(ptc.n - 1), count(*)
        FROM j JOIN pc USING (cluster) JOIN tc USING (true_entity)
        JOIN ptc USING (cluster, true_entity) WHERE {where}"""
    )[0]
    (pure, clusters, recovered, entities) = backend.rows(
        f"""WITH j AS (SELECT *, {pred} AS cluster FROM {JUDGED}),
        touched_p AS (SELECT DISTINCT cluster FROM j WHERE {where}),
        touched_t AS (SELECT DISTINCT true_entity FROM j WHERE {where}),
        p AS (SELECT cluster, count(DISTINCT true_entity) AS truths, count(*) AS n FROM j
              GROUP BY 1),
        t AS (SELECT true_entity, count(DISTINCT cluster) AS preds, min(cluster) AS cluster,
                     count(*) AS n FROM j GROUP BY 1)
        SELECT (SELECT count(*) FROM p JOIN touched_p USING (cluster) WHERE truths = 1),
               (SELECT count(*) FROM touched_p),
               (SELECT count(*) FROM t JOIN touched_t USING (true_entity)
                JOIN p ON p.cluster = t.cluster WHERE t.preds = 1 AND p.n = t.n),
               (SELECT count(*) FROM touched_t)"""
    )[0]
    del n
    return _ratio(tp, p), _ratio(tp, r), _ratio(pure, clusters), _ratio(recovered, entities)


BAND_FIX = "_zb_band_fix"
STRATA = (
    ("全部", "true"),
    ("A 层（号码/登记）", "tier_b IS NULL"),
    ("B 层（无可用号码）", "tier_b IS NOT NULL AND tier_b <> 'name_only'"),
    ("B 层·打码", "tier_b = 'masked'"),
    ("B 层·错号", "tier_b = 'typo'"),
    ("B 层·无号码", "tier_b = 'none'"),
    ("B 层·常见姓", "tier_b IS NOT NULL AND tier_b <> 'name_only' AND surname = 'common'"),
    ("B 层·少见姓", "tier_b IS NOT NULL AND tier_b <> 'name_only' AND surname = 'rare'"),
    ("仅有姓名（不计入 B 层）", "tier_b = 'name_only'"),
)


def _band_fix(backend: Backend) -> int:
    """What the review band's pairs become when decided by the truth: a record whose pair is
    truly the same takes the other side's entity."""
    tables = backend.tables()
    if "entity_review" not in tables or "entity_mentions" not in tables:
        backend.execute(f"CREATE OR REPLACE TEMP TABLE {BAND_FIX} (tbl VARCHAR, col VARCHAR, "
                        "source_row INTEGER, new_pred VARCHAR)")
        return 0
    backend.execute(
        f"""CREATE OR REPLACE TEMP TABLE {BAND_FIX} AS
        WITH side AS (
          SELECT m.record_key, min(j.true_entity) AS truth, min(j.pred) AS pred
          FROM entity_mentions AS m JOIN {JUDGED} AS j
            ON j.tbl = m.tbl AND j.col = m.col AND j.source_row = m."row"
          GROUP BY m.record_key
        ),
        other AS (
          SELECT r.record_key, r.other_key,
                 CASE WHEN r.other_kind = 'entity' THEN r.other_key ELSE o.pred END AS pred,
                 CASE WHEN r.other_kind = 'entity' THEN coalesce(
                        (SELECT min(true_entity) FROM {JUDGED} WHERE pred = r.other_key),
                        r.other_key) ELSE o.truth END AS truth
          FROM entity_review AS r LEFT JOIN side AS o ON o.record_key = r.other_key
        ),
        fixed AS (
          SELECT s.record_key, min(o.pred) AS new_pred FROM other AS o
          JOIN side AS s ON s.record_key = o.record_key
          WHERE o.truth = s.truth GROUP BY s.record_key
        )
        SELECT m.tbl, m.col, m."row" AS source_row, f.new_pred FROM entity_mentions AS m
        JOIN fixed AS f ON f.record_key = m.record_key"""
    )
    return int(backend.rows("SELECT count(*) FROM entity_review")[0][0])


def evaluate_entities(backend: Backend, truth: Path) -> EntityEvaluation:
    load_truth(backend, truth)
    unmatched = judge(backend)
    band = _band_fix(backend)
    banded = (f"coalesce((SELECT f.new_pred FROM {BAND_FIX} f WHERE f.tbl = j.tbl "
              f"AND f.col = j.col AND f.source_row = j.source_row), pred)")
    backend.execute(f"ALTER TABLE {JUDGED} ADD COLUMN banded VARCHAR")
    backend.execute(f"UPDATE {JUDGED} AS j SET banded = {banded}")
    scores = []
    for label, where in STRATA:
        (count,) = backend.rows(f"SELECT count(*) FROM {JUDGED} WHERE {where}")[0]
        if not count:
            continue
        pp, pr, cp, cr = score(backend, where)
        bp, br, _, _ = score(backend, where, "banded")
        scores.append(StratumScore(label, int(count), pp, pr, cp, cr, br, bp))
    return EntityEvaluation(scores, band, unmatched)
