#!/usr/bin/env bash
# Generates .sst/platform (SST's component types) offline, so CI can type-check the infra without AWS.
set -euo pipefail
cd "$(dirname "$0")/.."

# SST_STAGE: install needs a stage but no AWS credentials to look one up.
# SST_SKIP_DEPENDENCY_CHECK / SST_NO_BUN: use npm (the only reachable registry) instead of downloading bun.
# SST_TELEMETRY_DISABLED: the telemetry host is unreachable here and its retries add ~45 s.
SST_STAGE="${SST_STAGE:-ci}" \
SST_SKIP_DEPENDENCY_CHECK=1 \
SST_NO_BUN=1 \
SST_TELEMETRY_DISABLED=1 \
  npx --no-install sst install
