package rongguang.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rongguang.problems.Severity;

/** Prints a {@link Report} for people (text) or for machines (JSON). */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /**
     * Errors, then warnings, each as {@code path:line:column: 级别: message [rule]}; then the count per rule, the
     * external links (each one with {@code listExternal}) and a summary line.
     */
    public static void text(Report report, boolean listExternal, PrintWriter out) {
        Severity group = null;
        for (Finding f : report.findings()) {
            if (group != null && f.severity() != group) out.println();
            group = f.severity();
            out.println(f.format());
        }
        if (!report.findings().isEmpty()) {
            out.println();
            out.println("按检查项统计：");
            report.countsByRule().forEach((rule, n) -> {
                List<String> parts = new ArrayList<>();
                if (n[0] > 0) parts.add(n[0] + " 个错误");
                if (n[1] > 0) parts.add(n[1] + " 个警告");
                out.printf(Locale.ROOT, "  %-22s %s：%s%n", rule.id(), rule.label(), String.join("，", parts));
            });
        }
        if (listExternal && !report.external().isEmpty()) {
            out.println();
            out.println("外部链接（只列出，不访问）：");
            for (ExternalLink x : report.external()) {
                out.println("  " + x.url() + "  " + x.pages() + " 个页面，如 " + x.firstPage());
            }
        }
        out.println();
        if (!report.external().isEmpty()) {
            out.println("外部链接 " + report.external().size() + " 个，未访问" + (listExternal ? "。" : "（加 --external 列出）。"));
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        if (report.findings().stream().anyMatch(f -> f.rule() == Rule.CONFIG && f.severity() == Severity.ERROR)) {
            out.println("content/check.json 有错误，改正后才能检查：" + errors + " 个错误，" + warnings + " 个警告。");
            out.flush();
            return;
        }
        String what = "检查了 " + report.pages() + " 个页面、" + report.articles() + " 篇文章、" + report.dataFiles() + " 个数据文件";
        out.println(errors + warnings == 0 ? what + "：没有发现问题。" : what + "：" + errors + " 个错误，" + warnings + " 个警告。");
        out.flush();
    }

    /** One JSON document: the findings with file, line, column, severity, rule, message and text; counts; external links. */
    public static void json(Report report, PrintWriter out) throws java.io.IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("errors", report.count(Severity.ERROR));
        doc.put("warnings", report.count(Severity.WARNING));
        doc.put("pages", report.pages());
        doc.put("articles", report.articles());
        doc.put("dataFiles", report.dataFiles());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("column", f.column());
            m.put("severity", f.severity() == Severity.ERROR ? "error" : "warning");
            m.put("rule", f.rule().id());
            m.put("message", f.message());
            m.put("text", f.text());
            findings.add(m);
        }
        doc.put("findings", findings);
        Map<String, Object> counts = new LinkedHashMap<>();
        report.countsByRule().forEach((rule, n) -> counts.put(rule.id(), Map.of("errors", n[0], "warnings", n[1])));
        doc.put("counts", counts);
        List<Map<String, Object>> external = new ArrayList<>();
        for (ExternalLink x : report.external()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", x.url());
            m.put("pages", x.pages());
            m.put("firstPage", x.firstPage());
            external.add(m);
        }
        doc.put("externalLinks", external);
        out.println(JSON.writeValueAsString(doc));
        out.flush();
    }
}
