#!/usr/bin/env bash
# Lighthouse (mobile profile, the default) on the bundled sample site: builds it, serves output/ on loopback with
# bench/lighthouse/serve.js (gzip, a year's caching for hashed assets), and prints the four scores of the home
# page, an article, the merchant directory and a city page, and the home page's total transfer. Not a test: a
# measurement to record in the README ("Fast on a phone").
#
#   bench/lighthouse.sh [PATH...]       default: the four pages below; reports are kept in target/lighthouse/
#   RUNS=5 bench/lighthouse.sh          runs per page (default 3); the run with the median performance is shown
#
# Needs Java 17, Maven, Node 18+, npm and Debian's chromium (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reports="$repo/target/lighthouse"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

(cd "$repo/bench/lighthouse" && [ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund)
(cd "$repo" && mvn -B -q -DskipTests package)
site="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$site"
}
trap cleanup EXIT
(cd "$repo" && java -jar target/rongguang.jar build --clean --site "$repo" --output "$site/output" --now 2026-11-22 >/dev/null)
node "$repo/bench/lighthouse/serve.js" "$site/output" 0 >"$site/address" &
server=$!
for _ in $(seq 50); do [ -s "$site/address" ] && break; sleep 0.1; done
base="$(cat "$site/address")"
[ -n "$base" ] || { echo "the file server did not start" >&2; exit 1; }
mkdir -p "$reports"

pages=("" "articles/changsha-shuangyong-zhihua/" "merchants/" "cities/handan/")
[ $# -eq 0 ] || pages=("$@")
runs="${RUNS:-3}"
printf '%-40s %5s %5s %5s %5s %9s   (median of %s runs by performance)\n' page perf a11y bp seo transfer "$runs"
for p in "${pages[@]}"; do
  name="${p//\//_}"
  name="${name:-home}"
  reports_of_page=()
  for run in $(seq "$runs"); do
    report="$reports/$name.$run.json"
    "$repo/bench/lighthouse/node_modules/.bin/lighthouse" "$base$p" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --no-first-run --disable-sync" \
      --output=json --output-path="$report" >/dev/null 2>"$reports/$name.log" || {
        echo "lighthouse failed on /$p, see $reports/$name.log" >&2; exit 1; }
    reports_of_page+=("$report")
  done
  node -e '
    const [page, ...files] = process.argv.slice(1);
    const runs = files.map(f => require(f)).sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const r = runs[Math.floor(runs.length / 2)];
    const s = k => Math.round(r.categories[k].score * 100);
    const kb = (r.audits["total-byte-weight"].numericValue / 1024).toFixed(1) + " KB";
    console.log(("/" + page).padEnd(40), ...["performance", "accessibility", "best-practices", "seo"]
      .map(k => String(s(k)).padStart(5)), kb.padStart(9),
      "  all runs: " + runs.map(x => Math.round(x.categories.performance.score * 100)).join(" "));
  ' "$p" "${reports_of_page[@]}"
done
