package rongguang.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rongguang.Generator;
import rongguang.model.Site;
import rongguang.problems.Problems;
import rongguang.search.SearchIndex;
import rongguang.write.FileStamp;
import rongguang.write.OutputTree;

/**
 * What writing the search index costs, alone: the site is built once, then its whole index is written again and
 * again into a new folder each time (beside {@code work}), so that changes to the index code can be compared
 * without the noise of whole builds. The first run is the one a build pays (code not yet compiled).
 */
public final class IndexBenchmark {
    private final Path site;
    private final Path work;
    private final int runs;

    public IndexBenchmark(Path site, Path work, int runs) {
        this.site = site.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.runs = runs;
    }

    /** The time of each run in milliseconds, in order. */
    public List<Double> run(PrintWriter out) throws IOException {
        List<Double> times = new ArrayList<>();
        Files.createDirectories(work);
        try (Generator.Session session = new Generator.Session(
                new Generator.Options(site, work.resolve("site"), null, false, false, null))) {
            Site built = session.build(new Problems()).site();
            for (int i = 0; i < runs; i++) {
                Path dir = work.resolve("index");
                OutputTree.deleteTree(dir);
                long cpu = cpu();
                long start = System.nanoTime();
                SearchIndex.State state = SearchIndex.write(built, into(dir), null);
                double ms = (System.nanoTime() - start) / 1e6;
                times.add(ms);
                out.printf(Locale.ROOT, "第 %2d 次：%.1f ms，CPU %.1f ms（%d 个文件，%d 个分片）%n", i + 1, ms,
                        (cpu() - cpu) / 1e6, state.stamps().length / 2, state.shards());
                out.flush();
            }
        } finally {
            OutputTree.deleteTree(work);
        }
        return times;
    }

    /** CPU time of the whole process (user and system), in nanoseconds: less shaken by a busy machine than wall time. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Plain writes into a folder that starts empty. */
    private static SearchIndex.Files into(Path dir) {
        java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return new SearchIndex.Files() {
            @Override
            public FileStamp write(String file, byte[] content) throws IOException {
                return write(file, content, content.length);
            }

            @Override
            public FileStamp write(String file, byte[] content, int length) throws IOException {
                Path p = dir.resolve(file);
                if (!folders.contains(p.getParent())) {
                    Files.createDirectories(p.getParent());
                    folders.add(p.getParent());
                }
                OutputTree.writeFile(p, content, length);
                return new FileStamp(length, 0);
            }

            @Override
            public boolean unchanged(String file, FileStamp stamp) {
                return false;
            }

            @Override
            public void keep(String file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] read(String file) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
