package io.switchboard.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * The embedded H2 database's online backup: {@code BACKUP TO} writes a zip of the database file while the application
 * keeps running (H2 copies a consistent state). The check unzips it into a scratch folder, as the documented restore
 * does, opens that copy read-only and counts its contacts, activities and tickets.
 */
final class H2Backup implements BackupMethod {

    /** The URL settings a copy must be opened with as well: the database refuses to open under different ones. */
    private static final Set<String> COMPATIBILITY = Set.of(
            "MODE",
            "DATABASE_TO_LOWER",
            "DATABASE_TO_UPPER",
            "CASE_INSENSITIVE_IDENTIFIERS",
            "DEFAULT_NULL_ORDERING",
            "NON_KEYWORDS");

    private final DataSource dataSource;
    private final String settings;
    private final String username;
    private final String password;

    /**
     * @param jdbcUrl the application's H2 URL, whose compatibility settings the check opens the copy with
     * @param username the database's user (a copy keeps its users and their passwords)
     */
    H2Backup(DataSource dataSource, String jdbcUrl, String username, String password) {
        this.dataSource = dataSource;
        this.settings = compatibilitySettings(jdbcUrl);
        this.username = username;
        this.password = password == null ? "" : password;
    }

    /** {@code jdbc:h2:file:./data/x;MODE=PostgreSQL;AUTO_SERVER=TRUE} to {@code ;MODE=PostgreSQL}. */
    static String compatibilitySettings(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        return Arrays.stream(jdbcUrl.split(";"))
                .skip(1)
                .filter(setting ->
                        COMPATIBILITY.contains(setting.split("=", 2)[0].strip().toUpperCase(Locale.ROOT)))
                .map(setting -> ";" + setting)
                .collect(Collectors.joining());
    }

    @Override
    public String extension() {
        return ".zip";
    }

    @Override
    public void write(Path file) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backup = connection.prepareStatement("backup to ?")) {
            backup.setString(1, file.toAbsolutePath().toString());
            backup.execute();
        }
    }

    @Override
    public BackupContents check(Path file) throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("switchboard-backup-check");
        try {
            String database = unzip(file, scratch);
            // IFEXISTS: a zip without the database must fail here, not open a new empty one
            String url = "jdbc:h2:file:" + scratch.resolve(database).toAbsolutePath() + settings
                    + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
            try (Connection copy = DriverManager.getConnection(url, username, password)) {
                return new BackupContents(
                        count(copy, "contacts"), count(copy, "activities"), count(copy, "tickets"), tables(copy));
            }
        } finally {
            delete(scratch);
        }
    }

    /** Extracts the backup (what {@code unzip} does in the README's restore); the database's name, without suffix. */
    static String unzip(Path zip, Path folder) throws IOException {
        String database = null;
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder) || entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
                if (entry.getName().endsWith(".mv.db")) {
                    database = entry.getName().substring(0, entry.getName().length() - ".mv.db".length());
                }
            }
        }
        if (database == null) {
            throw new IOException(zip.getFileName() + " holds no H2 database (no .mv.db file)");
        }
        return database;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int tables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
