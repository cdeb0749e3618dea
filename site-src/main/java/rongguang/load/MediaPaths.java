package rongguang.load;

/**
 * References to files under {@code media/}, as editors write them: {@code covers/a.jpg}, {@code media/covers/a.jpg}
 * or {@code /media/covers/a.jpg} all mean {@code covers/a.jpg}. Paths that could leave the folder are refused.
 */
final class MediaPaths {
    private MediaPaths() {}

    /** The normalized path, or null when it is not a plain relative path inside media/. */
    static String normalize(String ref) {
        String p = ref.strip().replace('\\', '/');
        if (p.startsWith("/media/")) p = p.substring("/media/".length());
        else if (p.startsWith("media/")) p = p.substring("media/".length());
        if (p.isEmpty() || p.startsWith("/") || p.contains(":") || p.indexOf('\0') >= 0) return null;
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return null;
        }
        return p;
    }
}
