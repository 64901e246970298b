package io.neckbeard.engine;

import io.neckbeard.loadbalancer.LoadBalancer;
import io.neckbeard.loadbalancer.LoadBalancerContext;
import io.neckbeard.loadbalancer.LoadBalancerException;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.loadbalancer.Target;
import io.neckbeard.loadbalancer.TargetHealth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code counting}: an in-memory balancer that serves what is registered (a registered target
 * reads {@code HEALTHY}, any other {@code UNUSED}) and writes down every call with its targets'
 * resource ids ({@code register dev/g2-web-1 dev/g2-web-2}), so a test can tell how many
 * balancer calls (API calls, and drain waits for a deregistration, with a cloud balancer) a
 * command costs. Registered by {@link EngineFixture}'s plugin JAR.
 */
public final class CountingLoadBalancerFactory implements LoadBalancerFactory {
    @Override
    public String type() {
        return "counting";
    }

    @Override
    public LoadBalancer create(LoadBalancerContext context) {
        return new CountingLoadBalancer();
    }

    static final class CountingLoadBalancer implements LoadBalancer {
        private final Set<String> registered = new HashSet<>();
        private final List<String> calls = new ArrayList<>();
        private List<String> log = new ArrayList<>();
        private String unhealthy;

        /** Every call from now on is also added to {@code log} (synchronized on it), to interleave with other events. */
        synchronized void alsoLogTo(List<String> log) {
            this.log = log;
        }

        /** From now on a registered target reads as failing the balancer's checks, for {@code reason}, as a cloud balancer's would. */
        synchronized void failChecks(String reason) {
            unhealthy = reason;
        }

        /** Every call so far, oldest first. */
        synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        synchronized void forget() {
            calls.clear();
        }

        private void called(String call) {
            calls.add(call);
            synchronized (log) {
                log.add(call);
            }
        }

        @Override
        public synchronized void register(List<Target> targets) {
            called("register " + ids(targets));
            targets.forEach(t -> registered.add(t.resourceId()));
        }

        @Override
        public synchronized void deregister(List<Target> targets) {
            called("deregister " + ids(targets));
            targets.forEach(t -> registered.remove(t.resourceId()));
        }

        @Override
        public synchronized Map<String, TargetHealth> health(List<Target> targets) {
            called("health " + ids(targets));
            if (unhealthy != null) {
                throw new LoadBalancerException("the balancer reports " + targets.stream().map(Target::node)
                        .collect(Collectors.joining(", ")) + " unhealthy (" + unhealthy + ")", "fix the app", null);
            }
            Map<String, TargetHealth> health = new LinkedHashMap<>();
            targets.forEach(t -> health.put(t.node(), registered.contains(t.resourceId()) ? TargetHealth.HEALTHY : TargetHealth.UNUSED));
            return health;
        }

        private static String ids(List<Target> targets) {
            return targets.stream().map(Target::resourceId).sorted().collect(Collectors.joining(" "));
        }
    }
}
