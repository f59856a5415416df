#!/usr/bin/env bash
# Coverage-guided fuzzing of the generated argument parser and the provider readers: AFL++ (Debian's afl++ package)
# drives tests/ToolGen.Fuzzing, whose ToolGen.dll is instrumented by SharpFuzz.
#
#   build/fuzz.sh [target] [seconds]      target: parser | openai-chat | openai-responses | anthropic | gemini | mcp | all
#   build/fuzz.sh --replay target file    run one saved input without the fuzzer (to debug a crash)
#
# Needs root for apt-get on first use. Not part of .ci/run: fuzzing runs are not deterministic. Findings land in
# artifacts/fuzz/<target>/default/{crashes,hangs}; the script prints execs, paths (corpus entries) and crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bin=artifacts/fuzz/bin
if [ "${1:-}" = "--replay" ]; then
  exec dotnet "$bin/ToolGen.Fuzzing.dll" "$2" "$3"
fi

target=${1:-parser}
seconds=${2:-300}

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi

# The SharpFuzz CLI (instrumentation) as a local tool, pinned like every package of the repository.
if [ ! -x .tools/sharpfuzz ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path .tools
fi

# A fresh output every run: sharpfuzz refuses (and fails) to instrument an already instrumented ToolGen.dll.
rm -rf "$bin"
dotnet publish tests/ToolGen.Fuzzing -c Release -o "$bin" --nologo -v quiet
# Instrument only the library under test (not the harness, not the BCL): coverage then means ToolGen's branches.
.tools/sharpfuzz "$bin/ToolGen.dll"

# AFL++ refuses to start on machines tuned for other work (core_pattern piping, CPU frequency scaling); a fuzz run
# here only needs the numbers, so those checks are skipped rather than changing the machine's settings.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1

run_one() {
  local t=$1 out=artifacts/fuzz/$1
  rm -rf "$out"
  # -t: a .NET process start plus JIT is slow; -m none: the CLR reserves far more virtual memory than AFL's default.
  afl-fuzz -V "$seconds" -t 10000 -m none -i "tests/ToolGen.Fuzzing/Seeds/$t" -o "$out" -- dotnet "$bin/ToolGen.Fuzzing.dll" "$t" >"$out.log" 2>&1 || true
  local stats=$out/default/fuzzer_stats
  if [ -f "$stats" ]; then
    awk -v t="$t" -F': *' '/^execs_done/{e=$2} /^corpus_count/{p=$2} /^saved_crashes/{c=$2} /^saved_hangs/{h=$2} /^run_time/{r=$2}
      END {printf "%-17s %6ss  execs %-9s paths %-6s crashes %-4s hangs %s\n", t, r, e, p, c, h}' "$stats"
  else
    echo "$t: afl-fuzz did not start; see $out.log" >&2
    tail -20 "$out.log" >&2
    return 1
  fi
}

if [ "$target" = all ]; then
  for t in parser openai-chat openai-responses anthropic gemini mcp; do run_one "$t"; done
else
  run_one "$target"
fi
