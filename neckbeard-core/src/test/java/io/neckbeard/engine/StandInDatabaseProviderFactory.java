package io.neckbeard.engine;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceKind;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.transport.Transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * {@code stand-in-db}: a managed resource, as RDS is one, without a cloud. A launch records a
 * database at 127.0.0.1, port 5430 + its generation (so a test tells generations apart), named
 * {@code app}, as a file under the project's
 * {@code .stand-in-db/} (so every context of a test sees it); nothing listens there, and nothing
 * may log into it: {@link ResourceProvider#transport} fails the test. {@link ResourceProvider#update}
 * is remembered (the parameters of each call), for a test to read through
 * {@link DeployContext#provider}. Registered by {@link EngineFixture}'s plugin JAR.
 */
public final class StandInDatabaseProviderFactory implements ResourceProviderFactory {
    static final String TYPE = "stand-in-db";
    static final String ADDRESS = "127.0.0.1";
    /** What a test writes into a database's file (under {@code .stand-in-db/}) to make it stopped. */
    static final String STOPPED = "stopped";
    /** The port of the database launched for {@code generation}. */
    static int port(long generation) {
        return 5430 + (int) generation;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        return List.of();
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new StandInDatabase(context.projectRoot().resolve(".stand-in-db"), new CopyOnWriteArrayList<>());
    }

    /** @param updates the parameters of each {@link #update}, in order */
    record StandInDatabase(Path dir, List<Map<String, Object>> updates) implements ResourceProvider {
        @Override
        public ResourceKind kind() {
            return ResourceKind.MANAGED;
        }

        @Override
        public List<Resource> discover(String app, String environment) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(file -> resource(file.getFileName().toString(), ResourceState.RUNNING))
                        .filter(r -> app.equals(r.tags().get(Tags.APP)) && environment.equals(r.tags().get(Tags.ENV)))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Resource launch(LaunchRequest request) {
            try {
                Files.createDirectories(dir);
                // the id holds the tags: app, environment, generation, node
                String id = String.join("~", request.app(), request.environment(), Long.toString(request.generation()),
                        request.node().name());
                Files.writeString(dir.resolve(id), request.clientToken());
                return resource(id, ResourceState.RUNNING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Resource update(Resource resource, LaunchRequest request) {
            updates.add(request.params());
            return resource;
        }

        @Override
        public Resource refresh(Resource resource) {
            Path file = dir.resolve(resource.id());
            if (!Files.exists(file)) {
                return resource(resource.id(), ResourceState.GONE);
            }
            try {
                // a test stops a database by writing "stopped" into its file
                return resource(resource.id(), Files.readString(file).equals(STOPPED) ? ResourceState.STOPPED : ResourceState.RUNNING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void terminate(Resource resource) {
            try {
                Files.deleteIfExists(dir.resolve(resource.id()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
            throw new AssertionError("the engine asked for a transport to managed node " + node.name());
        }

        private static Resource resource(String id, ResourceState state) {
            String[] tags = id.split("~");
            return new Resource(id, TYPE, ADDRESS, state,
                    Tags.of(tags[0], tags[1], Long.parseLong(tags[2]), tags[3]), Map.of("port", Integer.toString(port(Long.parseLong(tags[2]))), "db_name", "app"));
        }
    }
}
