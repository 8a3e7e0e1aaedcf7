#!/usr/bin/env bash
# Set up Parallax from this checkout on Debian 12+ / Ubuntu 22.04+: the system libraries Qt
# needs (apt), then a virtual environment in .venv with Parallax and its test tools (pip).
# Run as root or as a user with sudo. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

APT_PACKAGES=(
  python3 python3-venv python3-pip
  # Qt offscreen and xcb platform plugins (see docs/architecture.md, "System libraries").
  libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-image0
  # Screenshots under a virtual display, and PDF pages rendered for inspection.
  xvfb xauth poppler-utils fonts-dejavu-core
)

echo "==> Installing system packages (apt)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null

pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if ! PYTHON=$(pick_python); then
  # Ubuntu 22.04 ships 3.10 as python3 but has 3.11 in its archive.
  $SUDO apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv >/dev/null
  PYTHON=$(pick_python) || { echo "Parallax needs Python 3.11 or newer." >&2; exit 1; }
fi

echo "==> Creating .venv with $($PYTHON --version)"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
echo "==> Installing Parallax and its test tools (pip)"
.venv/bin/python -m pip install -q -e ".[test]"
echo "==> Done. Run .venv/bin/parallax (app) or .venv/bin/python -m pytest (tests)."
