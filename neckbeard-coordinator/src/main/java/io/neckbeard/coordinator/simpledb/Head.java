package io.neckbeard.coordinator.simpledb;

import io.neckbeard.coordinator.simpledb.SimpleDbDomain.Expected;
import io.neckbeard.coordinator.yaml.StateYaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment's head item as read: {@code head} = {@code VERSION/LOCK_TOKEN} (token empty when
 * unlocked), {@code state} = {@code BASE;ITEMS} of the state blob, and the other attributes.
 *
 * @param raw        the {@code head} value read, null when the item has none
 * @param stateBase  null when no state was written
 */
record Head(String environment, String raw, long version, String token, String stateBase, int stateItems,
            Map<String, List<String>> attributes, String domain) {
    private static final Pattern HEAD = Pattern.compile("(\\d{1,19})/([0-9a-f-]*)");
    private static final Pattern STATE = Pattern.compile("(.+);(\\d{1,9})");

    static Head of(String environment, Map<String, List<String>> item, String domain) {
        String source = domain + ", item " + environment;
        List<String> head = item.get("head");
        if (head == null) {
            return new Head(environment, null, 0, "", null, 0, item, domain);
        }
        Matcher matcher = HEAD.matcher(head.get(0));
        if (head.size() != 1 || !matcher.matches() || Long.compareUnsigned(Long.parseUnsignedLong(matcher.group(1)), StateYaml.MAX_VERSION) > 0) {
            throw SimpleDbBackend.damaged(source, "attribute head is not VERSION/LOCK_TOKEN: " + head);
        }
        long version = Long.parseLong(matcher.group(1));
        List<String> state = item.get("state");
        if (state == null) {
            if (version != 0) {
                throw SimpleDbBackend.damaged(source, "version " + version + " but no attribute state");
            }
            return new Head(environment, head.get(0), 0, matcher.group(2), null, 0, item, domain);
        }
        Matcher pointer = STATE.matcher(state.get(0));
        if (state.size() != 1 || !pointer.matches()) {
            throw SimpleDbBackend.damaged(source, "attribute state is not BASE;ITEMS: " + state);
        }
        return new Head(environment, head.get(0), version, matcher.group(2), pointer.group(1),
                Integer.parseInt(pointer.group(2)), item, domain);
    }

    /** The condition that the head is still this one. */
    Expected expected() {
        return new Expected("head", raw);
    }

    String single(String name) {
        List<String> values = attributes.get(name);
        if (values == null || values.size() != 1) {
            throw SimpleDbBackend.damaged(domain + ", item " + environment, "attribute " + name
                    + (values == null ? " is missing" : " has " + values.size() + " values"));
        }
        return values.get(0);
    }
}
