package io.neckbeard.packager.command;

import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerFactory;

/** The {@code command} packager: the project's own build fills a directory, which is packed as a slug. */
public final class CommandPackagerFactory implements PackagerFactory {
    @Override
    public String type() {
        return "command";
    }

    @Override
    public Packager create() {
        return new CommandPackager();
    }
}
