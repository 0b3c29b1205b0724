package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kiosk bench center} end to end on a tiny run: a real center simulator over mutual TLS,
 * and the one JSON line with every figure the benchmark documents.
 */
class BenchCenterCommandTest {
    @Test
    void printsOneJsonLineWithTheFiguresOfAFixedWarmUpRun() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCenterCommand());
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("--concurrency", "3", "--issuances", "24", "--warmup", "6", "--json");

        assertThat(status).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode figures = new ObjectMapper().readTree(lines[0]);
        assertThat(figures.get("concurrency").asInt()).isEqualTo(3);
        assertThat(figures.get("issuances").asInt()).isEqualTo(24);
        assertThat(figures.get("mismatchedDocuments").asInt()).isZero();
        assertThat(figures.get("errors").asInt()).isZero();
        assertThat(figures.get("warmupIssuances").asInt()).isEqualTo(6);
        assertThat(figures.get("issuancesPerSecond").asDouble()).isPositive();
        double p50 = figures.get("p50Millis").asDouble();
        assertThat(p50).isPositive();
        assertThat(figures.get("p95Millis").asDouble()).isGreaterThanOrEqualTo(p50);
        assertThat(figures.get("p99Millis").asDouble())
                .isGreaterThanOrEqualTo(figures.get("p95Millis").asDouble());
        // The issue call is one of the four calls of the path.
        assertThat(figures.get("issueP50Millis").asDouble()).isPositive().isLessThanOrEqualTo(p50);
        assertThat(figures.get("cpuMillisPerIssuance").asDouble())
                .isGreaterThan(figures.get("centerCpuMillisPerIssuance").asDouble());
        assertThat(figures.has("jitMillisPerIssuance")).isTrue();
    }

    @Test
    void refusesAWarmUpThatIsNeitherAutoNorANumber() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCenterCommand());
        cli.setErr(new PrintWriter(err));
        int status = cli.execute("--issuances", "5", "--warmup", "soon", "--json");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup must be 'auto' or a number of issuances, got 'soon'");
    }
}
