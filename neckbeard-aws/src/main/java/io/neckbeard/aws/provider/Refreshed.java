package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The answer of a batched refresh: one resource per one asked about, in the same order. */
final class Refreshed {
    private Refreshed() {
    }

    /**
     * @param asked the resources asked about
     * @param found by id, what one describe call found
     * @return each asked resource as found, or {@link ResourceState#GONE} when the service no longer knows it
     */
    static List<Resource> inOrder(Collection<Resource> asked, Map<String, Resource> found) {
        return asked.stream().map(resource -> found.getOrDefault(resource.id(), new Resource(resource.id(), resource.provider(),
                resource.address(), ResourceState.GONE, resource.tags(), resource.attributes()))).toList();
    }
}
