package rongguang;

import java.util.LinkedHashMap;
import java.util.Map;

/** How long each stage of a build took, in order, for {@code build --verbose} and benchmarks. */
public final class Timings {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Ends the stage called {@code name} now; the next stage starts here. */
    synchronized void lap(String name) {
        long now = System.nanoTime();
        millis.merge(name, (now - mark) / 1_000_000, Long::sum);
        mark = now;
    }

    public synchronized Map<String, Long> millis() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    /** {@code 读取缓存 12 ms · 读取 340 ms · …} */
    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        millis.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " · ").append(k).append(' ').append(v).append(" ms"));
        return sb.toString();
    }
}
