package rongguang.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import rongguang.write.FileStamp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rongguang.assets.ImageInfo;
import rongguang.assets.ImageTags;
import rongguang.concurrent.Parallel;
import rongguang.problems.Problems;

/** Renders planned pages, on every core, handing each result to a {@link Sink}; template errors become problems. */
public final class Renderer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The prefix of the dependency a page records for an image under media/ it shows. */
    static final String MEDIA_PREFIX = "media:";

    private static final String[] NO_TEXTS = {};
    private final Configuration templates;
    private final Problems problems;
    private final Map<String, ImageInfo> images;

    /** Where rendered pages go. Called from many threads. */
    public interface Sink {
        /** Writes a page and tells how the file was written. */
        FileStamp write(String file, byte[] content) throws IOException;

        /** Keeps the file the current output has for a page, if it is still the one written then; false if not. */
        boolean keep(String file, FileStamp stamp) throws IOException;

        /**
         * Keeps files that the output holds as the last build in this process wrote them, without looking at each;
         * false, keeping nothing, when the output cannot vouch for its files (then each page is kept with
         * {@link #keep}).
         */
        default boolean keepAsWritten(Collection<String> files) {
            return false;
        }
    }

    /**
     * Pages rendered and written, pages kept unchanged from the previous build, pages whose fingerprint was worked
     * out (once or twice), and the records for the next build.
     */
    public record Outcome(int written, int unchanged, int fingerprinted, Map<String, PageRecord> records) {}

    /** @param images the images under media/, whose tags each HTML page completes (see {@link ImageTags}) */
    public Renderer(Configuration templates, Problems problems, Map<String, ImageInfo> images) {
        this.templates = templates;
        this.problems = problems;
        this.images = images;
    }

    /**
     * Renders the pages on every core. A page whose fingerprint is the one recorded by the previous build keeps
     * its file, and so does a page that {@code changes} cannot reach; every other page is rendered, and what it
     * read of {@code site} is recorded.
     *
     * @param progress called with the number of pages done so far, from any thread
     */
    public Outcome renderAll(List<Page> pages, Fingerprints fingerprints, PageChanges changes,
                             Map<String, PageRecord> previous, Sink sink, IntConsumer progress) {
        if (changes.isLimited() && pages.size() == previous.size()) {
            Outcome reached = renderReached(pages, fingerprints, changes, previous, sink, progress);
            if (reached != null) return reached;
        }
        Pass pass = new Pass(fingerprints, changes, previous, sink, new ConcurrentHashMap<>(pages.size()));
        Parallel.forEach(pages, page -> {
            pass.render(page);
            progress.accept(pass.done.incrementAndGet());
        });
        // not copied: a dev server's rebuild would copy 16,495 records to change one
        return pass.outcome(Collections.unmodifiableMap(pass.records));
    }

    /**
     * Only the pages that {@code changes} reaches, when the build plans the pages of the last one (the same shape
     * does) and the output holds their files as that build wrote them: the other pages' records and files are
     * taken as a whole, not page by page. At 10,000 articles, looking at each of 16,495 pages cost a dev server's
     * save about 15 ms. Null when this does not apply.
     */
    private Outcome renderReached(List<Page> pages, Fingerprints fingerprints, PageChanges changes,
                                  Map<String, PageRecord> previous, Sink sink, IntConsumer progress) {
        Set<String> reachedFiles = new HashSet<>();
        for (PageRecord r : previous.values()) if (changes.reach(r)) reachedFiles.add(r.file());
        List<Page> reached = new ArrayList<>();
        for (Page page : pages) {
            if (page instanceof Page.Json || reachedFiles.contains(page.file())) reached.add(page);
        }
        Set<String> reachedPages = new HashSet<>();
        for (Page page : reached) reachedPages.add(page.file());
        if (!reachedPages.containsAll(reachedFiles)) return null;   // not the pages of the last build after all
        List<String> kept = new ArrayList<>(previous.size());
        for (String file : previous.keySet()) if (!reachedPages.contains(file)) kept.add(file);
        if (!sink.keepAsWritten(kept)) return null;
        Pass pass = new Pass(fingerprints, changes, previous, sink, new ConcurrentHashMap<>());
        Parallel.forEach(reached, pass::render);
        Map<String, PageRecord> records = new HashMap<>(previous);
        records.putAll(pass.records);
        pass.unchanged.addAndGet(kept.size());
        progress.accept(pages.size());
        return pass.outcome(Collections.unmodifiableMap(records));
    }

    /** One rendering of pages into new records, with its counts; {@link #render} is called from many threads. */
    private final class Pass {
        final Fingerprints fingerprints;
        final PageChanges changes;
        final Map<String, PageRecord> previous;
        final Sink sink;
        final Map<String, PageRecord> records;
        final Map<Failure, List<String>> failures = new ConcurrentHashMap<>();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger fingerprinted = new AtomicInteger();
        /** Pages read the same few sets of members: one set object for each, shared by the records. */
        final Map<Set<String>, Set<String>> memberSets = new ConcurrentHashMap<>();

        Pass(Fingerprints fingerprints, PageChanges changes, Map<String, PageRecord> previous, Sink sink,
             Map<String, PageRecord> records) {
            this.fingerprints = fingerprints;
            this.changes = changes;
            this.previous = previous;
            this.sink = sink;
            this.records = records;
        }

        void render(Page page) {
            String file = page.file();
            try {
                PageRecord before = previous.get(file);
                boolean compared = before != null && changes.reach(page, before);
                if (compared) fingerprinted.incrementAndGet();
                if (before != null && (!compared || Arrays.equals(before.fingerprint(),
                        fingerprints.of(page, before.members(), before.texts())))
                        && sink.keep(file, before.stamp())) {
                    records.put(file, before);
                    unchanged.incrementAndGet();
                } else {
                    Set<String> members = ConcurrentHashMap.newKeySet();
                    Set<String> texts = new TreeSet<>();
                    byte[] bytes = Renderer.this.render(page, members, texts, failures);
                    if (bytes != null) {
                        FileStamp stamp = sink.write(file, bytes);
                        String[] read = texts.isEmpty() ? NO_TEXTS : texts.toArray(NO_TEXTS);
                        byte[] fingerprint = fingerprints.of(page, members, read);
                        if (!compared) fingerprinted.incrementAndGet();
                        records.put(file, new PageRecord(file, fingerprint,
                                memberSets.computeIfAbsent(Set.copyOf(members), m -> m), read, stamp));
                        written.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                problems.error(file, 0, 0, "无法写入：" + e.getMessage());
            }
            if (page instanceof Page.Templated templated) templated.forget();
        }

        Outcome outcome(Map<String, PageRecord> all) {
            failures.forEach((f, files) -> {
                List<String> sorted = files.stream().sorted().toList();
                String others = sorted.size() > 1 ? "（另有 " + (sorted.size() - 1) + " 个页面同样出错）" : "";
                problems.error(f.file(), f.line(), f.column(),
                        "渲染 " + sorted.get(0) + " 时模板出错：" + f.message() + others);
            });
            return new Outcome(written.get(), unchanged.get(), fingerprinted.get(), all);
        }
    }

    /** One template mistake breaks every page that uses it; it is reported once, with the number of pages. */
    private record Failure(String file, int line, int column, String message) {}

    /** The page's bytes, or null after reporting a template problem. */
    byte[] render(Page page, Set<String> members, Set<String> texts, Map<Failure, List<String>> failures)
            throws IOException {
        if (page instanceof Page.Json json) return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.value());
        return renderTemplate((Page.Templated) page, members, texts, failures);
    }

    private byte[] renderTemplate(Page.Templated page, Set<String> members, Set<String> texts,
                                  Map<Failure, List<String>> failures) throws IOException {
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
        StringWriter out = new StringWriter(16 * 1024);
        try {
            Environment env = template.createProcessingEnvironment(page.variables(), out);
            SiteDependencies.record(env, members);
            TextReads.record(env, TextReads.own(page.variables(), texts));
            env.process();
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : page.template();
            Failure f = new Failure(templateFile(source), e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(), describe(e.getMessageWithoutStackTop()));
            failures.computeIfAbsent(f, k -> Collections.synchronizedList(new ArrayList<>())).add(page.file());
            return null;
        }
        String text = out.toString();
        if (page.file().endsWith(".html")) {
            text = ImageTags.complete(text, String.valueOf(page.variables().get("root")), images,
                    path -> members.add(MEDIA_PREFIX + path));
        }
        return text.getBytes(StandardCharsets.UTF_8);
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
