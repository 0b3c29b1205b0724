#!/usr/bin/env bash
# Demo: seals the sample certificate, prints it on a real ippeveprinter and writes the spooled
# PDF, an edited copy, issuer.pem, scramble.key and the seal's QR text to OUTDIR, to try
# `./kiosk verify` on. Needs cups-ipp-utils, avahi-daemon, dbus, poppler-utils.
# Usage: printer-driver/sample-print.sh OUTDIR [pages]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -o -pl printer-driver -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test -Dspotless.apply.skip=true
cp="printer-driver/target/test-classes:printer-driver/target/classes:$(cat printer-driver/target/bench.cp)"
exec java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn jp.madoguchi.printer.ipp.PrintedSample "$@"
