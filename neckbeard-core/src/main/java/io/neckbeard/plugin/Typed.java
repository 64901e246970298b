package io.neckbeard.plugin;

/** A factory found by {@link java.util.ServiceLoader}, selected by the {@code type:} id in configuration. */
public interface Typed {
    /** The id users write in configuration, e.g. {@code local-yaml}, {@code ec2}. */
    String type();
}
