package io.neckbeard.aws.loadbalancer;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the API calls a client makes, by operation name ({@code DescribeTargetHealth}); retries are not counted again. */
final class CallCounter implements ExecutionInterceptor {
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    void reset() {
        calls.clear();
    }
}
