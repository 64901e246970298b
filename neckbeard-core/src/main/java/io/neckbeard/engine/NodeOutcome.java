package io.neckbeard.engine;

/**
 * How one node fared in a command: a row of the final summary.
 *
 * @param action what was (or would be) done, e.g. {@code take-out, provision, put-back}
 * @param result {@code ok}, {@code failed}, {@code skipped} (not started: the rollout stopped),
 *               {@code unchanged}, {@code kept} (a retirement the HA floor did not allow) or
 *               {@code planned} (dry run)
 * @param detail why it failed (with the tail of the failing output), or a short note
 */
public record NodeOutcome(String name, String type, String az, String action, String result, String detail) {

    public boolean failed() {
        return "failed".equals(result);
    }
}
