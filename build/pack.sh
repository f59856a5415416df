#!/usr/bin/env bash
# Packs ToolGen (runtime + generator + analyzers + code fixes in one package) and, when their projects exist,
# ToolGen.Extensions.AI and ToolGen.ModelContextProtocol into artifacts/packages, the local feed that tests/ToolGen.PackageTests restores from.
#
#   build/pack.sh            0.1.0-local.<UTC time>: every pack is a new version, so no NuGet cache can hand a
#                            consumer an older build under the same version (caches never re-check a version)
#   build/pack.sh --release  0.1.0 exactly (VersionPrefix in Directory.Build.props), for publishing
#
# The chosen version is written to artifacts/packages/version.txt for the package tests.
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts/packages
suffix="local.$(date -u +%Y%m%d%H%M%S)"
if [ "${1:-}" = "--release" ]; then
  suffix=""
fi

projects=(src/ToolGen/ToolGen.csproj)
if [ -f src/ToolGen.Extensions.AI/ToolGen.Extensions.AI.csproj ]; then
  projects+=(src/ToolGen.Extensions.AI/ToolGen.Extensions.AI.csproj)
fi
if [ -f src/ToolGen.ModelContextProtocol/ToolGen.ModelContextProtocol.csproj ]; then
  projects+=(src/ToolGen.ModelContextProtocol/ToolGen.ModelContextProtocol.csproj)
fi

rm -rf "$out"
mkdir -p "$out"
for project in "${projects[@]}"; do
  # The suffix is a global property, so a ProjectReference between packed projects becomes a dependency on the
  # same version.
  dotnet pack "$project" -c Release -o "$out" -p:VersionSuffix="$suffix"
done

version=$(dotnet msbuild src/ToolGen/ToolGen.csproj -getProperty:PackageVersion -p:VersionSuffix="$suffix")
echo "$version" > "$out/version.txt"

# The package tests restore into their own folder (RestorePackagesPath); drop earlier ToolGen builds from it.
rm -rf artifacts/package-tests/packages/toolgen artifacts/package-tests/packages/toolgen.extensions.ai \
  artifacts/package-tests/packages/toolgen.modelcontextprotocol

echo "packed $version:"
ls -1 "$out"
