package rongguang.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetsTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) m.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private static String text(Assets assets, String name) {
        return assets.all().stream().filter(a -> a.name().equals(name)).map(a -> new String(a.bytes(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    @Test
    void namesCarryAnEightDigitHashOfTheContent() {
        Assets assets = Assets.of(files("style.css", "a { color: red }", "app.js", "var x = 1;\n", "LICENSE", "MIT"));
        assertThat(assets.hashedName("style.css")).matches("style\\.[0-9a-f]{8}\\.css");
        assertThat(assets.hashedName("app.js")).matches("app\\.[0-9a-f]{8}\\.js");
        assertThat(assets.hashedName("LICENSE")).matches("LICENSE\\.[0-9a-f]{8}");
        assertThat(assets.hashedName("missing.css")).isNull();
        assertThat(text(assets, "style.css")).isEqualTo("a{color:red}");
        assertThat(text(assets, "app.js")).as("scripts are not minified").isEqualTo("var x = 1;\n");
    }

    @Test
    void theSameContentGivesTheSameNameAndOtherContentAnother() {
        String a = Assets.of(files("style.css", "a { color: red }")).hashedName("style.css");
        assertThat(Assets.of(files("style.css", "a{color:red}/* only a comment */")).hashedName("style.css")).isEqualTo(a);
        assertThat(Assets.of(files("style.css", "a { color: blue }")).hashedName("style.css")).isNotEqualTo(a);
    }

    @Test
    void urlsInStylesheetsNameTheHashedFiles() {
        Assets assets = Assets.of(files(
                "css/site.css", "@font-face{src:url(../fonts/hei.woff2) format('woff2')}"
                        + ".a{background:url( \"../img/bg.svg#x\" )}.b{background:url(data:image/png;base64,AAAA)}"
                        + ".c{background:url(/elsewhere.png)}.d{background:url(../img/missing.png)}",
                "fonts/hei.woff2", "font bytes",
                "img/bg.svg", "<svg/>"));
        String css = text(assets, "css/site.css");
        assertThat(css).contains("url(../" + assets.hashedName("fonts/hei.woff2") + ")")
                .contains("url(\"../" + assets.hashedName("img/bg.svg") + "#x\")")
                .contains("url(data:image/png;base64,AAAA)")
                .contains("url(/elsewhere.png)")
                .contains("url(../img/missing.png)");
    }

    @Test
    void importedStylesheetsAreNamedByTheirHashToo() {
        Assets assets = Assets.of(files("main.css", "@import \"parts/grid.css\";@import url('parts/grid.css');a{content:\"parts/grid.css\"}",
                "parts/grid.css", ".grid { display: grid }"));
        String grid = assets.hashedName("parts/grid.css");
        assertThat(text(assets, "main.css")).isEqualTo("@import \"" + grid + "\";@import url('" + grid
                + "');a{content:\"parts/grid.css\"}");
    }

    @Test
    void aChangedFontChangesTheStylesheetThatUsesIt() {
        String before = Assets.of(files("style.css", "@font-face{src:url(f.woff2)}", "f.woff2", "one")).hashedName("style.css");
        String after = Assets.of(files("style.css", "@font-face{src:url(f.woff2)}", "f.woff2", "two")).hashedName("style.css");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void stylesheetsThatReferToEachOtherDoNotLoop() {
        Assets assets = Assets.of(files("a.css", ".a{background:url(b.css)}", "b.css", ".b{background:url(a.css)}"));
        assertThat(assets.hashedName("a.css")).isNotNull();
        assertThat(assets.hashedName("b.css")).isNotNull();
    }

    @Test
    void readsNestedFoldersAndSkipsHiddenFiles() throws IOException {
        Files.createDirectories(dir.resolve("fonts"));
        Files.writeString(dir.resolve("fonts/a.woff2"), "x");
        Files.writeString(dir.resolve(".style.css.swp"), "x");
        Files.writeString(dir.resolve("style.css"), "a { b: c }");
        Assets assets = Assets.read(dir);
        assertThat(assets.names()).containsExactly("fonts/a.woff2", "style.css");
        assertThat(assets.files()).containsKeys("style.css", assets.hashedName("style.css"), "fonts/a.woff2",
                assets.hashedName("fonts/a.woff2"));
        assertThat(Assets.read(dir.resolve("none")).names()).isEmpty();
    }
}
