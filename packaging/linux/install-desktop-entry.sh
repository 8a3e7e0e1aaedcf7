#!/usr/bin/env bash
# Adds Parallax to your desktop's application menu and file associations (for this user).
# Run from the unpacked Parallax folder: share/install-desktop-entry.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ID=org.parallaxnews.Parallax
mkdir -p "$DATA/applications" "$DATA/mime/packages" "$DATA/metainfo" "$HOME/.local/bin"
sed "s|^Exec=parallax|Exec=\"$HERE/parallax\"|" "$HERE/share/$ID.desktop" > "$DATA/applications/$ID.desktop"
cp "$HERE/share/$ID.mime.xml" "$DATA/mime/packages/$ID.xml"
cp "$HERE/share/$ID.metainfo.xml" "$DATA/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
  target="$DATA/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$target"
  cp "$HERE/_internal/resources/icons/parallax-$size.png" "$target/$ID.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps"
cp "$HERE/_internal/resources/icons/parallax.svg" "$DATA/icons/hicolor/scalable/apps/$ID.svg"
ln -sf "$HERE/parallax" "$HOME/.local/bin/parallax"
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "Parallax is in your application menu; 'parallax' is in ~/.local/bin."
