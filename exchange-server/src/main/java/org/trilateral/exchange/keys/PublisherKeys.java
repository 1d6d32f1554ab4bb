package org.trilateral.exchange.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trilateral.exchange.member.MemberId;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.taxonomy.extension.ExchangeExtensions;
import org.trilateral.taxonomy.signature.JwkLookup;
import org.trilateral.taxonomy.signature.ObjectSignatureVerifier;
import org.trilateral.taxonomy.signature.ObjectVerification;
import org.trilateral.taxonomy.signature.SignatureCheck;
import org.trilateral.taxonomy.signature.SignatureOutcome;
import tools.jackson.databind.JsonNode;

/**
 * The keys of the member publishing an envelope, current and past, loaded once per envelope, and the check of
 * each object's signatures against them (docs/integrity.md §7). Immutable and thread-safe.
 */
public final class PublisherKeys implements JwkLookup {

    private static final ObjectSignatureVerifier VERIFIER = new ObjectSignatureVerifier(ExchangeExtensions.OBJECT_SIGNATURE_ID);

    private final MemberId member;
    private final Map<String, MemberKey> byKid;

    public PublisherKeys(MemberId member, List<MemberKey> keys) {
        this.member = member;
        this.byKid = keys.stream().collect(Collectors.toUnmodifiableMap(MemberKey::kid, Function.identity()));
    }

    @Override
    public Optional<Jwk> find(String kid) {
        MemberKey key = byKid.get(kid);
        return key == null ? Optional.empty() : Optional.of(key.jwk());
    }

    /**
     * Checks the signatures of an object parsed as received: it is signed when at least one signature verifies
     * with a key of the publishing member that may sign at {@code at} (within its validity, not revoked).
     */
    public SignatureVerdict verify(JsonNode object, Instant at) {
        ObjectVerification verification = VERIFIER.verify(object, this);
        switch (verification.status()) {
            case NO_SIGNATURE:
                return SignatureVerdict.unsigned("no signature: " + verification.message()
                        + "; every object must carry the publisher's signature (docs/integrity.md)");
            case NOT_CANONICALIZABLE:
                return SignatureVerdict.refused("canonicalisation failure (RFC 8785, I-JSON): " + verification.message());
            case MALFORMED_EXTENSION:
                return SignatureVerdict.refused("malformed signature extension: " + verification.message());
            case CHECKED:
            default:
                break;
        }
        List<String> reasons = new ArrayList<>();
        Set<String> unknownKids = new LinkedHashSet<>();
        for (SignatureCheck check : verification.signatures()) {
            if (check.outcome() == SignatureOutcome.VERIFIED) {
                MemberKey key = byKid.get(check.kid().orElseThrow());
                Optional<String> unusable = key.unusableAt(at);
                if (unusable.isEmpty()) {
                    return SignatureVerdict.verified(check.index(), key.kid());
                }
                reasons.add("signatures[" + check.index() + "] verifies but " + unusable.get());
            } else if (check.outcome() == SignatureOutcome.UNKNOWN_KID) {
                unknownKids.add(check.kid().orElseThrow());
                reasons.add(null);
            } else {
                reasons.add(check.message());
            }
        }
        return SignatureVerdict.refused(member, verification.signatures(), reasons, unknownKids);
    }

    /**
     * The outcome of the check for one object: verified (with the signature that counts), unsigned, or refused
     * with the reason of each signature. A refusal naming kids the publisher does not hold is rendered once their
     * owners are known ({@link #refusal(Map)}), to say whether the kid is another member's or nobody's.
     */
    public static final class SignatureVerdict {

        private final Integer verifiedIndex;
        private final String kid;
        private final boolean unsigned;
        private final MemberId member;
        private final List<SignatureCheck> checks;
        private final List<String> reasons;
        private final Set<String> unknownKids;

        private SignatureVerdict(Integer verifiedIndex, String kid, boolean unsigned, MemberId member,
                                 List<SignatureCheck> checks, List<String> reasons, Set<String> unknownKids) {
            this.verifiedIndex = verifiedIndex;
            this.kid = kid;
            this.unsigned = unsigned;
            this.member = member;
            this.checks = checks;
            this.reasons = reasons;
            this.unknownKids = unknownKids;
        }

        static SignatureVerdict verified(int index, String kid) {
            return new SignatureVerdict(index, kid, false, null, List.of(), List.of(), Set.of());
        }

        static SignatureVerdict unsigned(String reason) {
            return new SignatureVerdict(null, null, true, null, List.of(), List.of(reason), Set.of());
        }

        static SignatureVerdict refused(String reason) {
            return new SignatureVerdict(null, null, false, null, List.of(), List.of(reason), Set.of());
        }

        static SignatureVerdict refused(MemberId member, List<SignatureCheck> checks, List<String> reasons,
                                        Set<String> unknownKids) {
            return new SignatureVerdict(null, null, false, member, List.copyOf(checks), new ArrayList<>(reasons),
                    Set.copyOf(unknownKids));
        }

        public boolean isVerified() {
            return verifiedIndex != null;
        }

        /** The object carries no signature at all. */
        public boolean isUnsigned() {
            return unsigned;
        }

        /** Index in the {@code signatures} array of the signature that verified with a valid key. */
        public Optional<Integer> verifiedIndex() {
            return Optional.ofNullable(verifiedIndex);
        }

        /** The kid of the signature that verified with a valid key. */
        public Optional<String> kid() {
            return Optional.ofNullable(kid);
        }

        /** Kids named by signatures that the publisher holds no key for; see {@link #refusal(Map)}. */
        public Set<String> unknownKids() {
            return unknownKids;
        }

        /**
         * Why the object is refused, one reason per signature.
         *
         * @param owners the member owning each of {@link #unknownKids()} that is registered to some member
         */
        public String refusal(Map<String, MemberId> owners) {
            if (isVerified()) {
                throw new IllegalStateException("a verified object is not refused");
            }
            List<String> rendered = new ArrayList<>(reasons.size());
            for (int i = 0; i < reasons.size(); i++) {
                if (reasons.get(i) != null) {
                    rendered.add(reasons.get(i));
                    continue;
                }
                SignatureCheck check = checks.get(i);
                String unknown = check.kid().orElseThrow();
                MemberId owner = owners.get(unknown);
                rendered.add(owner == null
                        ? "signatures[" + check.index() + "] is by unknown kid " + unknown + ": no member registered it"
                        : "signatures[" + check.index() + "] is by kid " + unknown + ", a key of member '" + owner
                                + "', not of the publishing member '" + member + "'");
            }
            String prefix = unsigned ? "" : "signature refused: ";
            return prefix + String.join("; ", rendered);
        }
    }
}
