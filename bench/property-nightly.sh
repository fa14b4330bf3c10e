#!/usr/bin/env bash
# Nightly-style run of the safety property test: 10,000 random designs with hostile names and
# text (CI runs 2,000). Override the count with SIGNALBOX_PROPERTY_RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
export SIGNALBOX_PROPERTY_RUNS="${SIGNALBOX_PROPERTY_RUNS:-10000}"
exec node --import tsx --test --test-timeout=3600000 codegen/safety.property.test.ts
