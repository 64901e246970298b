package io.neckbeard.coordinator.simpledb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Text in SimpleDB attribute values, which hold at most 1,024 bytes each: gzip, then base64 (so no
 * character is ever subject to the XML of the wire protocol), cut into values of that size.
 * A state YAML compresses about tenfold, so most states need one item.
 */
final class Chunks {
    /** SimpleDB's limit on one attribute value, in bytes; base64 is ASCII, so also in characters. */
    static final int VALUE_LIMIT = 1024;

    private Chunks() {
    }

    static List<String> split(String text) {
        String encoded = Base64.getEncoder().encodeToString(gzip(text.getBytes(StandardCharsets.UTF_8)));
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < encoded.length(); start += VALUE_LIMIT) {
            chunks.add(encoded.substring(start, Math.min(encoded.length(), start + VALUE_LIMIT)));
        }
        return chunks;
    }

    /** @throws IllegalArgumentException when the chunks are not what {@link #split} made */
    static String join(List<String> chunks) {
        byte[] compressed = Base64.getDecoder().decode(String.join("", chunks));
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("not gzip data: " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
