package jp.madoguchi.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.Test;

/**
 * The real PC/SC stack without its daemon: a child JVM whose libpcsclite is pointed at a socket
 * where no pcscd listens (PCSCLITE_CSOCK_NAME), so the shared pcscd of this machine stays up.
 */
@RequiresStack(Stack.PCSCD)
class PcscServiceDownTest {

    /** Run in the child JVM: prints the error code of listing the PC/SC readers. */
    public static void main(String[] args) {
        try {
            System.out.println("READERS " + CardReaders.pcsc().list().size());
        } catch (CardException e) {
            System.out.println(e.code() + " " + e.getMessage());
        }
    }

    @Test
    void pcscdNotRunningIsReaderUnavailableAndSaysHowToStartIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PcscServiceDownTest.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm");
        Process child = builder.start();
        try {
            assertThat(child.waitFor(30, TimeUnit.SECONDS))
                    .as("child JVM ended")
                    .isTrue();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(output)
                    .contains("READER_UNAVAILABLE")
                    .contains("start pcscd")
                    .contains("apt-get install pcscd");
        } finally {
            child.destroyForcibly();
        }
    }
}
