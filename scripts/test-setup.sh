#!/usr/bin/env bash
# Installs the system packages the test suite drives for real (a browser for the
# web chat test, Redis for the scale-out tests, Tesseract and Poppler for OCR).
# On Debian as root they come from apt; anywhere else a missing one stops the
# run with its package name, never a silently skipped test.
set -euo pipefail

# binary -> Debian package
declare -A NEED=(
  [chromium]=chromium
  [redis-server]=redis-server
  [tesseract]=tesseract-ocr
  [pdftoppm]=poppler-utils
)
# data files -> Debian package
declare -A NEED_FILES=(
  [/usr/share/tesseract-ocr/5/tessdata/vie.traineddata]=tesseract-ocr-vie
)

missing=()
for bin in "${!NEED[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("${NEED[$bin]}")
done
for f in "${!NEED_FILES[@]}"; do
  [ -e "$f" ] || ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || missing+=("${NEED_FILES[$f]}")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test-setup: installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "test-setup: missing system packages: ${missing[*]}" >&2
echo "test-setup: install them (Debian: apt-get install ${missing[*]}) and run the tests again." >&2
exit 1
