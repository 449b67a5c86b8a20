package io.switchboard.api;

import io.switchboard.csv.TextEncodings;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files kept past their request (a list is imported in the background): copied where the servlet container
 * spools uploads ({@code spring.servlet.multipart.location}, else the temporary directory), and deleted again by
 * whoever ends up owning them, on every path.
 */
@Component
class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final MultipartProperties multipart;

    Uploads(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    /** A copy of the upload that outlives the request; the caller deletes it ({@link #delete}). */
    Path keep(MultipartFile file, String prefix) throws IOException {
        Path directory = StringUtils.hasText(multipart.getLocation())
                ? Path.of(multipart.getLocation())
                : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(directory);
        Path copy = Files.createTempFile(directory, prefix, ".csv");
        try {
            file.transferTo(copy);
            return copy;
        } catch (IOException | RuntimeException e) {
            delete(copy);
            throw e;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the uploaded file {}", file, e);
        }
    }

    /**
     * The charset a client named in the {@code charset} parameter; {@code null} when it named none, to detect it.
     *
     * @throws InvalidUploadException naming the parameter when Java has no such charset
     */
    static Charset charset(String name) {
        if (!StringUtils.hasText(name)) {
            return null;
        }
        try {
            return TextEncodings.named(name);
        } catch (UnsupportedCharsetException e) {
            throw new InvalidUploadException(
                    "charset", "unknown charset '" + name.strip() + "' (use e.g. UTF-8, windows-1252, UTF-16LE)");
        }
    }
}
