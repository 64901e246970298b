package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsErrors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * EC2's status checks of running instances (DescribeInstanceStatus): the system check (AWS's
 * hardware and network) and the instance check (the guest answering). Both {@code ok} is passed;
 * either {@code impaired} is a broken node; anything else ({@code initializing},
 * {@code insufficient-data}) is not decided yet.
 */
final class StatusChecks {
    /** DescribeInstanceStatus takes at most 100 instance ids a call. */
    static final int IDS_PER_CALL = 100;

    private final Ec2Client ec2;

    StatusChecks(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The status of each instance of {@code instanceIds} (running ones: ask for no other), one call per 100 ids. */
    Map<String, InstanceStatus> of(List<String> instanceIds, String action) {
        Map<String, InstanceStatus> statuses = new HashMap<>();
        for (int from = 0; from < instanceIds.size(); from += IDS_PER_CALL) {
            List<String> ids = instanceIds.subList(from, Math.min(instanceIds.size(), from + IDS_PER_CALL));
            try {
                ec2.describeInstanceStatus(d -> d.instanceIds(ids).includeAllInstances(true)).instanceStatuses()
                        .forEach(status -> statuses.put(status.instanceId(), status));
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, action);
            }
        }
        return statuses;
    }

    static boolean passed(InstanceStatus status) {
        return status.systemStatus() != null && status.systemStatus().status() == SummaryStatus.OK
                && status.instanceStatus() != null && status.instanceStatus().status() == SummaryStatus.OK;
    }

    static boolean impaired(InstanceStatus status) {
        return isImpaired(status.systemStatus()) || isImpaired(status.instanceStatus());
    }

    /** What EC2 says, e.g. {@code system check ok, instance check impaired (reachability failed)}. */
    static String describe(InstanceStatus status) {
        List<String> parts = new ArrayList<>();
        parts.add("system check " + summary(status.systemStatus()));
        parts.add("instance check " + summary(status.instanceStatus()));
        return String.join(", ", parts);
    }

    private static boolean isImpaired(InstanceStatusSummary summary) {
        return summary != null && summary.status() == SummaryStatus.IMPAIRED;
    }

    private static String summary(InstanceStatusSummary summary) {
        if (summary == null || summary.status() == null) {
            return "unknown";
        }
        String details = summary.details().stream().filter(d -> !"passed".equals(d.statusAsString()))
                .map(d -> d.nameAsString() + " " + d.statusAsString()
                        + (d.impairedSince() == null ? "" : " since " + d.impairedSince()))
                .collect(Collectors.joining(", "));
        return summary.statusAsString() + (details.isEmpty() ? "" : " (" + details + ")");
    }
}
