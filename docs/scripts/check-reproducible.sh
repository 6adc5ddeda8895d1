#!/usr/bin/env bash
# Checks that two builds of the same sources give the same bytes: copies the working tree twice (the
# second copy a few seconds later, so every file has another time and path), builds each with
# `package -DskipTests`, and compares every jar the build makes, app/target/mtrl.jar included.
# pom.xml's project.build.outputTimestamp is what makes them equal. Exit 0 when all match, 1 if not.
# Usage: docs/scripts/check-reproducible.sh   (about two builds' time; uses mvn, or ./mvnw without it)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if command -v mvn >/dev/null 2>&1; then maven=mvn; else maven="$root/mvnw"; fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The tracked and new files as they are now (uncommitted changes included), no build output; the
# second copy is made from the first, later, so the sources are the same and the file times are not.
mkdir "$scratch/first"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$scratch/first")
sleep 2
cp -r "$scratch/first" "$scratch/second"
for copy in first second; do
  echo "building copy $copy..." >&2
  (cd "$scratch/$copy" && "$maven" -B -q package -DskipTests 2>&1 | sed 's/\x1b\[0m//g') >&2
done

jars="$(cd "$scratch/first" && find . -path '*/target/*.jar' -not -path '*/target/*/*' | sort)"
[ -n "$jars" ] || { echo "error: the build made no jars" >&2; exit 1; }
echo "$jars" | grep -qx './app/target/mtrl.jar' || { echo "error: no app/target/mtrl.jar" >&2; exit 1; }
status=0
for jar in $jars; do
  if cmp -s "$scratch/first/$jar" "$scratch/second/$jar"; then
    echo "same bytes  ${jar#./}"
  else
    echo "DIFFERENT   ${jar#./}"
    status=1
  fi
done
exit "$status"
