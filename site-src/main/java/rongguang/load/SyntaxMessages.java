package rongguang.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parser errors in plain words, at the place an editor has to fix: an unclosed bracket at its opening, a
 * trailing comma at the comma. Messages the parsers word in their own terms keep that text after ours.
 */
final class SyntaxMessages {
    private SyntaxMessages() {}

    static Tree.SyntaxException yaml(MarkedYAMLException e, int lineOffset) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark();
        String message;
        if (context.contains("flow sequence") && e.getContextMark() != null) {
            at = e.getContextMark();
            message = "列表的方括号 [ 没有闭合：在最后一项后面加 ]";
        } else if (context.contains("flow mapping") && e.getContextMark() != null) {
            at = e.getContextMark();
            message = "花括号 { 没有闭合：在最后一项后面加 }";
        } else if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            message = "不能用 Tab 缩进，请改用空格";
        } else if (problem.contains("mapping values are not allowed")) {
            message = "这里不能出现“键: 值”：检查缩进是否与上一行对齐；值里有冒号时请给整个值加引号";
        } else if (context.contains("quoted scalar")) {
            at = e.getContextMark() != null ? e.getContextMark() : at;
            message = "引号没有闭合";
        } else {
            message = problem;
        }
        return new Tree.SyntaxException("YAML 语法错误：" + message, new Tree.Position(at.getLine() + 1 + lineOffset, at.getColumn() + 1));
    }

    static Tree.SyntaxException json(JsonProcessingException e, String text, int lineOffset) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().replaceAll("\\s*\\(code \\d+\\)", "");
        JsonLocation at = e.getLocation();
        Tree.Position position = at == null ? new Tree.Position(1 + lineOffset, 1)
                : new Tree.Position(Math.max(at.getLineNr(), 1) + lineOffset, Math.max(at.getColumnNr(), 1));
        if (original.startsWith("Unexpected character ('}')") || original.startsWith("Unexpected character (']')")) {
            Tree.Position comma = trailingComma(text, at);
            if (comma != null) {
                return new Tree.SyntaxException("JSON 语法错误：多余的逗号，最后一项后面不能有逗号", shift(comma, lineOffset));
            }
        }
        String message;
        if (original.contains("expected close marker for Object")) {
            message = "文件在花括号闭合之前就结束了：缺少 }";
        } else if (original.contains("expected close marker for Array")) {
            message = "文件在方括号闭合之前就结束了：缺少 ]";
        } else if (original.contains("was expecting comma to separate Object entries")) {
            message = "缺少逗号：两个键之间要用逗号分隔";
        } else if (original.contains("was expecting comma to separate Array entries")) {
            message = "缺少逗号：列表的两项之间要用逗号分隔";
        } else if (original.contains("was expecting double-quote to start field name")) {
            message = "键名要用英文双引号括起来，如 \"name\"";
        } else if (original.contains("Unrecognized token") || original.contains("Unexpected character")) {
            message = "无法识别的内容（文本要用英文双引号括起来）：" + firstLine(original);
        } else {
            message = firstLine(original);
        }
        return new Tree.SyntaxException("JSON 语法错误：" + message, position);
    }

    /** The comma before the closing bracket at {@code at}, skipping white space, or null. */
    private static Tree.Position trailingComma(String text, JsonLocation at) {
        if (at == null || at.getCharOffset() <= 0 || at.getCharOffset() > text.length()) return null;
        int i = (int) at.getCharOffset() - 1;
        if (i >= 0 && (text.charAt(i) == '}' || text.charAt(i) == ']')) i--; // the offset may be past the bracket
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        if (i < 0 || text.charAt(i) != ',') return null;
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Tree.Position(line, i - lineStart + 1);
    }

    private static Tree.Position shift(Tree.Position p, int lineOffset) {
        return new Tree.Position(p.line() + lineOffset, p.column());
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl > 0 ? message.substring(0, nl) : message).strip();
    }
}
