package rongguang.render;

import freemarker.template.Configuration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    public Fingerprints(Site site, Configuration configuration, Path templatesDir) {
        this.site = site;
        this.templates = new TemplateDigests(configuration.getTemplateLoader(), templatesDir);
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
        md.update(digests.of(templated.variables()));
        for (String member : sorted.computeIfAbsent(members, m -> new TreeSet<>(m).toArray(String[]::new))) {
            md.update(member);
            md.update((byte) 0);
            md.update(memberDigest(member));
        }
        return md.digest();
    }

    private byte[] memberDigest(String member) {
        return members.computeIfAbsent(member, m -> digests.of(SiteDependencies.valueOf(site, m)));
    }

}
