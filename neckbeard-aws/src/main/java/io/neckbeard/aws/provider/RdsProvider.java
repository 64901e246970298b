package io.neckbeard.aws.provider;

import io.neckbeard.aws.Lazy;
import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.provider.LaunchRequest;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceKind;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.transport.Transport;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code resource: rds}: a managed database per node. Names no AWS SDK type: the SDK code lives
 * in {@link RdsDatabases}, built on the first call that needs RDS. Its health is the status RDS
 * reports (the {@code provider} health check): nothing dials the database's endpoint.
 */
final class RdsProvider implements ResourceProvider {
    private final Lazy<RdsDatabases> databases;

    RdsProvider(Supplier<RdsDatabases> connect) {
        this.databases = new Lazy<>(connect);
    }

    private RdsDatabases databases() {
        return databases.get();
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.MANAGED;
    }

    @Override
    public List<Resource> discover(String app, String environment) {
        return databases().discover(app, environment);
    }

    @Override
    public Resource launch(LaunchRequest request) {
        return databases().launch(request);
    }

    /**
     * Brings the parameter group kept for the node's type to {@code rds.parameters} (only the
     * parameters whose value differs are modified), as a launch does. Nothing else of the
     * database changes: its instance class, storage or engine version take a new generation.
     */
    @Override
    public Resource update(Resource resource, LaunchRequest request) {
        return databases().update(resource, request);
    }

    @Override
    public Resource refresh(Resource resource) {
        return refreshAll(List.of(resource)).get(0);
    }

    /** {@link #refresh} of many databases in one DescribeDBInstances filtered by their identifiers. */
    @Override
    public List<Resource> refreshAll(List<Resource> resources) {
        return resources.isEmpty() ? List.of() : databases().refreshAll(resources);
    }

    @Override
    public void terminate(Resource resource) {
        databases().terminate(resource);
    }

    /** Never called for a managed resource (the engine refuses to log into one before asking). */
    @Override
    public Transport transport(Resource resource, NodeSpec node, ResolvedParams params) {
        throw new IllegalStateException("node " + node.name() + " is an rds database: there is no host to log into");
    }
}
