#!/usr/bin/env bash
# Rongguang against Hugo on the same synthetic articles, on tmpfs, whole processes (JVM start included),
# the two run alternately by hyperfine. Usage: bench/compare.sh [ARTICLES...]   (default: 1000 10000)
# Needs: hyperfine, hugo (apt-get install -y hyperfine hugo), GNU time (/usr/bin/time), a built jar.
# Ends with a table of medians and ratios in the shape of BENCHMARKS.md's; writes the raw hyperfine results
# (JSON and CSV) to target/bench/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
work=${WORK:-/dev/shm/rongguang-bench}
mkdir -p "$repo/target/bench"
# the build daemons of this script, apart from any of the user's own (stopped at the end)
export RONGGUANG_DAEMON_DIR="$work/daemons"
trap '"$repo/rongguang" daemon --stop >/dev/null 2>&1 || true' EXIT
[ -f "$repo/target/rongguang.jar" ] || (cd "$repo" && mvn -q -DskipTests package)
rg="$repo/rongguang"
"$rg" --version >/dev/null   # the class archive (a training run, once per build of the jar), outside the timings
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

peak_rss() { # command... → peak RSS in MB of the whole process, median of 3
  for _ in 1 2 3; do /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | sed -n "$ p"; done | sort -n | sed -n 2p | awk '{printf "%d", $1/1024}'
}
median() { # hyperfine CSV, row → that command's median in seconds
  awk -F, -v row="$2" 'NR == row + 1 { print $4 }' "$1"
}
summary=()

for n in "${sizes[@]}"; do
  site="$work/$n"
  if [ ! -d "$site/rongguang" ]; then
    (cd "$repo" && "$rg" bench generate --articles "$n" --out "$site" >/dev/null)
  fi
  out="$work/out-$n"
  echo "== $n articles: cold full build"
  hyperfine -N -w 1 -r "$runs" --export-json "$repo/target/bench/full-$n.json" \
    --export-csv "$repo/target/bench/full-$n.csv" \
    --prepare "rm -rf $out-rg $work/.out-$n-rg.rongguang-cache $out-hugo" \
    "$rg build --clean --site $site/rongguang --output $out-rg" \
    "hugo --quiet -s $site/hugo -d $out-hugo"
  rss_rg=$(peak_rss "$rg" build --clean --site "$site/rongguang" --output "$out-rg")
  rss_hugo=$(peak_rss hugo --quiet -s "$site/hugo" -d "$out-hugo")
  echo "peak RSS (MB): rongguang $rss_rg, hugo $rss_hugo"

  echo "== $n articles: one article edited, incremental build"
  article=$(find "$site/rongguang/content/articles" -name '*.md' | sort | sed -n 1p)
  cp "$article" "$work/saved.md"
  "$rg" build --site "$site/rongguang" --output "$out-rg" >/dev/null
  hyperfine -N -r "$runs" --export-json "$repo/target/bench/incremental-$n.json" \
    --export-csv "$repo/target/bench/incremental-$n.csv" \
    --prepare "sh -c 'cp $work/saved.md $article && echo \"\$(date +%s%N) 新增一句。\" >> $article'" \
    "$rg build --site $site/rongguang --output $out-rg"

  echo "== $n articles: one article edited, build --daemon (its daemon started by a first build, three more to warm it)"
  "$rg" build --daemon --site "$site/rongguang" --output "$out-rg" >/dev/null
  hyperfine -N -w 3 -r "$runs" --export-json "$repo/target/bench/daemon-$n.json" \
    --export-csv "$repo/target/bench/daemon-$n.csv" \
    --prepare "sh -c 'cp $work/saved.md $article && echo \"\$(date +%s%N) 新增一句。\" >> $article'" \
    "$rg build --daemon --site $site/rongguang --output $out-rg"
  "$rg" daemon --stop >/dev/null
  cp "$work/saved.md" "$article"
  full=$(median "$repo/target/bench/full-$n.csv" 1)
  hugo=$(median "$repo/target/bench/full-$n.csv" 2)
  inc=$(median "$repo/target/bench/incremental-$n.csv" 1)
  dmn=$(median "$repo/target/bench/daemon-$n.csv" 1)
  summary+=("$(awk -v n="$n" -v f="$full" -v h="$hugo" -v i="$inc" -v d="$dmn" -v r="$rss_rg" -v rh="$rss_hugo" 'BEGIN {
    printf "| %d | %.2f s | %.2f s | %.2f | %d MB | %d MB | %.2f | %.2f s | %.2f | %.2f s | %.2f |", n, f, h, f / h, r, rh, r / rh, i, i / f, d, d / f }')")
done

echo
echo "Medians of $runs runs (targets: time ratio ≤ 1.0, RSS ratio ≤ 0.5, incremental ≤ 0.10 of the full build)"
echo "| articles | Rongguang | Hugo | time ratio | Rongguang RSS | Hugo RSS | RSS ratio | one article edited | of the full build | the same, --daemon | of the full build |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
