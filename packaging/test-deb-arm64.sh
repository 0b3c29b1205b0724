#!/usr/bin/env bash
# packaging/test-deb-arm64.sh — the arm64 (Raspberry Pi) package, run on this x86_64 machine under
# qemu user-mode emulation:
#   1. `./kiosk package --fast --arch arm64` builds madoguchi_<v>_arm64.deb (or take one: --deb FILE);
#      the payload is extracted with dpkg-deb -x (it cannot be installed on an amd64 host);
#   2. the runtime and every native library the kiosk loads (sqlite-jdbc, JavaFX) are aarch64 ELF;
#   3. every shared library those native libraries link comes from a Debian package that the
#      .deb's Depends pull in (a missing one would only show on the Pi, as a crash at start-up);
#   4. under qemu-aarch64: the bundled runtime's `java -version` (os.arch aarch64) and its modules;
#      `madoguchi hw-check` on the shipped configuration; `madoguchi demo --smoke`: one whole
#      headless transaction (simulated card and PIN, the center over mutual TLS, the document
#      check, anti-forgery overlay, printers, money) writing the journal and ledger through
#      sqlite-jdbc's aarch64 library, then read back here with sqlite3. The center simulator
#      runs natively (`./kiosk sim center`), as the center is remote from a kiosk in the field.
# The application JVMs run with -XX:TieredStopAtLevel=1 (C1 only): under emulation C2's compiler
# threads take the cores, start-up takes two to three times longer, and the kiosk's first call to
# the center overruns the client's fixed 5 s challenge limit more often (see the smoke step).
# This is a property of emulation, not of arm64; the Pi runs the default JVM.
# ARM64_JAVA_OPTS replaces these options (ARM64_JAVA_OPTS= runs the default JVM).
# Needs (not installed by this script; .ci/run installs them):
#   dpkg --add-architecture arm64 && apt-get update
#   apt-get install qemu-user-static binutils sqlite3 libc6:arm64 zlib1g:arm64 libstdc++6:arm64 \
#     libjpeg62-turbo:arm64 liblcms2-2:arm64 libgif7:arm64 libpng16-16:arm64 libfreetype6:arm64 \
#     libharfbuzz0b:arm64 libfontconfig1:arm64 libasound2:arm64 libx11-6:arm64 libxext6:arm64 \
#     libxi6:arm64 libxrender1:arm64 libxtst6:arm64 libpcsclite1:arm64
# Usage: packaging/test-deb-arm64.sh [--deb FILE] [--keep]   (no root needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb=""
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --deb) deb="${2:?--deb needs a file}"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "test-deb-arm64: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "test-deb-arm64: FAIL: $*" >&2; exit 1; }
started=$SECONDS
step() { echo "test-deb-arm64: [$((SECONDS - started)) s] $*"; }
needs() { echo "test-deb-arm64: $* (see the header of $0 for the packages)" >&2; exit 2; }

qemu="$(command -v qemu-aarch64-static || command -v qemu-aarch64 || true)"
[[ -n "$qemu" ]] || needs "qemu-aarch64 is missing: apt-get install qemu-user-static"
for tool in dpkg-deb readelf sqlite3 apt-cache unzip; do
  command -v "$tool" >/dev/null || needs "$tool is missing"
done
[[ -e /lib/ld-linux-aarch64.so.1 ]] || needs "the arm64 C library is missing: dpkg --add-architecture arm64; apt-get update; apt-get install libc6:arm64"

work="$(mktemp -d -t madoguchi-arm64.XXXXXX)"
if [[ $keep == true ]]; then echo "test-deb-arm64: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

if [[ -z "$deb" ]]; then
  step "building the arm64 package with ./kiosk package"
  deb="$("$root/kiosk" package --fast --arch arm64 --out "$work" | tail -1)"
fi
[[ -f "$deb" ]] || fail "no package at '$deb'"
[[ "$(dpkg-deb -f "$deb" Architecture)" == arm64 ]] || fail "$deb is not an arm64 package"
x="$work/root"
dpkg-deb -x "$deb" "$x"
home="$x/opt/madoguchi"
[[ -x "$home/runtime/bin/java" ]] || fail "the package has no runtime at /opt/madoguchi/runtime"
grep -q '^java=/opt/madoguchi/runtime/bin/java$' "$x/usr/bin/madoguchi" || fail "/usr/bin/madoguchi does not run the bundled runtime"

step "native code: architecture and shared-library dependencies"
natives="$work/natives"
mkdir -p "$natives"
# The libraries the kiosk loads from jars at run time: sqlite-jdbc's Linux/aarch64 build and JavaFX's.
unzip -q -o -j "$home"/lib/sqlite-jdbc-*.jar 'org/sqlite/native/Linux/aarch64/*.so' -d "$natives/sqlite" \
  || fail "sqlite-jdbc has no Linux/aarch64 library"
for jar in "$home"/lib/javafx-*.jar; do
  unzip -q -o -j "$jar" '*.so' -d "$natives/javafx" 2>/dev/null || true
done
ls "$natives"/javafx/libglass*.so >/dev/null 2>&1 || fail "no JavaFX native libraries in the package (JavaFX jars for linux-aarch64 expected)"
mapfile -t elves < <(find "$home/runtime" "$natives" -name '*.so' -type f; echo "$home/runtime/bin/java")
for f in "${elves[@]}"; do
  machine="$(readelf -h "$f" | sed -n 's/^ *Machine: *//p')"
  [[ "$machine" == AArch64 ]] || fail "$f is for '$machine', not AArch64"
done
# Sonames the package brings itself (libjvm, libjava, libawt...) need no Debian package.
own="$(find "$home/runtime" "$natives" -name '*.so' -printf '%f\n' | sort -u)"
mapfile -t needed < <(for f in "${elves[@]}"; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done \
  | sort -u | grep -vxF -f <(echo "$own"))
# soname -> the Debian package that ships it (either architecture's multiarch path: the package
# names are the same on both).
declare -A owner=()
pattern="$(printf '%s\n' "${needed[@]}" | sed 's/[.+]/\\&/g' | paste -sd'|')"
while IFS=: read -r list path; do
  so="${path##*/}"
  pkgname="$(basename "$list" .list)"
  owner[$so]="${pkgname%%:*}"
done < <(grep -H -E "/(aarch64|x86_64)-linux-gnu/($pattern)\$" /var/lib/dpkg/info/*.list || true)
# What the package's Depends pull in, transitively (names only, as Debian resolves them).
depends="$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/|.*//; s/ //g' | grep .)"
# shellcheck disable=SC2086
closure="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $depends 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u)"
uncovered=()
for so in "${needed[@]}"; do
  p="${owner[$so]:-}"
  if [[ -z "$p" ]]; then
    uncovered+=("$so (no installed package ships it; install its arm64 or amd64 package to check)")
  elif ! grep -qxF "$p" <<<"$closure"; then
    uncovered+=("$so (from $p)")
  fi
done
[[ ${#uncovered[@]} -eq 0 ]] || fail "native libraries link libraries the package's Depends do not pull in: ${uncovered[*]}"
step "ok: ${#elves[@]} AArch64 ELF files; ${#needed[@]} system libraries, all from packages in the Depends closure"

# Missing arm64 libraries here would make the runtime fail in confusing ways; say which first.
missing=()
for so in "${needed[@]}"; do
  [[ -e /lib/aarch64-linux-gnu/$so || -e /usr/lib/aarch64-linux-gnu/$so || -e /lib/$so ]] || missing+=("$so")
done
# GTK and OpenGL (JavaFX's window) are not needed headless; everything the runtime links is.
runtime_needed="$(find "$home/runtime" -name '*.so' -exec readelf -d {} + | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)"
for so in "${missing[@]}"; do
  if grep -qxF "$so" <<<"$runtime_needed"; then
    needs "the arm64 library $so (${owner[$so]:-?}:arm64) is not installed"
  fi
done

java=("$qemu" -L / "$home/runtime/bin/java")
step "java -version under $(basename "$qemu")"
"${java[@]}" -XshowSettings:properties -version >"$work/version.log" 2>&1 || fail "java -version: $(cat "$work/version.log")"
grep -q '^ *os.arch = aarch64$' "$work/version.log" || fail "the runtime does not report os.arch aarch64: $(cat "$work/version.log")"
grep -q '^ *java.version = 17\.' "$work/version.log" || fail "the runtime is not Java 17"
sed -n 's/^\(openjdk version.*\)/  \1/p' "$work/version.log"
modules="$("${java[@]}" --list-modules)"
for m in java.smartcardio java.sql jdk.charsets jdk.crypto.ec jdk.localedata; do
  grep -q "^$m@" <<<"$modules" || fail "runtime lacks module $m"
done

# As /usr/bin/madoguchi runs it, with the package's own paths rewritten to the extracted tree.
read -r -a jvm_opts <<<"${ARM64_JAVA_OPTS--XX:TieredStopAtLevel=1}"
madoguchi() {
  timeout 600 "${java[@]}" "${jvm_opts[@]}" -Dmadoguchi.home="$home" -cp "$home/lib/*" \
    jp.madoguchi.kiosk.cli.KioskMain "$@"
}
config="$work/kiosk.yaml"
sed "s:/var/lib/madoguchi:$work/data:" "$x/etc/madoguchi/kiosk.yaml" >"$config"
grep -q '^center:' "$config" && fail "the shipped kiosk.yaml sets center: adapt this test"

step "madoguchi hw-check on the shipped configuration"
mark=$SECONDS
madoguchi hw-check --config "$config" >"$work/hw-check.log" 2>&1 || fail "hw-check: $(cat "$work/hw-check.log")"
step "ok: hw-check passed in $((SECONDS - mark)) s"

# The center the kiosk talks to runs natively, as it does for a Pi in the field (the center is never
# on the kiosk): `./kiosk sim center` on this machine, mutual TLS on loopback. Emulated, the kiosk's
# first call to it (POST /v1/challenges, a fixed 5 s limit in CenterClient, which includes the
# first TLS handshake) still carries the kiosk side's cold TLS and signing code.
step "the center simulator, natively on this machine"
center_log="$work/center.log"
setsid "$root/kiosk" sim center --port 0 --pki-port 0 --data "$work/center" --kiosk-id K0001 >"$center_log" 2>&1 &
center_pid=$!
stop_center() { kill -TERM -- "-$center_pid" 2>/dev/null || true; wait "$center_pid" 2>/dev/null || true; }
if [[ $keep == true ]]; then trap stop_center EXIT; else trap 'stop_center; rm -rf "$work"' EXIT; fi
for _ in $(seq 1200); do grep -q 'simulator ready' "$center_log" && break; kill -0 "$center_pid" 2>/dev/null || break; sleep 0.1; done
grep -q 'simulator ready' "$center_log" || fail "the center simulator did not start: $(cat "$center_log")"
center_url="$(sed -n 's|^ *API (mutual TLS) *\(https://[^ ]*\)/v1$|\1|p' "$center_log")"
[[ -n "$center_url" ]] || fail "no center URL in: $(cat "$center_log")"
printf 'center:\n  source: REAL\n  url: %s\n  trustDir: %s\n  timeoutSeconds: 120\n' "$center_url" "$work/center/pki" >>"$config"

step "madoguchi demo --smoke (one whole transaction against $center_url)"
mark=$SECONDS
smoke() {
  rm -rf "$work/data"
  madoguchi demo --smoke --config "$config" --data "$work/data" >"$work/smoke.log" 2>&1 || true
}
smoke
# Emulated on a machine loaded by other work, that first call can overrun its limit. That shows as
# CENTER_UNAVAILABLE before any money is taken: run the transaction once more. Any other failure
# fails at once.
if ! grep -q ' DONE copies=1 ' "$work/smoke.log" && grep -q 'FAILED (CENTER_UNAVAILABLE' "$work/smoke.log"; then
  step "the first call to the center overran its limit under emulation (load average $(cut -d' ' -f1 /proc/loadavg)); once more"
  smoke
fi
grep -q ' DONE copies=1 ' "$work/smoke.log" || fail "demo --smoke did not finish a transaction: $(cat "$work/smoke.log")"
grep 'DONE copies=1' "$work/smoke.log" | sed 's/^/  /'
db="$work/data/journal.db"
[[ -f "$db" ]] || fail "no journal at $db"
[[ "$(sqlite3 "$db" 'select count(*) from kiosk_transaction')" == 1 ]] || fail "the journal does not hold one transaction"
[[ "$(sqlite3 "$db" 'select count(*) from ledger_entry')" -ge 1 ]] || fail "the ledger has no row after a printed copy"
[[ "$(sqlite3 "$db" 'pragma integrity_check')" == ok ]] || fail "the journal written on arm64 fails sqlite's integrity check"
step "ok: smoke transaction DONE in $((SECONDS - mark)) s; journal written by sqlite-jdbc aarch64 reads back here"
step "ok: the arm64 package runs under emulation ($((SECONDS - started)) s in all)"
