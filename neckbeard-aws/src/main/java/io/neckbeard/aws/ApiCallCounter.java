package io.neckbeard.aws;

import io.neckbeard.plugin.ApiCalls;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every API call a client makes (each page of a paginated call is one), once per call:
 * the SDK's retries of a call are not counted again. Safe to share between threads.
 */
final class ApiCallCounter implements ExecutionInterceptor {
    private final String service;
    private final ApiCalls calls;

    ApiCallCounter(String service, ApiCalls calls) {
        this.service = service;
        this.calls = calls;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.count(service, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
