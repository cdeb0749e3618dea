package rongguang.render;

import freemarker.core.Environment;
import java.util.Set;

/**
 * What a page read while it rendered, one set per kind (members of {@code site}, articles' texts), kept in the
 * page's FreeMarker environment so that models reached from anywhere in its templates can add to it.
 */
final class Recorded {
    private Recorded() {}

    /** Starts recording {@code kind} for the page rendered in {@code env}, into {@code into}. */
    static void start(Environment env, String kind, Set<String> into) {
        env.setCustomAttribute(kind, into);
    }

    /** Adds to the {@code kind} of the page being rendered on this thread, if it records that kind. */
    static void add(String kind, String value) {
        Environment env = Environment.getCurrentEnvironment();
        if (env != null && env.getCustomAttribute(kind) instanceof Set<?> set) {
            @SuppressWarnings("unchecked")
            Set<String> strings = (Set<String>) set;
            strings.add(value);
        }
    }
}
