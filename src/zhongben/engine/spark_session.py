"""Building the Spark session the engine runs on: ``local[N]`` by default (N = the machine's
cores), a cluster master (``spark://…``, ``yarn``, ``k8s://…``) or a Spark Connect URL (``sc://…``)
from ``--spark-master`` or ``ZHONGBEN_SPARK_MASTER``.

Settings that make Spark read the rules as DuckDB does: session time zone Asia/Shanghai, ANSI
mode (overflow and bad casts raise instead of turning into null), timestamps without time zone
(``TIMESTAMP_NTZ``, as the workspace and the lake store them), Arrow transfer to Python, and a
few shuffle partitions locally (the default 200 costs seconds per query on a laptop).

PySpark is the optional extra ``zhongben[spark]``: it is imported here only, when a Spark engine
is asked for, so a laptop install without Java imports cleanly.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

MASTER_VARIABLE = "ZHONGBEN_SPARK_MASTER"
TIME_ZONE = "Asia/Shanghai"

SETTINGS: dict[str, str] = {
    "spark.sql.session.timeZone": TIME_ZONE,
    "spark.sql.ansi.enabled": "true",
    "spark.sql.timestampType": "TIMESTAMP_NTZ",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.parquet.inferTimestampNTZ.enabled": "true",
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
}
LOCAL_SETTINGS: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.adaptive.coalescePartitions.initialPartitionNum": "8",
    "spark.driver.memory": os.environ.get("ZHONGBEN_SPARK_DRIVER_MEMORY", "4g"),
    # Spark's own default (10 MB): at 64 MB the city world ran out of driver memory building
    # broadcasts under local[2] (benchmarks/spark_bench.py, 2026-12-04)
    "spark.sql.autoBroadcastJoinThreshold": str(10 * 1024 * 1024),
    # Spark sizes its memory pages from the driver's memory: 64 MB at 4g, and every broadcast
    # hash table of a join takes at least one page — thirty joins of a few thousand rows each
    # allocated gigabytes and spent the screen collecting garbage. 2 MB pages: a county screen
    # ran its rules a third faster under local[2] (benchmarks/spark_bench.py --per-rule)
    "spark.buffer.pageSize": "2m",
}


class SparkUnavailable(RuntimeError):
    """PySpark or Java is missing, or the master cannot be reached (Chinese message)."""


def resolve_master(master: str | None = None, cores: int | None = None) -> str:
    """``master``, else $ZHONGBEN_SPARK_MASTER, else ``local[cores]`` (all cores by default)."""
    chosen = master or os.environ.get(MASTER_VARIABLE, "").strip()
    return chosen or f"local[{cores or os.cpu_count() or 1}]"


def local_partitions(master: str) -> int | None:
    """Shuffle partitions for a local master: two per core (None elsewhere: the cluster's)."""
    if not master.startswith("local"):
        return None
    inside = master.removeprefix("local").strip("[]") or "1"
    cores = (os.cpu_count() or 1) if inside == "*" else int(inside.split(",")[0])
    return max(2, 2 * cores)


def build_session(
    master: str | None = None, cores: int | None = None, app_name: str = "zhongben"
) -> SparkSession:
    """The Spark session for ``master`` (see the module doc); an existing session of this process
    is reused with the settings applied."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SparkUnavailable(
            "未安装 Spark 引擎：请安装可选依赖 zhongben[spark]（pip install 'zhongben[spark]'），"
            "并安装 Java 17。"
        ) from error
    url = resolve_master(master, cores)
    builder: Any = SparkSession.builder.appName(app_name)
    builder = builder.remote(url) if url.startswith("sc://") else builder.master(url)
    settings = dict(SETTINGS)
    partitions = local_partitions(url)
    if partitions is not None:
        settings.update(LOCAL_SETTINGS)
        settings["spark.sql.shuffle.partitions"] = str(partitions)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # Java missing, master unreachable: py4j / connect errors
        raise SparkUnavailable(
            f"无法启动 Spark（{url}）：{type(error).__name__}。请确认已安装 Java 17，"
            f"集群地址或 Spark Connect 地址可以访问。"
        ) from error
    for key, value in SETTINGS.items():  # a reused session gets the settings rules rely on
        session.conf.set(key, value)
    return session
