package rongguang.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import rongguang.model.SiteInput;
import rongguang.problems.Problem;
import rongguang.problems.Problems;
import rongguang.problems.Severity;

/** A site folder in a temporary directory, written file by file, and loaded through {@link SiteLoader}. */
final class TempSite {
    static final String SITE_JSON = """
            {
              "title": "长沙双拥网",
              "baseUrl": "https://sy.changsha.gov.cn/",
              "organization": "长沙市双拥工作领导小组办公室"
            }
            """;

    final Path dir;
    final Problems problems = new Problems();

    TempSite(Path dir) {
        this.dir = dir;
        write("content/site.json", SITE_JSON);
    }

    /** Writes {@code text} as UTF-8 to {@code rel} (relative to the site folder); returns the text. */
    String write(String rel, String text) {
        writeBytes(rel, text.getBytes(StandardCharsets.UTF_8));
        return text;
    }

    void writeBytes(String rel, byte[] bytes) {
        try {
            Path file = dir.resolve(rel);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SiteInput load() {
        SiteInput input;
        try {
            input = new SiteLoader(dir, BodyStore.temporary(), java.util.Map.of()).load(problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(input).as("site input (site.json is valid)").isNotNull();
        return input;
    }

    /** The problems reported for one file, sorted by place. */
    List<Problem> problemsOf(String rel) {
        return problems.sorted().stream().filter(p -> p.file().equals(rel)).toList();
    }

    List<Problem> errors() {
        return problems.sorted().stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** 1-based line and column of the first occurrence of {@code needle} in {@code text}, plus {@code shift}. */
    static int[] placeOf(String text, String needle, int shift) {
        int index = text.indexOf(needle);
        assertThat(index).as("“%s” occurs in the test input", needle).isGreaterThanOrEqualTo(0);
        index += shift;
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        int line = 1 + (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        return new int[] {line, index - lineStart + 1};
    }

    static int[] placeOf(String text, String needle) {
        return placeOf(text, needle, 0);
    }
}
