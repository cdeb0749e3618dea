package rongguang.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import rongguang.load.Tree;
import rongguang.problems.Place;

/**
 * Facts in the data that must not go out wrong: merchants whose alliance review has lapsed (they have already
 * left the directory, so they are read from the data files, not from the built site) or lapses soon, honor counts
 * that contradict their years, exemplars without a photo. Read from the files' trees, so that each finding points
 * at the very value.
 */
final class DataCheck {
    private final Findings findings;
    private final LocalDate today;
    private final int warningDays;

    /** @param today the day the build considers today, in the site's time zone */
    DataCheck(Findings findings, LocalDate today, int warningDays) {
        this.findings = findings;
        this.today = today;
        this.warningDays = warningDays;
    }

    void run(ContentSources sources) {
        for (ContentSources.DataFile file : sources.data) {
            for (Map.Entry<String, JsonNode> o : file.objects().entrySet()) {
                switch (file.kind()) {
                    case "cities" -> honors(file, o.getKey(), o.getValue());
                    case "exemplars" -> photo(file, o.getKey(), o.getValue());
                    case "merchants" -> review(file, o.getKey(), o.getValue());
                    default -> { }
                }
            }
        }
    }

    /** A count that is written beside years must be the number of those years. */
    private void honors(ContentSources.DataFile file, String city, JsonNode node) {
        JsonNode honors = node.get("honors");
        if (honors == null || !honors.isArray()) return;
        for (int i = 0; i < honors.size(); i++) {
            JsonNode h = honors.get(i);
            JsonNode count = h.get("count");
            JsonNode years = h.get("years");
            if (count == null || !count.isIntegralNumber() || years == null || !years.isArray() || years.isEmpty()) continue;
            TreeSet<Integer> distinct = new TreeSet<>();
            years.forEach(y -> {
                if (y.isIntegralNumber()) distinct.add(y.intValue());
            });
            if (distinct.size() == count.intValue()) continue;
            String pointer = Tree.child(Tree.child(Tree.child(city, "honors"), i), "count");
            String title = text(h, "title", "荣誉");
            findings.add(Rule.HONOR_COUNT, place(file, pointer), text(node, "name", "") + "“" + title + "”的次数 count 是 "
                    + count.asText() + "，但 years 列出了 " + distinct.size() + " 个年份（"
                    + distinct.stream().map(String::valueOf).collect(Collectors.joining("、"))
                    + "）：页面会同时显示两者，请核对后改成一致", count.asText());
        }
    }

    private void photo(ContentSources.DataFile file, String exemplar, JsonNode node) {
        JsonNode photo = node.get("photo");
        if (photo != null && photo.isTextual() && !photo.asText().isBlank()) return;
        String name = text(node, "name", text(node, "id", ""));
        String pointer = Tree.child(exemplar, node.has("name") ? "name" : "id");
        findings.add(Rule.EXEMPLAR_PHOTO, place(file, pointer),
                "人物“" + name + "”没有照片（photo），页面上只显示姓名首字的占位图", name);
    }

    /** After reviewUntil a merchant is left out of the directory; some days before, its editors should know. */
    private void review(ContentSources.DataFile file, String merchant, JsonNode node) {
        JsonNode value = node.get("reviewUntil");
        if (value == null || !value.isTextual()) return;
        LocalDate until;
        try {
            until = LocalDate.parse(value.asText().strip());
        } catch (DateTimeParseException e) {
            return; // the build reports it
        }
        String name = text(node, "name", text(node, "id", ""));
        Place at = place(file, Tree.child(merchant, "reviewUntil"));
        long days = ChronoUnit.DAYS.between(today, until);
        if (days < 0) {
            findings.add(Rule.MERCHANT_EXPIRED, at, "商家“" + name + "”的审核有效期（reviewUntil）" + until + " 已过 "
                    + (-days) + " 天，已从商家名录中撤下：复审后更新日期，或删除该商家", value.asText());
        } else if (days <= warningDays) {
            String when = days == 0 ? "今天到期" : "还有 " + days + " 天到期";
            findings.add(Rule.MERCHANT_EXPIRING, at, "商家“" + name + "”的审核有效期（reviewUntil）" + until + " " + when
                    + "，过期后将从商家名录中撤下：请及时复审", value.asText());
        }
    }

    private static String text(JsonNode node, String key, String otherwise) {
        JsonNode v = node.get(key);
        return v != null && v.isTextual() ? v.asText().strip() : otherwise;
    }

    private static Place place(ContentSources.DataFile file, String pointer) {
        Tree.Position p = file.tree().valueAt(pointer);
        return new Place(file.document().file, p.line(), p.column());
    }
}
