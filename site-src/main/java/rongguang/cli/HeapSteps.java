package rongguang.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Lets the heap grow in larger steps while a large site builds. The serial collector grows its old generation only
 * at a full collection, to keep {@code MinHeapFreeRatio} of it free (40 % by default); a site of thousands of
 * articles fills it again before the build is done, and the search index's postings then meet a full old
 * generation: one more full collection in the index stage, and young collections that fault in its new pages.
 * With 70 % free after a full collection, builds of 10,000 articles took 0.9 of the time with the index and 0.95
 * without it, for 12–29 MB more peak memory (BENCHMARKS.md). The flag is one the JVM lets a running program set.
 * Small sites keep the default: at 1,000 articles it cost 27 MB of peak memory and no time.
 */
final class HeapSteps {
    /** Articles from which a site counts as large. */
    static final int LARGE = 3_000;

    private HeapSteps() {}

    /** Sets the heap's steps for the site in {@code siteDir}: larger when it has {@link #LARGE} articles or more. */
    static void forSite(Path siteDir) {
        if (articles(siteDir.resolve("content/articles"), LARGE) < LARGE) return;
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .setVMOption("MinHeapFreeRatio", "70");
        } catch (RuntimeException e) {
            // a JVM without the flag, or MaxHeapFreeRatio set below 70 by the user: the default steps stay
        }
    }

    /** The Markdown files under {@code dir}, counted up to {@code enough}. */
    static int articles(Path dir, int enough) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(".md")).limit(enough).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;   // the build reports what it cannot read
        }
    }
}
