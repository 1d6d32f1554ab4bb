package org.trilateral.client.cli;

import org.trilateral.client.AuthenticationException;
import org.trilateral.client.NotFoundException;
import org.trilateral.client.PermissionException;
import org.trilateral.client.ValidationException;

/** The exit codes scripts can rely on; documented in docs/sdk.md. */
public final class ExitCodes {

    /** Everything succeeded. */
    public static final int OK = 0;
    /** The command line was wrong (unknown option, missing argument, bad value, a file that exists or is missing). */
    public static final int USAGE = 1;
    /** Authentication or permission failed. */
    public static final int AUTH = 2;
    /** The exchange refused the request or some objects (validation). */
    public static final int REFUSED = 3;
    /** An object or the log failed verification. */
    public static final int VERIFICATION = 4;
    /** The exchange could not be reached or failed (network, 5xx, rate limit, malformed answer). */
    public static final int UNAVAILABLE = 5;

    /** The exit codes as every command's help lists them. */
    private static final java.util.Map<String, String> DESCRIBED = describedCodes();

    private ExitCodes() {
    }

    private static java.util.Map<String, String> describedCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "usage: unknown option, missing or conflicting arguments, a file that is missing or already exists");
        codes.put("2", "authentication or permission refused");
        codes.put("3", "refused: the exchange refused the request or at least one object; an invalid value");
        codes.put("4", "verification failed for at least one object");
        codes.put("5", "the exchange could not be reached or failed (network, 5xx, rate limit), or objects still pending");
        return codes;
    }

    /** Lists the exit codes in the help of {@code command} and every subcommand that does not list its own. */
    static void describe(picocli.CommandLine command) {
        picocli.CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(DESCRIBED);
        }
        command.getSubcommands().values().forEach(ExitCodes::describe);
    }

    /** The exit code for a failure. */
    static int of(Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof PermissionException) {
            return AUTH;
        }
        if (failure instanceof java.nio.file.FileAlreadyExistsException || failure instanceof java.nio.file.NoSuchFileException) {
            return USAGE;
        }
        if (failure instanceof org.trilateral.client.TokenVerificationException) {
            return VERIFICATION;
        }
        if (failure instanceof ValidationException || failure instanceof NotFoundException
                || failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
            return REFUSED;
        }
        return UNAVAILABLE;
    }
}
