package io.neckbeard.stack;

import io.neckbeard.packager.Slug;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The processes of a slug, read from the {@code Procfile} inside the local tar.gz: the file
 * the release will hold, known before anything runs on the node (reading it back from the
 * node would cost a command per node).
 */
final class SlugProcfile {
    private SlugProcfile() {
    }

    static List<ProcfileEntry> read(Slug slug) {
        String source = slug.file() + "!Procfile";
        try (InputStream file = new BufferedInputStream(Files.newInputStream(slug.file()));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (entry.isFile() && name.equals("Procfile")) {
                    String text = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    return Procfile.parse(text.lines().toList(), source);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot read slug " + slug.file() + ": " + e.getMessage(),
                    "run neckbeard package again to rebuild it");
        }
        throw new StackException("slug " + slug.file() + " has no Procfile at its top level",
                "add a Procfile to the project (e.g. 'web: python3 -m http.server $PORT') and deploy again");
    }
}
