package rongguang.render;

import freemarker.template.Configuration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import rongguang.assets.Assets;
import rongguang.assets.ImageInfo;
import rongguang.hash.Hash128;
import rongguang.model.Site;

/**
 * The fingerprint of a page: its templates (with what they import), its variables, and the members of
 * {@code site} it reads. Equal fingerprints, equal pages.
 */
public final class Fingerprints {
    private final Site site;
    private final Digests digests = new Digests();
    private final TemplateDigests templates;
    private final Map<String, byte[]> members = new java.util.concurrent.ConcurrentHashMap<>();
    /** Pages read few different sets of members: each set is sorted once. */
    private final Map<Set<String>, String[]> sorted = new java.util.concurrent.ConcurrentHashMap<>();

    private final Assets assets;
    private final Map<String, ImageInfo> images;

    public Fingerprints(Site site, Configuration configuration, Path templatesDir, Assets assets,
                        Map<String, ImageInfo> images) {
        this.site = site;
        this.templates = new TemplateDigests(configuration.getTemplateLoader(), templatesDir);
        this.assets = assets;
        this.images = images;
    }

    byte[] of(Page page, Set<String> members) {
        Hash128 md = new Hash128();
        if (page instanceof Page.Json json) {
            md.update((byte) 'J');
            md.update(digests.of(json.value()));
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
        return md.digest();
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
