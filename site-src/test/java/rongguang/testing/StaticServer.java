package rongguang.testing;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A built site served as a web server would serve it in production, on a free loopback port: plain files under
 * {@code prefix} (the path of the site's {@code baseUrl}), {@code index.html} for folders, nothing injected.
 */
public final class StaticServer implements AutoCloseable {
    private final Undertow undertow;
    private final String prefix;

    private StaticServer(Undertow undertow, String prefix) {
        this.undertow = undertow;
        this.prefix = prefix;
    }

    /** Serves {@code root} at {@code prefix}, which starts and ends with a slash ({@code "/"} or {@code "/sy/"}). */
    public static StaticServer start(Path root, String prefix) {
        return start(root, prefix, false);
    }

    /**
     * The same, every answer with {@code Cache-Control: no-store}: the browser fetches every file anew, as on a
     * first visit, without the developer tools' network domain, which slows every request it watches.
     */
    public static StaticServer uncached(Path root, String prefix) {
        return start(root, prefix, true);
    }

    private static StaticServer start(Path root, String prefix, boolean noStore) {
        ResourceHandler files = Handlers.resource(new PathResourceManager(root, 1024))
                .setWelcomeFiles("index.html")
                .setDirectoryListingEnabled(false);
        HttpHandler handler = Handlers.path().addPrefixPath(prefix, files);
        if (noStore) {
            HttpHandler next = handler;
            handler = exchange -> {
                exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
                next.handleRequest(exchange);
            };
        }
        Undertow undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(handler)
                .build();
        undertow.start();
        return new StaticServer(undertow, prefix);
    }

    /** The address of a path below the prefix, such as {@code "search/?q=双拥"}. */
    public String url(String path) {
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return "http://127.0.0.1:" + address.getPort() + prefix + path;
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
