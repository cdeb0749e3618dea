#!/usr/bin/env bash
# What a save costs under `build --watch`: starts it on a site (into a fresh output on tmpfs), appends a line to
# one article N times, a few seconds apart, and prints each rebuild's time as the command reports it (from the
# changes seen to the output committed and the build cache saved), then their median.
# Usage: bench/watch.sh SITE_DIR [SAVES]     (needs target/rongguang.jar; restores the article at the end)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
site=$1 saves=${2:-9}
out=${WORK:-/dev/shm/rongguang-watch}/out
log=$(mktemp)
article=$(find "$site/content/articles" -name '*.md' | sort | awk 'NR == 1')   # awk reads all: no SIGPIPE under pipefail
saved=$(mktemp)
cp "$article" "$saved"
rm -rf "$out" "$(dirname "$out")/.out.rongguang-cache"
"$repo/rongguang" build --watch --verbose --site "$site" --output "$out" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; cp "$saved" "$article"; rm -f "$saved" "$log"' EXIT
until grep -q 正在监视 "$log"; do sleep 1; done
for i in $(seq "$saves"); do
  echo "watch.sh 第 $i 次保存新增的一句。" >>"$article"
  until [ "$(grep -c 正在监视 "$log")" -gt "$i" ]; do sleep 0.2; done
  sleep 1
done
times=$(grep -o '用时 [0-9.]* 秒' "$log" | awk '{print $2}')
echo "first build: $(echo "$times" | head -1) s"
echo "$times" | tail -n +2 | awk '{print "save " NR ": " $1 " s"}'
echo "$times" | tail -n +2 | sort -n | awk '{t[NR] = $1} END {print "median of the saves: " (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) " s"}'
