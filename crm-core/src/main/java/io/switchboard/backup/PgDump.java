package io.switchboard.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * PostgreSQL's own backup tool: {@code pg_dump --format=custom} (compressed, restored table by table with
 * {@code pg_restore}). The check lists the dump's table of contents with {@code pg_restore --list}, which reads the
 * whole file's header and index, and requires the data of the contacts, activities and tickets to be in it.
 */
final class PgDump implements BackupMethod {

    private static final Set<String> REQUIRED = Set.of("contacts", "activities", "tickets");
    private static final Duration LIMIT = Duration.ofHours(6);

    private final Path pgDump;
    private final Path pgRestore;
    private final String database;
    private final String username;
    private final String password;

    /**
     * @param jdbcUrl the application's {@code jdbc:postgresql://host:port/database?...} URL; its JDBC-only
     *     parameters are left out, {@code pg_dump} gets host, port and database
     */
    PgDump(Path pgDump, Path pgRestore, String jdbcUrl, String username, String password) {
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
        this.database = libpqUri(jdbcUrl);
        this.username = username;
        this.password = password;
    }

    /** {@code jdbc:postgresql://db:5432/switchboard?ssl=true} to {@code postgresql://db:5432/switchboard}. */
    static String libpqUri(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return "postgresql://" + host + ":" + port + uri.getPath();
    }

    @Override
    public String extension() {
        return ".dump";
    }

    @Override
    public void write(Path file) throws IOException, InterruptedException {
        run(List.of(
                pgDump.toString(),
                "--format=custom",
                "--no-password",
                "--file=" + file.toAbsolutePath(),
                "--username=" + username,
                "--dbname=" + database));
    }

    @Override
    public BackupContents check(Path file) throws IOException, InterruptedException {
        String listing = run(
                List.of(pgRestore.toString(), "--list", file.toAbsolutePath().toString()));
        // a line of table data reads "215; 0 16390 TABLE DATA public contacts switchboard"
        Set<String> tables = listing.lines()
                .filter(line -> !line.startsWith(";") && line.contains(" TABLE DATA "))
                .map(line -> line.substring(line.indexOf(" TABLE DATA ") + " TABLE DATA ".length())
                        .split(" "))
                .filter(words -> words.length >= 2)
                .map(words -> words[1])
                .collect(Collectors.toSet());
        if (!tables.containsAll(REQUIRED)) {
            throw new IOException("the dump lacks the data of " + REQUIRED + "; it has " + tables);
        }
        return new BackupContents(-1, -1, -1, tables.size());
    }

    /** Runs a PostgreSQL program; its standard output, or an exception with its error output. */
    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        // the password reaches the program through its environment, never its command line (ps shows that)
        if (password != null && !password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        Path errors = Files.createTempFile("switchboard-pg", ".err");
        try {
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            String output;
            try (var out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + LIMIT);
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(errors).strip());
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
