package org.trilateral.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.FileCheckpointStore;
import org.trilateral.client.FileLogEventStore;
import org.trilateral.client.IdentityProviderTrust;
import org.trilateral.client.TrustPolicy;
import org.trilateral.integrity.checkpoint.CosignerKey;
import org.trilateral.integrity.checkpoint.NoteFormatException;
import org.trilateral.integrity.checkpoint.NoteVerifierKey;
import org.trilateral.integrity.checkpoint.WitnessPolicy;
import org.trilateral.integrity.jws.Jwk;
import org.trilateral.integrity.jws.JwkFormatException;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What verification trusts (docs/integrity.md, "Threat model"; docs/sdk.md, "Verify"): the log's key, the witnesses,
 * the members' roots and identity providers, and where the verified checkpoints and the log's key events are kept.
 */
final class TrustOptions {

    @Option(names = "--log-key", description = {"The log's checkpoint verifier key (<origin>+<hash>+<key>), or a file "
            + "holding it, obtained out of band."})
    String logKey;

    @Option(names = "--trust-on-first-use", description = {"Without --log-key or --witness: trust the key the exchange "
            + "serves at {url}/log/key the first time and keep it. A first contact that is already a private branch of "
            + "the log would stay undetected: pin the key or require witnesses instead."})
    boolean trustOnFirstUse;

    @Option(names = "--witness", description = {"A witness's cosigner key (<name>+<id>+<key>, type 0x04) or a file holding "
            + "it; repeatable. Every checkpoint must be cosigned by --witness-quorum of them."})
    List<String> witnesses = new ArrayList<>();

    @Option(names = "--witness-quorum", description = "How many of the --witness keys must cosign (default: all of them).")
    Integer quorum;

    @Option(names = "--member-root", description = {"MEMBER=FILE: a member's root public JWK, pinned out of band; it "
            + "proves that member's first key. Repeatable."})
    Map<String, Path> memberRoots = new LinkedHashMap<>();

    @Option(names = "--identity-provider", description = {"name=N,issuer=URL,jwks=FILE[,member-claim=C]: an identity "
            + "provider whose key attestations prove a member's first key, its JWKS pinned from FILE. Repeatable."})
    List<String> identityProviders = new ArrayList<>();

    @Option(names = "--accept-unproven-keys", description = {"Development only: trust keys the log registers without a "
            + "member proof (each result still says UNPROVEN)."})
    boolean acceptUnprovenKeys;

    @Option(names = "--key", defaultValue = "${env:EXCHANGE_SIGNING_KEY}", description = {"Your own private JWK file "
            + "(env EXCHANGE_SIGNING_KEY): your own key is trusted without a proof."})
    Path ownKey;

    @Option(names = "--state-dir", description = {"Where the verified checkpoints, the log key trusted on first use and "
            + "the log's key events are kept (default .exchange/<host>-<port>)."})
    Path stateDir;

    /** The client with the trust policy these options give. */
    ExchangeClient.Builder apply(ExchangeClient.Builder builder, URI url, CommandLine commandLine) {
        TrustPolicy.Builder policy = TrustPolicy.builder();
        Path state = stateDir(url);
        if (logKey != null) {
            policy.logKey(parseLogKey(text(logKey), commandLine));
        } else if (witnesses.isEmpty() && !trustOnFirstUse
                && !Files.isRegularFile(state.resolve("checkpoint.vkey"))) {
            throw new CommandLine.ParameterException(commandLine, "verification needs the log's key (--log-key) or"
                    + " witnesses (--witness); to trust the key the exchange serves on first use, say"
                    + " --trust-on-first-use");
        } else if (trustOnFirstUse || Files.isRegularFile(state.resolve("checkpoint.vkey"))) {
            if (!Files.isRegularFile(state.resolve("checkpoint.vkey"))) {
                commandLine.getErr().println("exchange: no log key pinned: trusting the log key the exchange serves,"
                        + " on first use, and keeping it in " + state.resolve("checkpoint.vkey")
                        + "; compare it with the key published out of band (exchange log checkpoint)");
            }
            policy.trustOnFirstUse();
        }
        if (!witnesses.isEmpty()) {
            List<CosignerKey> keys = new ArrayList<>();
            for (String witness : witnesses) {
                try {
                    keys.add(CosignerKey.parse(text(witness)));
                } catch (NoteFormatException e) {
                    throw new CommandLine.ParameterException(commandLine, "--witness " + witness + ": " + e.getMessage());
                }
            }
            int required = quorum == null ? keys.size() : quorum;
            try {
                policy.witnesses(WitnessPolicy.of(keys, required));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "--witness-quorum: " + e.getMessage());
            }
        }
        memberRoots.forEach((member, file) -> {
            try {
                policy.memberRoot(member, Jwk.parse(Files.readString(file)));
            } catch (IOException | JwkFormatException e) {
                throw new CommandLine.ParameterException(commandLine, "--member-root " + member + "=" + file + ": "
                        + e.getMessage());
            }
        });
        for (String provider : identityProviders) {
            policy.identityProvider(identityProvider(provider, commandLine));
        }
        if (acceptUnprovenKeys) {
            policy.acceptUnprovenKeys();
        }
        ExchangeClient.Builder trusted = builder.checkpointStore(new FileCheckpointStore(state.resolve("checkpoint")))
                .logEventStore(new FileLogEventStore(state.resolve("log-events")));
        if (ownKey != null && Files.isRegularFile(ownKey)) {
            SigningKey key = ConnectionOptions.readKey(ownKey);
            String member = trusted.build().whoAmI();
            policy.ownKeys(member, Set.of(key.kid()));
        }
        return trusted.trust(policy.build());
    }

    Path stateDir(URI url) {
        if (stateDir != null) {
            return stateDir;
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return Path.of(".exchange", url.getHost() + "-" + port);
    }

    private static IdentityProviderTrust identityProvider(String spec, CommandLine commandLine) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.ParameterException(commandLine, "--identity-provider " + spec
                        + ": expected name=N,issuer=URL,jwks=FILE[,member-claim=C]");
            }
            parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
        }
        if (!parts.containsKey("name") || !parts.containsKey("issuer") || !parts.containsKey("jwks")) {
            throw new CommandLine.ParameterException(commandLine, "--identity-provider " + spec
                    + ": name, issuer and jwks are required");
        }
        try {
            return IdentityProviderTrust.of(parts.get("name"), parts.get("issuer"),
                    StixJson.mapper().readTree(Files.readString(Path.of(parts.get("jwks")))),
                    Optional.ofNullable(parts.get("member-claim")));
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--identity-provider " + spec + ": " + e.getMessage());
        }
    }

    private static NoteVerifierKey parseLogKey(String text, CommandLine commandLine) {
        try {
            return NoteVerifierKey.parse(text.strip());
        } catch (NoteFormatException e) {
            throw new CommandLine.ParameterException(commandLine, "--log-key is not a note verifier key"
                    + " (<origin>+<hash>+<key>): " + e.getMessage());
        }
    }

    /** The value itself, or the content of the file it names. */
    private static String text(String valueOrFile) {
        Path file = Path.of(valueOrFile);
        if (valueOrFile.length() < 4096 && Files.isRegularFile(file)) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return valueOrFile.strip();
    }
}
