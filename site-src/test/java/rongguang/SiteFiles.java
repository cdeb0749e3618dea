package rongguang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** What a file watcher would report: the files of a site that differ between two looks at it. */
final class SiteFiles {
    private SiteFiles() {}

    /** Every file under {@code site} with its content. */
    static Map<Path, String> state(Path site) throws IOException {
        Map<Path, String> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(f, java.util.HexFormat.of().formatHex(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    /** Files added, deleted or changed. */
    static Set<Path> changed(Map<Path, String> before, Map<Path, String> after) {
        Set<Path> out = new HashSet<>();
        before.forEach((f, text) -> {
            if (!text.equals(after.get(f))) out.add(f);
        });
        after.keySet().stream().filter(f -> !before.containsKey(f)).forEach(out::add);
        return out;
    }
}
