package org.adcs.simulator.cli;

import java.util.Arrays;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultRule;

/**
 * Parses a {@code --fault} argument: {@code NAME:SELECTOR[:PARAM=VALUE,...]} where SELECTOR is a share
 * ({@code 5%} or {@code 0.05}) or a meter list ({@code meters=3/7/42}, meter indices). Parameters:
 * slow {@code delay=10s}; intermittent {@code k=2,n=7[,consecutive]}; regional-outage
 * {@code at=2h,for=30m} (after the start); short-memory {@code days=10}.
 */
final class FaultSpec {
    // no percent sign here: picocli formats option descriptions
    static final String HELP = "NAME:SELECTOR[:PARAMS], SELECTOR a share (0.05, or 5 followed by a percent sign) or meters=3/7; "
            + "e.g. slow:0.05:delay=10s, never-answers:meters=3/7, intermittent:0.02:k=2,n=7,consecutive, "
            + "regional-outage:0.1:at=2h,for=30m, short-memory:0.01:days=10, lost-days:meters=4/9:k=1,n=2; NAME one of "
            + "never-answers, slow, drop-mid-block, intermittent, clock-off, clock-far-off, wrong-password, malformed-frames, "
            + "regional-outage, short-memory, lost-days";

    private FaultSpec() {
    }

    static FaultRule parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("fault '" + text + "': expected " + HELP);
        }
        Fault fault = Fault.byName(parts[0].trim())
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + parts[0] + "'; expected " + HELP));
        FaultRule rule = selector(fault, parts[1].trim());
        if (parts.length == 3) {
            for (String param : parts[2].split(",")) {
                rule = param(rule, param.trim());
            }
        }
        return rule;
    }

    private static FaultRule selector(Fault fault, String s) {
        if (s.startsWith("meters=")) {
            try {
                int[] meters = Arrays.stream(s.substring("meters=".length()).split("/")).mapToInt(Integer::parseInt).toArray();
                if (Arrays.stream(meters).anyMatch(m -> m < 0)) {
                    throw new NumberFormatException("negative");
                }
                return FaultRule.ofShare(fault, 0).forMeters(meters);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(fault.cliName() + ": meter list must be indices separated by '/', e.g. meters=3/7/42");
            }
        }
        try {
            double share = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
            return FaultRule.ofShare(fault, share);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(fault.cliName() + ": selector must be a share (5% or 0.05) or meters=3/7/42, was '" + s + "'");
        }
    }

    private static FaultRule param(FaultRule rule, String param) {
        String[] kv = param.split("=", 2);
        String key = kv[0];
        String value = kv.length == 2 ? kv[1] : "";
        try {
            return switch (key) {
                case "delay" -> rule.withDelay(Durations.parse(value));
                // k may come before n, so it may raise n's default (7) for now; n is then checked against k
                case "k" -> rule.withMissedDays(Integer.parseInt(value), Math.max(rule.ofDays(), Integer.parseInt(value)), rule.consecutive());
                case "n" -> rule.withMissedDays(rule.missedDays(), Integer.parseInt(value), rule.consecutive());
                case "consecutive" -> rule.withMissedDays(rule.missedDays(), rule.ofDays(), true);
                case "at" -> rule.withOutage(Durations.parse(value), rule.lasting());
                case "for" -> rule.withOutage(rule.at(), Durations.parse(value));
                case "days" -> rule.withMemoryDays(Integer.parseInt(value));
                default -> throw new IllegalArgumentException(rule.fault().cliName() + ": unknown parameter '" + key + "'; expected " + HELP);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule.fault().cliName() + ": '" + param + "' needs a whole number");
        }
    }
}
