package org.trilateral.client.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.trilateral.integrity.jws.SigningKey;

/**
 * {@code exchange keys register}: registers the member's own signing key through its own token, with the proof
 * verifiers check (docs/sdk.md, "Keys"): the key statement signed by the key, authorised by the member's root key
 * ({@code --root}, which may be the key itself for a first key) or by a key registered before ({@code --previous-key},
 * a rotation).
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register your signing key at the exchange, through your own token, signed by the key and "
                + "authorised by your root key (--root; default: the key is its own root) or by your previous key "
                + "(--previous-key, a rotation). Verifiers pin your root (--member-root) or follow the rotation."})
final class KeysRegisterCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, description = "The private JWK file of the key to register.")
    Path key;

    @Option(names = "--root", description = "Your root key's private JWK file, which authorises the new key.")
    Path root;

    @Option(names = "--previous-key", description = "A key of yours registered before, which authorises the new one.")
    Path previous;

    @Override
    public Integer call() {
        if (root != null && previous != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --root or --previous-key, not both");
        }
        SigningKey signing = ConnectionOptions.readKey(key);
        SigningKey authorizer = previous != null ? ConnectionOptions.readKey(previous)
                : root != null ? ConnectionOptions.readKey(root) : signing;
        String kid = connection.builder().build().registerOwnKey(signing, authorizer, previous != null);
        spec.commandLine().getOut().println("registered key " + kid + (previous != null ? " (authorised by your previous key "
                + authorizer.kid() + ")" : " (authorised by your root key " + authorizer.kid() + ")"));
        return ExitCodes.OK;
    }
}
