package io.neckbeard.provisioner;

import java.util.List;

/** Addresses of the nodes of one service in the same generation: those in the node's AZ, and all. */
public record ServicePeers(List<String> sameAz, List<String> all) {
    public ServicePeers {
        sameAz = List.copyOf(sameAz);
        all = List.copyOf(all);
    }
}
