package io.neckbeard.config.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a resolved scalar node into its Java value with SnakeYAML's own rules for
 * integers, floats, booleans and null; everything else (timestamps included) stays text.
 */
final class ScalarValues extends SafeConstructor {

    ScalarValues(LoaderOptions options) {
        super(options);
    }

    Object value(ScalarNode node) {
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag)) {
            return constructObject(node);
        }
        return node.getValue();
    }
}
