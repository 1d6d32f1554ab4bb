package org.trilateral.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.ScreenRequest;
import org.trilateral.client.ScreenResult;
import org.trilateral.taxonomy.persona.BankAccountIdentifiers;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.PaymentAccountIdentifiers;
import org.trilateral.taxonomy.persona.PhoneIdentifiers;
import org.trilateral.taxonomy.persona.PostalAddressIdentifiers;
import org.trilateral.taxonomy.stix.StixJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exchange screen}: screens one candidate or payout from flags, or one per row of a CSV file, and writes one
 * JSON line per candidate. E-mail addresses, phone numbers and IBANs are normalised and tokenised on this machine; the
 * raw values are never sent.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Screen a candidate or a payout against the indicators you may read; one JSON line per candidate.",
                "Persona identifiers (e-mail, phone, IBAN) are normalised and tokenised on this machine (RFC 9497 OPRF):"
                        + " neither the raw value nor a guessable hash is sent.",
                "CSV: a header row naming any of label, email, phone, region, iban, payment_account, shipping_address, wallet, ip, claimed_residence,"
                        + " payout_country, refused_live_video, concurrent_employments; several values in a cell"
                        + " separated by ';'."})
final class ScreenCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("label", "email", "phone", "region", "iban", "payment_account",
            "shipping_address", "wallet", "ip",
            "claimed_residence", "payout_country", "refused_live_video", "concurrent_employments");

    @Mixin
    ConnectionOptions connection;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", description = "A CSV file of candidates, one per row (see above).")
    Path csv;

    @Option(names = "--label", description = "Your name for the candidate, echoed in the output (never sent).")
    String label;

    @Option(names = "--email", description = "An e-mail address (repeatable).")
    List<String> emails = new ArrayList<>();

    @Option(names = "--phone", description = "A phone number (repeatable); see --region.")
    List<String> phones = new ArrayList<>();

    @Option(names = "--region", description = "Region for national phone numbers, e.g. KR, JP, US.")
    String region;

    @Option(names = "--iban", description = "An IBAN the pay goes to (repeatable).")
    List<String> ibans = new ArrayList<>();

    @Option(names = "--payment-account", description = "A payment-platform account as <platform>:<account>, e.g. payoneer:12345678 (repeatable).")
    List<String> paymentAccounts = new ArrayList<>();

    @Option(names = "--shipping-address", description = "An address laptops were shipped to, as <CC>|<postcode>|<street line>[|<street line>] (repeatable).")
    List<String> shippingAddresses = new ArrayList<>();

    @Option(names = "--wallet", description = "A wallet as CAIP-10 (eip155:1:0x…) or <chain alias>:<address> (repeatable).")
    List<String> wallets = new ArrayList<>();

    @Option(names = "--ip", description = "An IP address, e.g. of a login (repeatable).")
    List<String> ips = new ArrayList<>();

    @Option(names = "--claimed-residence", description = "ISO 3166-1 alpha-2 country the candidate claims to live in.")
    String claimedResidence;

    @Option(names = "--payout-country", description = "ISO 3166-1 alpha-2 country of the bank or account the pay goes to.")
    String payoutCountry;

    @Option(names = "--refused-live-video", description = "The candidate refused live video or in-person verification.")
    Boolean refusedLiveVideo;

    @Option(names = "--concurrent-employments", description = "How many employments the person holds at once.")
    Integer concurrentEmployments;

    @Override
    public Integer call() throws IOException {
        List<ScreenRequest> requests = new ArrayList<>();
        if (csv != null) {
            requests.addAll(fromCsv(Files.readAllLines(csv, StandardCharsets.UTF_8)));
        }
        Map<String, String> flags = flagValues();
        if (!flags.isEmpty()) {
            requests.add(request(flags));
        }
        if (requests.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to screen: give --csv or at least one of --email, --phone, --iban, --payment-account,"
                            + " --shipping-address, --wallet, --ip or a fact");
        }
        ExchangeClient client = connection.builder().build();
        PrintWriter out = spec.commandLine().getOut();
        // Progress on standard error (the command line's), so standard output stays JSON lines.
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        int done = 0;
        for (ScreenRequest request : requests) {
            ScreenResult result = client.screen(request);
            out.println(StixJson.mapper().writeValueAsString(result.json()));
            out.flush();
            done++;
            if (requests.size() > 1) {
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                err.printf("screened %d of %d candidates (%.1f/s)%n", done, requests.size(), done / seconds);
                err.flush();
            }
        }
        return ExitCodes.OK;
    }

    private Map<String, String> flagValues() {
        Map<String, String> values = new HashMap<>();
        put(values, "label", label == null ? null : label);
        put(values, "email", String.join(";", emails));
        put(values, "phone", String.join(";", phones));
        put(values, "region", region);
        put(values, "iban", String.join(";", ibans));
        put(values, "payment_account", String.join(";", paymentAccounts));
        put(values, "shipping_address", String.join(";", shippingAddresses));
        put(values, "wallet", String.join(";", wallets));
        put(values, "ip", String.join(";", ips));
        put(values, "claimed_residence", claimedResidence);
        put(values, "payout_country", payoutCountry);
        put(values, "refused_live_video", refusedLiveVideo == null ? null : refusedLiveVideo.toString());
        put(values, "concurrent_employments", concurrentEmployments == null ? null : concurrentEmployments.toString());
        if (values.keySet().stream().allMatch(k -> k.equals("label") || k.equals("region"))) {
            return Map.of();
        }
        return values;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    /** RFC 4180 rows: a header, then one candidate per row; quoted cells may hold commas and doubled quotes. */
    List<ScreenRequest> fromCsv(List<String> lines) {
        List<ScreenRequest> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        List<String> header = cells(lines.get(0)).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                throw new CommandLine.ParameterException(spec.commandLine(), csv + ": unknown column '" + column
                        + "'; expected any of " + COLUMNS);
            }
        }
        for (int row = 1; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            List<String> cells = cells(lines.get(row));
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                put(values, header.get(i), cells.get(i).strip());
            }
            values.putIfAbsent("label", "row " + row);
            try {
                out.add(request(values));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(csv + " row " + row + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static ScreenRequest request(Map<String, String> values) {
        ScreenRequest.Builder builder = ScreenRequest.builder().label(values.get("label"));
        String phoneRegion = values.get("region");
        split(values.get("email")).forEach(v -> builder.persona(EmailIdentifiers.normalise(v)));
        split(values.get("phone")).forEach(v -> builder.persona(PhoneIdentifiers.normalise(v, phoneRegion)));
        split(values.get("iban")).forEach(v -> builder.persona(BankAccountIdentifiers.iban(v)));
        split(values.get("payment_account")).forEach(v -> {
            int colon = v.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("payment account '" + v + "' is not <platform>:<account>");
            }
            builder.persona(PaymentAccountIdentifiers.normalise(v.substring(0, colon), v.substring(colon + 1)));
        });
        split(values.get("shipping_address")).forEach(v -> {
            String[] parts = v.split("\\|");
            if (parts.length < 3) {
                throw new IllegalArgumentException("shipping address '" + v + "' is not <CC>|<postcode>|<street line>");
            }
            builder.persona(PostalAddressIdentifiers.normalise(parts[0], parts[1],
                    java.util.Arrays.asList(parts).subList(2, parts.length)));
        });
        split(values.get("wallet")).forEach(builder::wallet);
        split(values.get("ip")).forEach(builder::ip);
        if (values.get("claimed_residence") != null) {
            builder.claimedResidence(values.get("claimed_residence"));
        }
        if (values.get("payout_country") != null) {
            builder.payoutCountry(values.get("payout_country"));
        }
        if (values.get("refused_live_video") != null) {
            builder.refusedLiveVideo(Boolean.parseBoolean(values.get("refused_live_video")));
        }
        if (values.get("concurrent_employments") != null) {
            try {
                builder.concurrentEmployments(Integer.parseInt(values.get("concurrent_employments")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("concurrent_employments '" + values.get("concurrent_employments")
                        + "' is not a number", e);
            }
        }
        return builder.build();
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
