package io.neckbeard.packager;

/** Packs the application into a slug; rebuilds only when the inputs changed. */
public interface Packager {
    Slug build(PackageRequest request);
}
