package rongguang.serve;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.function.Supplier;
import org.xnio.IoUtils;

/**
 * The server-sent events that open pages listen to: on connecting, and after every build, a {@code reload} event
 * (the build succeeded) or a {@code problems} event (it failed, with the problems), named by the generation's
 * version so that a page can tell whether it is stale. Keep-alive comments go out periodically; they are also how a
 * closed browser tab is noticed, as writing to it fails and Undertow then drops the connection from its set.
 */
final class ReloadEvents {
    private final ServerSentEventHandler handler;

    ReloadEvents(Supplier<Generation> current, Duration keepAlive) {
        this.handler = new ServerSentEventHandler((connection, lastEventId) -> {
            connection.setKeepAliveTime(keepAlive.toMillis());
            send(connection, current.get());
        });
    }

    HttpHandler handler() {
        return exchange -> {
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
            handler.handleRequest(exchange);
        };
    }

    void publish(Generation generation) {
        for (ServerSentEventConnection connection : handler.getConnections()) send(connection, generation);
    }

    int connections() {
        return handler.getConnections().size();
    }

    void close() {
        for (ServerSentEventConnection connection : handler.getConnections()) IoUtils.safeClose(connection);
    }

    private static void send(ServerSentEventConnection connection, Generation generation) {
        connection.send(generation.eventData(), generation.eventName(), null, null);
    }
}
