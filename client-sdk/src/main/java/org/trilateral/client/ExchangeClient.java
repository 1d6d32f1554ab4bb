package org.trilateral.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.trilateral.client.internal.CollectionIds;
import org.trilateral.client.internal.FixedTokenSource;
import org.trilateral.client.internal.HttpCall;
import org.trilateral.client.internal.LogReader;
import org.trilateral.client.internal.OAuth2TokenSource;
import org.trilateral.client.internal.ChangeSubscription;
import org.trilateral.client.internal.ObjectPoller;
import org.trilateral.client.internal.PagePoller;
import org.trilateral.client.internal.Publisher;
import org.trilateral.client.internal.TokenSource;
import org.trilateral.client.internal.Transport;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.persona.TaggedIdentifier;
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
    private final URI logUrl;
    private final LogReader logReader;
    private final LogVerifier log;
    private final PersonaTokens personaTokens;
    private final Screener screener;
    private final WebhookCalls webhooks;
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
        this.logUrl = withSlash(builder.logUrl != null ? builder.logUrl : withSlash(builder.baseUrl).resolve("log/"));
        CollectionIds collectionIds = new CollectionIds(transport, apiRoot);
        // The exchange serves its log to members only; a log mirror elsewhere does not get the exchange's token.
        this.logReader = new LogReader(sameOrigin(logUrl, builder.baseUrl) ? transport : transport.withTokens(null), logUrl);
        this.personaTokens = new PersonaTokens(transport, withSlash(builder.baseUrl));
        this.screener = new Screener(transport, withSlash(builder.baseUrl), personaTokens);
        this.webhooks = new WebhookCalls(transport, withSlash(builder.baseUrl));
        this.log = builder.trust == null ? null : new LogVerifier(logReader, builder.trust, builder.checkpointStore,
                builder.logEventStore, builder.clock, collectionIds::idOf);
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

    /**
     * The objects of a collection a page at a time, each object kept as the exact JSON text the exchange sent (for
     * writing JSON lines without parsing and serialising again). With a cursor name the position is saved once per
     * page, when the caller asks for the next page: a page is done when the caller is. {@code pagesAhead} pages are
     * requested in the background while the caller works on the current one (0: each page when asked for); memory
     * holds at most {@code 1 + pagesAhead} pages. Each call to {@link Iterable#iterator()} starts a new poll.
     */
    public Iterable<ObjectPage> pollPages(PollRequest request, int pagesAhead) {
        Objects.requireNonNull(request, "request");
        if (pagesAhead < 0) {
            throw new IllegalArgumentException("pages ahead must not be negative, not " + pagesAhead);
        }
        return () -> new PagePoller(transport, objectsUri(request), request.collection(), query(request),
                request.addedAfterText(), settings.cursorStore, request.cursorName(), pagesAhead);
    }

    private Iterator<ReceivedObject> iterator(PollRequest request, Consumer<Integer> pageListener) {
        return new ObjectPoller(transport, objectsUri(request), request.collection(), query(request),
                request.addedAfterText(), settings.cursorStore, request.cursorName(), pageListener);
    }

    private URI objectsUri(PollRequest request) {
        return apiRoot.resolve("collections/" + encode(request.collection()) + "/objects/");
    }

    private static String query(PollRequest request) {
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
        return String.join("&", parameters);
    }

    /**
     * A subscription to the changes the member may read (docs/delivery.md), as a blocking, endless iterator that
     * reconnects and resumes by itself; with a cursor name, the position is kept in the cursor store. Close it to end
     * it. {@link ReactiveExchangeClient#subscribe} is the same as a {@code Flux}, with each object verified.
     */
    public ChangeSubscription subscribe(SubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        return new ChangeSubscription(transport, withSlash(settings.baseUrl), request.collection(), request.types(),
                request.from(), settings.cursorStore, request.cursorName(), settings.retryPolicy, settings.random);
    }

    /**
     * A change as received, verified against the log when the client has a trust policy (else unchanged): an added or
     * revoked object as {@link #verify(JsonNode, String)} does; a deletion by its tombstone's opening
     * ({@link LogVerifier#verifyDeletion}), an expiry by its expiry leaf's ({@link LogVerifier#verifyExpiry}). Apply it
     * only when {@link ChangeEvent#applicable()}.
     */
    public ChangeEvent verify(ChangeEvent change) {
        if (log == null) {
            return change;
        }
        if (change.object().isPresent()) {
            return change.withVerification(verify(change.object().get(), change.collection()));
        }
        if (change.kind() == ChangeEvent.Kind.EXPIRED) {
            return change.withVerification(log.verifyExpiry(change.id(), change.version(), change.collection(),
                    change.opening()));
        }
        return change.withVerification(log.verifyDeletion(change.id(), change.version(), change.collection(),
                change.opening()));
    }

    /**
     * Registers an endpoint of this member's ({@code POST /webhooks}, docs/delivery.md#webhooks): the exchange POSTs to
     * it, signed with its log key, the changes the member may read that are appended from now on, of the request's
     * collection and types. Verify each delivery with {@link WebhookVerifier}, built with the answer's {@link Webhook#id()}.
     *
     * @throws ValidationException when the exchange refuses the URL (not absolute {@code https}, credentials, a
     *     fragment, a host that is not a public address), the collection (one the member may not read, or unknown) or a
     *     type; its {@link ExchangeException#error()} says which
     * @throws ExchangeException of its kind for other refusals ({@code 409}, as a {@link ValidationException}: the
     *     member has {@code exchange.webhooks.max-endpoints} already). The request is repeated only when the exchange
     *     cannot have acted on it (connection refused, 429, 503); after a timeout, a broken connection or a 502/504 it
     *     may have registered the endpoint: look at {@link #webhooks()} before registering again.
     */
    public Webhook registerWebhook(WebhookRequest request) {
        return webhooks.register(request);
    }

    /** This member's webhook endpoints ({@code GET /webhooks}); another member's are never listed. */
    public List<Webhook> webhooks() {
        return webhooks.list();
    }

    /**
     * One of this member's endpoints with its lanes ({@code GET /webhooks/{id}}).
     *
     * @throws NotFoundException when this member has no such endpoint (another member's is answered alike)
     */
    public Webhook webhook(String id) {
        return webhooks.get(id);
    }

    /**
     * Deletes one of this member's endpoints with its lanes and dead letters ({@code DELETE /webhooks/{id}}); deliveries
     * stop.
     *
     * @throws NotFoundException when this member has no such endpoint
     */
    public void deleteWebhook(String id) {
        webhooks.delete(id);
    }

    /**
     * Pauses deliveries to one of this member's endpoints ({@code POST /webhooks/{id}/pause}); its lanes keep their
     * positions, and {@link #resumeWebhook} continues from them.
     *
     * @throws NotFoundException when this member has no such endpoint
     */
    public Webhook pauseWebhook(String id) {
        return webhooks.pause(id, true);
    }

    /** Resumes deliveries paused with {@link #pauseWebhook} ({@code POST /webhooks/{id}/resume}). */
    public Webhook resumeWebhook(String id) {
        return webhooks.pause(id, false);
    }

    /**
     * The dead letters of one of this member's endpoints, oldest first ({@code GET /webhooks/{id}/dead-letters}).
     *
     * @throws NotFoundException when this member has no such endpoint
     */
    public List<WebhookDeadLetter> deadLetters(String webhookId) {
        return webhooks.deadLetters(webhookId);
    }

    /**
     * Sends every dead letter of the endpoint again, in order, stopping at the first it does not accept
     * ({@code POST /webhooks/{id}/dead-letters/replay}); each is read afresh through the member's read rule as it is
     * now. A delivered letter is removed; one that failed stays, with the new error.
     *
     * @throws NotFoundException when this member has no such endpoint
     */
    public WebhookReplay replayDeadLetters(String webhookId) {
        return webhooks.replay(webhookId, null);
    }

    /**
     * Sends one dead letter again ({@code POST /webhooks/{id}/dead-letters/{letter}/replay}), as
     * {@link #replayDeadLetters} does.
     *
     * @throws NotFoundException when this member has no such endpoint, or it no such dead letter
     */
    public WebhookReplay replayDeadLetter(String webhookId, String deadLetterId) {
        return webhooks.replay(webhookId, Objects.requireNonNull(deadLetterId, "deadLetterId"));
    }

    /**
     * The newest advisories this member may read ({@code GET /advisories}), at most {@code limit} (the exchange caps it
     * at its {@code exchange.advisories.page-size}).
     */
    public List<Advisory.Summary> advisories(int limit) {
        JsonNode page = transport.send(HttpCall.get(withSlash(settings.baseUrl).resolve("advisories?limit=" + limit),
                "application/json")).json();
        List<Advisory.Summary> list = new ArrayList<>();
        page.path("advisories").forEach(a -> list.add(Advisory.Summary.parse(a)));
        return list;
    }

    /**
     * An advisory with the objects it references that this member may read ({@code GET /advisories/{id}}), each
     * verified against the log when the client has a trust policy; once verified (or with no trust policy), acknowledged
     * as received by this system (channel {@code poll}) unless the client was built with
     * {@code acknowledgeAdvisories(false)}.
     *
     * @throws NotFoundException when there is no such advisory this member may read
     */
    public Advisory advisory(String reportId) {
        return advisory(reportId, "poll");
    }

    Advisory advisory(String reportId, String channel) {
        JsonNode answer = transport.send(HttpCall.get(advisoryUri(reportId, ""), "application/json")).json();
        JsonNode summary = answer.get("advisory");
        List<JsonNode> objects = new ArrayList<>();
        answer.path("objects").forEach(objects::add);
        List<String> unresolved = new ArrayList<>();
        answer.path("unresolved_refs").forEach(ref -> unresolved.add(ref.asString()));
        List<VerificationResult> verification = List.of();
        if (log != null) {
            List<JsonNode> all = new ArrayList<>();
            all.add(answer.get("report"));
            all.addAll(objects);
            verification = verifyAll(all);
        }
        Advisory advisory = new Advisory(summary.get("id").stringValue(), summary.get("version").stringValue(),
                answer.get("report"), objects, unresolved, summary.path("issuer").asString(""),
                Optional.ofNullable(summary.path("published").asString(null)), summary.path("tlp").asString(""),
                verification);
        if (settings.acknowledgeAdvisories && (verification.isEmpty() || verification.get(0).ok())) {
            acknowledgeReceivedQuietly(advisory.id(), advisory.version(), channel);
        }
        return advisory;
    }

    /**
     * {@link #acknowledgeReceived}, a failure ignored: the automatic receipt must not fail the read or end a
     * subscription (the issuer then sees no receipt yet, and the next read of the advisory acknowledges it again).
     */
    void acknowledgeReceivedQuietly(String reportId, String version, String channel) {
        try {
            acknowledgeReceived(reportId, version, channel);
        } catch (ExchangeException e) {
            // Best effort, as documented above.
        }
    }

    /**
     * Records that this member's system received version {@code version} (null: the current one) of the advisory, by
     * {@code channel} ({@code stream}, {@code webhook} or {@code poll}); the exchange keeps the first receipt.
     */
    public Advisory.Receipt acknowledgeReceived(String reportId, String version, String channel) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "system");
        body.put("channel", channel);
        if (version != null) {
            body.put("version", version);
        }
        return receipt(reportId, body, version);
    }

    /**
     * Records that a person acknowledged the current version of the advisory: the person is the subject of this client's
     * token (so use a person's token, e.g. the CLI's {@code exchange advisory ack}); the exchange keeps the first.
     */
    public Advisory.Receipt acknowledge(String reportId) {
        return receipt(reportId, Map.of("kind", "person"), null);
    }

    /**
     * For the advisory's issuer (or an admin who may read it): every member entitled to read it, with its receipt
     * ({@code GET /advisories/{id}/receipts}), so the issuer sees who has not received it.
     */
    public List<Advisory.Receipt> receipts(String reportId) {
        JsonNode answer = transport.send(HttpCall.get(advisoryUri(reportId, "/receipts"), "application/json")).json();
        List<Advisory.Receipt> receipts = new ArrayList<>();
        String version = answer.path("version").asString(null);
        answer.path("receipts").forEach(r -> receipts.add(Advisory.Receipt.parse(r, version)));
        return receipts;
    }

    /** Whether advisories are acknowledged as received once verified ({@link Builder#acknowledgeAdvisories}). */
    boolean acknowledgesAdvisories() {
        return settings.acknowledgeAdvisories;
    }

    private Advisory.Receipt receipt(String reportId, Map<String, Object> body, String version) {
        JsonNode answer = transport.send(HttpCall.post(advisoryUri(reportId, "/receipts"), "application/json",
                "application/json", org.trilateral.taxonomy.stix.StixJson.mapper().writeValueAsBytes(body))).json();
        return Advisory.Receipt.parse(answer, version);
    }

    private URI advisoryUri(String reportId, String suffix) {
        return withSlash(settings.baseUrl).resolve("advisories/" + encode(Objects.requireNonNull(reportId, "reportId"))
                + suffix);
    }

    /**
     * Verifies one object against the transparency log (docs/integrity.md): its opening commits to exactly this
     * content, it is included under a checkpoint signed by the pinned log key and cosigned by the witness quorum, it is
     * published by the member it names, and its signature is by a key the log proves was that member's at the object's
     * index. Needs {@link Builder#trust}. Never throws for a failed check: the result names it.
     *
     * @throws IllegalStateException when no trust policy is configured
     */
    public VerificationResult verify(JsonNode object) {
        return verifyAll(List.of(object), null).get(0);
    }

    /** {@link #verify(JsonNode)} of an object polled from a collection: its log entry must also name that collection. */
    public VerificationResult verify(ReceivedObject received) {
        return verifyAll(List.of(received.object()), received.collection()).get(0);
    }

    /** {@link #verify(JsonNode)}, the log entry also checked to name {@code collection} (id or alias; null: any). */
    public VerificationResult verify(JsonNode object, String collection) {
        return verifyAll(List.of(object), collection).get(0);
    }

    /** {@link #verify(JsonNode)} for each object, one result per object in order. */
    public List<VerificationResult> verifyAll(List<? extends JsonNode> objects) {
        return verifyAll(objects, null);
    }

    /**
     * {@link #verify(JsonNode)} for a batch (one request for their openings, signatures checked on every core), the
     * entries checked to name {@code collection} when it is not null.
     */
    public List<VerificationResult> verifyAll(List<? extends JsonNode> objects, String collection) {
        return requireLog().verify(objects, collection);
    }

    /**
     * {@link #verifyAll(List, String)} for a stream of any length (a large file, a whole collection), memory bounded
     * by {@code window}: batches are prepared (digests, openings) while the one before is checked, on
     * {@code window.threads()} threads. Each result goes to {@code results} in the objects' order.
     *
     * @return how many objects were verified
     * @throws IllegalStateException when no trust policy is configured
     */
    public long verifyStream(Iterator<? extends JsonNode> objects, String collection, VerificationWindow window,
                             Consumer<VerificationResult> results) {
        return requireLog().verifyStream(objects, collection, window, results);
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
        String text = logReader.key();
        try {
            return NoteVerifierKey.parse(text);
        } catch (NoteFormatException e) {
            throw new ServerException("the log key at " + uri + " is not a note verifier key: " + e.getMessage(), e);
        }
    }

    /**
     * Registers {@code key} as one of this member's signing keys, through its own token ({@code POST /members/me/keys}),
     * with the member's proof (docs/transparency-log.md, "Key events"): the key statement signed by the key itself and
     * authorised by {@code authorizer}, a current key of the member for a rotation ({@code previous-key}) or the
     * member's root key that verifiers pin out of band ({@code member-root}; the key may be its own root). Verifiers
     * count the key from its registration's place in the log; its validity starts a minute before now, so clocks a
     * little apart do not refuse the member's first objects.
     *
     * @param rotation true when {@code authorizer} is a key the member registered before (a rotation), false when it
     *     is the member's root
     * @return the registered key's id (its RFC 7638 thumbprint)
     */
    public String registerOwnKey(SigningKey key, SigningKey authorizer, boolean rotation) {
        URI base = logUrl.resolve("../");
        JsonNode me = transport.send(HttpCall.get(base.resolve("members/me"), "application/json")).json();
        String origin = fetchLogKey().name();
        String notBefore = org.trilateral.taxonomy.stix.StixTimestamp.formatMicros(
                settings.clock.instant().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        org.trilateral.integrity.log.KeyStatement statement = new org.trilateral.integrity.log.KeyStatement(origin,
                me.path("member").asString(), me.path("identity").asString(), key.publicKey(), notBefore, Optional.empty());
        org.trilateral.integrity.log.KeyProof proof = rotation
                ? org.trilateral.integrity.log.KeyProof.byPreviousKey(statement, key, authorizer)
                : org.trilateral.integrity.log.KeyProof.byMemberRoot(statement, key, authorizer);
        tools.jackson.databind.node.ObjectNode body = org.trilateral.integrity.jcs.StrictJson.mapper().createObjectNode();
        body.set("jwk", key.publicKey().toJson());
        body.put("not_before", notBefore);
        body.set("proof", proof.toJson());
        transport.send(HttpCall.post(base.resolve("members/me/keys"), "application/json", "application/json",
                org.trilateral.integrity.jcs.StrictJson.mapper().writeValueAsBytes(body)));
        return key.kid();
    }

    /**
     * Persona tokens (scheme {@code v2-oprf-p256}) made with the exchange's key without showing it the identifiers:
     * blinded and finalised here, each evaluation's proof checked against the published key of its epoch.
     */
    public PersonaTokens personaTokens() {
        return personaTokens;
    }

    /**
     * Screens one candidate or payout: its persona identifiers are tokenised here (blinded, evaluated by the exchange,
     * proof checked, finalised), then the tokens, wallets, IPs and facts are matched by the exchange against the
     * indicators this member may read.
     *
     * @throws ExchangeException of its kind when a request fails; {@link TokenVerificationException} when the
     *     exchange's evaluation is not proven to use its published key
     */
    public ScreenResult screen(ScreenRequest request) {
        return screener.screen(request);
    }

    /**
     * Reports that this member saw an indicator, in one call: builds the STIX sighting (created by this member's
     * identity, from {@code GET /members/me}), signs it with the configured signing key and publishes it to the
     * {@code sightings} collection, where the exchange verifies the signature against the member's registered key.
     * Screenings then count it, and each other member reporting a sighting raises the match's confidence
     * (docs/screening.md, "Sightings and confidence").
     *
     * @return the sighting's publication result ({@link ObjectResult#accepted()} when stored)
     * @throws IllegalStateException when no signing key is configured
     * @throws ExchangeException of its kind when a request fails
     */
    public ObjectResult reportSighting(SightingReport report) {
        if (settings.signingKey == null) {
            throw new IllegalStateException("a sighting is published signed: configure ExchangeClient.Builder.signingKey"
                    + " with the member's registered signing key");
        }
        String identity = me().path("identity").asString("");
        if (identity.isEmpty()) {
            throw new ServerException("GET /members/me named no identity for this member", (Throwable) null);
        }
        return publisher.publish("sightings", List.of(report.toStix(identity, settings.clock.instant()))).results().get(0);
    }

    /**
     * Registers this member's current staff for concurrent employment (docs/screening.md): the identifiers are
     * tokenised here like screening's, and the exchange keeps the tokens in place of the member's previous
     * registration (so staff who left drop out: register the whole list each time). The answer names each person
     * other employers registered too, those employers by member id only when their registration discloses them to a
     * sharing group of this member.
     *
     * @param staff      normalised persona identifiers of the member's current staff
     * @param discloseTo marking-definition ids of sharing groups (docs/access-rules.md) whose members may learn that this
     *                   member employs a person they employ too; empty: nobody learns it
     */
    public StaffResult registerStaff(List<TaggedIdentifier> staff, List<String> discloseTo) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (PersonaDigest token : staff.isEmpty() ? List.<PersonaDigest>of() : personaTokens.tokens(staff)) {
            Map<String, Object> t = new java.util.LinkedHashMap<>();
            t.put("kind", token.kind().value());
            if (token.platform() != null) {
                t.put("platform", token.platform());
            }
            t.put("scheme", token.scheme());
            t.put("digest", token.digest());
            tokens.add(t);
        }
        byte[] body = org.trilateral.taxonomy.stix.StixJson.mapper().writeValueAsBytes(
                Map.of("persona_tokens", tokens, "disclose_to", List.copyOf(discloseTo)));
        JsonNode answer = transport.send(HttpCall.put(withSlash(settings.baseUrl).resolve("screening/staff"),
                "application/json", "application/json", body)).json();
        try {
            List<StaffResult.EmployedElsewhere> found = new ArrayList<>();
            for (JsonNode m : answer.get("employment")) {
                String input = m.get("input").stringValue();
                List<String> named = new ArrayList<>();
                m.get("employers_named").forEach(n -> named.add(n.stringValue()));
                found.add(new StaffResult.EmployedElsewhere(
                        Integer.parseInt(input.substring(input.indexOf('[') + 1, input.indexOf(']'))),
                        m.get("employed_elsewhere").intValue(), named));
            }
            return new StaffResult(answer.get("registered").intValue(), found);
        } catch (RuntimeException e) {
            throw new ServerException("the staff registration answer is malformed: " + e.getMessage(), e);
        }
    }

    private JsonNode me() {
        return transport.send(HttpCall.get(logUrl.resolve("../").resolve("members/me"), "application/json")).json();
    }

    /** The member id the exchange knows this client as (from its audience keys, {@code GET /log/audience-keys}). */
    public String whoAmI() {
        return logReader.audienceKeys().memberId();
    }

    /** The transparency log's verifier, when a trust policy is configured ({@link Builder#trust}). */
    public Optional<LogVerifier> log() {
        return Optional.ofNullable(log);
    }

    private LogVerifier requireLog() {
        if (log == null) {
            throw new IllegalStateException("verification needs a trust policy: configure ExchangeClient.Builder.trust"
                    + " with the log's pinned key or witnesses (docs/sdk.md, \"Verify\")");
        }
        return log;
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
     * asked every second for up to 2 minutes, cursors in memory, log at {@code {base}/log/} (verification only with
     * {@link #trust}), checkpoints and log events in memory, system clock and sleeper.
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
        private URI logUrl;
        private TrustPolicy trust;
        private CheckpointStore checkpointStore = CheckpointStore.inMemory();
        private LogEventStore logEventStore = LogEventStore.inMemory();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private HttpClient httpClient;
        private boolean acknowledgeAdvisories = true;

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

        /**
         * What verification trusts (docs/integrity.md, "Threat model"): the log's pinned key, the witnesses, the
         * members' roots and identity providers. Without it {@link ExchangeClient#verify} is refused.
         */
        public Builder trust(TrustPolicy policy) {
            this.trust = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where the verified checkpoints are kept (default in memory; {@link FileCheckpointStore} survives restarts). */
        public Builder checkpointStore(CheckpointStore store) {
            this.checkpointStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where the log's key and admin events read so far are kept (default in memory; {@link FileLogEventStore}). */
        public Builder logEventStore(LogEventStore store) {
            this.logEventStore = Objects.requireNonNull(store, "store");
            return this;
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

        /**
         * Whether this system acknowledges each advisory as received once it has verified it (default true): the
         * issuer then sees that this member's system has it (docs/delivery.md, "Receipts").
         */
        public Builder acknowledgeAdvisories(boolean value) {
            this.acknowledgeAdvisories = value;
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
            copy.logUrl = logUrl;
            copy.trust = trust;
            copy.checkpointStore = checkpointStore;
            copy.logEventStore = logEventStore;
            copy.clock = clock;
            copy.sleeper = sleeper;
            copy.random = random;
            copy.httpClient = httpClient;
            copy.acknowledgeAdvisories = acknowledgeAdvisories;
            return copy;
        }
    }
}
