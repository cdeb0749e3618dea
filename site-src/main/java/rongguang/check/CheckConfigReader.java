package rongguang.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import rongguang.load.Fields;
import rongguang.load.SourceFiles;
import rongguang.load.Tree;
import rongguang.problems.Problems;
import rongguang.problems.Severity;
import rongguang.text.Suggestions;

/**
 * Reads {@code content/check.json}; a site without one is checked with {@link CheckConfig#defaults()}. Mistakes
 * are reported like those of every other content file: errors and unknown keys (warnings, with the nearest known
 * key suggested) at their line and column.
 */
final class CheckConfigReader {
    static final String FILE = "content/check.json";
    private static final Set<String> KEYS = Set.of("rules", "merchantWarningDays", "markers", "wordings");
    private static final Set<String> WORDING_KEYS = Set.of("avoid", "prefer", "note");
    private static final String LEVELS = "“off”（关闭）、“warning”（警告）或“error”（错误）";

    private CheckConfigReader() {}

    /** The settings; null when the file has errors (reported to {@code problems}, which holds only these). */
    static CheckConfig read(Path siteDir, Problems problems) {
        Path file = siteDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return CheckConfig.defaults();
        String text = SourceFiles.text(file, FILE, problems);
        if (text == null) return null;
        Tree tree = SourceFiles.tree(SourceFiles.JSON, FILE, text, 0, problems);
        if (tree == null) return null;
        if (!tree.root.isObject()) {
            problems.error(FILE, 1, 1, "check.json 应为一个对象 {…}，如 {\"rules\": {\"exemplar-photo\": \"off\"}}");
            return null;
        }
        Fields f = new Fields(tree, "", tree.root, problems);
        f.warnUnknown(KEYS);
        Map<Rule, Severity> severities = rules(tree, problems);
        Integer days = f.integer("merchantWarningDays", 0, 366);
        List<CheckConfig.Marker> markers = f.has("markers") ? markers(f, problems) : CheckConfig.DEFAULT_MARKERS;
        List<CheckConfig.Wording> wordings = f.objects("wordings", false, w -> {
            w.warnUnknown(WORDING_KEYS);
            String avoid = w.string("avoid", true);
            String prefer = w.string("prefer", false);
            if (avoid != null && avoid.equals(prefer)) w.error("prefer", "“prefer”与“avoid”相同");
            return avoid == null ? null : new CheckConfig.Wording(avoid, prefer, w.string("note", false));
        });
        if (problems.hasErrors()) return null;
        return new CheckConfig(severities,
                days == null ? CheckConfig.DEFAULT_MERCHANT_WARNING_DAYS : days, markers, wordings);
    }

    /** {@code "rules": {"id": "off" | "warning" | "error" | false | true}}; rules not named keep their default. */
    private static Map<Rule, Severity> rules(Tree tree, Problems problems) {
        Map<Rule, Severity> out = new EnumMap<>(CheckConfig.defaults().severities());
        JsonNode rules = tree.root.get("rules");
        if (rules == null || rules.isNull()) return out;
        String pointer = Tree.child("", "rules");
        if (!rules.isObject()) {
            error(tree, problems, tree.valueAt(pointer), "“rules”应为对象，如 {\"exemplar-photo\": \"off\"}，实际是"
                    + Fields.kind(rules));
            return out;
        }
        List<String> ids = Arrays.stream(Rule.values()).filter(Rule::configurable).map(Rule::id).toList();
        for (Map.Entry<String, JsonNode> e : rules.properties()) {
            String member = Tree.child(pointer, e.getKey());
            Rule rule = Rule.byId(e.getKey());
            if (rule == null || !rule.configurable()) {
                String hint = Suggestions.nearest(e.getKey(), ids).map(k -> "，是否应为“" + k + "”？").orElse("");
                Tree.Position at = tree.keyAt(member);
                problems.warning(tree.file, at.line(), at.column(), "没有名为“" + e.getKey() + "”的检查项，将被忽略" + hint);
                continue;
            }
            JsonNode v = e.getValue();
            String level = v.isBoolean() ? (v.booleanValue() ? "default" : "off") : v.isTextual() ? v.asText() : "";
            switch (level) {
                case "off" -> out.remove(rule);
                case "default" -> out.put(rule, rule.defaultSeverity());
                case "warning" -> out.put(rule, Severity.WARNING);
                case "error" -> out.put(rule, Severity.ERROR);
                default -> error(tree, problems, tree.valueAt(member),
                        "检查项“" + rule.id() + "”的值应为" + LEVELS + "，实际是" + Fields.kind(v));
            }
        }
        return out;
    }

    private static List<CheckConfig.Marker> markers(Fields f, Problems problems) {
        List<CheckConfig.Marker> out = new ArrayList<>();
        for (String written : f.strings("markers")) {
            try {
                out.add(CheckConfig.Marker.of(written));
            } catch (PatternSyntaxException e) {
                Tree.Position at = f.positionOf("markers", written);
                problems.error(f.tree().file, at.line(), at.column(), "“" + written + "”不是有效的正则表达式（写在两个 / 之间的标记按正则表达式匹配）："
                        + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    private static void error(Tree tree, Problems problems, Tree.Position at, String message) {
        problems.error(tree.file, at.line(), at.column(), message);
    }
}
