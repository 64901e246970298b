package io.neckbeard.stack;

/** One line of a Procfile: {@code web: python3 -m http.server $PORT}. */
public record ProcfileEntry(String name, String command) {
    /** The process that receives {@code PORT} (as on Heroku, only {@code web} listens for traffic). */
    public static final String WEB = "web";

    public boolean web() {
        return WEB.equals(name);
    }
}
