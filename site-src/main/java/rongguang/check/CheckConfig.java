package rongguang.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import rongguang.problems.Severity;

/**
 * What {@code content/check.json} says: which rules are on and how severe, how many days ahead a merchant's review
 * is announced, which leftover markers and which wordings to look for.
 *
 * @param severities          the severity of each rule that is on; a rule that is off is absent
 * @param merchantWarningDays a merchant whose review ends within this many days is a warning
 */
public record CheckConfig(Map<Rule, Severity> severities, int merchantWarningDays, List<Marker> markers,
                          List<Wording> wordings) {

    public static final int DEFAULT_MERCHANT_WARNING_DAYS = 30;
    /** Markers that typesetting and paywall systems leave in copied text: ##paidbegin##, ##paidend## and the like. */
    public static final List<Marker> DEFAULT_MARKERS = List.of(Marker.of("/##[A-Za-z_]+##/"));

    /** A leftover marker: literal text, or a regular expression when written between slashes. */
    public record Marker(String written, Pattern pattern) {
        /** The marker as written; throws {@link java.util.regex.PatternSyntaxException} for a bad expression. */
        public static Marker of(String written) {
            boolean regex = written.length() > 2 && written.startsWith("/") && written.endsWith("/");
            return new Marker(written, regex ? Pattern.compile(written.substring(1, written.length() - 1))
                    : Pattern.compile(Pattern.quote(written)));
        }
    }

    /** A wording to avoid, with the preferred form (null when there is none) and a note for the editor. */
    public record Wording(String avoid, String prefer, String note) {}

    /** Every rule at its default severity, the default markers, no wordings. */
    public static CheckConfig defaults() {
        Map<Rule, Severity> all = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) if (r.configurable()) all.put(r, r.defaultSeverity());
        return new CheckConfig(all, DEFAULT_MERCHANT_WARNING_DAYS, DEFAULT_MARKERS, List.of());
    }

    /** The severity of the rule's findings, or null when the rule is off; build and config problems keep theirs. */
    public Severity severity(Rule rule) {
        return severities.get(rule);
    }

    public boolean isOn(Rule rule) {
        return severities.containsKey(rule);
    }
}
