#!/usr/bin/env bash
# System packages the test suite needs: Debian's chromium (browser tests, driven by playwright
# with executable_path=/usr/bin/chromium, since no browser download is possible) and Virtuoso
# (parity tests against a second real triple store). Installs only what is missing.
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v chromedriver >/dev/null 2>&1 || needed+=(chromium-driver)
command -v virtuoso-t >/dev/null 2>&1 || needed+=(virtuoso-opensource)
if [ ${#needed[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
