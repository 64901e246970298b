package io.neckbeard.cli;

import picocli.CommandLine;

/** {@code --version}: the version Maven wrote into the JAR's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Neckbeard.class.getPackage().getImplementationVersion();
        return new String[] {"neckbeard " + (version == null ? "development build" : version)};
    }
}
