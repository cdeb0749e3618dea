package rongguang.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A listener on the server-sent events of a preview, as a page's EventSource is, with java.net.http. */
final class EventStream implements AutoCloseable {
    record Event(String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    EventStream(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(ServedSite.DEADLINE).build();
        http.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Lines()));
    }

    /** The next event that satisfies {@code wanted}, skipping others; fails after the deadline. */
    Event await(String what, Predicate<Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + ServedSite.DEADLINE.toNanos();
        while (true) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + what + " event within " + ServedSite.DEADLINE.toSeconds() + " s");
            }
            if (wanted.test(e)) return e;
        }
    }

    /** The next event within {@code wait}, or null. */
    Event next(java.time.Duration wait) throws InterruptedException {
        return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    Event await(String name) throws InterruptedException {
        return await(name, e -> e.name().equals(name));
    }

    /** Completes when the server ends the stream. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    private final class Lines implements Flow.Subscriber<String> {
        private String name = "message";
        private final StringBuilder data = new StringBuilder();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data.length() > 0) events.add(new Event(name, data.toString()));
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) data.append('\n');
                data.append(line.substring(5).stripLeading());
            }
        }

        @Override
        public void onError(Throwable t) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
