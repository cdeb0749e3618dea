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
            // two animation frames first: what the theme's scripts left for the next frame is done by then
            requestAnimationFrame(function () { requestAnimationFrame(function () {
              axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                 resultTypes: ['violations']})
                .then(function (r) { done(JSON.stringify({version: axe.version, violations: r.violations})); },
                      function (e) { done(JSON.stringify({error: String(e)})); });
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
     * The violations on the page now shown, each as {@code id (impact): help} followed by one line per element:
     * its CSS selector and what axe found wrong with it. Empty when there are none.
     */
    public List<String> violations(Browser browser) throws IOException {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) browser.script(source);
        String json = (String) browser.driver().executeAsyncScript(RUN);
        JsonNode result = new ObjectMapper().readTree(json);
        if (result.has("error")) throw new IllegalStateException("axe-core failed: " + result.get("error").asText());
        List<String> out = new ArrayList<>();
        for (JsonNode v : result.get("violations")) {
            StringBuilder s = new StringBuilder(v.get("id").asText() + " (" + v.path("impact").asText() + "): "
                    + v.get("help").asText());
            for (JsonNode node : v.get("nodes")) {
                s.append("\n    ").append(node.get("target")).append(": ")
                        .append(node.path("failureSummary").asText().replace("\n", " "));
            }
            out.add(s.toString());
        }
        return out;
    }
}
