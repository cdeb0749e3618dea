#!/usr/bin/env bash
# Throughput of `rongguang serve`: starts it on the bundled sample site on a free port, runs wrk against an
# article page, prints requests/sec and errors, and stops the server. Not a test: a figure to compare.
#
#   bench/serve-wrk.sh [wrk options...]      default: -t2 -c50 -d10s
#
# Needs Java 17, Maven (to build the jar if missing) and wrk.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/target/rongguang.jar"
page="/articles/changsha-shuangyong-zhihua/"
wrk_options=("$@")
[ ${#wrk_options[@]} -gt 0 ] || wrk_options=(-t2 -c50 -d10s)

command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }
if [ ! -f "$jar" ]; then
  echo "building $jar ..."
  (cd "$repo" && mvn -B -q -DskipTests package)
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"   # the server's shutdown hook deletes its preview folder
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# the sample site is copied, so that the benchmark never touches the repository's content or output
cp -r "$repo/content" "$repo/templates" "$work/"
java -jar "$jar" serve --site "$work" --port 0 >"$work/serve.log" 2>&1 &
server=$!

url=""
for _ in $(seq 1 600); do
  url="$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -n1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start within 60 s" >&2; cat "$work/serve.log" >&2; exit 1; }

status="$(curl -s -o /dev/null -w '%{http_code}' "$url$page")"
[ "$status" = 200 ] || { echo "$url$page answered $status" >&2; exit 1; }
# one warm-up round, so that the JIT and the page cache are warm
wrk -t2 -c50 -d3s "$url$page" >/dev/null

echo "wrk ${wrk_options[*]} $url$page"
result="$(wrk "${wrk_options[@]}" "$url$page")"
echo "$result"
echo
rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$result")"
errors="$(awk '/Socket errors:/ {sub(/.*Socket errors: /, ""); print}' <<<"$result")"
non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$result")"
echo "requests/sec: $rps"
echo "socket errors: ${errors:-none}"
echo "non-2xx/3xx responses: ${non2xx:-0}"
