package io.neckbeard.stack;

import io.neckbeard.model.StackSettings;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a node's Stack lives: {@code stack.root}, with the node and generation filled in, unless the resource names its own. */
class StackRootTest {
    private static final Resource HOST = new Resource("i-1", "ec2", "127.0.0.1", ResourceState.RUNNING, Map.of(), Map.of());

    @Test
    void nodesSharingOneHostGetARootEachFromTheNodeAndGeneration() {
        StackSettings stack = new StackSettings("/srv/shop/${node}-g${generation}", 2, "direct");

        assertThat(root(HOST, stack, "app-1", 1)).isEqualTo("/srv/shop/app-1-g1");
        assertThat(root(HOST, stack, "app-2", 1)).isEqualTo("/srv/shop/app-2-g1");
        assertThat(root(HOST, stack, "app-1", 2)).isEqualTo("/srv/shop/app-1-g2");
    }

    @Test
    void aPlainRootIsTheSameForEveryNodeAndAResourcesOwnRootWins() {
        StackSettings stack = new StackSettings("/srv/shop", 2, "direct");
        Resource local = new Resource("dev/g1-web-1", "local", "127.0.0.1", ResourceState.RUNNING, Map.of(),
                Map.of("stack_root", "/tmp/nodes/g1-web-1"));

        assertThat(root(HOST, stack, "app-1", 3)).isEqualTo("/srv/shop");
        assertThat(root(local, new StackSettings("/srv/${node}", 2, "direct"), "web-1", 1)).isEqualTo("/tmp/nodes/g1-web-1");
    }

    private static String root(Resource resource, StackSettings stack, String node, long generation) {
        return StackTarget.forResource(resource, stack, "shop", "production", node, generation, Map.of(), Map.of()).root();
    }
}
