package rongguang.check;

import rongguang.problems.Severity;

/**
 * What {@code check} looks for, each with a stable id (used in {@code content/check.json}, in the report and in
 * the JSON output) and the severity it has unless check.json says otherwise.
 */
public enum Rule {
    LINK("link", "站内链接", Severity.ERROR),
    FRAGMENT("fragment", "页内锚点", Severity.ERROR),
    MERCHANT_EXPIRED("merchant-expired", "商家审核过期", Severity.ERROR),
    MERCHANT_EXPIRING("merchant-expiring", "商家审核将到期", Severity.WARNING),
    HONOR_COUNT("honor-count", "荣誉次数与年份不符", Severity.ERROR),
    EXEMPLAR_PHOTO("exemplar-photo", "人物缺照片", Severity.WARNING),
    IMAGE_ALT("image-alt", "图片缺替代文字", Severity.WARNING),
    PUNCTUATION("punctuation", "半角标点", Severity.WARNING),
    SPACES("spaces", "多余空格", Severity.WARNING),
    PAIRS("pairs", "引号括号不成对", Severity.WARNING),
    LINE_BREAK("line-break", "句中断行", Severity.WARNING),
    REPEATED_PUNCTUATION("repeated-punctuation", "重复标点", Severity.WARNING),
    MARKER("marker", "残留标记", Severity.ERROR),
    WORDING("wording", "规范用语", Severity.ERROR),
    /** Problems the build itself reports (bad input, template errors): always on, as in {@code build}. */
    BUILD("build", "构建", null),
    /** Problems in content/check.json itself. */
    CONFIG("config", "检查设置", null);

    private final String id;
    private final String label;
    private final Severity defaultSeverity;

    Rule(String id, String label, Severity defaultSeverity) {
        this.id = id;
        this.label = label;
        this.defaultSeverity = defaultSeverity;
    }

    public String id() {
        return id;
    }

    /** What the rule is about, in the words of the report's counts. */
    public String label() {
        return label;
    }

    /** The severity of the rule's findings by default; null for build and config problems, which keep theirs. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Whether check.json may switch the rule off or change its severity. */
    public boolean configurable() {
        return defaultSeverity != null;
    }

    /** The rule with this id, or null. */
    public static Rule byId(String id) {
        for (Rule r : values()) if (r.id.equals(id)) return r;
        return null;
    }
}
