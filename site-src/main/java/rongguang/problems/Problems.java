package rongguang.problems;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one build, from any thread, so that all of them can be reported at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    public void error(String file, int line, int column, String message) {
        add(new Problem(file, line, column, Severity.ERROR, message));
    }

    public void warning(String file, int line, int column, String message) {
        add(new Problem(file, line, column, Severity.WARNING, message));
    }

    public void error(Place at, String message) {
        error(at.file(), at.line(), at.column(), message);
    }

    public void warning(Place at, String message) {
        warning(at.file(), at.line(), at.column(), message);
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** All problems, sorted by place, so that the report is the same on every run. */
    public synchronized List<Problem> sorted() {
        return list.stream().sorted().distinct().toList();
    }

    public synchronized long count(Severity severity) {
        return list.stream().filter(p -> p.severity() == severity).distinct().count();
    }

    /** Throws {@link BuildFailedException} when any error was collected. */
    public void throwIfErrors() {
        if (hasErrors()) throw new BuildFailedException(this);
    }
}
