package io.neckbeard.cli.testing;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.transport.Transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Provider {@code hosts-with-own-roots}: the {@code static} provider, except that each host's Stack
 * root is its node's {@code own_root} parameter (the {@code stack_root} attribute, as the local
 * provider sets it). Several "hosts" of one test machine (127.0.0.1, .2, .3, each with an SSH
 * server of its own) so do not share one Stack root. Offered as a plugin JAR by {@link #directory}.
 */
public final class HostsWithOwnRoots implements ResourceProviderFactory {
    public static final String TYPE = "hosts-with-own-roots";
    private static final String OWN_ROOT = "own_root";

    private final ResourceProviderFactory statics = Plugins.builtIn().find(ResourceProviderFactory.class, "static", "resource provider");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        return statics.validate(nodeType, params);
    }

    @Override
    public List<ParamProblem> validate(String nodeType, int index, Map<String, Object> params) {
        return statics.validate(nodeType, index, params);
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        ResourceProvider hosts = statics.create(context);
        return new ResourceProvider() {
            @Override
            public List<Resource> discover(String app, String environment) {
                return hosts.discover(app, environment);
            }

            @Override
            public Resource launch(LaunchRequest request) {
                Resource host = hosts.launch(request);
                Map<String, String> attributes = new HashMap<>(host.attributes());
                attributes.put("stack_root", String.valueOf(request.params().get(OWN_ROOT)));
                return new Resource(host.id(), TYPE, host.address(), host.state(), host.tags(), attributes);
            }

            @Override
            public Resource refresh(Resource resource) {
                return ours(hosts.refresh(resource));
            }

            @Override
            public void terminate(Resource resource) {
                hosts.terminate(resource);
            }

            @Override
            public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
                return hosts.transport(resource, node, params);
            }

            @Override
            public boolean holdsOneGeneration() {
                return true;
            }

            @Override
            public boolean tagsResources() {
                return hosts.tagsResources();
            }
        };
    }

    private static Resource ours(Resource resource) {
        return new Resource(resource.id(), TYPE, resource.address(), resource.state(), resource.tags(), resource.attributes());
    }

    /** A directory holding the plugin JAR (its services file; the class is on the test class path), for {@code --plugin-path}. */
    public static Path directory(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("own-roots-plugin"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("own-roots.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + ResourceProviderFactory.class.getName()));
            OutputStream out = jar;
            out.write((HostsWithOwnRoots.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return dir;
    }
}
