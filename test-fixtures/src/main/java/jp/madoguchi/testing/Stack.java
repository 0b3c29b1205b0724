package jp.madoguchi.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A real system stack that integration tests run against, and how to tell it is present. */
public enum Stack {
    /** The PC/SC daemon, listening on its socket. */
    PCSCD("pcscd is not running (apt-get install pcscd; start it with `pcscd`)") {
        @Override
        Optional<String> missing() {
            return Files.exists(Path.of("/run/pcscd/pcscd.comm")) ? Optional.empty() : Optional.of(hint);
        }
    },
    /** The vsmartcard virtual reader driver for pcscd (listens on TCP 35963 once pcscd runs). */
    VPCD("the vpcd reader driver is not installed (apt-get install vsmartcard-vpcd, then restart pcscd)") {
        @Override
        Optional<String> missing() {
            if (PCSCD.missing().isPresent()) {
                return PCSCD.missing();
            }
            boolean installed = Files.exists(Path.of("/etc/reader.conf.d/vpcd"))
                    || Files.isDirectory(Path.of("/usr/lib/pcsc/drivers/serial"));
            return installed ? Optional.empty() : Optional.of(hint);
        }
    },
    /** CUPS' IPP Everywhere printer simulator. */
    IPPEVEPRINTER("ippeveprinter is not installed (apt-get install cups-ipp-utils avahi-daemon dbus)") {
        @Override
        Optional<String> missing() {
            return onPath("ippeveprinter") ? Optional.empty() : Optional.of(hint);
        }
    };

    final String hint;

    Stack(String hint) {
        this.hint = hint;
    }

    /** Empty when the stack is usable here, else what to install or start. */
    abstract Optional<String> missing();

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
