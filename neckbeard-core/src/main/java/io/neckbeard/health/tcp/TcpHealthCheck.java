package io.neckbeard.health.tcp;

import io.neckbeard.health.CheckSettings;
import io.neckbeard.health.HealthCheck;
import io.neckbeard.health.HealthResult;
import io.neckbeard.health.HealthTarget;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** One TCP connect to the node. */
final class TcpHealthCheck implements HealthCheck {
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final Integer port;
    private final CheckSettings settings;

    TcpHealthCheck(Integer port, CheckSettings settings) {
        this.port = port;
        this.settings = settings;
    }

    @Override
    public HealthResult check(HealthTarget target) {
        int effectivePort = settings.port(port, target);
        String where = target.address() + ":" + effectivePort;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.address(), effectivePort), CONNECT_TIMEOUT_MS);
            return HealthResult.healthy("connected to " + where);
        } catch (IOException e) {
            return HealthResult.unhealthy("cannot connect to " + where + ": " + e.getMessage());
        }
    }
}
