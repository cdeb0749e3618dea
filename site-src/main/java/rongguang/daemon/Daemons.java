package rongguang.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder where one user's build daemons listen: {@code $RONGGUANG_DAEMON_DIR}, else {@code rongguang} in
 * {@code $XDG_RUNTIME_DIR}, else {@code rongguang-UID} in the temporary folder. Each daemon has a socket
 * ({@code ID.sock}), a lock held while it lives ({@code ID.lock}) and a log ({@code ID.log}). Only its owner may use
 * the folder: a daemon builds whatever a connection asks, so the folder's permissions are its only gate.
 */
public record Daemons(Path folder) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** This user's folder, made if missing; refused when it is not this user's alone (or cannot be told so). */
    public static Daemons forUser() throws IOException {
        try {
            return forUser(String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid()));
        } catch (UnsupportedOperationException | LinkageError notUnix) {
            throw new IOException("这个系统上无法确认文件夹只属于当前用户");
        }
    }

    private static Daemons forUser(String uid) throws IOException {
        String chosen = System.getenv("RONGGUANG_DAEMON_DIR");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = chosen != null && !chosen.isEmpty() ? Path.of(chosen)
                : runtime != null && !runtime.isEmpty() ? Path.of(runtime, "rongguang")
                : Path.of(System.getProperty("java.io.tmpdir"), "rongguang-" + uid);
        folder = folder.toAbsolutePath().normalize();
        // a socket's path has room for 107 bytes (Linux's sun_path): its name is 16 hex digits and ".sock"
        if (folder.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 22 > 107) {
            throw new IOException("文件夹路径太长，放不下套接字：" + folder);
        }
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by another client at the same moment: checked below like any other
            }
        }
        Object owner = Files.getAttribute(folder, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!uid.equals(String.valueOf(owner)) || !Files.getPosixFilePermissions(folder,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException(folder + " 不是只属于当前用户的文件夹（应为本人所有、权限 700）");
        }
        return new Daemons(folder);
    }

    public Path socket(String id) {
        return folder.resolve(id + ".sock");
    }

    /** The sockets of the daemons that may be running. */
    public List<Path> sockets() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sock")).sorted().toList();
        }
    }

    /** A daemon's other files, named after its socket: {@code lock}, {@code log}. */
    public static Path beside(Path socket, String kind) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + "." + kind);
    }
}
