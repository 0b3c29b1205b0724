#!/usr/bin/env bash
# Print benchmark (not a test): p50/p95 of the anti-forgery overlay and of printing on a real
# ippeveprinter, for 1-page and 3-page certificates. Needs cups-ipp-utils, avahi-daemon, dbus,
# poppler-utils. Usage: printer-driver/bench-print.sh [iterations]   (default 30)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -o -pl printer-driver -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test -Dspotless.apply.skip=true
cp="printer-driver/target/test-classes:printer-driver/target/classes:$(cat printer-driver/target/bench.cp)"
exec java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn jp.madoguchi.printer.ipp.PrintBenchmark "$@"
