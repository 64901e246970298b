package io.neckbeard.aws.provider;

/**
 * EC2's {@code ClientToken}: at most 64 ASCII characters. The engine's token (app, env,
 * generation, node and, for a relaunch, the attempt) is used as it is when it fits, else its
 * SHA-256 in hex (64 characters), so it stays deterministic either way.
 */
final class ClientTokens {
    static final int MAX_LENGTH = 64;

    private ClientTokens() {
    }

    static String of(String engineToken) {
        if (engineToken.length() <= MAX_LENGTH && engineToken.chars().allMatch(c -> c > 32 && c < 127)) {
            return engineToken;
        }
        return Digests.sha256Hex(engineToken);
    }
}
