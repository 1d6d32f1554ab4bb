package org.trilateral.client.internal;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trilateral.client.ExchangeException;
import org.trilateral.client.LogVerificationException;
import org.trilateral.client.NotFoundException;
import org.trilateral.client.ServerException;
import org.trilateral.client.VerificationFailure;
import org.trilateral.integrity.jcs.StrictJson;
import org.trilateral.integrity.log.AudienceKeyRing;
import org.trilateral.integrity.log.LeafFormatException;
import org.trilateral.integrity.tiles.TilePath;
import org.trilateral.integrity.tiles.TileSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the exchange's transparency log over HTTP (docs/transparency-log.md, "Endpoints"): the checkpoint, tiles and
 * entry bundles (C2SP tlog-tiles), openings and the member's audience keys. Every failure is a
 * {@link LogVerificationException} with {@code LOG_UNAVAILABLE}: what is read is checked by the caller. Thread-safe.
 */
public final class LogReader implements TileSource {

    /** Openings asked for in one request. */
    public static final int OPENINGS_PER_REQUEST = 1000;

    private final Transport transport;
    private final URI logUrl;

    public LogReader(Transport transport, URI logUrl) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.logUrl = Objects.requireNonNull(logUrl, "logUrl");
    }

    public URI logUrl() {
        return logUrl;
    }

    /** The latest checkpoint, as a signed note with the witnesses' cosignatures. */
    public String checkpoint() {
        return get(logUrl.resolve("checkpoint"), "text/plain").text();
    }

    /** The log's note verifier key as the exchange serves it. */
    public String key() {
        return get(logUrl.resolve("key"), "text/plain").text().strip();
    }

    @Override
    public byte[] tile(TilePath path) {
        return get(logUrl.resolve(path.path()), "application/octet-stream").body();
    }

    /**
     * The entries of an entry bundle, each a leaf's text, in order; an empty entry stands for a leaf written before
     * leaf format version 2 whose text only its object's readers get.
     */
    public List<byte[]> entries(TilePath bundle) {
        byte[] body = get(logUrl.resolve(bundle.path()), "application/octet-stream").body();
        List<byte[]> entries = new ArrayList<>(bundle.width());
        ByteBuffer buffer = ByteBuffer.wrap(body);
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 2) {
                throw unavailable("the entry bundle " + bundle.path() + " ends inside a length prefix", null);
            }
            int length = Short.toUnsignedInt(buffer.getShort());
            if (buffer.remaining() < length) {
                throw unavailable("the entry bundle " + bundle.path() + " ends inside an entry", null);
            }
            byte[] entry = new byte[length];
            buffer.get(entry);
            entries.add(entry);
        }
        if (entries.size() != bundle.width()) {
            throw unavailable("the entry bundle " + bundle.path() + " has " + entries.size() + " entries, not "
                    + bundle.width(), null);
        }
        return entries;
    }

    /**
     * The openings of the given objects (each by id and {@code object_sha256}) that the caller may read; the others
     * are simply absent, as for objects that do not exist.
     */
    public List<JsonNode> openings(List<String[]> idAndDigest) {
        List<JsonNode> openings = new ArrayList<>();
        for (int from = 0; from < idAndDigest.size(); from += OPENINGS_PER_REQUEST) {
            ObjectNode body = StrictJson.mapper().createObjectNode();
            ArrayNode objects = body.putArray("objects");
            for (String[] object : idAndDigest.subList(from, Math.min(idAndDigest.size(), from + OPENINGS_PER_REQUEST))) {
                objects.addObject().put("id", object[0]).put("object_sha256", object[1]);
            }
            JsonNode answer = post(logUrl.resolve("openings"), StrictJson.mapper().writeValueAsBytes(body));
            answer.path("openings").forEach(openings::add);
        }
        return openings;
    }

    /** The openings the caller may read of the leaves in {@code [from, to)}, following the exchange's paging. */
    public List<JsonNode> openingsBetween(long from, long to) {
        List<JsonNode> openings = new ArrayList<>();
        long next = from;
        while (next < to) {
            JsonNode answer = json(get(logUrl.resolve("openings?from=" + next + "&to=" + to), "application/json"));
            answer.path("openings").forEach(openings::add);
            JsonNode more = answer.get("next");
            if (more == null || !more.canConvertToLong() || more.asLong() <= next) {
                break;
            }
            next = more.asLong();
        }
        return openings;
    }

    /** The audience keys the exchange gives the caller. */
    public AudienceKeyRing audienceKeys() {
        try {
            return AudienceKeyRing.parse(json(get(logUrl.resolve("audience-keys"), "application/json")));
        } catch (LeafFormatException e) {
            throw unavailable("the audience keys are malformed: " + e.getMessage(), e);
        }
    }

    private HttpResult get(URI uri, String accept) {
        try {
            return transport.send(HttpCall.get(uri, accept));
        } catch (NotFoundException e) {
            throw new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, "the log has no " + uri + ": "
                    + e.getMessage(), e);
        } catch (ExchangeException e) {
            throw unavailable("the log at " + uri + " could not be read: " + e.getMessage(), e);
        }
    }

    private JsonNode post(URI uri, byte[] body) {
        try {
            return json(transport.send(HttpCall.post(uri, "application/json", "application/json", body)));
        } catch (ExchangeException e) {
            throw unavailable("the log at " + uri + " could not be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode json(HttpResult result) {
        try {
            return result.json();
        } catch (ServerException e) {
            throw unavailable(e.getMessage(), e);
        }
    }

    static LogVerificationException unavailable(String message, Throwable cause) {
        return new LogVerificationException(VerificationFailure.LOG_UNAVAILABLE, message, cause);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
