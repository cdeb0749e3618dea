package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import rongguang.testing.TestSite;

/**
 * A test site served for real on a free loopback port, with an HTTP client and a raw socket to talk to it. Waiting
 * is always polling against a generous deadline: the machine may be loaded.
 */
final class ServedSite implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Short, so that a closed event stream is noticed quickly. */
    static final Duration KEEP_ALIVE = Duration.ofMillis(100);

    final TestSite site;
    final PreviewFolder folder;
    final PreviewServer server;
    /** Every build's outcome, the first included, in order. */
    final List<Outcome> outcomes;
    final List<String> warnings;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(DEADLINE)
            .build();

    private ServedSite(TestSite site, PreviewFolder folder, PreviewServer server, List<Outcome> outcomes,
                       List<String> warnings) {
        this.site = site;
        this.folder = folder;
        this.server = server;
        this.outcomes = outcomes;
        this.warnings = warnings;
    }

    static ServedSite start(TestSite site) throws IOException {
        PreviewFolder folder = PreviewFolder.create();
        RecordingListener listener = new RecordingListener();
        PreviewServer.Config config = new PreviewServer.Config("127.0.0.1", 0, false,
                PreviewServer.Config.QUIET_PERIOD, KEEP_ALIVE);
        PreviewServer server;
        try {
            server = PreviewServer.start(site.dir(), new IncrementalPreview(site.dir(), folder.siteRoot(), TestSite.NOW),
                    config, listener);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
        return new ServedSite(site, folder, server, listener.outcomes, listener.warnings);
    }

    int port() {
        return server.address().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(DEADLINE)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> sendBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(DEADLINE).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs {@code path} until the response satisfies {@code condition}, and returns that response. */
    /**
     * The outcomes once there are at least {@code count}: a build is reported when it is whole, a moment after
     * its pages reload (the search index comes last).
     */
    List<Outcome> awaitOutcomes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (outcomes.size() < count && System.nanoTime() < deadline) Thread.sleep(10);
        return outcomes;
    }

    HttpResponse<String> awaitPage(String path, String what, Predicate<HttpResponse<String>> condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last;
        do {
            last = get(path);
            if (condition.test(last)) return last;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " never showed " + what + " within " + DEADLINE.toSeconds()
                + " s; last answer " + last.statusCode() + ":\n" + last.body());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %d s for %s", DEADLINE.toSeconds(), what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Sends a request exactly as written (no client normalizes it) and returns the whole raw answer. */
    String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static int statusOf(String rawAnswer) {
        assertThat(rawAnswer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(rawAnswer.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        server.close();
        folder.close();
    }
}
