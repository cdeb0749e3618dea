package rongguang.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core, the accessibility engine, run inside the page a {@link Browser} shows. The npm package is installed
 * by {@code npm ci --prefix site-src/test/js} ({@code .ci/run} does it); its {@code axe.min.js} is injected into
 * the page and run there at the WCAG 2.0 and 2.1 A and AA levels.
 */
public final class Axe {
    public static final Path SCRIPT = TestSite.SAMPLE.resolve("site-src/test/js/node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            var allowed = arguments[0];
            // two animation frames first: what the theme's scripts left for the next frame is done by then
            requestAnimationFrame(function () { requestAnimationFrame(function () {
              axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                 resultTypes: ['violations', 'incomplete']})
                .then(function (r) {
                  var undecided = [];
                  r.incomplete.filter(function (v) { return v.id === 'color-contrast'; }).forEach(function (v) {
                    v.nodes.forEach(function (n) {
                      var el = document.querySelector(n.target[0]);
                      if (allowed && el && el.closest(allowed)) return;
                      var why = n.any.map(function (c) { return c.data && c.data.messageKey; }).filter(Boolean);
                      undecided.push(n.target.join(' ') + ': ' + (why.join(', ') || n.failureSummary));
                    });
                  });
                  done(JSON.stringify({violations: r.violations, undecided: undecided}));
                }, function (e) { done(JSON.stringify({error: String(e)})); });
            }); });
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    public static Axe load() throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException("axe-core is not installed (" + SCRIPT + "): run "
                    + "`npm ci --prefix site-src/test/js` first, as .ci/run does");
        }
        return new Axe(Files.readString(SCRIPT));
    }

    /**
     * What axe found on the page now shown.
     *
     * @param violations       each as {@code id (impact): help}, then one line per element: its CSS selector and
     *                         what is wrong with it
     * @param undecidedContrast text whose contrast axe could not work out (over a gradient or an image, covered by
     *                         another element, or in the colour of its background, which axe takes for hidden
     *                         text), each as {@code selector: reason}
     */
    public record Report(List<String> violations, List<String> undecidedContrast) {}

    /** Runs axe on the page; text inside elements that match {@code decidedElsewhere} is left out of
     * {@link Report#undecidedContrast()} (null leaves out nothing). */
    public Report run(Browser browser, String decidedElsewhere) throws IOException {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) browser.script(source);
        String json = (String) browser.driver().executeAsyncScript(RUN, decidedElsewhere);
        JsonNode result = new ObjectMapper().readTree(json);
        if (result.has("error")) throw new IllegalStateException("axe-core failed: " + result.get("error").asText());
        List<String> violations = new ArrayList<>();
        for (JsonNode v : result.get("violations")) {
            StringBuilder s = new StringBuilder(v.get("id").asText() + " (" + v.path("impact").asText() + "): "
                    + v.get("help").asText());
            for (JsonNode node : v.get("nodes")) {
                s.append("\n    ").append(node.get("target")).append(": ")
                        .append(node.path("failureSummary").asText().replace("\n", " "));
            }
            violations.add(s.toString());
        }
        List<String> undecided = new ArrayList<>();
        result.get("undecided").forEach(n -> undecided.add(n.asText()));
        return new Report(violations, undecided);
    }
}
