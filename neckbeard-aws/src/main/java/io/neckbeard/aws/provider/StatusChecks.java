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
import java.util.Set;
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
    /** The largest page DescribeInstanceStatus returns when asked without ids. */
    static final int PAGE_SIZE = 1000;

    private final Ec2Client ec2;

    StatusChecks(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * The status of each instance of {@code instanceIds} (running ones: ask for no other). Up to
     * 100 ids are one call naming them; more are one listing of the region's running instances,
     * 1,000 a page, kept to those asked for: the call count then grows with the account's running
     * instances, not with the nodes asked about.
     */
    Map<String, InstanceStatus> of(List<String> instanceIds, String action) {
        Map<String, InstanceStatus> statuses = new HashMap<>();
        try {
            if (instanceIds.size() <= IDS_PER_CALL) {
                ec2.describeInstanceStatus(d -> d.instanceIds(instanceIds).includeAllInstances(true)).instanceStatuses()
                        .forEach(status -> statuses.put(status.instanceId(), status));
            } else {
                Set<String> wanted = Set.copyOf(instanceIds);
                ec2.describeInstanceStatusPaginator(d -> d.maxResults(PAGE_SIZE)).instanceStatuses().stream()
                        .filter(status -> wanted.contains(status.instanceId()))
                        .forEach(status -> statuses.put(status.instanceId(), status));
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, action);
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
