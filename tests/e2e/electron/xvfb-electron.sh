#!/bin/sh
# Starts Electron on a virtual X display, for Linux machines with none (CI, containers). The
# Electron spec launches this in place of the binary (tests/support/electron-binary.ts); every
# argument, Playwright's switches included, goes to Electron, and so do its stdout and stderr.
set -eu
: "${LOADWISE_ELECTRON_BIN:?LOADWISE_ELECTRON_BIN must name the Electron binary}"
exec xvfb-run --auto-servernum --server-args="-screen 0 1366x800x24 -nolisten tcp" "$LOADWISE_ELECTRON_BIN" "$@"
