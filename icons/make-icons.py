"""Draws Waymark's app icon (a route with a marker flag) and writes the icon set.

Run: python3 icons/make-icons.py  (needs Pillow). The outputs are committed.
"""
from pathlib import Path
from PIL import Image, ImageDraw

HERE = Path(__file__).parent
S = 1024


def draw(size: int = S) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    k = size / S
    # Rounded tile with a vertical teal gradient.
    tile = Image.new("RGBA", (size, size))
    td = ImageDraw.Draw(tile)
    for y in range(size):
        t = y / size
        c = (int(20 + 10 * t), int(110 - 40 * t), int(120 - 30 * t), 255)
        td.line([(0, y), (size, y)], fill=c)
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).rounded_rectangle([40 * k, 40 * k, 984 * k, 984 * k], radius=200 * k, fill=255)
    img.paste(tile, (0, 0), mask)
    # A winding path of waypoints.
    pts = [(250, 820), (460, 690), (360, 530), (560, 420)]
    pts = [(x * k, y * k) for x, y in pts]
    d.line(pts, fill=(240, 247, 245, 255), width=int(46 * k), joint="curve")
    for x, y in pts[:-1]:
        r = 44 * k
        d.ellipse([x - r, y - r, x + r, y + r], fill=(240, 247, 245, 255))
    # The marker flag at the last waypoint.
    fx, fy = pts[-1]
    d.line([(fx, fy), (fx, fy - 250 * k)], fill=(240, 247, 245, 255), width=int(36 * k))
    d.polygon([(fx, fy - 250 * k), (fx + 230 * k, fy - 190 * k), (fx, fy - 130 * k)], fill=(255, 196, 87, 255))
    r = 50 * k
    d.ellipse([fx - r, fy - r, fx + r, fy + r], fill=(255, 196, 87, 255))
    return img


def main() -> None:
    big = draw()
    for name, px in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        big.resize((px, px), Image.LANCZOS).save(HERE / name)
    big.save(HERE / "icon.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(HERE / "icon.icns")
    big.resize((64, 64), Image.LANCZOS).save(HERE / "tray.png")


if __name__ == "__main__":
    main()
