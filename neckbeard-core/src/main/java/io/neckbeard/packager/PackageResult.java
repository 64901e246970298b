package io.neckbeard.packager;

/**
 * What {@code neckbeard package} reports; also its JSON document.
 *
 * @param slug    path of the slug file
 * @param rebuilt false when a slug of the same digest already existed and was reused
 */
public record PackageResult(String slug, String digest, String id, boolean rebuilt) {
}
