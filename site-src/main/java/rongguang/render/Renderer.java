package rongguang.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rongguang.problems.Problems;

/** Renders planned pages, on every core, handing each result to a {@link Sink}; template errors become problems. */
public final class Renderer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Configuration templates;
    private final Problems problems;

    /** Where rendered pages go. Called from many threads. */
    @FunctionalInterface
    public interface Sink {
        void write(String file, byte[] content) throws IOException;
    }

    public Renderer(Configuration templates, Problems problems) {
        this.templates = templates;
        this.problems = problems;
    }

    public void renderAll(List<Page> pages, Sink sink) {
        Map<Failure, List<String>> failures = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(page -> {
            try {
                byte[] bytes = render(page, failures);
                if (bytes != null) sink.write(page.file(), bytes);
            } catch (IOException e) {
                problems.error(page.file(), 0, 0, "无法写入：" + e.getMessage());
            }
        });
        failures.forEach((f, files) -> {
            List<String> sorted = files.stream().sorted().toList();
            String others = sorted.size() > 1 ? "（另有 " + (sorted.size() - 1) + " 个页面同样出错）" : "";
            problems.error(f.file(), f.line(), f.column(), "渲染 " + sorted.get(0) + " 时模板出错：" + f.message() + others);
        });
    }

    /** One template mistake breaks every page that uses it; it is reported once, with the number of pages. */
    private record Failure(String file, int line, int column, String message) {}

    /** The page's bytes, or null after reporting a template problem. */
    byte[] render(Page page, Map<Failure, List<String>> failures) throws IOException {
        if (page instanceof Page.Json json) return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.value());
        return renderTemplate((Page.Templated) page, failures);
    }

    private byte[] renderTemplate(Page.Templated page, Map<Failure, List<String>> failures) throws IOException {
        Template template;
        try {
            template = templates.getTemplate(page.template());
        } catch (ParseException e) {
            problems.error(templateFile(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber(),
                    "模板语法错误：" + e.getEditorMessage());
            return null;
        } catch (freemarker.template.TemplateNotFoundException e) {
            problems.error("templates/" + page.template(), 0, 0, "找不到模板（渲染 " + page.file() + " 时需要它）");
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            template.process(page.variables(), out);
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : page.template();
            Failure f = new Failure(templateFile(source), e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(), describe(e.getMessageWithoutStackTop()));
            failures.computeIfAbsent(f, k -> Collections.synchronizedList(new ArrayList<>())).add(page.file());
            return null;
        }
        return bytes.toByteArray();
    }

    private static String templateFile(String name) {
        return "templates/" + name;
    }

    /**
     * FreeMarker names the failing expression on a line of its own ({@code ==> article.x  [in template …]});
     * keep it, and say the common case in plain words.
     */
    static String describe(String message) {
        String m = message == null ? "" : message.strip();
        String first = m.lines().findFirst().orElse("").strip();
        String expression = m.lines()
                .filter(l -> l.startsWith("==> "))
                .map(l -> l.substring(4).replaceFirst("\\s+\\[in template.*$", "").strip())
                .findFirst().orElse(null);
        if (expression == null) return first;
        if (first.startsWith("The following has evaluated to null or missing")) {
            return "“" + expression + "”的值不存在（null 或缺失）；可能缺失的值请写成 " + expression + "! 或用 "
                    + expression + "?? 判断";
        }
        return first + "（" + expression + "）";
    }
}
