"""Draw ReformKit's app icon: a deep-blue charter page with a folded corner and a white R.

Writes ``resources/icons/reformkit-{256,128,64,48,32,16}.png``, each drawn at its own size
with Qt (offscreen) so the small ones stay sharp, and ``reformkit.ico`` for Windows with
ImageMagick when ``convert`` is installed. Run it after changing the design, and commit the
files: ``QT_QPA_PLATFORM=offscreen .venv/bin/python build_scripts/make_icons.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (256, 128, 64, 48, 32, 16)
BLUE = QColor("#1F3864")  # the deep blue of the Word template's headings
FOLD = QColor("#8EA9DB")
WHITE = QColor("white")


def page_outline(body: QRectF, radius: float, fold: float) -> QPainterPath:
    """A rounded square whose top-right corner is cut off where the page folds."""
    page = QPainterPath()
    page.moveTo(body.left() + radius, body.top())
    page.lineTo(body.right() - fold, body.top())
    page.lineTo(body.right(), body.top() + fold)
    page.lineTo(body.right(), body.bottom() - radius)
    page.quadTo(body.right(), body.bottom(), body.right() - radius, body.bottom())
    page.lineTo(body.left() + radius, body.bottom())
    page.quadTo(body.left(), body.bottom(), body.left(), body.bottom() - radius)
    page.lineTo(body.left(), body.top() + radius)
    page.quadTo(body.left(), body.top(), body.left() + radius, body.top())
    return page


def folded_corner(body: QRectF, fold: float) -> QPainterPath:
    corner = QPainterPath()
    corner.moveTo(body.right() - fold, body.top())
    corner.lineTo(body.right() - fold, body.top() + fold * 0.8)
    corner.quadTo(
        body.right() - fold, body.top() + fold, body.right() - fold * 0.8, body.top() + fold
    )
    corner.lineTo(body.right(), body.top() + fold)
    corner.closeSubpath()
    return corner


def letter(body: QRectF) -> QPainterPath:
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(8, round(body.height() * 0.66)))
    text = QPainterPath()
    text.addText(QPointF(0, 0), font, "R")
    box = text.boundingRect()
    text.translate(
        body.center().x() - box.center().x() - body.width() * 0.03,
        body.center().y() - box.center().y() + body.height() * 0.03,
    )
    return text


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04 if size >= 32 else 0.0
    body = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    fold = body.width() * 0.26
    painter.fillPath(page_outline(body, body.width() * 0.2, fold), BLUE)
    painter.fillPath(folded_corner(body, fold), FOLD)
    painter.fillPath(letter(body), WHITE)
    if size >= 32:  # the signature line at the foot of a charter; too fine below 32 px
        pen = QPen(WHITE)
        pen.setWidthF(max(1.0, size * 0.035))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        y = body.bottom() - body.height() * 0.13
        painter.drawLine(
            QPointF(body.left() + body.width() * 0.28, y),
            QPointF(body.right() - body.width() * 0.28, y),
        )
    painter.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        target = ICONS / f"reformkit-{size}.png"
        if not draw(size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        pngs.append(str(target))
    convert = shutil.which("magick") or shutil.which("convert")
    if convert:
        subprocess.run([convert, *reversed(pngs), str(ICONS / "reformkit.ico")], check=True)
    else:
        print("ImageMagick not found: reformkit.ico left as it was", file=sys.stderr)
    print(f"Wrote {len(pngs)} PNGs{' and reformkit.ico' if convert else ''} in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
