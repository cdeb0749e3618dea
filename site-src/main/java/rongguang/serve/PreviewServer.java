package rongguang.serve;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The preview server of {@code serve}: builds the preview, serves it over HTTP, watches the site and rebuilds
 * after every burst of changes, then tells open pages to reload (or shows them the errors). How a rebuild happens
 * is the {@link Preview}'s business.
 */
public final class PreviewServer implements AutoCloseable {

    /**
     * @param host          the address to listen on; loopback unless the user asks otherwise
     * @param port          the port, 0 for any free one
     * @param nextFreePort  when {@code port} is taken, try the following ones
     * @param quietPeriod   how long after the last change a rebuild starts (editors save in several steps)
     * @param keepAlive     how often open event streams get a keep-alive comment
     */
    public record Config(String host, int port, boolean nextFreePort, Duration quietPeriod, Duration keepAlive) {
        public static final Duration QUIET_PERIOD = Duration.ofMillis(20);
        public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

        public static Config loopback(int port) {
            return new Config("127.0.0.1", port, false, QUIET_PERIOD, KEEP_ALIVE);
        }
    }

    /**
     * Told of every build (the first one included), on the building thread; and of trouble with watching or with a
     * request, on any thread.
     */
    public interface Listener {
        void built(Outcome outcome);

        void warning(String message);
    }

    private static final int PORTS_TRIED = 100;

    private final Preview preview;
    private final Listener listener;
    private final String instance = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final AtomicReference<Generation> current;
    private final ReloadEvents events;
    private final Object buildLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long builds;
    private ChangeWatcher watcher;
    private Undertow undertow;
    private InetSocketAddress address;

    private PreviewServer(Preview preview, Config config, Listener listener) {
        this.preview = preview;
        this.listener = listener;
        this.current = new AtomicReference<>(new Generation(instance + "-0", "/", false, false, List.of()));
        this.events = new ReloadEvents(current::get, config.keepAlive());
    }

    /** Watches the site, builds the preview once and starts serving it; returns once the server listens. */
    public static PreviewServer start(Path siteDir, Preview preview, Config config, Listener listener)
            throws IOException {
        PreviewServer server = new PreviewServer(preview, config, listener);
        try {
            // watch first, so that nothing saved during the first build is missed; its rebuild waits for this one
            server.watcher = new ChangeWatcher(siteDir, config.quietPeriod(), server::rebuild, listener::warning);
            server.watcher.start();
            synchronized (server.buildLock) {
                server.publish(preview.buildAll());
            }
            server.listen(config);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void listen(Config config) throws IOException {
        int port = config.nextFreePort() ? firstFreePort(config.host(), config.port()) : config.port();
        PreviewHandler handler = new PreviewHandler(current::get, new PreviewTree(preview.root()), events.handler(),
                listener::warning);
        undertow = Undertow.builder()
                .addHttpListener(port, config.host())
                // the handler decodes paths itself, once, to refuse what could leave the preview folder
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setHandler(handler)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BindException) {
                throw new IOException("无法在 " + config.host() + ":" + port + " 上监听：端口已被占用或地址不可用");
            }
            throw e;
        }
        address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    }

    private static int firstFreePort(String host, int from) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        for (int port = from; port < from + PORTS_TRIED && port <= 65535; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(address, port));
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("端口 " + from + "–" + (from + PORTS_TRIED - 1) + " 都已被占用，请用 --port 指定一个");
    }

    private void rebuild(ChangeWatcher.Changes changes) {
        synchronized (buildLock) {
            if (closed.get()) return;
            if (changes.overflow()) {
                publish(preview.buildAll());
                return;
            }
            boolean[] reloaded = {false};
            Outcome outcome = preview.rebuild(changes.paths(), ready -> {
                reloaded[0] = true;
                reload(ready);
            });
            // pages reloaded as soon as they were in place: what was read from the tree since may be older than the
            // index written after; the terminal hears of the whole build
            if (reloaded[0] && outcome.ok()) {
                current.set(current.get().uncached());
                listener.built(outcome);
            } else {
                publish(outcome);
            }
        }
    }

    /** Puts the outcome's generation in place, tells pages, then the listener. */
    private void publish(Outcome outcome) {
        reload(outcome);
        listener.built(outcome);
    }

    /** Puts the outcome's generation in place (after its tree, so cached files are never stale), then tells pages. */
    private void reload(Outcome outcome) {
        Generation previous = current.get();
        Generation next = new Generation(instance + "-" + (++builds),
                outcome.ok() ? outcome.basePath() : previous.basePath(),
                outcome.ok() || previous.hasPages(),
                !outcome.ok(),
                outcome.ok() ? List.of() : outcome.problems());
        current.set(next);
        events.publish(next);
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return address;
    }

    /** The address of the site's home page, under the path of its baseUrl. */
    public URI url() {
        InetAddress ip = address.getAddress();
        String host = ip.isAnyLocalAddress() ? "127.0.0.1" : ip.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + address.getPort() + current.get().basePath());
    }

    /** How many pages listen for reload events now. */
    public int listeners() {
        return events.connections();
    }

    /** Stops watching (waiting for a rebuild in progress), closes the event streams and stops listening. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                listener.warning("停止监视文件时出错：" + e.getMessage());
            }
        }
        events.close();
        if (undertow != null) undertow.stop();
    }
}
