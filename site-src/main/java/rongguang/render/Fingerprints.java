package rongguang.render;

import freemarker.template.Configuration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import rongguang.assets.Assets;
import rongguang.assets.ImageInfo;
import rongguang.hash.Hash128;
import rongguang.model.Article;
import rongguang.model.Site;

/**
 * The fingerprint of a page: its templates (with what they import), its variables, the members of {@code site}
 * and the articles' texts it reads ({@link TextReads}). Equal fingerprints, equal pages.
 *
 * <p>Fingerprinting every page costs more than the rest of a rebuild after a typed sentence, so a build first
 * compares the site's {@link #shape} with the last build's: when it is the same, only the pages that read a
 * changed text or a changed member can differ ({@link #changesSince}).
 */
public final class Fingerprints {
    private final Site site;
    private final String themeStamp;
    private final Digests digests;
    private final Digests wholeDigests = Digests.wholeArticles();
    private volatile Map<String, Article> articlesByFile;
    private final TemplateDigests templates;
    private final Map<String, byte[]> members = new ConcurrentHashMap<>();
    /** Pages read few different sets of members: each set is sorted once. */
    private final Map<Set<String>, String[]> sorted = new ConcurrentHashMap<>();

    private final Assets assets;
    private final Map<String, ImageInfo> images;

    /** @param themeStamp what the pages were planned with besides the site ({@link PagePlanner}) */
    public Fingerprints(Site site, String themeStamp, Configuration configuration, Path templatesDir, Assets assets,
                        Map<String, ImageInfo> images) {
        this(site, themeStamp, configuration, templatesDir, assets, images, Map.of());
    }

    /** @param earlier {@link #digested()} of the last build in this process, of a site that shares its objects */
    public Fingerprints(Site site, String themeStamp, Configuration configuration, Path templatesDir, Assets assets,
                        Map<String, ImageInfo> images, Map<Object, byte[]> earlier) {
        this.site = site;
        this.digests = new Digests(earlier);
        this.themeStamp = themeStamp;
        this.templates = new TemplateDigests(configuration.getTemplateLoader(), templatesDir);
        this.assets = assets;
        this.images = images;
    }

    /** The page's fingerprint, given the members of {@code site} and the texts ({@link TextReads}) it reads. */
    byte[] of(Page page, Set<String> members, String[] texts) {
        Hash128 md = new Hash128();
        if (page instanceof Page.Json json) {
            md.update((byte) 'J');
            md.update(wholeDigests.of(json.value()));
            return md.digest();
        }
        Page.Templated templated = (Page.Templated) page;
        md.update((byte) 'T');
        md.update(templates.of(templated.template()));
        md.update(digests.ofVariables(templated.variables()));
        for (String member : sorted.computeIfAbsent(members, m -> new TreeSet<>(m).toArray(String[]::new))) {
            md.update(member);
            md.update((byte) 0);
            md.update(memberDigest(member));
        }
        for (String text : texts) {
            md.update(text);
            md.update((byte) 0);
            Article a = article(TextReads.file(text));
            if (a == null) md.update((byte) 0);
            else if (TextReads.isSummary(text)) md.update(String.valueOf(a.summary()));
            else md.update(a.digest());
        }
        return md.digest();
    }

    private Article article(String file) {
        Map<String, Article> byFile = articlesByFile;
        if (byFile == null) {
            byFile = new HashMap<>();
            for (Article a : site.articles()) byFile.put(a.file(), a);
            articlesByFile = byFile;
        }
        return byFile.get(file);
    }

    /**
     * Everything the planned pages depend on except what articles say: the templates they use, the theme, the
     * settings, the data, the media, and each visible article's file and badge, in order. Two builds of the same
     * shape plan the same pages, with the same variables but for the articles whose text changed: the planner
     * takes nothing from an article's body or summary into a page that does not have the article itself as a
     * variable ({@link TextReads#own}).
     */
    public byte[] shape(Collection<Page> pages) {
        Hash128 md = new Hash128();
        for (String name : new TreeSet<>(pages.stream().filter(p -> p instanceof Page.Templated)
                .map(p -> ((Page.Templated) p).template()).toList())) {
            md.update(name);
            md.update(templates.of(name));
        }
        md.update(themeStamp);
        md.update(site.articles().size());
        for (Article a : site.articles()) {
            md.update(a.file());
            md.update(String.valueOf(site.badge(a)));
        }
        for (Object data : new Object[] {site.settings(), site.preview(), site.cities(), site.exemplars(),
                site.merchants(), site.media()}) {
            md.update(digests.of(data));
        }
        return md.digest();
    }

    /**
     * Which pages may differ from their records. Everything, unless the shape is the shape of the last build and
     * {@code retold} (the texts, as {@link TextReads} names them, of articles that changed only in what they say)
     * is known.
     */
    public PageChanges changesSince(RenderedPages previous, byte[] shape, Set<String> retold) {
        if (retold == null || previous.shape() == null || !Arrays.equals(previous.shape(), shape)) {
            return PageChanges.EVERYTHING;
        }
        Set<String> changedMembers = new java.util.HashSet<>();
        previous.members().forEach((member, digest) -> {
            // the same shape, and articles changed in their text only: the lists of articles are as they were
            if (SiteDependencies.followsFromPlaces(member)) members.put(member, digest);
            else if (!Arrays.equals(digest, memberDigest(member))) changedMembers.add(member);
        });
        return new PageChanges(retold, changedMembers);
    }

    /**
     * The digests of the site's data as this build worked them out (its lists of cities, exemplars, merchants,
     * terms and media, and their items), by identity, for the next build in this process: a dev server's save
     * leaves them as they were. Only these: the whole memo also holds every page's variables.
     */
    public Map<Object, byte[]> digested() {
        Map<Object, byte[]> memo = digests.memo();
        Map<Object, byte[]> out = new java.util.IdentityHashMap<>();
        synchronized (memo) {
            for (Collection<?> data : List.of(site.cities(), site.exemplars(), site.merchants(), site.columns(),
                    site.tags(), site.media())) {
                byte[] digest = memo.get(data);
                if (digest != null) out.put(data, digest);
                for (Object item : data) {
                    digest = memo.get(item);
                    if (digest != null) out.put(item, digest);
                }
            }
        }
        return out;
    }

    /** The digest of each member the records' pages read, for the next build's {@link #changesSince}. */
    public Map<String, byte[]> memberDigests(Collection<PageRecord> records) {
        Set<Set<String>> sets = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<String, byte[]> out = new HashMap<>();
        for (PageRecord r : records) {
            if (!sets.add(r.members())) continue;
            for (String member : r.members()) out.computeIfAbsent(member, this::memberDigest);
        }
        return out;
    }

    private byte[] memberDigest(String member) {
        return members.computeIfAbsent(member, m -> digests.of(valueOf(m)));
    }

    /** A member of site, an asset a page refers to ({@code asset:style.css}), or an image ({@code media:a.jpg}). */
    private Object valueOf(String member) {
        if (member.startsWith(AssetFunction.MEMBER_PREFIX)) {
            String hashed = assets.hashedName(member.substring(AssetFunction.MEMBER_PREFIX.length()));
            return hashed == null ? "\0missing" : hashed;
        }
        if (member.startsWith(Renderer.MEDIA_PREFIX)) {
            ImageInfo info = images.get(member.substring(Renderer.MEDIA_PREFIX.length()));
            return info == null ? "\0none" : info.digest();
        }
        return SiteDependencies.valueOf(site, member);
    }

}
