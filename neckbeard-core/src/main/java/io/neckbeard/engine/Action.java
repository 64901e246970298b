package io.neckbeard.engine;

import java.util.Locale;

/** One thing the engine does to a node; a node's plan is a list of these, in order. */
public enum Action {
    /** Launch a resource (none recorded, or its resource vanished). */
    LAUNCH,
    /**
     * Apply a managed node's changed configuration to its resource through its provider
     * ({@link io.neckbeard.provider.ResourceProvider#update}), before it is checked again.
     */
    UPDATE,
    /**
     * Check a managed node's health through its provider and record its endpoint (a managed node
     * is never provisioned: it is launched or updated, and checked).
     */
    CHECK,
    /** Deregister a serving node from its load balancer before provisioning it. */
    TAKE_OUT,
    /** Provision it and deploy the slug with the Stack, then health-check it. */
    PROVISION,
    /** Restart the processes of an up-to-date node that stopped, from its current release (no new release). */
    RESTART,
    /** Register a node that was taken out, once healthy. */
    PUT_BACK,
    /** Register a healthy node that is not in its load balancer (a new node, or a repair). */
    REGISTER,
    /** Deregister and terminate a node that is no longer desired (after scaling down). */
    RETIRE,
    /** Nothing to do. */
    NOTHING;

    /** The id shown in text and JSON: {@code take-out}, {@code put-back}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
