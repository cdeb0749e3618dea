package rongguang.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A large site for timing: the bundled sample site plus {@code N} generated articles whose bodies are the sample
 * articles' bodies (tables, footnotes, links to other articles and to media), so that every page is as rich as a
 * real one and the whole site is as clean as the sample.
 *
 * <pre>java -cp target/test-classes:target/rongguang.jar rongguang.testing.SyntheticSite /tmp/syn 10000</pre>
 */
public final class SyntheticSite {
    private static final String[] COLUMNS = {"双拥动态", "拥军优属", "先进典型", "图说双拥", "政策解读", "基层风采"};
    private static final String[] TAGS = {"双拥模范城", "拥军优属", "国防教育", "拥军联盟", "退役军人", "军地共建",
            "优待证", "最美退役军人", "军属", "志愿服务", "光荣榜", "八一"};

    private SyntheticSite() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        write(dir, count);
        System.out.println("wrote " + count + " articles and the sample site to " + dir);
    }

    public static void write(Path dir, int count) throws IOException {
        TestSite.copyTree(TestSite.SAMPLE.resolve("content"), dir.resolve("content"));
        TestSite.copyTree(TestSite.SAMPLE.resolve("templates"), dir.resolve("templates"));
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TestSite.SAMPLE.resolve("content/articles"))) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".md")).sorted()::iterator) {
                String text = Files.readString(p);
                bodies.add(text.substring(text.indexOf("\n---\n", 3) + 5));
            }
        }
        Path articles = dir.resolve("content/articles/synthetic");
        Files.createDirectories(articles);
        for (int i = 0; i < count; i++) {
            String date = String.format("20%02d-%02d-%02d", 10 + i % 15, 1 + i % 12, 1 + i % 28);
            String front = "---\ntitle: 双拥工作简报第" + (i + 1) + "期\ndate: " + date + "\ncolumn: "
                    + COLUMNS[i % COLUMNS.length] + "\ntags: [" + TAGS[i % TAGS.length] + ", " + TAGS[(i / 7) % TAGS.length]
                    + "]\ncities: [changsha]\n---\n";
            Files.writeString(articles.resolve(String.format("syn-%05d.md", i)),
                    front + bodies.get(i % bodies.size()), StandardCharsets.UTF_8);
        }
    }
}
