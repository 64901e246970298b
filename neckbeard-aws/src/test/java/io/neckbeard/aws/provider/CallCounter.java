package io.neckbeard.aws.provider;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writes down the name of every EC2 operation a client sends (e.g. {@code DescribeInstanceStatus}), in order. */
final class CallCounter implements ExecutionInterceptor {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    void forget() {
        calls.clear();
    }
}
