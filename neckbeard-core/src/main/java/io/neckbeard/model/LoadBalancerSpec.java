package io.neckbeard.model;

import java.util.Map;

/** An entry of {@code load_balancers:}: its name, the {@code LoadBalancer} SPI type and its settings. */
public record LoadBalancerSpec(String name, String type, Map<String, Object> settings) {
}
