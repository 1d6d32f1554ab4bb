package org.trilateral.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.trilateral.client.internal.CollectionIds;
import org.trilateral.client.internal.FixedTokenSource;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.JwksKeys;
import org.trilateral.client.internal.OAuth2TokenSource;
import org.trilateral.client.internal.ObjectPoller;
import org.trilateral.client.internal.Publisher;
import org.trilateral.client.internal.TokenSource;
import org.trilateral.client.internal.Transport;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.ObjectSignatureVerifier;
import org.trilateral.taxonomy.signature.ObjectVerification;
import org.trilateral.taxonomy.signature.SignatureCheck;
import org.trilateral.taxonomy.signature.SignatureOutcome;
import tools.jackson.databind.JsonNode;

/**
 * The exchange's client: publish signed objects, poll collections with a durable cursor, verify what was received.
 * Create one with {@link #builder()} and share it: it is immutable and thread-safe, and holds one HTTP connection
 * pool and one token cache. {@link #reactive()} gives the same operations as Reactor types.
 *
 * <pre>{@code
 * ExchangeClient client = ExchangeClient.builder()
 *         .baseUrl(URI.create("https://exchange.example"))
 *         .credentials(Credentials.clientSecretBasic(tokenEndpoint, "acme-ci", secret))
 *         .signingKey(SigningKey.parse(Files.readString(keyFile)))
 *         .build();
 * PublishResult result = client.publish("indicators", List.of(indicators.wallet("eip155:1:0x…", Tlp.AMBER)));
 * }</pre>
 */
public final class ExchangeClient {

    private final Builder settings;
    private final Transport transport;
    private final URI apiRoot;
    private final Publisher publisher;
    private final JwksKeys keys;
    private final URI logUrl;
    private final Transport logTransport;
    private final LogVerifier log;
    private final ObjectSignatureVerifier signatureVerifier =
            new ObjectSignatureVerifier(ExchangeExtensions.OBJECT_SIGNATURE_ID);
    private volatile ApiRootInfo apiRootInfo;

    private ExchangeClient(Builder builder) {
        this.settings = builder.copy();
        HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Transport anonymous = new Transport(http, builder.requestTimeout, builder.retryPolicy, builder.sleeper,
                builder.clock, builder.random, null, "trilateral-exchange-client/0.1");
        TokenSource tokens;
        if (builder.credentials == null) {
            tokens = null;
        } else if (builder.credentials instanceof Credentials.BearerToken bearer) {
            tokens = new FixedTokenSource(bearer.token());
        } else {
            tokens = new OAuth2TokenSource(builder.credentials, anonymous);
        }
        this.transport = anonymous.withTokens(tokens);
        this.apiRoot = withSlash(builder.baseUrl).resolve(builder.apiRootPath + "/");
        this.publisher = new Publisher(transport, apiRoot, builder.signingKey, builder.maxObjectsPerEnvelope,
                () -> apiRoot().maxContentLength(), builder.statusInterval, builder.statusTimeout);
        URI jwks = builder.jwksUrl != null ? builder.jwksUrl : withSlash(builder.baseUrl).resolve(".well-known/exchange-keys.json");
        this.keys = new JwksKeys(transport, jwks, Duration.ofMinutes(1), sameOrigin(jwks, builder.baseUrl));
        this.logUrl = withSlash(builder.logUrl != null ? builder.logUrl : withSlash(builder.baseUrl).resolve("log/"));
        CollectionIds collectionIds = new CollectionIds(transport, apiRoot);
        // The exchange serves its log to members only; a log mirror elsewhere does not get the exchange's token.
        this.logTransport = sameOrigin(logUrl, builder.baseUrl) ? transport : transport.withTokens(null);
        this.log = builder.logKeys.isEmpty() ? null : new LogVerifier(logTransport, logUrl, builder.logOrigin,
                builder.logKeys, builder.checkpointStore, collectionIds::idOf);
    }

    /** A builder with the defaults its methods document. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this client's settings, to make a variant (another key, another timeout). */
    public Builder newBuilder() {
        return settings.copy();
    }

    /** The same operations as Reactor types. */
    public ReactiveExchangeClient reactive() {
        return new ReactiveExchangeClient(this);
    }

    /**
     * Reads the API root (TAXII 2.1 §4.2) with the client's credentials: a check that the token is accepted.
     *
     * @throws AuthenticationException if the exchange refuses the token
     */
    public ApiRootInfo checkAccess() {
        JsonNode root = transport.send(HttpCall.get(apiRoot, Publisher.TAXII)).json();
        List<String> versions = new ArrayList<>();
        root.path("versions").forEach(v -> versions.add(v.asString()));
        ApiRootInfo info = new ApiRootInfo(root.path("title").asString(""), versions,
                root.path("max_content_length").asLong(10L * 1024 * 1024));
        apiRootInfo = info;
        return info;
    }

    /** The API root's information, read once and kept. */
    public ApiRootInfo apiRoot() {
        ApiRootInfo info = apiRootInfo;
        return info != null ? info : checkAccess();
    }

    /**
     * Signs each object with the member's key (when one is configured; the caller's objects are not changed), sends
     * them in envelopes within the server's {@code max_content_length} and the configured objects per envelope, waits
     * for each status, and returns one result per object in the given order.
     *
     * @param collection the collection's id or alias
     * @throws ExchangeException of its kind when a request fails (a refused object is a result, not an exception)
     */
    public PublishResult publish(String collection, List<? extends JsonNode> objects) {
        return publisher.publish(collection, objects);
    }

    /**
     * The objects of a collection, fetched page by page as the iteration proceeds; with a cursor name, resumes after
     * the last page a previous run finished and saves the position after each page. Each call to
     * {@link Iterable#iterator()} starts a new poll.
     */
    public Iterable<ReceivedObject> poll(PollRequest request) {
        return poll(request, pageSize -> { });
    }

    /** {@link #poll(PollRequest)}, telling {@code pageListener} the size of each page fetched (for progress). */
    public Iterable<ReceivedObject> poll(PollRequest request, Consumer<Integer> pageListener) {
        Objects.requireNonNull(request, "request");
        return () -> iterator(request, pageListener);
    }

    /** {@link #poll(PollRequest)} as a sequential stream. */
    public Stream<ReceivedObject> pollStream(PollRequest request) {
        return StreamSupport.stream(poll(request).spliterator(), false);
    }

    private Iterator<ReceivedObject> iterator(PollRequest request, Consumer<Integer> pageListener) {
        List<String> parameters = new ArrayList<>();
        if (request.pageSize() > 0) {
            parameters.add("limit=" + request.pageSize());
        }
        if (!request.types().isEmpty()) {
            parameters.add("match%5Btype%5D=" + encode(String.join(",", request.types())));
        }
        if (request.version() != null) {
            parameters.add("match%5Bversion%5D=" + encode(request.version()));
        }
        URI objects = apiRoot.resolve("collections/" + encode(request.collection()) + "/objects/");
        return new ObjectPoller(transport, objects, request.collection(), String.join("&", parameters),
                request.addedAfterText(), settings.cursorStore, request.cursorName(), pageListener);
    }

    /**
     * Verifies one object: its signatures against the publishers' keys from the exchange's JWKS and, when log
     * verification is configured, its inclusion in the transparency log under a verified checkpoint. Never throws
     * for a failed check: the result names it.
     */
    public VerificationResult verify(JsonNode object) {
        return verify(object, null);
    }

    /**
     * {@link #verify(JsonNode)} of an object polled from a collection: the log's leaf must also name that
     * collection.
     */
    public VerificationResult verify(ReceivedObject received) {
        return verify(received.object(), received.collection());
    }

    /**
     * {@link #verify(JsonNode)}, the log's leaf also checked to name {@code collection} (its id or alias; null
     * when not known).
     */
    public VerificationResult verify(JsonNode object, String collection) {
        String id = ObjectVersions.idOf(object);
        String version = ObjectVersions.versionOf(object);
        ObjectVerification verification;
        try {
            verification = signatureVerifier.verify(object, keys);
        } catch (ExchangeException e) {
            return VerificationResult.failed(id, version, VerificationFailure.KEYS_UNAVAILABLE,
                    "the publishers' keys could not be fetched: " + e.getMessage());
        }
        VerificationFailure failure = switch (verification.status()) {
            case NO_SIGNATURE -> VerificationFailure.NO_SIGNATURE;
            case CHECKED -> signatureFailure(verification);
            default -> VerificationFailure.MALFORMED_SIGNATURE;
        };
        if (failure != null) {
            return VerificationResult.failed(id, version, failure, describe(verification));
        }
        String signers = verification.signatures().stream().filter(SignatureCheck::verified)
                .map(check -> check.kid().orElse("?")).collect(Collectors.joining(", "));
        Optional<String> wrongOwner = keyOfAnotherMember(object, verification);
        if (wrongOwner.isPresent()) {
            return VerificationResult.failed(id, version, VerificationFailure.KEY_OF_ANOTHER_MEMBER, wrongOwner.get());
        }
        if (log == null) {
            Optional<String> revoked = revokedBefore(verification, Optional.empty());
            return revoked.isPresent()
                    ? VerificationResult.failed(id, version, VerificationFailure.REVOKED_KEY, revoked.get())
                    : VerificationResult.verified(id, version, "signed by " + signers, OptionalLong.empty());
        }
        try {
            ObjectVersionLeaf leaf = log.verifyInclusion(object, collection);
            Optional<String> revoked = revokedBefore(verification, Optional.of(Instant.parse(leaf.accepted())));
            if (revoked.isPresent()) {
                return VerificationResult.failed(id, version, VerificationFailure.REVOKED_KEY, revoked.get());
            }
            return VerificationResult.verified(id, version, "signed by " + signers + ", log index " + leaf.logIndex(),
                    OptionalLong.of(leaf.logIndex()));
        } catch (LogVerificationException e) {
            return VerificationResult.failed(id, version, e.failure(), e.getMessage());
        }
    }

    /**
     * The publisher's keys are the ones the exchange registered for the identity the object names: a signature by
     * another member's key proves nothing about who published it. Checked where the JWKS says whose a key is.
     */
    private Optional<String> keyOfAnotherMember(JsonNode object, ObjectVerification verification) {
        JsonNode creator = object.get("created_by_ref");
        if (creator == null || !creator.isString()) {
            return Optional.empty();
        }
        boolean publishersKey = false;
        String other = null;
        for (SignatureCheck check : verification.signatures()) {
            if (!check.verified() || check.kid().isEmpty()) {
                continue;
            }
            Optional<String> owner = keys.registration(check.kid().get()).flatMap(JwksKeys.KeyRegistration::identity);
            if (owner.isEmpty() || owner.get().equals(creator.stringValue())) {
                publishersKey = true;
            } else {
                other = "key " + check.kid().get() + " belongs to " + owner.get() + ", not to the publisher "
                        + creator.stringValue();
            }
        }
        return publishersKey || other == null ? Optional.empty() : Optional.of(other);
    }

    /**
     * A revoked key still vouches for what the exchange accepted before the revocation (the log's {@code accepted}
     * time); without that time, a revoked key's signature is not trusted.
     */
    private Optional<String> revokedBefore(ObjectVerification verification, Optional<Instant> accepted) {
        String reason = null;
        for (SignatureCheck check : verification.signatures()) {
            if (!check.verified() || check.kid().isEmpty()) {
                continue;
            }
            Optional<JwksKeys.KeyRegistration> registration = keys.registration(check.kid().get());
            Optional<Instant> revokedAt = registration.flatMap(JwksKeys.KeyRegistration::revokedAt);
            if (revokedAt.isEmpty() || (accepted.isPresent() && accepted.get().isBefore(revokedAt.get()))) {
                return Optional.empty();
            }
            reason = "key " + check.kid().get() + " was revoked at " + revokedAt.get()
                    + registration.flatMap(JwksKeys.KeyRegistration::revokedReason).map(r -> " (" + r + ")").orElse("")
                    + (accepted.isPresent() ? ", after which the exchange accepted this object at " + accepted.get()
                    : "; verify with the log to learn whether the object was accepted before that");
        }
        return Optional.ofNullable(reason);
    }

    /** {@link #verify(JsonNode)} for each object, one result per object in order. */
    public List<VerificationResult> verifyAll(List<? extends JsonNode> objects) {
        return objects.stream().map(this::verify).toList();
    }

    /**
     * The note verifier key the exchange serves at {@code {log}/key} for its checkpoints. Trust it on first use
     * only, and keep it (e.g. next to the {@link CheckpointStore}): a key obtained from the server it is meant to
     * check proves nothing against that server later. Compare it with one published out of band when you can.
     *
     * @throws ExchangeException of its kind when the key cannot be read; {@link ServerException} when it is not a
     *     verifier key
     */
    public NoteVerifierKey fetchLogKey() {
        URI uri = logUrl.resolve("key");
        String text = logTransport.send(HttpCall.get(uri, "text/plain")).text().strip();
        try {
            return NoteVerifierKey.parse(text);
        } catch (NoteFormatException e) {
            throw new ServerException("the log key at " + uri + " is not a note verifier key: " + e.getMessage(), e);
        }
    }

    /** The transparency log's verifier, when log verification is configured ({@link Builder#logVerification}). */
    public Optional<LogVerifier> log() {
        return Optional.ofNullable(log);
    }

    /** A bad signature anywhere fails the object (it was changed); otherwise one verified signature suffices. */
    private static VerificationFailure signatureFailure(ObjectVerification verification) {
        List<SignatureCheck> checks = verification.signatures();
        if (checks.stream().anyMatch(c -> c.outcome() == SignatureOutcome.BAD_SIGNATURE)) {
            return VerificationFailure.BAD_SIGNATURE;
        }
        if (verification.anyVerified()) {
            return null;
        }
        if (checks.stream().anyMatch(c -> c.outcome() == SignatureOutcome.UNKNOWN_KID)) {
            return VerificationFailure.UNKNOWN_KEY;
        }
        return VerificationFailure.MALFORMED_SIGNATURE;
    }

    private static String describe(ObjectVerification verification) {
        if (verification.signatures().isEmpty()) {
            return verification.message();
        }
        return verification.signatures().stream()
                .map(c -> "signature " + c.index() + " (" + c.kid().orElse("no kid") + "): " + c.outcome() + ", " + c.message())
                .collect(Collectors.joining("; "));
    }

    /** RFC 6454 §4: the access token goes only to the exchange's own origin, never to a JWKS hosted elsewhere. */
    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI withSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Settings of an {@link ExchangeClient}. Not thread-safe; build once. Defaults: API root {@code trilateral},
     * connect timeout 10 s, request timeout 60 s, {@link RetryPolicy#defaults()}, 1000 objects per envelope, status
     * asked every second for up to 2 minutes, cursors in memory, JWKS at {@code {base}/.well-known/exchange-keys.json},
     * log at {@code {base}/log/} (checked only when {@link #logVerification} is set), system clock and sleeper.
     */
    public static final class Builder {
        private URI baseUrl;
        private String apiRootPath = "trilateral";
        private Credentials credentials;
        private SigningKey signingKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int maxObjectsPerEnvelope = 1000;
        private Duration statusInterval = Duration.ofSeconds(1);
        private Duration statusTimeout = Duration.ofMinutes(2);
        private CursorStore cursorStore = new InMemoryCursorStore();
        private URI jwksUrl;
        private URI logUrl;
        private String logOrigin;
        private List<NoteVerifierKey> logKeys = List.of();
        private CheckpointStore checkpointStore = CheckpointStore.inMemory();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private HttpClient httpClient;

        private Builder() {
        }

        /** The exchange's base URL, e.g. {@code https://exchange.example}; required. */
        public Builder baseUrl(URI url) {
            this.baseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The API root's path segment (default {@code trilateral}). */
        public Builder apiRoot(String path) {
            this.apiRootPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** How to authenticate; none by default (an exchange without authentication). */
        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        /** The member's key that signs every published object; without one, objects are sent as given. */
        public Builder signingKey(SigningKey key) {
            this.signingKey = key;
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for each response (default 60 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** When to retry (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** At most this many objects per envelope (default 1000; the server's own limit still applies). */
        public Builder maxObjectsPerEnvelope(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxObjectsPerEnvelope must be at least 1, not " + count);
            }
            this.maxObjectsPerEnvelope = count;
            return this;
        }

        /** How often and how long to ask for a pending status (default every 1 s, up to 2 min). */
        public Builder statusPolling(Duration interval, Duration timeout) {
            this.statusInterval = Objects.requireNonNull(interval, "interval");
            this.statusTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where poll cursors are kept (default in memory; use {@link FileCursorStore} to survive restarts). */
        public Builder cursorStore(CursorStore store) {
            this.cursorStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where the publishers' public keys are (default {@code {base}/.well-known/exchange-keys.json}). */
        public Builder jwksUrl(URI url) {
            this.jwksUrl = url;
            return this;
        }

        /**
         * Checks every verified object's inclusion in the transparency log, and each new checkpoint's consistency
         * with the last verified one.
         *
         * @param origin the log's origin line (C2SP tlog-checkpoint)
         * @param keys the log's note verifier keys
         * @param store where the last verified checkpoint is kept
         */
        public Builder logVerification(String origin, List<NoteVerifierKey> keys, CheckpointStore store) {
            this.logOrigin = Objects.requireNonNull(origin, "origin");
            this.logKeys = List.copyOf(keys);
            this.checkpointStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * {@link #logVerification(String, List, CheckpointStore)} with one key, the origin being the key's name (the
         * exchange names its checkpoint key after the log's origin).
         */
        public Builder logVerification(NoteVerifierKey key, CheckpointStore store) {
            return logVerification(key.name(), List.of(key), store);
        }

        /** The log's URL (default {@code {base}/log/}). */
        public Builder logUrl(URI url) {
            this.logUrl = url;
            return this;
        }

        /** The clock for token expiry and Retry-After dates (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How to wait between retries (default {@link Sleeper#SYSTEM}); tests pass one that records. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The random source of the retry jitter, values in [0, 1). */
        public Builder random(DoubleSupplier value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** An HttpClient of the caller's (proxy, TLS settings); the connect timeout is then the client's own. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** The client. */
        public ExchangeClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("the exchange's base URL is required");
            }
            return new ExchangeClient(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.baseUrl = baseUrl;
            copy.apiRootPath = apiRootPath;
            copy.credentials = credentials;
            copy.signingKey = signingKey;
            copy.connectTimeout = connectTimeout;
            copy.requestTimeout = requestTimeout;
            copy.retryPolicy = retryPolicy;
            copy.maxObjectsPerEnvelope = maxObjectsPerEnvelope;
            copy.statusInterval = statusInterval;
            copy.statusTimeout = statusTimeout;
            copy.cursorStore = cursorStore;
            copy.jwksUrl = jwksUrl;
            copy.logUrl = logUrl;
            copy.logOrigin = logOrigin;
            copy.logKeys = logKeys;
            copy.checkpointStore = checkpointStore;
            copy.clock = clock;
            copy.sleeper = sleeper;
            copy.random = random;
            copy.httpClient = httpClient;
            return copy;
        }
    }
}
