package rongguang.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import rongguang.load.Markdown;
import rongguang.load.Tree;
import rongguang.problems.Place;

/**
 * Every internal {@code href}, {@code src} and {@code srcset} of every generated HTML page must lead to a
 * generated file, and a fragment to an element of that page with its id (or an {@code a} with its name); images
 * need an {@code alt}. External links are counted, never fetched.
 *
 * <p>Pages are read in parallel, once each, without positions; only a page with a finding is read again with
 * jsoup's source positions to place it. A link written in an article's (or an exemplar story's) Markdown is
 * reported at its place there; others come from templates or data, are reported on the page, and the same broken
 * target on many pages is one finding that says how many pages have it.
 */
final class LinkCheck {
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src");

    record Result(int pages, List<ExternalLink> external) {}

    /** Stands for the URL in a message: the page's, or the one written in Markdown when the finding is placed there. */
    private static final String URL = "\u0000url\u0000";

    /** A problem on a page: the element (by its index among the page's elements), attribute and URL. */
    private record Use(String page, int element, String attribute, String url, Rule rule, String group,
                       String message) {
        String message(String url) {
            return message.replace(URL, url);
        }
    }

    /** A link to a fragment of another page, settled once every page has been read. */
    private record Pending(Use use, String target, String fragment) {}

    private record Scan(List<Use> uses, List<Pending> pending, Set<String> external) {}

    private final Path output;
    private final String shownAs;
    private final LinkTargets targets;
    private final Findings findings;
    private final Function<String, MarkdownText> bodyOf;
    private final Map<String, Place> menu;
    private Set<String> files;

    /**
     * @param shownAs how the output folder is named in the report, e.g. {@code output}
     * @param bodyOf  the Markdown behind a page's body (an article's, an exemplar's story), or null for none
     * @param menu    where site.json's menu links are written, by the path they lead to: a broken one is reported
     *                there rather than on the pages
     */
    LinkCheck(Path output, String shownAs, String baseUrl, Findings findings, Function<String, MarkdownText> bodyOf,
              Map<String, Place> menu) {
        this.output = output;
        this.shownAs = shownAs;
        this.targets = new LinkTargets(baseUrl);
        this.findings = findings;
        this.bodyOf = bodyOf;
        this.menu = menu;
    }

    /** The paths that site.json's menu links lead to, with the place of each link. */
    static Map<String, Place> menuLinks(ContentSources sources, String baseUrl) {
        Map<String, Place> out = new HashMap<>();
        LinkTargets targets = new LinkTargets(baseUrl);
        for (ContentSources.DataFile site : sources.data) {
            if (!site.kind().equals("site") || !site.tree().root.path("nav").isArray()) continue;
            JsonNode nav = site.tree().root.get("nav");
            for (int i = 0; i < nav.size(); i++) {
                JsonNode url = nav.get(i).get("url");
                if (url == null || !url.isTextual() || url.asText().contains(":") || url.asText().startsWith("//")) continue;
                if (targets.fromRoot(url.asText().strip()) instanceof LinkTargets.Internal in) {
                    Tree.Position at = site.tree().valueAt(Tree.child(Tree.child(Tree.child("", "nav"), i), "url"));
                    out.putIfAbsent(in.path(), new Place(site.document().file, at.line(), at.column()));
                }
            }
        }
        return out;
    }

    Result run() throws IOException {
        try {
            return check();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Result check() throws IOException {
        try (Stream<Path> walk = Files.walk(output)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> output.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(HashSet::new));
        }
        List<String> pages = files.stream().filter(f -> f.endsWith(".html")).sorted().toList();
        Map<String, Scan> scans = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(page -> scans.put(page, scan(page)));

        List<Use> uses = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<String, Set<String>> externalPages = new TreeMap<>();
        for (String page : pages) {
            Scan s = scans.get(page);
            uses.addAll(s.uses());
            pending.addAll(s.pending());
            for (String url : s.external()) externalPages.computeIfAbsent(url, k -> new java.util.TreeSet<>()).add(page);
        }
        uses.addAll(settle(pending));
        report(uses);
        List<ExternalLink> external = externalPages.entrySet().stream()
                .map(e -> new ExternalLink(e.getKey(), e.getValue().size(), shownAs + "/" + e.getValue().iterator().next()))
                .toList();
        return new Result(pages.size(), external);
    }

    private Scan scan(String page) {
        Document doc = Parser.htmlParser().parseInput(read(page), "");
        Set<String> ids = null;
        List<Use> uses = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Set<String> external = new HashSet<>();
        int index = 0;
        for (Element e : doc.getAllElements()) {
            int element = index++;
            if (e.nameIs("base")) continue;
            for (String attribute : URL_ATTRIBUTES) {
                if (!e.hasAttr(attribute)) continue;
                String url = e.attr(attribute);
                LinkTargets.Target t = targets.resolve(url, page);
                if (t instanceof LinkTargets.External x) external.add(x.url());
                else if (t instanceof LinkTargets.Outside o) {
                    uses.add(new Use(page, element, attribute, url, Rule.LINK, "outside " + url,
                            "链接“" + URL + "”" + o.why()));
                } else if (t instanceof LinkTargets.Internal in) {
                    String file = existing(in.path(), page);
                    if (file == null) {
                        uses.add(new Use(page, element, attribute, url, Rule.LINK, "missing " + in.path(),
                                "链接“" + URL + "”指向的 " + (in.path().isEmpty() ? "首页" : in.path()) + " 不存在"));
                    } else if (in.fragment() != null && !in.fragment().isEmpty() && !in.fragment().equalsIgnoreCase("top")
                            && file.endsWith(".html")) {
                        String where = file.equals(page) ? "本页" : " " + file + " ";
                        Use use = new Use(page, element, attribute, url, Rule.FRAGMENT, "fragment " + file + "#" + in.fragment(),
                                "链接“" + URL + "”的锚点在" + where + "中不存在：没有 id 为“" + in.fragment() + "”的元素");
                        if (file.equals(page)) {
                            if (ids == null) ids = ids(doc);
                            if (!ids.contains(in.fragment())) uses.add(use);
                        } else {
                            pending.add(new Pending(use, file, in.fragment()));
                        }
                    }
                }
            }
            if (e.hasAttr("srcset")) {
                for (String url : srcset(e.attr("srcset"))) {
                    LinkTargets.Target t = targets.resolve(url, page);
                    if (t instanceof LinkTargets.External x) external.add(x.url());
                    else if (t instanceof LinkTargets.Outside o) {
                        uses.add(new Use(page, element, "srcset", url, Rule.LINK, "outside " + url, "图片“" + URL + "”" + o.why()));
                    } else if (t instanceof LinkTargets.Internal in && existing(in.path(), page) == null) {
                        uses.add(new Use(page, element, "srcset", url, Rule.LINK, "missing " + in.path(),
                                "图片“" + URL + "”指向的 " + in.path() + " 不存在"));
                    }
                }
            }
            if (e.nameIs("img") && !e.hasAttr("alt")) {
                String described = "<img" + (e.className().isEmpty() ? "" : " class=\"" + e.className() + "\"") + ">";
                uses.add(new Use(page, element, "src", e.attr("src"), Rule.IMAGE_ALT, "alt " + described,
                        "图片 " + described + " 没有 alt 属性：有内容的图片写简要说明，装饰性的图片写 alt=\"\""));
            }
        }
        return new Scan(uses, pending, external);
    }

    /** Fragments of other pages: each target page is read once more, for its ids. */
    private List<Use> settle(List<Pending> pending) {
        Map<String, List<Pending>> byTarget = pending.stream().collect(Collectors.groupingBy(Pending::target));
        return byTarget.entrySet().parallelStream().flatMap(e -> {
            Set<String> ids = ids(Parser.htmlParser().parseInput(read(e.getKey()), ""));
            return e.getValue().stream().filter(p -> !ids.contains(p.fragment())).map(Pending::use);
        }).toList();
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        for (Element e : doc.getAllElements()) {
            if (e.hasAttr("id")) ids.add(e.id());
            if (e.nameIs("a") && e.hasAttr("name")) ids.add(e.attr("name"));
        }
        return ids;
    }

    /** The file a path leads to: itself, or a folder's index.html (with or without the final slash); null when none. */
    private String existing(String path, String page) {
        if (path.equals(page)) return page;
        if (path.isEmpty() || path.endsWith("/")) {
            String index = path + "index.html";
            return files.contains(index) ? index : null;
        }
        if (files.contains(path)) return path;
        String index = path + "/index.html";
        return files.contains(index) ? index : null;
    }

    /**
     * The URLs of a srcset, read as the HTML standard reads it: a URL runs to the next white space (a comma may be
     * part of it), then descriptors run to the next comma.
     */
    static List<String> srcset(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) i++;
            String url = value.substring(start, i);
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                for (int depth = 0; i < n; i++) {
                    char c = value.charAt(i);
                    if (c == '(') depth++;
                    else if (c == ')') depth = Math.max(0, depth - 1);
                    else if (c == ',' && depth == 0) break;
                }
            }
            if (!url.isEmpty()) out.add(url);
        }
        return out;
    }

    /**
     * Places the findings. A page's uses that come from its Markdown are matched to the Markdown's links in order,
     * by the URL the Markdown renders to; the rest are grouped by what is broken, each group one finding.
     */
    private void report(List<Use> uses) {
        Map<String, List<Use>> byPage = uses.stream().collect(Collectors.groupingBy(Use::page, TreeMap::new, Collectors.toList()));
        Map<Use, Place> placed = new ConcurrentHashMap<>();
        Map<Use, MarkdownText.LinkSource> inSource = new ConcurrentHashMap<>();
        byPage.entrySet().parallelStream().forEach(e -> {
            String page = e.getKey();
            Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(read(page), "");
            List<Element> elements = doc.getAllElements();
            MarkdownText body = bodyOf == null ? null : bodyOf.apply(page);
            List<MarkdownText.LinkSource> sources = body == null ? List.of() : new ArrayList<>(body.links);
            for (Use use : e.getValue()) {
                MarkdownText.LinkSource source = use.rule() == Rule.IMAGE_ALT ? null : takeSource(sources, use.url());
                if (source != null) inSource.put(use, source);
                else placed.put(use, place(page, elements.get(use.element()), use.attribute()));
            }
        });
        inSource.forEach((use, written) -> findings.add(use.rule(), written.place(), use.message(written.destination()),
                written.destination()));

        Map<String, List<Use>> groups = new LinkedHashMap<>();
        placed.keySet().stream()
                .sorted(Comparator.comparing(Use::page).thenComparing(u -> placed.get(u).line())
                        .thenComparing(u -> placed.get(u).column()))
                .forEach(u -> groups.computeIfAbsent(u.rule().id() + " " + u.group(), k -> new ArrayList<>()).add(u));
        for (List<Use> group : groups.values()) {
            Use first = group.get(0);
            long pages = group.stream().map(Use::page).distinct().count();
            Place inMenu = first.group().startsWith("missing ") ? menu.get(first.group().substring("missing ".length())) : null;
            if (inMenu != null) {
                findings.add(first.rule(), inMenu, "菜单链接指向的 " + first.group().substring("missing ".length())
                        + " 不存在（" + pages + " 个页面的菜单里都有它）", first.url());
            } else {
                String more = pages > 1 ? "（共 " + pages + " 个页面有此问题，多半来自模板或数据）" : "";
                findings.add(first.rule(), placed.get(first), first.message(first.url()) + more, first.url());
            }
        }
    }

    /** The first Markdown link that renders to {@code url}, taken so that a second use matches the next one. */
    private static MarkdownText.LinkSource takeSource(List<MarkdownText.LinkSource> sources, String url) {
        for (int i = 0; i < sources.size(); i++) {
            if (Markdown.siteRelative(sources.get(i).destination().strip()).equals(url.strip())) return sources.remove(i);
        }
        return null;
    }

    private Place place(String page, Element e, String attribute) {
        Range.Position at = e.sourceRange().start();
        if (e.hasAttr(attribute)) {
            Range.AttributeRange r = e.attributes().sourceRange(attribute);
            if (r.valueRange().isTracked()) at = r.valueRange().start();
            else if (r.nameRange().isTracked()) at = r.nameRange().start();
        }
        return new Place(shownAs + "/" + page, at.lineNumber(), at.columnNumber());
    }

    private String read(String page) {
        try {
            return new String(Files.readAllBytes(output.resolve(page)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
