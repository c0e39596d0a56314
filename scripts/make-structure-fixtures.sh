#!/bin/sh
# Rewrites a fixture PDF with other file structures, for the tests of the direct PDF reader
# (src/sources/pdf/direct): object and cross-reference streams, linearization, and encryption with an empty user
# password (opens without one; the direct reader must decline it and leave the page to pdf.js).
# Needs qpdf (installed with apt-get when missing). Outputs are committed: the tests do not need qpdf.
set -eu
cd "$(dirname "$0")/.."
if ! command -v qpdf >/dev/null 2>&1; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update && $SUDO apt-get install -y qpdf
fi
src=fixtures/normandie-restitution-2022.pdf
out=fixtures/structure
mkdir -p "$out"
qpdf --object-streams=generate "$src" "$out/normandie-restitution-2022.object-streams.pdf"
qpdf --linearize "$src" "$out/normandie-restitution-2022.linearized.pdf"
qpdf --encrypt "" owner 256 -- "$src" "$out/normandie-restitution-2022.encrypted.pdf"
echo "written: $(ls "$out"/*.pdf | tr '\n' ' ')"
