#!/usr/bin/env bash
# packaging/build-deb.sh — builds the Madoguchi kiosk as a Debian package:
#   /opt/madoguchi/runtime   a jlink'ed Java 17 runtime (only the modules in packaging/runtime-modules)
#   /opt/madoguchi/lib       the application jars (JavaFX for the target architecture)
#   /usr/bin/madoguchi       the command (`madoguchi run`, `madoguchi hw-check`, ...)
#   /etc/madoguchi/          kiosk.yaml and logback.xml (conffiles: upgrades keep local edits)
#   /var/lib/madoguchi       journal and ledger (created by postinst once, never touched again)
#   /var/log/madoguchi       rolling logs (logback: daily and by size, 30 days, 200 MB at most)
#   madoguchi.service        the touchscreen session: cage (Wayland) on tty1 running `madoguchi run`
# Usage: packaging/build-deb.sh [--arch amd64|arm64] [--out DIR] [--version V] [--fast|--xz] [--system-java]
# Compression: zstd (dpkg >= 1.21.18: Debian 12, Raspberry Pi OS bookworm); --xz for older dpkg
# (several minutes: the payload is mostly jars, already compressed); --fast gzip -1 for tests.
# Needs: a built kiosk-app (kiosk-app/target/kiosk-app.jar + lib/; ./kiosk builds it), Debian's
# openjdk-17-jdk-headless (jlink and the jmods), dpkg-deb. For another architecture's runtime the
# matching jmods are fetched once from Debian with a private apt configuration (the system's apt
# set-up is not touched) into ~/.cache/madoguchi, and JavaFX jars from Maven Central into ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pkg="$root/packaging"
app="$root/kiosk-app/target"
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
out="$pkg/target"
version=""
compress=(-Zzstd)
runtime=bundled
cache="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi"

die() { echo "build-deb: $*" >&2; exit 2; }
say() { echo "build-deb: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --arch) arch="${2:?--arch needs amd64 or arm64}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --version) version="${2:?--version needs a Debian version}"; shift 2 ;;
    --fast) compress=(-Zgzip -z1); shift ;;
    --xz) compress=(-Zxz); shift ;;
    --system-java) runtime=system; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
case "$arch" in
  amd64) jfx_classifier=linux; multiarch=x86_64-linux-gnu ;;
  arm64) jfx_classifier=linux-aarch64; multiarch=aarch64-linux-gnu ;;
  *) die "--arch must be amd64 or arm64, not '$arch'" ;;
esac
[[ -f "$app/kiosk-app.jar" && -d "$app/lib" ]] || die "kiosk-app is not built: run ./kiosk --help (or ./kiosk package) first"
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing (apt-get install dpkg)"

# Version: the Maven version, with a snapshot as ~snapshot plus the commit time so that each build
# of the same snapshot sorts after the one before.
if [[ -z "$version" ]]; then
  mvn_version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/kiosk-app/pom.xml" | head -1)"
  version="${mvn_version%-SNAPSHOT}"
  if [[ "$mvn_version" == *-SNAPSHOT ]]; then
    stamp="$(git -C "$root" log -1 --format=%cd --date=format:%Y%m%d%H%M%S 2>/dev/null || date -u +%Y%m%d%H%M%S)"
    version="${version}~snapshot${stamp}"
  fi
fi
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || die "'$version' is not a Debian version"

# The JDK whose jlink builds the runtime.
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jlink || die 'jlink is missing (apt-get install openjdk-17-jdk-headless)')")")")"
jdk_version="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
[[ "$jdk_version" == 17.* ]] || die "jlink must be Java 17 (found $jdk_version at $jdk)"

work="$(mktemp -d -t madoguchi-deb.XXXXXX)"
trap 'rm -rf "$work"' EXIT
stage="$work/root"
mkdir -p "$stage/opt/madoguchi/lib" "$stage/DEBIAN"

# --- the target architecture's jmods -------------------------------------------------------------
jmods_for() {
  local host
  host="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
  if [[ "$arch" == "$host" ]]; then
    [[ -d "$jdk/jmods" ]] || die "no jmods in $jdk (apt-get install openjdk-17-jdk-headless)"
    echo "$jdk/jmods"
    return
  fi
  local deb_version dir apt
  deb_version="$(dpkg-query -W -f='${Version}' openjdk-17-jdk-headless 2>/dev/null)" \
    || die "the host JDK is not Debian's openjdk-17-jdk-headless: cannot pick matching $arch jmods (use --system-java)"
  dir="$cache/jmods/$arch/$deb_version"
  if [[ ! -f "$dir/ok" ]]; then
    say "fetching openjdk-17-jdk-headless:$arch $deb_version from Debian for its jmods (once)"
    apt="$work/apt"
    mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$dir"
    : >"$apt/status"
    {
      echo "deb [arch=$arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main"
      echo "deb [arch=$arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main"
    } >"$apt/sources.list"
    local opts=(-qq -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State=$apt/state" -o "Dir::State::status=$apt/status" -o "Dir::Cache=$apt/cache"
      -o "APT::Architecture=$arch" -o "APT::Architectures::=$arch" -o Debug::NoLocking=1
      -o APT::Sandbox::User=root)
    apt-get "${opts[@]}" update || die "apt-get update for $arch failed (is deb.debian.org reachable?)"
    (cd "$apt" && apt-get "${opts[@]}" download "openjdk-17-jdk-headless:$arch=$deb_version") \
      || die "Debian has no openjdk-17-jdk-headless:$arch $deb_version; build with --system-java instead"
    dpkg-deb -x "$apt"/openjdk-17-jdk-headless_*_"$arch".deb "$apt/x"
    rm -rf "$dir/jmods"
    mv "$apt/x/usr/lib/jvm/java-17-openjdk-$arch/jmods" "$dir/jmods"
    touch "$dir/ok"
  fi
  echo "$dir/jmods"
}

# --- runtime ------------------------------------------------------------------------------------
if [[ "$runtime" == bundled ]]; then
  jmods="$(jmods_for)"
  modules="$(grep -v '^#' "$pkg/runtime-modules" | grep . | paste -sd, -)"
  strip=(--strip-debug)
  # jlink strips native symbols with the host's objcopy, which cannot read another architecture.
  [[ "$jmods" == "$jdk/jmods" ]] || strip=(--strip-java-debug-attributes)
  say "jlink runtime for $arch ($(echo "$modules" | tr ',' '\n' | wc -l) modules)"
  "$jdk/bin/jlink" --module-path "$jmods" --add-modules "$modules" --include-locales=en,ja \
    "${strip[@]}" --no-header-files --no-man-pages --compress=2 \
    --output "$stage/opt/madoguchi/runtime"
  java_cmd=/opt/madoguchi/runtime/bin/java
else
  java_cmd="/usr/lib/jvm/java-17-openjdk-$arch/bin/java"
fi

# --- application jars ---------------------------------------------------------------------------
cp "$app/kiosk-app.jar" "$stage/opt/madoguchi/lib/"
for jar in "$app"/lib/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ ^(javafx-[a-z]+)-([0-9.]+)-linux(-aarch64)?\.jar$ ]]; then
    module="${BASH_REMATCH[1]}" fx_version="${BASH_REMATCH[2]}"
    want="$module-$fx_version-$jfx_classifier.jar"
    if [[ "$name" != "$want" ]]; then
      local_jar="$HOME/.m2/repository/org/openjfx/$module/$fx_version/$want"
      if [[ ! -f "$local_jar" ]]; then
        say "fetching $want from Maven Central (once)"
        (cd "$root" && mvn -B -q -ntp -Dstyle.color=never dependency:get "-Dartifact=org.openjfx:$module:$fx_version:jar:$jfx_classifier" -Dtransitive=false) \
          || die "cannot fetch org.openjfx:$module:$fx_version:$jfx_classifier"
      fi
      jar="$local_jar"
      name="$want"
    fi
  fi
  cp "$jar" "$stage/opt/madoguchi/lib/$name"
done

# --- files --------------------------------------------------------------------------------------
install -D -m 0755 "$pkg/files/madoguchi" "$stage/usr/bin/madoguchi"
sed -i "s:@JAVA@:$java_cmd:" "$stage/usr/bin/madoguchi"
install -D -m 0644 "$pkg/files/kiosk.yaml" "$stage/etc/madoguchi/kiosk.yaml"
install -D -m 0644 "$pkg/files/logback.xml" "$stage/etc/madoguchi/logback.xml"
install -D -m 0644 "$pkg/systemd/madoguchi.service" "$stage/lib/systemd/system/madoguchi.service"
install -D -m 0644 "$pkg/files/madoguchi.desktop" "$stage/usr/share/xsessions/madoguchi.desktop"
install -D -m 0755 "$pkg/files/x-session" "$stage/usr/share/madoguchi/x-session"
install -D -m 0644 "$pkg/files/copyright" "$stage/usr/share/doc/madoguchi/copyright"
{
  echo "madoguchi ($version) unstable; urgency=medium"
  echo
  echo "  * Built from $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'a source tree'); see CHANGELOG.md in the sources."
  echo
  echo " -- Madoguchi developers <kiosk@madoguchi.invalid>  $(date -R -u)"
} | gzip -9n >"$stage/usr/share/doc/madoguchi/changelog.Debian.gz"
chmod 0644 "$stage/usr/share/doc/madoguchi/changelog.Debian.gz"

# --- control ------------------------------------------------------------------------------------
# The runtime links Debian's shared libraries (Debian builds OpenJDK against system zlib, libjpeg,
# lcms2, giflib, libpng, freetype, harfbuzz); JavaFX needs GTK 3 and OpenGL; card readers pcscd.
if [[ "$runtime" == bundled ]]; then
  java_depends="libc6, zlib1g, libjpeg62-turbo, liblcms2-2, libgif7, libpng16-16, libfreetype6, libharfbuzz0b, libfontconfig1, libasound2, libx11-6, libxext6, libxi6, libxrender1, libxtst6"
else
  java_depends="openjdk-17-jre"
fi
installed_size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
    -e "s/@JAVA_DEPENDS@/$java_depends/" "$pkg/debian/control.in" >"$stage/DEBIAN/control"
printf '/etc/madoguchi/kiosk.yaml\n/etc/madoguchi/logback.xml\n' >"$stage/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "$pkg/debian/$script" "$stage/DEBIAN/$script"
done

mkdir -p "$out"
deb="$out/madoguchi_${version}_${arch}.deb"
say "dpkg-deb ${compress[*]} -> $deb"
dpkg-deb --root-owner-group "${compress[@]}" --build "$stage" "$deb" >/dev/null
echo "$deb"
