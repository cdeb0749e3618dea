package rongguang.check;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import rongguang.problems.Place;
import rongguang.problems.Problem;
import rongguang.problems.Severity;

/** Collects findings from any thread, keeping only the rules that are on, at the severity check.json gives them. */
final class Findings {
    private final CheckConfig config;
    private final ConcurrentLinkedQueue<Finding> list = new ConcurrentLinkedQueue<>();

    Findings(CheckConfig config) {
        this.config = config;
    }

    boolean isOn(Rule rule) {
        return !rule.configurable() || config.isOn(rule);
    }

    void add(Rule rule, Place at, String message, String text) {
        Severity severity = config.severity(rule);
        if (severity != null) list.add(new Finding(at, severity, rule, message, text));
    }

    /** A problem the build or the reading of check.json reported; it keeps its severity. */
    void add(Rule rule, Problem p) {
        list.add(new Finding(p.file(), p.line(), p.column(), p.severity(), rule, p.message(), ""));
    }

    /** Errors first, then by place; each finding once. */
    List<Finding> sorted() {
        return list.stream().distinct().sorted().toList();
    }
}
