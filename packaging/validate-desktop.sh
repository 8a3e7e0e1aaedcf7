#!/usr/bin/env bash
# Validates the Linux desktop entry, MIME type and AppStream metainfo (run by CI).
# Needs Debian's desktop-file-utils, appstream and shared-mime-info packages.
set -euo pipefail
cd "$(dirname "$0")/linux"
desktop-file-validate org.parallaxnews.Parallax.desktop
appstreamcli validate --no-net org.parallaxnews.Parallax.metainfo.xml
# The MIME definition must parse: build a throw-away database from it.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/mime/packages"
cp org.parallaxnews.Parallax.mime.xml "$scratch/mime/packages/"
update-mime-database "$scratch/mime" >/dev/null 2>&1
grep -q "application/x-parallax-comparison" "$scratch/mime/globs2"
echo "desktop entry, MIME type and metainfo are valid"
