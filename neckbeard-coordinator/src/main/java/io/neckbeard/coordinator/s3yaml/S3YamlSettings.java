package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.AwsProfile;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;

import java.util.Map;

/**
 * {@code coordinator: {type: s3-yaml, bucket: B, prefix: neckbeard/, aws: {profile: NAME}}}, read
 * without touching the AWS SDK, so that merely naming the backend loads none of it.
 *
 * @param prefix  where the environments live in the bucket; empty or ending in {@code /}
 * @param profile the AWS profile, or null for the SDK's default credential chain
 * @param region  the project's {@code region:}, or null for the SDK's default region chain
 */
public record S3YamlSettings(String bucket, String prefix, String profile, String region) {
    public static final String DEFAULT_PREFIX = "neckbeard/";

    public static S3YamlSettings of(Map<String, Object> settings, String region) {
        Object bucket = settings.get("bucket");
        if (bucket == null || bucket.toString().isBlank()) {
            throw new CoordinatorException(ExitCode.USAGE, "coordinator.bucket is missing in neckbeard/config.yml (the "
                    + "s3-yaml coordinator keeps the state in an S3 bucket)", "add it: coordinator: {type: s3-yaml, bucket: "
                    + "my-team-neckbeard, prefix: neckbeard/}; create the bucket first (neckbeard init does not)", null);
        }
        Object prefix = settings.getOrDefault("prefix", DEFAULT_PREFIX);
        String normalised = prefix == null ? "" : prefix.toString().replaceFirst("^/+", "");
        if (!normalised.isEmpty() && !normalised.endsWith("/")) {
            normalised += "/";
        }
        return new S3YamlSettings(bucket.toString(), normalised, AwsProfile.of(settings), region);
    }

    /** {@code s3://bucket/key}, as messages name an object. */
    public String url(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
