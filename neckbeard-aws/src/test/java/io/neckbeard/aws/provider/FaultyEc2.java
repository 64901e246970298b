package io.neckbeard.aws.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.neckbeard.testing.moto.MotoServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on loopback in front of moto that answers chosen EC2 actions with an AWS error
 * (throttling, a 5xx, a denied call, an expired token) a number of times before passing them on:
 * the faults moto cannot produce, met by the real SDK client with its real retries. Requests it
 * does not fail go to moto unchanged.
 */
final class FaultyEc2 implements AutoCloseable {
    /** Headers the JDK's HTTP client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");

    private record Fault(int status, String code, AtomicInteger left) {
    }

    private final URI moto;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    FaultyEc2(MotoServer moto) throws IOException {
        this.moto = MotoServer.requireLoopback(moto.endpoint());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Where the SDK should send its requests: {@code http://127.0.0.1:PORT}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} requests of {@code action} get HTTP {@code status} with the EC2 error {@code code}. */
    FaultyEc2 fail(String action, int times, int status, String code) {
        faults.put(action, new Fault(status, code, new AtomicInteger(times)));
        return this;
    }

    /** How many HTTP requests of {@code action} arrived (failed ones and retries included). */
    int requests(String action) {
        AtomicInteger count = requests.get(action);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher action = ACTION.matcher(new String(body, StandardCharsets.UTF_8));
            String name = action.find() ? action.group(1) : "";
            requests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.get(name);
            if (fault != null && fault.left().getAndDecrement() > 0) {
                reply(exchange, fault.status(), "text/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                        + "<Code>" + fault.code() + "</Code><Message>injected " + fault.code() + "</Message></Error></Errors>"
                        + "<RequestID>faulty-ec2</RequestID></Response>").getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            // moto routes a request to its service by the signature's credential scope: pass the headers on
            exchange.getRequestHeaders().forEach((header, values) -> {
                if (!RESTRICTED.contains(header.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.header(header, value));
                }
            });
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/xml"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
