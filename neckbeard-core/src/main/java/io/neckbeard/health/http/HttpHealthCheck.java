package io.neckbeard.health.http;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One GET of {@code http://<address>:<port><path>}; healthy when the status is the expected one. */
final class HttpHealthCheck implements HealthCheck {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String path;
    private final Integer port;
    private final int expectStatus;
    private final CheckSettings settings;
    /** Built at the first check, not with the check: building one costs a cold JVM a noticeable pause every node would wait for before its deploy. */
    private HttpClient client;

    HttpHealthCheck(String path, Integer port, int expectStatus, CheckSettings settings) {
        this.path = path;
        this.port = port;
        this.expectStatus = expectStatus;
        this.settings = settings;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    @Override
    public HealthResult check(HealthTarget target) {
        Integer effectivePort = port != null ? port : target.port();
        if (effectivePort == null) {
            throw settings.noPort(target.node());
        }
        String host = target.address().contains(":") ? "[" + target.address() + "]" : target.address();
        URI uri = URI.create("http://" + host + ":" + effectivePort + path);
        try {
            HttpResponse<Void> response = client().send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String detail = "HTTP " + response.statusCode() + " from " + uri;
            return response.statusCode() == expectStatus
                    ? HealthResult.healthy(detail)
                    : HealthResult.unhealthy(detail + " (expected " + expectStatus + ")");
        } catch (IOException e) {
            return HealthResult.unhealthy("GET " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthResult.unhealthy("GET " + uri + " was interrupted");
        }
    }
}
