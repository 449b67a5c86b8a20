package io.switchboard.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file's bytes, which can be read more than once: once to find the encoding, once to import it.
 * {@code multipartFile::getInputStream} is one.
 */
@FunctionalInterface
public interface ByteSource {

    InputStream open() throws IOException;

    static ByteSource of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static ByteSource of(Path file) {
        return () -> Files.newInputStream(file);
    }
}
