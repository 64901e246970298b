package io.neckbeard.packager;

import io.neckbeard.plugin.Typed;

/** Registered in {@code META-INF/services}; {@code type()} is {@code packager.type}. */
public interface PackagerFactory extends Typed {
    Packager create();
}
