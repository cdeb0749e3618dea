package rongguang.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import rongguang.hash.Hash128;

/**
 * The digest of a template together with every template it imports or includes, so that a changed template
 * re-renders the pages that use it and no others. Names are read from the directives' literal strings; a template
 * that includes by expression depends on every template there is.
 */
final class TemplateDigests {
    private static final Pattern DIRECTIVE = Pattern.compile("[<\\[]#(?:import|include)\\s+([^\\s>\\]]+)");

    private final TemplateLoader loader;
    private final Path templatesDir;
    private final Map<String, byte[]> closures = new HashMap<>();
    private final Map<String, String> sources = new HashMap<>();

    TemplateDigests(TemplateLoader loader, Path templatesDir) {
        this.loader = loader;
        this.templatesDir = templatesDir;
    }

    /** The digest of {@code name} and what it uses; a missing template digests as missing. */
    synchronized byte[] of(String name) {
        byte[] known = closures.get(name);
        if (known != null) return known;
        Set<String> closure = new TreeSet<>();
        if (collect(name, closure)) closure.addAll(allTemplates());
        Hash128 md = new Hash128();
        for (String n : closure) {
            md.update(n);
            md.update((byte) 0);
            md.update(source(n));
            md.update((byte) 0);
        }
        byte[] digest = md.digest();
        closures.put(name, digest);
        return digest;
    }

    /** Adds {@code name} and its imports to {@code closure}; true when some import is not a literal name. */
    private boolean collect(String name, Set<String> closure) {
        if (!closure.add(name)) return false;
        boolean dynamic = false;
        Matcher m = DIRECTIVE.matcher(source(name));
        while (m.find()) {
            String target = m.group(1);
            if (target.length() < 2 || !target.startsWith("\"") || !target.endsWith("\"")) {
                dynamic = true;
                continue;
            }
            dynamic |= collect(resolve(name, target.substring(1, target.length() - 1)), closure);
        }
        return dynamic;
    }

    private Set<String> allTemplates() {
        Set<String> all = new TreeSet<>(Templates.BUILT_IN_NAMES);
        if (!Files.isDirectory(templatesDir)) return all;
        try (Stream<Path> walk = Files.walk(templatesDir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> all.add(templatesDir.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            all.add("\0unlisted");
        }
        return all;
    }

    /** FreeMarker's rule: a name without a leading slash is relative to the importing template's folder. */
    static String resolve(String from, String target) {
        if (target.startsWith("/")) return target.substring(1);
        int slash = from.lastIndexOf('/');
        return slash < 0 ? target : from.substring(0, slash + 1) + target;
    }

    private String source(String name) {
        return sources.computeIfAbsent(name, n -> {
            try {
                Object source = loader.findTemplateSource(n);
                if (source == null) return "\0missing";
                try (Reader reader = loader.getReader(source, "UTF-8")) {
                    StringBuilder sb = new StringBuilder();
                    char[] buffer = new char[8192];
                    for (int r; (r = reader.read(buffer)) > 0; ) sb.append(buffer, 0, r);
                    return sb.toString();
                } finally {
                    loader.closeTemplateSource(source);
                }
            } catch (IOException e) {
                return "\0unreadable " + e.getMessage();
            }
        });
    }
}
