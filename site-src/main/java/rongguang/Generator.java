package rongguang;

import freemarker.template.Configuration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rongguang.assets.Assets;
import rongguang.assets.ImageInfo;
import rongguang.assets.ImageStore;
import rongguang.cache.BuildCache;
import rongguang.cache.CacheKey;
import rongguang.load.ArticleEntry;
import rongguang.load.BodyStore;
import rongguang.load.DataEntry;
import rongguang.load.SiteLoader;
import rongguang.model.Article;
import rongguang.model.Publication;
import rongguang.model.RelatedArticles;
import rongguang.model.Retelling;
import rongguang.model.Site;
import rongguang.model.SiteAssembler;
import rongguang.model.SiteInput;
import rongguang.problems.Problems;
import rongguang.render.AssetFunction;
import rongguang.render.DisplayDeck;
import rongguang.render.Fingerprints;
import rongguang.render.Page;
import rongguang.render.PagePlanner;
import rongguang.render.PageChanges;
import rongguang.render.RenderedPages;
import rongguang.render.Renderer;
import rongguang.render.Templates;
import rongguang.render.TextReads;
import rongguang.search.SearchIndex;
import rongguang.write.FileStamp;
import rongguang.write.OutputTree;

/**
 * The pipeline: load (content/) → model (an immutable {@link Site}) → render (pages planned from the model) →
 * write (a new output tree, swapped in only when all went well). Errors of a stage are all collected before it
 * stops the build.
 *
 * <p>With the build cache, unchanged article files are not read again and pages whose fingerprint did not
 * change are not rendered again: their files are carried over from the current output. The result is the same
 * bytes a clean build writes.
 */
public final class Generator {

    /**
     * @param now      the moment the build considers "now" (drafts, publish and expiry dates, merchant reviews);
     *                 null for the clock, in the site's time zone
     * @param preview  include drafts and scheduled articles, marked (the dev server's view)
     * @param cached   use and keep the build cache beside the output folder
     * @param progress told the number of pages done as rendering goes on, from any thread; may be null
     * @param search   write the search index (without it, {@code /search/} finds nothing: only to measure what the
     *                 index costs)
     */
    public record Options(Path siteDir, Path outputDir, ZonedDateTime now, boolean preview, boolean cached,
                          Progress progress, boolean search) {
        public Options(Path siteDir, Path outputDir, ZonedDateTime now, boolean preview, boolean cached,
                       Progress progress) {
            this(siteDir, outputDir, now, preview, cached, progress, true);
        }

        /** A clean build, without the cache. */
        public Options(Path siteDir, Path outputDir, ZonedDateTime now, boolean preview) {
            this(siteDir, outputDir, now, preview, false, null);
        }
    }

    /** Told how rendering goes: the total once pages are planned, then the number done. */
    public interface Progress {
        void planned(int pages);

        void rendered(int done);
    }

    /**
     * @param written       pages rendered and written by this build
     * @param unchanged     pages carried over from the previous output
     * @param fingerprinted pages whose fingerprint this build worked out: a rebuild after a typed sentence looks at
     *                      few pages
     */
    public record Result(int pages, int files, int written, int unchanged, int fingerprinted, Site site,
                         Timings timings) {}

    /** Builds the site; throws {@link rongguang.problems.BuildFailedException} with all problems when input is bad. */
    public Result build(Options options, Problems problems) throws IOException {
        Timings timings = new Timings();
        if (!options.cached()) {
            OutputTree.check(options.outputDir(), options.siteDir());   // at once, not after the site is read
            rongguang.text.Slugs.loadInBackground();   // a build without the slugs of a last one needs them at once
            try (BodyStore bodies = BodyStore.temporary()) {
                return build(options, bodies, Before.NOTHING, SiteLoader.Listings.NONE, null, null,
                        ImageStore.inMemory(),
                        () -> OutputTree.begin(options.outputDir(), options.siteDir()),
                        Templates.configuration(templatesDir(options)), problems, timings).result();
            }
        }
        // an incremental build is the first build of a publishing session on the cache (as build --watch makes)
        try (Session session = Session.publishing(options)) {
            timings.lap("读缓存");
            return session.build(problems, null, null, timings);
        }
    }

    private record Built(Result result, Map<String, ArticleEntry> articles, Map<String, DataEntry> data,
                         SiteLoader.Listings listings, RenderedPages pages, Set<String> files,
                         SearchIndex.State index, Remembered model) {}

    /**
     * What a session's last good build leaves in memory for the next: its input and site, which {@link Retelling}
     * patches, and the digests of the values its pages were fingerprinted with.
     */
    private record Remembered(SiteInput input, Site site, Map<Object, byte[]> digests) {}

    /** How a build's output tree is begun: a whole new tree, or an overlay on the last one. */
    private interface Output {
        OutputTree begin() throws IOException;

        /** Called just before the tree is committed. */
        default void committing() throws IOException {
        }

        /**
         * Called when the pages, media and assets are written, before the search index: an output that may show
         * them at once (the preview) commits them now, all but the index.
         */
        default void pagesReady(OutputTree out, Result soFar) throws IOException {
        }

        /**
         * Called with what the build read and rendered once its pages are written, before the search index: a
         * published output's cache starts saving it.
         */
        default void rendered(Map<String, ArticleEntry> articles, Map<String, DataEntry> data, RenderedPages pages) {
        }
    }

    private static Path templatesDir(Options options) {
        return options.siteDir().resolve("templates");
    }

    /**
     * What the last build of the output left to start from. A publishing session's first build takes it from the
     * build cache, which is still being read while the site's files are listed: each part is asked for only when
     * it is needed.
     */
    private interface Before {
        Before NOTHING = new Before() {
        };

        default Map<String, ArticleEntry> articles() {
            return Map.of();
        }

        default Map<String, DataEntry> data() {
            return Map.of();
        }

        default RenderedPages pages() {
            return RenderedPages.NONE;
        }

        /** The memo of related articles to use and update; null for none. */
        default RelatedArticles.Memo related() {
            return null;
        }

        default SearchIndex.State index() {
            return null;
        }
    }

    private Built build(Options options, BodyStore bodies, Before before, SiteLoader.Listings listings,
                        Set<String> touched, Remembered last, ImageStore imageStore,
                        Output output, Configuration templates, Problems problems, Timings timings)
            throws IOException {
        SiteLoader loader = new SiteLoader(options.siteDir(), bodies, before::articles, before::data, listings,
                touched);
        SiteInput input = loader.load(problems);
        timings.lap("读取");
        if (input == null) problems.throwIfErrors();

        // the model stage runs on whatever loaded, so that broken references are reported with the load errors
        ZonedDateTime now = options.now() != null
                ? options.now().withZoneSameInstant(input.settings().timeZone())
                : ZonedDateTime.now(input.settings().timeZone());
        Publication publication = new Publication(now, options.preview());
        Site site = last == null ? null : Retelling.of(last.site(), last.input(), input, publication);
        if (site == null) site = new SiteAssembler(publication, problems, before.related()).assemble(input);
        problems.throwIfErrors();
        timings.lap("建模");
        Path templatesDir = templatesDir(options);
        Path mediaDir = options.siteDir().resolve("content/media");
        Assets assets = Assets.read(templatesDir.resolve("assets"));
        templates.setSharedVariable("asset", new AssetFunction(assets));
        Map<String, ImageInfo> images = imageStore.scan(mediaDir, site.media(), problems);
        problems.throwIfErrors();
        timings.lap("图片");
        try (OutputTree out = output.begin()) {
            Rendered rendered = render(options, site, before.articles(), before.pages(),
                    last == null ? Map.of() : last.digests(), templates, templatesDir, assets, images, out, problems,
                    timings);
            out.copyTree(mediaDir, "media");
            for (Map.Entry<String, ImageStore.Copy> copy : imageStore.copies(images).entrySet()) {
                if (copy.getValue() instanceof ImageStore.Copy.InFile f) out.copyFile(f.file(), "media/" + copy.getKey());
                else out.write("media/" + copy.getKey(), ((ImageStore.Copy.InMemory) copy.getValue()).bytes());
            }
            // kept where the output has them already: the same few files on every rebuild of the preview
            for (Map.Entry<String, byte[]> file : assets.files().entrySet()) {
                out.writeIfChanged("assets/" + file.getKey(), file.getValue());
            }
            timings.lap("复制");
            Renderer.Outcome outcome = rendered.outcome();
            output.rendered(loader.entries(), loader.dataEntries(), rendered.pages());
            output.pagesReady(out, new Result(rendered.planned(), out.fileCount(), outcome.written(),
                    outcome.unchanged(), outcome.fingerprinted(), site, timings));
            SearchIndex.State index = options.search() ? SearchIndex.write(site, indexFiles(out), before.index()) : null;
            timings.lap("索引");
            output.committing();
            out.commit();
            timings.lap("替换");
            Result result = new Result(rendered.planned(), out.fileCount(), outcome.written(), outcome.unchanged(),
                    outcome.fingerprinted(), site, timings);
            return new Built(result, loader.entries(), loader.dataEntries(), loader.listings(), rendered.pages(),
                    out.files(), index, new Remembered(input, site, rendered.digested()));
        }
    }

    private record Rendered(int planned, Renderer.Outcome outcome, RenderedPages pages,
                            Map<Object, byte[]> digested) {}

    /**
     * Plans and renders the pages. The planned pages (with the variables worked out for them) and the fingerprints'
     * memo are dropped on return, before the search index needs the memory (100,000 articles in 1 GB).
     */
    private Rendered render(Options options, Site site, Map<String, ArticleEntry> previousArticles,
                            RenderedPages previousPages, Map<Object, byte[]> earlierDigests,
                            Configuration templates, Path templatesDir, Assets assets,
                            Map<String, ImageInfo> images, OutputTree out, Problems problems, Timings timings)
            throws IOException {
        String themeStamp = DisplayDeck.themeStamp(templatesDir);
        List<Page> pages = new PagePlanner(site, themeStamp).plan();
        timings.lap("规划");
        Progress progress = options.progress();
        if (progress != null) progress.planned(pages.size());
        Fingerprints fingerprints = new Fingerprints(site, themeStamp, templates, templatesDir, assets, images,
                earlierDigests);
        byte[] shape = fingerprints.shape(pages);
        PageChanges changes = fingerprints.changesSince(previousPages, shape, retold(site, previousArticles));
        Renderer.Outcome outcome = new Renderer(templates, problems, images).renderAll(pages, fingerprints, changes,
                previousPages.pages(), sink(out), progress == null ? done -> { } : progress::rendered);
        problems.throwIfErrors();
        RenderedPages rendered = new RenderedPages(outcome.records(), shape,
                fingerprints.memberDigests(outcome.records().values()));
        timings.lap("渲染");
        return new Rendered(pages.size(), outcome, rendered, fingerprints.digested());
    }

    /**
     * The texts ({@link TextReads}) of the visible articles whose source changed since the last build but not where
     * they show (see {@link Article#differsOnlyInText}): the body of each, the summary where it changed too; null
     * when some article is new, unreadable before, or changed more.
     */
    private static Set<String> retold(Site site, Map<String, ArticleEntry> previous) {
        Set<String> retold = new java.util.HashSet<>();
        for (Article a : site.articles()) {
            ArticleEntry before = previous.get(a.file());
            if (before == null || before.article() == null) return null;
            Article old = before.article();
            if (old == a || old.digest().equals(a.digest())) continue;
            if (!old.differsOnlyInText(a)) return null;
            retold.add(TextReads.body(a.file()));
            if (!java.util.Objects.equals(old.summary(), a.summary())) retold.add(TextReads.summary(a.file()));
        }
        return retold;
    }

    /**
     * The same site built again and again in one process, as the dev server does on every save: what one build
     * read and wrote stays in memory for the next, and the output is updated in place, file by file, so a
     * rebuild costs what changed. A failed build changes nothing, and the next one starts from the last good one.
     */
    public static final class Session implements AutoCloseable {
        private final Generator generator = new Generator();
        private final Options options;
        /** Publishing ({@link #publishing}): the build cache beside the output, kept true after every build. */
        private final BuildCache cache;
        private final BodyStore bodies;
        private String key;
        private Map<String, ArticleEntry> articles = Map.of();
        private Map<String, DataEntry> data = Map.of();
        private SiteLoader.Listings listings = SiteLoader.Listings.NONE;
        /** The paths changed since the last good build, as the caller saw them; null when it did not say. */
        private Set<String> touched = new java.util.HashSet<>();
        /** Related articles as the last build scored them; a publishing session's is its cache's, saved with it. */
        private RelatedArticles.Memo related = new RelatedArticles.Memo();
        private RenderedPages pages = RenderedPages.NONE;
        /** Whether what the last good build left is still only in the cache: the session has not built yet. */
        private boolean fromCache;
        private Set<String> files = Set.of();
        private SearchIndex.State index;
        /** The last good build's site, which a save that changes only articles' texts patches. */
        private Remembered model;
        private Configuration templates;
        private final ImageStore images;

        /** A session on the dev server's own folder, which only it writes: the preview. */
        public Session(Options options) throws IOException {
            this.options = options;
            this.cache = null;
            this.bodies = BodyStore.temporary();
            this.images = ImageStore.inMemory();
            rongguang.text.Slugs.loadInBackground();
        }

        private Session(Options options, BuildCache cache) throws IOException {
            this.options = options;
            this.cache = cache;
            this.bodies = cache.bodies();
            this.key = cache.key();
            this.images = ImageStore.open(cache.folder().resolve("images"), key);
            this.fromCache = true;
            this.touched = null;
            if (!cache.recorded()) rongguang.text.Slugs.loadInBackground();
        }

        /** What the last good build left: until this session has built, the cache's record, asked for when needed. */
        private Before before(boolean sameSettings) {
            return new Before() {
                @Override
                public Map<String, ArticleEntry> articles() {
                    return !sameSettings ? Map.of() : fromCache ? cache.articles() : articles;
                }

                @Override
                public Map<String, DataEntry> data() {
                    return !sameSettings ? Map.of() : fromCache ? cache.data() : data;
                }

                @Override
                public RenderedPages pages() {
                    return !sameSettings ? RenderedPages.NONE : fromCache ? cache.pages() : pages;
                }

                @Override
                public RelatedArticles.Memo related() {
                    return cache != null ? cache.related() : related;   // the memo the cache saves, kept current
                }

                @Override
                public SearchIndex.State index() {
                    return !sameSettings ? null : fromCache ? (cache.files().isEmpty() ? null : cache.index()) : index;
                }
            };
        }

        /** Every file of the output as the last good build wrote it. */
        private Set<String> files() {
            return fromCache ? cache.files() : files;
        }

        /**
         * A session that publishes: {@code build --watch}, and an incremental {@code build}, which is its first
         * build. It opens the build cache beside the output (holding the output's lock until it is closed), starts
         * from it and keeps it true after every build, so a later one goes on from there. Its output is a published
         * one: a build without a record of the output swaps a whole new tree in; with one, only changed files are
         * written, moved into place at the end, and a file is kept only while it is as the last build wrote it.
         * The record is void while files move, so an interrupted move makes the next build a full one.
         */
        public static Session publishing(Options options) throws IOException {
            OutputTree.check(options.outputDir(), options.siteDir());   // before the cache is made beside it
            BuildCache cache = BuildCache.open(options.outputDir(), settingsKey(options));
            try {
                return new Session(options, cache);
            } catch (IOException | RuntimeException e) {
                cache.close();
                throw e;
            }
        }

        /** What a build's cache is valid for: the generator and the site's settings as they are now. */
        private static String settingsKey(Options options) throws IOException {
            return CacheKey.of(options.siteDir().resolve("content/site.json"), options.preview());
        }

        /** Builds again after changes to unknown paths: every folder is looked at. */
        public Result build(Problems problems) throws IOException {
            return build(problems, null);
        }

        /**
         * Builds again after changes to {@code changed} (absolute paths, as a watcher reports them; null when
         * unknown): folders none of them is in are not walked. Changes are gathered until a build succeeds.
         */
        public Result build(Problems problems, Set<Path> changed) throws IOException {
            return build(problems, changed, null);
        }

        /**
         * The same, telling {@code pagesReady} (when not null) as soon as the pages, media and assets are in place,
         * before the search index is updated: the dev server reloads the browser then.
         */
        public Result build(Problems problems, Set<Path> changed, java.util.function.Consumer<Result> pagesReady)
                throws IOException {
            return build(problems, changed, pagesReady, new Timings());
        }

        private Result build(Problems problems, Set<Path> changed, java.util.function.Consumer<Result> pagesReady,
                             Timings timings) throws IOException {
            if (changed == null) {
                touched = null;
            } else if (touched != null) {
                Path site = options.siteDir().toAbsolutePath().normalize();
                for (Path p : changed) {
                    Path abs = p.toAbsolutePath().normalize();
                    if (!abs.startsWith(site)) {
                        touched = null;   // named another way (a link?): look at everything rather than miss it
                        break;
                    }
                    touched.add(site.relativize(abs).toString().replace('\\', '/'));
                }
            }
            String now = settingsKey(options);
            boolean sameSettings = now.equals(key);
            // one configuration for the session: it re-reads only the templates that changed
            if (templates == null) {
                templates = Templates.configuration(templatesDir(options));
                templates.setTemplateUpdateDelayMilliseconds(0);
            }
            boolean[] pagesCommitted = {false};
            BuildCache.Saving[] saving = {null};
            Output output = new Output() {
                @Override
                public OutputTree begin() throws IOException {
                    if (cache == null) return OutputTree.overlay(options.outputDir(), options.siteDir(), files);
                    Set<String> last = files();
                    return last.isEmpty() ? OutputTree.begin(options.outputDir(), options.siteDir())
                            : OutputTree.update(options.outputDir(), options.siteDir(), last);
                }

                @Override
                public void rendered(Map<String, ArticleEntry> articles, Map<String, DataEntry> data,
                                     RenderedPages pages) {
                    if (cache != null) saving[0] = cache.beginSave(now, articles, data, pages);
                }

                @Override
                public void committing() throws IOException {
                    // files move one by one now: until the cache is saved again, the next build is a full one
                    if (cache == null) return;
                    cache.invalidate();
                    pagesCommitted[0] = true;
                }

                @Override
                public void pagesReady(OutputTree out, Result soFar) throws IOException {
                    if (pagesReady == null) return;
                    out.commitAllBut(SearchIndex::isIndexFile);
                    pagesCommitted[0] = true;
                    pagesReady.accept(soFar);
                }
            };
            Built built;
            try {
                built = generator.build(options, bodies, before(sameSettings),
                        sameSettings ? listings : SiteLoader.Listings.NONE,
                        touched == null ? null : Set.copyOf(touched), sameSettings ? model : null, images, output,
                        templates, problems, timings);
            } catch (IOException | RuntimeException e) {
                if (saving[0] != null) saving[0].abandon();
                // the pages are in place but the index is not: what this session remembers of the folder is
                // no longer true, so the next build starts from an empty one
                if (pagesCommitted[0]) {
                    key = null;
                    files = Set.of();
                    fromCache = false;
                    touched = null;
                }
                // an I/O failure met where it cannot be declared (the cache starting over, a body read back)
                if (e instanceof java.io.UncheckedIOException u) throw u.getCause();
                throw e;
            }
            if (cache != null) {
                try {
                    saving[0].finish(built.files(), built.index());   // begun when the pages were rendered
                    images.save();
                } catch (IOException e) {
                    cache.invalidate();
                }
                built.result().timings().lap("存缓存");
            }
            key = now;
            fromCache = false;
            articles = built.articles();
            data = built.data();
            listings = built.listings();
            touched = new java.util.HashSet<>();
            pages = built.pages();
            files = built.files();
            index = built.index();
            model = built.model();
            return built.result();
        }

        /**
         * Lets go of the output's lock until {@link #resume}: a session kept between builds (the build daemon)
         * leaves the output to other builds while it waits.
         */
        public void release() throws IOException {
            if (cache != null) cache.release();
        }

        /**
         * Takes the output's lock again for the next build. False when another build has used the output since
         * {@link #release}: what this session remembers is no longer true, and it must be closed and another opened.
         */
        public boolean resume() throws IOException {
            return cache == null || cache.retake();
        }

        @Override
        public void close() throws IOException {
            if (cache != null) cache.close();   // its bodies with it, and the output's lock
            else bodies.close();
        }
    }

    private static SearchIndex.Files indexFiles(OutputTree out) {
        return new SearchIndex.Files() {
            @Override
            public FileStamp write(String file, byte[] content) throws IOException {
                return out.writeIfChanged(file, content);
            }

            @Override
            public FileStamp write(String file, byte[] content, int length) throws IOException {
                return out.writeIfChanged(file, content, length);
            }

            @Override
            public boolean unchanged(String file, FileStamp stamp) throws IOException {
                return out.unchanged(file, stamp);
            }

            @Override
            public void keep(String file) throws IOException {
                out.retain(file);
            }

            @Override
            public byte[] read(String file) throws IOException {
                return out.readCurrent(file);
            }
        };
    }

    private static Renderer.Sink sink(OutputTree out) {
        return new Renderer.Sink() {
            @Override
            public FileStamp write(String file, byte[] content) throws IOException {
                return out.write(file, content);
            }

            @Override
            public boolean keep(String file, FileStamp stamp) throws IOException {
                return out.keep(file, stamp);
            }

            @Override
            public boolean keepAsWritten(java.util.Collection<String> files) {
                return out.keepAsWritten(files);
            }
        };
    }
}
