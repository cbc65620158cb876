"""Text cells: full-width ASCII folded, blanks stripped, empty is null (``identifiers.width``)."""

from __future__ import annotations

from zhongben.identifiers.width import BLANKS, ascii_upper, clean, clean_code, fold, remove_blanks

__all__ = ["BLANKS", "ascii_upper", "clean", "clean_code", "fold", "remove_blanks"]
