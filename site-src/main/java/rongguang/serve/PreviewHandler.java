package rongguang.serve;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xnio.IoUtils;

/**
 * Answers every request: the preview's files (HTML with the live reload script, and the panel of errors after a
 * failed build), folders by their index.html, the site's 404 page, and the server's own files under
 * {@code /__rongguang/}. Responses already in the generation's cache are sent from the I/O thread; anything that
 * touches the disk is dispatched to a worker.
 */
final class PreviewHandler implements HttpHandler {
    static final String OWN_PREFIX = "/__rongguang/";
    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    private static final String NOT_FOUND_KEY = "404";
    private static final String NO_PREVIEW_KEY = "503";

    private final Supplier<Generation> current;
    private final PreviewTree tree;
    private final HttpHandler events;
    private final Consumer<String> warnings;
    private final Body liveScript;
    private final Body liveStyle;

    /** @param warnings told, in one line, of a request that failed for a reason of the server's own */
    PreviewHandler(Supplier<Generation> current, PreviewTree tree, HttpHandler events, Consumer<String> warnings) {
        this.current = current;
        this.tree = tree;
        this.events = events;
        this.warnings = warnings;
        this.liveScript = resource("live.js");
        this.liveStyle = resource("live.css");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            serve(exchange);
        } catch (Exception e) {
            // a plain answer, no stack trace: neither the browser nor the terminal is the place for one
            warnings.accept("处理请求 " + exchange.getRequestMethod() + " " + exchange.getRequestPath() + " 时出错：" + e);
            if (exchange.isResponseStarted()) IoUtils.safeClose(exchange.getConnection());
            else sendText(exchange, 500, "预览服务器内部错误：" + e.getClass().getSimpleName());
        }
    }

    private void serve(HttpServerExchange exchange) throws Exception {
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            sendText(exchange, 405, "只支持 GET 和 HEAD 请求。");
            return;
        }
        String raw = exchange.getRequestPath();
        if (raw.startsWith(OWN_PREFIX)) {
            serveOwn(exchange, raw.substring(OWN_PREFIX.length()));
            return;
        }
        Generation generation = current.get();
        Body cached = generation.cached(raw);
        if (cached != null && (cached.bytes() != null || !exchange.isInIoThread())) {
            send(exchange, cached);
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        serveFromTree(exchange, generation, raw);
    }

    private void serveFromTree(HttpServerExchange exchange, Generation generation, String raw) throws IOException {
        if (!generation.hasPages()) {
            send(exchange, noPreviewPage(generation));
            return;
        }
        // the site is served at its baseUrl's path, as the 404 page's links expect, and at / as well
        String path = raw;
        String base = generation.basePath();
        if (!base.equals("/")) {
            if (raw.equals(base.substring(0, base.length() - 1))) {
                redirect(exchange, base);
                return;
            }
            if (raw.startsWith(base)) path = raw.substring(base.length() - 1);
        }
        RequestPath request = RequestPath.parse(path);
        if (request == null) {
            sendText(exchange, 400, "请求的路径无效。");
            return;
        }
        PreviewTree.Found found = tree.read(request, generation, 200);
        if (found.folderWithoutSlash()) {
            redirect(exchange, raw + "/");
            return;
        }
        Body body = found.body();
        if (body == null) {
            send(exchange, notFoundPage(generation));
            return;
        }
        generation.cache(raw, body);
        send(exchange, body);
    }

    private void serveOwn(HttpServerExchange exchange, String name) throws Exception {
        switch (name) {
            case "events" -> events.handleRequest(exchange);
            case "live.js" -> send(exchange, liveScript);
            case "live.css" -> send(exchange, liveStyle);
            default -> sendText(exchange, 404, "没有这个文件。");
        }
    }

    private Body notFoundPage(Generation generation) throws IOException {
        Body page = generation.cached(NOT_FOUND_KEY);
        if (page == null) {
            page = tree.notFoundPage(generation);
            generation.cache(NOT_FOUND_KEY, page);
        }
        return page;
    }

    private static Body noPreviewPage(Generation generation) {
        Body page = generation.cached(NO_PREVIEW_KEY);
        if (page == null) {
            page = PreviewTree.noPreviewPage(generation);
            generation.cache(NO_PREVIEW_KEY, page);
        }
        return page;
    }

    private static void send(HttpServerExchange exchange, Body body) throws IOException {
        InputStream stream = null;
        if (body.bytes() == null) {
            // a large file, read from disk: opened before anything is sent, as a swap may just have taken it away
            try {
                stream = Files.newInputStream(body.file());
            } catch (NoSuchFileException e) {
                sendText(exchange, 404, "文件刚被删除或替换，请刷新页面。");
                return;
            }
        }
        try (InputStream in = stream) {
            HeaderMap headers = exchange.getResponseHeaders();
            headers.put(Headers.CACHE_CONTROL, "no-cache");
            if (body.etag() != null) {
                headers.put(Headers.ETAG, body.etag());
                if (ETags.matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH), body.etag())) {
                    exchange.setStatusCode(304);
                    exchange.endExchange();
                    return;
                }
            }
            exchange.setStatusCode(body.status());
            headers.put(Headers.CONTENT_TYPE, body.contentType());
            headers.put(NOSNIFF, "nosniff");
            exchange.setResponseContentLength(body.length());
            if (exchange.getRequestMethod().equals(Methods.HEAD)) {
                exchange.endExchange();
            } else if (in == null) {
                exchange.getResponseSender().send(ByteBuffer.wrap(body.bytes()));
            } else {
                exchange.startBlocking();
                try (OutputStream out = exchange.getOutputStream()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static void sendText(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8")
                .put(Headers.CACHE_CONTROL, "no-cache")
                .put(NOSNIFF, "nosniff");
        if (exchange.getRequestMethod().equals(Methods.HEAD)) exchange.endExchange();
        else exchange.getResponseSender().send(text + "\n", StandardCharsets.UTF_8);
    }

    private static void redirect(HttpServerExchange exchange, String location) {
        String query = exchange.getQueryString();
        exchange.getResponseHeaders().put(Headers.LOCATION, query.isEmpty() ? location : location + "?" + query);
        // 302, not 301: browsers keep a 301 forever, and in a preview the folder may become a file
        sendText(exchange, 302, "请访问 " + location);
    }

    private static Body resource(String name) {
        try (InputStream in = PreviewHandler.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("rongguang/serve/" + name + " is missing from the jar");
            return Body.inMemory(200, ContentTypes.of(name), in.readAllBytes(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
