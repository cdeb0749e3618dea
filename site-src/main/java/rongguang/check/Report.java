package rongguang.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rongguang.problems.Severity;

/**
 * What {@code check} found: the findings (errors first, then by place), the external links of the pages, and
 * what was looked at.
 *
 * @param pages    the HTML pages whose links were checked (0 when the build failed)
 * @param articles the article files read
 * @param dataFiles the data files (and site.json) read
 */
public record Report(List<Finding> findings, List<ExternalLink> external, int pages, int articles, int dataFiles) {

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** For each rule with findings, in the order of {@link Rule}: how many errors and how many warnings. */
    public Map<Rule, long[]> countsByRule() {
        Map<Rule, long[]> out = new EnumMap<>(Rule.class);
        for (Finding f : findings) out.computeIfAbsent(f.rule(), r -> new long[2])[f.severity() == Severity.ERROR ? 0 : 1]++;
        return out;
    }

    /** The exit status: 1 with errors, or with warnings when {@code strict}; else 0. */
    public int exitStatus(boolean strict) {
        if (count(Severity.ERROR) > 0) return 1;
        return strict && count(Severity.WARNING) > 0 ? 1 : 0;
    }
}
