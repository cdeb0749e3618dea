package rongguang.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import rongguang.serve.IncrementalPreview;
import rongguang.serve.Outcome;
import rongguang.serve.PreviewFolder;
import rongguang.serve.PreviewServer;

/**
 * Save-to-reload time of {@code serve}: starts the dev server on a site, listens to its reload events as a browser
 * does (over HTTP on loopback), then saves one article again and again and measures from the end of each save to
 * the arrival of the reload event.
 */
public final class ReloadBenchmark {
    private final Path site;
    private final int edits;
    private final int warmup;

    public ReloadBenchmark(Path site, int edits, int warmup) {
        this.site = site.toAbsolutePath().normalize();
        this.edits = edits;
        this.warmup = warmup;
    }

    /** Runs the edits and returns the save-to-reload times in milliseconds, in order. */
    public List<Double> run(PrintWriter out) throws IOException, InterruptedException {
        Path article;
        try (Stream<Path> walk = Files.walk(site.resolve("content/articles"))) {
            article = walk.filter(p -> p.toString().endsWith(".md")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("站点没有文章：" + site));
        }
        String original = Files.readString(article);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        List<Double> times = new ArrayList<>();
        Quiet listener = new Quiet();
        try (PreviewFolder folder = PreviewFolder.create();
             PreviewServer server = PreviewServer.start(site, new IncrementalPreview(site, folder.siteRoot(), null),
                     PreviewServer.Config.loopback(0), listener)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(server.url().resolve("/__rongguang/events"))
                    .header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                    response.body().filter(l -> l.startsWith("event:")).forEach(l -> events.add(l.substring(6).strip())));
            waitForListener(server);
            listener.builds.clear();
            for (int i = 0; i < warmup + edits; i++) {
                events.clear();
                String text = original + "\n第 " + (i + 1) + " 次修改。\n";
                JvmCounters before = JvmCounters.now();
                long start = System.nanoTime();
                Files.writeString(article, text, StandardCharsets.UTF_8);
                String event = events.poll(60, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - start) / 1e6;
                JvmCounters toReload = JvmCounters.now().since(before);
                if (event == null) throw new IOException("60 秒内没有收到重新加载事件");
                if (!event.equals("reload")) throw new IOException("重新构建失败（事件 " + event + "）");
                // the search index is written after the reload: the next save waits for the whole build, as an
                // editor's next save does, rather than queue behind it
                if (listener.builds.poll(60, TimeUnit.SECONDS) == null) throw new IOException("60 秒内没有构建完");
                JvmCounters build = JvmCounters.now().since(before);
                if (i >= warmup) {
                    times.add(ms);
                    out.printf(Locale.ROOT, "第 %2d 次保存 → 重新加载：%.1f ms（%s；其中垃圾回收 %d 次 %d ms；整次构建分配 %.1f MB）%n",
                            i - warmup + 1, ms, listener.stages, toReload.gcCount(), toReload.gcMillis(),
                            build.allocatedBytes() / 1e6);
                    out.flush();
                }
            }
        } finally {
            Files.writeString(article, original, StandardCharsets.UTF_8);
        }
        return times;
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void waitForListener(PreviewServer server) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.listeners() == 0) {
            if (System.nanoTime() > deadline) throw new IOException("无法连接到重新加载事件");
            Thread.sleep(10);
        }
    }

    /** Keeps only the last build's stage times, printed beside each measurement, and tells each build's end. */
    private static final class Quiet implements PreviewServer.Listener {
        volatile String stages = "";
        final BlockingQueue<Outcome> builds = new LinkedBlockingQueue<>();

        @Override
        public void built(Outcome outcome) {
            stages = outcome.stages();
            builds.add(outcome);
        }

        @Override
        public void warning(String message) {
        }
    }
}
