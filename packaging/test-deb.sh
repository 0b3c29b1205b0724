#!/usr/bin/env bash
# packaging/test-deb.sh — the Debian package, installed for real on this machine:
#   1. `./kiosk package --fast` builds madoguchi_<v1>_amd64.deb; v2 is the same payload repacked
#      with a higher version (a second jlink would double the run time and test nothing more);
#   2. apt-get installs v1 (pulling any missing Depends from Debian): files, conffiles, the system
#      user, /var/lib/madoguchi owned by it, a runtime whose native libraries all resolve;
#   3. the simulated kiosk runs from the package as user madoguchi (under Xvfb): one whole
#      transaction into the ledger in /var/lib/madoguchi; `madoguchi hw-check` passes;
#   4. a local edit goes into the conffile /etc/madoguchi/kiosk.yaml, then v2 is installed over v1:
#      the ledger keeps its rows, the edit survives, and the upgraded kiosk adds a row to the same ledger;
#   5. purge: the package goes, the ledger stays (it is a money record); then the test removes its
#      own traces (data, user) so the machine is as before.
# Runs as root on Debian (CI: .ci/run after mvn verify). It installs into the host rather than a
# debootstrap chroot: a chroot needs ~150 MB of downloads and minutes per run, and CI machines are
# throw-away; the script refuses to run where a madoguchi ledger already exists.
# Usage: sudo packaging/test-deb.sh [--keep]   (--keep leaves the upgraded package installed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
started=$SECONDS
step() { echo "test-deb: [$((SECONDS - started)) s] $*"; }

[[ $(id -u) -eq 0 ]] || { echo "test-deb: needs root (it installs a package): sudo $0" >&2; exit 2; }
command -v dpkg >/dev/null && command -v apt-get >/dev/null || { echo "test-deb: needs Debian's dpkg and apt" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "test-deb: needs sqlite3 (apt-get install sqlite3)" >&2; exit 2; }
if [[ -e /var/lib/madoguchi/journal.db ]]; then
  echo "test-deb: /var/lib/madoguchi/journal.db exists: this machine has a kiosk ledger; not touching it" >&2
  exit 2
fi
if dpkg-query -W -f='${Status}' madoguchi 2>/dev/null | grep -q 'install ok'; then
  echo "test-deb: madoguchi is installed here; remove it first (dpkg --purge madoguchi)" >&2
  exit 2
fi
user_existed=false
getent passwd madoguchi >/dev/null && user_existed=true

work="$(mktemp -d -t madoguchi-test-deb.XXXXXX)"
cleanup() {
  local status=$?
  if [[ $keep == false ]]; then
    dpkg --purge madoguchi >/dev/null 2>&1 || true
    rm -rf /var/lib/madoguchi /var/log/madoguchi
    if [[ $user_existed == false ]] && getent passwd madoguchi >/dev/null; then
      userdel madoguchi 2>/dev/null || true
      getent group madoguchi >/dev/null && groupdel madoguchi 2>/dev/null || true
    fi
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT

v1="0.0.1~test1"
v2="0.0.1~test2"
step "building $v1 with ./kiosk package"
deb1="$("$root/kiosk" package --fast --arch amd64 --version "$v1" --out "$work" | tail -1)"
[[ -f "$deb1" ]] || fail "./kiosk package did not print a .deb path (got '$deb1')"
step "repacking as $v2"
dpkg-deb -R "$deb1" "$work/v2"
sed -i "s/^Version: .*/Version: $v2/" "$work/v2/DEBIAN/control"
deb2="$work/madoguchi_${v2}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip -z1 -b "$work/v2" "$deb2" >/dev/null
rm -rf "$work/v2"

apt_install() {
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "$1" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install $1 failed"; }
}

step "installing $v1"
apt_install "$deb1"
[[ "$(dpkg-query -W -f='${Version}' madoguchi)" == "$v1" ]] || fail "installed version is not $v1"
for f in /usr/bin/madoguchi /opt/madoguchi/runtime/bin/java /opt/madoguchi/lib/kiosk-app.jar \
    /etc/madoguchi/kiosk.yaml /etc/madoguchi/logback.xml /lib/systemd/system/madoguchi.service \
    /usr/share/xsessions/madoguchi.desktop; do
  [[ -e "$f" ]] || fail "$f is missing after installation"
done
dpkg-query --showformat='${Conffiles}\n' --show madoguchi | grep -q /etc/madoguchi/kiosk.yaml \
  || fail "/etc/madoguchi/kiosk.yaml is not a conffile"
if command -v systemd-analyze >/dev/null; then
  # cage is only recommended (CI has no display): its absence is the one finding allowed here.
  unit_findings="$(systemd-analyze verify /lib/systemd/system/madoguchi.service 2>&1 | grep -v '/usr/bin/cage is not executable' || true)"
  [[ -z "$unit_findings" ]] || fail "systemd-analyze verify madoguchi.service: $unit_findings"
fi
uid="$(id -u madoguchi)" || fail "no user madoguchi"
[[ $uid -lt 1000 ]] || fail "madoguchi is not a system user (uid $uid)"
[[ "$(stat -c '%U %a' /var/lib/madoguchi)" == "madoguchi 750" ]] || fail "/var/lib/madoguchi: $(stat -c '%U %a' /var/lib/madoguchi)"
[[ "$(stat -c '%U' /var/log/madoguchi)" == madoguchi ]] || fail "/var/log/madoguchi is not the kiosk's"
# (libjvm.so is found by the java launcher at run time, not through the library path.)
missing="$(find /opt/madoguchi/runtime -name '*.so' -exec ldd {} + 2>/dev/null | grep 'not found' | grep -v libjvm.so | sort -u || true)"
[[ -z "$missing" ]] || fail "runtime libraries that do not resolve (add their packages to Depends): $missing"
modules="$(/opt/madoguchi/runtime/bin/java --list-modules)"
for m in java.smartcardio java.sql jdk.charsets jdk.crypto.ec jdk.localedata; do
  grep -q "^$m@" <<<"$modules" || fail "runtime lacks module $m"
done

as_kiosk() { runuser -u madoguchi -- "$@"; }
smoke() {
  local display=()
  command -v xvfb-run >/dev/null && display=(xvfb-run -a)
  as_kiosk "${display[@]}" timeout 120 madoguchi demo --smoke --config /etc/madoguchi/kiosk.yaml \
    --data /var/lib/madoguchi >"$work/smoke.log" 2>&1 || true
  grep -q ' DONE copies=1 ' "$work/smoke.log"
}
rows() { sqlite3 /var/lib/madoguchi/journal.db "select count(*) from $1"; }

step "running the simulated kiosk from the package as user madoguchi"
smoke || fail "demo --smoke from the package did not finish a transaction: $(cat "$work/smoke.log")"
[[ "$(stat -c '%U' /var/lib/madoguchi/journal.db)" == madoguchi ]] || fail "journal.db is not owned by madoguchi"
ledger_before="$(rows ledger_entry)"
transactions_before="$(rows kiosk_transaction)"
ids_before="$(sqlite3 /var/lib/madoguchi/journal.db 'select id from kiosk_transaction order by id')"
[[ $ledger_before -ge 1 ]] || fail "the ledger has no row after a printed copy"
as_kiosk madoguchi hw-check >"$work/hw-check.log" || { cat "$work/hw-check.log" >&2; fail "madoguchi hw-check failed"; }
grep -q 'configuration /etc/madoguchi/kiosk.yaml' "$work/hw-check.log" || fail "hw-check did not read /etc/madoguchi/kiosk.yaml"

if command -v xvfb-run >/dev/null; then
  step "the service's command (madoguchi run) opens the touchscreen under Xvfb"
  setsid timeout 120 runuser -u madoguchi -- xvfb-run -a madoguchi run --config /etc/madoguchi/kiosk.yaml \
    >"$work/run.log" 2>&1 &
  run_pid=$!
  for _ in $(seq 240); do grep -q 'the touchscreen is open' "$work/run.log" && break; sleep 0.5; done
  kill -TERM -- "-$run_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  grep -q 'the touchscreen is open' "$work/run.log" || fail "madoguchi run did not open the touchscreen: $(cat "$work/run.log")"
fi

echo "# local edit $(date -u +%s)" >>/etc/madoguchi/kiosk.yaml
edited="$(sha256sum /etc/madoguchi/kiosk.yaml)"

step "upgrading to $v2"
apt_install "$deb2"
[[ "$(dpkg-query -W -f='${Version}' madoguchi)" == "$v2" ]] || fail "installed version is not $v2 after the upgrade"
[[ "$(sha256sum /etc/madoguchi/kiosk.yaml)" == "$edited" ]] || fail "the upgrade changed the edited /etc/madoguchi/kiosk.yaml"
[[ "$(rows ledger_entry)" == "$ledger_before" ]] || fail "ledger rows changed on upgrade: $ledger_before -> $(rows ledger_entry)"
[[ "$(sqlite3 /var/lib/madoguchi/journal.db 'select id from kiosk_transaction order by id')" == "$ids_before" ]] \
  || fail "transactions changed on upgrade"
[[ "$(stat -c '%U %a' /var/lib/madoguchi)" == "madoguchi 750" ]] || fail "the upgrade changed /var/lib/madoguchi"

step "running the upgraded kiosk on the same ledger"
smoke || fail "demo --smoke after the upgrade failed: $(cat "$work/smoke.log")"
[[ "$(rows kiosk_transaction)" -eq $((transactions_before + 1)) ]] || fail "the upgraded kiosk did not add to the old ledger"
[[ "$(rows ledger_entry)" -gt "$ledger_before" ]] || fail "no new ledger row after the upgrade"

if [[ $keep == false ]]; then
  step "purging: the package goes, the ledger stays"
  dpkg --purge madoguchi >/dev/null 2>&1
  [[ ! -e /opt/madoguchi && ! -e /usr/bin/madoguchi && ! -e /etc/madoguchi ]] || fail "purge left package files"
  [[ -f /var/lib/madoguchi/journal.db ]] || fail "purge deleted the ledger"
fi
step "ok: installed, ran, upgraded with $(rows_after=$(sqlite3 /var/lib/madoguchi/journal.db 'select count(*) from ledger_entry'); echo "$ledger_before -> $rows_after") ledger rows kept and added, purged ($((SECONDS - started)) s)"
