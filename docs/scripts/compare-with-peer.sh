#!/usr/bin/env bash
# Runs a peer script and `mtrl bench` alternately, PAIRS times (default 5), on the same workload, and
# prints every pair and the medians with their spread: total_s, whole-process wall time and peak RSS
# (both from /usr/bin/time, so JVM or interpreter start, imports and the launcher are in), the load
# average when each run started, and mtrl / peer. The machine's speed drifts and other work shares it:
# compare the ratios of runs side by side, not seconds from different minutes.
# Usage: docs/scripts/compare-with-peer.sh [PAIRS] [PEER_SCRIPT]
# (PEER_SCRIPT defaults to docs/scripts/numpy-peer.py, the repository's own NumPy peer; PEER_PYTHON
# names the interpreter that runs it, python3 by default, e.g. a venv's with torch for a PyTorch peer.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pairs="${1:-5}"
peer="${2:-$root/docs/scripts/numpy-peer.py}"
python="${PEER_PYTHON:-python3}"
[ -f "$peer" ] || { echo "error: no peer script at $peer" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 2; }
"$root/mtrl" plugins > /dev/null  # builds the app and its class-data archive outside the timed pairs

rows="$(mktemp)"
out="$(mktemp)"
measured="$(mktemp)"
trap 'rm -f "$rows" "$out" "$measured"' EXIT
timed() {  # prints "<load> <wall seconds> <peak RSS KiB> <last line of output>"
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "%e %M" -o "$measured" "$@" 2>/dev/null > "$out"
  echo "$load $(cat "$measured") $(tail -n 1 "$out")"
}
for _ in $(seq "$pairs"); do
  echo "peer $(timed "$python" "$peer")" >> "$rows"
  echo "mtrl $(timed "$root/mtrl" bench)" >> "$rows"
done
python3 - "$rows" <<'PY'
import json, statistics, sys
runs = {"peer": [], "mtrl": []}
for line in open(sys.argv[1]):
    who, load, wall, rss, text = line.split(" ", 4)
    out = json.loads(text)
    runs[who].append((out["total_s"], float(wall), int(rss) / 1024, float(load)))
print("pair  load  peer total_s  mtrl total_s  ratio  peer wall  mtrl wall  ratio  peer RSS MiB  mtrl RSS MiB")
for i, (p, m) in enumerate(zip(runs["peer"], runs["mtrl"]), 1):
    print(f"{i:4d}  {p[3]:4.1f}  {p[0]:12.3f}  {m[0]:12.3f}  {m[0] / p[0]:5.2f}  {p[1]:9.2f}  {m[1]:9.2f}  "
          f"{m[1] / p[1]:5.2f}  {p[2]:12.0f}  {m[2]:12.0f}")
def summary(rs, k):
    values = [r[k] for r in rs]
    return f"{statistics.median(values):.3f} [{min(values):.3f}-{max(values):.3f}]"
for who, rs in runs.items():
    print(f"{who}: total_s {summary(rs, 0)}, wall {summary(rs, 1)}, peak RSS MiB {summary(rs, 2)}, "
          f"load {summary(rs, 3)}")
p = [statistics.median(r[k] for r in runs["peer"]) for k in range(3)]
m = [statistics.median(r[k] for r in runs["mtrl"]) for k in range(3)]
pairs = list(zip(runs["peer"], runs["mtrl"]))
walls = sorted(b[1] / a[1] for a, b in pairs)
print(f"mtrl / peer (medians): total_s {m[0] / p[0]:.3f}, whole process {m[1] / p[1]:.3f}, peak RSS {m[2] / p[2]:.3f}")
print(f"whole process, pair by pair: {walls[0]:.2f} to {walls[-1]:.2f}, median {statistics.median(walls):.3f}")
PY
