#!/usr/bin/env bash
# Runs the performance measurements of docs/benchmarks.md:
#   1. BenchmarkDotNet: per-call (ToolGen vs hand-written vs Microsoft.Extensions.AI), batches, generator runs;
#   2. cold start: time to the first completed call in a fresh process, ToolGen vs Microsoft.Extensions.AI;
#   3. whole `dotnet build` of a 1,000-tool project with and without the generator.
# Usage: build/bench.sh [BenchmarkDotNet filter, default '*'] — results land in BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
filter=${1:-*}
project=tests/ToolGen.Benchmarks
dll=$project/bin/Release/net10.0/ToolGen.Benchmarks.dll

dotnet build $project -c Release --nologo -v q
dotnet "$dll" --check

echo "== BenchmarkDotNet ($filter)"
dotnet "$dll" --filter "$filter"

echo "== Generator on 1,000 tools (single shot, after warm-up)"
dotnet "$dll" --generator-report

echo "== Cold start, median of 9 fresh processes each (from process start / from Main)"
for which in toolgen extensionsai; do
  runs=$(for _ in 1 2 3 4 5 6 7 8 9; do dotnet "$dll" --cold-start "$which"; done)
  start=$(echo "$runs" | sed -E 's/.* call ([0-9.]+) ms after process start.*/\1/' | sort -n | sed -n 5p)
  main=$(echo "$runs" | sed -E 's/.*, ([0-9.]+) ms after Main.*/\1/' | sort -n | sed -n 5p)
  echo "$which median: $start ms from process start, $main ms from Main"
done

echo "== dotnet build of a 1,000-tool project, with and without ToolGen (median of 5 recompiles)"
tmp=$(mktemp -d)
for variant in without with; do
  dotnet "$dll" --write-large-project "$tmp/$variant" "$root" "$variant"
  dotnet build "$tmp/$variant" -c Release --nologo -v q >/dev/null # restore, build references, warm the build server
  for _ in 1 2 3 4 5; do
    # Touching the sources recompiles the project (generator and analyzers included) but not its references.
    touch "$tmp/$variant"/*.cs
    start=$(date +%s%N)
    dotnet build "$tmp/$variant" -c Release --nologo -v q --no-restore >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | sort -n | sed -n 3p | xargs printf "build %s ToolGen: %s ms\n" "$variant"
done
rm -rf "$tmp"
