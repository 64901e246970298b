package io.neckbeard.coordinator.localyaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a file from its end, so the cost depends on how many are asked for, not on the file. */
final class TailReader {
    private static final int CHUNK = 64 * 1024;

    private TailReader() {
    }

    /** Up to {@code limit} non-empty lines, the last line first. */
    static List<String> lastLines(Path file, int limit) throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = channel.size();
            byte[] carry = new byte[0];
            while (position > 0 && lines.size() < limit) {
                int size = (int) Math.min(CHUNK, position);
                position -= size;
                byte[] block = new byte[size + carry.length];
                ByteBuffer buffer = ByteBuffer.wrap(block, 0, size);
                readFully(channel, buffer, position);
                System.arraycopy(carry, 0, block, size, carry.length);
                int end = block.length;
                for (int i = block.length - 1; i >= 0 && lines.size() < limit; i--) {
                    if (block[i] == '\n') {
                        addLine(lines, block, i + 1, end);
                        end = i;
                    }
                }
                carry = Arrays.copyOf(block, end);
            }
            if (position == 0 && lines.size() < limit) {
                addLine(lines, carry, 0, carry.length);
            }
        }
        return lines;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return;
            }
        }
    }

    private static void addLine(List<String> lines, byte[] bytes, int from, int to) {
        if (to > from) {
            lines.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        }
    }
}
