#!/usr/bin/env bash
# Runs the NumPy peer and `mtrl bench` alternately, PAIRS times (default 5), on the same workload, and
# prints every pair and the medians: total_s, whole-process wall time, peak RSS, and mtrl / peer.
# Usage: docs/scripts/compare-with-peer.sh [PAIRS] [PEER_SCRIPT]
# (PEER_SCRIPT defaults to docs/scripts/numpy-peer.py, the repository's own NumPy peer.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pairs="${1:-5}"
peer="${2:-$root/docs/scripts/numpy-peer.py}"
[ -f "$peer" ] || { echo "error: no peer script at $peer" >&2; exit 2; }
"$root/mtrl" plugins > /dev/null  # builds the app and its class-data archive outside the timed pairs

rows="$(mktemp)"
trap 'rm -f "$rows"' EXIT
timed() {  # prints "<wall seconds> <last line of output>"
  local start end last
  start=$(date +%s.%N)
  last="$("$@" 2>/dev/null | tail -n 1)"
  end=$(date +%s.%N)
  echo "$(python3 -c "print(round($end - $start, 3))") $last"
}
for _ in $(seq "$pairs"); do
  echo "peer $(timed python3 "$peer")" >> "$rows"
  echo "mtrl $(timed "$root/mtrl" bench)" >> "$rows"
done
python3 - "$rows" <<'PY'
import json, statistics, sys
runs = {"peer": [], "mtrl": []}
for line in open(sys.argv[1]):
    who, wall, text = line.split(" ", 2)
    out = json.loads(text)
    runs[who].append((out["total_s"], float(wall), out["peak_rss_mib"]))
print("pair  peer total_s  mtrl total_s  ratio  peer wall  mtrl wall  peer RSS  mtrl RSS")
for i, (p, m) in enumerate(zip(runs["peer"], runs["mtrl"]), 1):
    print(f"{i:4d}  {p[0]:12.3f}  {m[0]:12.3f}  {m[0] / p[0]:5.2f}  {p[1]:9.3f}  {m[1]:9.3f}  {p[2]:8.0f}  {m[2]:8.0f}")
med = {who: [statistics.median(r[k] for r in rs) for k in range(3)] for who, rs in runs.items()}
p, m = med["peer"], med["mtrl"]
print(f"median {p[0]:10.3f}  {m[0]:12.3f}  {m[0] / p[0]:5.2f}  {p[1]:9.3f}  {m[1]:9.3f}  {p[2]:8.0f}  {m[2]:8.0f}")
print(f"mtrl / peer: total_s {m[0] / p[0]:.3f}, whole process {m[1] / p[1]:.3f}, peak RSS {m[2] / p[2]:.3f}")
PY
