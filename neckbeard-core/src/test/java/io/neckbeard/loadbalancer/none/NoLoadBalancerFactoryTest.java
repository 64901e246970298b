package io.neckbeard.loadbalancer.none;

import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;
import io.neckbeard.model.LoadBalancerSpec;
import io.neckbeard.plugin.Plugins;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NoLoadBalancerFactoryTest {
    @Test
    void reportsEveryTargetHealthyWhetherRegisteredOrNot() {
        LoadBalancer none = Plugins.builtIn().find(LoadBalancerFactory.class, "none", "load balancer")
                .create(new LoadBalancerContext(Path.of("."), "hello", new LoadBalancerSpec("web", "none", Map.of()), null));
        List<Target> targets = List.of(new Target("app-1", "dev/g1-app-1", "127.0.0.1", 40001),
                new Target("app-2", "dev/g1-app-2", "127.0.0.1", 40002));

        none.register(targets.subList(0, 1));
        none.deregister(targets.subList(0, 1));

        assertThat(none.health(targets)).isEqualTo(Map.of("app-1", TargetHealth.HEALTHY, "app-2", TargetHealth.HEALTHY));
    }
}
