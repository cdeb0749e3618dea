package rongguang.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rongguang.problems.Problem;
import rongguang.problems.Severity;

/**
 * The errors of a failed build as a panel over the page, and the same as the data of a server-sent event, from
 * which live.js draws the same panel without a reload. Every text is escaped.
 */
final class Overlay {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "页面显示的是上一次成功构建的内容。改正后保存，页面会自动更新。";
    private static final String NOTE_NO_PREVIEW = "还没有成功构建过，暂时没有页面可以显示。改正后保存，页面会自动更新。";

    private Overlay() {}

    static String title(List<Problem> problems) {
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.size() - errors;
        return "预览构建失败：" + errors + " 个错误，" + warnings + " 个警告";
    }

    /** The panel; {@code hasPages} says whether the page beneath is a last good one or a placeholder. */
    static String html(List<Problem> problems, boolean hasPages) {
        StringBuilder out = new StringBuilder(256 + 128 * problems.size());
        out.append("<link rel=\"stylesheet\" href=\"/__rongguang/live.css\">\n")
                .append("<div id=\"rongguang-overlay\" role=\"alert\">\n<div class=\"rongguang-panel\">\n")
                .append("<p class=\"rongguang-title\">").append(escape(title(problems))).append("</p>\n")
                .append("<p class=\"rongguang-note\">").append(hasPages ? NOTE : NOTE_NO_PREVIEW).append("</p>\n")
                .append("<ol class=\"rongguang-problems\">\n");
        for (Problem p : problems) {
            out.append("<li class=\"rongguang-").append(severityName(p))
                    .append("\">").append(escape(p.format())).append("</li>\n");
        }
        return out.append("</ol>\n<button type=\"button\" class=\"rongguang-close\">关闭</button>\n</div>\n</div>\n")
                .toString();
    }

    /** The event data: {@code {"version", "ok", "title", "note", "problems": [{"text", "severity"}]}}, one line. */
    static String json(String version, boolean ok, List<Problem> problems, boolean hasPages) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", version);
        data.put("ok", ok);
        if (!ok) {
            data.put("title", title(problems));
            data.put("note", hasPages ? NOTE : NOTE_NO_PREVIEW);
            data.put("problems", problems.stream()
                    .map(p -> Map.of("text", p.format(), "severity", severityName(p)))
                    .toList());
        }
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    /** The class of a problem's line in the panel. */
    private static String severityName(Problem p) {
        return p.severity() == Severity.ERROR ? "error" : "warning";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
