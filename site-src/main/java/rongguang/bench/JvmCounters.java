package rongguang.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM has done so far: bytes allocated by its live threads, and time spent in garbage collection. Taken
 * before and after a measured step, the difference tells how much a dev server's rebuild allocates and how much of
 * its time was a collector's pause.
 */
record JvmCounters(long allocatedBytes, long gcMillis, long gcCount) {
    static JvmCounters now() {
        long allocated = -1;
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            allocated = 0;
            // threads that ended meanwhile are not counted: the server's workers live as long as it does
            for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                if (bytes > 0) allocated += bytes;
            }
        }
        long millis = 0;
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
            count += Math.max(0, gc.getCollectionCount());
        }
        return new JvmCounters(allocated, millis, count);
    }

    /** What happened between {@code before} and this. */
    JvmCounters since(JvmCounters before) {
        return new JvmCounters(allocatedBytes < 0 || before.allocatedBytes < 0 ? -1
                : allocatedBytes - before.allocatedBytes, gcMillis - before.gcMillis, gcCount - before.gcCount);
    }
}
