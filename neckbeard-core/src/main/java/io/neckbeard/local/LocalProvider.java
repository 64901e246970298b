package io.neckbeard.local;

import io.neckbeard.core.FileTrees;
import io.neckbeard.core.Json;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.stack.DirectProcessManager;
import io.neckbeard.transport.Transport;
import io.neckbeard.transport.local.LocalTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Nodes as directories and process groups on this machine: {@code <project>/.neckbeard/local/<env>/g<gen>-<node>/}
 * holding {@code node.json}, the Stack ({@code stack/}) and the node's data ({@code data/}).
 * Stateless apart from the files, so safe to use from several threads and processes.
 */
final class LocalProvider implements ResourceProvider {
    private static final Logger LOG = LoggerFactory.getLogger(LocalProvider.class);
    static final String NODE_FILE = "node.json";

    private final Path nodesRoot;
    private final PortAllocator ports;
    private final BiFunction<Path, String, Transport> transports;
    /** Ports of the node.json files read so far, by file version: a launch re-reads only what changed. Used under the port lock only. */
    private final Map<Object, Integer> knownPorts = new HashMap<>();

    LocalProvider(Path projectRoot) {
        this(projectRoot, LocalTransport::new);
    }

    /** @param transports runs commands in a node directory, given the directory and a name for messages */
    LocalProvider(Path projectRoot, BiFunction<Path, String, Transport> transports) {
        this.nodesRoot = projectRoot.toAbsolutePath().normalize().resolve(".neckbeard").resolve("local");
        this.ports = new PortAllocator(nodesRoot.resolve("ports.lock"));
        this.transports = transports;
    }

    @Override
    public List<Resource> discover(String app, String environment) {
        List<Resource> found = new ArrayList<>();
        for (Path dir : nodeDirs(FileTrees.within(nodesRoot, environment))) {
            LocalNode node = read(dir);
            if (node != null && app.equals(node.app())) {
                found.add(resource(dir, node));
            }
        }
        return found;
    }

    @Override
    public Resource launch(LaunchRequest request) {
        String node = request.node().name();
        Path dir = FileTrees.within(nodesRoot, request.environment(), LocalNode.dirName(request.generation(), node));
        LocalNode launched = ports.locked(() -> {
            LocalNode existing = read(dir);
            if (existing == null && !isEmptyOrMissing(dir)) {
                throw new ProviderException("refusing to launch local node " + node + " into " + dir
                        + ": the directory exists, holds files and has no " + NODE_FILE + ", so neckbeard did not create it",
                        "move " + dir + " out of the way if it is not needed, then run the command again");
            }
            if (existing != null) {
                if (!existing.clientToken().equals(request.clientToken())) {
                    throw new ProviderException("local node " + dir + " exists but was launched with another client token",
                            "terminate generation " + request.generation() + " of " + request.environment() + " or remove " + dir);
                }
                return existing;
            }
            int port = ports.pick(recordedPorts(), node);
            LocalNode fresh = new LocalNode(request.app(), request.environment(), request.generation(), node,
                    request.tags().isEmpty() ? Tags.of(request.app(), request.environment(), request.generation(), node) : request.tags(),
                    request.clientToken(), port, Instant.now());
            write(dir, fresh);
            LOG.info("launched local node {} on port {}", dir, port);
            return fresh;
        });
        if (request.seedFrom() != null) {
            seed(request.seedFrom(), dir);
        }
        return resource(dir, launched);
    }

    /** Copies the seed node's {@code data/} into the new node's, once: a relaunch finds {@code data/} there. */
    private static void seed(Resource seedFrom, Path dir) {
        Path source = Path.of(seedFrom.attributes().get("dir")).resolve("data");
        Path target = dir.resolve("data");
        if (Files.exists(target) || !Files.isDirectory(source)) {
            return;
        }
        Path partial = dir.resolve("data.seeding");
        try {
            FileTrees.deleteTree(partial);
            FileTrees.copyTree(source, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("seeded {} from {}", target, source);
        } catch (IOException | UncheckedIOException e) {
            throw new ProviderException("cannot seed " + target + " from " + source + ": " + e.getMessage(),
                    "check that " + source + " is readable and the disk is not full", e);
        }
    }

    @Override
    public Resource refresh(Resource resource) {
        Path dir = dirOf(resource);
        LocalNode node = read(dir);
        if (node == null) {
            warnIfNotOurs(dir);
            return new Resource(resource.id(), resource.provider(), resource.address(), ResourceState.GONE, resource.tags(), resource.attributes());
        }
        return resource(dir, node);
    }

    @Override
    public void terminate(Resource resource) {
        Path dir = dirOf(resource);
        if (!Files.isRegularFile(dir.resolve(NODE_FILE))) {
            warnIfNotOurs(dir);
            return;
        }
        Path stack = dir.resolve("stack");
        // The engine stops the Stack's processes first, and each stop removes its pid file: only
        // a node whose stop failed or never ran (a crash mid-provision, a direct call) has some
        // left, or a process that lost its pid file (found by its marker). The stop fails (exit 1,
        // naming the process) when one is still there afterwards, and the directory then stays.
        if (hasPidFiles(stack.resolve("run")) || !MarkedProcesses.of(stack.toString()).isEmpty()) {
            try (Transport transport = transports.apply(dir, "local:" + resource.id())) {
                new DirectProcessManager().stopAll(transport, stack.toString(), line -> LOG.info("{}: {}", resource.id(), line));
            }
        }
        try {
            // node.json goes first: a half-removed directory is no longer a node
            Files.deleteIfExists(dir.resolve(NODE_FILE));
            FileTrees.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new ProviderException("cannot remove local node directory " + dir + ": " + e.getMessage(),
                    "remove it by hand once no process uses it", e);
        }
        LOG.info("terminated local node {}", dir);
    }

    /**
     * A node directory without its {@code node.json} is not (or no longer) neckbeard's: launch
     * writes that marker only into a directory it created or found empty, and terminate removes
     * it first. Such a directory is left alone, and said so.
     */
    private static void warnIfNotOurs(Path dir) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("left {} alone: it has no {}, so it is not a node directory neckbeard created; remove it by hand if it is not needed",
                    dir, NODE_FILE);
        }
    }

    private static boolean isEmptyOrMissing(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code run} holds a {@code *.pid} file; true when it cannot be listed (the stop script then looks itself). */
    private static boolean hasPidFiles(Path run) {
        if (!Files.isDirectory(run)) {
            return false;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(run, "*.pid")) {
            return pidFiles.iterator().hasNext();
        } catch (IOException | DirectoryIteratorException e) {
            return true;
        }
    }

    @Override
    public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
        return transports.apply(dirOf(resource), "local:" + node.name());
    }

    /** The resource's node directory, from its recorded {@code dir} or its id, verified to be under {@code .neckbeard/local/}. */
    private Path dirOf(Resource resource) {
        String dir = resource.attributes().get("dir");
        return FileTrees.within(nodesRoot, dir != null ? dir : resource.id());
    }

    private static Resource resource(Path dir, LocalNode node) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("port", Integer.toString(node.port()));
        attributes.put("dir", dir.toString());
        attributes.put("stack_root", dir.resolve("stack").toString());
        attributes.put("process_manager", DirectProcessManager.NAME);
        return new Resource(node.environment() + "/" + dir.getFileName(), LocalProviderFactory.TYPE, "127.0.0.1",
                ResourceState.RUNNING, node.tags(), attributes);
    }

    /**
     * Ports held by every node of the project, in any environment or generation. Called under the
     * port lock for every launch, so it parses only node.json files it has not seen in this version
     * (a file is replaced, never edited in place, so a new version has a new file key).
     */
    private Set<Integer> recordedPorts() {
        Set<Integer> recorded = new HashSet<>();
        for (Path envDir : children(nodesRoot)) {
            for (Path dir : nodeDirs(envDir)) {
                Object version = fileVersion(dir.resolve(NODE_FILE));
                Integer port = version == null ? null : knownPorts.get(version);
                if (port == null) {
                    LocalNode node = read(dir);
                    port = node == null ? null : node.port();
                    if (port != null && version != null) {
                        knownPorts.put(version, port);
                    }
                }
                if (port != null) {
                    recorded.add(port);
                }
            }
        }
        return recorded;
    }

    /** The file's identity and modification time, or null when it cannot be read (it is then parsed every time). */
    private static Object fileVersion(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() == null ? null : List.of(file.toString(), attributes.fileKey(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> nodeDirs(Path envDir) {
        return children(envDir).stream().filter(d -> Files.isRegularFile(d.resolve(NODE_FILE))).toList();
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new ProviderException("cannot list " + dir + ": " + e.getMessage(), "check its permissions", e);
        }
    }

    /** The node's {@code node.json}, or null when it does not exist (not launched, or terminated). */
    private static LocalNode read(Path dir) {
        Path file = dir.resolve(NODE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().readValue(file.toFile(), LocalNode.class);
        } catch (IOException e) {
            throw new ProviderException("cannot read " + file + ": " + e.getMessage(),
                    "remove the node directory " + dir + " if nothing runs there, then run the command again", e);
        }
    }

    private static void write(Path dir, LocalNode node) {
        try {
            Files.createDirectories(dir);
            // written beside the node directory, so a crash leaves that directory empty (still launchable), never
            // holding a stray file without node.json (which launch refuses as not neckbeard's)
            Path temp = Files.createTempFile(dir.getParent(), NODE_FILE, ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node);
            Files.move(temp, dir.resolve(NODE_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ProviderException("cannot write " + dir.resolve(NODE_FILE) + ": " + e.getMessage(),
                    "check that the project directory is writable", e);
        }
    }
}
