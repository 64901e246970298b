package io.neckbeard.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.neckbeard.testing.moto.MotoServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP proxy on loopback in front of an AWS emulator on loopback, that can freeze a run right
 * after a given API call: once {@link #holdAfter armed}, it forwards that call, then holds every
 * later request until {@link #release}. A test kills the client meanwhile, so the kill lands
 * exactly between the call and whatever the client would have done next (moto answers at once:
 * without the hold the window is a few milliseconds).
 */
public final class HoldingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself, and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY).build();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch forwarded = new CountDownLatch(1);
    private volatile String armedFor;
    private volatile boolean holding;

    public HoldingProxy(URI upstream) throws IOException {
        this.upstream = MotoServer.requireLoopback(upstream);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** After the next request for {@code action} (e.g. {@code RunInstances}) is forwarded, hold every later one. */
    public void holdAfter(String action) {
        armedFor = "Action=" + action + "&";
    }

    /** Waits until the armed call went through and the proxy holds. */
    public boolean awaitHolding(long seconds) throws InterruptedException {
        return forwarded.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held requests go (they get a 503: their client is gone) and forwards everything from now on. */
    public void release() {
        armedFor = null;
        holding = false;
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (holding) {
                await();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] answer;
            try (InputStream in = response.body()) {
                answer = in.readAllBytes();
            }
            String armed = armedFor;
            if (armed != null && (new String(body, StandardCharsets.UTF_8) + "&").contains(armed)) {
                holding = true;
                forwarded.countDown();
            }
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase()) && !header.getKey().startsWith(":")) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await() {
        try {
            released.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
