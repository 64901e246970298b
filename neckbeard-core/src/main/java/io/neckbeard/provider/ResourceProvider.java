package io.neckbeard.provider;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ResolvedParams;
import io.neckbeard.transport.Transport;

import java.util.List;

/**
 * Launches and tracks one kind of resource (EC2 instance, RDS database, local process group).
 * Implementations must be safe to call from several threads at once.
 */
public interface ResourceProvider {

    /**
     * Whether the node's resource is a host neckbeard logs into, or a managed service that only
     * publishes an endpoint (its address, its {@code port} attribute and any other attributes) to
     * the nodes that refer to it through {@code ${peers...}}. A managed provider's
     * {@link #transport} is never called.
     */
    default ResourceKind kind() {
        return ResourceKind.HOST;
    }

    /** Every resource of (app, environment) found by its tags, in one batched call. */
    List<Resource> discover(String app, String environment);

    /** Launches the node, or returns the resource an earlier attempt with the same client token launched. */
    Resource launch(LaunchRequest request);

    /**
     * Finishes what {@link #launch} does for a resource an interrupted run launched and never
     * recorded ({@code up} found it by its tags): e.g. waits until it runs and attaches what a
     * launch attaches, so the node goes on as if this run had launched it. Keep it idempotent.
     * The default returns the resource as found.
     *
     * @param request the node's settings, as {@link #launch} gets them
     */
    default Resource resume(Resource found, LaunchRequest request) {
        return found;
    }

    /**
     * Applies the node's current settings to its existing managed resource where the provider
     * can, e.g. the rds provider's parameter group. {@code up} calls it for a healthy managed node
     * whose configuration changed since it was last launched or updated, then checks the node
     * again; what a provider cannot change in place needs a new generation. Keep it idempotent
     * (a failed {@code up} calls it again). The default changes nothing and returns the resource.
     *
     * @param request the node's settings, as {@link #launch} gets them ({@code seedFrom} is null)
     * @return the resource after the change
     */
    default Resource update(Resource resource, LaunchRequest request) {
        return resource;
    }

    /** The resource as the provider sees it now; state {@link ResourceState#GONE} when it no longer exists. */
    Resource refresh(Resource resource);

    /**
     * {@link #refresh} of each resource, answered in the same order: what {@code status},
     * {@code plan}, {@code promote} and {@code rollback} ask for a generation's nodes. The default
     * loops; a cloud provider answers for all of them in one call (one describe per page).
     */
    default List<Resource> refreshAll(List<Resource> resources) {
        return resources.stream().map(this::refresh).toList();
    }

    /**
     * Called by {@code promote} and {@code rollback} once the load balancers serve the generation
     * they activate, before the switch is recorded: {@code nowActive} are that generation's
     * resources of this provider (refreshed), {@code retired} those of the generation that was
     * active (as recorded: not refreshed). A provider moves here what only the active generation
     * may hold, e.g. the ec2 provider's Elastic IPs. A failure stops the switch unrecorded, so the
     * command can be run again: keep it idempotent. The default does nothing.
     */
    default void promoted(List<Resource> nowActive, List<Resource> retired) {
    }

    /** Destroys the resource; a resource that is already gone is not an error. */
    void terminate(Resource resource);

    /**
     * How to run commands on and copy files to the node (SSH for servers, local for the local provider).
     *
     * @param params the node's resolved tree: its values to use, and which of them came from {@code ${env:VAR}}
     *               (a message names such a setting, never its value)
     */
    Transport transport(Resource resource, NodeSpec node, ResolvedParams params);

    /**
     * True when a node's resource is a fixed machine that holds one generation at a time (the
     * {@code static} provider's existing hosts): {@code up --pending} then refuses (exit 4) while
     * another generation lives, since a second one would take over the first one's Stack.
     */
    default boolean holdsOneGeneration() {
        return false;
    }

    /**
     * Whether resources carry the {@link Tags} they were launched with, so whose a resource is can
     * be told from it ({@code node adopt}, {@code up} and {@code terminate} refuse another
     * environment's). The {@code static} provider's hosts carry none.
     */
    default boolean tagsResources() {
        return true;
    }
}
