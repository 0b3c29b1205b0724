#!/usr/bin/env bash
# packaging/time-fresh-clone.sh — times the README's first command from a fresh clone:
#   cold: `git clone` of this repository into a new directory, an EMPTY Maven repository (every
#         plugin and dependency downloaded from Maven Central), then the first `./kiosk ...` run:
#         Maven builds kiosk-app and its modules, the JVM starts and the home screen is laid out;
#   warm: the second run in the same clone (nothing to build) to the home screen.
# "Home screen shown" is taken from `./kiosk bench ui --journeys 1` (`./kiosk demo` opens the same
# window but runs until it is closed): it builds exactly as `./kiosk demo` does and prints
# "bench ui: cold start N ms" once the home screen has been laid out. The script times from before
# `git clone` (cold) or before `./kiosk` (warm) to that line, then stops the command; it also
# times `./kiosk demo` itself, warm, to its "the touchscreen is open" line.
# Usage: packaging/time-fresh-clone.sh [--repo DIR] [--work DIR] [--keep]
#   --repo  the repository to clone (default: this one; it clones the committed HEAD)
#   --work  where to clone and keep the Maven repository (default: a new directory under /tmp)
#   --keep  keep the clone, the Maven repository and the logs
# The last line is the run as a line for docs/benchmarks/figures.jsonl (append it as it is).
# Needs git, Maven, Java 17, xvfb-run (xvfb) and network access to Maven Central.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$root"
work=""
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="${2:?--repo needs a directory}"; shift 2 ;;
    --work) work="${2:?--work needs a directory}"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "time-fresh-clone: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in git mvn java xvfb-run; do
  command -v "$tool" >/dev/null || { echo "time-fresh-clone: $tool is missing" >&2; exit 2; }
done
if [[ -z "$work" ]]; then
  work="$(mktemp -d -t madoguchi-fresh.XXXXXX)"
  [[ $keep == true ]] || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
clone="$work/madoguchi"
m2="$work/m2"
[[ ! -e "$clone" && ! -e "$m2" ]] || { echo "time-fresh-clone: $work is not empty" >&2; exit 2; }
# An empty local repository; no ~/.m2/settings.xml mirror is involved unless the user has one.
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$m2"

now_ms() { date +%s%3N; }

# run_until PATTERN LOG CMD...: runs CMD in its own process group until a line matches PATTERN
# (or it exits, or 600 s pass); prints the milliseconds from the call to the match; 1 if no match.
run_until() {
  local pattern="$1" log="$2" start pid
  shift 2
  start="$(now_ms)"
  : >"$log"
  setsid "$@" >"$log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 600))
  while ! grep -q -- "$pattern" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [[ $SECONDS -ge $deadline ]]; then
      kill -TERM -- "-$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.05
  done
  echo $(($(now_ms) - start))
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

figure() { grep -o 'cold start [0-9]* ms' "$1" | grep -o '[0-9]*' | head -1; }

load_before="$(cut -d' ' -f1 /proc/loadavg)"
echo "time-fresh-clone: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(mvn -v 2>/dev/null | head -1)"
start="$(now_ms)"
git clone -q "$repo" "$clone"
clone_ms=$(($(now_ms) - start))
cd "$clone"
bench=(xvfb-run -a -s '-screen 0 1920x1080x24' ./kiosk bench ui --journeys 1)
if ! build_and_home_ms="$(run_until 'bench ui: cold start' "$work/cold.log" "${bench[@]}")"; then
  echo "time-fresh-clone: the cold run did not reach the home screen:" >&2
  tail -40 "$work/cold.log" >&2
  exit 1
fi
cold_ms=$((clone_ms + build_and_home_ms))
cold_jvm_ms="$(figure "$work/cold.log")"
artifacts="$(find "$m2" -name '*.jar' | wc -l)"
m2_mb="$(du -sm "$m2" | cut -f1)"

warm_ms="$(run_until 'bench ui: cold start' "$work/warm.log" "${bench[@]}")" \
  || { echo "time-fresh-clone: the warm run did not reach the home screen:" >&2; tail -40 "$work/warm.log" >&2; exit 1; }
warm_jvm_ms="$(figure "$work/warm.log")"
demo_ms="$(run_until 'the touchscreen is open' "$work/demo.log" xvfb-run -a -s '-screen 0 1920x1080x24' ./kiosk demo)" \
  || { echo "time-fresh-clone: ./kiosk demo did not open the touchscreen:" >&2; tail -40 "$work/demo.log" >&2; exit 1; }

sec() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
echo "time-fresh-clone: cold: git clone $(sec "$clone_ms") + first ./kiosk (Maven build, $artifacts jars / $m2_mb MB downloaded) to the home screen $(sec "$build_and_home_ms") = $(sec "$cold_ms") (goal < 180 s); JVM start to home $(sec "$cold_jvm_ms")"
echo "time-fresh-clone: warm: ./kiosk to the home screen $(sec "$warm_ms") (goal < 10 s; JVM start to home $(sec "$warm_jvm_ms")); ./kiosk demo to 'the touchscreen is open' $(sec "$demo_ms")"
load_after="$(cut -d' ' -f1 /proc/loadavg)"
echo "time-fresh-clone: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(git -C "$clone" rev-parse --short HEAD)"
printf '{"bench": "fresh-clone", "date": "%s", "label": "clone of %s", "load": "%s-%s", "command": "packaging/time-fresh-clone.sh", "result": {"cloneMillis": %d, "buildMillis": %d, "jvmStartToHomeMillis": %d, "coldMillis": %d, "warmMillis": %d, "warmJvmStartToHomeMillis": %d, "demoOpenMillis": %d, "downloadedJars": %d, "downloadedMegabytes": %d}}\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" "$load_before" "$load_after" "$clone_ms" $((build_and_home_ms - cold_jvm_ms)) \
  "$cold_jvm_ms" "$cold_ms" "$warm_ms" "$warm_jvm_ms" "$demo_ms" "$artifacts" "$m2_mb"
[[ $keep == true ]] && echo "time-fresh-clone: kept $work"
status=0
[[ $cold_ms -lt 180000 ]] || { echo "time-fresh-clone: cold is over 3 minutes" >&2; status=1; }
[[ $warm_ms -lt 10000 ]] || { echo "time-fresh-clone: warm is over 10 s" >&2; status=1; }
exit $status
