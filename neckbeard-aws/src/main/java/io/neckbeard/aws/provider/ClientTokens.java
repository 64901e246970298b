package io.neckbeard.aws.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(engineToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
