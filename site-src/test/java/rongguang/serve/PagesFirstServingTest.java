package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild that puts its pages in place before the search index: the server reloads pages at once, and a file
 * read between the two steps (cached for the generation) is not served stale once the index is written.
 */
class PagesFirstServingTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Writes the page, tells the server, has a request read the old index file, then writes the new one. */
    private final class PagesThenIndex implements Preview {
        private final Path root;
        volatile URI server;
        int builds;

        PagesThenIndex(Path root) {
            this.root = root;
        }

        @Override
        public Outcome buildAll() {
            write("index.html", "<!doctype html><title>t</title><p>第 0 版</p>");
            write("search/doc/0.json", "{\"text\":\"旧的\"}");
            return ok();
        }

        @Override
        public Outcome rebuild(Set<Path> changed) {
            return rebuild(changed, outcome -> { });
        }

        @Override
        public Outcome rebuild(Set<Path> changed, Consumer<Outcome> pagesReady) {
            builds++;
            write("index.html", "<!doctype html><title>t</title><p>第 " + builds + " 版</p>");
            pagesReady.accept(ok());
            // a page that reloaded at once asks for the index before it is written
            assertThat(get(server, "/search/doc/0.json")).contains("旧的");
            write("search/doc/0.json", "{\"text\":\"新的 " + builds + "\"}");
            return ok();
        }

        @Override
        public Path root() {
            return root;
        }

        private void write(String file, String text) {
            try {
                Files.createDirectories(root.resolve(file).getParent());
                Files.writeString(root.resolve(file), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Outcome ok() {
            return new Outcome(true, List.of(), 1, false, Duration.ZERO, "/", "");
        }
    }

    private String get(URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theIndexWrittenAfterThePagesIsServedOnceWritten() throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("content"));
        Files.createDirectories(site.resolve("templates"));
        PagesThenIndex preview = new PagesThenIndex(tmp.resolve("preview"));
        RecordingListener listener = new RecordingListener();
        List<Outcome> outcomes = listener.outcomes;
        try (PreviewServer server = PreviewServer.start(site, preview, PreviewServer.Config.loopback(0), listener)) {
            preview.server = server.url();
            assertThat(get(server.url(), "/search/doc/0.json")).contains("旧的");

            Files.writeString(site.resolve("content/a.md"), "改动");
            long deadline = System.nanoTime() + ServedSite.DEADLINE.toNanos();
            while (outcomes.size() < 2 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(outcomes).hasSize(2);

            assertThat(get(server.url(), "/")).contains("第 1 版");
            assertThat(get(server.url(), "/search/doc/0.json")).contains("新的 1");
        }
    }
}
