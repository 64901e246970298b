package io.neckbeard.coordinator.simpledb;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.SdkClientException;
import com.amazonaws.services.simpledb.AmazonSimpleDB;
import com.amazonaws.services.simpledb.model.Attribute;
import com.amazonaws.services.simpledb.model.DeleteAttributesRequest;
import com.amazonaws.services.simpledb.model.GetAttributesRequest;
import com.amazonaws.services.simpledb.model.PutAttributesRequest;
import com.amazonaws.services.simpledb.model.ReplaceableAttribute;
import com.amazonaws.services.simpledb.model.UpdateCondition;
import io.neckbeard.coordinator.CoordinatorException;
import io.neckbeard.core.ExitCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One SimpleDB domain, as the backend uses it: consistent reads, puts with at most one condition,
 * and every SDK failure turned into a {@link CoordinatorException} that says what to do.
 */
final class SimpleDbDomain {
    private static final Set<String> CONDITION_FAILED = Set.of("ConditionalCheckFailed", "AttributeDoesNotExist");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AuthFailure", "AuthorizationFailure",
            "InvalidClientTokenId", "SignatureDoesNotMatch", "OptInRequired", "UnrecognizedClientException");

    private final AmazonSimpleDB sdb;
    private final String name;
    private final String region;

    SimpleDbDomain(AmazonSimpleDB sdb, String name, String region) {
        this.sdb = sdb;
        this.name = name;
        this.region = region;
    }

    /** "SimpleDB domain D in R", for messages. */
    String describe() {
        return "SimpleDB domain " + name + (region == null ? "" : " in " + region);
    }

    /** The item's attributes by name, each with its values; empty when there is no such item. Always a consistent read. */
    Map<String, List<String>> get(String item) {
        List<Attribute> attributes = call("GetAttributes", () -> sdb.getAttributes(new GetAttributesRequest(name, item)
                .withConsistentRead(true)).getAttributes());
        Map<String, List<String>> byName = new TreeMap<>();
        for (Attribute attribute : attributes) {
            byName.computeIfAbsent(attribute.getName(), key -> new ArrayList<>()).add(attribute.getValue());
        }
        return byName;
    }

    /**
     * Puts attributes, replacing their values ({@code replace}) or adding to them.
     *
     * @param expected the one condition SimpleDB checks atomically with the put: the attribute
     *                 {@code expected.name()} has the value {@code expected.value()}, or is absent when that is null
     * @throws ConditionFailed when it does not hold
     */
    void put(String item, Map<String, String> attributes, boolean replace, Expected expected) {
        List<ReplaceableAttribute> values = new ArrayList<>(attributes.size());
        attributes.forEach((key, value) -> values.add(new ReplaceableAttribute(key, value, replace)));
        PutAttributesRequest request = new PutAttributesRequest(name, item, values);
        if (expected != null) {
            request.setExpected(expected.value() == null ? new UpdateCondition().withName(expected.name()).withExists(false)
                    : new UpdateCondition(expected.name(), expected.value(), true));
        }
        call("PutAttributes", () -> sdb.putAttributes(request));
    }

    void put(String item, Map<String, String> attributes) {
        put(item, attributes, true, null);
    }

    void delete(String item) {
        call("DeleteAttributes", () -> sdb.deleteAttributes(new DeleteAttributesRequest(name, item)));
    }

    private <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (AmazonServiceException e) {
            throw translate(action, e);
        } catch (SdkClientException e) {
            throw clientError(e);
        }
    }

    private RuntimeException translate(String action, AmazonServiceException e) {
        String code = e.getErrorCode() == null ? "" : e.getErrorCode();
        if (CONDITION_FAILED.contains(code)) {
            return new ConditionFailed();
        }
        if ("NoSuchDomain".equals(code)) {
            return new CoordinatorException(ExitCode.USAGE, describe() + " does not exist (coordinator.domain in "
                    + "neckbeard/config.yml)", "neckbeard never creates domains: create it once with 'aws sdb "
                    + "create-domain --domain-name " + name + regionOption() + "' (docs/coordinator.md), or fix the name",
                    null);
        }
        if (DENIED.contains(code) || e.getStatusCode() == 403) {
            return new CoordinatorException(ExitCode.USAGE, "access denied to " + describe() + " for sdb:" + action
                    + " (" + code + ")", "grant sdb:GetAttributes, sdb:PutAttributes and sdb:DeleteAttributes on the "
                    + "domain (the IAM policy in docs/coordinator.md), or check which credentials are used (AWS_PROFILE, "
                    + "coordinator.profile)", null);
        }
        return new CoordinatorException(ExitCode.FAILED, "sdb:" + action + " on " + describe() + " failed: "
                + e.getErrorMessage() + " (" + code + ", HTTP " + e.getStatusCode() + ")", "retry; if it repeats, check "
                + "the AWS status page for SimpleDB in that region", null);
    }

    private String regionOption() {
        return region == null ? "" : " --region " + region;
    }

    /** Failures before any answer from SimpleDB: no credentials, no network. */
    static CoordinatorException clientError(SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("credentials")) {
            return new CoordinatorException(ExitCode.USAGE, "no AWS credentials for the simpledb coordinator",
                    "set AWS_PROFILE (or coordinator.profile in neckbeard/config.yml), or AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or run where an instance role is available", null);
        }
        if (message.contains("region")) {
            return new CoordinatorException(ExitCode.USAGE, "no AWS region for the simpledb coordinator",
                    "set region: in neckbeard/config.yml, or AWS_REGION", null);
        }
        return new CoordinatorException(ExitCode.FAILED, "cannot reach SimpleDB: " + message,
                "check the network (and AWS_ENDPOINT_URL_SDB / AWS_ENDPOINT_URL if set), then retry", null);
    }

    /** Attributes in name order, e.g. for a chunked value {@code c.000}, {@code c.001}, ... */
    static Map<String, String> numbered(String prefix, List<String> values) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            attributes.put(String.format(java.util.Locale.ROOT, "%s.%03d", prefix, i), values.get(i));
        }
        return attributes;
    }

    /** The condition of a put: {@code name} has {@code value}, or does not exist when {@code value} is null. */
    record Expected(String name, String value) {
    }

    /** A put's condition did not hold: someone else changed the item first. */
    static final class ConditionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConditionFailed() {
            super("conditional check failed", null, false, false);
        }
    }
}
