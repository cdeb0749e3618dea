package rongguang.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import rongguang.Generator;
import rongguang.load.BodyStore;
import rongguang.load.SiteLoader;
import rongguang.model.Article;
import rongguang.model.Exemplar;
import rongguang.model.Publication;
import rongguang.model.Site;
import rongguang.model.SiteAssembler;
import rongguang.model.SiteInput;
import rongguang.problems.BuildFailedException;
import rongguang.problems.Problems;

/**
 * {@code rongguang check}: builds the site into a temporary folder (or reads an output folder that is there) and
 * runs every check on the pages and on the content: links and fragments ({@link LinkCheck}), data
 * ({@link DataCheck}), Chinese text ({@link TextLint}), as {@code content/check.json} says ({@link CheckConfig}).
 */
public final class SiteCheck {
    /** How the pages that check builds are named in the report: as {@code build} would write them. */
    static final String BUILT_OUTPUT = "output";

    /**
     * @param outputDir an output folder to read instead of building (as {@code --output-only}), or null to build
     *                  into a temporary folder that is deleted afterwards
     * @param now       the moment to check at (publication, merchant reviews); null for the clock
     */
    public record Options(Path siteDir, Path outputDir, ZonedDateTime now) {}

    public Report run(Options options) throws IOException {
        Path siteDir = options.siteDir();
        Problems configProblems = new Problems();
        CheckConfig config = CheckConfigReader.read(siteDir, configProblems);
        Findings findings = new Findings(config != null ? config : CheckConfig.defaults());
        configProblems.sorted().forEach(p -> findings.add(Rule.CONFIG, p));
        if (config == null) return new Report(findings.sorted(), List.of(), 0, 0, 0);

        TemporaryOutput temporary = options.outputDir() == null ? TemporaryOutput.create() : null;
        try {
            Path output = temporary != null ? temporary.output() : options.outputDir();
            Problems buildProblems = new Problems();
            Site site = temporary != null ? build(siteDir, output, options.now(), buildProblems)
                    : model(siteDir, options.now(), buildProblems);
            buildProblems.sorted().forEach(p -> findings.add(Rule.BUILD, p));

            ContentSources sources = ContentSources.read(siteDir);
            ZonedDateTime now = options.now() != null ? options.now() : ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
            new DataCheck(findings, site != null ? site.today() : now.toLocalDate(), config.merchantWarningDays())
                    .run(sources);
            new ContentLint(new TextLint(findings, config)).run(sources);

            String shownAs = temporary != null ? BUILT_OUTPUT : shown(siteDir, output);
            LinkCheck.Result links = new LinkCheck.Result(0, List.of());
            boolean pagesThere = temporary != null ? site != null : Files.isDirectory(output);
            boolean wanted = config.isOn(Rule.LINK) || config.isOn(Rule.FRAGMENT) || config.isOn(Rule.IMAGE_ALT);
            if (pagesThere && wanted) {
                String baseUrl = site != null ? site.settings().baseUrl().toString() : null;
                links = new LinkCheck(output, shownAs, baseUrl, findings, bodies(siteDir, site, sources),
                        LinkCheck.menuLinks(sources, baseUrl)).run();
            }
            return new Report(findings.sorted(), links.external(), links.pages(), sources.articleFiles.size(),
                    sources.data.size());
        } finally {
            if (temporary != null) temporary.close();
        }
    }

    /** The site built as {@code build} builds it (never a preview); null when the build failed (reported). */
    private static Site build(Path siteDir, Path output, ZonedDateTime now, Problems problems) throws IOException {
        try {
            return new Generator().build(new Generator.Options(siteDir, output, now, false), problems).site();
        } catch (BuildFailedException e) {
            return null;
        }
    }

    /** The model of the site, for checking an output folder that was built before; null when it cannot be made. */
    private static Site model(Path siteDir, ZonedDateTime now, Problems problems) throws IOException {
        // the check reads no article body; the store is a temporary file, gone when the program ends
        SiteInput input = new SiteLoader(siteDir, BodyStore.temporary(), Map.of()).load(problems);
        if (input == null) return null;
        ZoneId zone = input.settings().timeZone();
        ZonedDateTime at = now != null ? now.withZoneSameInstant(zone) : ZonedDateTime.now(zone);
        Site site = new SiteAssembler(new Publication(at, false), problems).assemble(input);
        return problems.hasErrors() ? null : site;
    }

    /** The Markdown behind the body of article and exemplar pages, read only for pages that have a finding. */
    private static Function<String, MarkdownText> bodies(Path siteDir, Site site, ContentSources sources) {
        if (site == null) return null;
        Map<String, Supplier<TextInFile>> byPage = new HashMap<>();
        for (Article a : site.articles()) {
            byPage.put(a.url() + "index.html", () -> {
                ContentSources.Article source = sources.article(siteDir.resolve(a.file()));
                return source == null ? null : source.body();
            });
        }
        for (Exemplar e : site.exemplars()) byPage.put(e.url() + "index.html", () -> sources.story(e.id()));
        return page -> {
            Supplier<TextInFile> body = byPage.get(page);
            TextInFile text = body == null ? null : body.get();
            return text == null ? null : MarkdownText.parse(text);
        };
    }

    /** The output folder as the report names it: relative to the site folder when inside it. */
    private static String shown(Path siteDir, Path output) {
        Path site = siteDir.toAbsolutePath().normalize();
        Path out = output.toAbsolutePath().normalize();
        return out.startsWith(site) ? site.relativize(out).toString().replace('\\', '/') : out.toString();
    }
}
