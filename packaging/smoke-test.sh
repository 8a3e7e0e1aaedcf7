#!/usr/bin/env bash
# Smoke test of the frozen app: unpack the tarball in a temporary folder and run it with a bare
# environment (no virtual environment, no PYTHONPATH): the licence files and third-party notices,
# --version, the headless comparison of the bundled sample with --json and --pdf, and a screenshot
# of the window under Xvfb. Prints the cold-start and comparison times.
# Usage: packaging/smoke-test.sh [dist/Parallax-…tar.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
TARBALL=${1:-$(ls -t dist/Parallax-*-linux-*.tar.gz | head -1)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$TARBALL" -C "$WORK"
APP=$(echo "$WORK"/Parallax-*)
mkdir -p "$WORK/home"
BARE=(env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8)

seconds() {  # wall time of a command, in seconds (bash's clock; no bc needed)
  local start=$EPOCHREALTIME
  "$@" >/dev/null
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'
}

echo "==> $TARBALL"
# Help ▸ About's notices, LICENSE, each library's licence files, every shared library credited.
python3 packaging/check_notices.py --frozen "$APP"
echo "version: $("${BARE[@]}" "$APP/parallax" --version)"
echo "cold start (--version, first run): $(seconds "${BARE[@]}" "$APP/parallax" --version) s"
echo "warm start (--version): $(seconds "${BARE[@]}" "$APP/parallax" --version) s"
echo "compare sample with --json and --pdf: $(seconds "${BARE[@]}" "$APP/parallax" compare \
  "$APP/_internal/seeds/ukraine-truce-2025-08" --json "$WORK/out.json" --pdf "$WORK/out.pdf" -q) s"

python3 - "$WORK/out.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
generator = document["generator"]
assert generator["nlp_trained"], f"blank pipeline in the bundle: {generator['nlp_model']}"
assert "en_core_web_sm" in generator["nlp_model"], generator["nlp_model"]
assert generator["embedding_model"], "no sentence encoder in the bundle (wordllama data?)"
articles = document["articles"]
assert len(articles) == 5, len(articles)
for article in articles:
    scores = {s["key"]: s["value"] for s in article["readability"]["scores"]}
    assert scores["flesch_reading_ease"] != 0, article["id"]
    polarity = [s["tone"]["textblob_polarity"] for s in article["sentences"] if s["tone"]]
    assert any(p != 0 for p in polarity), f"TextBlob scores all zero in {article['id']}"
assert document["claims"] and document["conflicts"]
print(f"JSON: model {generator['nlp_model']}, {len(document['claims'])} claims, "
      f"{len(document['conflicts'])} conflicts, readability and TextBlob scores present")
PY
head -c 5 "$WORK/out.pdf" | grep -q "%PDF" && echo "PDF: $(pdfinfo "$WORK/out.pdf" | grep Pages)"

if command -v xvfb-run >/dev/null; then
  shot_seconds=$(seconds "${BARE[@]}" xvfb-run -a "$APP/parallax" --screenshot "$WORK/shot.png")
  test -s "$WORK/shot.png" && cp "$WORK/shot.png" dist/frozen-screenshot.png
  echo "window opened, sample compared and shown, screenshot saved: $shot_seconds s"
  echo "screenshot: dist/frozen-screenshot.png ($(du -h dist/frozen-screenshot.png | cut -f1))"
fi
echo "==> smoke test passed"
