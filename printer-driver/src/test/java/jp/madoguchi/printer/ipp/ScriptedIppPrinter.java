package jp.madoguchi.printer.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small IPP printer of our own on loopback, scripted to be in states ippeveprinter cannot reach:
 * a door open or toner out before the job, a job the printer aborts, a cancel it never carries
 * out, an answer lost after the job was created, an answer that is not IPP. It speaks real IPP
 * over HTTP (encoded with jipp) and records the operations it received.
 */
final class ScriptedIppPrinter implements AutoCloseable {
    /** What the printer does with a job. */
    enum JobBehaviour {
        /** The job completes at the first look, all pages printed. */
        COMPLETES,
        /** The printer aborts the job after one page. */
        ABORTS,
        /** The job stays processing; Cancel-Job is accepted but never carried out. */
        IGNORES_CANCEL,
        /** The job is created but the connection drops before the answer; it then waits for a cancel. */
        ANSWER_LOST
    }

    volatile int printerState = 3;
    volatile List<String> reasons = List.of("none");
    volatile List<String> sides = List.of("one-sided", "two-sided-long-edge", "two-sided-short-edge");
    volatile boolean answerGarbage;
    volatile JobBehaviour jobBehaviour = JobBehaviour.COMPLETES;

    final List<String> operations = new CopyOnWriteArrayList<>();
    private final Map<Integer, JobState> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, String> jobNames = new ConcurrentHashMap<>();
    private final AtomicInteger nextJob = new AtomicInteger(100);
    private final HttpServer server;

    ScriptedIppPrinter() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ipp/print", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "scripted-ipp");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    URI uri() {
        return URI.create("ipp://127.0.0.1:" + server.getAddress().getPort() + "/ipp/print");
    }

    List<Integer> unfinishedJobs() {
        return jobs.entrySet().stream()
                .filter(e -> !e.getValue().equals(JobState.completed)
                        && !e.getValue().equals(JobState.aborted)
                        && !e.getValue().equals(JobState.canceled))
                .map(Map.Entry::getKey)
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            IppPacket request = IppPacket.parse(body);
            body.transferTo(OutputStream.nullOutputStream()); // the document, if any
            Operation operation = request.getOperation();
            operations.add(operation.getName());
            if (answerGarbage) {
                reply(exchange, "<html>not a printer</html>".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            IppPacket response;
            if (operation.equals(Operation.getPrinterAttributes)) {
                response = IppPacket.response(Status.successfulOk)
                        .setRequestId(request.getRequestId())
                        .putPrinterAttributes(
                                Types.printerState.of(com.hp.jipp.model.PrinterState.Companion.get(printerState)),
                                Types.printerStateReasons.of(reasons),
                                Types.printerIsAcceptingJobs.of(true),
                                Types.documentFormatSupported.of("application/pdf"),
                                Types.sidesSupported.of(sides),
                                Types.mediaSupported.of("iso_a4_210x297mm"))
                        .build();
            } else if (operation.equals(Operation.printJob)) {
                int id = nextJob.getAndIncrement();
                jobs.put(id, JobState.processing);
                jobNames.put(id, String.valueOf(request.getString(Tag.operationAttributes, Types.jobName)));
                if (jobBehaviour == JobBehaviour.ANSWER_LOST) {
                    // Close without an answer, as a printer rebooting mid-request would.
                    return;
                }
                response = jobResponse(request, id);
            } else if (operation.equals(Operation.getJobAttributes)) {
                int id = request.getValue(Tag.operationAttributes, Types.jobId);
                JobState state = jobs.get(id);
                if (state != null && state.equals(JobState.processing)) {
                    if (jobBehaviour == JobBehaviour.COMPLETES) {
                        jobs.put(id, JobState.completed);
                    } else if (jobBehaviour == JobBehaviour.ABORTS) {
                        jobs.put(id, JobState.aborted);
                    }
                }
                response = jobResponse(request, id);
            } else if (operation.equals(Operation.cancelJob)) {
                int id = request.getValue(Tag.operationAttributes, Types.jobId);
                if (jobBehaviour != JobBehaviour.IGNORES_CANCEL) {
                    jobs.computeIfPresent(id, (k, v) -> v.equals(JobState.processing) ? JobState.canceled : v);
                }
                response = IppPacket.response(Status.successfulOk)
                        .setRequestId(request.getRequestId())
                        .build();
            } else if (operation.equals(Operation.getJobs)) {
                IppPacket.Builder builder =
                        IppPacket.response(Status.successfulOk).setRequestId(request.getRequestId());
                for (int id : unfinishedJobs()) {
                    builder.addGroup(AttributeGroup.groupOf(
                            Tag.jobAttributes,
                            Types.jobId.of(id),
                            Types.jobName.of(jobNames.get(id)),
                            Types.jobState.of(jobs.get(id))));
                }
                response = builder.build();
            } else {
                response = IppPacket.response(Status.serverErrorOperationNotSupported)
                        .setRequestId(request.getRequestId())
                        .build();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            response.write(out);
            reply(exchange, out.toByteArray());
        }
    }

    private IppPacket jobResponse(IppPacket request, int id) {
        JobState state = jobs.getOrDefault(id, JobState.aborted);
        int pages = state.equals(JobState.completed) ? 2 : state.equals(JobState.processing) ? 0 : 1;
        return IppPacket.jobResponse(Status.successfulOk, id, URI.create(uri() + "/" + id), state)
                .setRequestId(request.getRequestId())
                .putJobAttributes(Types.jobImpressionsCompleted.of(pages))
                .build();
    }

    private static void reply(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/ipp");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
