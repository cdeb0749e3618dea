package rongguang.serve;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import rongguang.Generator;
import rongguang.problems.BuildFailedException;
import rongguang.problems.Problem;
import rongguang.problems.Problems;
import rongguang.problems.Severity;

/**
 * The preview, with drafts and scheduled articles, rebuilt by a {@link Generator.Session}: a change re-reads the
 * files that changed and re-renders the pages whose fingerprint changed, updating the tree in place.
 */
public final class IncrementalPreview implements Preview, AutoCloseable {
    private final Path siteDir;
    private final Path root;
    private final ZonedDateTime now;
    private Generator.Session session;

    /**
     * @param root where to write the preview, never the site's own output folder
     * @param now  the moment to build at, null for the clock at each build
     */
    public IncrementalPreview(Path siteDir, Path root, ZonedDateTime now) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.root = root.toAbsolutePath().normalize();
        this.now = now;
    }

    @Override
    public Outcome buildAll() {
        return build(null, null);
    }

    /** Re-reads only the changed files among the ones it read before (file sizes and times, page fingerprints). */
    @Override
    public Outcome rebuild(Set<Path> changed) {
        return build(changed, null);
    }

    @Override
    public Outcome rebuild(Set<Path> changed, Consumer<Outcome> pagesReady) {
        return build(changed, pagesReady);
    }

    private Outcome build(Set<Path> changed, Consumer<Outcome> pagesReady) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        try {
            if (session == null) session = new Generator.Session(new Generator.Options(siteDir, root, now, true));
            Generator.Result result = session.build(problems, changed, pagesReady == null ? null
                    : soFar -> pagesReady.accept(outcome(soFar, problems, start)));
            return outcome(result, problems, start);
        } catch (BuildFailedException e) {
            return failed(problems.sorted(), start);
        } catch (IOException e) {
            return failed(with(problems, fileProblem(e)), start);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug, not bad content: the editor still sees it, and the server goes on
            return failed(with(problems, new Problem(".", 0, 0, Severity.ERROR, "内部错误：" + e)), start);
        }
    }

    private static Outcome outcome(Generator.Result result, Problems problems, long start) {
        return new Outcome(true, problems.sorted(), result.written(), result.unchanged() == 0, since(start),
                result.site().settings().basePath(), result.timings().toString());
    }

    @Override
    public void close() throws IOException {
        if (session != null) session.close();
    }

    @Override
    public Path root() {
        return root;
    }

    private Problem fileProblem(IOException e) {
        String file = ".";
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            Path p = Path.of(fse.getFile()).toAbsolutePath().normalize();
            if (p.startsWith(siteDir) && !p.equals(siteDir)) {
                file = siteDir.relativize(p).toString().replace('\\', '/');
            }
        }
        return new Problem(file, 0, 0, Severity.ERROR, "无法读写文件：" + e.getMessage());
    }

    private static List<Problem> with(Problems problems, Problem more) {
        problems.add(more);
        return problems.sorted();
    }

    private static Outcome failed(List<Problem> problems, long start) {
        return new Outcome(false, problems, 0, true, since(start), null, "");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
