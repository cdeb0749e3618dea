package rongguang.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Honor;
import rongguang.model.Merchant;
import rongguang.model.SiteInput;
import rongguang.model.Stat;
import rongguang.problems.Located;
import rongguang.problems.Problem;
import rongguang.problems.Severity;

class DataLoadingTest {
    @TempDir
    Path dir;
    TempSite site;

    @BeforeEach
    void setUp() {
        site = new TempSite(dir);
    }

    private static <T> List<T> values(List<Located<T>> located) {
        return located.stream().map(Located::value).toList();
    }

    private List<Problem> problemsOf(String rel) {
        return site.problemsOf(rel);
    }

    private Problem onlyProblem(String rel) {
        List<Problem> list = problemsOf(rel);
        assertThat(list).as("problems of " + rel).hasSize(1);
        return list.get(0);
    }

    private static void assertPlace(Problem p, Severity severity, int[] at) {
        assertThat(p.severity()).as("severity of " + p).isEqualTo(severity);
        assertThat(p.line()).as("line of " + p).isEqualTo(at[0]);
        assertThat(p.column()).as("column of " + p).isEqualTo(at[1]);
    }

    private static String merchantJson(String id, String offers) {
        return """
                {"id": "%s", "name": "书民大药房", "city": "handan", "category": "医药", "address": "复兴路1号",
                 "offers": %s}""".formatted(id, offers);
    }

    // ---- one object, an array

    @Test
    void cityFromAFileWithOneObject() {
        site.write("content/data/cities/changsha.json", """
                {
                  "id": "changsha",
                  "name": "长沙市",
                  "province": "湖南省",
                  "target": "全国双拥模范城“八连冠”",
                  "summary": "一段话。",
                  "location": {"lat": 28.2282, "lng": 112.9388},
                  "image": "/media/cities/changsha.jpg",
                  "honors": [{"level": "national", "title": "全国双拥模范城", "count": 7, "consecutive": true}]
                }
                """);
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();

        List<City> cities = values(input.cities());
        assertThat(cities).hasSize(1);
        City c = cities.get(0);
        assertThat(c.id()).isEqualTo("changsha");
        assertThat(c.name()).isEqualTo("长沙市");
        assertThat(c.province()).isEqualTo("湖南省");
        assertThat(c.kind()).isEqualTo(City.Kind.CITY);
        assertThat(c.target()).isEqualTo("全国双拥模范城“八连冠”");
        assertThat(c.location().lat()).isEqualTo(28.2282);
        assertThat(c.location().lng()).isEqualTo(112.9388);
        assertThat(c.image()).isEqualTo("cities/changsha.jpg");
        assertThat(c.source()).isEqualTo("content/data/cities/changsha.json");
        assertThat(c.honors()).singleElement().satisfies(h -> {
            assertThat(h.level()).isEqualTo(Honor.Level.NATIONAL);
            assertThat(h.title()).isEqualTo("全国双拥模范城");
            assertThat(h.count()).isEqualTo(7);
            assertThat(h.consecutive()).isTrue();
        });
    }

    @Test
    void citiesFromAFileWithAnArray() {
        site.write("content/data/cities/hunan.json", """
                [
                  {"id": "zhuzhou", "name": "株洲市", "province": "湖南省", "honors": []},
                  {"id": "liuyang", "name": "浏阳市", "province": "湖南省", "kind": "county", "honors": []},
                  {"id": "yuhua", "name": "雨花区", "province": "湖南省", "kind": "district", "honors": []}
                ]
                """);
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();
        assertThat(values(input.cities())).extracting(City::id, City::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zhuzhou", City.Kind.CITY),
                org.assertj.core.groups.Tuple.tuple("liuyang", City.Kind.COUNTY),
                org.assertj.core.groups.Tuple.tuple("yuhua", City.Kind.DISTRICT));
        assertThat(values(input.cities())).allSatisfy(c -> assertThat(c.honors()).isEmpty());
    }

    @Test
    void exemplarsFromAnObjectAndFromAnArray() {
        site.write("content/data/exemplars/tian.json", """
                {"id": "tian-junling", "name": "田俊岭", "category": "最美退役军人", "summary": "扎根基层二十年",
                 "city": "changsha", "role": "社区书记", "service": "在西藏边防服役10年",
                 "story": "他**始终**坚守。", "photo": "people/tian.jpg",
                 "titles": [{"title": "全国最美退役军人", "year": 2021, "edition": "第四届"}]}
                """);
        site.write("content/data/exemplars/more.json", """
                [
                  {"id": "li-hua", "name": "李华", "category": "最美军嫂", "summary": "照顾家庭"},
                  {"id": "wang-qiang", "name": "王强", "category": "最美拥军人物", "summary": "捐资助学"}
                ]
                """);
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();

        List<Exemplar> all = values(input.exemplars());
        assertThat(all).extracting(Exemplar::id).containsExactlyInAnyOrder("tian-junling", "li-hua", "wang-qiang");
        Exemplar tian = all.stream().filter(e -> e.id().equals("tian-junling")).findFirst().orElseThrow();
        assertThat(tian.city()).isEqualTo("changsha");
        assertThat(tian.storyHtml()).contains("<strong>始终</strong>");
        assertThat(tian.photo()).isEqualTo("people/tian.jpg");
        assertThat(tian.titles()).singleElement().satisfies(t -> {
            assertThat(t.year()).isEqualTo(2021);
            assertThat(t.text()).isEqualTo("2021年 第四届全国最美退役军人");
        });
        assertThat(tian.source()).isEqualTo("content/data/exemplars/tian.json");
    }

    @Test
    void merchantsFromAnObjectAndFromAnArray() {
        site.write("content/data/merchants/one.json", merchantJson("shumin",
                "[{\"for\": [\"现役军人\", \"退役军人\"], \"text\": \"药品八五折\", \"discount\": 8.5}]"));
        site.write("content/data/merchants/many.json", "[\n" + merchantJson("a-shop",
                "[{\"for\": \"军属\", \"text\": \"免费停车\", \"free\": true}]") + ",\n" + merchantJson("b-shop",
                "[{\"for\": [\"烈属\"], \"text\": \"九五折\", \"discount\": 9.5}]") + "\n]\n");
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();

        List<Merchant> all = values(input.merchants());
        assertThat(all).extracting(Merchant::id).containsExactly("a-shop", "b-shop", "shumin");
        Merchant shumin = all.get(2);
        assertThat(shumin.city()).isEqualTo("handan");
        assertThat(shumin.offers()).singleElement().satisfies(o -> {
            assertThat(o.groups()).containsExactly("现役军人", "退役军人");
            assertThat(o.discount()).isEqualByComparingTo("8.5");
            assertThat(o.label()).isEqualTo("8.5折");
            assertThat(o.free()).isFalse();
        });
        Merchant a = all.get(0);
        assertThat(a.offers().get(0).groups()).containsExactly("军属");
        assertThat(a.offers().get(0).label()).isEqualTo("免费");
        assertThat(a.source()).isEqualTo("content/data/merchants/many.json");
    }

    // ---- honors

    @Test
    void honorsCountStreakAndDefaults() {
        site.write("content/data/cities/changsha.json", """
                {"id": "changsha", "name": "长沙市", "province": "湖南省", "honors": [
                  {"level": "national", "title": "全国双拥模范城", "consecutive": true,
                   "years": [2000, 2004, 2008, 2012, 2016, 2020, 2024]},
                  {"level": "national", "title": "全国双拥模范城", "count": 10, "consecutive": true},
                  {"level": "national", "title": "全国双拥模范城", "count": 12, "consecutive": true},
                  {"level": "provincial", "title": "湖南省双拥模范城"},
                  {"level": "municipal", "title": "拥军优属先进", "years": [2021, 2019, 2021]},
                  {"level": "provincial", "title": "一次", "consecutive": true, "years": [2020]},
                  {"level": "provincial", "title": "不连续", "count": 5}
                ]}
                """);
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();
        List<Honor> honors = values(input.cities()).get(0).honors();
        assertThat(honors).hasSize(7);

        assertThat(honors.get(0).count()).as("count = number of years").isEqualTo(7);
        assertThat(honors.get(0).streakLabel()).isEqualTo("七连冠");
        assertThat(honors.get(0).years()).containsExactly(2000, 2004, 2008, 2012, 2016, 2020, 2024);
        assertThat(honors.get(1).streakLabel()).isEqualTo("十连冠");
        assertThat(honors.get(2).streakLabel()).isEqualTo("十二连冠");
        assertThat(honors.get(2).countLabel()).isEqualTo("十二连冠");

        Honor noYears = honors.get(3);
        assertThat(noYears.count()).as("no count, no years: 1").isEqualTo(1);
        assertThat(noYears.consecutive()).isFalse();
        assertThat(noYears.streakLabel()).isNull();
        assertThat(noYears.level()).isEqualTo(Honor.Level.PROVINCIAL);

        Honor repeatedYears = honors.get(4);
        assertThat(repeatedYears.years()).containsExactly(2019, 2021);
        assertThat(repeatedYears.count()).isEqualTo(2);
        assertThat(repeatedYears.level()).isEqualTo(Honor.Level.MUNICIPAL);

        assertThat(honors.get(5).count()).isEqualTo(1);
        assertThat(honors.get(5).streakLabel()).as("a streak of one is no streak").isNull();
        assertThat(honors.get(6).streakLabel()).as("not consecutive").isNull();
        assertThat(honors.get(6).countLabel()).isEqualTo("5次");
    }

    @Test
    void honorWithUnknownLevelOrBadCountIsAnError() {
        String text = site.write("content/data/cities/x.json", """
                {"id": "x", "name": "某市", "province": "某省", "honors": [
                  {"level": "global", "title": "全国双拥模范城"},
                  {"level": "national", "title": "全国双拥模范城", "count": 0}
                ]}
                """);
        site.load();
        List<Problem> list = problemsOf("content/data/cities/x.json");
        assertThat(list).hasSize(2).allMatch(p -> p.severity() == Severity.ERROR);
        assertPlace(list.get(0), Severity.ERROR, TempSite.placeOf(text, "\"global\""));
        assertPlace(list.get(1), Severity.ERROR, TempSite.placeOf(text, "0}"));
        assertThat(list.get(0).message()).contains("global");
        assertThat(list.get(1).message()).contains("count");
    }

    // ---- stats

    @Test
    void statTextPutsTheQualifierWhereChineseWritesIt() {
        site.write("content/data/cities/changsha.json", """
                {"id": "changsha", "name": "长沙市", "province": "湖南省", "honors": [], "stats": [
                  {"label": "拥军企业", "value": 1805, "unit": "个", "qualifier": "余"},
                  {"label": "优抚资金", "value": 4, "unit": "万元", "qualifier": "近"},
                  {"label": "服务", "value": 2.50, "unit": "万人次", "qualifier": "超"},
                  {"label": "投入", "value": 1000, "unit": "万元", "qualifier": "余"},
                  {"label": "站点", "value": 12, "unit": "个"}
                ]}
                """);
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();
        List<Stat> stats = values(input.cities()).get(0).stats();
        assertThat(stats).extracting(Stat::text).containsExactly("1805余个", "近4万元", "超2.5万人次", "1000余万元", "12个");
        assertThat(stats.get(2).value()).isEqualByComparingTo("2.5");
    }

    @Test
    void statTextWithoutUnitOrQualifier() {
        assertThat(new Stat("x", new BigDecimal("3.0"), null, null).text()).isEqualTo("3");
        assertThat(new Stat("x", new BigDecimal("300"), null, "近").text()).isEqualTo("近300");
        assertThat(new Stat("x", new BigDecimal("300"), "人", "多").text()).isEqualTo("300多人");
    }

    // ---- problems

    @Test
    void idThatIsNotASlugIsAnErrorAtItsValue() {
        String text = site.write("content/data/cities/bad.json", """
                [
                  {"id": "zhuzhou", "name": "株洲市", "province": "湖南省", "honors": []},
                  {"id": "Chang Sha", "name": "长沙市", "province": "湖南省", "honors": []}
                ]
                """);
        SiteInput input = site.load();
        assertThat(values(input.cities())).extracting(City::id).containsExactly("zhuzhou");
        Problem p = onlyProblem("content/data/cities/bad.json");
        int[] at = TempSite.placeOf(text, "\"Chang Sha\"");
        assertThat(at).containsExactly(3, 10);
        assertPlace(p, Severity.ERROR, at);
        assertThat(p.message()).contains("Chang Sha");
        assertThat(p.format()).startsWith("content/data/cities/bad.json:3:10: 错误: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "-1", "10.5", "0.0"})
    void discountOutsideZeroToTenIsAnError(String discount) {
        String text = site.write("content/data/merchants/m.json", merchantJson("shop",
                "[{\"for\": [\"现役军人\"], \"text\": \"优惠\", \"discount\": " + discount + "}]"));
        site.load();
        Problem p = onlyProblem("content/data/merchants/m.json");
        assertPlace(p, Severity.ERROR, TempSite.placeOf(text, "\"discount\": " + discount, "\"discount\": ".length()));
        assertThat(p.message()).contains("discount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "5", "8.5", "9.9"})
    void discountBetweenZeroAndTenIsAccepted(String discount) {
        site.write("content/data/merchants/m.json", merchantJson("shop",
                "[{\"for\": [\"现役军人\"], \"text\": \"优惠\", \"discount\": " + discount + "}]"));
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();
        assertThat(values(input.merchants()).get(0).offers().get(0).discount()).isEqualByComparingTo(discount);
    }

    @Test
    void emptyOffersIsAnError() {
        String text = site.write("content/data/merchants/m.json", merchantJson("shop", "[]"));
        SiteInput input = site.load();
        assertThat(input.merchants()).isEmpty();
        Problem p = onlyProblem("content/data/merchants/m.json");
        assertPlace(p, Severity.ERROR, TempSite.placeOf(text, "[]"));
        assertThat(p.message()).contains("offers");
    }

    @Test
    void offerWithoutGroupsOrTextIsAnError() {
        String text = site.write("content/data/merchants/m.json", merchantJson("shop",
                "[{\"text\": \"九折\"}, {\"for\": []}]"));
        SiteInput input = site.load();
        assertThat(input.merchants()).isEmpty();
        List<Problem> list = problemsOf("content/data/merchants/m.json");
        assertThat(list).extracting(Problem::severity).containsOnly(Severity.ERROR);
        assertThat(list).extracting(Problem::message).anyMatch(m -> m.contains("for") && m.contains("缺少"));
        assertThat(list).extracting(Problem::message).anyMatch(m -> m.contains("text"));
        // the missing "for" is reported at the offer object itself
        int[] first = TempSite.placeOf(text, "{\"text\"");
        assertThat(list).anySatisfy(p -> {
            assertThat(p.message()).contains("for");
            assertThat(new int[] {p.line(), p.column()}).containsExactly(first);
        });
    }

    @Test
    void missingRequiredKeysAreErrorsAtTheObject() {
        String cities = site.write("content/data/cities/c.json", """
                [
                  {"id": "ok", "name": "某市", "province": "某省", "honors": []},
                  {"name": "缺编号"}
                ]
                """);
        String merchants = site.write("content/data/merchants/m.json", """
                {"id": "shop", "name": "店", "category": "餐饮"}
                """);
        String exemplars = site.write("content/data/exemplars/e.json", """
                {"id": "someone", "name": "某人", "category": "最美退役军人"}
                """);
        SiteInput input = site.load();
        assertThat(values(input.cities())).extracting(City::id).containsExactly("ok");
        assertThat(input.merchants()).isEmpty();
        assertThat(input.exemplars()).isEmpty();

        int[] cityObject = TempSite.placeOf(cities, "{\"name\"");
        List<Problem> cityProblems = problemsOf("content/data/cities/c.json");
        assertThat(cityProblems).extracting(Problem::message).hasSize(3)
                .anyMatch(m -> m.contains("“id”")).anyMatch(m -> m.contains("“province”"))
                .anyMatch(m -> m.contains("“honors”"));
        assertThat(cityProblems).allSatisfy(p -> assertPlace(p, Severity.ERROR, cityObject));

        List<Problem> merchantProblems = problemsOf("content/data/merchants/m.json");
        assertThat(merchantProblems).extracting(Problem::message).hasSize(3)
                .anyMatch(m -> m.contains("“city”")).anyMatch(m -> m.contains("“address”"))
                .anyMatch(m -> m.contains("“offers”"));
        assertThat(merchantProblems).allSatisfy(p -> assertPlace(p, Severity.ERROR, TempSite.placeOf(merchants, "{")));

        Problem e = onlyProblem("content/data/exemplars/e.json");
        assertThat(e.message()).contains("“summary”");
        assertPlace(e, Severity.ERROR, TempSite.placeOf(exemplars, "{"));
    }

    @Test
    void jsonSyntaxErrorIsReportedAtItsPlace() {
        String text = site.write("content/data/cities/syntax.json", """
                {
                  "id": "x",
                  "name": "某市"
                  "province": "某省",
                  "honors": []
                }
                """);
        SiteInput input = site.load();
        assertThat(input.cities()).isEmpty();
        Problem p = onlyProblem("content/data/cities/syntax.json");
        // the comma is missing before "province"
        int[] at = TempSite.placeOf(text, "\"province\"");
        assertThat(at).containsExactly(4, 3);
        assertPlace(p, Severity.ERROR, at);
        assertThat(p.message()).contains("JSON");
    }

    @Test
    void trailingGarbageAndTruncatedFilesAreSyntaxErrors() {
        site.write("content/data/cities/trailing.json", "{\"id\": \"a\", \"name\": \"某\", \"province\": \"某\", \"honors\": []}\n}\n");
        site.write("content/data/cities/truncated.json", "[\n  {\"id\": \"b\",\n");
        SiteInput input = site.load();
        assertThat(input.cities()).isEmpty();
        Problem trailing = onlyProblem("content/data/cities/trailing.json");
        assertThat(trailing.severity()).isEqualTo(Severity.ERROR);
        assertThat(trailing.line()).isEqualTo(2);
        assertThat(onlyProblem("content/data/cities/truncated.json").severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        String text = site.write("content/data/cities/dup.json", """
                {
                  "id": "dupe",
                  "name": "第一个",
                  "province": "某省",
                  "name": "第二个",
                  "honors": []
                }
                """);
        site.load();
        Problem p = onlyProblem("content/data/cities/dup.json");
        int[] at = TempSite.placeOf(text, "\"name\": \"第二个\"");
        assertThat(at).containsExactly(5, 3);
        assertPlace(p, Severity.ERROR, at);
        assertThat(p.message()).contains("name").contains("重复");
    }

    @Test
    void unknownKeyInDataIsAWarningWithASuggestion() {
        String text = site.write("content/data/cities/x.json", """
                {"id": "x", "name": "某市", "provinse": "某省", "province": "某省", "honors": []}
                """);
        SiteInput input = site.load();
        assertThat(input.cities()).hasSize(1);
        Problem p = onlyProblem("content/data/cities/x.json");
        assertPlace(p, Severity.WARNING, TempSite.placeOf(text, "\"provinse\""));
        assertThat(p.message()).contains("provinse").contains("“province”");
    }

    @Test
    void fileThatIsNeitherObjectNorArrayIsAnError() {
        site.write("content/data/exemplars/s.json", "\"just text\"\n");
        site.write("content/data/exemplars/a.json", "[1, {\"id\": \"ok\", \"name\": \"某\", \"category\": \"c\", \"summary\": \"s\"}]\n");
        SiteInput input = site.load();
        assertThat(values(input.exemplars())).extracting(Exemplar::id).containsExactly("ok");
        assertThat(onlyProblem("content/data/exemplars/s.json").severity()).isEqualTo(Severity.ERROR);
        Problem item = onlyProblem("content/data/exemplars/a.json");
        assertThat(item.severity()).isEqualTo(Severity.ERROR);
        assertThat(new int[] {item.line(), item.column()}).containsExactly(1, 2);
    }

    @Test
    void byteOrderMarkIsAcceptedInDataFiles() {
        byte[] json = "{\"id\": \"bom\", \"name\": \"某市\", \"province\": \"某省\", \"honors\": []}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        site.writeBytes("content/data/cities/bom.json", withBom);
        SiteInput input = site.load();
        assertThat(site.problems.sorted()).isEmpty();
        assertThat(values(input.cities())).extracting(City::id).containsExactly("bom");
    }

    @Test
    void gbkDataFileIsAnError() {
        byte[] gbk = "{\"id\": \"x\", \"name\": \"长沙市\"}".getBytes(java.nio.charset.Charset.forName("GBK"));
        site.writeBytes("content/data/cities/gbk.json", gbk);
        SiteInput input = site.load();
        assertThat(input.cities()).isEmpty();
        Problem p = onlyProblem("content/data/cities/gbk.json");
        assertThat(p.message()).contains("不是 UTF-8");
        assertThat(new int[] {p.line(), p.column()}).containsExactly(1, "{\"id\": \"x\", \"name\": \"".length() + 1);
    }
}
