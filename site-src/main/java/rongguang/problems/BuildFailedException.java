package rongguang.problems;

/** The input has errors; the build stops and the previous output stays as it was. */
public final class BuildFailedException extends RuntimeException {
    private final transient Problems problems;

    public BuildFailedException(Problems problems) {
        super(problems.count(Severity.ERROR) + " error(s)");
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }
}
