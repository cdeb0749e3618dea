package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.CommandProcess;
import rongguang.testing.TestSite;

/** {@code rongguang serve} as a user runs it: in a process of its own, stopped by a signal. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void servesThePreviewAndCleansUpOnTermination() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10)
                .article("a", "第一篇", "2025-01-01")
                .article("d", "草稿一篇", "2025-01-02", "draft: true");
        Path output = site.dir().resolve("output");
        site.build(output, false, new Problems());
        Map<String, byte[]> before = TestSite.snapshot(output);

        List<String> err;
        try (CommandProcess serve = CommandProcess.start(
                "serve", "--site", site.dir().toString(), "--port", "0", "--now", "2026-11-22")) {
            String address = serve.awaitLine("预览地址：").substring("预览地址：".length());
            assertThat(address).matches("http://127\\.0\\.0\\.1:\\d+/sy/");
            String folderLine = serve.awaitLine("预览写在临时文件夹 ");
            Path previewFolder = Path.of(folderLine.substring("预览写在临时文件夹 ".length(), folderLine.indexOf('，')));
            assertThat(previewFolder).isDirectory();

            HttpClient http = HttpClient.newBuilder().connectTimeout(ServedSite.DEADLINE).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(address + "articles/d/"))
                    .timeout(ServedSite.DEADLINE).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("草稿一篇").contains("/__rongguang/live.js");

            assertThat(serve.stop()).isTrue();
            serve.awaitLine("预览已停止");
            assertThat(previewFolder.getParent()).doesNotExist();
            err = serve.err();
        }
        // log4j 1 is on the test class path only (the HTML validator brings it), and FreeMarker finds it there
        assertThat(err).filteredOn(line -> !line.startsWith("log4j:"))
                .as("nothing on stderr: no log lines, no stack traces").isEmpty();
        Map<String, byte[]> after = TestSite.snapshot(output);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((f, bytes) -> assertThat(after.get(f)).as(f).isEqualTo(bytes));
    }

    @Test
    void aTakenPortIsAPlainError() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("a", "第一篇", "2025-01-01");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = TestSite.runCli(err, "serve", "--site", site.dir().toString(),
                    "--port", String.valueOf(taken.getLocalPort()));
            assertThat(status).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("无法在 127.0.0.1:" + taken.getLocalPort() + " 上监听")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 10);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(TestSite.runCli(err, "serve", "--site", site.dir().toString(), "--port", "70000")).isEqualTo(2);
        assertThat(TestSite.runCli(err, "serve", "--site", site.dir().toString(), "--now", "明天")).isEqualTo(2);
        assertThat(TestSite.runCli(err, "serve", "--site", tmp.resolve("nothing").toString())).isEqualTo(2);
        assertThat(TestSite.runCli(err, "serve", "--site", site.dir().toString(), "--bind", "no.such.host.invalid"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--port 应在 0 到 65535 之间").contains("--now 应为").contains("没有 content/ 文件夹")
                .contains("--bind 应为本机的一个地址");
    }
}
