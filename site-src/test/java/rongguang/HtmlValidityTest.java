package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.HtmlChecker;
import rongguang.testing.TestSite;

/** Every generated HTML page passes the W3C Nu Html Checker with zero errors, published and preview builds alike. */
class HtmlValidityTest {

    @Test
    void everyPageOfThePublishedSiteIsValid(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("output");
        TestSite.build(TestSite.SAMPLE, out, false, new Problems());
        assertThat(errors(out)).isEmpty();
    }

    @Test
    void everyPageOfThePreviewIsValid(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("preview");
        TestSite.build(TestSite.SAMPLE, out, true, new Problems());
        assertThat(errors(out)).isEmpty();
    }

    @Test
    void theCheckerCatchesAnInvalidPage(@TempDir Path tmp) throws IOException {
        Path page = tmp.resolve("bad.html");
        java.nio.file.Files.writeString(page, "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>x</title>"
                + "</head><body><span><div>块</div></span><img src=a.png></body></html>");
        assertThat(new HtmlChecker().errors(page)).hasSize(2);
    }

    /** Checks pages on two threads, one checker each (a checker is not thread-safe). */
    private static List<String> errors(Path out) throws Exception {
        List<String> pages = TestSite.files(out).stream().filter(f -> f.endsWith(".html")).toList();
        assertThat(pages).hasSizeGreaterThan(100);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slice = t;
                jobs.add(pool.submit(() -> {
                    HtmlChecker checker = new HtmlChecker();
                    for (int i = slice; i < pages.size(); i += threads) errors.addAll(checker.errors(out.resolve(pages.get(i))));
                    return null;
                }));
            }
            for (Future<?> job : jobs) job.get();
        } finally {
            pool.shutdown();
        }
        return errors.stream().sorted().toList();
    }
}
