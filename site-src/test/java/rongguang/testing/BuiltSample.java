package rongguang.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import rongguang.problems.Problems;
import rongguang.write.OutputTree;

/**
 * The bundled sample site built into a temporary folder and served by a {@link StaticServer}, for browser tests.
 * {@code baseUrl} may be changed to one with a path, to prove a site works below a prefix.
 */
public final class BuiltSample implements AutoCloseable {
    private final Path work;
    private final Path output;
    private final StaticServer server;
    private final rongguang.model.Site site;

    private BuiltSample(Path work, Path output, StaticServer server, rongguang.model.Site site) {
        this.work = work;
        this.output = output;
        this.server = server;
        this.site = site;
    }

    /** The sample site as it is, served at the root. */
    public static BuiltSample build() throws IOException {
        return build(null);
    }

    /**
     * The sample site with {@code baseUrl} replaced (when not null), served at that address's path.
     */
    public static BuiltSample build(String baseUrl) throws IOException {
        Path work = Files.createTempDirectory("rongguang-sample-");
        Path site = work.resolve("site");
        TestSite.copySample(site);
        String prefix = "/";
        if (baseUrl != null) {
            Path settings = site.resolve("content/site.json");
            String json = Files.readString(settings)
                    .replaceFirst("\"baseUrl\"\\s*:\\s*\"[^\"]*\"", "\"baseUrl\": \"" + baseUrl + "\"");
            Files.writeString(settings, json);
            prefix = java.net.URI.create(baseUrl).getPath();
        }
        Path output = work.resolve("output");
        Problems problems = new Problems();
        var result = TestSite.build(site, output, false, problems);
        if (problems.hasErrors()) throw new IllegalStateException("the sample site does not build: " + problems.sorted());
        return new BuiltSample(work, output, StaticServer.start(output, prefix), result.site());
    }

    public Path output() {
        return output;
    }

    /** The model the site was built from. */
    public rongguang.model.Site site() {
        return site;
    }

    /** The served address of a path relative to the site's root, such as {@code "cities/"}. */
    public String url(String path) {
        return server.url(path);
    }

    @Override
    public void close() throws IOException {
        server.close();
        OutputTree.deleteTree(work);
    }
}
