#!/usr/bin/env bash
# What the search index adds to a full build: the same jar with and without the index (`build --no-search-index`),
# the two run alternately on the same synthetic site, on tmpfs, whole processes.
# Usage: bench/search-cost.sh SITE_DIR [RUNS]     (needs target/rongguang.jar)
# Prints one line per run: which, wall seconds, user+sys CPU seconds; then the medians and their ratios.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
site=$1 runs=${2:-7}
work=${WORK:-/dev/shm/rongguang-search-cost}
mkdir -p "$work"
"$repo/rongguang" --version >/dev/null   # the class archive (a training run, once per build of the jar), outside the timings
run() { # name [build options]
  local name=$1; shift
  rm -rf "$work/out-$name" "$work/.out-$name.rongguang-cache"
  /usr/bin/time -f "$name %e %U %S" "$repo/rongguang" build --clean "$@" --site "$site" --output "$work/out-$name" \
    2>&1 >/dev/null | tail -1
}
for _ in $(seq "$runs"); do run without --no-search-index; run with; done | tee "$work/runs.txt"
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
