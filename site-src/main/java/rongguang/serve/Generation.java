package rongguang.serve;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import rongguang.problems.Problem;

/**
 * What the server shows from one build to the next: whether the last build failed and with which problems, and the
 * responses read from the preview tree since, which die with it. A request takes the current generation before it
 * reads a file, and the next generation is put in place only after the new tree is, so a response cached here is
 * never older than the tree of its generation.
 */
final class Generation {
    /** Files are read once per build while the cache stays under this; beyond, they are read at each request. */
    private static final long CACHE_BUDGET = 128L << 20;

    private final String version;
    private final String basePath;
    private final boolean hasPages;
    private final boolean failed;
    private final List<Problem> problems;
    private final PageDecorator decorator;
    private final String eventData;
    private final ConcurrentHashMap<String, Body> cache = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();

    /**
     * @param version  this generation's name, unique across server runs, so that an open page knows it is stale
     * @param basePath the path part of the site's baseUrl, where the site is served as well as at /
     * @param hasPages a good build has written the preview tree (this one or an earlier one)
     * @param failed   the last build failed: pages get the panel of its problems
     */
    Generation(String version, String basePath, boolean hasPages, boolean failed, List<Problem> problems) {
        this.version = version;
        this.basePath = basePath;
        this.hasPages = hasPages;
        this.failed = failed;
        this.problems = List.copyOf(problems);
        this.decorator = new PageDecorator(version, failed ? Overlay.html(problems, hasPages) : "");
        this.eventData = Overlay.json(version, !failed, problems, hasPages);
    }

    /**
     * The same generation with nothing cached: for files that changed after it was put in place (the search
     * index, written after the pages' reload), without telling pages to reload.
     */
    Generation uncached() {
        return new Generation(version, basePath, hasPages, failed, problems);
    }

    String version() {
        return version;
    }

    String basePath() {
        return basePath;
    }

    boolean hasPages() {
        return hasPages;
    }

    boolean failed() {
        return failed;
    }

    List<Problem> problems() {
        return problems;
    }

    byte[] decorate(byte[] page) {
        return decorator.decorate(page);
    }

    /** The name of the event that announces this generation: {@code reload} or {@code problems}. */
    String eventName() {
        return failed ? "problems" : "reload";
    }

    String eventData() {
        return eventData;
    }

    Body cached(String key) {
        return cache.get(key);
    }

    void cache(String key, Body body) {
        long size = body.memory();
        if (cachedBytes.addAndGet(size) > CACHE_BUDGET) {
            cachedBytes.addAndGet(-size);
            return;
        }
        if (cache.putIfAbsent(key, body) != null) cachedBytes.addAndGet(-size);
    }
}
