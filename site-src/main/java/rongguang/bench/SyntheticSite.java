package rongguang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic site for benchmarks: articles of about 4 KB of mixed Chinese and Latin Markdown (headings,
 * lists, a table, links, a code block) over columns, tags and cities, with cities, exemplars and merchants in
 * proportion. The same seed gives the same bytes. Beside it, the same articles as a Hugo site, so that both
 * generators are timed on the same Markdown.
 */
public final class SyntheticSite {
    private static final String[] WORDS = {
        "双拥", "模范城", "退役军人", "优待证", "拥军", "优属", "军民", "鱼水情", "服务保障", "光荣之家",
        "军属", "烈属", "安置", "就业", "创业", "培训", "慰问", "走访", "政策", "落实", "部队", "官兵",
        "国防教育", "征兵", "荣誉", "连冠", "社区", "街道", "志愿服务", "医疗", "教育", "交通", "文旅",
        "商家", "联盟", "优惠", "免费", "窗口", "专班", "清单", "机制", "共建", "军地", "协作", "项目",
        "保障", "关爱", "帮扶", "困难", "家庭", "喜报", "立功", "表彰", "典型", "事迹", "宣传", "展厅",
        "纪念馆", "红色", "传承", "精神", "新时代", "高质量", "发展", "乡村", "振兴", "应急", "救援",
    };
    private static final String[] JOINERS = {"的", "和", "与", "在", "把", "让", "为", "对", "向", "从"};
    private static final String[] VERBS = {"推进", "完善", "建立", "开展", "深化", "提升", "组织", "落实", "加强", "创新"};
    private static final String[] LATIN = {"GDP", "App", "2.0", "5G", "IT", "VR", "PDF", "Wi-Fi", "QR", "Excel"};
    private static final String[] COLUMNS = {"双拥动态", "政策解读", "模范城风采", "人物故事", "拥军优属", "退役军人服务",
        "国防教育", "军民共建"};
    private static final String[] PLACES = {"长", "安", "宁", "江", "山", "河", "海", "阳", "平", "华", "兴", "德", "泰",
        "丰", "川", "云", "林", "峰", "南", "北", "东", "西", "新", "源"};
    private static final String[] MERCHANT_CATEGORIES = {"餐饮", "服饰", "家电", "医药", "医疗", "金融", "交通", "文旅",
        "住宿", "教育", "超市百货", "通信", "汽车服务", "美容美发"};
    private static final String[] EXEMPLAR_CATEGORIES = {"最美退役军人", "最美拥军人物", "模范退役军人", "最美军嫂"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"建", "国", "军", "华", "明", "强", "伟", "芳", "丽", "勇", "海", "峰", "平",
        "红", "志", "新", "春", "文", "德", "忠"};
    private static final int TAGS = 60; // fewer than WORDS: each tag is one word

    /** How big a site to write; {@code cities}, {@code exemplars} and {@code merchants} follow the article count unless given. */
    public record Size(int articles, int cities, int exemplars, int merchants) {
        public static Size of(int articles, Integer merchants) {
            return new Size(articles, Math.max(10, articles / 50), Math.max(10, articles / 40),
                    merchants != null ? merchants : Math.max(10, articles / 10));
        }
    }

    private final Size size;
    private final long seed;

    public SyntheticSite(Size size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    /** Writes {@code dir/rongguang} (content/ and a copy of {@code theme} as templates/) and {@code dir/hugo}. */
    public void write(Path dir, Path theme) throws IOException {
        Path site = dir.resolve("rongguang");
        Path hugo = dir.resolve("hugo");
        Files.createDirectories(site.resolve("content/articles"));
        Files.createDirectories(hugo.resolve("content/posts"));
        copyTheme(theme, site.resolve("templates"));
        writeSettings(site.resolve("content/site.json"));
        writeCities(site.resolve("content/data/cities"));
        writeExemplars(site.resolve("content/data/exemplars"));
        writeMerchants(site.resolve("content/data/merchants"));
        HugoSite.writeSkeleton(hugo);
        for (int i = 0; i < size.articles(); i++) {
            Random r = random(1, i);
            Article a = article(i, r);
            String folder = "content/articles/" + a.date().getYear();
            Files.createDirectories(site.resolve(folder));
            write(site.resolve(folder + "/" + slug(i) + ".md"), a.rongguang());
            write(hugo.resolve("content/posts/" + slug(i) + ".md"), a.hugo());
        }
    }

    /** One article, in both front-matter dialects over the same body. */
    record Article(String title, LocalDateTime date, String column, List<String> tags, String city, String body) {
        String rongguang() {
            return "---\ntitle: " + quote(title) + "\ndate: " + iso(date) + "\ncolumn: " + column + "\ntags: ["
                    + String.join(", ", tags) + "]\ncities: [" + city + "]\n---\n" + body;
        }

        String hugo() {
            return "---\ntitle: " + quote(title) + "\ndate: " + iso(date) + "\ncategories: [" + column + "]\ntags: ["
                    + String.join(", ", tags) + "]\n---\n" + body;
        }

        private static String iso(LocalDateTime t) {
            return t.atOffset(ZoneOffset.ofHours(8)).toString();
        }
    }

    private Article article(int i, Random r) {
        // spread evenly over 2012–2025, whatever the count, so that every article is already published
        long step = 14L * 365 * 24 * 60 / Math.max(1, size.articles());
        LocalDateTime date = LocalDateTime.of(2012, 1, 1, 8, 0).plusMinutes(i * step + r.nextInt((int) Math.max(1, step)));
        String column = COLUMNS[r.nextInt(COLUMNS.length)];
        Set<String> tags = new LinkedHashSet<>();
        int n = 2 + r.nextInt(3);
        while (tags.size() < n) tags.add(tag(r.nextInt(TAGS)));
        String city = cityId(r.nextInt(size.cities()));
        return new Article(phrase(r, 4) + "（" + (i + 1) + "）", date, column, List.copyOf(tags), city, body(i, r));
    }

    /** About 4 KB: three sections of paragraphs, a list, a table, links and a code block. */
    private String body(int i, Random r) {
        StringBuilder b = new StringBuilder(4600);
        b.append(paragraph(r, 4)).append("\n\n");
        for (int s = 0; s < 3; s++) {
            b.append("## ").append(phrase(r, 2)).append("\n\n");
            b.append(paragraph(r, 5)).append("\n\n");
            if (s == 0) {
                for (int k = 0; k < 3; k++) b.append("- ").append(sentence(r)).append('\n');
                b.append('\n');
            }
            if (s == 1) {
                b.append("| 项目 | 数量 | 说明 |\n|---|---:|---|\n");
                for (int k = 0; k < 3; k++) {
                    b.append("| ").append(phrase(r, 1)).append(" | ").append(10 + r.nextInt(990)).append(" | ")
                            .append(phrase(r, 2)).append(" |\n");
                }
                b.append('\n');
            }
            if (s == 2) {
                int other = r.nextInt(Math.max(1, size.articles()));
                b.append("详见[").append(phrase(r, 2)).append("](/articles/").append(slug(other))
                        .append("/)和[中国军网](https://www.81.cn/)的报道。\n\n");
                b.append("```text\n服务热线 12345-").append(String.format(Locale.ROOT, "%04d", i % 10000))
                        .append("\nversion: ").append(1 + r.nextInt(9)).append('.').append(r.nextInt(10)).append("\n```\n\n");
            }
        }
        b.append(paragraph(r, 4)).append('\n');
        return b.toString();
    }

    private static String paragraph(Random r, int sentences) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < sentences; k++) b.append(sentence(r));
        return b.toString();
    }

    private static String sentence(Random r) {
        StringBuilder b = new StringBuilder();
        int clauses = 2 + r.nextInt(3);
        for (int c = 0; c < clauses; c++) {
            if (c > 0) b.append('，');
            b.append(word(r)).append(VERBS[r.nextInt(VERBS.length)]).append(word(r))
                    .append(JOINERS[r.nextInt(JOINERS.length)]).append(word(r)).append(word(r));
            if (r.nextInt(6) == 0) b.append(' ').append(LATIN[r.nextInt(LATIN.length)]).append(' ');
            if (r.nextInt(5) == 0) b.append(1 + r.nextInt(2000)).append("人次");
        }
        return b.append('。').toString();
    }

    private static String phrase(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < words; k++) b.append(word(r));
        return b.toString();
    }

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private void writeSettings(Path file) throws IOException {
        write(file, """
                {
                  "title": "双拥宣传门户（基准测试）",
                  "baseUrl": "https://bench.example.gov.cn/",
                  "organization": "基准测试",
                  "description": "用于测量生成速度的合成站点。",
                  "pageSize": 10,
                  "timeZone": "Asia/Shanghai"
                }
                """);
    }

    private void writeCities(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < size.cities(); i++) {
            Random r = random(2, i);
            int national = 1 + r.nextInt(8);
            String json = "{\n  \"id\": \"" + cityId(i) + "\",\n  \"name\": \"" + cityName(i) + "\",\n"
                    + "  \"province\": \"" + PLACES[r.nextInt(PLACES.length)] + PLACES[r.nextInt(PLACES.length)] + "省\",\n"
                    + "  \"honors\": [{\"level\": \"national\", \"title\": \"全国双拥模范城\", \"count\": " + national
                    + ", \"consecutive\": " + r.nextBoolean() + "}],\n"
                    + "  \"summary\": " + quote(paragraph(r, 2)) + ",\n"
                    + "  \"stats\": [{\"label\": \"拥军路\", \"value\": " + (1 + r.nextInt(50)) + ", \"unit\": \"条\"}]\n}\n";
            write(dir.resolve(cityId(i) + ".json"), json);
        }
    }

    private void writeExemplars(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < size.exemplars(); i++) {
            Random r = random(3, i);
            String json = "{\n  \"id\": \"exemplar-" + i + "\",\n  \"name\": \"" + personName(i) + "\",\n"
                    + "  \"category\": \"" + EXEMPLAR_CATEGORIES[r.nextInt(EXEMPLAR_CATEGORIES.length)] + "\",\n"
                    + "  \"summary\": " + quote(sentence(r)) + ",\n"
                    + "  \"city\": \"" + cityId(r.nextInt(size.cities())) + "\",\n"
                    + "  \"titles\": [{\"title\": \"最美退役军人\", \"year\": " + (2015 + r.nextInt(11)) + "}],\n"
                    + "  \"story\": " + quote(paragraph(r, 4) + "\n\n" + paragraph(r, 3)) + "\n}\n";
            write(dir.resolve("exemplar-" + i + ".json"), json);
        }
    }

    private void writeMerchants(Path dir) throws IOException {
        Files.createDirectories(dir);
        int perFile = 100;
        for (int start = 0; start < size.merchants(); start += perFile) {
            List<String> items = new ArrayList<>();
            for (int i = start; i < Math.min(size.merchants(), start + perFile); i++) {
                Random r = random(4, i);
                String category = MERCHANT_CATEGORIES[r.nextInt(MERCHANT_CATEGORIES.length)];
                int city = r.nextInt(size.cities());
                items.add("  {\"id\": \"merchant-" + i + "\", \"name\": \"" + PLACES[r.nextInt(PLACES.length)]
                        + PLACES[r.nextInt(PLACES.length)] + category + "店" + i + "\", \"city\": \"" + cityId(city)
                        + "\", \"category\": \"" + category + "\", \"address\": \"" + cityName(city) + "人民路"
                        + (1 + r.nextInt(300)) + "号\", \"offers\": [{\"for\": [\"退役军人\", \"现役军人\"], \"text\": "
                        + "\"凭优待证享受九折优惠\", \"discount\": 9}], \"credentials\": [\"优待证\"], "
                        + "\"reviewUntil\": \"" + LocalDate.of(2029, 1, 1).plusDays(r.nextInt(700)) + "\"}");
            }
            write(dir.resolve(String.format(Locale.ROOT, "merchants-%04d.json", start / perFile)),
                    "[\n" + String.join(",\n", items) + "\n]\n");
        }
    }

    private void copyTheme(Path theme, Path into) throws IOException {
        if (!Files.isDirectory(theme)) throw new IOException("找不到主题文件夹 " + theme + "（用 --theme 指定 templates/）");
        rongguang.write.OutputTree.copyFolder(theme, into);
    }

    /** One random stream per item, so that changing one count does not change the other items. */
    private Random random(int kind, int index) {
        return new Random(seed * 1_000_003L + kind * 10_000_019L + index);
    }

    static String slug(int i) {
        return String.format(Locale.ROOT, "a%06d", i);
    }

    private static String cityId(int i) {
        return "city-" + i;
    }

    private static String cityName(int i) {
        return PLACES[i % PLACES.length] + PLACES[(i / PLACES.length) % PLACES.length] + "市" + (i >= 576 ? i : "");
    }

    private static String personName(int i) {
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
                + GIVEN[(i / 400) % GIVEN.length];
    }

    private static String tag(int i) {
        return WORDS[i];
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
