"""Fund flows as a graph: money moves between accounts, traced in time order (SQL first,
portable to Spark), with the per-debtor flow report on top."""
