#!/usr/bin/env bash
# What the search index adds to a full build: the same jar with and without the index (`build --no-search-index`),
# the two run alternately on the same synthetic site, on tmpfs, whole processes.
# Usage: bench/search-cost.sh SITE_DIR [RUNS]     (needs target/rongguang.jar)
# Prints one line per run: which, wall seconds, user+sys CPU seconds, the index stage's milliseconds (`--verbose`);
# then the medians and their ratios, the median of each pair's ratio (a run without the index, then one with it),
# and the index stage's share: its time against the rest of the same build, which a neighbour's load moves less
# than it moves two builds run one after the other.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
site=$1 runs=${2:-7}
work=${WORK:-/dev/shm/rongguang-search-cost}
mkdir -p "$work"
"$repo/rongguang" --version >/dev/null   # the class archive (a training run, once per build of the jar), outside the timings
run() { # name [build options]
  local name=$1; shift
  rm -rf "$work/out-$name" "$work/.out-$name.rongguang-cache"
  local times
  times=$(/usr/bin/time -f "%e %U %S" "$repo/rongguang" build --clean --verbose "$@" --site "$site" \
    --output "$work/out-$name" 2>&1 >"$work/log-$name" | tail -1)
  local index
  index=$(grep -o '索引 [0-9]* ms' "$work/log-$name" | grep -o '[0-9]*' || echo 0)
  echo "$name $times $index"
}
for _ in $(seq "$runs"); do run without --no-search-index; run with; done | tee "$work/runs.txt"
python3 - "$work/runs.txt" <<'P'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def med(name, f):
    return statistics.median(f(r) for r in rows if r[0] == name)
m = {k: (med(k, lambda r: float(r[1])), med(k, lambda r: float(r[2]) + float(r[3]))) for k in ("with", "without")}
for k, (w, c) in sorted(m.items()):
    print(f"{k}: median wall {w:.2f} s, median CPU {c:.2f} s")
print(f"ratio with/without: wall {m['with'][0] / m['without'][0]:.3f}, CPU {m['with'][1] / m['without'][1]:.3f}")
pairs = [float(b[1]) / float(a[1]) for a, b in zip(rows[::2], rows[1::2]) if a[0] == "without" and b[0] == "with"]
print(f"pairs' wall ratios: median {statistics.median(pairs):.3f}, from {min(pairs):.3f} to {max(pairs):.3f}")
share = [int(r[4]) / (1000 * float(r[1]) - int(r[4])) for r in rows if r[0] == "with"]
print(f"index stage against the rest of its build: median {statistics.median(share):.3f}")
P
