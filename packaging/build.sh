#!/usr/bin/env bash
# Build the one-folder desktop app with PyInstaller and pack it as
# dist/Parallax-<version>-linux-<arch>.tar.gz. Run from a clone on Debian/Ubuntu (after
# packaging/setup-debian.sh, or with python3-venv installed). Takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/parallax/__init__.py)
ARCH=$(uname -m)
NAME="Parallax-${VERSION}-linux-${ARCH}"
BUILD="$ROOT/build/pyinstaller"
started=$(date +%s)

echo "==> Build environment (build/pyinstaller/venv)"
rm -rf "$BUILD"
mkdir -p "$BUILD" dist
PYTHON=${PYTHON:-python3}
"$PYTHON" -m venv "$BUILD/venv"
"$BUILD/venv/bin/python" -m pip install --quiet --upgrade pip
# A regular (non-editable) install: the bundle must not depend on this checkout.
"$BUILD/venv/bin/python" -m pip install --quiet "$ROOT" "pyinstaller>=6.10,<7"

echo "==> PyInstaller"
"$BUILD/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$BUILD/dist" --workpath "$BUILD/work" packaging/parallax.spec

echo "==> Desktop integration files"
APP="$BUILD/dist/Parallax"
mkdir -p "$APP/share"
cp packaging/linux/org.parallaxnews.Parallax.desktop packaging/linux/*.metainfo.xml \
  packaging/linux/*.mime.xml packaging/linux/install-desktop-entry.sh "$APP/share/"
chmod +x "$APP/share/install-desktop-entry.sh"

echo "==> Licences (THIRD_PARTY_NOTICES.md, section 6)"
cp LICENSE desktop/parallax/THIRD_PARTY_NOTICES.md "$APP/"
# The Debian copyright file of each system library PyInstaller copied from this machine.
if command -v dpkg-query >/dev/null; then
  for library in "$APP"/_internal/lib*.so*; do
    [ -L "$library" ] && continue  # a link into a wheel's folder (PySide6, pillow.libs …)
    package=$(dpkg-query -S "*/$ARCH-linux-gnu/$(basename "$library")" 2>/dev/null \
      | head -1 | cut -d: -f1) || true
    if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
      mkdir -p "$APP/_internal/licenses/system/$package"
      cp "/usr/share/doc/$package/copyright" "$APP/_internal/licenses/system/$package/"
    fi
  done
fi

echo "==> Archive"
rm -rf "$BUILD/$NAME" && mv "$APP" "$BUILD/$NAME"
tar -czf "dist/$NAME.tar.gz" -C "$BUILD" "$NAME"
mv "$BUILD/$NAME" "$APP"
echo "==> Built dist/$NAME.tar.gz ($(du -h "dist/$NAME.tar.gz" | cut -f1), unpacked $(du -sh "$APP" | cut -f1)) in $(( $(date +%s) - started )) s"
