package rongguang.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import rongguang.Generator;
import rongguang.problems.Problems;

/**
 * The publishing sessions a daemon keeps between builds, one per output folder (the three used last): a build goes
 * on from what the last one left in memory, as under {@code build --watch}. Between builds a session holds no lock,
 * so other builds may use the output; one that did is noticed at the next build, and the session is opened again
 * from the cache on disk.
 */
public final class KeptSessions implements AutoCloseable {
    private static final int MOST = 3;

    private final Map<Path, Kept> byOutput = new LinkedHashMap<>(8, 0.75f, true);

    /** A session, the options it was opened with, and the progress of the build it is running. */
    private record Kept(Generator.Session session, Generator.Options options, Relay progress) {}

    /** Builds with {@code options} in the session kept for its output, opened first when there is none. */
    public synchronized Generator.Result build(Generator.Options options, Problems problems) throws IOException {
        Path output = options.outputDir();
        Kept kept = byOutput.get(output);
        if (kept != null && (!sameBuild(kept.options(), options) || !kept.session().resume())) {
            byOutput.remove(output);
            kept.session().close();
            kept = null;
        }
        if (kept == null) {
            Relay relay = new Relay();
            Generator.Session session = Generator.Session.publishing(new Generator.Options(options.siteDir(),
                    output, options.now(), options.preview(), true, relay, options.search()));
            kept = new Kept(session, options, relay);
            byOutput.put(output, kept);
            evictBeyond(MOST);
        }
        kept.progress().to = options.progress();
        try {
            return kept.session().build(problems);   // a failed build leaves the session as it was, as under --watch
        } finally {
            kept.progress().to = null;
            try {
                kept.session().release();
            } catch (IOException e) {
                byOutput.remove(output);   // not known to be let go cleanly: the next build opens another
                kept.session().close();
            }
        }
    }

    /** The output folders whose sessions are kept, the last used last. */
    public synchronized java.util.List<Path> outputs() {
        return java.util.List.copyOf(byOutput.keySet());
    }

    private static boolean sameBuild(Generator.Options a, Generator.Options b) {
        return a.siteDir().equals(b.siteDir()) && Objects.equals(a.now(), b.now()) && a.preview() == b.preview()
                && a.search() == b.search();
    }

    private void evictBeyond(int most) throws IOException {
        for (Iterator<Kept> i = byOutput.values().iterator(); byOutput.size() > most && i.hasNext(); ) {
            Kept oldest = i.next();
            i.remove();
            oldest.session().close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        evictBeyond(0);
    }

    /** The progress of the build running now, told to the request that asked for it. */
    private static final class Relay implements Generator.Progress {
        volatile Generator.Progress to;

        @Override
        public void planned(int pages) {
            Generator.Progress p = to;
            if (p != null) p.planned(pages);
        }

        @Override
        public void rendered(int done) {
            Generator.Progress p = to;
            if (p != null) p.rendered(done);
        }
    }
}
