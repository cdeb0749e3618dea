package rongguang.problems;

/** How bad a problem is: errors stop the build, warnings are reported and the build goes on. */
public enum Severity {
    ERROR("错误"),
    WARNING("警告");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
