#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (Playwright drives it; no browser download,
# which this network could not reach anyway). Fails loudly when it cannot be installed: browser tests never skip in CI.
set -euo pipefail

log() { echo "ensure-chromium: $*" >&2; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else log "need root for: $*"; return 1; fi; }

for b in chromium chromium-browser; do command -v "$b" >/dev/null && exit 0; done
log "Chromium is not installed; installing it from Debian's packages"
sudo_ apt-get update -qq
DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null || { log "chromium did not install"; exit 1; }
