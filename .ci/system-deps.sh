#!/bin/sh
# System packages for the browser and CAT-tool tests: Debian's chromium + chromium-driver and
# omegat. Installed only where we are root and apt-get exists; elsewhere those tests skip and
# say why. Never fails the build: a missing browser is a skipped test, not a broken install.
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v chromedriver >/dev/null 2>&1 || need="$need chromium-driver"
command -v omegat >/dev/null 2>&1 || need="$need omegat"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need="$need fonts-dejavu-core"
[ -n "$need" ] || exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: not root or no apt-get: not installing$need (the tests that need them skip)"
    exit 0
fi
echo "system-deps: apt-get install$need"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null 2>&1 || echo "system-deps: apt-get update failed"
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $need >/dev/null 2>&1 \
    || echo "system-deps: apt-get install$need failed (the tests that need them skip)"
exit 0
