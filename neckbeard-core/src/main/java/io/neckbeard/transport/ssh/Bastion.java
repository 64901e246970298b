package io.neckbeard.transport.ssh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ssh.bastion}: the host a node is reached through, as OpenSSH's {@code -J user@host:port}. */
public record Bastion(String user, String host, int port) {
    /** {@code [user@]host[:port]}; an IPv6 address in brackets. */
    private static final Pattern FORM = Pattern.compile("(?:([^@\\s]+)@)?(\\[[0-9A-Fa-f:.]+]|[^\\s:@\\[\\]]+)(?::(\\d{1,5}))?");

    /** The bastion written as {@code text}, its user {@code defaultUser} when it names none; null when the text is not of that form. */
    static Bastion parse(String text, String defaultUser) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches() || matcher.group(2).startsWith("-")) {
            return null;
        }
        int port = matcher.group(3) == null ? 22 : Integer.parseInt(matcher.group(3));
        if (port < 1 || port > 65535) {
            return null;
        }
        String host = matcher.group(2).replace("[", "").replace("]", "");
        return new Bastion(matcher.group(1) == null ? defaultUser : matcher.group(1), host, port);
    }

    /** For OpenSSH's {@code -J}: {@code user@host:port}, an IPv6 address in brackets. */
    @Override
    public String toString() {
        return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
