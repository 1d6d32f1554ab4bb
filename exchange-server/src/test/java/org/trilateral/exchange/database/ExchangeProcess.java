package org.trilateral.exchange.database;

import static org.trilateral.exchange.support.Pause.sleep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.trilateral.exchange.ExchangeApplication;
import org.trilateral.exchange.support.TestStix;

/**
 * The exchange as an operator runs it: a JVM of its own ({@code java -cp <classpath> ExchangeApplication --...}),
 * which a test can kill as the kernel would (SIGKILL), with everything it prints kept in a log file.
 */
final class ExchangeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ExchangeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The command line of an exchange in development mode on {@code port} with its embedded PostgreSQL in
     * {@code dataDirectory}: the same command every time, as an operator restarts it.
     */
    static List<String> command(int port, Path dataDirectory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), ExchangeApplication.class.getName(),
                "--server.port=" + port,
                "--exchange.dev.enabled=true",
                "--exchange.database.url=",
                "--exchange.database.embedded.data-directory=" + dataDirectory);
    }

    /** Starts {@code command}; its output goes to {@code log}. */
    static ExchangeProcess start(List<String> command, int port, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            process.getOutputStream().close();
            return new ExchangeProcess(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the exchange answers HTTP, failing with its output if it ends or takes longer than {@code timeout}. */
    ExchangeProcess awaitListening(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the exchange ended with " + process.exitValue() + " before listening:\n" + output());
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/taxii2/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return this;
            } catch (ConnectException e) {
                sleep(200);
            } catch (IOException e) {
                sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the exchange did not listen within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end and answers its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the exchange did not end within " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The processes the exchange started that are still its children (the embedded server's watchdog). */
    List<ProcessHandle> children() {
        return new ArrayList<>(process.children().toList());
    }

    /** SIGKILL, as the out-of-memory killer sends it: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** A development token of a demo member ({@code POST /dev/token}). */
    String devToken(String member) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("member=" + member)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /dev/token answered " + response.statusCode() + ": " + response.body());
        }
        return TestStix.parse(response.body()).get("access_token").asString();
    }

    /** SIGTERM, as a service manager stops it: the shutdown hooks stop the embedded server. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Plain HTTP calls, so that a refused connection is an exception the caller sees, not a retry. */
    static final class Http {

        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Http() {
        }

        static HttpResponse<String> send(HttpRequest request) {
            try {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
