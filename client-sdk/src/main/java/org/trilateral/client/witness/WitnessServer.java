package org.trilateral.client.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.trilateral.integrity.witness.Witness;
import org.trilateral.integrity.witness.WitnessAnswer;

/**
 * The C2SP tlog-witness HTTP interface: {@code POST <prefix>/add-checkpoint} and
 * {@code GET <prefix>/<origin hash>/checkpoint}, on the JDK's HTTP server (no framework). Request bodies over
 * 64 KiB are refused. Start it with {@link #start}, stop it with {@link #close}.
 */
public final class WitnessServer implements AutoCloseable {

    private static final int MAX_BODY = 64 * 1024;

    private final Witness witness;
    private final Map<String, String> originsByHash;
    private final HttpServer server;
    private final String prefix;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private WitnessServer(Witness witness, Iterable<String> origins, InetSocketAddress address, String prefix)
            throws IOException {
        this.witness = Objects.requireNonNull(witness, "witness");
        java.util.Map<String, String> byHash = new java.util.HashMap<>();
        origins.forEach(origin -> byHash.put(FileWitnessState.originHash(origin), origin));
        this.originsByHash = Map.copyOf(byHash);
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.server = HttpServer.create(address, 0);
        this.server.createContext(this.prefix, this::handle);
        this.server.setExecutor(executor);
    }

    /**
     * Starts a witness server.
     *
     * @param origins the origins of the logs the witness follows (for the monitoring path)
     * @param address where to listen (port 0: any free port)
     * @param prefix the URL prefix, e.g. {@code /} or {@code /witness/}
     */
    public static WitnessServer start(Witness witness, Iterable<String> origins, InetSocketAddress address, String prefix)
            throws IOException {
        WitnessServer server = new WitnessServer(witness, origins, address, prefix);
        server.server.start();
        return server;
    }

    /** The base URL it answers at (with the prefix). */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + prefix);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(prefix.length());
        try {
            if (rest.equals("add-checkpoint")) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    respond(exchange, 405, "text/plain; charset=utf-8", "add-checkpoint takes POST\n");
                    return;
                }
                byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    respond(exchange, 413, "text/plain; charset=utf-8", "the request is larger than 64 KiB\n");
                    return;
                }
                WitnessAnswer answer = witness.addCheckpoint(new String(body, StandardCharsets.UTF_8));
                respond(exchange, answer.status(), answer.contentType(), answer.body());
            } else if (rest.endsWith("/checkpoint") && exchange.getRequestMethod().equals("GET")) {
                String origin = originsByHash.get(rest.substring(0, rest.length() - "/checkpoint".length()));
                String latest = origin == null ? null : witness.latest(origin).orElse(null);
                if (latest == null) {
                    respond(exchange, 404, "text/plain; charset=utf-8", "no checkpoint cosigned for that log\n");
                } else {
                    respond(exchange, 200, "text/plain; charset=utf-8", latest);
                }
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not a tlog-witness path\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain; charset=utf-8", "the witness failed: " + e.getMessage() + "\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
