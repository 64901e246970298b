package io.neckbeard.testing.moto;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One {@code moto_server} (the AWS emulator) on 127.0.0.1 and a free port, started by
 * {@link MotoExtension} once per JVM. It knows its endpoint, resets its state, and refuses to
 * hand out any endpoint that is not loopback: tests never dial AWS or anything else.
 */
public final class MotoServer implements AutoCloseable {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private final URI endpoint;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoServer(URI endpoint, Process process, Path log) {
        this.endpoint = requireLoopback(endpoint);
        this.process = process;
        this.log = log;
    }

    /**
     * Starts moto_server's code through {@code serialised_moto_server.py}, with the Python of
     * {@code executable}'s venv: moto's own server is threaded and checks S3 preconditions
     * non-atomically, so racing conditional writes could both succeed (the script says more).
     */
    public static MotoServer start(Path executable) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("moto-server-", ".log");
        Path launcher = Files.createTempFile("serialised_moto_server-", ".py");
        try (InputStream script = MotoServer.class.getResourceAsStream("serialised_moto_server.py")) {
            Files.write(launcher, script.readAllBytes());
        }
        Path python = executable.toAbsolutePath().resolveSibling("python");
        ProcessBuilder builder = new ProcessBuilder(python.toString(), launcher.toString(), "-H", "127.0.0.1", "-p",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile());
        // No EC2 default AMIs to load at first use: faster, and tests name what they launch.
        builder.environment().put("MOTO_EC2_LOAD_DEFAULT_AMIS", "false");
        MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), builder.start(), log);
        server.awaitAnswering();
        return server;
    }

    /** Where the emulated AWS services answer: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every bucket, object and resource ({@code POST /moto-api/reset}). */
    public void reset() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Creates an S3 bucket (moto takes unsigned requests), for tests that have no S3 client of their own. */
    public void createS3Bucket(String bucket) throws IOException, InterruptedException {
        put("/" + bucket, "");
    }

    /** Stores an S3 object as another machine would have written it. */
    public void putS3Object(String bucket, String key, String text) throws IOException, InterruptedException {
        put("/" + bucket + "/" + key, text);
    }

    private void put(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto answered PUT " + path + " with " + response.statusCode() + ": " + response.body());
        }
    }

    /** The environment a child process needs to reach this server with the AWS SDK, and nothing else. */
    public Map<String, String> awsEnvironment() {
        return Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true");
    }

    /**
     * @return {@code endpoint}
     * @throws IllegalArgumentException unless its host is {@code localhost}, 127.0.0.0/8 or ::1,
     *                                  written as such (no name is resolved: that would dial DNS)
     */
    public static URI requireLoopback(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost();
        if (host.equals("localhost") || LOOPBACK_V4.matcher(host).matches() || host.equals("[::1]") || host.equals("::1")) {
            return endpoint;
        }
        throw new IllegalArgumentException("tests dial loopback only, not " + endpoint);
    }

    private void awaitAnswering() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                reset();
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within 60 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
