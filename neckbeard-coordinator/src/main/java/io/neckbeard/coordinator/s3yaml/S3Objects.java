package io.neckbeard.coordinator.s3yaml;

import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The S3 calls the s3-yaml backend makes, on one bucket, with conditional writes, and with every
 * SDK failure turned into a {@link CoordinatorException} that names the bucket, the object and,
 * when access was denied, the permission that is missing.
 */
final class S3Objects implements AutoCloseable {
    /** S3's answers to a failed precondition: 412, and 409 when a concurrent conditional write to the key is in flight. */
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONDITIONAL_REQUEST_CONFLICT = 409;

    /** The most keys S3 returns per listing page. */
    static final int MAX_PAGE = 1000;

    private final S3YamlSettings settings;
    private final S3Client s3;
    private final int pageSize;

    S3Objects(S3YamlSettings settings, S3Client s3) {
        this(settings, s3, MAX_PAGE);
    }

    /** @param pageSize keys asked for per listing page (tests make it small to cross pages) */
    S3Objects(S3YamlSettings settings, S3Client s3, int pageSize) {
        this.settings = settings;
        this.s3 = s3;
        this.pageSize = pageSize;
    }

    /** Object metadata naming the write that stored the object (see {@link #put}). */
    private static final String WRITE_ID = "neckbeard-write";

    /**
     * An object's bytes (or its first bytes), the ETag of the whole object, and the id of the
     * write that stored it (null for an object stored by something else).
     */
    record Stored(byte[] bytes, String etag, String writeId) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    S3YamlSettings settings() {
        return settings;
    }

    Optional<Stored> get(String key) {
        return get(key, null);
    }

    /** The first {@code bytes} bytes of the object, with the ETag of all of it. */
    Optional<Stored> head(String key, int bytes) {
        return get(key, "bytes=0-" + (bytes - 1));
    }

    private Optional<Stored> get(String key, String range) {
        return call("read", "s3:GetObject", key, () -> {
            try {
                ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(GetObjectRequest.builder()
                        .bucket(settings.bucket()).key(key).range(range).build());
                return Optional.of(new Stored(object.asByteArray(), object.response().eTag(),
                        object.response().metadata().get(WRITE_ID)));
            } catch (NoSuchKeyException absent) {
                return Optional.empty();
            }
        });
    }

    /**
     * Stores {@code text} if the object's ETag is still {@code ifMatch}, or, with {@code ifMatch}
     * null, if there is no object yet. The object carries {@code writeId}: the SDK retries a
     * request that failed without an answer, and when the first attempt had in fact been stored,
     * the retry fails its precondition; the id tells the caller that the write it lost to was its own.
     *
     * @return the new ETag, or empty when the precondition failed
     */
    Optional<String> put(String key, String text, String ifMatch, String writeId) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(settings.bucket()).key(key)
                .metadata(Map.of(WRITE_ID, writeId))
                .contentType(key.endsWith(".json") ? "application/json" : "application/yaml; charset=utf-8");
        if (ifMatch == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(ifMatch);
        }
        return call("write", "s3:PutObject", key, () -> {
            try {
                return Optional.of(s3.putObject(request.build(), RequestBody.fromString(text, StandardCharsets.UTF_8)).eTag());
            } catch (S3Exception e) {
                if (preconditionFailed(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Deletes the object if its ETag is still {@code ifMatch}; false when it changed or is gone. */
    boolean delete(String key, String ifMatch) {
        return call("delete", "s3:DeleteObject", key, () -> {
            try {
                s3.deleteObject(DeleteObjectRequest.builder().bucket(settings.bucket()).key(key).ifMatch(ifMatch).build());
                return true;
            } catch (NoSuchKeyException gone) {
                return false;
            } catch (S3Exception e) {
                if (preconditionFailed(e) || e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Up to {@code limit} keys under {@code prefix}, in S3's (lexicographic) order, page by page. */
    List<String> keys(String prefix, int limit) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = list(ListObjectsV2Request.builder().prefix(prefix)
                    .maxKeys(Math.min(pageSize, limit - keys.size())).continuationToken(token), prefix);
            for (S3Object object : page.contents()) {
                keys.add(object.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null && keys.size() < limit);
        return keys;
    }

    /** The "folders" directly under {@code prefix}: {@code prefix + name + "/"}, every page of them. */
    List<String> folders(String prefix) {
        List<String> folders = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = list(ListObjectsV2Request.builder().prefix(prefix).delimiter("/")
                    .continuationToken(token), prefix);
            for (CommonPrefix folder : page.commonPrefixes()) {
                folders.add(folder.prefix());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return folders;
    }

    private ListObjectsV2Response list(ListObjectsV2Request.Builder request, String prefix) {
        return call("list", "s3:ListBucket", prefix, () -> s3.listObjectsV2(request.bucket(settings.bucket()).build()));
    }

    private static boolean preconditionFailed(S3Exception e) {
        return e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONDITIONAL_REQUEST_CONFLICT;
    }

    private <T> T call(String action, String permission, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            throw failure(action, permission, key, e);
        } catch (SdkClientException e) {
            throw clientFailure(action, key, e);
        } catch (SdkException e) {
            throw new CoordinatorException(ExitCode.FAILED, "cannot " + action + " " + settings.url(key) + ": "
                    + e.getMessage(), "re-run; if it repeats, check the network path to S3", e);
        }
    }

    private CoordinatorException failure(String action, String permission, String key, S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("NoSuchBucket".equals(code)) {
            return new CoordinatorException(ExitCode.USAGE, "the S3 bucket " + settings.bucket() + " does not exist "
                    + "(coordinator.bucket in neckbeard/config.yml)", "create it (neckbeard init does not create buckets; "
                    + "see docs/coordinator.md), or fix coordinator.bucket and the region", e);
        }
        if (e.statusCode() == 403) {
            return new CoordinatorException(ExitCode.USAGE, "access denied: cannot " + action + " " + settings.url(key)
                    + " (" + (code == null ? "HTTP 403" : code) + "); the s3-yaml coordinator needs " + permission
                    + " on bucket " + settings.bucket(), "grant " + permission + " on arn:aws:s3:::" + settings.bucket()
                    + (permission.equals("s3:ListBucket") ? "" : "/" + settings.prefix() + "*") + " to the AWS "
                    + "credentials in use (the full policy is in docs/coordinator.md)", e);
        }
        return new CoordinatorException(ExitCode.FAILED, "cannot " + action + " " + settings.url(key) + ": "
                + (code == null ? "HTTP " + e.statusCode() : code) + " " + messageOf(e), "re-run; if it repeats, check "
                + "the bucket's region and the AWS status page", e);
    }

    private CoordinatorException clientFailure(String action, String key, SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials") || message.contains("credentials")) {
            return new CoordinatorException(ExitCode.USAGE, "no AWS credentials for the s3-yaml coordinator (bucket "
                    + settings.bucket() + (settings.profile() == null ? "" : ", profile " + settings.profile()) + ")",
                    "export AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or set coordinator.aws.profile "
                            + "in neckbeard/config.yml; on EC2 or in CI, attach a role", e);
        }
        return new CoordinatorException(ExitCode.FAILED, "cannot " + action + " " + settings.url(key) + ": " + message,
                "check the network path to S3 (and AWS_ENDPOINT_URL, if set), then re-run", e);
    }

    private static String messageOf(S3Exception e) {
        return e.awsErrorDetails() == null ? e.getMessage() : String.valueOf(e.awsErrorDetails().errorMessage());
    }

    @Override
    public void close() {
        s3.close();
    }
}
