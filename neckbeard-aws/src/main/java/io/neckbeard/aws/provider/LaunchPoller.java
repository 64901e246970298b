package io.neckbeard.aws.provider;

import io.neckbeard.aws.AwsErrors;
import io.neckbeard.provider.ProviderException;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Waits for the instances a provider launched until they run and pass their status checks, all
 * of them in shared poll rounds: the calls grow with the rounds, not with the nodes. Each
 * launching thread registers its instance and blocks on a condition (no thread spins); when a
 * round is due, one of the waiting threads makes it while the others sleep on: one
 * DescribeInstances naming every instance still waited for ({@value #IDS_PER_CALL} ids a call),
 * then one DescribeInstanceStatus for those of them that run and wait for their checks, and
 * every waiting launch gets its own answer. The first round comes {@code firstPoll} after a
 * launch joins; the waits then double up to {@code maxPoll}, and a launch that joins brings them
 * back to {@code firstPoll}. A node's timeout, its instance ending {@code terminated} (with
 * EC2's reason) or {@code stopped}, and its impaired status checks fail that node only.
 */
final class LaunchPoller {
    /**
     * The ids one DescribeInstances names, in an {@code instance-id} filter (a filter that names an
     * instance EC2 does not show yet finds nothing, where {@code InstanceIds} would fail the whole
     * call). EC2's API reference gives no count for a filter's values; EC2 is reported to refuse
     * more than 200 ({@code FilterLimitExceeded}), so this stays at 200 (docs/aws.md).
     */
    static final int IDS_PER_CALL = 200;

    private final Function<List<String>, List<Instance>> describe;
    private final StatusChecks statusChecks;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roundDone = lock.newCondition();
    /** By instance id, the launches waiting; guarded by {@link #lock}, as are the fields below. */
    private final Map<String, Waiter> waiting = new LinkedHashMap<>();
    private Backoff waits;
    private Instant nextRound;
    private boolean polling;
    private int rounds;

    /** @param describe the instances of up to {@value #IDS_PER_CALL} ids, in one DescribeInstances; those EC2 does not know are left out */
    LaunchPoller(Function<List<String>, List<Instance>> describe, StatusChecks statusChecks, Duration firstPoll, Duration maxPoll) {
        this.describe = describe;
        this.statusChecks = statusChecks;
        this.firstPoll = firstPoll;
        this.maxPoll = maxPoll;
    }

    /**
     * Blocks until the instance runs and, with {@code checks}, has passed both status checks.
     *
     * @return the instance as the last round saw it
     * @throws ProviderException when it ends terminated or stopped, fails its checks, is not there
     *                           by {@code deadline}, or the thread is interrupted
     */
    Instance await(String instanceId, String node, boolean checks, Instant deadline, Duration timeout) {
        Waiter waiter = new Waiter(instanceId, node, checks, timeout);
        lock.lock();
        try {
            join(waiter);
            while (waiter.result == null && waiter.failure == null) {
                Instant now = Instant.now();
                if (!now.isBefore(deadline)) {
                    throw waiter.timedOut();
                }
                if (!polling && !now.isBefore(nextRound)) {
                    poll();
                } else {
                    Instant wake = polling || nextRound.isAfter(deadline) ? deadline : nextRound;
                    roundDone.awaitNanos(Duration.between(now, wake).toNanos());
                }
            }
            if (waiter.failure != null) {
                throw waiter.failure;
            }
            return waiter.result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("node " + node + ": interrupted while waiting for instance " + instanceId,
                    "run 'neckbeard up' again: it finds the instance by its tags");
        } finally {
            waiting.remove(instanceId, waiter);
            lock.unlock();
        }
    }

    /** The poll rounds made so far. */
    int rounds() {
        lock.lock();
        try {
            return rounds;
        } finally {
            lock.unlock();
        }
    }

    private void join(Waiter waiter) {
        Instant soon = Instant.now().plus(firstPoll);
        if (waiting.isEmpty() || soon.isBefore(nextRound)) {
            nextRound = soon;
        }
        waits = new Backoff(firstPoll, maxPoll);
        waiting.put(waiter.instanceId, waiter);
    }

    /** One round, made by the calling thread (which holds the lock) without the lock, so that launches can join meanwhile. */
    private void poll() throws InterruptedException {
        polling = true;
        rounds++;
        List<Waiter> asked = List.copyOf(waiting.values());
        Round round = null;
        RuntimeException failed = null;
        lock.unlock();
        try {
            round = look(asked);
        } catch (RuntimeException e) {
            failed = e;
        } finally {
            lock.lock();
            polling = false;
            nextRound = Instant.now().plus(waits.advance());
            roundDone.signalAll();
        }
        if (failed != null && Thread.currentThread().isInterrupted()) {
            throw new InterruptedException(); // the SDK call was cut short: the others poll on without this thread
        }
        RuntimeException error = failed == null ? null : AwsErrors.translate(failed, "wait for the launched ec2 instances");
        for (Waiter waiter : asked) {
            if (waiting.get(waiter.instanceId) == waiter) {
                if (error != null) {
                    waiter.failure = error;
                } else {
                    waiter.see(round.instances().get(waiter.instanceId), round.statuses().get(waiter.instanceId));
                }
            }
        }
    }

    private Round look(List<Waiter> asked) {
        Map<String, Instance> instances = new HashMap<>();
        List<String> ids = asked.stream().map(w -> w.instanceId).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
            describe.apply(ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL)))
                    .forEach(instance -> instances.put(instance.instanceId(), instance));
        }
        List<String> checking = new ArrayList<>();
        for (Waiter waiter : asked) {
            Instance instance = instances.get(waiter.instanceId);
            if (waiter.checks && instance != null && instance.state().name() == InstanceStateName.RUNNING) {
                checking.add(waiter.instanceId);
            }
        }
        return new Round(instances, checking.isEmpty() ? Map.of() : statusChecks.of(checking, "wait for the status checks of the launched ec2 instances"));
    }

    /** What one round found: the instances EC2 shows, and the status checks of the running ones asked for. */
    private record Round(Map<String, Instance> instances, Map<String, InstanceStatus> statuses) {
    }

    /** One launch waiting; its fields are guarded by the poller's lock. */
    private static final class Waiter {
        private final String instanceId;
        private final String node;
        private final boolean checks;
        private final Duration timeout;
        private Instance seen;
        private InstanceStatus status;
        private Instance result;
        private RuntimeException failure;

        Waiter(String instanceId, String node, boolean checks, Duration timeout) {
            this.instanceId = instanceId;
            this.node = node;
            this.checks = checks;
            this.timeout = timeout;
        }

        /** What a round found: an instance not shown yet (EC2 is eventually consistent) is still pending. */
        void see(Instance instance, InstanceStatus status) {
            this.seen = instance;
            this.status = status;
            InstanceStateName state = instance == null ? InstanceStateName.PENDING : instance.state().name();
            if (state == InstanceStateName.TERMINATED || state == InstanceStateName.SHUTTING_DOWN) {
                String reason = instance.stateReason() == null ? "EC2 gave no reason" : instance.stateReason().message();
                failure = new ProviderException("node " + node + ": instance " + instanceId + " ended " + state + " instead of running: " + reason,
                        "fix what EC2 names (image, instance type, capacity of the zone) and run 'neckbeard up' again");
            } else if (state == InstanceStateName.STOPPED || state == InstanceStateName.STOPPING) {
                // an earlier run's instance (EC2 answered its client token with it) someone stopped: starting it is the operator's call
                failure = new ProviderException("node " + node + ": its instance " + instanceId + " is " + state,
                        "start it ('aws ec2 start-instances --instance-ids " + instanceId + "') or terminate it, then run 'neckbeard up' again");
            } else if (state == InstanceStateName.RUNNING && !checks) {
                result = instance;
            } else if (state == InstanceStateName.RUNNING && status != null && StatusChecks.passed(status)) {
                result = instance;
            } else if (state == InstanceStateName.RUNNING && status != null && StatusChecks.impaired(status)) {
                failure = new ProviderException("node " + node + ": instance " + instanceId + " failed its status checks: "
                        + StatusChecks.describe(status), "look at the instance's system log in the EC2 console (image, kernel, "
                        + "network settings), then terminate the node and run 'neckbeard up' again");
            }
        }

        ProviderException timedOut() {
            if (seen != null && seen.state().name() == InstanceStateName.RUNNING) {
                return new ProviderException("node " + node + ": instance " + instanceId + " has not passed its status checks after "
                        + timeout + " (" + (status == null ? "no status yet" : StatusChecks.describe(status)) + ")",
                        "look at the instance in the EC2 console, raise ec2.launch_timeout, or set ec2.status_checks: false");
            }
            return new ProviderException("node " + node + ": instance " + instanceId + " is still "
                    + (seen == null ? InstanceStateName.PENDING : seen.state().name()) + " after " + timeout,
                    "look at the instance in the EC2 console, raise ec2.launch_timeout if it boots slowly, and run 'neckbeard up' again");
        }
    }
}
