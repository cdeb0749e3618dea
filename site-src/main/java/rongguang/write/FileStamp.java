package rongguang.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** A file's size and time of last change (nanoseconds), by which a build knows the file is the one it wrote. */
public record FileStamp(long size, long modified) {

    /** The stamp of a regular file, not following links; null when there is none there. */
    public static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? of(a) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The stamp of what these attributes describe (read without following links). */
    public static FileStamp of(BasicFileAttributes a) {
        return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
