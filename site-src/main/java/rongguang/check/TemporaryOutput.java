package rongguang.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import rongguang.write.OutputTree;

/**
 * The temporary folder {@code check} builds the site into, deleted when the check ends. A check that is stopped
 * (Ctrl-C, kill) deletes it on its way out as far as it can; what a check that was killed outright left behind is
 * deleted by the next check, which knows it by the id of the process that made it.
 */
final class TemporaryOutput implements AutoCloseable {
    private static final String PREFIX = "rongguang-check-";
    private static final String OWNER = "owner.pid";

    private final Path folder;
    private final Thread onExit;

    private TemporaryOutput(Path folder) {
        this.folder = folder;
        this.onExit = new Thread(() -> deleteQuietly(folder));
    }

    static TemporaryOutput create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        deleteAbandoned(tmp);
        TemporaryOutput t = new TemporaryOutput(Files.createTempDirectory(tmp, PREFIX));
        Files.writeString(t.folder.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(t.onExit);
        return t;
    }

    /** Where the pages go: a folder inside, so that the build's staging folder beside it is inside too. */
    Path output() {
        return folder.resolve("output");
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook deletes it
        }
        OutputTree.deleteTree(folder);
    }

    /** Folders of earlier checks whose process is gone. */
    private static void deleteAbandoned(Path tmp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path f : folders) {
                if (owner(f).filter(pid -> ProcessHandle.of(pid).isEmpty()).isPresent()) deleteQuietly(f);
            }
        } catch (IOException e) {
            // another user's folders, or none: nothing to clear
        }
    }

    private static Optional<Long> owner(Path folder) {
        try {
            return Optional.of(Long.parseLong(Files.readString(folder.resolve(OWNER)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The build may still be writing while the program stops: a few tries, then what is left stays. */
    private static void deleteQuietly(Path folder) {
        for (int attempt = 0; attempt < 5 && Files.exists(folder); attempt++) {
            try {
                OutputTree.deleteTree(folder);
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
