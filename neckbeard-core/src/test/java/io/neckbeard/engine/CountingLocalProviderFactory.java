package io.neckbeard.engine;

import io.neckbeard.local.LocalProviderFactory;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;
import io.neckbeard.transport.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code counting-local}: the real {@code local} provider, with every call made to it written
 * down ({@code refresh dev/g1-web-1}, {@code discover}, ...), so a test can tell how many
 * provider calls (cloud API calls, with a cloud provider) a command costs. Registered by
 * {@link EngineFixture}'s plugin JAR.
 */
public final class CountingLocalProviderFactory implements ResourceProviderFactory {
    static final String TYPE = "counting-local";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        return new LocalProviderFactory().validate(nodeType, params);
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new CountingProvider(new LocalProviderFactory().create(context));
    }

    /** Delegates to the local provider; resources it returns name this provider, so the engine comes back here. */
    static final class CountingProvider implements ResourceProvider {
        private final ResourceProvider local;
        private final List<String> calls = new ArrayList<>();
        private volatile String promotedFailure;

        CountingProvider(ResourceProvider local) {
            this.local = local;
        }

        /** Every call so far, oldest first, e.g. {@code refresh dev/g1-web-1}. */
        synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        /** How many times {@code call} (e.g. {@code refresh dev/g1-web-1}) was made. */
        synchronized long count(String call) {
            return calls.stream().filter(call::equals).count();
        }

        synchronized void forget() {
            calls.clear();
        }

        /** Makes every later {@code promoted} call fail with {@code message}, as a provider whose cloud call fails. */
        void failPromoted(String message) {
            promotedFailure = message;
        }

        private synchronized void record(String call) {
            calls.add(call);
        }

        @Override
        public List<Resource> discover(String app, String environment) {
            record("discover");
            return local.discover(app, environment).stream().map(CountingProvider::own).toList();
        }

        @Override
        public Resource launch(LaunchRequest request) {
            Resource launched = own(local.launch(request));
            record("launch " + launched.id());
            return launched;
        }

        @Override
        public Resource resume(Resource found, LaunchRequest request) {
            record("resume " + found.id());
            return own(local.resume(found, request));
        }

        @Override
        public Resource refresh(Resource resource) {
            record("refresh " + resource.id());
            return own(local.refresh(resource));
        }

        /** One call for all, as a cloud provider answers it: written down as {@code refreshAll id1 id2 ...}. */
        @Override
        public List<Resource> refreshAll(List<Resource> resources) {
            record("refreshAll " + String.join(" ", resources.stream().map(Resource::id).toList()));
            return resources.stream().map(local::refresh).map(CountingProvider::own).toList();
        }

        /** Written down as {@code promoted id1 id2 / id3 id4} (now active / retired). */
        @Override
        public void promoted(List<Resource> nowActive, List<Resource> retired) {
            record("promoted " + String.join(" ", nowActive.stream().map(Resource::id).toList()) + " / "
                    + String.join(" ", retired.stream().map(Resource::id).toList()));
            if (promotedFailure != null) {
                throw new ProviderException(promotedFailure, "run the command again");
            }
        }

        @Override
        public void terminate(Resource resource) {
            record("terminate " + resource.id());
            local.terminate(resource);
        }

        @Override
        public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
            record("transport " + resource.id());
            return local.transport(resource, node, params);
        }

        private static Resource own(Resource resource) {
            return new Resource(resource.id(), TYPE, resource.address(), resource.state(), resource.tags(), resource.attributes());
        }
    }
}
