package io.neckbeard.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the plugins of one command run share: objects made once per run and used by every plugin
 * that needs them (the AWS clients of the ec2 and rds providers and the elbv2 load balancer), and
 * the {@link ApiCalls} they made. Created with the run's {@link Plugins}; closed at the end of the
 * run, closing what it holds. Thread-safe.
 */
public final class RunScope implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunScope.class);

    private final Map<String, Object> shared = new ConcurrentHashMap<>();
    private final ApiCalls calls = new ApiCalls();

    /** The run's object under {@code key}, made by {@code create} on the first ask (once, even when threads race). */
    public <T> T shared(String key, Class<T> type, Supplier<T> create) {
        return type.cast(shared.computeIfAbsent(key, k -> create.get()));
    }

    public ApiCalls calls() {
        return calls;
    }

    /** Closes every shared object that is {@link AutoCloseable}; a failure to close is logged, not thrown. */
    @Override
    public void close() {
        List<Object> held = new ArrayList<>(shared.values());
        shared.clear();
        for (Object object : held) {
            if (object instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("cannot close {}: {}", object, e.toString());
                }
            }
        }
    }
}
