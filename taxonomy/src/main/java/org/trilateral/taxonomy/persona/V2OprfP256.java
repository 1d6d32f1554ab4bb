package org.trilateral.taxonomy.persona;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilateral.integrity.oprf.OprfKeyPair;
import org.trilateral.integrity.oprf.OprfMode;

/**
 * Scheme {@code v2-oprf-p256}: the token of a tagged identifier is the RFC 9497 POPRF output, ciphersuite P256-SHA256,
 * of its UTF-8 tagged form under the exchange's key of one epoch, with the public info
 * {@code tie-persona|v2-oprf-p256|<kind>|<epoch>}. Nobody can compute or test a token without the exchange, which
 * evaluates blinded elements and never sees the identifier. Written as {@code <epoch>:<64 lower-case hex digits>}
 * (docs/persona-identifiers.md §4.2).
 */
public final class V2OprfP256 implements PersonaScheme {

    /** The scheme name. */
    public static final String NAME = "v2-oprf-p256";

    /** The scheme, for {@link PersonaHashSchemes}. */
    public static final V2OprfP256 SCHEME = new V2OprfP256();

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,8}):([0-9a-f]{64})");
    private static final String INFO_PREFIX = "tie-persona|" + NAME + "|";

    private V2OprfP256() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pattern digestForm() {
        return FORM;
    }

    @Override
    public String digestFormDescription() {
        return "the key epoch, ':' and 64 lower-case hex digits (the 32-byte POPRF output), e.g. 1:3f…";
    }

    /**
     * The POPRF public info for one kind and epoch: the UTF-8 bytes of {@code tie-persona|v2-oprf-p256|<kind>|<epoch>},
     * e.g. {@code tie-persona|v2-oprf-p256|email|1}. It tweaks the key, so a kind's evaluations are useless for another
     * kind and an epoch's for another epoch.
     */
    public static byte[] info(PersonaKind kind, KeyEpoch epoch) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(epoch, "epoch");
        return (INFO_PREFIX + kind.value() + "|" + epoch).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The exchange's key pair of an epoch derived from one master seed: RFC 9497 DeriveKeyPair in POPRF mode with key
     * info {@code tie-persona|v2-oprf-p256|key|<epoch>}. Deriving keeps one secret to back up; generating each epoch's
     * key at random and storing it is as valid, and a stolen master seed then exposes only one epoch.
     *
     * @param seed 32 secret, uniformly random bytes
     */
    public static OprfKeyPair deriveKeyPair(byte[] seed, KeyEpoch epoch) {
        Objects.requireNonNull(epoch, "epoch");
        return OprfKeyPair.derive(OprfMode.POPRF, seed, (INFO_PREFIX + "key|" + epoch).getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of an identifier whose POPRF output is {@code output}, in the epoch it was evaluated in. */
    public static PersonaDigest token(TaggedIdentifier identifier, KeyEpoch epoch, byte[] output) {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(epoch, "epoch");
        if (output == null || output.length != 32) {
            throw new IllegalArgumentException("a P256-SHA256 POPRF output is 32 bytes");
        }
        return new PersonaDigest(identifier.kind(), identifier.platform(), NAME, epoch + ":" + HexFormat.of().formatHex(output));
    }

    /** The key epoch a {@code v2-oprf-p256} digest was made in. */
    public static KeyEpoch epochOf(PersonaDigest digest) {
        if (!NAME.equals(digest.scheme())) {
            throw new IllegalArgumentException("a " + digest.scheme() + " digest has no key epoch");
        }
        Matcher matcher = FORM.matcher(digest.digest());
        if (!matcher.matches()) {
            throw new IllegalStateException("a PersonaDigest always matches its scheme's form");
        }
        return KeyEpoch.parse(matcher.group(1));
    }
}
