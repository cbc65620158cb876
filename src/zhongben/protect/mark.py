"""The export watermark: who exported, when, for what purpose, under which export number (the
number is in the audit log's entry of the export, so a leaked copy leads back to it)."""

from __future__ import annotations

import getpass
import io
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

PURPOSE_MIN, PURPOSE_MAX = 2, 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PurposeError(ValueError):
    """The purpose given for an export is missing or unusable (message in Chinese)."""


def clean_purpose(text: str | None) -> str:
    purpose = _CONTROL.sub("", text or "").strip()
    if len(purpose) < PURPOSE_MIN:
        raise PurposeError(f"请填写导出用途（至少 {PURPOSE_MIN} 个字）")
    if len(purpose) > PURPOSE_MAX:
        raise PurposeError(f"导出用途请控制在 {PURPOSE_MAX} 字以内")
    return purpose


@dataclass(frozen=True)
class ExportMark:
    user: str  # display name
    username: str
    purpose: str
    at: datetime
    export_id: str

    @classmethod
    def new(cls, user: str, username: str, purpose: str, at: datetime | None = None) -> ExportMark:
        return cls(user, username, clean_purpose(purpose), at or datetime.now().replace(
            microsecond=0), secrets.token_hex(6))

    @classmethod
    def for_command_line(cls, purpose: str) -> ExportMark:
        """A mark for a CLI export: the operating-system account is the user."""
        name = getpass.getuser()
        return cls.new(name, name, purpose)

    def text(self) -> str:
        return (f"{self.user}（{self.username}）于 {self.at:%Y-%m-%d %H:%M} 导出，"
                f"用途：{self.purpose}，导出编号 {self.export_id}")

    def lines(self) -> list[str]:
        return [f"{self.user}（{self.username}）", f"{self.at:%Y-%m-%d %H:%M} 导出",
                f"用途：{self.purpose}", f"编号 {self.export_id}"]

    def audit_detail(self) -> dict[str, str]:
        return {"purpose": self.purpose, "export_id": self.export_id}


@lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    """A font file with Chinese glyphs (Noto CJK: scripts/web/install-system-deps.sh)."""
    from matplotlib import font_manager

    for font in font_manager.fontManager.ttflist:
        if font.name in ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei",
                         "AR PL UMing CN", "SimHei"):
            return str(font.fname)
    return None


def tile_png(mark: ExportMark, width: int = 640, height: int = 360) -> bytes:
    """A light-grey tile with the mark's lines at an angle (the background of a sheet)."""
    from PIL import Image, ImageDraw, ImageFont

    path = cjk_font_path()
    font = ImageFont.truetype(path, 20) if path else ImageFont.load_default(20)
    lines = mark.lines() if path else [mark.username, f"{mark.at:%Y-%m-%d %H:%M}",
                                       mark.export_id]
    side = int(math.hypot(width, height))
    layer = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(layer)
    for i, line in enumerate(lines):
        draw.text((side // 6, side // 3 + i * 30), line, fill=255, font=font)
    layer = layer.rotate(25, resample=Image.Resampling.BICUBIC)
    left, top = (side - width) // 2, (side - height) // 2
    alpha = layer.crop((left, top, left + width, top + height))
    tile = Image.new("RGB", (width, height), "white")
    tile.paste(Image.new("RGB", (width, height), (205, 205, 205)), mask=alpha)
    out = io.BytesIO()
    tile.save(out, format="PNG")
    return out.getvalue()
