#!/usr/bin/env bash
# Runs the performance measurements of docs/benchmarks.md:
#   1. BenchmarkDotNet: per-call (ToolGen vs hand-written vs Microsoft.Extensions.AI), batches, generator runs;
#   2. cold start: time to the first completed call in a fresh process, ToolGen vs Microsoft.Extensions.AI;
#   3. whole `dotnet build` of a 1,000-tool project with and without the generator (and System.Text.Json's, for reference).
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

echo "== dotnet build of a 1,000-tool project (median of 7 recompiles after touching the sources)"
# Variants: without / with ToolGen; and, as the reference point for a generator's cost, the same 1,000 signatures as
# records without (records) and with (stj) System.Text.Json's source generator. Each is built with the compiler server
# (the SDK's default) and without it (a fresh csc process per build, as when UseSharedCompilation=false, which this
# project's CI machine sets in its environment). Rounds visit the variants in turn, so drift hits them all alike.
tmp=$(mktemp -d)
variants="without with records stj"
build() { dotnet build "$1" -c Release --nologo -v q --no-restore -p:UseSharedCompilation="$2" "${@:3}"; }
for variant in $variants; do
  dotnet "$dll" --write-large-project "$tmp/$variant" "$root" "$variant"
  dotnet build "$tmp/$variant" -c Release --nologo -v q >/dev/null # restore and build the references
done
for server in true false; do
  for variant in $variants; do build "$tmp/$variant" "$server" >/dev/null; done # warm the compiler server
  for _ in 1 2 3 4 5 6 7; do
    for variant in $variants; do
      # Touching the sources recompiles the project (generators and analyzers included) but not its references.
      touch "$tmp/$variant"/*.cs
      start=$(date +%s%N)
      build "$tmp/$variant" "$server" >/dev/null
      echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$tmp/times-$variant-$server"
    done
  done
  for variant in $variants; do
    sort -n "$tmp/times-$variant-$server" | sed -n 4p | xargs printf "build %-8s compiler server %-5s: %s ms\n" "$variant" "$server"
  done
done
for server in true false; do
  touch "$tmp/with"/*.cs
  echo "ToolGen's own time inside that build (compiler server $server, -p:ReportAnalyzer=true):"
  build "$tmp/with" "$server" -v d -p:ReportAnalyzer=true | grep -E "^\s+[0-9.]+\s+[0-9<]+\s+ToolGen\.Generators\.(ToolGenerator|Analyzers)" | cut -c1-80
done
rm -rf "$tmp"
