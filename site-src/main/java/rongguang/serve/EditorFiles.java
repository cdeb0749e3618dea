package rongguang.serve;

/** Names of files that editors and the system write beside the real ones, whose changes are not edits. */
final class EditorFiles {
    private EditorFiles() {}

    /**
     * Hidden files ({@code .x.swp}, {@code .#x} Emacs locks, {@code .DS_Store}), backups ({@code x~}), Vim swap
     * files and its write test {@code 4913}, Emacs auto-saves ({@code #x#}), JetBrains safe-write files.
     */
    static boolean isIgnored(String name) {
        return name.isEmpty()
                || name.startsWith(".")
                || name.endsWith("~")
                || name.endsWith(".swp") || name.endsWith(".swo") || name.endsWith(".swx")
                || name.equals("4913")
                || (name.length() > 1 && name.startsWith("#") && name.endsWith("#"))
                || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___");
    }
}
