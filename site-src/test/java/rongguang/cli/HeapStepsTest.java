package rongguang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large site lets the heap grow in larger steps; a small one leaves the JVM as it was. */
class HeapStepsTest {
    @TempDir
    Path site;

    private static String minHeapFreeRatio() {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("MinHeapFreeRatio")
                .getValue();
    }

    @Test
    void theHeapGrowsInLargerStepsFromThreeThousandArticles() throws IOException {
        Path articles = Files.createDirectories(site.resolve("content/articles/2024"));
        for (int i = 0; i < HeapSteps.LARGE - 1; i++) Files.createFile(articles.resolve("a" + i + ".md"));
        Files.createFile(articles.resolve("notes.txt"));
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        vm.setVMOption("MinHeapFreeRatio", "40");   // the default, whatever ran in this JVM before
        try {
            assertThat(HeapSteps.articles(site.resolve("content/articles"), HeapSteps.LARGE))
                    .isEqualTo(HeapSteps.LARGE - 1);
            HeapSteps.forSite(site);
            assertThat(minHeapFreeRatio()).as("one article short").isEqualTo("40");

            Files.createFile(articles.resolve("last.md"));
            HeapSteps.forSite(site);
            assertThat(minHeapFreeRatio()).isEqualTo("70");
            assertThat(HeapSteps.articles(site.resolve("no-such-folder"), 10)).isZero();
        } finally {
            vm.setVMOption("MinHeapFreeRatio", "40");
        }
    }
}
