package rongguang.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rongguang.testing.Browser;
import rongguang.testing.StaticServer;

/**
 * Not a test: measures what typical two-character queries cost in Chromium on a built site, for the README. Runs
 * only when asked, with the output folder of a build:
 * {@code mvn -q -B test -Dtest=SearchBenchmark -Drongguang.searchBench=/dev/shm/s10k/out}. Each query runs on a
 * freshly loaded page with the HTTP cache off (nothing of the index loaded but meta.json, which the page loads
 * before any query), then once more on the same page (the shard and documents already in memory). The site is
 * served from loopback by Undertow, every answer marked {@code Cache-Control: no-store}.
 */
class SearchBenchmark {
    private static final List<String> QUERIES = List.of("双拥", "军属", "优待", "慰问", "征兵", "医疗", "红色", "救援",
            "餐饮", "志愿");
    private static final String WARM_UP = "拥军";

    @Test
    void typicalTwoCharacterQueries() throws Exception {
        String dir = System.getProperty("rongguang.searchBench");
        assumeTrue(dir != null && !dir.isBlank(), "-Drongguang.searchBench=OUTPUT not given");
        Path output = Path.of(dir);
        assumeTrue(Files.isRegularFile(output.resolve("search/index/meta.json")), "no search index in " + output);
        StringBuilder report = new StringBuilder("query\tresults\tfiles\tbody bytes\ttransfer bytes\tcold ms\twarm ms\n");
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        // every page load starts cold: the server forbids caching, so nothing of the index comes from the HTTP
        // cache. Not the developer tools' switch for that: their network domain, once enabled, added about 30 ms
        // to a query's ten or so requests, which a reader's browser does not pay
        try (StaticServer server = StaticServer.uncached(output, "/"); Browser browser = Browser.open(1280, 900)) {
            // one query first, not counted: the server's and the browser's code is not yet compiled on the first
            openSearchPage(browser, server);
            measure(browser, WARM_UP);
            for (String q : QUERIES) {
                openSearchPage(browser, server);
                Map<String, Object> first = measure(browser, q);
                Map<String, Object> again = measure(browser, q);
                cold.add(((Number) first.get("ms")).doubleValue());
                warm.add(((Number) again.get("ms")).doubleValue());
                bytes.add(((Number) first.get("body")).longValue());
                report.append(q).append('\t').append(first.get("results")).append('\t').append(first.get("files"))
                        .append('\t').append(first.get("body")).append('\t').append(first.get("transfer"))
                        .append('\t').append(String.format("%.1f", cold.get(cold.size() - 1)))
                        .append('\t').append(String.format("%.1f", warm.get(warm.size() - 1))).append('\n');
            }
        }
        report.append("median\t\t\t").append(median(bytes.stream().map(Long::doubleValue).toList())).append("\t\t")
                .append(median(cold)).append('\t').append(median(warm)).append('\n');
        report.append("max\t\t\t").append(bytes.stream().mapToLong(Long::longValue).max().orElse(0)).append("\t\t")
                .append(cold.stream().mapToDouble(Double::doubleValue).max().orElse(0)).append('\t')
                .append(warm.stream().mapToDouble(Double::doubleValue).max().orElse(0)).append('\n');
        System.out.print(report);
        Files.writeString(Path.of("target/search-benchmark.tsv"), report);
    }

    /** Loads the search page afresh and waits until its script is ready for a query. */
    private static void openSearchPage(Browser browser, StaticServer server) {
        browser.get(server.url("search/"));
        browser.waiting().until(d -> browser.<Boolean>script("return typeof window.rongguangSearch === 'function'"));
    }

    /** Runs one query; the time is from the call to results in the page, the bytes those of search/ files fetched. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> measure(Browser browser, String query) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                performance.clearResourceTimings();
                var t0 = performance.now();
                window.rongguangSearch(arguments[0]).then(function (results) {
                  var ms = performance.now() - t0;
                  var shown = document.querySelectorAll('#search-results .search-result').length;
                  var files = performance.getEntriesByType('resource').filter(function (e) {
                    return e.name.indexOf('/search/') >= 0;
                  });
                  done({ms: ms, results: results.length, shown: shown, files: files.length,
                        body: files.reduce(function (s, e) { return s + e.encodedBodySize; }, 0),
                        transfer: files.reduce(function (s, e) { return s + e.transferSize; }, 0)});
                });
                """, query);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
