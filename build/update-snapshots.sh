#!/usr/bin/env bash
# Rewrites the generator's snapshot files from the current generator output; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLGEN_UPDATE_SNAPSHOTS=1 dotnet test tests/ToolGen.Generators.Tests --filter "FullyQualifiedName~SnapshotTests"
git --no-pager diff --stat -- tests/ToolGen.Generators.Tests/Snapshots
