package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rongguang.testing.TestSite;

/**
 * Requests that try to leave the preview root, sent on a raw socket exactly as written: a secret lies in the
 * folder that holds the root, another in the site folder, and a link inside the root points out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathEscapeTest {
    private static final String SECRET = "SECRET-7f3a";

    ServedSite served;

    @BeforeAll
    void serve(@TempDir Path tmp) throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("ok", "正常文章", "2025-01-01");
        site.write("secret.txt", SECRET);
        served = ServedSite.start(site);
        Files.writeString(served.folder.dir().resolve("secret.txt"), SECRET);
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(served.folder.siteRoot().resolve("linked"), outside);
        Files.createSymbolicLink(served.folder.siteRoot().resolve("linked.txt"), outside.resolve("secret.txt"));
    }

    @AfterAll
    void stop() throws IOException {
        served.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /../secret.txt HTTP/1.1",
            "GET /../../site/secret.txt HTTP/1.1",
            "GET /articles/../../secret.txt HTTP/1.1",
            "GET /sy/../../secret.txt HTTP/1.1",
            "GET /./../secret.txt HTTP/1.1",
            "GET /%2e%2e/secret.txt HTTP/1.1",
            "GET /%2E%2E/secret.txt HTTP/1.1",
            "GET /.%2e/secret.txt HTTP/1.1",
            "GET /articles/%2e%2e%2f%2e%2e%2fsecret.txt HTTP/1.1",
            "GET /%252e%252e/secret.txt HTTP/1.1",
            "GET /%252e%252e%252fsecret.txt HTTP/1.1",
            "GET /%c0%ae%c0%ae/secret.txt HTTP/1.1",
            "GET /..\\secret.txt HTTP/1.1",
            "GET /..;/secret.txt HTTP/1.1",
            "GET /articles/..;x=1/..;/secret.txt HTTP/1.1",
            "GET /..%5csecret.txt HTTP/1.1",
            "GET /..%5Csecret.txt HTTP/1.1",
            "GET /%5c..%5csecret.txt HTTP/1.1",
            "GET //secret.txt HTTP/1.1",
            "GET //etc/passwd HTTP/1.1",
            "GET /%2fetc%2fpasswd HTTP/1.1",
            "GET /etc/passwd HTTP/1.1",
            "GET /articles//../../secret.txt HTTP/1.1",
            "GET /robots.txt%00.html HTTP/1.1",
            "GET /%00 HTTP/1.1",
            "GET /robots.txt\u0000 HTTP/1.1",
            "GET /%0a../secret.txt HTTP/1.1",
            "GET /%ZZ/secret.txt HTTP/1.1",
            "GET /% HTTP/1.1",
            "GET /linked/secret.txt HTTP/1.1",
            "GET /linked.txt HTTP/1.1",
            "GET /sy/linked/secret.txt HTTP/1.1",
            "GET http://127.0.0.1/../secret.txt HTTP/1.1",
            "GET http://127.0.0.1/%2e%2e/secret.txt HTTP/1.1",
            "GET secret.txt HTTP/1.1",
            "GET ../secret.txt HTTP/1.1",
            "GET /__rongguang/../../secret.txt HTTP/1.1",
            "GET /__rongguang/%2e%2e/secret.txt HTTP/1.1",
    })
    void requestsThatTryToLeaveTheRootAreRefused(String requestLine) throws IOException {
        String answer = served.raw(requestLine);
        assertThat(ServedSite.statusOf(answer)).as(requestLine).isIn(400, 404);
        assertThat(answer).as(requestLine).doesNotContain(SECRET);
    }

    @Test
    void theSameServerStillServesOrdinaryPaths() throws IOException {
        assertThat(ServedSite.statusOf(served.raw("GET /articles/ok/ HTTP/1.1"))).isEqualTo(200);
        assertThat(ServedSite.statusOf(served.raw("GET /sy/articles/ok/ HTTP/1.1"))).isEqualTo(200);
        assertThat(ServedSite.statusOf(served.raw("GET /articles/%6fk/ HTTP/1.1"))).isEqualTo(200);
    }
}
