#!/usr/bin/env bash
# Installs what ingest-api's real-client tests need, when it is missing: Debian's chromium and
# chromium-driver (BrowserTrackerIntegrationTests drives /usr/bin/chromium through
# /usr/bin/chromedriver; nothing is downloaded by a test tool) and node + npm
# (SegmentSdkIntegrationTests runs the official Segment SDK). Run by the tests; safe to run again.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "missing: ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run the build as root" >&2
  exit 1
fi
echo "installing ${missing[*]} for the real-client tests"
# Parallel builds may hold the apt/dpkg locks: wait for them instead of failing.
for attempt in $(seq 1 60); do
  apt-get update -q >/dev/null 2>&1 && break
  [ "$attempt" -eq 60 ] && { echo "apt-get update kept failing" >&2; exit 1; }
  sleep 5
done
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >/dev/null
