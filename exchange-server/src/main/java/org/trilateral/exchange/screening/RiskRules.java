package org.trilateral.exchange.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.vocabulary.RedFlag;

/**
 * The red flags and the overall risk of a screening, as documented rules (docs/screening.md), first match wins:
 * <ol>
 * <li>{@code high}: a persona token (person, account or shipping address) or a wallet is named by an indicator;</li>
 * <li>{@code high}: an IP of known facilitator infrastructure together with another red flag;</li>
 * <li>{@code medium}: an IP of known facilitator infrastructure, or any other IP match, or two or more red flags;</li>
 * <li>{@code low}: one red flag;</li>
 * <li>{@code none}: nothing found.</li>
 * </ol>
 */
final class RiskRules {

    private RiskRules() {
    }

    static List<ScreeningResult.RedFlagRaised> redFlags(ScreeningRequest.Facts facts, List<ScreeningResult.Match> matches,
                                                        List<ScreeningResult.EmploymentMatch> employment) {
        List<ScreeningResult.RedFlagRaised> flags = new ArrayList<>();
        if (facts.claimedResidence() != null && facts.payoutCountry() != null
                && !facts.claimedResidence().equalsIgnoreCase(facts.payoutCountry())) {
            flags.add(new ScreeningResult.RedFlagRaised(RedFlag.PAYMENT_TO_FOREIGN_BANK.value(), "pay goes to "
                    + facts.payoutCountry().toUpperCase(Locale.ROOT) + ", the claimed residence is "
                    + facts.claimedResidence().toUpperCase(Locale.ROOT)));
        }
        if (Boolean.TRUE.equals(facts.refusedLiveVideo())) {
            flags.add(new ScreeningResult.RedFlagRaised(RedFlag.REFUSED_LIVE_VERIFICATION.value(),
                    "the candidate refused live video or in-person verification"));
        }
        if (facts.concurrentEmployments() != null && facts.concurrentEmployments() >= 2) {
            flags.add(new ScreeningResult.RedFlagRaised(RedFlag.CONCURRENT_EMPLOYMENTS.value(),
                    facts.concurrentEmployments() + " concurrent employments"));
        } else if (!employment.isEmpty()) {
            ScreeningResult.EmploymentMatch first = employment.get(0);
            flags.add(new ScreeningResult.RedFlagRaised(RedFlag.CONCURRENT_EMPLOYMENTS.value(), first.input()
                    + " is registered as staff by " + first.employers() + " other employer(s) as well"));
        }
        matches.stream().filter(m -> m.kind().equals("ip") && facilitator(m)).findFirst().ifPresent(m ->
                flags.add(new ScreeningResult.RedFlagRaised(RedFlag.LOGIN_FROM_KNOWN_FACILITATOR_IP.value(),
                        m.input() + " is in " + m.indicator().path("id").asString(""))));
        return flags;
    }

    static ScreeningResult.Risk risk(List<ScreeningResult.Match> matches, List<ScreeningResult.RedFlagRaised> flags) {
        if (matches.stream().anyMatch(m -> !m.kind().equals("ip"))) {
            return new ScreeningResult.Risk("high", "identifier-match: a persona token or wallet of the request is named by an indicator");
        }
        boolean facilitatorIp = matches.stream().anyMatch(m -> m.kind().equals("ip") && facilitator(m));
        long otherFlags = flags.stream().filter(f -> !f.flag().equals(RedFlag.LOGIN_FROM_KNOWN_FACILITATOR_IP.value())).count();
        if (facilitatorIp && otherFlags >= 1) {
            return new ScreeningResult.Risk("high", "facilitator-ip-and-red-flag: an IP of known facilitator infrastructure and another red flag");
        }
        if (!matches.isEmpty()) {
            return new ScreeningResult.Risk("medium", "ip-match: an IP of the request is named by an indicator");
        }
        if (flags.size() >= 2) {
            return new ScreeningResult.Risk("medium", "red-flags: two or more red flags");
        }
        if (flags.size() == 1) {
            return new ScreeningResult.Risk("low", "red-flag: one red flag");
        }
        return new ScreeningResult.Risk("none", "nothing-found: no readable indicator names the request's identifiers and no red flag");
    }

    private static boolean facilitator(ScreeningResult.Match match) {
        for (var label : match.indicator().path("labels")) {
            String value = label.asString("");
            if (value.equals(IndicatorKind.LAPTOP_FARM_NETWORK.value()) || value.equals(IndicatorKind.VPN_EXIT.value())
                    || value.equals(IndicatorKind.REMOTE_ACCESS_TOOL.value())) {
                return true;
            }
        }
        return false;
    }
}
