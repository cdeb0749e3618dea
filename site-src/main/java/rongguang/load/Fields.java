package rongguang.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import rongguang.problems.Problems;
import rongguang.text.ControlCharacters;
import rongguang.text.Slugs;
import rongguang.text.Suggestions;

/**
 * Typed, validating access to one object of a {@link Tree}: every getter reports a missing or mistyped value as
 * a problem at its place and returns {@code null}, so that one file yields all its problems in one build.
 */
public final class Fields {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Written the right way, whether or not the day exists. */
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private final Tree tree;
    private final String pointer;
    private final JsonNode node;
    private final Problems problems;

    public Fields(Tree tree, String pointer, JsonNode node, Problems problems) {
        this.tree = tree;
        this.pointer = pointer;
        this.node = node;
        this.problems = problems;
    }

    String pointer() {
        return pointer;
    }

    public Tree tree() {
        return tree;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    // ---- reporting

    public void error(String key, String message) {
        Tree.Position at = tree.valueAt(Tree.child(pointer, key));
        problems.error(tree.file, at.line(), at.column(), message);
    }

    void errorHere(String message) {
        Tree.Position at = tree.valueAt(pointer);
        problems.error(tree.file, at.line(), at.column(), message);
    }

    /** Unknown keys are warnings, with the nearest known key suggested. */
    public void warnUnknown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (known.contains(key)) continue;
            String hint = Suggestions.nearest(key, known).map(k -> "，是否应为“" + k + "”？").orElse("");
            Tree.Position at = tree.keyAt(Tree.child(pointer, key));
            problems.warning(tree.file, at.line(), at.column(), "未知的键“" + key + "”，将被忽略" + hint);
        }
    }

    // ---- values

    /** The value of {@code key}, or null when it is absent (an error when it is required). */
    private JsonNode value(String key, boolean required) {
        JsonNode v = node.get(key);
        if (v != null && !v.isNull()) return v;
        if (required) errorHere("缺少必填的键“" + key + "”");
        return null;
    }

    public String string(String key, boolean required) {
        JsonNode v = value(key, required);
        if (v == null) return null;
        if (v.isTextual()) {
            String s = ControlCharacters.strip(v.asText()).strip();
            if (s.isEmpty() && required) {
                error(key, "“" + key + "”不能为空");
                return null;
            }
            return s.isEmpty() ? null : s;
        }
        error(key, "“" + key + "”应为文本，实际是" + kind(v));
        return null;
    }

    /** A list of strings; a single string is taken as a list of one, as editors often write {@code tags: 双拥}. */
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return List.of();
        if (v.isTextual()) {
            String text = ControlCharacters.strip(v.asText()).strip();
            return text.isEmpty() ? List.of() : List.of(text);
        }
        if (!v.isArray()) {
            error(key, "“" + key + "”应为文本列表，实际是" + kind(v));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String text = item.isTextual() ? ControlCharacters.strip(item.asText()).strip() : "";
            if (!text.isEmpty()) {
                if (!out.contains(text)) out.add(text);
            } else {
                Tree.Position at = tree.valueAt(Tree.child(Tree.child(pointer, key), i));
                problems.error(tree.file, at.line(), at.column(), "“" + key + "”的第 " + (i + 1) + " 项应为非空文本");
            }
        }
        return List.copyOf(out);
    }

    Boolean bool(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        error(key, "“" + key + "”应为 true 或 false，实际是" + kind(v));
        return null;
    }

    public Integer integer(String key, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            error(key, "“" + key + "”应为整数，实际是" + kind(v));
            return null;
        }
        int i = v.intValue();
        if (i < min || i > max) {
            error(key, "“" + key + "”应在 " + min + " 到 " + max + " 之间，实际是 " + i);
            return null;
        }
        return i;
    }

    Double number(String key, boolean required) {
        JsonNode v = value(key, required);
        if (v == null) return null;
        if (!v.isNumber()) {
            error(key, "“" + key + "”应为数字，实际是" + kind(v));
            return null;
        }
        return v.doubleValue();
    }

    java.math.BigDecimal decimal(String key, boolean required) {
        return number(key, required) == null ? null : node.get(key).decimalValue();
    }

    boolean isEmptyList(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isArray() && v.isEmpty();
    }

    List<Integer> integers(String key, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            error(key, "“" + key + "”应为整数列表，实际是" + kind(v));
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isIntegralNumber() && item.canConvertToInt() && item.intValue() >= min && item.intValue() <= max) {
                out.add(item.intValue());
            } else {
                Tree.Position at = tree.valueAt(Tree.child(Tree.child(pointer, key), i));
                problems.error(tree.file, at.line(), at.column(),
                        "“" + key + "”的第 " + (i + 1) + " 项应为 " + min + " 到 " + max + " 之间的整数，实际是" + kind(item));
            }
        }
        return List.copyOf(out);
    }

    String id(String key, boolean required) {
        String s = string(key, required);
        if (s != null && !Slugs.isValid(s)) {
            error(key, "“" + key + "”的值“" + s + "”不合规范：只能用小写字母、数字和连字符，如 changsha、tian-junling");
            return null;
        }
        return s;
    }

    List<String> ids(String key) {
        List<String> out = new ArrayList<>();
        List<String> raw = strings(key);
        for (int i = 0; i < raw.size(); i++) {
            if (Slugs.isValid(raw.get(i))) {
                out.add(raw.get(i));
            } else {
                Tree.Position at = tree.valueAt(Tree.child(Tree.child(pointer, key), i));
                problems.error(tree.file, at.line(), at.column(), "“" + raw.get(i) + "”不是合规的编号：只能用小写字母、数字和连字符");
            }
        }
        return List.copyOf(out);
    }

    LocalDate date(String key, boolean required) {
        String s = string(key, required);
        if (s == null) return null;
        try {
            if (DATE.matcher(s).matches()) return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(key, DATE_SHAPE.matcher(s).matches() ? noSuchDate(key, s)
                : "“" + key + "”应为日期 YYYY-MM-DD，实际是“" + s + "”");
        return null;
    }

    /** A date or an ISO date-time; a date is the start of that day, and times without an offset are in {@code zone}. */
    ZonedDateTime dateTime(String key, boolean required, ZoneId zone) {
        String s = string(key, required);
        if (s == null) return null;
        try {
            if (DATE.matcher(s).matches()) return LocalDate.parse(s).atStartOfDay(zone);
            String t = s.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t).atZoneSameInstant(zone);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(t).atZone(zone);
            }
        } catch (DateTimeParseException e) {
            error(key, DATE_SHAPE.matcher(s).matches() ? noSuchDate(key, s)
                    : "“" + key + "”应为日期 YYYY-MM-DD 或日期时间 YYYY-MM-DDTHH:MM:SS，实际是“" + s + "”");
            return null;
        }
    }

    private static String noSuchDate(String key, String s) {
        return "“" + key + "”的日期或时间“" + s + "”不存在，请检查月、日（如 2 月没有 30 日）和时、分";
    }

    URI httpUrl(String key, boolean required) {
        String s = string(key, required);
        if (s == null) return null;
        try {
            URI uri = new URI(s);
            if (uri.isAbsolute() && (s.startsWith("http://") || s.startsWith("https://")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        error(key, "“" + key + "”应为以 http:// 或 https:// 开头的完整网址，实际是“" + s + "”");
        return null;
    }

    /** A nested object, or null (with an error when present but not an object, or required and missing). */
    Fields object(String key, boolean required) {
        JsonNode v = value(key, required);
        if (v == null) return null;
        if (!v.isObject()) {
            error(key, "“" + key + "”应为对象 {…}，实际是" + kind(v));
            return null;
        }
        return new Fields(tree, Tree.child(pointer, key), v, problems);
    }

    /** Each object of a list, read by {@code reader}; items that are not objects are errors. */
    public <T> List<T> objects(String key, boolean required, Function<Fields, T> reader) {
        JsonNode v = value(key, required);
        if (v == null) return List.of();
        if (!v.isArray()) {
            error(key, "“" + key + "”应为列表 […]，实际是" + kind(v));
            return List.of();
        }
        List<T> out = new ArrayList<>();
        String listPointer = Tree.child(pointer, key);
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            Fields f = new Fields(tree, Tree.child(listPointer, i), item, problems);
            if (!item.isObject()) {
                f.errorHere("“" + key + "”的第 " + (i + 1) + " 项应为对象 {…}，实际是" + kind(item));
                continue;
            }
            T t = reader.apply(f);
            if (t != null) out.add(t);
        }
        return List.copyOf(out);
    }

    /** Where the value of {@code key} stands, or its first list item whose text is {@code item} (when not null). */
    public Tree.Position positionOf(String key, String item) {
        String p = Tree.child(pointer, key);
        JsonNode v = node.get(key);
        if (item != null && v != null && v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isTextual() && v.get(i).asText().strip().equals(item)) return tree.valueAt(Tree.child(p, i));
            }
        }
        return tree.valueAt(p);
    }

    public static String kind(JsonNode v) {
        if (v.isTextual()) return "文本“" + v.asText() + "”";
        if (v.isNumber()) return "数字 " + v.asText();
        if (v.isBoolean()) return "布尔值 " + v.asText();
        if (v.isArray()) return "列表";
        if (v.isObject()) return "对象";
        return "空值";
    }
}
