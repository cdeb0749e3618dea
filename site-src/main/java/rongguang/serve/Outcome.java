package rongguang.serve;

import java.time.Duration;
import java.util.List;
import rongguang.problems.Problem;
import rongguang.problems.Severity;

/**
 * What one (re)build of the preview gave.
 *
 * @param ok           the tree under {@link Preview#root()} is new and complete; when false it is the last good one
 * @param problems     errors and warnings, sorted by place (warnings may come with a good build too)
 * @param pagesBuilt   how many pages were rendered
 * @param everything   the whole site was rebuilt, not just the pages a change touched
 * @param took         how long it took
 * @param basePath     the path part of the site's baseUrl ({@code /} or e.g. {@code /sy/}) when the build succeeded,
 *                     null when it failed
 * @param stages       how long each stage took ({@code 读取 12 ms · 建模 30 ms …}), empty when unknown
 */
public record Outcome(boolean ok, List<Problem> problems, int pagesBuilt, boolean everything, Duration took,
                      String basePath, String stages) {

    public Outcome {
        problems = List.copyOf(problems);
    }

    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }
}
