package rongguang.write;

/** A file's size and time of last change (nanoseconds), by which a build knows the file is the one it wrote. */
public record FileStamp(long size, long modified) {}
