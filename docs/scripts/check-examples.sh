#!/usr/bin/env bash
# Builds the example plugins as a third party does: a fresh, empty local Maven repository, into which
# only the plugin guide's install command (docs/plugins.md) puts mtrl; then each example project is
# built and tested against that repository alone, and `mtrl plugins --check` runs its jar.
set -euo pipefail
cd "$(dirname "$0")/../.."

repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
start=$(date +%s)

# The guide's install command, word for word but for the repository.
./mvnw -B -q install -DskipTests -pl api,testkit -am -Dmaven.repo.local="$repo"

for example in custom-task-family ridge-head-optimizer; do
  ./mvnw -B -q -f "docs/examples/$example/pom.xml" clean verify -Dmaven.repo.local="$repo"
  jars=(docs/examples/"$example"/target/*.jar)
  ./mtrl plugins --check "${jars[0]}"
done
echo "examples built against a fresh repository and checked: $(( $(date +%s) - start )) s"
