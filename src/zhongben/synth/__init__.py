"""The synthetic 终本 world: realistic, contract-compliant datasets with planted rule violations
(true cases and near-misses) and the truth a correct screen must reproduce.

Entry point: :func:`generate`.
"""

from __future__ import annotations

from zhongben.synth.generate import SynthResult, generate

__all__ = ["SynthResult", "generate"]
