package io.neckbeard.plugin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RunScopeTest {

    @Test
    void aSharedObjectIsMadeOnceEvenWhenThreadsAskAtOnce() throws Exception {
        RunScope run = new RunScope();
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<StringBuilder>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return run.shared("clients", StringBuilder.class, () -> {
                        made.incrementAndGet();
                        return new StringBuilder("one");
                    });
                }));
            }
            start.countDown();
            StringBuilder first = asked.get(0).get(10, TimeUnit.SECONDS);
            for (Future<StringBuilder> each : asked) {
                assertThat(each.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void closingTheRunClosesWhatItShares() {
        RunScope run = new RunScope();
        AtomicInteger closed = new AtomicInteger();
        run.shared("a", AutoCloseable.class, () -> closed::incrementAndGet);
        run.shared("b", String.class, () -> "not closeable");

        run.close();

        assertThat(closed).hasValue(1);
    }

    @Test
    void callsAreCountedByServiceAndOperationFromManyThreads() throws Exception {
        ApiCalls calls = new ApiCalls();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(threads.submit(() -> {
                    for (int n = 0; n < 1000; n++) {
                        calls.count("EC2", "DescribeInstances");
                    }
                    calls.count("EC2", "RunInstances");
                }));
            }
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(calls.totals()).containsExactly(Map.entry("EC2.DescribeInstances", 4000L), Map.entry("EC2.RunInstances", 4L));
    }

    @Test
    void noCallIsAnEmptyCount() {
        assertThat(new ApiCalls().totals()).isEmpty();
    }
}
