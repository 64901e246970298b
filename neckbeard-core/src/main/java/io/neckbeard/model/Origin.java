package io.neckbeard.model;

import java.nio.file.Path;

/**
 * Where a value came from: the layer of the parameter tree (type, size, environment,
 * availability zone, ...) and the file position that set it. Lines and columns are 1-based.
 */
public record Origin(String layer, Path file, int line, int column) {
    /** {@code file:line}, as shown by {@code show --provenance}. */
    public String location() {
        return file + ":" + line;
    }
}
