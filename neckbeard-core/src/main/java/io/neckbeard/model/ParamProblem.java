package io.neckbeard.model;

/**
 * A problem a provider found in a node's parameters. The configuration engine turns it into
 * a {@code file:line:column} problem using the provenance of {@code path} (or of the node type
 * when the key is missing).
 *
 * @param path dotted path inside the node's tree, e.g. {@code ec2.image_id}
 */
public record ParamProblem(String path, String message, String fix) {
}
