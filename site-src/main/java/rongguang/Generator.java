package rongguang;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import rongguang.load.SiteLoader;
import rongguang.model.Publication;
import rongguang.model.Site;
import rongguang.model.SiteAssembler;
import rongguang.model.SiteInput;
import rongguang.problems.Problems;
import rongguang.render.Page;
import rongguang.render.PagePlanner;
import rongguang.render.Renderer;
import rongguang.render.Templates;
import rongguang.write.OutputTree;

/**
 * The pipeline: load (content/) → model (an immutable {@link Site}) → render (pages planned from the model) →
 * write (a new output tree, swapped in only when all went well). Errors of a stage are all collected before it
 * stops the build.
 */
public final class Generator {

    /**
     * @param now     the moment the build considers "now" (drafts, publish and expiry dates, merchant reviews);
     *                null for the clock, in the site's time zone
     * @param preview include drafts and scheduled articles, marked (the dev server's view)
     */
    public record Options(Path siteDir, Path outputDir, ZonedDateTime now, boolean preview) {}

    public record Result(int pages, int files, Site site) {}

    /** Builds the site; throws {@link rongguang.problems.BuildFailedException} with all problems when input is bad. */
    public Result build(Options options, Problems problems) throws IOException {
        SiteInput input = new SiteLoader(options.siteDir()).load(problems);
        if (input == null) problems.throwIfErrors();

        // the model stage runs on whatever loaded, so that broken references are reported with the load errors
        ZonedDateTime now = options.now() != null
                ? options.now().withZoneSameInstant(input.settings().timeZone())
                : ZonedDateTime.now(input.settings().timeZone());
        Site site = new SiteAssembler(new Publication(now, options.preview()), problems).assemble(input);
        problems.throwIfErrors();

        List<Page> pages = new PagePlanner(site).plan();
        Renderer renderer = new Renderer(Templates.configuration(options.siteDir().resolve("templates")), problems);
        try (OutputTree out = OutputTree.begin(options.outputDir(), options.siteDir())) {
            renderer.renderAll(pages, out::write);
            problems.throwIfErrors();
            out.copyTree(options.siteDir().resolve("content/media"), "media");
            out.copyTree(options.siteDir().resolve("templates/assets"), "assets");
            out.commit();
            return new Result(pages.size(), out.fileCount(), site);
        }
    }
}
