package rongguang.render;

import freemarker.template.Configuration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
 * The fingerprint of a page: its templates (with what they import), its variables, and the members of
 * {@code site} it reads. Equal fingerprints, equal pages.
 *
 * <p>Fingerprinting every page costs more than the rest of a rebuild after a typed sentence, so a build first
 * compares the site's {@link #shape} with the last build's: when it is the same, only the pages that hold a retold
 * article or read a changed member can differ ({@link #changesSince}).
 */
public final class Fingerprints {
    private final Site site;
    private final String themeStamp;
    private final Digests digests = new Digests();
    private final TemplateDigests templates;
    private final Map<String, byte[]> members = new ConcurrentHashMap<>();
    /** Pages read few different sets of members: each set is sorted once. */
    private final Map<Set<String>, String[]> sorted = new ConcurrentHashMap<>();

    private final Assets assets;
    private final Map<String, ImageInfo> images;

    /** @param themeStamp what the pages were planned with besides the site ({@link PagePlanner}) */
    public Fingerprints(Site site, String themeStamp, Configuration configuration, Path templatesDir, Assets assets,
                        Map<String, ImageInfo> images) {
        this.site = site;
        this.themeStamp = themeStamp;
        this.templates = new TemplateDigests(configuration.getTemplateLoader(), templatesDir);
        this.assets = assets;
        this.images = images;
    }

    /** The page's fingerprint, with the files of the articles its variables hold. */
    Digests.Digested of(Page page, Set<String> members) {
        Hash128 md = new Hash128();
        if (page instanceof Page.Json json) {
            md.update((byte) 'J');
            md.update(digests.of(json.value()));
            return new Digests.Digested(md.digest(), Digests.NO_ARTICLES);
        }
        Page.Templated templated = (Page.Templated) page;
        md.update((byte) 'T');
        md.update(templates.of(templated.template()));
        Digests.Digested variables = digests.ofVariables(templated.variables());
        md.update(variables.digest());
        for (String member : sorted.computeIfAbsent(members, m -> new TreeSet<>(m).toArray(String[]::new))) {
            md.update(member);
            md.update((byte) 0);
            md.update(memberDigest(member));
        }
        return new Digests.Digested(md.digest(), variables.articles());
    }

    /**
     * Everything the planned pages depend on except what articles say: the templates they use, the theme, the
     * settings, the data, the media, and each visible article's file and badge, in order. Two builds of the same
     * shape plan the same pages, with the same variables but for the articles whose text changed: the planner
     * takes nothing from an article's body or summary into a page that does not hold the article itself.
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
     * {@code retold} (the files of articles that changed only in what they say) is known.
     */
    public PageChanges changesSince(RenderedPages previous, byte[] shape, Set<String> retold) {
        if (retold == null || previous.shape() == null || !Arrays.equals(previous.shape(), shape)) {
            return PageChanges.EVERYTHING;
        }
        Set<String> changedMembers = new java.util.HashSet<>();
        previous.members().forEach((member, digest) -> {
            if (!Arrays.equals(digest, memberDigest(member))) changedMembers.add(member);
        });
        return new PageChanges(retold, changedMembers);
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
