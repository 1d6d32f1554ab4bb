package org.trilateral.exchange.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Screens one request for one member: finds the indicators it may read that name the request's identifiers, skipping
 * revoked ones and those whose {@code valid_until} has passed (STIX 2.1 §4.7), counts their readable sightings, raises
 * the red flags and rates the risk ({@link RiskRules}).
 */
@Component
class Screening {

    private final IndicatorCandidates candidates;
    private final ScreeningIndex index;
    private final CollectionRegistry collections;
    private final Clock clock;

    Screening(IndicatorCandidates candidates, ScreeningIndex index, CollectionRegistry collections, Clock clock) {
        this.candidates = candidates;
        this.index = index;
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
        return index.catchUp()
                .thenMany(Flux.defer(() -> index.lookup(reader, readable, needles, request.ips())))
                .collectList()
                .publishOn(Schedulers.parallel())
                .map(found -> matches(request, found, now))
                .flatMap(matches -> sightings(reader, readable, matches))
                .map(matches -> {
                    List<ScreeningResult.RedFlagRaised> flags = RiskRules.redFlags(request.facts(), matches);
                    return new ScreeningResult(matches, flags, RiskRules.risk(matches, flags));
                });
    }

    private record Pending(String input, String kind, JsonNode indicator) {
    }

    private static List<Pending> matches(ScreeningRequest request, List<IndicatorCandidates.Candidate> found, Instant now) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        Map<String, IndicatorFacts> facts = new HashMap<>();
        for (IndicatorCandidates.Candidate candidate : found) {
            JsonNode body = StixJson.mapper().readTree(candidate.body());
            if (!valid(body, now) || bodies.containsKey(candidate.stixId())) {
                continue;
            }
            bodies.put(candidate.stixId(), body);
            facts.put(candidate.stixId(), IndicatorFacts.of(body.path("pattern").asString("")));
        }
        List<Pending> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : bodies.entrySet()) {
            IndicatorFacts f = facts.get(entry.getKey());
            for (int i = 0; i < request.personaTokens().size(); i++) {
                PersonaDigest token = request.personaTokens().get(i);
                if (f.names("persona-identifier:digest", token.digest(), "persona-identifier:kind", token.kind().value())
                        && f.names("persona-identifier:digest", token.digest(), "persona-identifier:scheme", token.scheme())) {
                    out.add(new Pending("persona_tokens[" + i + "]", "persona-token", entry.getValue()));
                }
            }
            for (int i = 0; i < request.wallets().size(); i++) {
                WalletAddress wallet = request.wallets().get(i);
                if (f.names("cryptocurrency-wallet:address", wallet.address(), "cryptocurrency-wallet:chain", wallet.chain().caip2())) {
                    out.add(new Pending("wallets[" + i + "]", "wallet", entry.getValue()));
                }
            }
            for (int i = 0; i < request.ips().size(); i++) {
                IpNetwork ip = request.ips().get(i);
                if (namesIp(f, ip)) {
                    out.add(new Pending("ips[" + i + "]", "ip", entry.getValue()));
                }
            }
        }
        return out;
    }

    private static boolean namesIp(IndicatorFacts facts, IpNetwork ip) {
        Set<String> networks = new LinkedHashSet<>(facts.values("ipv4-addr:value"));
        networks.addAll(facts.values("ipv6-addr:value"));
        for (String value : networks) {
            try {
                if (IpRanges.contains(IpNetwork.parse(value), ip)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // A value that is not an address names nothing.
            }
        }
        return false;
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

    private Mono<List<ScreeningResult.Match>> sightings(Reader reader, List<String> readable, List<Pending> pending) {
        Set<String> ids = new LinkedHashSet<>();
        pending.forEach(p -> ids.add(p.indicator().path("id").asString("")));
        return candidates.sightings(reader, readable, ids).collectList().map(found -> {
            Map<String, long[]> counts = new HashMap<>();
            Map<String, String[]> seen = new HashMap<>();
            for (IndicatorCandidates.Sighting sighting : found) {
                JsonNode body = StixJson.mapper().readTree(sighting.body());
                String of = body.path("sighting_of_ref").asString("");
                if (!ids.contains(of) || body.path("revoked").asBoolean(false)) {
                    continue;
                }
                counts.computeIfAbsent(of, k -> new long[1])[0] += body.path("count").asLong(1);
                String[] range = seen.computeIfAbsent(of, k -> new String[2]);
                String first = body.path("first_seen").asString(null);
                String last = body.path("last_seen").asString(null);
                if (first != null && (range[0] == null || Instant.parse(first).isBefore(Instant.parse(range[0])))) {
                    range[0] = first;
                }
                if (last != null && (range[1] == null || Instant.parse(last).isAfter(Instant.parse(range[1])))) {
                    range[1] = last;
                }
            }
            List<ScreeningResult.Match> matches = new ArrayList<>();
            for (Pending p : pending) {
                String id = p.indicator().path("id").asString("");
                String[] range = seen.getOrDefault(id, new String[2]);
                matches.add(new ScreeningResult.Match(p.input(), p.kind(), p.indicator(),
                        new ScreeningResult.Sightings(counts.getOrDefault(id, new long[1])[0], range[0], range[1])));
            }
            return matches;
        });
    }
}
