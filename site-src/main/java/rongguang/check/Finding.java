package rongguang.check;

import java.util.Comparator;
import rongguang.problems.Place;
import rongguang.problems.Severity;

/**
 * One thing {@code check} found, at a place an editor can go to.
 *
 * @param file    path relative to the site folder, with forward slashes (pages of the output start with the
 *                output folder's name, e.g. {@code output/articles/x/index.html})
 * @param line    1-based
 * @param column  1-based
 * @param text    the offending text exactly as it stands there (may be empty when there is none, e.g. a photo
 *                that is missing)
 */
public record Finding(String file, int line, int column, Severity severity, Rule rule, String message, String text)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    public Finding {
        line = Math.max(line, 1);
        column = Math.max(column, 1);
        text = text == null ? "" : text;
    }

    public Finding(Place at, Severity severity, Rule rule, String message, String text) {
        this(at.file(), at.line(), at.column(), severity, rule, message, text);
    }

    /** {@code path:line:column: 错误: message [rule]}, the format of every report of Rongguang. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message + " [" + rule.id() + "]";
    }

    /** Errors first, then by place. */
    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return format();
    }
}
