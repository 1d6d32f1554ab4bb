package org.trilateral.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.checkpoint.WitnessPolicy;
import org.trilateral.integrity.jws.Jwk;

/**
 * What a participant trusts instead of the hub (docs/integrity.md, "Threat model"): the log's note key, the witnesses
 * that must cosign each checkpoint, and what proves a member's first key: the member's root key pinned out of band, or
 * its national identity provider's attestation. Immutable; build with {@link #builder()}.
 *
 * <p>A key is trusted only if the log holds its registration, under a checkpoint signed by the log key and cosigned by
 * the witness quorum, at a lower index than the object it verifies, carrying the member's proof: by a previous
 * trusted key of the member, by its pinned root, or by a pinned identity provider; or if it is one of this
 * participant's own keys. {@link Builder#acceptUnprovenKeys()} relaxes the last condition for development only.
 */
public final class TrustPolicy {

    private final String logOrigin;
    private final List<NoteVerifierKey> logKeys;
    private final boolean trustOnFirstUse;
    private final WitnessPolicy witnesses;
    private final Map<String, List<Jwk>> memberRoots;
    private final List<IdentityProviderTrust> identityProviders;
    private final Optional<String> ownMember;
    private final Set<String> ownKids;
    private final boolean acceptUnprovenKeys;

    private TrustPolicy(Builder builder) {
        this.logOrigin = builder.logOrigin;
        this.logKeys = List.copyOf(builder.logKeys);
        this.trustOnFirstUse = builder.trustOnFirstUse;
        this.witnesses = builder.witnesses;
        Map<String, List<Jwk>> roots = new HashMap<>();
        builder.memberRoots.forEach((member, keys) -> roots.put(member, List.copyOf(keys)));
        this.memberRoots = Map.copyOf(roots);
        this.identityProviders = List.copyOf(builder.identityProviders);
        this.ownMember = Optional.ofNullable(builder.ownMember);
        this.ownKids = Set.copyOf(builder.ownKids);
        this.acceptUnprovenKeys = builder.acceptUnprovenKeys;
    }

    /** A builder: no log key, no witness, nothing pinned. */
    public static Builder builder() {
        return new Builder();
    }

    /** The log's origin (C2SP tlog-checkpoint), or null when the log key is to be trusted on first use. */
    public String logOrigin() {
        return logOrigin;
    }

    /** The pinned note keys of the log; empty when trusted on first use. */
    public List<NoteVerifierKey> logKeys() {
        return logKeys;
    }

    /**
     * Whether the log's key may be taken from the log itself on first use: chosen, or implied by required witnesses
     * (they cosign only checkpoints signed by the key they pinned, so a key the hub substitutes gets no cosignature).
     */
    public boolean trustOnFirstUse() {
        return trustOnFirstUse || !witnesses.isEmpty();
    }

    /** The witnesses whose cosignatures every checkpoint needs. */
    public WitnessPolicy witnesses() {
        return witnesses;
    }

    /** The pinned root keys of {@code member}. */
    public List<Jwk> memberRoots(String member) {
        return memberRoots.getOrDefault(member, List.of());
    }

    /** The identity providers whose key attestations are accepted. */
    public List<IdentityProviderTrust> identityProviders() {
        return identityProviders;
    }

    /** This participant's own member id, when it is a member. */
    public Optional<String> ownMember() {
        return ownMember;
    }

    /** True when {@code kid} is one of this participant's own keys. */
    public boolean isOwnKey(String member, String kid) {
        return ownMember.map(member::equals).orElse(false) && ownKids.contains(kid);
    }

    /** Whether keys the log registers without a proof this policy accepts are trusted anyway (development only). */
    public boolean acceptUnprovenKeys() {
        return acceptUnprovenKeys;
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.logOrigin = logOrigin;
        builder.logKeys.addAll(logKeys);
        builder.trustOnFirstUse = trustOnFirstUse;
        builder.witnesses = witnesses;
        memberRoots.forEach((member, keys) -> builder.memberRoots.put(member, new ArrayList<>(keys)));
        builder.identityProviders.addAll(identityProviders);
        builder.ownMember = ownMember.orElse(null);
        builder.ownKids.addAll(ownKids);
        builder.acceptUnprovenKeys = acceptUnprovenKeys;
        return builder;
    }

    /** Settings of a {@link TrustPolicy}. Not thread-safe. */
    public static final class Builder {
        private String logOrigin;
        private final List<NoteVerifierKey> logKeys = new ArrayList<>();
        private boolean trustOnFirstUse;
        private WitnessPolicy witnesses = WitnessPolicy.none();
        private final Map<String, List<Jwk>> memberRoots = new HashMap<>();
        private final List<IdentityProviderTrust> identityProviders = new ArrayList<>();
        private String ownMember;
        private final Set<String> ownKids = new LinkedHashSet<>();
        private boolean acceptUnprovenKeys;

        private Builder() {
        }

        /** Pins the log's note key; its name is the log's origin (the exchange names its key after the origin). */
        public Builder logKey(NoteVerifierKey key) {
            return logKeys(key.name(), List.of(key));
        }

        /** Pins the log's origin and note keys. */
        public Builder logKeys(String origin, List<NoteVerifierKey> keys) {
            this.logOrigin = Objects.requireNonNull(origin, "origin");
            this.logKeys.clear();
            this.logKeys.addAll(keys);
            return this;
        }

        /**
         * Takes the log's key from the log the first time and keeps it (the CLI's {@code --trust-on-first-use}): a
         * client whose first contact is already a private branch stays on it, so prefer a pinned key or witnesses.
         */
        public Builder trustOnFirstUse() {
            this.trustOnFirstUse = true;
            return this;
        }

        /** Requires {@code quorum} of these witnesses to have cosigned every checkpoint. */
        public Builder witnesses(WitnessPolicy policy) {
            this.witnesses = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Pins a root key of {@code member}, obtained out of band (e.g. from the member's agency). */
        public Builder memberRoot(String member, Jwk root) {
            memberRoots.computeIfAbsent(member, m -> new ArrayList<>()).add(root);
            return this;
        }

        /** Accepts key attestations of this identity provider. */
        public Builder identityProvider(IdentityProviderTrust provider) {
            identityProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** This participant is {@code member}, whose own keys are {@code kids}: those it trusts without a proof. */
        public Builder ownKeys(String member, Set<String> kids) {
            this.ownMember = Objects.requireNonNull(member, "member");
            this.ownKids.addAll(kids);
            return this;
        }

        /** Trusts keys registered without a proof this policy accepts (development only; reported in every result). */
        public Builder acceptUnprovenKeys() {
            this.acceptUnprovenKeys = true;
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalStateException when no log key is pinned, no witness is required and trust on first use is not
         *     chosen: a checkpoint would then be checked against nothing the participant chose
         */
        public TrustPolicy build() {
            if (logKeys.isEmpty() && !trustOnFirstUse && witnesses.isEmpty()) {
                throw new IllegalStateException("pin the log's key (logKey), require witnesses, or choose trustOnFirstUse()");
            }
            return new TrustPolicy(this);
        }
    }
}
