package io.neckbeard.packager.tarball;

import io.neckbeard.packager.Packager;
import io.neckbeard.packager.PackagerFactory;

import java.nio.file.Path;
import java.util.Map;

/** The {@code tarball} packager: the project's files, a manifest and a content digest in a tar.gz. */
public final class TarballPackagerFactory implements PackagerFactory {
    @Override
    public String type() {
        return "tarball";
    }

    @Override
    public Packager create() {
        return new TarballPackager();
    }

    @Override
    public void validate(Map<String, Object> settings) {
        TarballPackager.validate(settings);
    }

    @Override
    public void checkProjectFiles(Map<String, Object> settings, Path projectRoot) {
        TarballPackager.checkProcfile(settings, projectRoot);
    }
}
