package io.neckbeard.coordinator;

import io.neckbeard.core.ExitCode;

import java.util.Map;

/**
 * The {@code aws: {profile: NAME}} block the AWS-backed coordinators (s3-yaml, simpledb) share,
 * read without touching an AWS SDK.
 */
public final class AwsProfile {
    private AwsProfile() {
    }

    /** The profile named in {@code settings.aws.profile}, or null for the SDK's default credential chain. */
    public static String of(Map<String, Object> settings) {
        Object aws = settings.get("aws");
        if (aws == null) {
            return null;
        }
        if (!(aws instanceof Map<?, ?> map)) {
            throw new CoordinatorException(ExitCode.USAGE, "coordinator.aws in neckbeard/config.yml must be a mapping, not '"
                    + aws + "'", "write it as aws: {profile: NAME}, or leave it out for the default credentials", null);
        }
        Object profile = map.get("profile");
        return profile == null ? null : profile.toString();
    }
}
