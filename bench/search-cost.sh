#!/usr/bin/env bash
# What the search index adds to a full build: this branch's jar against a jar without search (built from another
# checkout, e.g. main), the two run alternately on the same synthetic site, on tmpfs, whole processes.
# Usage: bench/search-cost.sh BASELINE_CHECKOUT SITE_DIR [RUNS]     (each checkout needs target/rongguang.jar)
# Prints one line per run: which, wall seconds, user+sys CPU seconds; then the medians and their ratios.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base=$1 site=$2 runs=${3:-5}
work=${WORK:-/dev/shm/rongguang-search-cost}
mkdir -p "$work"
"$base/rongguang" --version >/dev/null; "$repo/rongguang" --version >/dev/null   # class archives, outside the timings
run() { # name launcher
  rm -rf "$work/out-$1" "$work/.out-$1.rongguang-cache"
  /usr/bin/time -f "$1 %e %U %S" "$2" build --clean --site "$site" --output "$work/out-$1" 2>&1 >/dev/null | tail -1
}
for _ in $(seq "$runs"); do run without "$base/rongguang"; run with "$repo/rongguang"; done | tee "$work/runs.txt"
awk '{wall[$1]=wall[$1] " " $2; cpu[$1]=cpu[$1] " " ($3+$4)}
     END {for (k in wall) print k, wall[k], "|", cpu[k]}' "$work/runs.txt" | python3 -c '
import sys, statistics
m = {}
for line in sys.stdin:
    name, rest = line.split(" ", 1)
    w, c = rest.split("|")
    m[name] = (statistics.median(map(float, w.split())), statistics.median(map(float, c.split())))
for k, (w, c) in sorted(m.items()):
    print(f"{k}: median wall {w:.2f} s, median CPU {c:.2f} s")
w, n = m["with"], m["without"]
print(f"ratio with/without: wall {w[0] / n[0]:.3f}, CPU {w[1] / n[1]:.3f}")'
