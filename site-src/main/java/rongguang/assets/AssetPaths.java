package rongguang.assets;

import java.util.ArrayList;
import java.util.List;

/** Paths between files under assets/, with forward slashes; a folder is "" or ends with "/". */
final class AssetPaths {
    private AssetPaths() {}

    static String folderOf(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }

    /** {@code ref} read from {@code folder}, normalized; null when it leaves assets/. */
    static String resolve(String folder, String ref) {
        List<String> parts = new ArrayList<>();
        for (String p : (folder + ref).split("/", -1)) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** The way from {@code folder} to {@code name}. */
    static String relative(String folder, String name) {
        String[] from = folder.isEmpty() ? new String[0] : folder.substring(0, folder.length() - 1).split("/");
        String[] to = name.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) common++;
        StringBuilder sb = new StringBuilder();
        sb.append("../".repeat(from.length - common));
        for (int i = common; i < to.length; i++) {
            if (i > common) sb.append('/');
            sb.append(to[i]);
        }
        return sb.toString();
    }
}
