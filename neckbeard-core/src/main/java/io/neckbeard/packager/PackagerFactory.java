package io.neckbeard.packager;

import io.neckbeard.plugin.Typed;

import java.util.Map;

/** Registered in {@code META-INF/services}; {@code type()} is {@code packager.type}. */
public interface PackagerFactory extends Typed {
    Packager create();

    /**
     * Checks the packager's settings (the {@code packager:} block without {@code type}), so that
     * {@code check} reports a mistake before any build.
     *
     * @throws io.neckbeard.core.NeckbeardException exit 2, naming the setting
     */
    default void validate(Map<String, Object> settings) {
    }
}
