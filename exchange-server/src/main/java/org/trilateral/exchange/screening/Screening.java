package org.trilateral.exchange.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.access.Reader;
import org.trilateral.exchange.collection.CollectionRegistry;
import org.trilateral.exchange.collection.TaxiiCollection;
import org.trilateral.exchange.member.Member;
import org.trilateral.taxonomy.indicator.IpNetwork;
import org.trilateral.taxonomy.persona.PersonaDigest;
import org.trilateral.taxonomy.stix.StixJson;
import org.trilateral.taxonomy.wallet.WalletAddress;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Screens one request for one member: finds the indicators it may read that name the request's identifiers, skipping
 * revoked ones and those whose {@code valid_until} has passed (STIX 2.1 §4.7), counts their readable sightings and
 * raises their confidence by them ({@link Confidence}), finds the caller's staff that other employers registered
 * ({@link Employment}), raises the red flags and rates the risk ({@link RiskRules}).
 */
@Component
class Screening {

    private final ScreeningIndex index;
    private final StaffRegistry staff;
    private final CollectionRegistry collections;
    private final Clock clock;

    Screening(ScreeningIndex index, StaffRegistry staff, CollectionRegistry collections, Clock clock) {
        this.index = index;
        this.staff = staff;
        this.collections = collections;
        this.clock = clock;
    }

    Mono<ScreeningResult> screen(ScreeningRequest request, Member member) {
        Reader reader = Reader.of(member);
        List<String> readable = collections.all().stream().filter(c -> c.canRead(member)).map(TaxiiCollection::id).toList();
        List<String> needles = new ArrayList<>();
        request.personaTokens().forEach(t -> needles.add(t.digest()));
        request.wallets().forEach(w -> needles.add(w.address()));
        Instant now = clock.instant();
        Mono<ScreeningIndex.Found> found = index.catchUp()
                .then(Mono.defer(() -> index.lookup(reader, readable, needles, request.ips())));
        Mono<List<StaffRegistry.Registration>> registered = staff.registrations(
                request.personaTokens().stream().map(Employment::key).toList()).collectList();
        return Mono.zip(found, registered)
                .publishOn(Schedulers.parallel())
                .map(both -> {
                    List<ScreeningResult.Match> matches = matches(request, both.getT1(), now);
                    List<ScreeningResult.EmploymentMatch> employment = Employment.matches(request.personaTokens(), both.getT2(), reader);
                    List<ScreeningResult.RedFlagRaised> flags = RiskRules.redFlags(request.facts(), matches, employment);
                    return new ScreeningResult(matches, employment, flags, RiskRules.risk(matches, flags));
                });
    }

    /** Registers the caller's current staff and answers which of them other employers registered too. */
    Mono<List<ScreeningResult.EmploymentMatch>> registerStaff(List<PersonaDigest> tokens, Set<String> discloseGroups, Member member) {
        Reader reader = Reader.of(member);
        List<String> keys = tokens.stream().map(Employment::key).distinct().toList();
        return staff.replace(member.id(), keys, discloseGroups, clock.instant())
                .then(staff.registrations(keys).collectList())
                .map(found -> Employment.matches(tokens, found, reader));
    }

    /** A found indicator, its pattern's values and its networks, each decoded once per screening. */
    private record Indicator(JsonNode body, IndicatorFacts facts, List<IpRanges.Prefix> networks) {

        static Indicator of(JsonNode body) {
            IndicatorFacts facts = IndicatorFacts.of(body.path("pattern").asString(""));
            Set<String> values = new LinkedHashSet<>(facts.values("ipv4-addr:value"));
            values.addAll(facts.values("ipv6-addr:value"));
            List<IpRanges.Prefix> networks = new ArrayList<>(values.size());
            for (String value : values) {
                try {
                    networks.add(IpRanges.Prefix.of(IpNetwork.parse(value)));
                } catch (IllegalArgumentException e) {
                    // A value that is not an address names nothing.
                }
            }
            return new Indicator(body, facts, List.copyOf(networks));
        }

        boolean namesIp(IpRanges.Prefix ip) {
            for (IpRanges.Prefix network : networks) {
                if (network.contains(ip)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<ScreeningResult.Match> matches(ScreeningRequest request, ScreeningIndex.Found found, Instant now) {
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (ScreeningIndex.Found.Indicator candidate : found.indicators()) {
            if (indicators.containsKey(candidate.stixId())) {
                continue;
            }
            JsonNode body = StixJson.mapper().readTree(candidate.body());
            // The index stored valid_until and revoked; checked again on the body in case the two ever disagree.
            if (valid(body, now)) {
                indicators.put(candidate.stixId(), Indicator.of(body));
            }
        }
        Map<String, SightingTotals> sightings = sightings(found.sightings(), indicators);
        List<IpRanges.Prefix> ips = new ArrayList<>(request.ips().size());
        request.ips().forEach(ip -> ips.add(IpRanges.Prefix.of(ip)));
        Map<String, List<Integer>> tokens = positions(request.personaTokens().stream().map(PersonaDigest::digest).toList());
        Map<String, List<Integer>> wallets = positions(request.wallets().stream().map(WalletAddress::address).toList());
        List<ScreeningResult.Match> out = new ArrayList<>();
        for (Map.Entry<String, Indicator> entry : indicators.entrySet()) {
            IndicatorFacts f = entry.getValue().facts();
            JsonNode body = entry.getValue().body();
            SightingTotals totals = sightings.getOrDefault(entry.getKey(), new SightingTotals());
            ScreeningResult.Sightings seen = new ScreeningResult.Sightings(totals.count, totals.first, totals.last,
                    totals.reporters.size());
            Confidence confidence = Confidence.of(body, totals.reporters.size());
            // Only the identifiers equal to a value the pattern names are checked, in the request's order per kind.
            BitSet named = new BitSet();
            for (String digest : f.values("persona-identifier:digest")) {
                for (int i : tokens.getOrDefault(digest, List.of())) {
                    PersonaDigest token = request.personaTokens().get(i);
                    if (f.names("persona-identifier:digest", token.digest(), "persona-identifier:kind", token.kind().value())
                            && f.names("persona-identifier:digest", token.digest(), "persona-identifier:scheme", token.scheme())) {
                        named.set(i);
                    }
                }
            }
            named.stream().forEach(i -> out.add(new ScreeningResult.Match("persona_tokens[" + i + "]", "persona-token", body, seen, confidence)));
            named.clear();
            for (String address : f.values("cryptocurrency-wallet:address")) {
                for (int i : wallets.getOrDefault(address, List.of())) {
                    WalletAddress wallet = request.wallets().get(i);
                    if (f.names("cryptocurrency-wallet:address", wallet.address(), "cryptocurrency-wallet:chain", wallet.chain().caip2())) {
                        named.set(i);
                    }
                }
            }
            named.stream().forEach(i -> out.add(new ScreeningResult.Match("wallets[" + i + "]", "wallet", body, seen, confidence)));
            if (!entry.getValue().networks().isEmpty()) {
                for (int i = 0; i < ips.size(); i++) {
                    if (entry.getValue().namesIp(ips.get(i))) {
                        out.add(new ScreeningResult.Match("ips[" + i + "]", "ip", body, seen, confidence));
                    }
                }
            }
        }
        return out;
    }

    /** Where each value occurs in {@code values}, in order. */
    private static Map<String, List<Integer>> positions(List<String> values) {
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            positions.computeIfAbsent(values.get(i), k -> new ArrayList<>(1)).add(i);
        }
        return positions;
    }

    /** STIX 2.1 §4.7: an indicator is no longer valid after valid_until; a revoked object (§3.6) is withdrawn. */
    private static boolean valid(JsonNode indicator, Instant now) {
        if (indicator.path("revoked").asBoolean(false)) {
            return false;
        }
        JsonNode until = indicator.get("valid_until");
        if (until != null && until.isString()) {
            try {
                return Instant.parse(until.stringValue()).isAfter(now);
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }
        return true;
    }

    private static final class SightingTotals {
        long count;
        String first;
        String last;
        final Set<String> reporters = new HashSet<>();
    }

    /** Per indicator: the sum of the sightings' {@code count}, the earliest first and latest last seen, the reporters. */
    private static Map<String, SightingTotals> sightings(List<String> bodies, Map<String, Indicator> indicators) {
        Map<String, SightingTotals> totals = new HashMap<>();
        for (String text : bodies) {
            JsonNode body = StixJson.mapper().readTree(text);
            String of = body.path("sighting_of_ref").asString("");
            Indicator indicator = indicators.get(of);
            if (indicator == null || body.path("revoked").asBoolean(false)) {
                continue;
            }
            SightingTotals t = totals.computeIfAbsent(of, k -> new SightingTotals());
            t.count += body.path("count").asLong(1);
            String first = body.path("first_seen").asString(null);
            String last = body.path("last_seen").asString(null);
            if (first != null && (t.first == null || Instant.parse(first).isBefore(Instant.parse(t.first)))) {
                t.first = first;
            }
            if (last != null && (t.last == null || Instant.parse(last).isAfter(Instant.parse(t.last)))) {
                t.last = last;
            }
            String reporter = body.path("created_by_ref").asString("");
            if (!reporter.isEmpty() && !reporter.equals(indicator.body().path("created_by_ref").asString(""))) {
                t.reporters.add(reporter);
            }
        }
        return totals;
    }
}
