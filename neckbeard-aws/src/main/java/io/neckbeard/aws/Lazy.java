package io.neckbeard.aws;

import java.util.function.Supplier;

/**
 * A value made on its first use, once, from any thread. The providers and the load balancer hold
 * their SDK-facing part this way, so creating them loads no AWS SDK class: only a call does.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    public Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = make.get();
                }
                current = value;
            }
        }
        return current;
    }
}
