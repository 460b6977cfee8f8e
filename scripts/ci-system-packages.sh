#!/bin/sh
# System packages the test suite needs beyond the Python ones (Debian 12; run as root).
#   chromium, chromium-driver  headless browser for tests/test_browser.py (driven by playwright
#                              with executable_path=/usr/bin/chromium; never `playwright install`)
#   virtuoso-opensource        second real SPARQL server for tests/test_remote.py and tests/test_parity.py
#   raptor2-utils              `rapper`, a second Turtle parser for the resource descriptions (tests/test_pages.py)
# The Oxigraph server comes from PyPI (`pip install oxigraph`, the test extra), not from apt.
# Tests that need a missing package skip themselves, so this script is optional locally.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver virtuoso-opensource raptor2-utils
# Debian's package may start a system Virtuoso on 0.0.0.0:8890/1111; the tests run their own
# on 127.0.0.1 with a temporary database, so stop the system one where a service manager started it.
if command -v service >/dev/null 2>&1; then service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
