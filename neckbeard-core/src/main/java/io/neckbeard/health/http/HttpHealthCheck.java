package io.neckbeard.health.http;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * One GET of {@code http://<address>:<port><path>}; healthy when the status is the expected one.
 * Redirects are not followed and no proxy is used: the check asks the node itself.
 *
 * <p>{@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: a cold JVM pays
 * about 0.4 s for the client's first request against about 0.07 s here, and every node of the
 * first wave of a deploy waits for it.
 */
final class HttpHealthCheck implements HealthCheck {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String path;
    private final Integer port;
    private final int expectStatus;
    private final CheckSettings settings;

    HttpHealthCheck(String path, Integer port, int expectStatus, CheckSettings settings) {
        this.path = path;
        this.port = port;
        this.expectStatus = expectStatus;
        this.settings = settings;
    }

    @Override
    public HealthResult check(HealthTarget target) {
        int effectivePort = settings.port(port, target);
        String host = target.address().contains(":") ? "[" + target.address() + "]" : target.address();
        URI uri = URI.create("http://" + host + ":" + effectivePort + path);
        HttpURLConnection connection = null;
        try {
            connection = open(uri.toURL());
            int status = connection.getResponseCode();
            String detail = "HTTP " + status + " from " + uri;
            return status == expectStatus
                    ? HealthResult.healthy(detail)
                    : HealthResult.unhealthy(detail + " (expected " + expectStatus + ")");
        } catch (IOException e) {
            return HealthResult.unhealthy("GET " + uri + " failed: " + e);
        } finally {
            if (connection != null) {
                connection.disconnect(); // closes the socket; the body is never needed
            }
        }
    }

    private static HttpURLConnection open(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
        return connection;
    }
}
