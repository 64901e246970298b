package io.neckbeard.cli;

import java.time.Duration;

/** A duration for people: {@code 45s}, {@code 12m3s}, {@code 5h2m}, {@code 3d4h} (the two largest units). */
public final class DurationText {
    private DurationText() {
    }

    public static String of(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + s % 60 + "s";
        }
        if (s < 86400) {
            return s / 3600 + "h" + s % 3600 / 60 + "m";
        }
        return s / 86400 + "d" + s % 86400 / 3600 + "h";
    }
}
