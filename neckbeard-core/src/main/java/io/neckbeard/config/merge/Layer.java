package io.neckbeard.config.merge;

import io.neckbeard.config.yaml.YamlFile;

import java.util.Map;

/**
 * One layer of a node's parameter tree.
 *
 * @param name     as provenance shows it: {@code type:app}, {@code env:production.params}, ...
 * @param basePath key path of {@code values} inside {@code yaml}, to find each value's position
 */
public record Layer(String name, YamlFile yaml, String basePath, Map<String, Object> values) {
}
