package io.neckbeard.packager;

import io.neckbeard.plugin.Typed;

import java.nio.file.Path;
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

    /**
     * Checks, without building anything, what {@code neckbeard check} can know before a deploy:
     * the project files the slug must hold (such as the Procfile). The default
     * checks nothing.
     *
     * @param settings    the {@code packager:} block without {@code type}
     * @param projectRoot the project directory
     * @throws PackagerSettingException naming the setting the problem is reported at
     */
    default void checkProjectFiles(Map<String, Object> settings, Path projectRoot) {
    }
}
